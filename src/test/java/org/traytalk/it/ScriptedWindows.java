package org.traytalk.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * A Windows computer running the FoxPro program, scripted by the test: {@link RawSockets} holding UDP 138 and 137 in
 * its own namespace, and the test deciding every byte it sends and reading every byte it receives.
 */
final class ScriptedWindows implements AutoCloseable {
    private final RawSockets sockets;
    private volatile String ownName;
    private volatile byte[] ownAddress;

    ScriptedWindows(List<String> namespacePrefix) throws IOException, InterruptedException {
        sockets = new RawSockets(namespacePrefix, "windows", this::answerIfAskedForUs, 138, 137);
    }

    /** From now on answers name queries for {@code name} at once, as Windows' NetBIOS name service does. */
    void answerNameQueries(String name, byte[] ip) {
        ownAddress = ip;
        ownName = name;
    }

    private void answerIfAskedForUs(RawSockets.Received r) {
        String name = ownName;
        if (name == null || r.port() != 137 || r.bytes().length < 50 || (r.bytes()[2] & 0x80) != 0) {
            return;
        }
        WindowsFrames.Query q = WindowsFrames.Query.parse(r.bytes());
        if (q.name().equals(name) && q.suffix() == 0) {
            try {
                send(137, r.fromIp(), r.fromPort(), WindowsFrames.nameAnswer(q.transactionId(), name, ownAddress));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Sends raw bytes from the Windows computer's UDP {@code fromPort}. */
    void send(int fromPort, String toIp, int toPort, byte[] bytes) throws IOException {
        sockets.send(fromPort, toIp, toPort, bytes);
    }

    /** The first datagram received on {@code port} that matches; fails listing everything received otherwise. */
    RawSockets.Received await(String what, int port, Predicate<RawSockets.Received> match, Duration timeout)
            throws InterruptedException {
        return sockets.await("on Windows: " + what, port, match, timeout);
    }

    @Override
    public void close() {
        sockets.close();
    }
}
