package org.traytalk.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.traytalk.engine.Messenger;
import org.traytalk.engine.MessengerListener;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Peer;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code traytalk listen}: a headless node printing one line per event until stopped or disconnected. */
@Command(name = "listen", description = "Run without a window, printing one line per event (format: docs/CONTROL.md).")
final class ListenCommand implements Callable<Integer> {
    static final long CHECK_MILLIS = 250;

    @ParentCommand
    TrayTalkCommand parent;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws Exception {
        CliContext ctx = parent.context();
        Messenger messenger = ctx.messenger();
        PrintWriter out = ctx.out();
        String me = messenger.localName();
        Object lock = new Object();
        try (AutoCloseable sub = messenger.subscribe(new MessengerListener() {
            @Override
            public void messageReceived(ChatMessage m) {
                print(EventFormat.received(clock.instant(), m, me));
            }

            @Override
            public void messageUpdated(ChatMessage m) {
                print(EventFormat.updated(clock.instant(), m));
            }

            @Override
            public void peerOnline(Peer p) {
                print(EventFormat.peerOnline(clock.instant(), p));
            }

            @Override
            public void peerOffline(Peer p) {
                print(EventFormat.peerOffline(clock.instant(), p));
            }

            @Override
            public void problem(String text) {
                print(EventFormat.problem(clock.instant(), text));
            }

            private void print(String line) {
                synchronized (lock) {
                    out.println(line);
                    out.flush();
                }
            }
        })) {
            print(out, lock, clock.instant() + " listening " + me);
            // peers found before we subscribed are reported too (a repeat of an event is harmless)
            for (Peer p : messenger.peers()) {
                if (p.online()) {
                    print(out, lock, EventFormat.peerOnline(clock.instant(), p));
                }
            }
            // until killed, or until whoever reads us went away (a closed pipe or control connection)
            while (!out.checkError()) {
                Thread.sleep(CHECK_MILLIS);
            }
        }
        return 0;
    }

    private static void print(PrintWriter out, Object lock, String line) {
        synchronized (lock) {
            out.println(line);
            out.flush();
        }
    }
}
