package org.traytalk.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** One control frame: a type and its payload. */
record Frame(FrameType type, byte[] payload) {

    /** Frames larger than this are refused, so a confused peer cannot make us allocate gigabytes. */
    static final int MAX_PAYLOAD = 1 << 20;

    Frame {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes exceeds " + MAX_PAYLOAD);
        }
    }

    static Frame exit(int code) {
        return new Frame(FrameType.EXIT, ByteBuffer.allocate(4).putInt(code).array());
    }

    static Frame text(FrameType type, String text) {
        return new Frame(type, text.getBytes(StandardCharsets.UTF_8));
    }

    int exitCode() throws ControlProtocolException {
        if (payload.length != 4) {
            throw new ControlProtocolException("EXIT frame must carry 4 bytes, had " + payload.length);
        }
        return ByteBuffer.wrap(payload).getInt();
    }
}
