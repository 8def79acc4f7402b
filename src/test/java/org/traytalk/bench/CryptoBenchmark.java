package org.traytalk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import org.traytalk.crypto.AuthenticationFailedException;
import org.traytalk.crypto.ChaChaPoly;
import org.traytalk.crypto.Ed25519;
import org.traytalk.crypto.Ed25519KeyPair;
import org.traytalk.crypto.X25519;
import org.traytalk.crypto.X25519KeyPair;
import org.traytalk.noise.HandshakeState;
import org.traytalk.noise.NoiseException;

/**
 * Throughput of the cryptographic building blocks on this machine, one thread: X25519, Ed25519, ChaCha20-Poly1305
 * (with the cached cipher, and with a new JDK cipher per call for comparison) and complete IKpsk2 handshakes.
 * Each figure runs four warm-up seconds (the JIT needs them on a busy machine), then three measured seconds, and is
 * given per wall-clock and per CPU second. Run: {@code mvn -q -B test-compile exec:java@crypto-bench}.
 */
public final class CryptoBenchmark {
    private static final long WARMUP_NANOS = 4_000_000_000L;
    private static final long MEASURE_NANOS = 3_000_000_000L;
    private static final String IKPSK2 = "Noise_IKpsk2_25519_ChaChaPoly_SHA256";
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    /** Results land here, so the JIT cannot drop the work that made them. */
    private static long sink;

    /** One unit of work, counted as one operation. */
    private interface Operation {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        SecureRandom random = new SecureRandom();
        X25519KeyPair alice = X25519.generate(random);
        X25519KeyPair bob = X25519.generate(random);
        report("X25519 dh", () -> sink += X25519.dh(alice.privateKey(), bob.publicKey())[0]);

        Ed25519KeyPair signer = Ed25519.generate(random);
        byte[] statement = new byte[64];
        byte[] signature = Ed25519.sign(signer.seed(), statement);
        report("Ed25519 sign", () -> sink += Ed25519.sign(signer.seed(), statement)[0]);
        report("Ed25519 verify", () -> sink += Ed25519.verify(signer.publicKey(), statement, signature) ? 1 : 0);

        byte[] key = new byte[ChaChaPoly.KEY_LENGTH];
        random.nextBytes(key);
        ChaChaPoly cached = new ChaChaPoly();
        for (int size : new int[] {100, 32 * 1024}) {
            byte[] plaintext = new byte[size];
            long[] nonce = {0};
            double perSecond = report("ChaChaPoly seal+open " + size + " B", () -> seal(cached, key, nonce, plaintext));
            System.out.printf(Locale.ROOT, "%-36s %,12.1f MB/s of plaintext per CPU second%n", "",
                    perSecond * size / 1e6);
            report("  same, new JDK cipher per call", () -> seal(new ChaChaPoly(), key, nonce, plaintext));
        }

        byte[] psk = new byte[32];
        random.nextBytes(psk);
        report("IKpsk2 handshake (both sides)", () -> handshake(random, alice, bob, psk));
    }

    private static void seal(ChaChaPoly aead, byte[] key, long[] nonce, byte[] plaintext)
            throws AuthenticationFailedException {
        byte[] ad = new byte[0];
        byte[] sealed = aead.encrypt(key, nonce[0], ad, plaintext);
        sink += aead.decrypt(key, nonce[0]++, ad, sealed).length;
    }

    private static void handshake(SecureRandom random, X25519KeyPair alice, X25519KeyPair bob, byte[] psk)
            throws NoiseException {
        HandshakeState initiator = HandshakeState.initiator(IKPSK2, new byte[0], alice, bob.publicKey(),
                List.of(psk), () -> X25519.generate(random));
        HandshakeState responder = HandshakeState.responder(IKPSK2, new byte[0], bob, null, List.of(psk),
                () -> X25519.generate(random));
        responder.readMessage(initiator.writeMessage(new byte[0]));
        initiator.readMessage(responder.writeMessage(new byte[0]));
        sink += initiator.split().send().encryptWithAd(new byte[0], new byte[0])[0]
                + responder.split().receive().hashCode();
    }

    /**
     * Runs {@code operation} for the warm-up, then measures; prints operations per wall-clock second and per second
     * of this thread's CPU time (the figure for an idle core when other processes share the machine).
     */
    private static double report(String name, Operation operation) throws Exception {
        loop(operation, WARMUP_NANOS);
        long start = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();
        long count = loop(operation, MEASURE_NANOS);
        double perSecond = count * 1e9 / (System.nanoTime() - start);
        double perCpuSecond = count * 1e9 / (CPU.getCurrentThreadCpuTime() - cpuStart);
        System.out.printf(Locale.ROOT, "%-36s %,12.0f /s wall %,12.0f /s CPU  (%,.1f us CPU each)%n", name,
                perSecond, perCpuSecond, 1e6 / perCpuSecond);
        return perCpuSecond;
    }

    private static long loop(Operation operation, long nanos) throws Exception {
        long end = System.nanoTime() + nanos;
        long count = 0;
        do {
            operation.run();
            count++;
        } while (System.nanoTime() < end);
        return count;
    }
}
