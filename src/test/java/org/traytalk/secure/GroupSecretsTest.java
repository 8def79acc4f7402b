package org.traytalk.secure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GroupSecretsTest {

    @Test
    void everyMemberDerivesTheSameKeysAndGroupsOrPassphrasesDiffer() {
        GroupSecrets plain = GroupSecrets.derive("foxapp", null);
        assertThat(GroupSecrets.derive("FOXAPP", "  ")).isEqualTo(plain); // blank: no passphrase
        assertThat(plain.withPassphrase()).isFalse();
        assertThat(plain.group()).isEqualTo("FOXAPP");
        GroupSecrets other = GroupSecrets.derive("LAB", null);
        GroupSecrets secret = GroupSecrets.derive("FOXAPP", "correct horse battery staple");
        assertThat(secret.withPassphrase()).isTrue();
        for (GroupSecrets g : new GroupSecrets[] {other, secret}) {
            assertThat(g.announcementKey()).isNotEqualTo(plain.announcementKey());
            assertThat(g.macKey()).isNotEqualTo(plain.macKey());
            assertThat(g.psk()).isNotEqualTo(plain.psk());
        }
        assertThat(plain.announcementKey()).isNotEqualTo(plain.macKey()).isNotEqualTo(plain.psk());
        assertThat(GroupSecrets.derive("FOXAPP", "correct horse battery staple").psk()).isEqualTo(secret.psk());
    }

    @Test
    void theSamePassphraseTypedInAnotherUnicodeFormIsTheSame() {
        String composed = "Gr\u00fc\u00dfe"; // ü as one character
        String decomposed = "Gru\u0308\u00dfe"; // u + combining diaeresis
        assertThat(GroupSecrets.derive("G", composed).psk()).isEqualTo(GroupSecrets.derive("G", decomposed).psk());
        assertThat(GroupSecrets.derive("G", " " + composed + " ").psk())
                .isEqualTo(GroupSecrets.derive("G", composed).psk());
    }

    @Test
    void neverShowsItsKeys() {
        assertThat(GroupSecrets.derive("FOXAPP", "secret").toString()).isEqualTo(
                "GroupSecrets[FOXAPP, with passphrase]");
    }
}
