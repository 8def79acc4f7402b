package org.traytalk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code traytalk quit}: the running TrayTalk says OFFLINE and exits (what installers run before upgrading). */
@Command(name = "quit", description = "Make the running TrayTalk say goodbye to the network and exit. Exit 0 also when none runs.")
final class QuitCommand implements Callable<Integer> {

    @ParentCommand
    TrayTalkCommand parent;

    @Override
    public Integer call() {
        CliContext context = parent.context();
        if (context.forwarded() && context.node().quit()) {
            context.out().println("TrayTalk is quitting.");
        } else {
            context.out().println("TrayTalk is not running.");
        }
        return 0;
    }
}
