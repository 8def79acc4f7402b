package org.traytalk.control;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Reads frames straight off a channel. Not Channels.newInputStream: on Java 17 its streams share the
 * channel's blocking lock, so a blocked read would stall writes from another thread.
 */
final class FrameReader {

    private static final int HEADER = 5;

    private final ReadableByteChannel channel;

    FrameReader(ReadableByteChannel channel) {
        this.channel = channel;
    }

    /** The next frame, or null if the peer closed the connection cleanly between frames. */
    Frame read() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        if (!fill(header, true)) {
            return null;
        }
        header.flip();
        FrameType type = FrameType.of(header.get());
        int length = header.getInt();
        if (length < 0 || length > Frame.MAX_PAYLOAD) {
            throw new ControlProtocolException("frame length " + Integer.toUnsignedString(length)
                    + " is outside 0.." + Frame.MAX_PAYLOAD);
        }
        ByteBuffer payload = ByteBuffer.allocate(length);
        fill(payload, false);
        return new Frame(type, payload.array());
    }

    private boolean fill(ByteBuffer buffer, boolean eofAllowedAtStart) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                if (eofAllowedAtStart && buffer.position() == 0) {
                    return false;
                }
                throw new EOFException("connection closed in the middle of a frame");
            }
        }
        return true;
    }
}
