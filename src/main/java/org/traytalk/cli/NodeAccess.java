package org.traytalk.cli;

import java.util.List;
import java.util.OptionalInt;
import org.traytalk.engine.Messenger;
import org.traytalk.engine.MessengerListener;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.HistoryQuery;
import org.traytalk.platform.Autostart;
import org.traytalk.platform.Autostarts;

/** The node commands run against, whoever typed them: started on first use, one per process. */
public interface NodeAccess {

    /** The running node; starts it when this process owns none yet. */
    Messenger messenger() throws Exception;

    /**
     * Attaches a listener; when this starts the node, the listener is attached before the node goes on the network,
     * so it misses nothing (messages waiting for us arrive within milliseconds of the start).
     */
    default Subscription subscribe(MessengerListener listener) throws Exception {
        Messenger m = messenger();
        return new Subscription(m, m.subscribe(listener));
    }

    /**
     * Reads history. Reading needs no network: where no node runs yet, an implementation may read the store
     * without starting one (and without telling the LAN we are online).
     */
    default List<ChatMessage> history(HistoryQuery query) throws Exception {
        return messenger().history(query);
    }

    /** True when this process started the node for the command it runs, so peers are only just being discovered. */
    boolean nodeJustStarted();

    /**
     * Shows TrayTalk on the desktop (tray icon, pop-ups, windows) and returns when the user quits. Empty when this
     * process cannot show a desktop (no display).
     */
    default OptionalInt runDesktop(boolean minimized) throws Exception {
        return OptionalInt.empty();
    }

    /** For a launch handed over to this process: brings its desktop forward, or empty when it shows none. */
    default OptionalInt bringForward() {
        return OptionalInt.empty();
    }

    /** Says OFFLINE and exits this process (for {@code traytalk quit} from another launch); false when it cannot. */
    default boolean quit() {
        return false;
    }

    /** The "start at logon" switch of this operating system. */
    default Autostart autostart() {
        return Autostarts.forThisMachine();
    }
}
