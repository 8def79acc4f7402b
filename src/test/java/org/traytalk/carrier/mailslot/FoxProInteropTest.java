package org.traytalk.carrier.mailslot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.traytalk.engine.Engine;
import org.traytalk.engine.EngineOptions;
import org.traytalk.engine.EventLog;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.DeliveryState;
import org.traytalk.engine.Scheduler;
import org.traytalk.store.SqliteMessageStore;
import org.traytalk.testing.TestTrust;

/**
 * A TrayTalk node and the original FoxPro program on two fake Windows computers, over mailslots: presence,
 * messages both ways with receipts, the original's exact bytes, its code page, and its 250-byte limit.
 */
class FoxProInteropTest {
    static final Charset CP1252 = Charset.forName("windows-1252");
    static final Duration SOON = Duration.ofSeconds(10);

    @TempDir
    Path tmp;
    final FakeMailslotNetwork lan = new FakeMailslotNetwork();
    final EventLog events = new EventLog();
    FoxProPeer fox;
    Engine node;

    @BeforeEach
    void start() throws Exception {
        fox = new FoxProPeer(lan.host("FOXPC"), "FOXPC", CP1252, 1_000_000);
        fox.turnOn();
        MailslotCarrier carrier = new MailslotCarrier(new MailslotCarrierOptions("FOXAPP", CP1252,
                Duration.ofMillis(100)), lan.host("TTNODE"));
        SecureRandom random = new SecureRandom();
        node = new Engine(EngineOptions.defaults("TTNODE", CP1252, Duration.ofSeconds(60), Duration.ofHours(1)),
                SqliteMessageStore.open(tmp.resolve("history.db"), Clock.systemUTC(), random), List.of(carrier),
                TestTrust.setup(7), Scheduler.singleThread("traytalk-engine-test"), Clock.systemUTC(), System::nanoTime, random);
        node.subscribe(events);
        node.start();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    /** The original's timer: it reads its slot once a second; tests call it until the expected thing happened. */
    private void foxPollsUntil(Callable<Boolean> condition) {
        await().atMost(SOON).pollInterval(Duration.ofMillis(50)).until(() -> {
            fox.getMessages();
            return condition.call();
        });
    }

    @Test
    void eachSideSeesTheOtherOnline() {
        foxPollsUntil(() -> fox.online.contains("TTNODE"));
        // the original announced itself before TrayTalk started: TrayTalk's DETECT brought its ONLINE back
        await().atMost(SOON).until(() -> events.online.contains("FOXPC"));
    }

    @Test
    void messageToTheOriginalIsItsOwnFormatInItsCodePageAndConfirmed() throws Exception {
        foxPollsUntil(() -> fox.online.contains("TTNODE"));
        ChatMessage sent = node.send("FOXPC", "Grüße, 5 €");
        foxPollsUntil(() -> fox.displayed.contains("TTNODE: Grüße, 5 €"));
        byte[] bytes = fox.received.stream().filter(b -> new String(b, CP1252).endsWith("Grüße, 5 €"))
                .findFirst().orElseThrow();
        String expectedHeader = "TTNODE" + " ".repeat(18) + String.format("%12d", sent.wireId()) + "10";
        assertThat(new String(bytes, 0, 38, StandardCharsets.US_ASCII)).isEqualTo(expectedHeader);
        assertThat(bytes).hasSize(38 + 10); // ü, ß and € are one byte each in windows-1252
        await().atMost(SOON).until(() -> events.lastState(sent.rowId()) == DeliveryState.DELIVERED);
    }

    @Test
    void messageFromTheOriginalIsReadInItsCodePageAndConfirmedAsItExpects() throws Exception {
        foxPollsUntil(() -> fox.online.contains("TTNODE"));
        int id = fox.sendMessage("TTNODE", "Hallo aus FoxPro – ça va?", true, false);
        await().atMost(SOON).until(() -> !events.received.isEmpty());
        assertThat(events.received.get(0).body()).isEqualTo("Hallo aus FoxPro – ça va?");
        assertThat(events.received.get(0).peer()).isEqualTo("FOXPC");
        foxPollsUntil(() -> fox.confirmed.contains(id));
    }

    @Test
    void longTextReachesTheOriginalAsSeveralMessagesOfAtMost250Bytes() throws Exception {
        foxPollsUntil(() -> fox.online.contains("TTNODE"));
        String text = "Lorem ipsum dolor sit amet, ".repeat(20).strip();
        node.send("FOXPC", text);
        foxPollsUntil(() -> String.join("", fox.displayed.stream().map(d -> d.substring("TTNODE: ".length()))
                .toList()).equals(text));
        assertThat(fox.displayed).hasSizeGreaterThan(2);
        assertThat(fox.received).allMatch(b -> b.length <= FoxProPeer.MAX_MESSAGE_SIZE);
    }
}
