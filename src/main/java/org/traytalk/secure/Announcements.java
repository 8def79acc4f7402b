package org.traytalk.secure;

import java.security.SecureRandom;
import java.util.function.LongSupplier;
import org.traytalk.crypto.AuthenticationFailedException;
import org.traytalk.crypto.ChaChaPoly;
import org.traytalk.crypto.Ed25519;
import org.traytalk.model.PeerKey;
import org.traytalk.trust.Identity;
import org.traytalk.wire.MalformedMessageException;
import org.traytalk.wire.secure.Announcement;
import org.traytalk.wire.secure.AnnouncementCodec;
import org.traytalk.wire.secure.AnnouncementFrame;

/**
 * Makes this node's announcements (signed with its identity, sealed with the group's key under a random 96-bit
 * nonce) and opens others':
 * a frame from outside the group, a bad signature or a malformed announcement is refused. Freshness (sequence) is
 * the caller's to check. Not thread-safe.
 */
final class Announcements {

    private final GroupSecrets group;
    private final Identity me;
    private final LongSupplier sequences;
    private final long instanceId;
    private final SecureRandom random;
    private final AnnouncementCodec codec = new AnnouncementCodec();
    private static final byte[] NO_AD = new byte[0];

    private final ChaChaPoly aead = new ChaChaPoly();
    private final byte[] key;

    Announcements(GroupSecrets group, Identity me, LongSupplier sequences, long instanceId, SecureRandom random) {
        this.group = group;
        this.me = me;
        this.sequences = sequences;
        this.instanceId = instanceId;
        this.random = random;
        this.key = group.announcementKey();
    }

    /** A signed, sealed announcement of this node under {@code name}. */
    AnnouncementFrame make(Announcement.Kind kind, String name, byte[] extensions) {
        PeerKey mine = me.publicKey();
        Announcement unsigned = new Announcement(kind, sequences.getAsLong(), instanceId, mine.signing(),
                mine.agreement(), name, extensions, new byte[Announcement.SIGNATURE_BYTES]);
        Announcement signed = unsigned.withSignature(me.sign(AnnouncementCodec.signedBytes(unsigned, group.group())));
        byte[] nonce = new byte[AnnouncementFrame.NONCE_BYTES];
        random.nextBytes(nonce);
        return new AnnouncementFrame(nonce, aead.seal(key, nonce, NO_AD, codec.encode(signed)));
    }

    /** The announcement in {@code frame}, once it proved to come from the group and to be signed by its key. */
    Announcement open(AnnouncementFrame frame) throws Rejected {
        byte[] plain;
        try {
            plain = aead.open(key, frame.nonce(), NO_AD, frame.sealed());
        } catch (AuthenticationFailedException e) {
            throw new Rejected(Rejected.Reason.NOT_IN_GROUP, "announcement sealed with another group's key"
                    + (group.withPassphrase() ? " (no or another passphrase)" : ""));
        }
        Announcement a;
        try {
            a = codec.decode(plain);
        } catch (MalformedMessageException e) {
            throw new Rejected(Rejected.Reason.MALFORMED, "malformed announcement: " + e.getMessage());
        }
        if (!Ed25519.verify(a.signingKey(), AnnouncementCodec.signedBytes(a, group.group()), a.signature())) {
            throw new Rejected(Rejected.Reason.FORGED, "announcement from \"" + a.name() + "\" with a bad signature");
        }
        return a;
    }
}
