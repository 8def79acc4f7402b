package org.traytalk.app;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import org.traytalk.tray.desktop.DesktopApp;
import org.traytalk.tray.window.HistoryWindow;

/** The history and settings windows of the running node, one of each, opened from the tray. */
final class AppWindows implements DesktopApp.Windows {
    private final RunningNode node;
    private final HistoryWindow history;
    private Consumer<String> opened = peer -> { };

    AppWindows(RunningNode node) {
        this.node = node;
        this.history = new HistoryWindow(node, Clock.systemDefaultZone());
    }

    /** Who to tell when the user opens a conversation (its messages then count as read). */
    void reportOpenedTo(Consumer<String> listener) {
        this.opened = listener;
    }

    @Override
    public void showHistory(Optional<String> peer) {
        if (peer.isPresent()) {
            history.showConversation(peer.get());
            opened.accept(peer.get());
        } else {
            history.show();
        }
    }

    @Override
    public void showSettings() {
        org.slf4j.LoggerFactory.getLogger(AppWindows.class).info("Settings file: {}", node.settingsFile().path());
    }

    @Override
    public void closeAll() {
        history.close();
    }
}
