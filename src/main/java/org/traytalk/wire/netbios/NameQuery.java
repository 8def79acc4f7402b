package org.traytalk.wire.netbios;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.traytalk.wire.MalformedMessageException;

/**
 * NetBIOS name query request and positive response (RFC 1002 sections 4.2.12 and 4.2.13), as Windows sends on
 * UDP 137 to find the address behind {@code \\HOST}. Pure: no I/O.
 *
 * @param transactionId echoed in the response
 * @param name          the name asked for
 * @param broadcast     the B flag: asked of everyone on the subnet
 */
public record NameQuery(int transactionId, NetbiosName name, boolean broadcast) {
    private static final int TYPE_NB = 0x0020;
    private static final int CLASS_IN = 0x0001;
    private static final int FLAG_RESPONSE = 0x8000;
    private static final int OPCODE_MASK = 0x7800;
    private static final int FLAG_BROADCAST = 0x0010;
    /** Seconds a resolver may cache our answer. */
    public static final int TTL = 300;

    public static NameQuery decode(byte[] b, int offset, int length) throws MalformedMessageException {
        if (length < 12 + NetbiosName.WIRE_LENGTH + 4) {
            throw new MalformedMessageException("name query truncated: " + length + " bytes", 0);
        }
        ByteBuffer in = ByteBuffer.wrap(b, offset, length);
        int id = in.getShort() & 0xFFFF;
        int flags = in.getShort() & 0xFFFF;
        if ((flags & FLAG_RESPONSE) != 0 || (flags & OPCODE_MASK) != 0) {
            throw new MalformedMessageException(String.format("flags 0x%04x are not a name query request", flags), 2);
        }
        int questions = in.getShort() & 0xFFFF;
        if (questions != 1) {
            throw new MalformedMessageException("a name query asks one question, this one " + questions, 4);
        }
        byte[] copy = Arrays.copyOfRange(b, offset, offset + length);
        NetbiosName.Decoded q = NetbiosName.decode(copy, 12, copy.length, "question name");
        if (q.end() + 4 > copy.length) {
            throw new MalformedMessageException("question type and class truncated", q.end());
        }
        int type = (copy[q.end()] & 0xFF) << 8 | (copy[q.end() + 1] & 0xFF);
        int cls = (copy[q.end() + 2] & 0xFF) << 8 | (copy[q.end() + 3] & 0xFF);
        if (type != TYPE_NB || cls != CLASS_IN) {
            throw new MalformedMessageException(String.format("question type 0x%04x class 0x%04x is not NB/IN", type, cls),
                    q.end());
        }
        return new NameQuery(id, q.name(), (flags & FLAG_BROADCAST) != 0);
    }

    /** A request as Windows broadcasts it (recursion desired, broadcast flag). */
    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(12 + NetbiosName.WIRE_LENGTH + 4);
        out.putShort((short) transactionId).putShort((short) (0x0100 | (broadcast ? FLAG_BROADCAST : 0)))
                .putShort((short) 1).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                .put(name.encode()).putShort((short) TYPE_NB).putShort((short) CLASS_IN);
        return out.array();
    }

    /** The positive answer: this name is at {@code ipv4}, a unique B-node name. */
    public byte[] positiveResponse(byte[] ipv4) {
        ByteBuffer out = ByteBuffer.allocate(12 + NetbiosName.WIRE_LENGTH + 10 + 6);
        out.putShort((short) transactionId).putShort((short) 0x8500) // response, authoritative, recursion desired
                .putShort((short) 0).putShort((short) 1).putShort((short) 0).putShort((short) 0)
                .put(name.encode()).putShort((short) TYPE_NB).putShort((short) CLASS_IN).putInt(TTL)
                .putShort((short) 6).putShort((short) 0).put(ipv4);
        return out.array();
    }
}
