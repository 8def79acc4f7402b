package org.traytalk.it;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.traytalk.crypto.ChaChaPoly;
import org.traytalk.model.PeerKey;
import org.traytalk.secure.GroupSecrets;
import org.traytalk.trust.Identity;
import org.traytalk.wire.MalformedMessageException;
import org.traytalk.wire.UdpEnvelope;
import org.traytalk.wire.UdpEnvelopeCodec;
import org.traytalk.wire.secure.Announcement;
import org.traytalk.wire.secure.AnnouncementCodec;
import org.traytalk.wire.secure.AnnouncementFrame;
import org.traytalk.wire.secure.SecureFrame;
import org.traytalk.wire.secure.SecureFrameCodec;
import org.traytalk.wire.secure.TransportFrame;

/**
 * The datagrams a hostile host on the LAN can build without anybody's private key: the old plain envelope, a plain
 * message in the new envelope, announcements signed by the wrong key or sealed for another group, tampered copies
 * of captured frames, and junk. Pure: bytes in, bytes out.
 */
final class Forgeries {
    static final String GROUP = "FOXAPP";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final UdpEnvelopeCodec ENVELOPES = new UdpEnvelopeCodec();
    private static final SecureFrameCodec FRAMES = new SecureFrameCodec();

    private Forgeries() {
    }

    /** TrayTalk 0.1's envelope (version 1): magic, version, flags (UTF-8), instance id, group, recipient, message. */
    static byte[] plainEnvelope(String recipient, byte[] message) {
        byte[] group = GROUP.getBytes(StandardCharsets.US_ASCII);
        byte[] to = recipient.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + 1 + 1 + 8 + 1 + group.length + 1 + to.length + message.length)
                .put("TTLK".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 1).putLong(instanceId())
                .put((byte) group.length).put(group).put((byte) to.length).put(to).put(message).array();
    }

    /** Today's envelope (version 2) around {@code frame}, whatever it holds. */
    static byte[] envelope(byte[] frame) {
        return ENVELOPES.encode(new UdpEnvelope(instanceId(), GROUP, frame));
    }

    /**
     * An OFFLINE under {@code name} carrying {@code keys} (another node's public keys), signed by {@code signer} and
     * sealed for {@code group}: with a name's real keys and the attacker's signature it is forged, with the
     * attacker's own keys it is another identity under the name, sealed for another group it is a stranger's.
     */
    static byte[] announcement(Announcement.Kind kind, String name, PeerKey keys, Identity signer, GroupSecrets group) {
        return announcement(kind, System.currentTimeMillis() * 1000 + 999_999_999L, name, keys, signer, group,
                new byte[0]);
    }

    /** Like the other, with its sequence number and extensions given (a challenge, an echo). */
    static byte[] announcement(Announcement.Kind kind, long sequence, String name, PeerKey keys, Identity signer,
                               GroupSecrets group, byte[] extensions) {
        Announcement unsigned = new Announcement(kind, sequence, instanceId(), keys.signing(), keys.agreement(), name,
                extensions, new byte[Announcement.SIGNATURE_BYTES]);
        Announcement signed = unsigned.withSignature(signer.sign(AnnouncementCodec.signedBytes(unsigned,
                group.group())));
        byte[] nonce = new byte[AnnouncementFrame.NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = new ChaChaPoly().seal(group.announcementKey(), nonce, new byte[0],
                new AnnouncementCodec().encode(signed));
        return envelope(FRAMES.encode(new AnnouncementFrame(nonce, sealed)));
    }

    /**
     * Two tampered copies of a captured transport frame (a whole version 2 datagram): a later counter with the
     * ciphertext as it was, and the ciphertext with one bit flipped under a later counter.
     */
    static List<byte[]> tampered(byte[] capturedDatagram) throws MalformedMessageException {
        UdpEnvelope e = ENVELOPES.decode(capturedDatagram, 0, capturedDatagram.length);
        TransportFrame f = (TransportFrame) FRAMES.decode(e.frame());
        byte[] flipped = f.ciphertext();
        flipped[flipped.length / 2] ^= 0x01;
        return List.of(
                envelope(FRAMES.encode(new TransportFrame(f.receiverIndex(), f.counter() + 1000, f.ciphertext()))),
                envelope(FRAMES.encode(new TransportFrame(f.receiverIndex(), f.counter() + 1001, flipped))));
    }

    /** True when the datagram is a version 2 envelope around a transport frame (data in a session). */
    static boolean isTransport(byte[] datagram) {
        return is(datagram, TransportFrame.class);
    }

    /** The type of frame in a version 2 envelope ("AnnouncementFrame", ...), or "other" for anything else. */
    static String kind(byte[] datagram) {
        try {
            UdpEnvelope e = ENVELOPES.decode(datagram, 0, datagram.length);
            return FRAMES.decode(e.frame()).getClass().getSimpleName();
        } catch (MalformedMessageException e) {
            return "other";
        }
    }

    /** True when the datagram is a version 2 envelope around a frame of that type. */
    static boolean is(byte[] datagram, Class<? extends SecureFrame> type) {
        try {
            UdpEnvelope e = ENVELOPES.decode(datagram, 0, datagram.length);
            return type.isInstance(FRAMES.decode(e.frame()));
        } catch (MalformedMessageException e) {
            return false;
        }
    }

    /**
     * Junk with and without the magic: random bytes, a bare magic, envelopes of other versions (the carrier drops
     * these), and every frame type, known or not, cut short or filled with noise (the engine refuses these).
     */
    static List<byte[]> junk() {
        List<byte[]> out = new ArrayList<>();
        out.add(random(1));
        out.add(random(300));
        out.add("TTLK".getBytes(StandardCharsets.US_ASCII));
        for (int version : new int[] {0, 3, 255}) {
            byte[] bad = envelope(random(40));
            bad[4] = (byte) version;
            out.add(bad);
        }
        for (int type = 0; type <= 5; type++) {
            out.add(envelope(new byte[] {(byte) type}));
            byte[] noise = random(120);
            noise[0] = (byte) type;
            out.add(envelope(noise));
        }
        return out;
    }

    /** How many of {@link #junk} are version 2 envelopes, which the carrier passes on and the secure layer refuses. */
    static final int JUNK_FOR_THE_ENGINE = 12;

    private static byte[] random(int length) {
        byte[] b = new byte[length];
        RANDOM.nextBytes(b);
        return b;
    }

    private static long instanceId() {
        long id;
        do {
            id = RANDOM.nextLong();
        } while (id == 0);
        return id;
    }
}
