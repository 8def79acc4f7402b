package org.traytalk.cli;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.traytalk.engine.Messenger;
import org.traytalk.engine.MessengerException;
import org.traytalk.model.Fingerprint;
import org.traytalk.model.KeyChange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code traytalk trust}: names that turned up with another identity than the one pinned to them, and accepting one
 * once its fingerprint was compared with the peer's.
 */
@Command(name = "trust", description = {"Without arguments: list names that turned up with another identity than "
        + "the one TrayTalk knows (someone may be posing as them, or they reinstalled).",
        "With NAME and FINGERPRINT: accept that identity for NAME, after comparing the code with what NAME sees in "
                + "`traytalk id` or TrayTalk's About. Its held messages then appear.",
        "Exit 0 done, 1 nothing to accept under that name and code, 2 bad input."})
final class TrustCommand implements Callable<Integer> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @ParentCommand
    TrayTalkCommand parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME")
    String name;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FINGERPRINT")
    String fingerprint;

    @Override
    public Integer call() throws Exception {
        CliContext ctx = parent.context();
        Messenger messenger = ctx.node().messenger();
        if (name == null) {
            return list(ctx, messenger.keyChanges());
        }
        if (fingerprint == null) {
            ctx.err().println("traytalk: give the fingerprint to accept for " + TextEscape.oneLine(name)
                    + " (traytalk trust lists them)");
            return 2;
        }
        Fingerprint offered;
        try {
            offered = Fingerprint.parse(fingerprint);
        } catch (IllegalArgumentException e) {
            ctx.err().println("traytalk: " + e.getMessage());
            return 2;
        }
        try {
            messenger.trust(name, offered);
        } catch (MessengerException e) {
            ctx.err().println("traytalk: " + e.getMessage());
            return 1;
        }
        ctx.out().println(TextEscape.oneLine(name) + " is now " + offered + "; the messages it sent meanwhile are in "
                + "the conversation.");
        return 0;
    }

    private int list(CliContext ctx, List<KeyChange> changes) {
        if (changes.isEmpty()) {
            ctx.out().println("No changed identities: every name is the identity TrayTalk first met under it.");
            return 0;
        }
        for (KeyChange c : changes) {
            ctx.out().printf("%s: known as %s, turned up as %s (first %s, last %s, %d message%s held)%n",
                    TextEscape.oneLine(c.name()), c.pinned() == null ? "-" : c.pinned(), c.offered(),
                    WHEN.format(c.firstSeen().atZone(ctx.zone())), WHEN.format(c.lastSeen().atZone(ctx.zone())),
                    c.held(), c.held() == 1 ? "" : "s");
        }
        ctx.out().println("Someone may be posing as them, or they reinstalled TrayTalk or use another computer. Ask them"
                + " for the code `traytalk id` shows, and if it matches: traytalk trust NAME FINGERPRINT");
        return 0;
    }
}
