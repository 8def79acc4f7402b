package org.traytalk.noise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A handshake pattern with its psk modifiers applied (spec sections 7 and 9): the tokens each side's pre-message
 * makes known, and the tokens of each message, the first sent by the initiator and then alternating.
 */
record HandshakePattern(String name, List<Token> initiatorPreMessage, List<Token> responderPreMessage,
                        List<List<Token>> messages) {
    private static final Pattern NAME = Pattern.compile("([NKXI]1?[NKX]?1?)((?:psk\\d{1,2})(?:\\+psk\\d{1,2})*)?");
    private static final String SUITE = "_25519_ChaChaPoly_SHA256";
    /** The table parsed once (a handshake should not pay for it), which also checks the whole table at startup. */
    private static final Map<String, HandshakePattern> BASE = parseTable();

    HandshakePattern {
        initiatorPreMessage = List.copyOf(initiatorPreMessage);
        responderPreMessage = List.copyOf(responderPreMessage);
        messages = messages.stream().map(List::copyOf).toList();
    }

    /** The pattern of a full protocol name such as {@code Noise_IKpsk2_25519_ChaChaPoly_SHA256}. */
    static HandshakePattern ofProtocol(String protocolName) {
        if (!protocolName.startsWith("Noise_") || !protocolName.endsWith(SUITE)) {
            throw unsupported(protocolName, "only Noise_<pattern>" + SUITE + " is supported");
        }
        String patternName = protocolName.substring("Noise_".length(), protocolName.length() - SUITE.length());
        Matcher m = NAME.matcher(patternName);
        HandshakePattern pattern = m.matches() ? BASE.get(m.group(1)) : null;
        if (pattern == null) {
            throw unsupported(protocolName, "'" + patternName + "' is not a one-way, fundamental or deferred pattern"
                    + " with psk modifiers");
        }
        return m.group(2) == null ? pattern : pattern.withPsks(protocolName, m.group(2).split("\\+"));
    }

    /** One-way patterns (N, K, X) have a single message and never a reply. */
    boolean oneWay() {
        return messages.size() == 1;
    }

    int pskCount() {
        return (int) messages.stream().flatMap(List::stream).filter(t -> t == Token.PSK).count();
    }

    /** Whether a message is sent by the initiator: the first is, then they alternate. */
    static boolean sentByInitiator(int messageIndex) {
        return messageIndex % 2 == 0;
    }

    /** Whether this side needs a static key pair of its own: it sends it, or the other side knows it in advance. */
    boolean needsLocalStatic(boolean initiator) {
        if ((initiator ? initiatorPreMessage : responderPreMessage).contains(Token.S)) {
            return true;
        }
        for (int i = 0; i < messages.size(); i++) {
            if (sentByInitiator(i) == initiator && messages.get(i).contains(Token.S)) {
                return true;
            }
        }
        return false;
    }

    /** Whether this side must know the other's static public key before the first message. */
    boolean needsRemoteStaticAtStart(boolean initiator) {
        return (initiator ? responderPreMessage : initiatorPreMessage).contains(Token.S);
    }

    private HandshakePattern withPsks(String protocolName, String[] modifiers) {
        List<List<Token>> withPsk = new ArrayList<>();
        messages.forEach(message -> withPsk.add(new ArrayList<>(message)));
        List<Integer> seen = new ArrayList<>();
        for (String modifier : modifiers) {
            int position = Integer.parseInt(modifier.substring("psk".length()));
            if (position > messages.size() || seen.contains(position)) {
                throw unsupported(protocolName, "'" + modifier + "' names no message of " + name + " or repeats");
            }
            seen.add(position);
            // psk0 opens the first message; pskN closes message N
            if (position == 0) {
                withPsk.get(0).add(0, Token.PSK);
            } else {
                withPsk.get(position - 1).add(Token.PSK);
            }
        }
        return new HandshakePattern(name + String.join("+", modifiers), initiatorPreMessage,
                responderPreMessage, withPsk);
    }

    private static Map<String, HandshakePattern> parseTable() {
        Map<String, HandshakePattern> patterns = new HashMap<>();
        PatternTable.NOTATION.forEach((name, notation) -> patterns.put(name, parse(name, notation)));
        return Map.copyOf(patterns);
    }

    private static HandshakePattern parse(String name, String notation) {
        String[] parts = notation.split("\\.\\.\\.");
        List<Token> initiatorPre = new ArrayList<>();
        List<Token> responderPre = new ArrayList<>();
        if (parts.length == 2) {
            for (String line : parts[0].split(";")) {
                Line pre = Line.parse(line);
                (pre.fromInitiator ? initiatorPre : responderPre).addAll(pre.tokens);
            }
        }
        List<List<Token>> messages = new ArrayList<>();
        for (String line : parts[parts.length - 1].split(";")) {
            Line message = Line.parse(line);
            if (message.fromInitiator != sentByInitiator(messages.size())) {
                throw new IllegalStateException("pattern table: " + name + " does not alternate from the initiator");
            }
            messages.add(message.tokens);
        }
        return new HandshakePattern(name, initiatorPre, responderPre, messages);
    }

    private static IllegalArgumentException unsupported(String protocolName, String why) {
        return new IllegalArgumentException("unsupported Noise protocol " + protocolName + ": " + why);
    }

    /** One line of the notation: an arrow and its tokens. */
    private record Line(boolean fromInitiator, List<Token> tokens) {
        static Line parse(String text) {
            String line = text.strip();
            boolean fromInitiator = line.startsWith("->");
            if (!fromInitiator && !line.startsWith("<-")) {
                throw new IllegalStateException("pattern table: no arrow in '" + line + "'");
            }
            List<Token> tokens = new ArrayList<>();
            for (String token : line.substring(2).split(",")) {
                tokens.add(Token.parse(token.strip()));
            }
            return new Line(fromInitiator, tokens);
        }
    }
}
