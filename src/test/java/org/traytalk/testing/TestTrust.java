package org.traytalk.testing;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.traytalk.crypto.Ed25519;
import org.traytalk.crypto.X25519;
import org.traytalk.engine.TrustSetup;
import org.traytalk.secure.GroupSecrets;
import org.traytalk.trust.Identity;

/** Identities for tests: made from a seed, so a failing test meets the same keys when run again. */
public final class TestTrust {
    private TestTrust() {
    }

    /** A random generator that repeats for the same seed (SHA1PRNG seeded before first use does). */
    public static SecureRandom random(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Identity identity(long seed) {
        SecureRandom random = random(seed);
        return new Identity(Ed25519.generate(random), X25519.generate(random));
    }

    /** A node's identity in group FOXAPP without a passphrase. */
    public static TrustSetup setup(long seed) {
        return setup(seed, null);
    }

    /** A node's identity in group FOXAPP with the organisation passphrase (null for none). */
    public static TrustSetup setup(long seed, String passphrase) {
        return new TrustSetup(identity(seed), GroupSecrets.derive("FOXAPP", passphrase), seed == 0 ? 1 : seed);
    }
}
