package org.traytalk.platform.notify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.platform.notify.ToastHostLines.Event;

/**
 * Windows 10/11 toasts with TrayTalk's own name and icon: shown through a toast host ({@link PowerShellToastHost})
 * as the AppUserModelID the setup's Start menu shortcut carries, so they land in the notification centre and obey
 * Focus Assist. A click on a toast comes back as {@link Callbacks#clicked} while TrayTalk runs; toasts have no reply
 * field here. Without that shortcut Windows shows nothing, so {@link #connect} refuses and TrayTalk's pop-ups stand in.
 */
public final class WindowsToasts implements DesktopNotifications {
    private static final Logger LOG = LoggerFactory.getLogger(WindowsToasts.class);
    /** The setup's Start menu shortcut carries it (installer/traytalk.iss); the process claims it too. */
    public static final String APP_ID = "TrayTalk.Messenger";
    /** Windows PowerShell takes a few seconds to start on a busy or cold machine. */
    static final Duration READY = Duration.ofSeconds(15);

    private final ToastHost host;

    private WindowsToasts(ToastHost host) {
        this.host = host;
    }

    /**
     * Starts the toast host and waits until it can show toasts.
     *
     * @param shortcuts where the setup's shortcut may be ({@link #startMenuShortcuts}); none there: an IOException
     */
    static WindowsToasts connect(Callbacks callbacks, List<Path> shortcuts, ToastHost.Starter starter, Duration patience)
            throws IOException {
        Objects.requireNonNull(callbacks);
        if (shortcuts.stream().noneMatch(Files::isRegularFile)) {
            throw new IOException("TrayTalk has no Start menu shortcut, which Windows needs to show its toasts: install"
                    + " TrayTalk with its setup");
        }
        CompletableFuture<String> ready = new CompletableFuture<>();
        ToastHost host = starter.start(line -> ToastHostLines.parse(line).ifPresent(e -> {
            switch (e.kind()) {
                case READY -> ready.complete("");
                case ERROR -> ready.complete(e.text().isEmpty() ? "the toast host failed" : e.text());
                case CLICKED -> callbacks.clicked(e.key());
                case PROBLEM -> LOG.warn("Windows did not take a toast: {}", e.text());
            }
        }));
        String failure;
        try {
            failure = ready.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            failure = "Windows PowerShell did not get ready within " + patience.toSeconds() + " s";
        } catch (ExecutionException e) {
            failure = String.valueOf(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        }
        if (!failure.isEmpty()) {
            host.close();
            throw new IOException("Windows toasts cannot be shown: " + failure);
        }
        return new WindowsToasts(host);
    }

    /** Starts Windows PowerShell as the toast host; this user's and all users' Start menus are looked in. */
    static WindowsToasts connect(Callbacks callbacks) throws IOException {
        return connect(callbacks, startMenuShortcuts(System.getenv()), PowerShellToastHost::start, READY);
    }

    /** Where the setup puts its shortcut: the Start menu of this user (APPDATA) or of all users (ProgramData). */
    static List<Path> startMenuShortcuts(Map<String, String> env) {
        return Stream.of(env.get("APPDATA"), env.get("ProgramData")).filter(Objects::nonNull)
                .map(root -> Path.of(root, "Microsoft", "Windows", "Start Menu", "Programs", "TrayTalk.lnk")).toList();
    }

    @Override
    public void show(Notice notice) {
        send(ToastHostLines.show(notice.key(), ToastXml.of(notice)));
    }

    @Override
    public void withdraw(long key) {
        send(ToastHostLines.withdraw(key));
    }

    private void send(String line) {
        try {
            host.send(line);
        } catch (IOException e) {
            LOG.warn("The toast host {}: {}", host.alive() ? "did not take a command" : "has ended", e.getMessage());
        }
    }

    @Override
    public String describe() {
        return "Windows toasts as " + APP_ID;
    }

    @Override
    public void close() {
        host.close();
    }
}
