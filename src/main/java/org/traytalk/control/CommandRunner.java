package org.traytalk.control;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.util.List;

/**
 * Runs one forwarded command line inside the node. The thread is interrupted when the client goes away,
 * and then {@code in} reaches end of input; long-running commands must stop on either.
 */
@FunctionalInterface
public interface CommandRunner {

    /** @return the process exit code the client should exit with */
    int run(List<String> args, BufferedReader in, PrintWriter out, PrintWriter err) throws Exception;

    /**
     * Runs once the command's exit code went to the client and its connection was closed: what must not happen
     * before the client has its answer (the node exiting after {@code traytalk quit}).
     */
    default void answered() {
    }
}
