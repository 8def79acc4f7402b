package org.traytalk.cli;

import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Console input that hands out one line per read and runs the test's actions in between, on the reading
 * thread, exactly when the chat asks for the next line: an interactive session without threads or timing.
 */
final class ScriptedInput extends Reader {
    private final Deque<Object> steps = new ArrayDeque<>();
    private String pending = "";
    int linesRead;

    ScriptedInput line(String line) {
        steps.add(line + "\n");
        return this;
    }

    /** Runs once every earlier line has been read and handled. */
    ScriptedInput then(Runnable action) {
        steps.add(action);
        return this;
    }

    @Override
    public int read(char[] buf, int off, int len) {
        while (pending.isEmpty()) {
            Object step = steps.poll();
            if (step == null) {
                return -1;
            }
            if (step instanceof Runnable action) {
                action.run();
            } else {
                pending = (String) step;
                linesRead++;
            }
        }
        int n = Math.min(len, pending.length());
        pending.getChars(0, n, buf, off);
        pending = pending.substring(n);
        return n;
    }

    @Override
    public void close() {
    }
}
