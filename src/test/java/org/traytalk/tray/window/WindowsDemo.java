package org.traytalk.tray.window;

import static org.traytalk.testing.FakeMessenger.inbound;
import static org.traytalk.testing.FakeMessenger.inboundBroadcast;
import static org.traytalk.testing.FakeMessenger.outbound;
import static org.traytalk.testing.FakeMessenger.peer;

import com.formdev.flatlaf.FlatLightLaf;
import java.awt.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import org.traytalk.config.SettingsFile;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Receipt;
import org.traytalk.testing.FakeMessenger;

/**
 * Opens both windows on sample data, to look at them: {@code java -cp ... org.traytalk.tray.window.WindowsDemo
 * [history|everyone|settings|both] [search text]}. Not a test.
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
            if (!which.equals("settings")) {
                ConversationsWindow history = new ConversationsWindow(messenger, clock);
                history.showConversation(which.equals("everyone") ? "*" : "Bob");
                if (search != null) {
                    Timer t = new Timer(800,
                            e -> typeSearch(search));
                    t.setRepeats(false);
                    t.start();
                }
            }
            if (which.equals("settings") || which.equals("both")) {
                new SettingsWindow(file, () -> file.load().settings()).show();
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
        m.peers.add(peer("Bob", true));
        m.peers.add(peer("Carol", true));
        m.peers.add(peer("Dave", false));
        m.peers.add(peer("Erin", false));
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
        return m;
    }
}
