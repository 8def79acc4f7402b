package org.traytalk.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.traytalk.tray.desktop.DorkboxUpdates;
import picocli.CommandLine;

/** {@code traytalk}: runs the command in this process, or hands it to the TrayTalk that already runs. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        DorkboxUpdates.switchOff(); // before any Dorkbox class can load
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int code;
        try {
            code = new Launch(in, out, err).run(args);
        } catch (CommandLine.ParameterException e) {
            err.println("traytalk: " + e.getMessage());
            e.getCommandLine().usage(err);
            code = 2;
        } catch (Exception e) {
            err.println("traytalk: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            code = 1;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }
}
