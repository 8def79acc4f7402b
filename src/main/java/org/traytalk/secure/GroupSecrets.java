package org.traytalk.secure;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.Locale;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.traytalk.crypto.Hkdf;

/**
 * The keys every member of a group derives alike. Without an organisation passphrase they come from the group name
 * alone, which everyone can know: they only keep groups apart. With one, they come from the passphrase (PBKDF2, so
 * guessing it from a captured frame is slow), and whoever lacks it can neither read announcements nor open a session:
 * strangers on the LAN do not even appear in the list.
 *
 * @param group           the group name, upper-cased
 * @param withPassphrase  a passphrase was set
 * @param announcementKey seals announcements (ChaCha20-Poly1305)
 * @param macKey          keys the mac on handshake frames (HMAC-SHA256)
 * @param psk             the Noise pre-shared key of every session
 * @param prologue        the Noise prologue: the protocol version and the group
 */
public record GroupSecrets(String group, boolean withPassphrase, byte[] announcementKey, byte[] macKey, byte[] psk,
                           byte[] prologue) {
    static final int PBKDF2_ITERATIONS = 200_000;
    private static final String LABEL = "TrayTalk group 1|";

    public GroupSecrets {
        announcementKey = announcementKey.clone();
        macKey = macKey.clone();
        psk = psk.clone();
        prologue = prologue.clone();
    }

    /** The secrets of {@code group}, with {@code passphrase} when it is neither null nor blank. */
    public static GroupSecrets derive(String group, String passphrase) {
        String upper = group.toUpperCase(Locale.ROOT);
        byte[] salt = (LABEL + upper).getBytes(StandardCharsets.UTF_8);
        boolean given = passphrase != null && !passphrase.isBlank();
        byte[] root = given ? pbkdf2(passphrase, salt) : sha256(salt);
        byte[] prk = Hkdf.extract(salt, root);
        return new GroupSecrets(upper, given, expand(prk, "announcement key"), expand(prk, "handshake mac"),
                expand(prk, "session psk"), ("TrayTalk 1|" + upper).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] announcementKey() {
        return announcementKey.clone();
    }

    @Override
    public byte[] macKey() {
        return macKey.clone();
    }

    @Override
    public byte[] psk() {
        return psk.clone();
    }

    @Override
    public byte[] prologue() {
        return prologue.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupSecrets g && g.group.equals(group) && MessageDigest.isEqual(g.psk, psk);
    }

    @Override
    public int hashCode() {
        return group.hashCode();
    }

    @Override
    public String toString() {
        return "GroupSecrets[" + group + (withPassphrase ? ", with passphrase" : "") + "]";
    }

    private static byte[] expand(byte[] prk, String what) {
        return Hkdf.expand(prk, what.getBytes(StandardCharsets.US_ASCII), 32);
    }

    private static byte[] pbkdf2(String passphrase, byte[] salt) {
        // the same passphrase typed on two keyboards may arrive in two Unicode forms
        char[] chars = Normalizer.normalize(passphrase.strip(), Normalizer.Form.NFC).toCharArray();
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(chars, salt, PBKDF2_ITERATIONS, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 has PBKDF2WithHmacSHA256", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 has SHA-256", e);
        }
    }
}
