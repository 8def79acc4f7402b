package org.traytalk.tray.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Conversation;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Direction;
import org.traytalk.model.Peer;
import org.traytalk.model.PeerAddress;
import org.traytalk.testing.FakeMessenger;
import org.traytalk.tray.model.IconState;
import org.traytalk.tray.model.ManualTimers;
import org.traytalk.tray.model.MenuEntry;
import org.traytalk.tray.model.MenuModel;
import org.traytalk.tray.model.Redraws;
import org.traytalk.tray.model.TrayActions;
import org.traytalk.tray.model.TrayModel;
import org.traytalk.tray.model.TrayTimers;

class TrayPresenterTest {
    private final TrayModel model = new TrayModel("ALICE");
    private final List<String> actions = new ArrayList<>();
    private final RecordingView view = new RecordingView();
    /** The redraws' timers: the gap between redraws passes when the test says so. */
    private final ManualTimers redrawTimers = new ManualTimers();
    /** The blink's timers: due when the test says so. */
    private final List<Runnable> timerTasks = new ArrayList<>();
    private final TrayTimers timers = (delay, task) -> {
        timerTasks.add(task);
        return () -> timerTasks.remove(task);
    };
    private boolean autostart;
    private final TrayPresenter presenter = new TrayPresenter(model, () -> new MenuModel.Autostart(true, autostart),
            new TrayActions() {
                @Override
                public void openCompose(Optional<String> to) {
                    actions.add("compose " + to.orElse(""));
                }

                @Override
                public void openConversation(String peer) {
                    actions.add("conversation " + peer);
                }

                @Override
                public void openConversations() {
                    actions.add("conversations");
                }

                @Override
                public void openSettings() {
                    actions.add("settings");
                }

                @Override
                public void openAbout() {
                    actions.add("about");
                }

                @Override
                public void reviewKeyChange(String name) {
                    actions.add("review " + name);
                }

                @Override
                public void toggleDnd() {
                    model.setDnd(!model.dnd());
                }

                @Override
                public void toggleAutostart() {
                    autostart = !autostart;
                }

                @Override
                public void quit() {
                    actions.add("quit");
                }
            }, redrawTimers, timers);

    static final class RecordingView implements TrayView {
        final List<IconState> icons = new ArrayList<>();
        final List<String> tooltips = new ArrayList<>();
        MenuModel menu;

        @Override
        public void show(IconState state, String tooltip, MenuModel m) {
            icons.add(state);
            tooltips.add(tooltip);
            menu = m;
        }

        @Override
        public String describe() {
            return "test view";
        }

        @Override
        public void close() {
        }
    }

    private static Peer online(String name) {
        return new Peer(name, new PeerAddress("udp", "10.77.0.2:42138"), Instant.EPOCH, true, 1,
                FakeMessenger.fingerprintOf(name.hashCode()));
    }

    @Test
    void showsTheModelAtOnceAndAfterEveryChange() throws Exception {
        presenter.showIn(view);
        assertThat(view.icons).containsExactly(IconState.NORMAL);
        assertThat(view.tooltips.get(0)).contains("ALICE");

        model.peerOnline(online("BOB"));
        settle();
        assertThat(view.menu.find("online:BOB")).isPresent();
        model.messageReceived(message(7));
        assertThat(view.icons).as("not yet: changes settle first").last().isEqualTo(IconState.NORMAL);
        settle();
        assertThat(view.icons).last().isEqualTo(IconState.UNREAD);
        assertThat(view.menu.find("reply:BOB")).map(MenuEntry::label).contains("Reply to BOB (1)");
    }

    /** The UI thread gets to what was queued for it, and the gap between redraws is over. */
    private void settle() {
        redrawTimers.advance(Redraws.GAP);
    }

    private static ChatMessage message(int wireId) {
        return new ChatMessage(wireId, Direction.INBOUND, "BOB", wireId, "hi", Instant.EPOCH, DeliveryState.RECEIVED,
                Instant.EPOCH, false, List.of());
    }

    @Test
    void aBurstOfMessagesIsShownOnceAndTheViewStopsWithTheHandle() throws Exception {
        AutoCloseable shown = presenter.showIn(view);
        for (int i = 1; i <= 500; i++) {
            model.messageReceived(message(i));
        }
        settle();
        assertThat(view.icons).containsExactly(IconState.NORMAL, IconState.UNREAD);
        assertThat(view.menu.find("reply:BOB")).map(MenuEntry::label).contains("Reply to BOB (500)");

        model.messageReceived(message(501));
        shown.close();
        settle();
        assertThat(view.icons).hasSize(2);
        assertThat(redrawTimers.pending()).isZero();
    }

    @Test
    void tenThousandPeersComingOnlineInTenSecondsAreDrawnAFewTimesASecond() {
        presenter.showIn(view);
        for (int i = 0; i < 10_000; i++) {
            model.peerOnline(online(String.format("FAKE%05d", i)));
            redrawTimers.advance(Duration.ofMillis(1));
        }
        settle();
        assertThat(view.icons.size()).as("at most 4 a second, and the last state shown").isBetween(40, 42);
        assertThat(view.menu.find("online").orElseThrow().label()).isEqualTo("Online (10000)");
    }

    @Test
    void clicksRunAgainstTheMenuShownAndTheViewFollows() {
        presenter.showIn(view);
        model.peerOnline(online("BOB"));
        presenter.click("online:BOB"); // not shown yet: nobody can have clicked it
        settle();
        presenter.click("online:BOB");
        presenter.click("conversations");
        presenter.click("no-such-entry");
        assertThat(actions).containsExactly("conversation BOB", "conversations");

        presenter.click("dnd");
        assertThat(view.icons).last().isEqualTo(IconState.DND);
        assertThat(view.menu.find("dnd").orElseThrow().checked()).isTrue();
        presenter.click("autostart");
        assertThat(view.menu.find("autostart").orElseThrow().checked()).isTrue();
    }

    @Test
    void whenAskedTheIconBlinksWhileUnreadWithoutRebuildingTheMenu() {
        presenter.showIn(view);
        presenter.setBlinking(true);
        settle();
        assertThat(timerTasks).as("nothing unread: nothing blinks").isEmpty();
        model.messageReceived(message(1));
        settle();
        MenuModel shown = view.menu;
        String tip = view.tooltips.get(view.tooltips.size() - 1);
        blinkOnce();
        blinkOnce();
        assertThat(view.icons).endsWith(IconState.UNREAD, IconState.NORMAL, IconState.UNREAD);
        assertThat(view.menu).as("the same menu, only the image changes").isSameAs(shown);
        assertThat(view.tooltips).last().isEqualTo(tip);

        model.messageReceived(message(2)); // an update on its way: the blink leaves the drawing to it
        int drawn = view.icons.size();
        blinkOnce();
        assertThat(view.icons).hasSize(drawn);
        settle();
        assertThat(view.icons).last().isEqualTo(IconState.NORMAL);

        model.conversationRead(new Conversation("BOB", "BOB", true, 0, message(2)));
        settle();
        assertThat(view.icons).last().isEqualTo(IconState.NORMAL);
        assertThat(timerTasks).as("read: the blinking stops").isEmpty();
    }

    @Test
    void blinkingIsOffByDefaultAndStopsWithTheHandle() throws Exception {
        AutoCloseable shown = presenter.showIn(view);
        model.messageReceived(message(1));
        settle();
        assertThat(timerTasks).isEmpty();
        presenter.setBlinking(true);
        settle();
        assertThat(timerTasks).hasSize(1);
        shown.close();
        assertThat(timerTasks).isEmpty();
    }

    /** The blink's timer comes due. */
    private void blinkOnce() {
        assertThat(timerTasks).hasSize(1);
        timerTasks.remove(0).run();
    }

    @Test
    void theDefaultActionIsCompose() {
        presenter.showIn(view);
        presenter.openDefault();
        assertThat(actions).containsExactly("compose ");
    }

    @Test
    void theTrayRebuildsOnlyWhenEntriesChange() {
        presenter.showIn(view);
        List<String> before = DorkboxTray.shapeOf(view.menu.entries());
        presenter.click("dnd"); // a tick changes, the entries do not
        assertThat(DorkboxTray.shapeOf(view.menu.entries())).isEqualTo(before);
        model.messageReceived(message(1)); // "Reply to BOB (1)" is new
        settle();
        List<String> replying = DorkboxTray.shapeOf(view.menu.entries());
        assertThat(replying).isNotEqualTo(before).contains("ACTION|reply:BOB");
        model.messageReceived(message(2)); // only its label changes: set in place, not rebuilt
        settle();
        assertThat(DorkboxTray.shapeOf(view.menu.entries())).isEqualTo(replying);
        assertThat(view.menu.find("reply:BOB")).map(MenuEntry::label).contains("Reply to BOB (2)");
        model.peerOnline(online("BOB"));
        settle();
        assertThat(DorkboxTray.shapeOf(view.menu.entries())).contains("ACTION|online:BOB");
    }
}
