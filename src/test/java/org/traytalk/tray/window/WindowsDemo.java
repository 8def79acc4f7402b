package org.traytalk.tray.window;

import static org.traytalk.testing.FakeMessenger.inbound;
import static org.traytalk.testing.FakeMessenger.inboundBroadcast;
import static org.traytalk.testing.FakeMessenger.keyChange;
import static org.traytalk.testing.FakeMessenger.legacyPeer;
import static org.traytalk.testing.FakeMessenger.outbound;
import static org.traytalk.testing.FakeMessenger.peer;
import static org.traytalk.testing.FakeMessenger.unverifiedInbound;

import com.formdev.flatlaf.FlatLightLaf;
import java.awt.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import org.traytalk.config.SettingsFile;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Receipt;
import org.traytalk.model.Status;
import org.traytalk.testing.FakeMessenger;
import org.traytalk.tray.model.AboutText;
import org.traytalk.tray.model.KeyChangeList;

/**
 * Opens the windows on sample data, to look at them: {@code java -cp ... org.traytalk.tray.window.WindowsDemo
 * [history|everyone|frank|carol|settings|both|review|about] [search text]} (Frank runs the original program;
 * Carol's key changed). Not a test.
 */
public final class WindowsDemo {
    private WindowsDemo() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "both";
        String search = args.length > 1 ? args[1] : null;
        FakeMessenger messenger = sample();
        Path dir = Files.createTempDirectory("traytalk-demo");
        SettingsFile file = new SettingsFile(dir.resolve(SettingsFile.FILE_NAME), "ALICE-PC");
        file.createIfMissing();
        SwingUtilities.invokeAndWait(() -> {
            FlatLightLaf.setup();
            Clock clock = Clock.fixed(FakeMessenger.T0.plus(Duration.ofHours(6)), ZoneOffset.UTC);
            KeyChangeList keyChanges = new KeyChangeList(messenger, Runnable::run, SwingUtilities::invokeLater);
            keyChanges.attach();
            WindowIcons icons = new WindowIcons();
            KeyChangeWindow review = new KeyChangeWindow(keyChanges, ZoneOffset.UTC, icons);
            if (which.equals("review")) {
                SwingUtilities.invokeLater(() -> review.show("Carol"));
            } else if (which.equals("about")) {
                new AboutWindow(() -> AboutText.of("ALICE", messenger.fingerprint(), "0.1.0"), icons).show();
            } else if (!which.equals("settings")) {
                ConversationsWindow history = new ConversationsWindow(messenger, keyChanges, review::show, clock, icons,
                        () -> { });
                history.showConversation(switch (which) {
                    case "everyone" -> "*";
                    case "frank" -> "Frank";
                    case "carol" -> "Carol";
                    default -> "Bob";
                });
                if (search != null) {
                    Timer t = new Timer(800,
                            e -> typeSearch(search));
                    t.setRepeats(false);
                    t.start();
                }
            }
            if (which.equals("settings") || which.equals("both")) {
                new SettingsWindow(file, () -> file.load().settings(), Optional.of(messenger.fingerprint()), icons)
                        .show();
            }
        });
    }

    private static void typeSearch(String text) {
        for (Window w : Window.getWindows()) {
            for (var field : Swing.all(w, JTextField.class)) {
                if (field.getClientProperty("JTextField.placeholderText") != null) {
                    field.setText(text);
                    field.postActionEvent();
                }
            }
        }
    }

    static FakeMessenger sample() {
        FakeMessenger m = new FakeMessenger();
        m.peers.add(peer("Bob", true, new Status(false, "in the office until 5")));
        m.peers.add(peer("Carol", true, new Status(true, "at lunch")));
        m.peers.add(peer("Dave", false));
        m.peers.add(peer("Erin", false));
        m.peers.add(legacyPeer("Frank", true));
        m.keyChanges.add(keyChange("Carol", 99, 2));
        m.history.add(inbound(1, "Dave", "Printer on the second floor is jammed again."));
        m.history.add(outbound(2, "Dave", "I'll have a look after lunch.", DeliveryState.DELIVERED));
        m.history.add(inboundBroadcast(3, "Carol", "Fire drill at 15:00 today, please leave by the east stairs."));
        m.history.add(inbound(4, "Bob", "Morning! Did the backup finish last night?"));
        m.history.add(outbound(5, "Bob", "Yes, all green. Restored one file to check.", DeliveryState.DELIVERED));
        m.history.add(inbound(6, "Bob", "Great. Could you check the projector in room 4 before the review?"));
        m.history.add(outbound(7, "Bob", "Sure, I'll go over at half past.\nIs the HDMI adapter still in the drawer?",
                DeliveryState.DELIVERED));
        m.history.add(outbound(8, "Erin", "Are you coming to the 2 pm meeting?", DeliveryState.QUEUED));
        m.history.add(outbound(9, "*", "Lunch order closes at 11:30!", DeliveryState.SENT,
                new Receipt("Bob", DeliveryState.DELIVERED, FakeMessenger.T0),
                new Receipt("Carol", DeliveryState.SENT, null)));
        m.history.add(inbound(10, "Bob", "Yes, top drawer. The checklist is at "
                + "https://intranet.example/wiki/it/meeting-rooms/projector-and-video-checklist"));
        m.history.add(outbound(11, "Bob", "Thanks! On my way.", DeliveryState.SENT));
        m.history.add(inbound(12, "Dave", "Never mind, it works again after a restart."));
        m.history.add(unverifiedInbound(13, "Frank", "Who has the key to the server room?"));
        return m;
    }
}
