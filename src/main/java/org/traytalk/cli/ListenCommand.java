package org.traytalk.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
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

    private final Object lock = new Object();
    // events that arrive while the node starts are held until the "listening" line is out
    private List<Supplier<String>> early = new ArrayList<>();
    private PrintWriter out;
    private volatile String me;

    @Override
    public Integer call() throws Exception {
        CliContext ctx = parent.context();
        out = ctx.out();
        try (Subscription sub = ctx.node().subscribe(new MessengerListener() {
            @Override
            public void messageReceived(ChatMessage m) {
                emit(() -> EventFormat.received(clock.instant(), m, me));
            }

            @Override
            public void messageUpdated(ChatMessage m) {
                emit(() -> EventFormat.updated(clock.instant(), m));
            }

            @Override
            public void peerOnline(Peer p) {
                emit(() -> EventFormat.peerOnline(clock.instant(), p));
            }

            @Override
            public void peerOffline(Peer p) {
                emit(() -> EventFormat.peerOffline(clock.instant(), p));
            }

            @Override
            public void problem(String text) {
                emit(() -> EventFormat.problem(clock.instant(), text));
            }
        })) {
            ready(sub.messenger());
            // until killed, or until whoever reads us went away (a closed pipe or control connection)
            while (!out.checkError()) {
                Thread.sleep(CHECK_MILLIS);
            }
        }
        return 0;
    }

    private void ready(Messenger messenger) {
        // asked before taking the lock: the engine thread may be waiting for that lock to hand us an event
        List<Peer> peers = messenger.peers();
        synchronized (lock) {
            me = messenger.localName();
            write(clock.instant() + " listening " + EventFormat.field(me));
            // peers found before we subscribed are reported too (a repeat of an event is harmless)
            for (Peer p : peers) {
                if (p.online()) {
                    write(EventFormat.peerOnline(clock.instant(), p));
                }
            }
            early.forEach(line -> write(line.get()));
            early = null;
        }
    }

    private void emit(Supplier<String> line) {
        synchronized (lock) {
            if (early != null) {
                early.add(line);
            } else {
                write(line.get());
            }
        }
    }

    private void write(String line) {
        out.println(line);
        out.flush();
    }
}
