package org.traytalk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Launches in one JVM: the first owns the node, a second one's command is handed to it over the socket. */
class LaunchTest {
    @TempDir
    Path home;

    private void settings(String name) throws IOException {
        int port;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        // loopback only, and the Windows-only carrier to see its warning
        Files.writeString(home.resolve("traytalk.properties"), "name = " + name + "\nnetwork.interfaces = lo\n"
                + "udp.port = " + port + "\nudp.targets = 127.0.0.1:" + port + "\ncarriers = udp, mailslot\n");
    }

    private static final class Console {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();

        int run(BufferedReader in, String... args) throws Exception {
            return new Launch(in, new PrintWriter(out, true), new PrintWriter(err, true)).run(args);
        }
    }

    @Test
    void oneShotCommandStartsANodeRunsAndStops() throws Exception {
        settings("SOLO");
        Console c = new Console();
        int code = c.run(new BufferedReader(new StringReader("")), "--home", home.toString(), "peers", "--wait", "0");
        assertThat(code).as(c.err.toString()).isZero();
        assertThat(c.out.toString()).contains("No peers seen yet.");
        assertThat(c.err.toString()).contains("mailslot").contains("Windows");
        assertThat(home.resolve(Launch.SOCKET)).doesNotExist();
        assertThat(home.resolve("history.db")).exists();
        assertThat(home.resolve("logs").resolve("traytalk.log")).exists();
    }

    @Test
    void historyWithoutARunningNodeReadsTheStoreAndStaysOffTheNetwork() throws Exception {
        settings("QUIET");
        Console c = new Console();
        int code = c.run(new BufferedReader(new StringReader("")), "--home", home.toString(), "history");
        assertThat(code).as(c.err.toString()).isZero();
        assertThat(c.out.toString()).contains("No messages.");
        assertThat(c.err.toString()).as("no node, so no carrier warnings").doesNotContain("mailslot");
        assertThat(home.resolve("history.db")).exists();
        assertThat(Files.readString(home.resolve("logs").resolve("traytalk.log"))).doesNotContain("node QUIET started");
    }

    @Test
    void secondLaunchIsHandedToTheRunningOwner() throws Exception {
        settings("OWNER");
        PipedWriter ownerKeys = new PipedWriter();
        BufferedReader ownerIn = new BufferedReader(new PipedReader(ownerKeys));
        Console owner = new Console();
        CompletableFuture<Integer> chat = CompletableFuture.supplyAsync(() -> {
            try {
                return owner.run(ownerIn, "--home", home.toString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> owner.out.toString().contains("you are OWNER"));
        assertThat(home.resolve(Launch.SOCKET)).exists();

        Console second = new Console();
        int code = second.run(new BufferedReader(new StringReader("")), "--home", home.toString(), "send", "--wait",
                "0.5", "NOBODY", "are", "you", "there");
        assertThat(code).as(second.err.toString()).isEqualTo(3);
        assertThat(second.out.toString()).contains("queued: NOBODY is offline").doesNotContain("started just for");

        Console third = new Console();
        assertThat(third.run(new BufferedReader(new StringReader("")), "--home", home.toString(), "history")).isZero();
        assertThat(third.out.toString()).contains("-> NOBODY [queued]  are you there");

        ownerKeys.write("/quit\n");
        ownerKeys.flush();
        assertThat(chat.get()).isZero();
        assertThat(home.resolve(Launch.SOCKET)).doesNotExist();
    }

    @Test
    void theRealNodeAnswersForItsIdentity() throws Exception {
        settings("KEYS");
        Console id = new Console();
        assertThat(id.run(new BufferedReader(new StringReader("")), "--home", home.toString(), "id")).isZero();
        String line = id.out.toString().strip();
        assertThat(line).matches("KEYS  [A-Z2-7]{4}(-[A-Z2-7]{4}){5}");
        String own = line.substring(line.lastIndexOf(' ') + 1);
        assertThat(Files.readString(home.resolve("logs").resolve("traytalk.log"))).contains("identity " + own);

        Console list = new Console();
        assertThat(list.run(new BufferedReader(new StringReader("")), "--home", home.toString(), "trust")).isZero();
        assertThat(list.out.toString()).startsWith("No changed identities");
        Console accept = new Console();
        assertThat(accept.run(new BufferedReader(new StringReader("")), "--home", home.toString(), "trust", "BOB",
                own)).isEqualTo(1);
        assertThat(accept.err.toString()).contains("No TrayTalk identity " + own + " has turned up under the name BOB");
    }

    @Test
    void helpAndVersionNeedNoNode() throws Exception {
        Console c = new Console();
        assertThat(c.run(new BufferedReader(new StringReader("")), "--home", home.toString(), "--version")).isZero();
        assertThat(c.out.toString()).startsWith("TrayTalk ");
        assertThat(home.resolve("history.db")).doesNotExist();
    }
}
