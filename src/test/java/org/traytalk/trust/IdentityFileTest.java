package org.traytalk.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.traytalk.testing.TestTrust;

class IdentityFileTest {
    @TempDir
    Path tmp;

    @Test
    void isMadeOnceAndReadBackTheSameReadableByItsOwnerOnly() throws IOException {
        Path file = tmp.resolve(IdentityFile.NAME);
        Identity made = IdentityFile.loadOrCreate(file, TestTrust.random(1));
        Identity read = IdentityFile.loadOrCreate(file, TestTrust.random(2));
        assertThat(read.publicKey()).isEqualTo(made.publicKey());
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.size(file)).isEqualTo(77);
        assertThat(made.toString()).doesNotContain(new String(Files.readAllBytes(file), 5, 10));
        assertThat(tmp.resolve(IdentityFile.NAME + ".new")).doesNotExist();
    }

    @Test
    void aKeyFileOthersCanReadIsMadePrivate() throws IOException {
        Path file = tmp.resolve(IdentityFile.NAME);
        IdentityFile.loadOrCreate(file, TestTrust.random(1));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        IdentityFile.loadOrCreate(file, TestTrust.random(1));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aDamagedFileIsRefusedNeverSilentlyReplaced() throws IOException {
        Path file = tmp.resolve(IdentityFile.NAME);
        IdentityFile.loadOrCreate(file, TestTrust.random(1));
        byte[] bytes = Files.readAllBytes(file);
        bytes[20] ^= 1;
        Files.write(file, bytes);
        assertThatThrownBy(() -> IdentityFile.loadOrCreate(file, TestTrust.random(1)))
                .isInstanceOf(IOException.class).hasMessageContaining("is damaged")
                .hasMessageContaining("Move it aside");
        Files.write(file, new byte[] {'T', 'T', 'I', 'D'});
        assertThatThrownBy(() -> IdentityFile.loadOrCreate(file, TestTrust.random(1))).hasMessageContaining("damaged");
        assertThat(Files.size(file)).isEqualTo(4); // left for the user to look at
    }

    @Test
    void localSecretsDifferByPurposeAndIdentity() {
        Identity a = TestTrust.identity(1);
        assertThat(a.localSecret("wire ids")).isEqualTo(TestTrust.identity(1).localSecret("wire ids"))
                .isNotEqualTo(a.localSecret("other")).isNotEqualTo(TestTrust.identity(2).localSecret("wire ids"))
                .hasSize(32);
    }
}
