package org.traytalk.noise;

import java.util.Map;

/**
 * The handshake patterns of the Noise spec, revision 34, section 7 (one-way, fundamental interactive and deferred
 * interactive), in its own notation: pre-messages, "...", then the messages, separated by ";".
 */
final class PatternTable {
    static final Map<String, String> NOTATION = Map.ofEntries(
            // one-way: the responder never answers
            Map.entry("N", "<- s ... -> e, es"),
            Map.entry("K", "-> s; <- s ... -> e, es, ss"),
            Map.entry("X", "<- s ... -> e, es, s, ss"),
            // fundamental interactive
            Map.entry("NN", "-> e; <- e, ee"),
            Map.entry("NK", "<- s ... -> e, es; <- e, ee"),
            Map.entry("NX", "-> e; <- e, ee, s, es"),
            Map.entry("KN", "-> s ... -> e; <- e, ee, se"),
            Map.entry("KK", "-> s; <- s ... -> e, es, ss; <- e, ee, se"),
            Map.entry("KX", "-> s ... -> e; <- e, ee, se, s, es"),
            Map.entry("XN", "-> e; <- e, ee; -> s, se"),
            Map.entry("XK", "<- s ... -> e, es; <- e, ee; -> s, se"),
            Map.entry("XX", "-> e; <- e, ee, s, es; -> s, se"),
            Map.entry("IN", "-> e, s; <- e, ee, se"),
            Map.entry("IK", "<- s ... -> e, es, s, ss; <- e, ee, se"),
            Map.entry("IX", "-> e, s; <- e, ee, se, s, es"),
            // deferred: a "1" moves that side's authentication DH one message later
            Map.entry("NK1", "<- s ... -> e; <- e, ee, es"),
            Map.entry("NX1", "-> e; <- e, ee, s; -> es"),
            Map.entry("X1N", "-> e; <- e, ee; -> s; <- se"),
            Map.entry("X1K", "<- s ... -> e, es; <- e, ee; -> s; <- se"),
            Map.entry("XK1", "<- s ... -> e; <- e, ee, es; -> s, se"),
            Map.entry("X1K1", "<- s ... -> e; <- e, ee, es; -> s; <- se"),
            Map.entry("X1X", "-> e; <- e, ee, s, es; -> s; <- se"),
            Map.entry("XX1", "-> e; <- e, ee, s; -> es, s, se"),
            Map.entry("X1X1", "-> e; <- e, ee, s; -> es, s; <- se"),
            Map.entry("K1N", "-> s ... -> e; <- e, ee; -> se"),
            Map.entry("K1K", "-> s; <- s ... -> e, es; <- e, ee; -> se"),
            Map.entry("KK1", "-> s; <- s ... -> e; <- e, ee, se, es"),
            Map.entry("K1K1", "-> s; <- s ... -> e; <- e, ee, es; -> se"),
            Map.entry("K1X", "-> s ... -> e; <- e, ee, s, es; -> se"),
            Map.entry("KX1", "-> s ... -> e; <- e, ee, se, s; -> es"),
            Map.entry("K1X1", "-> s ... -> e; <- e, ee, s; -> se, es"),
            Map.entry("I1N", "-> e, s; <- e, ee; -> se"),
            Map.entry("I1K", "<- s ... -> e, es, s; <- e, ee; -> se"),
            Map.entry("IK1", "<- s ... -> e, s; <- e, ee, se, es"),
            Map.entry("I1K1", "<- s ... -> e, s; <- e, ee, es; -> se"),
            Map.entry("I1X", "-> e, s; <- e, ee, s, es; -> se"),
            Map.entry("IX1", "-> e, s; <- e, ee, se, s; -> es"),
            Map.entry("I1X1", "-> e, s; <- e, ee, s; -> se, es"));

    private PatternTable() {
    }
}
