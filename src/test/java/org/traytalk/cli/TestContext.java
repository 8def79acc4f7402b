package org.traytalk.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.time.ZoneOffset;
import java.util.List;
import org.traytalk.engine.Messenger;
import org.traytalk.testing.FakeMessenger;

/** Runs commands with a {@link CliContext} over in-memory streams, UTC, and a fake messenger. */
final class TestContext implements NodeAccess {
    final FakeMessenger messenger;
    final StringWriter outText = new StringWriter();
    final StringWriter errText = new StringWriter();
    private final PrintWriter out;
    private final PrintWriter err = new PrintWriter(errText, true);
    private BufferedReader in = new BufferedReader(new StringReader(""));
    boolean justStarted;

    TestContext(FakeMessenger messenger) {
        this(messenger, null);
    }

    /** With {@code outWriter} null the output goes to {@link #outText}. */
    TestContext(FakeMessenger messenger, Writer outWriter) {
        this.messenger = messenger;
        this.out = new PrintWriter(outWriter == null ? outText : outWriter, true);
    }

    TestContext input(String text) {
        return input(new StringReader(text));
    }

    TestContext input(Reader reader) {
        this.in = new BufferedReader(reader);
        return this;
    }

    int run(String... args) {
        return TrayTalkCommand.commandLine(new CliContext(this, in, out, err, false, ZoneOffset.UTC)).execute(args);
    }

    String printed() {
        out.flush();
        return outText.toString();
    }

    List<String> printedLines() {
        return printed().lines().toList();
    }

    String errors() {
        return errText.toString();
    }

    @Override
    public Messenger messenger() {
        return messenger;
    }

    @Override
    public boolean nodeJustStarted() {
        return justStarted;
    }
}
