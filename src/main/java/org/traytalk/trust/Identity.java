package org.traytalk.trust;

import java.nio.charset.StandardCharsets;
import org.traytalk.crypto.Ed25519;
import org.traytalk.crypto.Ed25519KeyPair;
import org.traytalk.crypto.Hkdf;
import org.traytalk.crypto.X25519KeyPair;
import org.traytalk.model.PeerKey;

/**
 * This installation's long-term identity: an Ed25519 key pair that signs what the node says about itself, and an
 * X25519 key pair its sessions are agreed with. Made once at first run ({@link IdentityFile}); never logged.
 */
public final class Identity {
    private final Ed25519KeyPair signing;
    private final X25519KeyPair agreement;
    private final PeerKey publicKey;

    public Identity(Ed25519KeyPair signing, X25519KeyPair agreement) {
        this.signing = signing;
        this.agreement = agreement;
        this.publicKey = new PeerKey(signing.publicKey(), agreement.publicKey());
    }

    /** What peers pin: both public keys. */
    public PeerKey publicKey() {
        return publicKey;
    }

    public X25519KeyPair agreement() {
        return agreement;
    }

    public byte[] sign(byte[] message) {
        return Ed25519.sign(signing, message);
    }

    /** A secret for a local purpose (e.g. "wire ids"), derived from the identity so it needs no file of its own. */
    public byte[] localSecret(String purpose) {
        byte[] prk = Hkdf.extract("TrayTalk local secret".getBytes(StandardCharsets.US_ASCII), signing.seed());
        return Hkdf.expand(prk, purpose.getBytes(StandardCharsets.UTF_8), 32);
    }

    Ed25519KeyPair signing() {
        return signing;
    }

    @Override
    public String toString() {
        return "Identity[" + publicKey.fingerprint() + "]";
    }
}
