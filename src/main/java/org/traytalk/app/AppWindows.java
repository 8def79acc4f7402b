package org.traytalk.app;

import java.awt.Image;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import javax.swing.SwingUtilities;
import org.traytalk.concurrent.DaemonThreads;
import org.traytalk.platform.NativeHeap;
import org.traytalk.tray.desktop.DesktopApp;
import org.traytalk.tray.desktop.ScheduledUiTimers;
import org.traytalk.tray.model.AboutText;
import org.traytalk.tray.model.KeyChangeList;
import org.traytalk.tray.window.AboutWindow;
import org.traytalk.tray.window.ConversationsWindow;
import org.traytalk.tray.window.KeyChangeWindow;
import org.traytalk.tray.window.SettingsWindow;
import org.traytalk.tray.window.WindowIcons;

/**
 * The windows of the running node, one of each, opened from the tray: conversations, settings, About and the review
 * of a changed key, with the one list of key changes they and the tray share (its reads and trust calls run on
 * "traytalk-trust").
 */
final class AppWindows implements DesktopApp.Windows {
    // one task at a time, as before, but no thread while nobody reviews a key (most of the day)
    private final ExecutorService trustWorker = DaemonThreads.whileBusy("traytalk-trust", Duration.ofSeconds(10));
    private final KeyChangeList keyChanges;
    private final KeyChangeWindow keyReview;
    private final ConversationsWindow conversations;
    private final SettingsWindow settings;
    private final AboutWindow about;
    private final WindowIcons icons = new WindowIcons();

    AppWindows(RunningNode node) {
        String version = AppWindows.class.getPackage().getImplementationVersion();
        this.keyChanges = new KeyChangeList(node, trustWorker, SwingUtilities::invokeLater);
        this.keyReview = new KeyChangeWindow(keyChanges, ZoneId.systemDefault(), icons);
        // the history window is the big one: what it loaded is given back after it closed (on the housekeeping thread)
        MemoryReturn memory = new MemoryReturn(new ScheduledUiTimers(node.housekeeping(), Runnable::run), System::gc,
                NativeHeap::trim);
        this.conversations = new ConversationsWindow(node, keyChanges, keyReview::show, Clock.systemDefaultZone(),
                icons, memory::windowClosed);
        this.settings = new SettingsWindow(node.settingsFile(), () -> node.settingsFile().load().settings(),
                Optional.ofNullable(node.fingerprint()), icons);
        this.about = new AboutWindow(() -> AboutText.of(node.localName(), node.fingerprint(), version), icons);
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
    public void showAbout() {
        about.show();
    }

    @Override
    public KeyChangeList keyChanges() {
        return keyChanges;
    }

    @Override
    public void showKeyChange(String name) {
        keyReview.show(name);
    }

    @Override
    public void useIcons(List<? extends Image> images) {
        icons.use(images);
    }

    @Override
    public void closeAll() {
        conversations.close();
        settings.close();
        about.close();
        keyReview.close();
        trustWorker.shutdown();
    }
}
