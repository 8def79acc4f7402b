package org.traytalk.tray.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traytalk.testing.FakeMessenger.keyChange;

import java.awt.AWTKeyStroke;
import java.awt.Component;
import java.awt.KeyboardFocusManager;
import java.awt.event.KeyEvent;
import java.time.ZoneOffset;
import java.util.List;
import javax.swing.JTextArea;
import javax.swing.plaf.basic.BasicHTML;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.traytalk.model.KeyChange;
import org.traytalk.testing.FakeMessenger;
import org.traytalk.tray.model.KeyChangeDecision;
import org.traytalk.tray.model.KeyChangeList;

/** The review of a changed key, for the keyboard and a screen reader, with a name that is markup. */
class KeyChangeViewTest {

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void bothCodesAreNamedByTheirCaptionsTabLeavesThemAndNothingIsTakenForHtml() {
        FakeMessenger messenger = new FakeMessenger();
        KeyChange eve = keyChange("<html><b>Eve", 1, 2);
        messenger.keyChanges.add(eve);
        Swing.run(() -> {
            KeyChangeList list = new KeyChangeList(messenger, Runnable::run, Runnable::run);
            list.attach();
            KeyChangeView view = new KeyChangeView();
            view.show(new KeyChangeDecision(list, eve, ZoneOffset.UTC, () -> { }));
            List<Component> all = Swing.all(view, Component.class);
            assertThat(Swing.unnamedControls(all)).as("controls without a spoken name").isEmpty();
            assertThat(Swing.shownTexts(all)).noneMatch(BasicHTML::isHTMLString)
                    .anyMatch(t -> t.contains("<html><b>Eve"));
            AWTKeyStroke tab = AWTKeyStroke.getAWTKeyStroke(KeyEvent.VK_TAB, 0);
            for (JTextArea code : Swing.all(view, JTextArea.class).stream().filter(JTextArea::isFocusable).toList()) {
                assertThat(code.getFocusTraversalKeys(KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS))
                        .as("Tab leaves %s", code.getName()).contains(tab);
            }
        });
    }
}
