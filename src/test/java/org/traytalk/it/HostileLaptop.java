package org.traytalk.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.traytalk.crypto.Ed25519;
import org.traytalk.crypto.X25519;
import org.traytalk.model.PeerAddress;
import org.traytalk.model.PeerKey;
import org.traytalk.secure.GroupSecrets;
import org.traytalk.secure.Opened;
import org.traytalk.secure.Rejected;
import org.traytalk.secure.SecureLink;
import org.traytalk.trust.Identity;
import org.traytalk.wire.MalformedMessageException;
import org.traytalk.wire.UdpEnvelope;
import org.traytalk.wire.UdpEnvelopeCodec;
import org.traytalk.wire.secure.Announcement;
import org.traytalk.wire.secure.Payload;

/**
 * The attacker's ordinary sockets: UDP {@value #RAW_PORT} (its own TrayTalk holds {@value #TRAYTALK_PORT}) and the
 * NetBIOS datagram port, with what anybody can build on top: TrayTalk's secure layer under an identity of its own
 * (the group's keys come from the group name, which is no secret without a passphrase). It sends what the test
 * tells it to and opens what comes back, learning the keys the nodes announce.
 */
final class HostileLaptop implements AutoCloseable {
    static final int RAW_PORT = 40000;
    static final int TRAYTALK_PORT = 42138;
    static final int NETBIOS_PORT = 138;
    /** The name its own identity goes by: pinned to it at first contact like any newcomer's. */
    static final String OWN_NAME = "MALLORY";

    private final RawSockets sockets;
    private final byte[] ownIp;
    private final Identity identity;
    private final GroupSecrets group = GroupSecrets.derive(Forgeries.GROUP, null);
    private final SecureLink link;
    private final Map<String, PeerKey> keysByIp = new ConcurrentHashMap<>();
    private int datagramIds = 0x3001;

    HostileLaptop(List<String> namespacePrefix, String ownIp) throws IOException, InterruptedException {
        SecureRandom random = new SecureRandom();
        this.ownIp = InetAddress.getByName(ownIp).getAddress();
        this.identity = new Identity(Ed25519.generate(random), X25519.generate(random));
        AtomicLong sequences = new AtomicLong(System.currentTimeMillis() * 1000);
        this.link = new SecureLink(identity, () -> OWN_NAME, group, Clock.systemUTC(), random,
                sequences::incrementAndGet, random.nextLong() | 1, () -> new byte[0], key -> false, () -> true,
                this::sendFrame);
        this.sockets = new RawSockets(namespacePrefix, "attacker", this::opened, RAW_PORT, NETBIOS_PORT);
    }

    Identity identity() {
        return identity;
    }

    GroupSecrets group() {
        return group;
    }

    /** Its own identity's announcement under {@code name}, as its own TrayTalk would send it (same instance). */
    byte[] announcement(Announcement.Kind kind, String name) {
        synchronized (link) {
            return Forgeries.envelope(link.announcement(kind, name, null));
        }
    }

    /** Asks the node at {@code ip} who it is (a DETECT under its own name) and returns the key its answer carries. */
    PeerKey learnKey(String ip) throws IOException {
        synchronized (link) {
            sockets.send(RAW_PORT, ip, TRAYTALK_PORT, announcement(Announcement.Kind.DETECT, OWN_NAME));
        }
        return Eventually.find("an announcement from " + ip, Duration.ofSeconds(20), Duration.ofMillis(50),
                () -> Optional.ofNullable(keysByIp.get(ip)), () -> "nothing came back from " + ip);
    }

    /**
     * Like {@link #learnKey}, once the node at {@code ip} restarted: its answer, from a new instance, also ends this
     * laptop's sessions with it, so what the laptop sends next starts with a handshake the node can answer.
     */
    PeerKey learnKeyAfterRestart(String ip) throws IOException {
        keysByIp.remove(ip);
        return learnKey(ip);
    }

    /**
     * A message claiming to be from {@code asName}, to {@code toName} at {@code toIp}, in every form this laptop can
     * build: over the original program's NetBIOS carrier (in upper and lower case), in the old plain envelope, as a
     * plain message in the new envelope, and in a session of its own identity (not the one pinned to the name).
     */
    void claim(String toIp, String toName, PeerKey toKey, String asName, int id, boolean system, String body)
            throws IOException {
        for (String name : List.of(asName, asName.toLowerCase(Locale.ROOT))) { // Windows names ignore case
            sockets.send(NETBIOS_PORT, toIp, NETBIOS_PORT, WindowsFrames.mailslotWrite(WindowsFrames.DIRECT_UNIQUE,
                    datagramIds++, ownIp, name, toName, WindowsFrames.foxMessage(name, id, !system, system, body)));
        }
        byte[] message = WindowsFrames.foxMessage(asName, id, !system, system, body);
        sendUdp(toIp, TRAYTALK_PORT, Forgeries.plainEnvelope(toName, message));
        sendUdp(toIp, TRAYTALK_PORT, Forgeries.envelope(message));
        inSession(toIp, toKey, message);
    }

    /** A message from this laptop's own name in its own session: shown like any newcomer's, and confirmed. */
    void say(String toIp, PeerKey toKey, int id, String text) {
        inSession(toIp, toKey, WindowsFrames.foxMessage(OWN_NAME, id, true, false, text));
    }

    void sendUdp(String toIp, int toPort, byte[] datagram) throws IOException {
        sockets.send(RAW_PORT, toIp, toPort, datagram);
    }

    private void inSession(String toIp, PeerKey toKey, byte[] message) {
        synchronized (link) {
            link.send(toKey, new PeerAddress("udp", toIp + ":" + TRAYTALK_PORT), new Payload(Payload.FOX_MESSAGE,
                    message), () -> { });
        }
    }

    private void sendFrame(PeerAddress to, byte[] frame) {
        String[] ipPort = to.address().split(":");
        try {
            sockets.send(RAW_PORT, ipPort[0], Integer.parseInt(ipPort[1]), Forgeries.envelope(frame));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void opened(RawSockets.Received r) {
        if (r.port() != RAW_PORT) {
            return;
        }
        try {
            UdpEnvelope e = new UdpEnvelopeCodec().decode(r.bytes(), 0, r.bytes().length);
            synchronized (link) {
                link.open(new PeerAddress("udp", r.fromIp() + ":" + r.fromPort()), e.frame())
                        .filter(o -> o instanceof Opened.Heard)
                        .ifPresent(o -> keysByIp.putIfAbsent(r.fromIp(), o.key()));
            }
        } catch (MalformedMessageException | Rejected e) {
            // not for us to worry about: the attacker just ignores what it cannot open
        }
    }

    @Override
    public void close() {
        sockets.close();
    }
}
