package org.traytalk.cli;

import java.util.concurrent.Callable;
import org.traytalk.platform.Autostart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code traytalk autostart on|off|status}: the same switch as the tray's "Start at logon". */
@Command(name = "autostart", description = "Start TrayTalk when you log on: on, off, or status.")
final class AutostartCommand implements Callable<Integer> {

    enum Action { on, off, status }

    @ParentCommand
    TrayTalkCommand parent;

    @Parameters(index = "0", paramLabel = "on|off|status", description = "Valid values: ${COMPLETION-CANDIDATES}.")
    Action action;

    @Override
    public Integer call() throws Exception {
        CliContext ctx = parent.context();
        Autostart autostart = ctx.node().autostart();
        switch (action) {
            case on -> {
                autostart.enable();
                ctx.out().println("TrayTalk will start when you log on (" + autostart.location() + ").");
            }
            case off -> {
                autostart.disable();
                ctx.out().println("TrayTalk will not start when you log on.");
            }
            default -> ctx.out().println(autostart.isEnabled()
                    ? "on: TrayTalk starts when you log on (" + autostart.location() + ")."
                    : "off: TrayTalk does not start when you log on.");
        }
        return 0;
    }
}
