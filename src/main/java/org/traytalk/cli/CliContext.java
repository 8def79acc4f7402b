package org.traytalk.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.time.ZoneId;
import org.traytalk.engine.Messenger;
import org.traytalk.engine.MessengerListener;
import org.traytalk.platform.Autostart;
import org.traytalk.platform.Autostarts;

/**
 * What a command runs against: the node (started on first use), and the streams of whoever typed the command
 * (this process's console, or a second launch's, forwarded over the control socket).
 */
public interface CliContext {

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
    default java.util.List<org.traytalk.model.ChatMessage> history(org.traytalk.model.HistoryQuery query)
            throws Exception {
        return messenger().history(query);
    }

    /** True when the node was started for this command, so peers are only just being discovered. */
    boolean nodeJustStarted();

    BufferedReader in();

    PrintWriter out();

    PrintWriter err();

    /** True when the command came from another launch over the control socket. */
    default boolean forwarded() {
        return false;
    }

    /**
     * Shows TrayTalk on the desktop (tray icon, pop-ups, windows) and returns when the user quits. Empty when this
     * process cannot show a desktop (no display). For a launch handed to a running TrayTalk that shows one: brings
     * it forward and returns at once.
     */
    default java.util.OptionalInt runDesktop(boolean minimized) throws Exception {
        return java.util.OptionalInt.empty();
    }

    /** Asks the TrayTalk that owns the node to say OFFLINE and exit; false when none is running. */
    default boolean quit() {
        return false;
    }

    /** The "start at logon" switch of this operating system. */
    default Autostart autostart() {
        return Autostarts.forThisMachine();
    }

    default ZoneId zone() {
        return ZoneId.systemDefault();
    }
}
