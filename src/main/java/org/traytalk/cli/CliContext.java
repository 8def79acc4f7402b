package org.traytalk.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.time.ZoneId;
import org.traytalk.engine.Messenger;

/**
 * What a command runs against: the node (started on first use), and the streams of whoever typed the command
 * (this process's console, or a second launch's, forwarded over the control socket).
 */
public interface CliContext {

    /** The running node; starts it when this process owns none yet. */
    Messenger messenger() throws Exception;

    /** True when the node was started for this command, so peers are only just being discovered. */
    boolean nodeJustStarted();

    BufferedReader in();

    PrintWriter out();

    PrintWriter err();

    default ZoneId zone() {
        return ZoneId.systemDefault();
    }
}
