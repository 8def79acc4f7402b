package org.traytalk.bench;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.traytalk.engine.Engine;
import org.traytalk.engine.MessengerListener;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.HistoryQuery;
import org.traytalk.model.Peer;

/**
 * Two real nodes on loopback (UDP carrier limited to {@code lo}, SQLite stores in temporary folders):
 * send-to-receiver-event latency over 10,000 messages (the receiver's event comes after its store commit
 * and its CONF), then a 10,000-message burst until every message is confirmed. Prints the figures, after how long
 * the disk takes to sync a write (each commit syncs the write-ahead log, so a receipt never outlives a power cut),
 * and after each the CPU time TrayTalk's threads used per message, which a busy machine disturbs far less.
 * Run: {@code mvn -q -B test-compile exec:java@bench}.
 */
public final class LoopbackBenchmark {
    private static final int WARMUP = 2_000;
    private static final int MESSAGES = 10_000;
    private static final int SENDER_THREADS = 4;
    /** Woken by both nodes' listeners, so the measuring thread sleeps instead of taking a core from them. */
    private static final Object PROGRESS = new Object();

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("traytalk-bench");
        DiskSync.Figures sync = DiskSync.measure(dir);
        System.out.printf("disk: a synced 4 KiB write takes %.2f ms (median), %.2f ms (p99); a message waits for two"
                + " store commits, each with one, before the receiver's event, and a third for its receipt%n",
                sync.median(), sync.p99());
        int alicePort = freePort();
        int bobPort = freePort();
        try (Engine alice = node("ALICE", dir.resolve("alice"), alicePort, bobPort);
             Engine bob = node("BOB", dir.resolve("bob"), bobPort, alicePort)) {
            awaitPeer(alice, "BOB");
            Map<Integer, Long> receivedAt = new ConcurrentHashMap<>();
            Set<Integer> delivered = ConcurrentHashMap.newKeySet();
            bob.subscribe(new MessengerListener() {
                @Override
                public void messageReceived(ChatMessage m) {
                    receivedAt.put(m.wireId(), System.nanoTime());
                    wake();
                }
            });
            alice.subscribe(new MessengerListener() {
                @Override
                public void messageUpdated(ChatMessage m) {
                    if (m.state() == DeliveryState.DELIVERED) {
                        delivered.add(m.wireId());
                        wake();
                    }
                }
            });
            System.out.println("machine load average before: " + loadAverage());
            latency(alice, receivedAt, delivered, WARMUP, false);
            latency(alice, receivedAt, delivered, MESSAGES, true);
            burst(alice, bob, receivedAt, delivered);
            System.out.println("machine load average after: " + loadAverage());
        }
    }

    /** Other work on the machine's cores is in every figure: the 1, 5 and 15 minute averages say how much. */
    private static String loadAverage() throws IOException {
        Path proc = Path.of("/proc/loadavg");
        return Files.isReadable(proc) ? String.join(" ", Arrays.asList(Files.readAllLines(proc).get(0).split(" "))
                .subList(0, 3)) : "not known on this system";
    }

    private static void latency(Engine alice, Map<Integer, Long> receivedAt, Set<Integer> delivered, int count,
                                boolean print) throws Exception {
        Map<String, Long> cpuBefore = ThreadCpu.snapshot();
        long[] micros = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            int id = alice.send("BOB", "latency probe " + i).wireId();
            synchronized (PROGRESS) {
                while (receivedAt.get(id) == null || !delivered.contains(id)) {
                    PROGRESS.wait(100);
                    if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(10)) {
                        throw new IllegalStateException("message " + id + " not received and confirmed within 10 s");
                    }
                }
            }
            micros[i] = (receivedAt.get(id) - start) / 1_000;
        }
        if (print) {
            Arrays.sort(micros);
            System.out.printf("latency send -> receiver event (stored, CONF sent), %,d messages:%n", count);
            System.out.printf("  p50 %.3f ms   p99 %.3f ms   max %.3f ms%n", micros[count / 2] / 1000.0,
                    micros[(int) (count * 0.99) - 1] / 1000.0, micros[count - 1] / 1000.0);
            ThreadCpu.print(cpuBefore, ThreadCpu.snapshot(), count);
        }
    }

    private static void burst(Engine alice, Engine bob, Map<Integer, Long> receivedAt, Set<Integer> delivered)
            throws Exception {
        receivedAt.clear();
        delivered.clear();
        int[] ids = new int[MESSAGES];
        Map<String, Long> cpuBefore = ThreadCpu.snapshot();
        long start = System.nanoTime();
        // the burst comes from several threads at once, as from several windows and scripts
        Thread[] senders = new Thread[SENDER_THREADS];
        for (int t = 0; t < SENDER_THREADS; t++) {
            int first = t;
            senders[t] = new Thread(() -> {
                for (int i = first; i < MESSAGES; i += SENDER_THREADS) {
                    try {
                        ids[i] = alice.send("BOB", "burst " + i).wireId();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }, "bench-sender-" + t);
            senders[t].start();
        }
        for (Thread t : senders) {
            t.join();
        }
        long queued = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(120);
        synchronized (PROGRESS) {
            while (delivered.size() < MESSAGES && System.nanoTime() < deadline) {
                PROGRESS.wait(100);
            }
        }
        long done = System.nanoTime();
        Map<String, Long> cpuAfter = ThreadCpu.snapshot();
        long missing = Arrays.stream(ids).filter(id -> !receivedAt.containsKey(id)).count();
        double seconds = (done - start) / 1e9;
        System.out.printf("burst of %,d messages from %d threads: all sent in %.2f s, %,d confirmed after %.2f s -> %,.0f confirmed msg/s%n",
                MESSAGES, SENDER_THREADS, (queued - start) / 1e9, delivered.size(), seconds, delivered.size() / seconds);
        System.out.printf("  lost: %d received-missing, %d unconfirmed; receiver history holds %d burst messages%n",
                missing, MESSAGES - delivered.size(),
                bob.history(new HistoryQuery(null, "burst", 10_000)).size());
        ThreadCpu.print(cpuBefore, cpuAfter, MESSAGES);
    }

    private static void wake() {
        synchronized (PROGRESS) {
            PROGRESS.notifyAll();
        }
    }

    private static Engine node(String name, Path dir, int port, int otherPort) throws Exception {
        return BenchNode.start(name, dir, port, List.of("lo"), List.of("127.0.0.1:" + otherPort));
    }

    private static void awaitPeer(Engine engine, String name) throws InterruptedException {
        CountDownLatch online = new CountDownLatch(1);
        engine.subscribe(new MessengerListener() {
            @Override
            public void peerOnline(Peer peer) {
                online.countDown();
            }
        });
        engine.refresh();
        if (engine.peers().stream().noneMatch(p -> p.online() && p.name().equals(name))
                && !online.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " not seen online");
        }
    }

    private static int freePort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
