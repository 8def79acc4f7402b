package org.traytalk.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What a command runs against: the node, and the streams of whoever typed the command (this process's console,
 * or a second launch's, {@code forwarded} over the control socket).
 *
 * @param zone the time zone times are shown in
 */
public record CliContext(NodeAccess node, BufferedReader in, PrintWriter out, PrintWriter err, boolean forwarded,
                         ZoneId zone) {

    public CliContext {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(zone, "zone");
    }

    /** This process's own console. */
    public static CliContext console(NodeAccess node, BufferedReader in, PrintWriter out, PrintWriter err) {
        return new CliContext(node, in, out, err, false, ZoneId.systemDefault());
    }

    /** The console of a second launch whose command this process runs. */
    public static CliContext forwarded(NodeAccess node, BufferedReader in, PrintWriter out, PrintWriter err) {
        return new CliContext(node, in, out, err, true, ZoneId.systemDefault());
    }

    /** True when the node was started for this command; a forwarded command found it running. */
    public boolean nodeJustStarted() {
        return !forwarded && node.nodeJustStarted();
    }
}
