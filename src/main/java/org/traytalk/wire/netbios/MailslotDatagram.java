package org.traytalk.wire.netbios;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A remote mailslot write as Windows carries it over UDP 138: a NetBIOS direct datagram holding an SMB
 * {@code SMB_COM_TRANSACTION} with the mailslot write (docs/PROTOCOL.md, "Remote mailslot frames").
 *
 * @param type        {@link #DIRECT_UNIQUE} (to one computer) or {@link #DIRECT_GROUP} (to a workgroup: everyone)
 * @param datagramId  any 16-bit number; senders count up
 * @param sourceIp    the sender's IPv4 address, 4 bytes
 * @param sourcePort  the sender's port, 138
 * @param source      the sender's computer name, suffix 0x00
 * @param destination the computer or workgroup name, suffix 0x00
 * @param mailslot    the slot, e.g. {@code \MAILSLOT\FOXAPP} (compared case-insensitively)
 * @param payload     the message (the original's 38-byte header and body)
 */
public record MailslotDatagram(int type, int datagramId, byte[] sourceIp, int sourcePort, NetbiosName source,
                               NetbiosName destination, String mailslot, byte[] payload) {
    public static final int DIRECT_UNIQUE = 0x10;
    public static final int DIRECT_GROUP = 0x11;

    public MailslotDatagram {
        if (type != DIRECT_UNIQUE && type != DIRECT_GROUP) {
            throw new IllegalArgumentException(String.format("type 0x%02x is not a direct datagram", type));
        }
        if (sourceIp.length != 4) {
            throw new IllegalArgumentException("source IP must be 4 bytes");
        }
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(mailslot, "mailslot");
        sourceIp = sourceIp.clone();
        payload = payload.clone();
        datagramId &= 0xFFFF;
    }

    @Override
    public byte[] sourceIp() {
        return sourceIp.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MailslotDatagram d && type == d.type && datagramId == d.datagramId
                && sourcePort == d.sourcePort && Arrays.equals(sourceIp, d.sourceIp) && source.equals(d.source)
                && destination.equals(d.destination) && mailslot.equalsIgnoreCase(d.mailslot)
                && Arrays.equals(payload, d.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, datagramId, sourcePort, Arrays.hashCode(sourceIp), source, destination,
                mailslot.toUpperCase(Locale.ROOT), Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return String.format("MailslotDatagram[0x%02x %s -> %s %s, %d bytes]", type, source, destination, mailslot,
                payload.length);
    }
}
