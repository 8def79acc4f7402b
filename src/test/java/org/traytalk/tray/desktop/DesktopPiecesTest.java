package org.traytalk.tray.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dorkbox.updates.Updates;
import java.awt.AWTKeyStroke;
import java.awt.Dimension;
import java.awt.KeyboardFocusManager;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.time.Duration;
import java.util.Optional;
import javax.swing.JComboBox;
import javax.swing.JTextArea;
import org.junit.jupiter.api.Test;
import org.traytalk.engine.SendSize;
import org.traytalk.tray.desktop.TrayPresence.Host;
import org.traytalk.tray.model.IconState;
import org.traytalk.tray.model.QuickReply;
import org.traytalk.tray.model.SendSizeText;

class DesktopPiecesTest {

    @Test
    void dorkboxsUpdateCheckIsOffOnceSwitchedOff() {
        DorkboxUpdates.switchOff();
        assertThat(System.getProperty("dorkbox.updates.Updates.ENABLE")).isEqualTo("false");
        assertThat(DorkboxUpdates.ensureOff()).as("off before we had to force it").isTrue();
        assertThat(Updates.INSTANCE.getENABLE()).isFalse();
    }

    @Test
    void theFallbackWindowGrowsWithItsEntriesButNeverPastTheScreen() {
        Rectangle screen = new Rectangle(0, 27, 1024, 741);
        assertThat(FallbackWindow.sized(new Dimension(320, 400), new Dimension(0, 0), screen))
                .isEqualTo(new Dimension(320, 400));
        assertThat(FallbackWindow.sized(new Dimension(340, 2932 * 30), new Dimension(320, 400), screen))
                .as("2,932 rows").isEqualTo(new Dimension(340, 741));
        assertThat(FallbackWindow.sized(new Dimension(300, 350), new Dimension(500, 600), screen))
                .as("made larger by the user: kept").isEqualTo(new Dimension(500, 600));
    }

    @Test
    void trayIconsExistForEveryStateAndSize() {
        TrayIcons icons = TrayIcons.load();
        for (IconState state : IconState.values()) {
            assertThat(icons.tray(state, 16).getWidth()).isEqualTo(16);
            assertThat(icons.tray(state, 23).getWidth()).as("the next larger size").isEqualTo(24);
            assertThat(icons.tray(state, 500).getWidth()).as("the largest").isEqualTo(64);
        }
        assertThat(icons.app()).hasSize(TrayIcons.APP_SIZES.length);
        assertThat(TrayIcons.fileState(IconState.ERROR)).isEqualTo("offline");
    }

    @Test
    void trayPresenceTrustsWindowsAndMacAndAsksLinuxDesktops() {
        assertThat(new TrayPresence("Windows 11", () -> false, () -> false).host()).isEqualTo(Host.SYSTEM_TRAY);
        assertThat(new TrayPresence("Mac OS X", () -> false, () -> false).host()).isEqualTo(Host.SYSTEM_TRAY);
        assertThat(new TrayPresence("Linux", () -> true, () -> false).host()).isEqualTo(Host.SYSTEM_TRAY);
        assertThat(new TrayPresence("Linux", () -> false, () -> true).host()).isEqualTo(Host.STATUS_NOTIFIER);
        assertThat(new TrayPresence("Linux", () -> true, () -> true).host())
                .as("KDE has both: its own StatusNotifier host first").isEqualTo(Host.STATUS_NOTIFIER);
        assertThat(new TrayPresence("Linux", () -> false, () -> false).host()).isEqualTo(Host.NONE);
        assertThat(TrayPresence.NO_TRAY).contains("No system tray was found");
    }

    @Test
    void aTrayHostThatAppearsLateIsWaitedFor() throws Exception {
        int[] asked = {0};
        TrayPresence late = new TrayPresence("Linux", () -> ++asked[0] >= 3, () -> false);
        assertThat(late.awaitTray(Duration.ofSeconds(5))).isEqualTo(Host.SYSTEM_TRAY);
        assertThat(asked[0]).isEqualTo(3);
        assertThat(new TrayPresence("Linux", () -> false, () -> false).awaitTray(Duration.ZERO)).isEqualTo(Host.NONE);
    }

    @Test
    void theComposeCounterSaysSizeLimitAndParts() {
        assertThat(SendSizeText.of(new SendSize(12, 32768, 1, "udp"))).isEqualTo("12 / 32,768 bytes");
        assertThat(SendSizeText.of(new SendSize(511, 32768, 3, "mailslot")))
                .isEqualTo("511 / 32,768 bytes \u2013 arrives as 3 messages (mailslot takes less)");
        assertThat(SendSizeText.of(new SendSize(40000, 32768, 1, "")))
                .isEqualTo("40,000 / 32,768 bytes \u2013 too long, please shorten it");
    }

    @Test
    void aQuickReplysStateReadsAsWordsAndNeverAsHtml() {
        assertThat(PopupWindow.describe(new QuickReply("yes", QuickReply.Status.DELIVERED, "")))
                .isEqualTo("\u2713\u2713 Delivered: \u201Cyes\u201D");
        assertThat(PopupWindow.describe(new QuickReply("<html><b>x", QuickReply.Status.SENDING, "")))
                .startsWith("Sending").contains("<html><b>x");
        assertThat(PopupWindow.describe(new QuickReply("", QuickReply.Status.REFUSED, "The message is empty")))
                .startsWith("\u26A0 The message is empty");
        assertThat(PopupWindow.describe(new QuickReply("x".repeat(100), QuickReply.Status.SENT, "")).length())
                .isLessThan(60);
        assertThat(Optional.of(PopupWindow.describe(new QuickReply("<b>", QuickReply.Status.FAILED, ""))))
                .hasValueSatisfying(s -> assertThat(s).doesNotStartWith("<"));
    }

    @Test
    void composesRecipientFieldAndMessageBoxHaveSpokenNamesAndTabLeavesTheBox() {
        JComboBox<String> to = new JComboBox<>();
        to.setEditable(true);
        JTextArea text = new JTextArea();
        ComposeWindow.forKeyboardAndScreenReaders(to, text);
        assertThat(to.getEditor().getEditorComponent().getAccessibleContext().getAccessibleName()).isEqualTo("To");
        assertThat(text.getAccessibleContext().getAccessibleName()).isEqualTo("Message");
        assertThat(text.getFocusTraversalKeys(KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS))
                .contains(AWTKeyStroke.getAWTKeyStroke(KeyEvent.VK_TAB, 0));
    }
}
