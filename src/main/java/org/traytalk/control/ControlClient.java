package org.traytalk.control;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Optional;
import jdk.net.ExtendedSocketOptions;
import org.traytalk.concurrent.DaemonThreads;
import org.traytalk.config.Ownership;

/**
 * A later launch: hands its command line and stdin to the running node and relays the output. The wire
 * carries UTF-8; the caller's readers and writers convert to and from the console's own charset.
 */
public final class ControlClient implements AutoCloseable {

    private final SocketChannel channel;
    private final FrameReader reader;
    private final FrameWriter writer;

    private ControlClient(SocketChannel channel) {
        this.channel = channel;
        this.reader = new FrameReader(channel);
        this.writer = new FrameWriter(channel);
    }

    /**
     * Connects to the node listening on {@code socket}, or returns empty when no node is running there. The command
     * and its input go only to a node of this user's: a socket another user owns, or whose listening process runs as
     * another user, is refused.
     *
     * @throws ForeignSocketException when the socket is not the user's own
     */
    public static Optional<ControlClient> connect(Path socket) throws ForeignSocketException {
        return connect(socket, Ownership.currentUser(socket));
    }

    /** As {@link #connect(Path)}, for the user {@code me}; for tests. */
    static Optional<ControlClient> connect(Path socket, Optional<UserPrincipal> me) throws ForeignSocketException {
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        requireOwn(socket, me);
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            // A socket file nobody listens on is what a crashed node leaves behind.
            closeQuietly(channel);
            return Optional.empty();
        }
        try {
            requireOwnListener(socket, channel, me);
        } catch (ForeignSocketException e) {
            closeQuietly(channel);
            throw e;
        }
        return Optional.of(new ControlClient(channel));
    }

    private static void requireOwn(Path socket, Optional<UserPrincipal> me) throws ForeignSocketException {
        Optional<String> problem;
        try {
            problem = Ownership.problem(socket, me);
        } catch (IOException e) {
            throw new ForeignSocketException("cannot tell who owns the control socket " + socket + " (" + e.getMessage()
                    + "); the command was not handed over");
        }
        if (problem.isPresent()) {
            throw new ForeignSocketException(refusal(problem.get()));
        }
    }

    /** The kernel's word on who listens, where it gives it (Linux, macOS): the file could have changed since. */
    private static void requireOwnListener(Path socket, SocketChannel channel, Optional<UserPrincipal> me)
            throws ForeignSocketException {
        if (!channel.supportedOptions().contains(ExtendedSocketOptions.SO_PEERCRED)) {
            return;
        }
        UserPrincipal listener;
        try {
            listener = channel.getOption(ExtendedSocketOptions.SO_PEERCRED).user();
        } catch (IOException e) {
            throw new ForeignSocketException("cannot tell who listens on the control socket " + socket + " ("
                    + e.getMessage() + "); the command was not handed over");
        }
        if (me.isPresent() && !me.get().equals(listener)) {
            throw new ForeignSocketException(refusal("the program listening on " + socket + " runs as the user "
                    + listener.getName() + ", not as you (" + me.get().getName() + ")"));
        }
    }

    private static String refusal(String problem) {
        return problem + ": the command (and any message text) was not handed over. Another user may be trying to"
                + " read what you send; use a data folder of your own (--home).";
    }

    /**
     * Runs {@code args} in the node: sends them, streams {@code in} on a daemon thread, writes what the node
     * prints to {@code out}/{@code err} (flushed per frame), and returns the command's exit code.
     *
     * @throws EOFException if the node went away before sending an exit code
     */
    public int forward(List<String> args, Reader in, Writer out, Writer err) throws IOException {
        writer.write(new Frame(FrameType.ARGS, ArgsPayload.encode(args)));
        DaemonThreads.start("traytalk-control-client-stdin", () -> pumpStdin(in));
        Utf8Relay stdout = new Utf8Relay(out);
        Utf8Relay stderr = new Utf8Relay(err);
        for (Frame frame = reader.read(); frame != null; frame = reader.read()) {
            switch (frame.type()) {
                case STDOUT -> stdout.write(frame.payload());
                case STDERR -> stderr.write(frame.payload());
                case EXIT -> {
                    return frame.exitCode();
                }
                default -> throw new ControlProtocolException("unexpected " + frame.type() + " frame from the node");
            }
        }
        throw new EOFException("the TrayTalk node closed the connection without an exit code");
    }

    private void pumpStdin(Reader in) {
        char[] buffer = new char[8192];
        try (Writer frames = new OutputStreamWriter(new FrameOutputStream(writer, FrameType.STDIN), StandardCharsets.UTF_8)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                frames.write(buffer, 0, n);
                frames.flush();
            }
            frames.flush();
            writer.write(new Frame(FrameType.STDIN_EOF, new byte[0]));
        } catch (IOException e) {
            // The command finished and the node hung up: nothing left to feed.
        }
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    /** Decodes UTF-8 that may be split across frames and writes the text on. */
    private static final class Utf8Relay {
        private final Writer target;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        private ByteBuffer pending = ByteBuffer.allocate(0);

        Utf8Relay(Writer target) {
            this.target = target;
        }

        void write(byte[] bytes) throws IOException {
            ByteBuffer input = ByteBuffer.allocate(pending.remaining() + bytes.length).put(pending).put(bytes).flip();
            CharBuffer chars = CharBuffer.allocate(input.remaining() + 1);
            decoder.decode(input, chars, false);
            pending = input.slice();
            target.write(chars.flip().toString());
            target.flush();
        }
    }
}
