package org.traytalk.control;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/** Writes whole frames; synchronized because stdout, stderr and the exit code come from different threads. */
final class FrameWriter {

    private final WritableByteChannel channel;

    FrameWriter(WritableByteChannel channel) {
        this.channel = channel;
    }

    synchronized void write(Frame frame) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(5 + frame.payload().length);
        buffer.put((byte) frame.type().code).putInt(frame.payload().length).put(frame.payload()).flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
