package org.traytalk.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.traytalk.engine.Engine;
import org.traytalk.engine.MessengerListener;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Peer;

/** The other end of the footprint benchmark: a real node that talks to the tray app under test. */
final class PeerNode implements AutoCloseable {
    /** Messages on their way at once during a flood: a colleague's script, not an attack. */
    private static final int IN_FLIGHT = 64;

    private final Engine engine;
    private final Set<Integer> delivered = ConcurrentHashMap.newKeySet();
    private final Semaphore window = new Semaphore(IN_FLIGHT);
    private final Object change = new Object();

    private PeerNode(Engine engine) {
        this.engine = engine;
        engine.subscribe(new MessengerListener() {
            @Override
            public void messageUpdated(ChatMessage m) {
                if (m.state() == DeliveryState.DELIVERED && delivered.add(m.wireId())) {
                    window.release();
                }
            }

            @Override
            public void peerOnline(Peer peer) {
                synchronized (change) {
                    change.notifyAll();
                }
            }
        });
    }

    static PeerNode start(String name, String iface, Path dir) throws Exception {
        return new PeerNode(BenchNode.start(name, dir.resolve(name), 42138, List.of(iface), List.of()));
    }

    void awaitOnline(String name) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        engine.refresh();
        // peers() runs on the engine thread, which also calls the listener: never ask while holding the monitor
        while (engine.peers().stream().noneMatch(p -> p.online() && p.name().equals(name))) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException(name + " not seen online within 60 s");
            }
            synchronized (change) {
                change.wait(500);
            }
        }
    }

    void send(String to, String text) throws Exception {
        if (!window.tryAcquire(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no receipt for 60 s");
        }
        engine.send(to, text);
    }

    /** Sends {@code count} messages, at most {@link #IN_FLIGHT} unconfirmed; returns the seconds until all were. */
    double flood(String to, int count) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            send(to, "Message " + i + " of the flood: the quarterly figures are in the shared folder, "
                    + "please look at table " + (i % 97) + " before the meeting");
        }
        if (!window.tryAcquire(IN_FLIGHT, 120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the last messages were not confirmed within 120 s");
        }
        window.release(IN_FLIGHT);
        return (System.nanoTime() - start) / 1e9;
    }

    @Override
    public void close() {
        engine.close();
    }
}
