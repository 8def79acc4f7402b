package org.traytalk.platform.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.traytalk.concurrent.DaemonThreads;

/**
 * The toast host as a Windows PowerShell 5.1 process running {@code windows-toasts.ps1} (Windows PowerShell, not
 * PowerShell 7: only it reaches the Windows Runtime's toast classes). The script goes as an encoded command, so no
 * file is written and no quoting can go wrong; commands and events go through the process's standard streams.
 */
final class PowerShellToastHost implements ToastHost {
    static final String SCRIPT = "windows-toasts.ps1";

    private final Process process;
    private final Writer commands;

    private PowerShellToastHost(Process process) {
        this.process = process;
        this.commands = process.outputWriter(StandardCharsets.US_ASCII);
    }

    /** Starts Windows PowerShell with the toast script; its event lines go to {@code lines} on a thread of its own. */
    static PowerShellToastHost start(Consumer<String> lines) throws IOException {
        Process p = new ProcessBuilder(command(System.getenv(), script())).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        PowerShellToastHost host = new PowerShellToastHost(p);
        DaemonThreads.start("traytalk-toasts", () -> host.readEvents(lines));
        return host;
    }

    /** The command line: Windows PowerShell from the system folder, quiet, with the script encoded. */
    static List<String> command(Map<String, String> env, String script) {
        return List.of(powershell(env).toString(), "-NoLogo", "-NoProfile", "-NonInteractive", "-WindowStyle", "Hidden",
                "-EncodedCommand", encoded(script));
    }

    /** Windows PowerShell in the system folder (%SystemRoot%), not whatever "powershell" the PATH finds first. */
    static Path powershell(Map<String, String> env) {
        String root = env.getOrDefault("SystemRoot", env.getOrDefault("SYSTEMROOT", "C:\\Windows"));
        return Path.of(root, "System32", "WindowsPowerShell", "v1.0", "powershell.exe");
    }

    /** What -EncodedCommand takes: the script in UTF-16LE, in base64. */
    static String encoded(String script) {
        return Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_16LE));
    }

    static String script() {
        try (InputStream in = PowerShellToastHost.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the TrayTalk jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SCRIPT, e);
        }
    }

    private void readEvents(Consumer<String> lines) {
        try (BufferedReader events = process.inputReader(StandardCharsets.US_ASCII)) {
            for (String line = events.readLine(); line != null; line = events.readLine()) {
                lines.accept(line);
            }
        } catch (IOException e) {
            // the host ended; alive() says so
        }
    }

    @Override
    public synchronized void send(String line) throws IOException {
        commands.write(line + "\r\n");
        commands.flush();
    }

    @Override
    public boolean alive() {
        return process.isAlive();
    }

    /** Ends standard input, which ends the script; a host that does not end in time is stopped. */
    @Override
    public void close() {
        try {
            commands.close();
        } catch (IOException e) {
            // gone already
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
