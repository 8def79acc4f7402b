package org.traytalk.it;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * What the FoxPro program on Windows puts on the wire, byte for byte (WIRE-FACTS section 2: a Windows client's
 * header values), written out here field by field and never with TrayTalk's codecs, plus a field-by-field reader
 * for what TrayTalk sends back.
 */
final class WindowsFrames {
    static final Charset ANSI = Charset.forName("windows-1252");
    static final String SLOT = "\\MAILSLOT\\FOXAPP";
    static final int DIRECT_UNIQUE = 0x10;
    static final int DIRECT_GROUP = 0x11;
    /** From the SMB signature: 69 + "\MAILSLOT\FOXAPP" + NUL = 86, rounded up to 4. */
    static final int DATA_OFFSET = 88;
    static final int SMB_AT = 82;

    private WindowsFrames() {
    }

    /** The original's message: PADR(name, 24) + STR(id, 12) + confirm flag + system flag + body, in ANSI. */
    static byte[] foxMessage(String sender, int id, boolean confirm, boolean system, String body) {
        String header = String.format("%-24s%12d%s%s", sender, id, confirm ? "1" : "0", system ? "1" : "0");
        return (header + body).getBytes(ANSI);
    }

    /** A NetBIOS name in first-level encoding (upper case, space-padded to 15, suffix 0x00), empty scope. */
    static byte[] name(String computer) {
        byte[] raw = String.format("%-15s", computer.toUpperCase(Locale.ROOT)).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[34];
        out[0] = 0x20;
        for (int i = 0; i < 16; i++) {
            int b = i < 15 ? raw[i] & 0xFF : 0x00;
            out[1 + 2 * i] = (byte) ('A' + (b >> 4));
            out[2 + 2 * i] = (byte) ('A' + (b & 0x0F));
        }
        return out; // out[33] = 0: empty scope
    }

    /** A remote mailslot write to \MAILSLOT\FOXAPP exactly as a Windows client (B-node, no WINS) sends it. */
    static byte[] mailslotWrite(int type, int datagramId, byte[] sourceIp, String source, String destination,
                                byte[] payload) {
        int smbLength = DATA_OFFSET + payload.length;
        ByteBuffer b = ByteBuffer.allocate(SMB_AT + smbLength);
        b.put((byte) type).put((byte) 0x02) // first fragment, no more; B-node
                .putShort((short) datagramId).put(sourceIp).putShort((short) 138)
                .putShort((short) (68 + smbLength)).putShort((short) 0) // datagram length, packet offset
                .put(name(source)).put(name(destination));
        b.order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0xFF, 'S', 'M', 'B', 0x25}) // SMB_COM_TRANSACTION
                .putInt(0).put((byte) 0x18).putShort((short) 0x0004).putShort((short) 0) // status, flags, flags2, pid high
                .put(new byte[8]).putShort((short) 0).putShort((short) 0) // security features, reserved, tid
                .putShort((short) 0xFEFF).putShort((short) 0).putShort((short) 0); // pid, uid, mid
        b.put((byte) 17) // word count
                .putShort((short) 0).putShort((short) payload.length) // total parameter, total data
                .putShort((short) 2).putShort((short) 0) // max parameter (Windows sends 2), max data
                .put((byte) 0).put((byte) 0).putShort((short) 0x0002) // max setup, reserved, flags: no response
                .putInt(0).putShort((short) 0) // timeout, reserved
                .putShort((short) 0).putShort((short) DATA_OFFSET) // parameter count and offset
                .putShort((short) payload.length).putShort((short) DATA_OFFSET) // data count and offset
                .put((byte) 3).put((byte) 0) // setup count, reserved
                .putShort((short) 1).putShort((short) 0).putShort((short) 2) // write, priority 0, second class
                .putShort((short) (DATA_OFFSET - 69 + payload.length)); // byte count
        b.put(SLOT.getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put(new byte[2]); // NUL, pad to 88
        b.put(payload);
        return b.array();
    }

    /** A Windows B-node's positive answer for its own name: TTL 300000 s, one unique address. */
    static byte[] nameAnswer(int transactionId, String computer, byte[] ip) {
        ByteBuffer b = ByteBuffer.allocate(12 + 34 + 10 + 6);
        b.putShort((short) transactionId).putShort((short) 0x8500) // response, authoritative, recursion desired
                .putShort((short) 0).putShort((short) 1).putShort((short) 0).putShort((short) 0)
                .put(name(computer)).putShort((short) 0x0020).putShort((short) 0x0001).putInt(300_000)
                .putShort((short) 6).putShort((short) 0x0000).put(ip);
        return b.array();
    }

    /** A name query request read field by field: transaction id, flags, the name asked for. */
    record Query(int transactionId, int flags, String name, int suffix) {
        static Query parse(byte[] q) {
            ByteBuffer b = ByteBuffer.wrap(q);
            return new Query(b.getShort(0) & 0xFFFF, b.getShort(2) & 0xFFFF, decodeName(q, 12), decodeSuffix(q, 12));
        }
    }

    /** The fields of a remote mailslot write, read at Windows' offsets (empty scopes). */
    record Write(int type, int flags, byte[] sourceIp, int sourcePort, int datagramLength, int packetOffset,
                 String source, String destination, boolean smbSignature, int command, int wordCount,
                 int totalDataCount, int dataCount, int dataOffset, int setupCount, int opcode, int mailslotClass,
                 String slot, byte[] payload, int length) {

        static Write parse(byte[] f) {
            ByteBuffer be = ByteBuffer.wrap(f);
            ByteBuffer le = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN);
            int smb = SMB_AT;
            int dataOffset = le.getShort(smb + 57) & 0xFFFF;
            int dataCount = le.getShort(smb + 55) & 0xFFFF;
            int slotEnd = smb + 69;
            while (f[slotEnd] != 0) {
                slotEnd++;
            }
            return new Write(f[0] & 0xFF, f[1] & 0xFF, Arrays.copyOfRange(f, 4, 8), be.getShort(8) & 0xFFFF,
                    be.getShort(10) & 0xFFFF, be.getShort(12) & 0xFFFF, decodeName(f, 14), decodeName(f, 48),
                    (f[smb] & 0xFF) == 0xFF && f[smb + 1] == 'S' && f[smb + 2] == 'M' && f[smb + 3] == 'B',
                    f[smb + 4] & 0xFF, f[smb + 32] & 0xFF, le.getShort(smb + 35) & 0xFFFF, dataCount, dataOffset,
                    f[smb + 59] & 0xFF, le.getShort(smb + 61) & 0xFFFF, le.getShort(smb + 65) & 0xFFFF,
                    new String(f, smb + 69, slotEnd - smb - 69, StandardCharsets.US_ASCII),
                    Arrays.copyOfRange(f, smb + dataOffset, smb + dataOffset + dataCount), f.length);
        }

        String body() {
            return new String(payload, 38, payload.length - 38, ANSI);
        }

        String sender() {
            return new String(payload, 0, 24, ANSI).stripTrailing();
        }

        /** The 12-character right-aligned id as the original's VAL() reads it. */
        int id() {
            return Integer.parseInt(new String(payload, 24, 12, StandardCharsets.US_ASCII).strip());
        }
    }

    private static String decodeName(byte[] b, int at) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 15; i++) {
            sb.append((char) (((b[at + 1 + 2 * i] - 'A') << 4) | (b[at + 2 + 2 * i] - 'A')));
        }
        return sb.toString().stripTrailing();
    }

    private static int decodeSuffix(byte[] b, int at) {
        return ((b[at + 31] - 'A') << 4) | (b[at + 32] - 'A');
    }
}
