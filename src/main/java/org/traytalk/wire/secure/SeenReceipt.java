package org.traytalk.wire.secure;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.traytalk.wire.FieldReader;
import org.traytalk.wire.MalformedMessageException;
import org.traytalk.wire.PeerNames;

/**
 * A "seen" receipt ({@link Payload#SEEN}): the reader's TrayTalk showed these messages to its user. Sent in the
 * session to each message's sender, only between TrayTalk peers (the original program has no such thing).
 * Layout: the reader's name (length byte, UTF-8), a count (2 bytes), then each message's wire id (4 bytes).
 *
 * @param reader  the name of who read them (the pins check it like a message's sender)
 * @param wireIds the ids the sender gave the messages, 1..{@value #MAX_IDS}
 */
public record SeenReceipt(String reader, List<Integer> wireIds) {
    public static final int MAX_IDS = 1024;

    public SeenReceipt {
        Objects.requireNonNull(reader, "reader");
        wireIds = List.copyOf(wireIds);
        if (wireIds.isEmpty() || wireIds.size() > MAX_IDS) {
            throw new IllegalArgumentException("a seen receipt names 1.." + MAX_IDS + " messages");
        }
        String problem = PeerNames.problem(reader);
        if (problem != null) {
            throw new IllegalArgumentException(problem + ": " + reader);
        }
    }

    public byte[] encode() {
        byte[] name = reader.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(1 + name.length + 2 + 4 * wireIds.size());
        out.put((byte) name.length).put(name).putShort((short) wireIds.size());
        wireIds.forEach(out::putInt);
        return out.array();
    }

    public static SeenReceipt decode(byte[] bytes) throws MalformedMessageException {
        FieldReader in = new FieldReader(bytes);
        String reader = PeerNames.read(in, "reader");
        int at = in.position();
        int count = (in.u8("count") << 8) | in.u8("count");
        if (count < 1 || count > MAX_IDS) {
            throw new MalformedMessageException("count " + count + " at offset " + at + " is outside 1.." + MAX_IDS,
                    at);
        }
        List<Integer> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(in.s32("wire id"));
        }
        if (in.remaining() > 0) {
            throw new MalformedMessageException(in.remaining() + " bytes after the last id at offset "
                    + in.position(), in.position());
        }
        return new SeenReceipt(reader, ids);
    }
}
