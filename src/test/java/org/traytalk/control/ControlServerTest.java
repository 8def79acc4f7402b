package org.traytalk.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlServerTest {

    @TempDir
    Path folder;

    private ControlServer server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private Path socket() {
        return folder.resolve("traytalk.sock");
    }

    private ControlServer start(CommandRunner runner) throws IOException {
        server = ControlServer.start(socket(), InstanceLock.acquire(folder.resolve("traytalk.lock")), runner);
        return server;
    }

    private static final CommandRunner ECHO = (args, in, out, err) -> {
        out.println("args " + args);
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            out.println("in: " + line);
        }
        err.println("done");
        return 7;
    };

    @Test
    void forwardsArgsStdinOutputAndExitCode() throws Exception {
        start(ECHO);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code;
        try (ControlClient client = ControlClient.connect(socket()).orElseThrow()) {
            code = client.forward(List.of("send", "BÖB", "hi there"), new StringReader("one\ngrüß\n"), out, err);
        }

        assertThat(code).isEqualTo(7);
        assertThat(out.toString().lines()).containsExactly("args [send, BÖB, hi there]", "in: one", "in: grüß");
        assertThat(err.toString().strip()).isEqualTo("done");
    }

    @Test
    void whatMustWaitForTheAnswerRunsOnceTheClientHasIt() throws Exception {
        CountDownLatch clientHasIt = new CountDownLatch(1);
        CompletableFuture<Boolean> afterTheAnswer = new CompletableFuture<>();
        start(new CommandRunner() {
            @Override
            public int run(List<String> args, BufferedReader in, PrintWriter out, PrintWriter err) {
                return 3;
            }

            @Override
            public void answered() { // as the node's quit does: had this come first, the client would still wait
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                boolean had = false;
                while (!had && System.nanoTime() < deadline) {
                    try {
                        had = clientHasIt.await(100, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        // the client left, as it does once it has its exit code: go on waiting for the test's word
                    }
                }
                afterTheAnswer.complete(had);
            }
        });
        int code;
        try (ControlClient client = ControlClient.connect(socket()).orElseThrow()) {
            code = client.forward(List.of("quit"), new StringReader(""), new StringWriter(), new StringWriter());
        }
        clientHasIt.countDown();
        assertThat(code).isEqualTo(3);
        assertThat(afterTheAnswer.get(20, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void socketFileIsPrivateToTheOwner() throws Exception {
        start(ECHO);
        if (Files.getFileAttributeView(socket(), PosixFileAttributeView.class) != null) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket()))).isEqualTo("rw-------");
        }
    }

    @Test
    void clientThatLeavesInterruptsItsCommand() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        start((args, in, out, err) -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return 0;
        });
        ControlClient client = ControlClient.connect(socket()).orElseThrow();
        Thread forwarding = new Thread(() -> {
            try {
                client.forward(List.of("listen"), new NeverEndingReader(), new StringWriter(), new StringWriter());
            } catch (IOException e) {
                // expected once closed
            }
        });
        forwarding.start();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        client.close();

        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> server.activeClients() == 0);
    }

    @Test
    void noNodeRunningWhenNothingListens() throws Exception {
        assertThat(ControlClient.connect(socket())).isEmpty();
        Files.createFile(socket());
        assertThat(ControlClient.connect(socket())).isEmpty();
    }

    @Test
    void staleSocketFromADeadOwnerIsReplaced() throws Exception {
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket()));
        }
        assertThat(socket()).exists();
        assertThat(ControlClient.connect(socket())).isEmpty();

        start(ECHO);

        try (ControlClient client = ControlClient.connect(socket()).orElseThrow()) {
            assertThat(client.forward(List.of(), new StringReader(""), new StringWriter(), new StringWriter())).isEqualTo(7);
        }
    }

    @Test
    void secondOwnerOfTheSameFolderIsRefused() throws Exception {
        start(ECHO);

        assertThatThrownBy(() -> InstanceLock.acquire(folder.resolve("traytalk.lock")))
                .isInstanceOf(AlreadyRunningException.class)
                .hasMessageContaining("another TrayTalk node is already running here");
    }

    @Test
    void lockIsFreeAgainAfterClose() throws Exception {
        start(ECHO).close();
        server = null;

        assertThat(socket()).doesNotExist();
        InstanceLock.acquire(folder.resolve("traytalk.lock")).close();
    }

    @Test
    void garbageGetsAnErrorAndTheServerKeepsServing() throws Exception {
        start(ECHO);

        assertThat(rawExchange("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)))
                .contains("bad control request: unknown frame type 0x47");
        assertThat(rawExchange(new byte[] {0x01, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}))
                .contains("bad control request: frame length 2147483647 is outside 0..1048576");
        assertThat(rawExchange(new byte[] {0x02, 0, 0, 0, 0}))
                .contains("bad control request: expected an ARGS frame first, got STDIN");

        try (ControlClient client = ControlClient.connect(socket()).orElseThrow()) {
            assertThat(client.forward(List.of(), new StringReader(""), new StringWriter(), new StringWriter())).isEqualTo(7);
        }
    }

    @Test
    void aSocketAnotherUserOwnsGetsNothing() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a socket away");
        CountDownLatch ran = new CountDownLatch(1);
        start((args, in, out, err) -> {
            ran.countDown();
            return 0;
        });
        UserPrincipal nobody = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(socket(), nobody);

        assertThatThrownBy(() -> ControlClient.connect(socket())).isInstanceOf(ForeignSocketException.class)
                .hasMessageContaining(socket() + " belongs to the user nobody, not to you (root)")
                .hasMessageContaining("was not handed over");
        // the file says nobody, as if nobody had made it; the kernel knows root listens
        assertThatThrownBy(() -> ControlClient.connect(socket(), Optional.of(nobody)))
                .isInstanceOf(ForeignSocketException.class)
                .hasMessageContaining("the program listening on " + socket() + " runs as the user root, not as you"
                        + " (nobody)");
        assertThat(ran.getCount()).as("no command reached the node").isEqualTo(1);
    }

    @Test
    void aSocketOthersMayWriteToGetsNothing() throws Exception {
        start(ECHO);
        Files.setPosixFilePermissions(socket(), PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThatThrownBy(() -> ControlClient.connect(socket())).isInstanceOf(ForeignSocketException.class)
                .hasMessageContaining("other users may write to " + socket());
    }

    /** Writes raw bytes, returns everything the server answered (as text) until it hangs up. */
    private String rawExchange(byte[] bytes) throws IOException {
        try (SocketChannel raw = SocketChannel.open(UnixDomainSocketAddress.of(socket()))) {
            raw.write(ByteBuffer.wrap(bytes));
            ByteBuffer answer = ByteBuffer.allocate(4096);
            while (raw.read(answer) >= 0) {
                if (!answer.hasRemaining()) {
                    break;
                }
            }
            byte[] all = new byte[answer.flip().remaining()];
            answer.get(all);
            // STDERR frame then EXIT 2: 0x13 0 0 0 4 0 0 0 2 at the very end.
            assertThat(all).endsWith(0x13, 0, 0, 0, 4, 0, 0, 0, 2);
            return new String(all, StandardCharsets.UTF_8);
        }
    }

    /** Stdin of an interactive user who never types. */
    static final class NeverEndingReader extends Reader {
        private final CountDownLatch never = new CountDownLatch(1);

        @Override
        public int read(char[] buffer, int off, int len) throws IOException {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return -1;
        }

        @Override
        public void close() {
            never.countDown();
        }
    }
}
