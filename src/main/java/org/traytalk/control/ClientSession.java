package org.traytalk.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.concurrent.DaemonThreads;

/** One connected client: a handler thread runs its command, a reader thread feeds its stdin frames. */
final class ClientSession {

    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);
    static final int USAGE = 2;
    static final int BUSY = 1;

    private final SocketChannel channel;
    private final CommandRunner runner;
    private final int number;
    private final Consumer<ClientSession> onDone;
    private final FrameReader reader;
    private final FrameWriter writer;
    private final StdinPipe stdin = new StdinPipe();
    private volatile Thread handler;

    ClientSession(SocketChannel channel, CommandRunner runner, int number, Consumer<ClientSession> onDone) {
        this.channel = channel;
        this.runner = runner;
        this.number = number;
        this.onDone = onDone;
        this.reader = new FrameReader(channel);
        this.writer = new FrameWriter(channel);
    }

    void start(Runnable releaseSlot) {
        handler = DaemonThreads.start("traytalk-control-client-" + number, () -> {
            try {
                handle();
            } finally {
                onDone.accept(this);
                releaseSlot.run();
            }
        });
    }

    /** Answers without running anything, on the caller's thread. */
    void refuse(String message, int exitCode) {
        try {
            writer.write(Frame.text(FrameType.STDERR, message + System.lineSeparator()));
            writer.write(Frame.exit(exitCode));
            discardPendingInput();
        } catch (IOException e) {
            LOG.debug("could not refuse control client {}", number, e);
        } finally {
            closeQuietly();
        }
    }

    /** Closing with unread bytes makes the peer see a reset instead of our answer; drop what already arrived. */
    private void discardPendingInput() throws IOException {
        channel.shutdownOutput();
        channel.configureBlocking(false);
        ByteBuffer scratch = ByteBuffer.allocate(8192);
        for (int i = 0; i < 128 && channel.read(scratch.clear()) > 0; i++) {
            // discarding
        }
    }

    void abort() {
        stdin.end();
        Thread running = handler;
        if (running != null) {
            running.interrupt();
        }
        closeQuietly();
    }

    private void handle() {
        List<String> args;
        try {
            Frame first = reader.read();
            if (first == null) {
                closeQuietly();
                return;
            }
            if (first.type() != FrameType.ARGS) {
                throw new ControlProtocolException("expected an ARGS frame first, got " + first.type());
            }
            args = ArgsPayload.decode(first.payload());
        } catch (ControlProtocolException e) {
            refuse("traytalk: bad control request: " + e.getMessage(), USAGE);
            return;
        } catch (IOException e) {
            LOG.debug("control client {} went away before its command", number, e);
            closeQuietly();
            return;
        }
        runCommand(args);
    }

    private void runCommand(List<String> args) {
        DaemonThreads.start("traytalk-control-stdin-" + number, this::pumpStdin);
        PrintWriter out = printer(FrameType.STDOUT);
        PrintWriter err = printer(FrameType.STDERR);
        int code;
        try {
            code = runner.run(args, new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)), out, err);
        } catch (Exception e) {
            LOG.warn("forwarded command {} failed", args, e);
            err.println("traytalk: " + e);
            code = 1;
        }
        out.flush();
        err.flush();
        try {
            writer.write(Frame.exit(code));
        } catch (IOException e) {
            LOG.debug("control client {} left before its exit code", number, e);
        }
        stdin.end();
        closeQuietly();
        runner.answered();
    }

    private PrintWriter printer(FrameType type) {
        return new PrintWriter(new OutputStreamWriter(new FrameOutputStream(writer, type), StandardCharsets.UTF_8), true);
    }

    private void pumpStdin() {
        try {
            for (Frame frame = reader.read(); frame != null; frame = reader.read()) {
                switch (frame.type()) {
                    case STDIN -> stdin.offer(frame.payload());
                    case STDIN_EOF -> stdin.end();
                    default -> throw new ControlProtocolException("unexpected " + frame.type() + " frame from a client");
                }
            }
        } catch (IOException e) {
            LOG.debug("control client {} connection ended", number, e);
        }
        // The client is gone (or spoke garbage): stop the command, e.g. a forwarded listen.
        abort();
    }

    private void closeQuietly() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing control client {}", number, e);
        }
    }
}
