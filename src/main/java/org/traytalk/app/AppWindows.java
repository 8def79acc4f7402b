package org.traytalk.app;

import java.awt.Image;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.traytalk.tray.desktop.DesktopApp;
import org.traytalk.tray.window.HistoryWindow;
import org.traytalk.tray.window.SettingsWindow;

/** The history and settings windows of the running node, one of each, opened from the tray. */
final class AppWindows implements DesktopApp.Windows {
    private final HistoryWindow history;
    private final SettingsWindow settings;
    private Consumer<String> opened = peer -> { };

    AppWindows(RunningNode node) {
        this.history = new HistoryWindow(node, Clock.systemDefaultZone());
        this.settings = new SettingsWindow(node.settingsFile(), () -> node.settingsFile().load().settings());
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
        settings.show();
    }

    @Override
    public void useIcons(List<? extends Image> icons) {
        history.setIconImages(icons);
        settings.setIconImages(icons);
    }

    @Override
    public void closeAll() {
        history.close();
        settings.close();
    }
}
