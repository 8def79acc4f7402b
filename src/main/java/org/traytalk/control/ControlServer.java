package org.traytalk.control;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.concurrent.DaemonThreads;

/**
 * Accepts later launches on the node's Unix-domain socket and runs their commands. Owns the instance lock
 * from start to close, so only the process holding the lock ever binds (and first removes a stale socket).
 */
public final class ControlServer implements AutoCloseable {

    /** More simultaneous clients than this get a "busy" answer instead of a thread each. */
    public static final int MAX_CLIENTS = 16;

    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);

    private final Path socket;
    private final InstanceLock lock;
    private final CommandRunner runner;
    private final ServerSocketChannel server;
    private final Semaphore slots = new Semaphore(MAX_CLIENTS);
    private final Set<ClientSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger clientNumber = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean closed;

    private ControlServer(Path socket, InstanceLock lock, CommandRunner runner, ServerSocketChannel server) {
        this.socket = socket;
        this.lock = lock;
        this.runner = runner;
        this.server = server;
        this.acceptor = new DaemonThreads("traytalk-control-accept").newThread(this::acceptLoop);
    }

    /**
     * Binds {@code socket} and starts accepting. Takes ownership of {@code lock} (released on close).
     *
     * @throws IllegalStateException if the lock is no longer held
     */
    public static ControlServer start(Path socket, InstanceLock lock, CommandRunner runner) throws IOException {
        if (!lock.isHeld()) {
            throw new IllegalStateException("the instance lock " + lock.file() + " is not held");
        }
        // Holding the lock proves any existing socket file was left by a node that died.
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            restrictToOwner(socket);
        } catch (IOException e) {
            server.close();
            throw new IOException("cannot listen on " + socket + ": " + e.getMessage(), e);
        }
        ControlServer control = new ControlServer(socket, lock, runner, server);
        control.acceptor.start();
        return control;
    }

    public Path socket() {
        return socket;
    }

    /** Clients whose commands are still running. */
    public int activeClients() {
        return sessions.size();
    }

    private static void restrictToOwner(Path socket) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("control socket accept failed", e);
                }
                return;
            }
            ClientSession session = new ClientSession(client, runner, clientNumber.incrementAndGet(), sessions::remove);
            if (!slots.tryAcquire()) {
                session.refuse("traytalk: the node is busy with " + MAX_CLIENTS + " other commands; try again",
                        ClientSession.BUSY);
                continue;
            }
            sessions.add(session);
            session.start(slots::release);
        }
    }

    /** Stops accepting, interrupts running commands, removes the socket file and releases the lock. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.close();
            sessions.forEach(ClientSession::abort);
            Files.deleteIfExists(socket);
        } finally {
            lock.close();
        }
    }
}
