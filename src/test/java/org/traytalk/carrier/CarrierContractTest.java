package org.traytalk.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.traytalk.model.PeerAddress;

/**
 * What every {@link Carrier} must do, run against each implementation by a subclass. Messages are at
 * least 38 bytes, as every real message has the 38-byte header.
 */
public abstract class CarrierContractTest {

    /** Two carriers, not yet started, that can reach each other. */
    public record Pair(Carrier alice, Carrier bob) {
    }

    /** Creates a fresh pair for each test. */
    protected abstract Pair createPair() throws Exception;

    /** The address at which the other carrier of the pair reaches this started carrier. */
    protected abstract PeerAddress addressOf(Carrier started);

    private Carrier alice;
    private Carrier bob;
    private final Recorder aliceHears = new Recorder();
    private final Recorder bobHears = new Recorder();

    @BeforeEach
    void startPair() throws Exception {
        Pair pair = createPair();
        alice = pair.alice();
        bob = pair.bob();
        alice.start(aliceHears);
        bob.start(bobHears);
    }

    @AfterEach
    void closePair() {
        alice.close();
        bob.close();
    }

    @Test
    void sendArrivesWithExactBytesAndARepliableSource() throws Exception {
        byte[] hello = messageFrom(alice, "hello bob");
        alice.send(addressOf(bob), "bob", hello);

        Inbound got = bobHears.next();
        assertThat(got.payload()).containsExactly(hello);
        assertThat(got.recipient()).isIn("bob", null);

        byte[] reply = messageFrom(bob, "hello alice");
        bob.send(got.source(), "alice", reply);
        assertThat(aliceHears.next().payload()).containsExactly(reply);
    }

    @Test
    void sendToAllReachesTheOtherNode() throws Exception {
        byte[] announce = message("ONLINE");
        alice.sendToAll(announce);

        Inbound got = bobHears.next();
        assertThat(got.payload()).containsExactly(announce);
        assertThat(got.recipient()).isIn("*", null);
    }

    @Test
    void payloadBytesAreNeverAltered() throws Exception {
        // every byte value, in as many messages as the carrier's size limit needs, each behind a real header
        int room = Math.min(alice.maxMessageBytes(), 38 + 256 + 64) - 38;
        for (int first = 0; first < 256; first += room) {
            byte[] binary = messageFrom(alice, "");
            binary = Arrays.copyOf(binary, 38 + room);
            for (int i = 0; i < room; i++) {
                binary[38 + i] = (byte) (first + i);
            }
            byte[] expected = binary.clone();
            alice.send(addressOf(bob), "bob", binary);
            binary[40] = 99; // the carrier must have taken its own copy
            assertThat(bobHears.next().payload()).containsExactly(expected);

            alice.sendToAll(expected);
            assertThat(bobHears.next().payload()).containsExactly(expected);
        }
    }

    @Test
    void largestMessageArrivesWhole() throws Exception {
        byte[] largest = new byte[alice.maxMessageBytes()];
        for (int i = 0; i < largest.length; i++) {
            largest[i] = (byte) (i * 31);
        }
        alice.send(addressOf(bob), "bob", largest);
        assertThat(bobHears.next().payload()).containsExactly(largest);
    }

    @Test
    void oversizeMessageIsRefused() {
        byte[] tooLarge = new byte[alice.maxPayloadBytes() + 1];
        assertThatThrownBy(() -> alice.send(addressOf(bob), "bob", tooLarge)).isInstanceOf(CarrierException.class);
        assertThatThrownBy(() -> alice.sendToAll(tooLarge)).isInstanceOf(CarrierException.class);
    }

    @Test
    void aCallbackThatThrowsEvenAnErrorCostsOneDatagramOnly() throws Exception {
        bobHears.throwNext(new OutOfMemoryError("Java heap space"), new IllegalStateException("engine bug"));
        for (String body : List.of("lost to the error", "lost to the bug", "arrives")) {
            alice.send(addressOf(bob), "bob", messageFrom(alice, body));
        }
        assertThat(new String(bobHears.next().payload(), StandardCharsets.US_ASCII)).endsWith("arrives");
    }

    @Test
    void whileItCannotReceiveItSaysSoAndSendsNothing() throws Exception {
        assumeThat(bob).as("carriers that receive on their own thread").isInstanceOf(SingleUseCarrier.class);
        Throwable[] failures = new Throwable[ReceiveGuard.FAILURES_BEFORE_FAILING];
        Arrays.fill(failures, new OutOfMemoryError("Java heap space"));
        bobHears.throwNext(failures);
        for (int i = 0; i < failures.length; i++) {
            alice.send(addressOf(bob), "bob", messageFrom(alice, "flood " + i));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> !bobHears.health().isEmpty());
        assertThat(bobHears.health()).singleElement().asString().startsWith("failing: ")
                .contains("cannot receive (java.lang.OutOfMemoryError: Java heap space)").contains("sends nothing");
        assertThatThrownBy(() -> bob.sendToAll(message("ONLINE"))).isInstanceOf(CarrierException.class)
                .hasMessageContaining("cannot receive");
        assertThatThrownBy(() -> bob.send(addressOf(alice), "alice", messageFrom(bob, "hi")))
                .isInstanceOf(CarrierException.class);

        alice.send(addressOf(bob), "bob", messageFrom(alice, "heard again"));
        assertThat(new String(bobHears.next().payload(), StandardCharsets.US_ASCII)).endsWith("heard again");
        await().atMost(Duration.ofSeconds(5)).until(() -> bobHears.health().size() == 2);
        assertThat(bobHears.health().get(1)).isEqualTo("working");
        bob.sendToAll(message("ONLINE"));
        assertThat(aliceHears.next().payload()).containsExactly(message("ONLINE"));
    }

    @Test
    void closeIsIdempotentAndEndsCallbacks() throws Exception {
        PeerAddress aliceAddress = addressOf(alice);
        alice.close();
        assertThatCode(alice::close).doesNotThrowAnyException();

        bob.send(aliceAddress, "alice", message("are you there?"));
        bob.sendToAll(message("ONLINE"));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> aliceHears.count() == 0);
        assertThatThrownBy(() -> alice.send(addressOf(bob), "bob", message("late"))).isInstanceOf(CarrierException.class);
    }

    @Test
    void startsOnceAndNeverAgainOnceClosed() {
        assertThatThrownBy(() -> alice.start(aliceHears)).isInstanceOf(CarrierException.class)
                .hasMessageContaining("already started");
        alice.close();
        assertThatThrownBy(() -> alice.start(aliceHears)).isInstanceOf(CarrierException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> alice.sendToAll(message("late"))).isInstanceOf(CarrierException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void sendsNeedAStartedCarrier() throws Exception {
        Carrier fresh = createPair().alice();
        try {
            assertThatThrownBy(() -> fresh.sendToAll(message("early"))).isInstanceOf(CarrierException.class)
                    .hasMessageContaining("not started");
            assertThatThrownBy(() -> fresh.send(addressOf(bob), "bob", message("early")))
                    .isInstanceOf(CarrierException.class).hasMessageContaining("not started");
        } finally {
            fresh.close();
        }
    }

    @Test
    void describesItself() {
        assertThat(alice.name()).isNotBlank();
        assertThat(alice.maxMessageBytes()).isGreaterThanOrEqualTo(38);
        assertThat(alice.charset()).isNotNull();
    }

    /** A 38-byte header of spaces followed by the body, as ASCII. */
    protected static byte[] message(String body) {
        return (" ".repeat(38) + body).getBytes(StandardCharsets.US_ASCII);
    }

    /** A message whose header names its sender, as every real one does (mailslots take the reply address from it). */
    protected byte[] messageFrom(Carrier sender, String body) {
        String name = senderName(sender);
        return (name + " ".repeat(24 - name.length()) + "           1" + "10" + body)
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The name a carrier's node sends as; carriers that address by name override it. */
    protected String senderName(Carrier carrier) {
        return carrier == alice ? "ALICE" : "BOB";
    }

    /** Collects what a carrier delivers, for tests to wait on. */
    public static final class Recorder implements CarrierCallback {
        private final BlockingQueue<Inbound> received = new LinkedBlockingQueue<>();
        private final AtomicInteger count = new AtomicInteger();
        private final AtomicInteger addressChanges = new AtomicInteger();
        private final BlockingQueue<Throwable> toThrow = new LinkedBlockingQueue<>();
        private final List<String> health = new CopyOnWriteArrayList<>();

        @Override
        public void onReceive(Inbound datagram) {
            Throwable failure = toThrow.poll();
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            count.incrementAndGet();
            received.add(datagram);
        }

        @Override
        public void onReceiveFailing(String why) {
            health.add("failing: " + why);
        }

        @Override
        public void onReceiveWorking() {
            health.add("working");
        }

        /** The next deliveries throw these (unchecked) instead of being recorded, as a broken engine might. */
        public void throwNext(Throwable... failures) {
            toThrow.addAll(List.of(failures));
        }

        /** What the carrier said about its receiving, in order: "failing: why" and "working". */
        public List<String> health() {
            return List.copyOf(health);
        }

        @Override
        public void onLocalAddressesChanged() {
            addressChanges.incrementAndGet();
        }

        /** The next delivery, waiting up to five seconds for it. */
        public Inbound next() throws InterruptedException {
            Inbound in = received.poll(5, TimeUnit.SECONDS);
            if (in == null) {
                fail("nothing received within 5 s");
            }
            return in;
        }

        public int count() {
            return count.get();
        }

        public int addressChanges() {
            return addressChanges.get();
        }
    }
}
