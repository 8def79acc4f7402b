package org.traytalk.control;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/** An output stream whose every write becomes one or more frames of one type (STDOUT, STDERR or STDIN). */
final class FrameOutputStream extends OutputStream {

    private static final int CHUNK = 64 * 1024;

    private final FrameWriter writer;
    private final FrameType type;

    FrameOutputStream(FrameWriter writer, FrameType type) {
        this.writer = writer;
        this.type = type;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int off, int len) throws IOException {
        for (int at = off; at < off + len; at += CHUNK) {
            int end = Math.min(off + len, at + CHUNK);
            writer.write(new Frame(type, Arrays.copyOfRange(bytes, at, end)));
        }
    }
}
