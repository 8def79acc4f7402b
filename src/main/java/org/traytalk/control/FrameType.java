package org.traytalk.control;

/** The frame types of the control protocol (docs/CONTROL.md); codes below 0x10 go client to server. */
enum FrameType {
    ARGS(0x01, true),
    STDIN(0x02, true),
    STDIN_EOF(0x03, true),
    STDOUT(0x11, false),
    STDERR(0x12, false),
    EXIT(0x13, false);

    final int code;
    final boolean fromClient;

    FrameType(int code, boolean fromClient) {
        this.code = code;
        this.fromClient = fromClient;
    }

    static FrameType of(int code) throws ControlProtocolException {
        for (FrameType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new ControlProtocolException(String.format(
                "unknown frame type 0x%02x (is this a TrayTalk control client?)", code & 0xff));
    }
}
