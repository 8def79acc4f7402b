package org.traytalk.wire.netbios;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.traytalk.wire.MalformedMessageException;

/**
 * A NetBIOS name query response (RFC 1002 sections 4.2.13 and 4.2.14) as Windows, Samba's nmbd and TrayTalk
 * send it on UDP 137: which addresses own a name. Pure: no I/O (addresses are built from bytes, never looked up).
 *
 * @param transactionId the query's id, echoed
 * @param name          the name answered for
 * @param rcode         0 for a positive answer; a negative answer's error code otherwise
 * @param ttlSeconds    how long the answer may be cached
 * @param addresses     the unique (non-group) owners' addresses, in the order given
 */
public record NameAnswer(int transactionId, NetbiosName name, int rcode, long ttlSeconds,
                         List<Inet4Address> addresses) {
    private static final int HEADER = 12;
    private static final int FLAG_RESPONSE = 0x8000;
    private static final int OPCODE_MASK = 0x7800;
    private static final int RCODE_MASK = 0x000F;
    private static final int GROUP = 0x8000;
    private static final int TYPE_NB = 0x0020;
    private static final int ENTRY = 6;

    public NameAnswer {
        addresses = List.copyOf(addresses);
    }

    /** The name is owned: an address to write to. */
    public boolean positive() {
        return rcode == 0 && !addresses.isEmpty();
    }

    public static NameAnswer decode(byte[] b, int offset, int length) throws MalformedMessageException {
        byte[] p = Arrays.copyOfRange(b, offset, offset + length);
        if (p.length < HEADER) {
            throw new MalformedMessageException("name service header truncated: " + p.length + " of 12 bytes", 0);
        }
        int id = u16(p, 0);
        int flags = u16(p, 2);
        if ((flags & FLAG_RESPONSE) == 0 || (flags & OPCODE_MASK) != 0) {
            throw new MalformedMessageException(String.format("flags 0x%04x are not a name query response", flags), 2);
        }
        int answers = u16(p, 6);
        if (answers != 1) {
            throw new MalformedMessageException("a name query response has one answer record, this one " + answers, 6);
        }
        NetbiosName.Decoded rr = NetbiosName.decode(p, HEADER, p.length, "answer name");
        int at = rr.end();
        if (at + 10 > p.length) {
            throw new MalformedMessageException("answer record at offset " + at + " truncated", at);
        }
        int type = u16(p, at);
        if (type != TYPE_NB) {
            throw new MalformedMessageException(String.format("answer type 0x%04x is not NB", type), at);
        }
        long ttl = ((long) u16(p, at + 4) << 16) | u16(p, at + 6);
        int rdLength = u16(p, at + 8);
        int data = at + 10;
        if (rdLength % ENTRY != 0 || data + rdLength > p.length) {
            throw new MalformedMessageException("answer data length " + rdLength + " at offset " + (at + 8)
                    + " is not whole 6-byte entries within the packet", at + 8);
        }
        List<Inet4Address> owners = new ArrayList<>();
        for (int e = data; e < data + rdLength; e += ENTRY) {
            if ((u16(p, e) & GROUP) == 0) {
                owners.add(ipv4(Arrays.copyOfRange(p, e + 2, e + ENTRY)));
            }
        }
        return new NameAnswer(id, rr.name(), flags & RCODE_MASK, ttl, owners);
    }

    private static Inet4Address ipv4(byte[] four) {
        try {
            return (Inet4Address) InetAddress.getByAddress(four);
        } catch (UnknownHostException impossible) { // only thrown for a wrong length
            throw new IllegalStateException(impossible);
        }
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }
}
