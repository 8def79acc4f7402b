package org.traytalk.tray.desktop;

import java.awt.AWTException;
import java.awt.GraphicsEnvironment;
import java.awt.Image;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import javax.swing.SwingUtilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.concurrent.DaemonThreads;
import org.traytalk.config.NotificationStyle;
import org.traytalk.config.Settings;
import org.traytalk.engine.Messenger;
import org.traytalk.engine.MessengerListener;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.KeyChange;
import org.traytalk.platform.Autostart;
import org.traytalk.platform.DarkMode;
import org.traytalk.platform.idle.IdleTime;
import org.traytalk.platform.notify.DesktopNotifications;
import org.traytalk.platform.notify.NativeNotifications;
import org.traytalk.platform.notify.TrayMessages;
import org.traytalk.tray.model.Alert;
import org.traytalk.tray.model.AlertOptions;
import org.traytalk.tray.model.AlertQueue;
import org.traytalk.tray.model.AwayWatch;
import org.traytalk.tray.model.KeyChangeList;
import org.traytalk.tray.model.MenuModel;
import org.traytalk.tray.model.NativeNotices;
import org.traytalk.tray.model.OnThread;
import org.traytalk.tray.model.TrayActions;
import org.traytalk.tray.model.TrayModel;
import org.traytalk.tray.model.TrayTimers;

/**
 * The desktop side of a running TrayTalk: tray icon (or the no-tray window), pop-ups, compose, and the history and
 * settings windows. Everything here lives on the Swing event thread; the node it shows runs on its own threads.
 */
public final class DesktopApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);

    /** The conversations and settings windows, built by the application wiring. */
    public interface Windows {
        /**
         * Opens the conversations window, at the conversation with {@code peer} ({@code *}: Everyone) when given;
         * one window, brought forward.
         */
        void showConversations(Optional<String> peer);

        void showSettings();

        /** Opens About: who this TrayTalk is and the code its peers compare. */
        void showAbout();

        /**
         * The key changes waiting for review: one list for the tray, the pop-ups and every window. The desktop
         * attaches it to the messenger.
         */
        KeyChangeList keyChanges();

        /** Opens the review of the key change waiting for {@code name}. */
        void showKeyChange(String name);

        void closeAll();

        /** The application icon in every size, for the windows' title bars. */
        default void useIcons(List<? extends Image> icons) {
        }
    }

    private final Messenger messenger;
    private final Autostart autostart;
    private final Windows windows;
    /** {@code -Dtraytalk.tray=dorkbox}: Dorkbox's tray even where Java's own would do (a desktop that needs it). */
    private static final boolean FORCE_DORKBOX = "dorkbox".equals(System.getProperty("traytalk.tray"));
    private final ExecutorService background = DaemonThreads.whileBusy("traytalk-ui-sender", Duration.ofSeconds(10));
    private final CountDownLatch quit = new CountDownLatch(1);
    private final List<AutoCloseable> handles = new ArrayList<>();
    private TrayModel model;
    private AlertQueue alerts;
    private KeyChangeList keyChanges;
    private TrayPresenter presenter;
    private PopupStack popups;
    private ComposeWindow compose;
    private TrayView view;
    private TrayIcons icons;
    private volatile boolean sound;
    private NotificationStyle notifications;
    private NativeNotices nativeNotices;
    private AwayWatch awayWatch;
    private TrayTimers timers; // on the node's scheduler: no Swing timer thread while the tray is idle
    private InputLooks inputLooks; // on the node's scheduler, off the Swing thread
    private DesktopNotifications desktopNotifications; // connected when the setting first asks for it
    private boolean connecting;
    private boolean autostartOn;
    private int loggedUnread;
    private boolean swingPrepared;

    private DesktopApp(Messenger messenger, Autostart autostart, Windows windows) {
        this.messenger = messenger;
        this.autostart = autostart;
        this.windows = windows;
    }

    /** True when this process can open windows at all (a display, not headless Java). */
    public static boolean displayAvailable() {
        return !GraphicsEnvironment.isHeadless();
    }

    /**
     * Shows TrayTalk on the desktop: the tray icon, or a window when the desktop has no tray.
     *
     * @param minimized started at logon: nothing opens except the icon (the no-tray window still opens)
     * @param scheduler counts the tray's delays (pop-ups, redraws, looks for input): the node's housekeeping thread
     */
    public static DesktopApp start(Messenger messenger, Autostart autostart, Windows windows, Settings settings,
                                   boolean minimized, ScheduledExecutorService scheduler) throws Exception {
        DesktopApp app = new DesktopApp(messenger, autostart, windows);
        try {
            NativeNotifications.claimAppIdentity(System.getProperty("os.name", ""),
                    NativeNotifications::shell32Identity);
        } catch (IOException e) {
            LOG.warn("Windows may group TrayTalk's windows under Java in the taskbar: {}", e.getMessage());
        }
        // at logon the panel may still be starting: wait longer for its tray than when the user starts TrayTalk
        TrayPresence.Host host = TrayPresence.ofThisDesktop()
                .awaitTray(minimized ? Duration.ofSeconds(30) : Duration.ofSeconds(3));
        app.timers = new ScheduledUiTimers(scheduler, SwingUtilities::invokeLater);
        app.inputLooks = new InputLooks(IdleTime::ofThisDesktop, InputLooks.on(scheduler), SwingUtilities::invokeLater,
                since -> app.awayWatch.tick(since));
        SwingUtilities.invokeAndWait(() -> app.build(settings, host));
        return app;
    }

    /** Only what the icon needs: the windows, their look and their icons come when the first one opens. */
    private void build(Settings settings, TrayPresence.Host host) {
        icons = TrayIcons.load();
        model = new TrayModel(messenger.localName());
        alerts = new AlertQueue(messenger, Clock.systemDefaultZone(), timers, alertOptions(settings),
                background);
        sound = settings.alertSound();
        notifications = settings.notifications();
        popups = new PopupStack(alerts, this::openAlert, this::repliedFromPopup, () -> sound, this::popupsWanted,
                this::popupIcon, ZoneId.systemDefault());
        nativeNotices = new NativeNotices(alerts, messenger, background, SwingUtilities::invokeLater,
                () -> notifications.nativeNotification() && desktopNotifications != null, this::showConversation,
                this::showKeyChange);
        handles.add(nativeNotices.attach());
        awayWatch = new AwayWatch(messenger, background, alerts);
        handles.add(inputLooks::stop);
        awayAfter(settings);
        presenter = new TrayPresenter(model, this::autostartState, new Actions(), timers, timers);
        autostartOn = readAutostart();
        handles.add(model.attach(messenger, SwingUtilities::invokeLater));
        handles.add(alerts.attach(SwingUtilities::invokeLater));
        handles.add(popups.attach());
        handles.add(messenger.subscribe(OnThread.of(SwingUtilities::invokeLater, new MessengerListener() {
            @Override
            public void messageUpdated(ChatMessage m) {
                if (compose != null) {
                    compose.messageUpdated(m);
                }
            }
        })));
        handles.add(model.onChange(this::logUnread));
        keyChanges = windows.keyChanges();
        handles.add(keyChanges.onChange(new KeyChangeList.Listener() {
            @Override
            public void listChanged() {
                model.setKeyChanges(keyChanges.pending());
                alerts.keyChangesPending(keyChanges.pending());
            }

            @Override
            public void raised(KeyChange change) {
                LOG.warn("Tray warns: {} turned up as {} (known as {}), {} held", change.name(), change.offered(),
                        change.pinned(), change.held());
                alerts.showKeyChange(change);
            }
        }));
        handles.add(keyChanges.attach());
        view = openView(host);
        handles.add(presenter.showIn(view));
        presenter.setBlinking(settings.trayBlink());
        connectNativeNotices(); // macOS reaches Notification Center through the tray icon
        LOG.info("Desktop ready: {}", view.describe());
    }

    /** Once, before the first window, pop-up or menu: the look (light or dark, as the desktop) and the icons. */
    private void prepareSwing() {
        if (!swingPrepared) {
            swingPrepared = true;
            Theme.apply(DarkMode.ofThisDesktop().isDark());
            windows.useIcons(icons.app());
        }
    }

    private Image popupIcon() {
        prepareSwing();
        return icons.app().get(3);
    }

    private ComposeWindow compose() {
        if (compose == null) {
            prepareSwing();
            compose = new ComposeWindow(messenger, background, model::unverified, icons.app(),
                    () -> windows.showConversations(Optional.empty()));
        }
        return compose;
    }

    private void showConversation(String peer) {
        prepareSwing();
        windows.showConversations(Optional.of(peer));
    }

    private void showKeyChange(String name) {
        prepareSwing();
        windows.showKeyChange(name);
    }

    /**
     * Java's own tray icon where it is seen (Windows, macOS, XEmbed trays); Dorkbox's AppIndicator where a
     * StatusNotifier host draws the tray (KDE, GNOME with its extension); a window where there is neither.
     */
    private TrayView openView(TrayPresence.Host host) {
        String missing = TrayPresence.NO_TRAY;
        if (host != TrayPresence.Host.NONE) {
            try {
                Optional<? extends TrayView> tray = host == TrayPresence.Host.STATUS_NOTIFIER || FORCE_DORKBOX
                        ? DorkboxTray.open(icons, SwingUtilities::invokeLater, id -> presenter.click(id))
                        : AwtTray.open(icons, id -> presenter.click(id), this::prepareSwing);
                if (tray.isPresent()) {
                    return tray.get();
                }
                missing = "The system tray could not be used (see the log), so TrayTalk shows this window instead.";
            } catch (AWTException | RuntimeException | LinkageError e) {
                LOG.warn("The system tray failed to start", e);
                missing = "The system tray failed to start (" + e + "), so TrayTalk shows this window instead.";
            }
        }
        LOG.warn("No tray icon: {}", missing);
        prepareSwing();
        return new FallbackWindow(missing, icons, id -> presenter.click(id));
    }

    /** Blocks until the user chooses Quit (or {@link #close} runs). */
    public void awaitQuit() throws InterruptedException {
        quit.await();
    }

    /** TrayTalk was launched again while running: show something, as the user expects. */
    public void bringForward() {
        SwingUtilities.invokeLater(() -> {
            if (view instanceof FallbackWindow w) {
                w.toFront();
            }
            openCompose(Optional.empty());
        });
    }

    /** Something the user should know (a bad setting, a carrier that cannot work): the tray shows it as a problem. */
    public void warn(String text) {
        SwingUtilities.invokeLater(() -> model.problem(text));
    }

    /** Settings changed on disk: pop-ups, unverified.peers, blinking, the name shown, notifications, away apply at once. */
    public void apply(Settings settings) {
        SwingUtilities.invokeLater(() -> {
            alerts.setOptions(alertOptions(settings));
            sound = settings.alertSound();
            model.setLocalName(settings.displayName());
            if (settings.notifications() != notifications) {
                LOG.info("Notifications: {}", settings.notifications().key());
            }
            notifications = settings.notifications();
            presenter.setBlinking(settings.trayBlink());
            connectNativeNotices();
            awayAfter(settings);
        });
    }

    /** The away time and status line from the settings; looks for keyboard and mouse input unless it is 0. */
    private void awayAfter(Settings settings) {
        awayWatch.configure(settings.awayAfter(), settings.statusLine());
        inputLooks.lookWith(settings.awayAfter()); // the first look when the user could be away
    }

    private static AlertOptions alertOptions(Settings settings) {
        return AlertOptions.DEFAULTS.withHideAfter(settings.alertTime()).withUnverified(settings.unverified());
    }

    private void openCompose(Optional<String> to) {
        compose().open(to, model.onlinePeers());
    }

    /**
     * "Open" on a pop-up: the conversation it belongs to (Everyone for a broadcast); reading it there clears it.
     * "Review..." on a key change's pop-up: its review.
     */
    private void openAlert(Alert alert) {
        if (alert.kind() == Alert.Kind.KEY_CHANGE) {
            LOG.info("Pop-up {} review: {}", alert.id(), alert.peer().orElse(""));
            alert.peer().ifPresent(this::showKeyChange);
            return;
        }
        String peer = ChatMessage.EVERYONE.equals(alert.conversation()) ? ChatMessage.EVERYONE
                : alert.peer().orElse(alert.conversation());
        LOG.info("Pop-up {} open: {}", alert.id(), peer);
        showConversation(peer);
    }

    /** Answering a pop-up is reading it: its conversation is read up to the message it shows. */
    private void repliedFromPopup(Alert alert) {
        background.execute(() -> messenger.markRead(alert.conversation(), alert.messageRow()));
    }

    /** TrayTalk's pop-ups show unless the setting says native only and the desktop's notifications work. */
    private boolean popupsWanted() {
        return notifications.popup() || desktopNotifications == null;
    }

    /**
     * Connects to the desktop's notifications the first time the setting asks for them, off the UI thread (the
     * D-Bus library loads only then). Where there are none, TrayTalk's pop-ups stand in, and the log says why.
     */
    private void connectNativeNotices() {
        if (!notifications.nativeNotification() || desktopNotifications != null || connecting) {
            return;
        }
        connecting = true;
        Optional<TrayMessages> trayMessages = view instanceof AwtTray awt
                ? Optional.of((title, text) -> SwingUtilities.invokeLater(() -> awt.displayMessage(title, text)))
                : Optional.empty();
        background.execute(() -> {
            DesktopNotifications connected = null;
            String why = null;
            try {
                connected = NativeNotifications.connect(nativeNotices.callbacks(), trayMessages);
            } catch (IOException | RuntimeException | LinkageError e) {
                why = e.getMessage();
            }
            DesktopNotifications result = connected;
            String problem = why;
            SwingUtilities.invokeLater(() -> {
                connecting = false;
                if (result == null) {
                    LOG.warn("Desktop notifications are not available ({}); TrayTalk's pop-ups show instead", problem);
                    return;
                }
                desktopNotifications = result;
                nativeNotices.use(result);
                handles.add(result);
                LOG.info("Desktop notifications: {}", result.describe());
                popups.refresh();
            });
        });
    }

    /**
     * A line when messages start to wait unread and when all are read, which the desktop test watches; not one per
     * message (80,000 flooded in made 7.8 MB of log).
     */
    private void logUnread() {
        int now = model.unreadCount();
        if ((now == 0) != (loggedUnread == 0)) {
            loggedUnread = now;
            LOG.info("Unread: {}", now);
        }
    }

    private MenuModel.Autostart autostartState() {
        return new MenuModel.Autostart(true, autostartOn);
    }

    private boolean readAutostart() {
        try {
            return autostart.isEnabled();
        } catch (IOException e) {
            LOG.warn("Cannot tell whether TrayTalk starts at logon ({}): {}", autostart.location(), e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        if (quit.getCount() == 0) {
            return;
        }
        Runnable shut = () -> {
            for (AutoCloseable h : handles) {
                try {
                    h.close();
                } catch (Exception e) {
                    LOG.debug("Closing a UI subscription failed", e);
                }
            }
            popups.closeAll();
            if (compose != null) {
                compose.close();
            }
            windows.closeAll();
            view.close();
        };
        if (SwingUtilities.isEventDispatchThread()) {
            shut.run();
        } else {
            try {
                SwingUtilities.invokeAndWait(shut);
            } catch (Exception e) {
                LOG.warn("Closing the windows failed", e);
            }
        }
        background.shutdown();
        quit.countDown();
    }

    /** What the menu, the pop-ups and the no-tray window ask for. */
    private final class Actions implements TrayActions {
        @Override
        public void openCompose(Optional<String> to) {
            LOG.info("Menu: compose {}", to.orElse(""));
            DesktopApp.this.openCompose(to);
        }

        @Override
        public void openConversations() {
            LOG.info("Menu: conversations");
            prepareSwing();
            windows.showConversations(Optional.empty());
        }

        @Override
        public void openConversation(String peer) {
            LOG.info("Menu: conversation with {}", peer);
            showConversation(peer);
        }

        @Override
        public void openSettings() {
            LOG.info("Menu: settings");
            prepareSwing();
            windows.showSettings();
        }

        @Override
        public void openAbout() {
            LOG.info("Menu: about");
            prepareSwing();
            windows.showAbout();
        }

        @Override
        public void reviewKeyChange(String name) {
            LOG.info("Menu: review the key change of {}", name);
            showKeyChange(name);
        }

        @Override
        public void toggleDnd() {
            boolean on = !model.dnd();
            LOG.info("Menu: do not disturb {}", on ? "on" : "off");
            model.setDnd(on);
            alerts.setDnd(on);
        }

        @Override
        public void toggleAutostart() {
            try {
                if (autostartOn) {
                    autostart.disable();
                } else {
                    autostart.enable();
                }
            } catch (IOException e) {
                LOG.warn("Changing start at logon ({}) failed: {}", autostart.location(), e.getMessage());
                model.problem("Could not change \"Start at logon\": " + e.getMessage());
            }
            autostartOn = readAutostart();
            LOG.info("Menu: start at logon {}", autostartOn ? "on" : "off");
        }

        @Override
        public void quit() {
            LOG.info("Menu: quit");
            close();
        }
    }
}
