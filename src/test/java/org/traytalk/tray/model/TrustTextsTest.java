package org.traytalk.tray.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traytalk.testing.FakeMessenger.keyChange;

import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.traytalk.model.KeyChange;
import org.traytalk.testing.FakeMessenger;

/** What the key change warnings, the review dialog and About say. */
class TrustTextsTest {

    @Test
    void theReviewShowsBothCodesSideBySideTheHeldMessagesAndWhatToDo() {
        KeyChange bob = keyChange("BOB", 1, 2);
        KeyChangeReview r = KeyChangeReview.of(bob, ZoneOffset.UTC);
        assertThat(r.title()).isEqualTo("BOB's key changed");
        assertThat(r.summary()).contains("someone may be posing as BOB").contains("reinstalled");
        assertThat(r.pinnedCaption()).isEqualTo("Known key of BOB");
        assertThat(r.pinnedCode()).isEqualTo(bob.pinned().code());
        assertThat(r.offeredCaption()).isEqualTo("New key, first seen 2024-03-05 09:15");
        assertThat(r.offeredCode()).isEqualTo(bob.offered().code()).isNotEqualTo(r.pinnedCode());
        assertThat(r.held()).isEqualTo("2 messages from the new key are held: they appear in BOB's conversation if"
                + " you accept the new key.");
        assertThat(r.advice()).startsWith("Ask BOB for the code TrayTalk shows under About")
                .contains("compare it with the new key").contains("keep the old one");
        assertThat(r.accept()).isEqualTo("Accept new key");
        assertThat(r.keep()).isEqualTo("Keep the old one");
    }

    @Test
    void heldMessagesAreCountedInWords() {
        assertThat(KeyChangeReview.of(keyChange("BOB", 1, 0), ZoneOffset.UTC).held())
                .isEqualTo("No messages from the new key so far.");
        assertThat(KeyChangeReview.of(keyChange("BOB", 1, 1), ZoneOffset.UTC).held())
                .startsWith("1 message from the new key is held:");
        assertThat(KeyChangeReview.banner(keyChange("BOB", 1, 1))).isEqualTo("BOB's key changed: someone may be"
                + " posing as BOB. 1 message from the new key is held until you review it.");
        assertThat(KeyChangeReview.banner(keyChange("BOB", 1, 0))).endsWith("No messages from the new key so far.");
    }

    @Test
    void theTrayMenuAndThePopUpSayTheSame() {
        KeyChange bob = keyChange("BOB", 1, 3);
        assertThat(KeyChangeReview.menuLabel(bob)).isEqualTo("BOB's key changed: review...");
        assertThat(KeyChangeReview.warning(bob)).isEqualTo("Someone may be posing as BOB");
        assertThat(KeyChangeReview.alertText(bob))
                .isEqualTo("3 messages from the new key are held. Compare codes with BOB before you accept the new key.");
    }

    @Test
    void aNameFromTheNetworkIsPlainTextAndShort() {
        KeyChange hostile = keyChange("<html><b>" + "X".repeat(40), 1, 0);
        KeyChangeReview r = KeyChangeReview.of(hostile, ZoneOffset.UTC);
        for (String text : new String[] {r.title(), r.summary(), r.pinnedCaption(), r.advice(),
                KeyChangeReview.menuLabel(hostile), KeyChangeReview.banner(hostile)}) {
            assertThat(text).doesNotStartWith("<").doesNotContain("X".repeat(40));
        }
    }

    @Test
    void aChangeWithoutAPinnedKeySaysSo() {
        KeyChange bob = keyChange("BOB", 1, 0);
        KeyChange unpinned = new KeyChange("BOB", null, bob.offered(), bob.key(), bob.firstSeen(), bob.lastSeen(), 0);
        assertThat(KeyChangeReview.of(unpinned, ZoneOffset.UTC).pinnedCode()).isEqualTo("(none)");
    }

    @Test
    void aboutNamesThisTrayTalkAndItsCode() {
        AboutText about = AboutText.of("ALICE", FakeMessenger.fingerprintOf(1), null);
        assertThat(about.who()).isEqualTo("You are ALICE");
        assertThat(about.code()).isEqualTo(FakeMessenger.fingerprintOf(1).code());
        assertThat(about.explanation()).startsWith("Compare this code with what your peers see.");
        assertThat(about.version()).isEqualTo("TrayTalk dev");
        assertThat(AboutText.of("ALICE", null, "0.1.0").code()).isEqualTo("\u2014");
    }
}
