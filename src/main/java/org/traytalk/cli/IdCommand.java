package org.traytalk.cli;

import java.util.concurrent.Callable;
import org.traytalk.engine.Messenger;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code traytalk id}: this installation's name and fingerprint, for comparing with what peers see. */
@Command(name = "id", description = "Show this TrayTalk's name and the fingerprint of its identity, to compare with "
        + "what your peers see for you (traytalk peers --keys).")
final class IdCommand implements Callable<Integer> {

    @ParentCommand
    TrayTalkCommand parent;

    @Override
    public Integer call() throws Exception {
        CliContext ctx = parent.context();
        Messenger messenger = ctx.node().messenger();
        ctx.out().println(TextEscape.oneLine(messenger.localName()) + "  " + messenger.fingerprint());
        return 0;
    }
}
