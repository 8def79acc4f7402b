package org.traytalk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traytalk.testing.FakeMessenger.T0;
import static org.traytalk.testing.FakeMessenger.fingerprintOf;

import org.junit.jupiter.api.Test;
import org.traytalk.model.Fingerprint;
import org.traytalk.model.KeyChange;
import org.traytalk.testing.FakeMessenger;
import org.traytalk.testing.TestTrust;

class TrustCommandTest {
    private final FakeMessenger messenger = new FakeMessenger();
    private final TestContext ctx = new TestContext(messenger);
    private final Fingerprint offered = TestTrust.identity(9).publicKey().fingerprint();

    private void changed() {
        messenger.keyChanges.add(new KeyChange("BOB", fingerprintOf(1), offered, TestTrust.identity(9).publicKey(),
                T0, T0.plusSeconds(60), 2));
    }

    @Test
    void idShowsNameAndFingerprint() {
        assertThat(ctx.run("id")).isZero();
        assertThat(ctx.printed().strip()).isEqualTo("ALICE  " + messenger.fingerprint);
    }

    @Test
    void listsChangedIdentitiesWithWhatToDo() {
        assertThat(ctx.run("trust")).isZero();
        assertThat(ctx.printed()).contains("No changed identities");

        changed();
        TestContext again = new TestContext(messenger);
        assertThat(again.run("trust")).isZero();
        assertThat(again.printed()).contains("BOB: known as " + fingerprintOf(1) + ", turned up as " + offered)
                .contains("2 messages held").contains("traytalk trust NAME FINGERPRINT");
    }

    @Test
    void acceptsACodeTypedAsPeopleTypeIt() {
        changed();
        assertThat(ctx.run("trust", "bob", offered.code().toLowerCase().replace("-", ""))).isZero();
        assertThat(messenger.trusted).containsExactly("bob " + offered);
        assertThat(ctx.printed()).contains("bob is now " + offered);
    }

    @Test
    void refusesTyposAndCodesThatNeverTurnedUp() {
        changed();
        String typo = offered.code().substring(0, 5) + (offered.code().charAt(5) == 'A' ? 'B' : 'A')
                + offered.code().substring(6);
        assertThat(ctx.run("trust", "BOB", typo)).isEqualTo(2);
        assertThat(ctx.errors()).contains("typing error");

        TestContext other = new TestContext(messenger);
        assertThat(other.run("trust", "BOB", fingerprintOf(5).code())).isEqualTo(1);
        assertThat(other.errors()).contains("No TrayTalk identity");
        TestContext missing = new TestContext(messenger);
        assertThat(missing.run("trust", "BOB")).isEqualTo(2);
        assertThat(messenger.trusted).isEmpty();
    }
}
