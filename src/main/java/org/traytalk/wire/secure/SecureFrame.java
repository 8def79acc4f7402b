package org.traytalk.wire.secure;

/**
 * One frame of TrayTalk's end-to-end layer (docs/PROTOCOL.md, "Secure frames"). The same frames travel on every
 * TrayTalk carrier, datagram or stream; the carrier only moves their bytes. Immutable; byte arrays are copied.
 */
public sealed interface SecureFrame permits AnnouncementFrame, HandshakeFrame, TransportFrame {

    /** The frame's first byte. */
    int type();
}
