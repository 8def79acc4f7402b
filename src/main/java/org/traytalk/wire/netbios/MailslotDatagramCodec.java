package org.traytalk.wire.netbios;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.traytalk.wire.MalformedMessageException;

/**
 * Encodes mailslot writes exactly as a Windows client does and decodes any real sender's, Samba's included,
 * following the receiving rules of docs/PROTOCOL.md. Pure: no I/O. Decoding fails only with
 * {@link MalformedMessageException}.
 */
public final class MailslotDatagramCodec {
    static final int HEADER = 14;
    static final int SMB_HEADER = 32;
    static final int WORD_COUNT = 17;
    /** Offset of the byte count's data (the slot name) from the SMB signature: 32 + 1 + 17 * 2 + 2. */
    static final int SMB_BYTES = SMB_HEADER + 1 + WORD_COUNT * 2 + 2;
    /** Windows refuses a remote mailslot write whose SMB part is longer. */
    public static final int MAX_SMB_BYTES = 512;
    private static final int FLAG_MORE = 0x01;
    private static final int FLAG_FIRST = 0x02;

    /** Largest payload that fits the 512-byte SMB limit with this slot name. */
    public static int maxPayload(String mailslot) {
        return MAX_SMB_BYTES - dataOffset(mailslot);
    }

    /** Where the data starts, from the SMB signature: after the NUL-terminated name, rounded up to 4. */
    static int dataOffset(String mailslot) {
        int end = SMB_BYTES + mailslot.getBytes(StandardCharsets.US_ASCII).length + 1;
        return (end + 3) & ~3;
    }

    public byte[] encode(MailslotDatagram d) {
        byte[] slot = d.mailslot().getBytes(StandardCharsets.US_ASCII);
        byte[] payload = d.payload();
        int dataOffset = dataOffset(d.mailslot());
        int smbLength = dataOffset + payload.length;
        if (smbLength > MAX_SMB_BYTES) {
            throw new IllegalArgumentException("a mailslot write to " + d.mailslot() + " holds at most "
                    + maxPayload(d.mailslot()) + " bytes, this one " + payload.length);
        }
        ByteBuffer b = ByteBuffer.allocate(HEADER + 2 * NetbiosName.WIRE_LENGTH + smbLength);
        b.order(ByteOrder.BIG_ENDIAN);
        b.put((byte) d.type()).put((byte) FLAG_FIRST).putShort((short) d.datagramId()).put(d.sourceIp())
                .putShort((short) d.sourcePort()).putShort((short) (2 * NetbiosName.WIRE_LENGTH + smbLength))
                .putShort((short) 0);
        b.put(d.source().encode()).put(d.destination().encode());
        int smb = b.position();
        b.order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0xFF, 'S', 'M', 'B', 0x25}).putInt(0) // command, status
                .put((byte) 0x18).putShort((short) 0x0004).putShort((short) 0) // flags, flags2, pid high
                .put(new byte[8]).putShort((short) 0).putShort((short) 0) // security, reserved, tid
                .putShort((short) 0xFEFF).putShort((short) 0).putShort((short) 0); // pid, uid, mid
        b.put((byte) WORD_COUNT)
                .putShort((short) 0).putShort((short) payload.length) // total parameter / data count
                .putShort((short) 2).putShort((short) 0).put((byte) 0).put((byte) 0) // max param, data, setup; reserved
                .putShort((short) 0x0002).putInt(0).putShort((short) 0) // flags: no response; timeout; reserved
                .putShort((short) 0).putShort((short) dataOffset) // parameter count, offset
                .putShort((short) payload.length).putShort((short) dataOffset) // data count, offset
                .put((byte) 3).put((byte) 0) // setup count, reserved
                .putShort((short) 1).putShort((short) 0).putShort((short) 2) // write, priority, second class
                .putShort((short) (dataOffset - SMB_BYTES + payload.length));
        b.put(slot).put((byte) 0);
        b.position(smb + dataOffset);
        b.put(payload);
        return b.array();
    }

    public MailslotDatagram decode(byte[] b) throws MalformedMessageException {
        return decode(b, 0, b.length);
    }

    public MailslotDatagram decode(byte[] frame, int offset, int length) throws MalformedMessageException {
        byte[] b = Arrays.copyOfRange(frame, offset, offset + length);
        if (b.length < HEADER) {
            throw new MalformedMessageException("NetBIOS datagram header truncated: " + b.length + " of 14 bytes", 0);
        }
        int type = b[0] & 0xFF;
        if (type != MailslotDatagram.DIRECT_UNIQUE && type != MailslotDatagram.DIRECT_GROUP) {
            throw new MalformedMessageException(String.format("message type 0x%02x at offset 0 is not a direct"
                    + " datagram (0x10 or 0x11)", type), 0);
        }
        int flags = b[1] & 0xFF;
        int packetOffset = u16be(b, 12);
        if ((flags & FLAG_MORE) != 0 || (flags & FLAG_FIRST) == 0 || packetOffset != 0) {
            throw new MalformedMessageException("fragmented datagram (flags 0x" + Integer.toHexString(flags)
                    + ", packet offset " + packetOffset + "): fragments are not reassembled", 1);
        }
        NetbiosName.Decoded source = NetbiosName.decode(b, HEADER, b.length, "source name");
        NetbiosName.Decoded destination = NetbiosName.decode(b, source.end(), b.length, "destination name");
        int smb = destination.end();
        if (b.length < smb + SMB_BYTES) {
            throw new MalformedMessageException("SMB transaction at offset " + smb + " truncated", smb);
        }
        if ((b[smb] & 0xFF) != 0xFF || b[smb + 1] != 'S' || b[smb + 2] != 'M' || b[smb + 3] != 'B') {
            throw new MalformedMessageException("no SMB signature at offset " + smb, smb);
        }
        require(b[smb + 4] & 0xFF, 0x25, "SMB command", smb + 4);
        require(b[smb + 32] & 0xFF, WORD_COUNT, "word count", smb + 32);
        int words = smb + 33;
        int dataCount = u16le(b, words + 22);
        int dataOffset = u16le(b, words + 24);
        require(b[words + 26] & 0xFF, 3, "setup count", words + 26);
        require(u16le(b, words + 28), 1, "mailslot opcode", words + 28);
        int nameStart = smb + SMB_BYTES;
        int nameEnd = nameStart;
        while (nameEnd < b.length && b[nameEnd] != 0) {
            nameEnd++;
        }
        if (nameEnd >= b.length) {
            throw new MalformedMessageException("mailslot name at offset " + nameStart + " has no terminating NUL",
                    nameStart);
        }
        if (dataOffset < nameEnd + 1 - smb || smb + dataOffset + dataCount > b.length) {
            throw new MalformedMessageException("data (offset " + dataOffset + ", count " + dataCount
                    + ") lies outside the " + (b.length - smb) + "-byte SMB part", words + 22);
        }
        String mailslot = new String(b, nameStart, nameEnd - nameStart, StandardCharsets.ISO_8859_1);
        byte[] payload = Arrays.copyOfRange(b, smb + dataOffset, smb + dataOffset + dataCount);
        byte[] ip = Arrays.copyOfRange(b, 4, 8);
        return new MailslotDatagram(type, u16be(b, 2), ip, u16be(b, 8), source.name(), destination.name(), mailslot,
                payload);
    }

    private static void require(int actual, int expected, String field, int at) throws MalformedMessageException {
        if (actual != expected) {
            throw new MalformedMessageException(field + " at offset " + at + " is " + actual + ", not " + expected
                    + ": not a mailslot write", at);
        }
    }

    private static int u16be(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static int u16le(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }
}
