package org.traytalk.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.carrier.Inbound;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.PeerAddress;
import org.traytalk.model.PeerKey;
import org.traytalk.model.Status;
import org.traytalk.model.UnverifiedPolicy;
import org.traytalk.secure.Opened;
import org.traytalk.secure.Rejected;
import org.traytalk.secure.SecureLink;
import org.traytalk.trust.KeyPins;
import org.traytalk.wire.FoxMessage;
import org.traytalk.wire.FoxMessageCodec;
import org.traytalk.wire.MalformedMessageException;
import org.traytalk.wire.SystemBody;
import org.traytalk.wire.secure.Announcement;
import org.traytalk.wire.secure.AnnouncementCodec;
import org.traytalk.wire.secure.Payload;
import org.traytalk.wire.secure.SeenReceipt;
import org.traytalk.wire.secure.StatusExtension;

/**
 * The first step on the way in: what a datagram says and who sent it. On TrayTalk's carriers the secure layer
 * proves the sending identity (or refuses the frame) and the pins decide whether that identity may use the name it
 * claims. On the original program's carriers nobody can be verified: those messages are unverified, refused when
 * the policy says so, and never accepted under a name a TrayTalk identity holds. Drops what is for somebody else,
 * malformed or over 32 KiB, new names the roster has no room for ({@link Newcomers}), and our own name coming back
 * (reporting another identity that uses our name: see {@link NameClashes}); counts every refusal. Engine thread only.
 */
final class ArrivalScreen {
    private static final Logger LOG = LoggerFactory.getLogger(ArrivalScreen.class);

    private final FoxMessageCodec codec;
    private final SecureLink link;
    private final KeyPins pins;
    private final Predicate<String> legacyCarrier;
    private final Supplier<EngineOptions> options;
    private final NameClashes nameClashes;
    private final Refusals refusals;
    private final Newcomers newcomers;
    private final Clock clock;

    ArrivalScreen(FoxMessageCodec codec, SecureLink link, KeyPins pins, Predicate<String> legacyCarrier,
                  Supplier<EngineOptions> options, Listeners listeners, Refusals refusals, Newcomers newcomers,
                  Clock clock) {
        this.codec = codec;
        this.link = link;
        this.pins = pins;
        this.legacyCarrier = legacyCarrier;
        this.options = options;
        this.nameClashes = new NameClashes(text -> listeners.fire(l -> l.problem(text)));
        this.refusals = refusals;
        this.newcomers = newcomers;
        this.clock = clock;
    }

    Optional<Arrival> screen(Inbound in) {
        return legacyCarrier.test(in.source().carrier()) ? legacy(in) : secure(in);
    }

    private Optional<Arrival> secure(Inbound in) {
        Optional<Opened> opened;
        try {
            opened = link.open(in.source(), in.payload());
        } catch (Rejected e) {
            refusals.count(e.reason().name().toLowerCase().replace('_', ' '), in.source(), e.getMessage());
            return Optional.empty();
        }
        if (opened.isEmpty()) {
            return Optional.empty(); // a handshake, answered by the link, or our own announcement come back
        }
        if (opened.get() instanceof Opened.Heard heard) {
            Announcement a = heard.announcement();
            FoxMessage m = FoxMessage.system(a.name(), 0, a.kind().name());
            byte[] challenge = AnnouncementCodec.extension(a, Announcement.TAG_CHALLENGE);
            if (!heard.current()) {
                return Optional.of(new Arrival(heard.at(), false, a.instanceId(), m, SystemBody.parse(m.body()),
                        heard.key(), Arrival.Trust.UNPROVEN, null, null, challenge, false));
            }
            return claim(heard.at(), false, a.instanceId(), m, SystemBody.parse(m.body()), heard.key(),
                    StatusExtension.decode(a), null, challenge, heard.listsUs());
        }
        Opened.Received received = (Opened.Received) opened.get();
        Payload payload = received.payload();
        if (overLimit(in, payload.bytes())) {
            return Optional.empty();
        }
        try {
            if (payload.kind() == Payload.SEEN) {
                SeenReceipt seen = SeenReceipt.decode(payload.bytes());
                return claim(received.at(), false, 0, FoxMessage.system(seen.reader(), 0, "SEEN"), null,
                        received.key(), null, seen.wireIds(), null, false);
            }
            if (payload.kind() != Payload.FOX_MESSAGE && payload.kind() != Payload.FOX_MESSAGE_TO_EVERYONE) {
                LOG.debug("Ignored a payload of unknown kind {} from {}", payload.kind(), in.source());
                return Optional.empty();
            }
            FoxMessage m = codec.decode(payload.bytes());
            return claim(received.at(), payload.kind() == Payload.FOX_MESSAGE_TO_EVERYONE, 0, m,
                    m.system() ? SystemBody.parse(m.body()) : null, received.key(), null, null, null, false);
        } catch (MalformedMessageException e) {
            refusals.count("malformed", in.source(), e.getMessage());
            return Optional.empty();
        }
    }

    /** A proven identity, last proven {@code at} an address, claims a name: the pins decide whether it may. */
    private Optional<Arrival> claim(PeerAddress at, boolean broadcast, long instanceId, FoxMessage m,
                                    SystemBody system, PeerKey key, Status status, List<Integer> seen,
                                    byte[] challenge, boolean listsUs) {
        if (m.sender().equalsIgnoreCase(options.get().localName())) {
            reportNameClash(at);
            return Optional.empty();
        }
        if (!newcomers.admit(m.sender(), at)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Arrival.Trust trust = pins.check(m.sender(), key, now) == KeyPins.Verdict.VERIFIED
                ? Arrival.Trust.VERIFIED : Arrival.Trust.KEY_CHANGED;
        return Optional.of(new Arrival(at, broadcast, instanceId, m, system, key, trust, status, seen, challenge,
                listsUs));
    }

    private Optional<Arrival> legacy(Inbound in) {
        String me = options.get().localName();
        if (in.recipient() != null && !ChatMessage.EVERYONE.equals(in.recipient())
                && !in.recipient().equalsIgnoreCase(me)) {
            LOG.debug("Dropped datagram for {} from {}", in.recipient(), in.source());
            return Optional.empty();
        }
        if (overLimit(in, in.payload())) {
            return Optional.empty();
        }
        FoxMessage m;
        try {
            m = codec.decode(in.payload());
        } catch (MalformedMessageException e) {
            refusals.count("malformed", in.source(), e.getMessage());
            return Optional.empty();
        }
        if (m.sender().equalsIgnoreCase(me)) {
            return Optional.empty(); // our own broadcast, come back through the mailslot (or a stranger: unprovable)
        }
        if (pins.pinned(m.sender()).isPresent()) {
            refusals.count("unverified sender using a verified peer's name", in.source(),
                    "\"" + m.sender() + "\" belongs to a verified TrayTalk identity; the original program's carrier"
                            + " cannot prove who sent this");
            return Optional.empty();
        }
        if (options.get().unverified() == UnverifiedPolicy.REFUSE) {
            refusals.count("unverified sender (setting unverified.peers = refuse)", in.source(), m.sender());
            return Optional.empty();
        }
        if (!newcomers.admit(m.sender(), in.source())) {
            return Optional.empty();
        }
        SystemBody system = m.system() ? SystemBody.parse(m.body()) : null;
        return Optional.of(new Arrival(in.source(), ChatMessage.EVERYONE.equals(in.recipient()), in.instanceId(), m,
                system, null, Arrival.Trust.UNVERIFIED, null, null, null, false));
    }

    /** A body longer than any TrayTalk sends (32 KiB) is refused unread, so it is never stored. */
    private boolean overLimit(Inbound in, byte[] message) {
        int body = message.length - FoxMessage.HEADER_BYTES;
        if (body <= EngineOptions.MAX_BODY_BYTES) {
            return false;
        }
        refusals.count("body over " + EngineOptions.MAX_BODY_BYTES + " bytes", in.source(), body + " bytes");
        return true;
    }

    private void reportNameClash(PeerAddress from) {
        nameClashes.heard(from, options.get().localName());
    }
}
