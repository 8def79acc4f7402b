package org.traytalk.app;

import java.awt.Image;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.traytalk.tray.desktop.DesktopApp;
import org.traytalk.tray.window.ConversationsWindow;
import org.traytalk.tray.window.SettingsWindow;

/** The conversations and settings windows of the running node, one of each, opened from the tray. */
final class AppWindows implements DesktopApp.Windows {
    private final ConversationsWindow conversations;
    private final SettingsWindow settings;

    AppWindows(RunningNode node) {
        this.conversations = new ConversationsWindow(node, Clock.systemDefaultZone());
        this.settings = new SettingsWindow(node.settingsFile(), () -> node.settingsFile().load().settings());
    }

    @Override
    public void showConversations(Optional<String> peer) {
        peer.ifPresentOrElse(conversations::showConversation, conversations::show);
    }

    @Override
    public void showSettings() {
        settings.show();
    }

    @Override
    public void useIcons(List<? extends Image> icons) {
        conversations.setIconImages(icons);
        settings.setIconImages(icons);
    }

    @Override
    public void closeAll() {
        conversations.close();
        settings.close();
    }
}
