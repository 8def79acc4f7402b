package org.traytalk.platform.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A private D-Bus session bus ({@code dbus-daemon --session}) on a socket file, for one test. */
public final class SessionBus implements AutoCloseable {
    private final Process daemon;
    private final String address;

    private SessionBus(Process daemon, String address) {
        this.daemon = daemon;
        this.address = address;
    }

    /** Null when dbus-daemon is installed, else why the test cannot run. */
    public static String unavailableReason() {
        return Path.of("/usr/bin/dbus-daemon").toFile().canExecute() ? null
                : "dbus-daemon is not installed (apt-get install dbus-daemon)";
    }

    public static SessionBus start(Path dir) throws IOException {
        Process p = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--print-address",
                "--address=unix:path=" + dir.resolve("bus")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String address = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))
                .readLine(); // printed once the bus listens
        if (address == null || !address.startsWith("unix:")) {
            p.destroyForcibly();
            throw new IOException("dbus-daemon did not start (it printed " + address + ")");
        }
        return new SessionBus(p, address.strip());
    }

    public String address() {
        return address;
    }

    @Override
    public void close() {
        daemon.destroy();
        try {
            if (!daemon.waitFor(5, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
        } catch (InterruptedException e) {
            daemon.destroyForcibly();
            Thread.currentThread().interrupt(); // kept for the caller
        }
    }
}
