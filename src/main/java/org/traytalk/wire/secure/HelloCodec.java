package org.traytalk.wire.secure;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.traytalk.wire.FieldReader;
import org.traytalk.wire.MalformedMessageException;
import org.traytalk.wire.PeerNames;

/** Encodes and decodes the {@link Hello} payload of a {@link HandshakeInit} (docs/PROTOCOL.md, "Handshake"). Pure. */
public final class HelloCodec {
    private static final byte[] SIGNATURE_LABEL = "TrayTalk hello 1".getBytes(StandardCharsets.US_ASCII);

    public byte[] encode(Hello h) {
        byte[] unsigned = unsigned(h);
        return ByteBuffer.allocate(unsigned.length + Announcement.SIGNATURE_BYTES).put(unsigned).put(h.signature())
                .array();
    }

    public Hello decode(byte[] b) throws MalformedMessageException {
        FieldReader in = new FieldReader(b);
        long sequence = in.s64("sequence");
        byte[] signingKey = in.bytes(Announcement.KEY_BYTES, "signing key");
        String name = PeerNames.read(in, "name");
        byte[] signature = in.bytes(Announcement.SIGNATURE_BYTES, "signature");
        if (in.remaining() > 0) {
            throw new MalformedMessageException(in.remaining() + " bytes after the signature at offset "
                    + in.position(), in.position());
        }
        return new Hello(sequence, signingKey, name, signature);
    }

    /**
     * What the signature covers: a label, the group, the initiator's and the responder's static X25519 keys, then
     * the hello without its signature.
     */
    public static byte[] signedBytes(Hello h, String group, byte[] initiatorAgreementKey, byte[] responderAgreementKey) {
        byte[] groupBytes = group.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        byte[] unsigned = unsigned(h);
        return ByteBuffer.allocate(SIGNATURE_LABEL.length + 1 + groupBytes.length + 64 + unsigned.length)
                .put(SIGNATURE_LABEL).put((byte) groupBytes.length).put(groupBytes).put(initiatorAgreementKey)
                .put(responderAgreementKey).put(unsigned).array();
    }

    private static byte[] unsigned(Hello h) {
        byte[] name = h.name().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + 32 + 1 + name.length).putLong(h.sequence()).put(h.signingKey())
                .put((byte) name.length).put(name).array();
    }
}
