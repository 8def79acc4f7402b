package org.traytalk.engine;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.carrier.Carrier;
import org.traytalk.carrier.CarrierException;
import org.traytalk.model.Peer;
import org.traytalk.model.PeerAddress;
import org.traytalk.model.PeerKey;
import org.traytalk.secure.SecureLink;
import org.traytalk.wire.FoxMessage;
import org.traytalk.wire.FoxMessageCodec;
import org.traytalk.wire.secure.Announcement;
import org.traytalk.wire.secure.Payload;
import org.traytalk.wire.secure.SeenReceipt;

/**
 * Puts messages on the carriers: one peer on the carrier it was last heard on, everyone on every carrier. On the
 * original program's carriers a message goes as its plain bytes. On TrayTalk's carriers presence goes as a signed
 * announcement and everything else through the {@link SecureLink}, in a session with the peer's identity; a message to
 * everyone is not broadcast there but sent to each peer in its own session (by the outbox). Inside a store batch a
 * datagram leaves after the commit; whoever sent it learns that it left through its {@code sent} callback, once a
 * carrier took it. Engine thread only.
 */
final class Router implements Transmitter {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final Map<String, Carrier> carriers;
    private final Roster roster;
    private final FoxMessageCodec codec;
    private final SecureLink link;
    private final Supplier<EngineOptions> options;
    private final Listeners listeners;
    private final AfterCommit afterCommit;
    private final IntSupplier ids;
    private final Map<String, String> broadcastProblems = new HashMap<>();

    Router(Map<String, Carrier> carriers, Roster roster, FoxMessageCodec codec, SecureLink link,
           Supplier<EngineOptions> options, Listeners listeners, AfterCommit afterCommit, IntSupplier ids) {
        this.carriers = carriers;
        this.roster = roster;
        this.codec = codec;
        this.link = link;
        this.options = options;
        this.listeners = listeners;
        this.afterCommit = afterCommit;
        this.ids = ids;
    }

    @Override
    public boolean send(String peerName, FoxMessage message, boolean toEveryone, Runnable sent) {
        Optional<Peer> peer = roster.get(peerName);
        return peer.isPresent() && sendTo(peer.get().address(), roster.key(peerName), peer.get().name(), message,
                toEveryone, null, sent);
    }

    /**
     * An answer to what arrived, sent straight back where it came from, to the identity that sent it; an ONLINE that
     * answers a DETECT echoes its challenge, which proves it is no recording.
     */
    boolean reply(Arrival request, FoxMessage answer) {
        return sendTo(request.source(), request.key(), request.sender(), answer, false, request.challenge(),
                Transmitter.NOTHING);
    }

    /** The peer's name as its address: carriers that address by name (NetBIOS, mailslots) take it, others refuse. */
    @Override
    public boolean lookFor(String peerName) {
        if (roster.get(peerName).isPresent()) {
            return false;
        }
        boolean any = false;
        FoxMessage detect = FoxMessage.system(options.get().localName(), ids.getAsInt(), FoxMessage.DETECT);
        for (Carrier c : carriers.values()) {
            if (c.legacy()) {
                any |= sendTo(new PeerAddress(c.name(), peerName), null, peerName, detect, false, null,
                        Transmitter.NOTHING);
            }
        }
        return any;
    }

    @Override
    public boolean reachedByBroadcast(String peerName) {
        return roster.get(peerName).map(p -> carriers.get(p.address().carrier())).map(Carrier::legacy).orElse(false);
    }

    private boolean sendTo(PeerAddress address, PeerKey key, String peerName, FoxMessage message, boolean toEveryone,
                           byte[] echo, Runnable sent) {
        Carrier carrier = carriers.get(address.carrier());
        if (carrier == null) {
            LOG.debug("No carrier {} for {}", address.carrier(), peerName);
            return false;
        }
        if (carrier.legacy()) {
            byte[] bytes = encode(message, carrier.charset());
            if (bytes != null) {
                afterCommit.run(() -> transmit(carrier, address, peerName, message, bytes, sent));
            }
            return bytes != null;
        }
        Announcement.Kind presence = presenceKind(message);
        if (presence != null) {
            afterCommit.run(() -> transmit(carrier, address, peerName, message,
                    link.announcement(presence, message.sender(), echo), sent));
            return true;
        }
        byte[] bytes = key == null ? null : encode(message, StandardCharsets.UTF_8);
        if (bytes == null) {
            LOG.debug("No TrayTalk identity known for {}: message {} not sent", peerName, message.id());
            return false;
        }
        Payload payload = new Payload(toEveryone ? Payload.FOX_MESSAGE_TO_EVERYONE : Payload.FOX_MESSAGE, bytes);
        afterCommit.run(() -> link.send(key, address, payload, sent));
        return true;
    }

    @Override
    public boolean broadcast(FoxMessage message, Runnable sent, Runnable failed) {
        Announcement.Kind presence = presenceKind(message);
        List<Runnable> sends = new ArrayList<>();
        AtomicInteger refused = new AtomicInteger(); // of the carriers it goes to
        for (Carrier carrier : carriers.values()) {
            Supplier<byte[]> bytes;
            if (carrier.legacy()) {
                byte[] encoded = encode(message, carrier.charset());
                bytes = encoded == null ? null : () -> encoded;
            } else {
                bytes = presence == null ? null : () -> link.announcement(presence, message.sender(), null);
            } // a user message to everyone goes to each peer on a TrayTalk carrier in its own session instead
            if (bytes != null) {
                sends.add(() -> {
                    if (!broadcastOn(carrier, bytes.get(), sent) && refused.incrementAndGet() == sends.size()) {
                        failed.run();
                    }
                });
            }
        }
        sends.forEach(afterCommit::run);
        return !sends.isEmpty();
    }

    /**
     * Tells {@code peerName} that its messages {@code wireIds} were shown here ("seen"): only a verified TrayTalk
     * peer that is online, in its session; the original program has no such receipt.
     */
    void sendSeen(String peerName, List<Integer> wireIds) {
        PeerKey key = roster.key(peerName);
        Optional<Peer> peer = roster.get(peerName).filter(Peer::online);
        if (key == null || peer.isEmpty() || carriers.get(peer.get().address().carrier()) == null) {
            return;
        }
        String me = options.get().localName();
        for (int from = 0; from < wireIds.size(); from += SeenReceipt.MAX_IDS) {
            List<Integer> part = wireIds.subList(from, Math.min(wireIds.size(), from + SeenReceipt.MAX_IDS));
            Payload payload = new Payload(Payload.SEEN, new SeenReceipt(me, part).encode());
            afterCommit.run(() -> link.send(key, peer.get().address(), payload, Transmitter.NOTHING));
        }
    }

    private byte[] encode(FoxMessage message, Charset charset) {
        try {
            return codec.encode(message, charset);
        } catch (IllegalArgumentException e) {
            LOG.warn("Cannot encode message {} in {}: {}", message.id(), charset, e.getMessage());
            return null;
        }
    }

    private static void transmit(Carrier carrier, PeerAddress address, String peerName, FoxMessage message,
                                 byte[] bytes, Runnable sent) {
        try {
            carrier.send(address, peerName, bytes);
            sent.run();
        } catch (CarrierException e) {
            LOG.debug("Send of {} to {} at {} failed: {}", message.id(), peerName, address, e.getMessage());
        }
    }

    /** Whether {@code carrier} took it. */
    private boolean broadcastOn(Carrier carrier, byte[] bytes, Runnable sent) {
        try {
            carrier.sendToAll(bytes);
            broadcastProblems.remove(carrier.name());
            sent.run();
            return true;
        } catch (CarrierException e) {
            // said once per cause, not at every heartbeat
            if (!e.getMessage().equals(broadcastProblems.put(carrier.name(), e.getMessage()))) {
                LOG.warn("Broadcast on {} failed: {}", carrier.name(), e.getMessage());
                listeners.fire(l -> l.problem("Could not send to everyone on " + carrier.name() + ": " + e.getMessage()));
            }
            return false;
        }
    }

    /** DETECT, ONLINE and OFFLINE are announcements on TrayTalk's carriers; other messages are not. */
    private static Announcement.Kind presenceKind(FoxMessage message) {
        if (!message.system()) {
            return null;
        }
        return switch (message.body()) {
            case FoxMessage.DETECT -> Announcement.Kind.DETECT;
            case FoxMessage.ONLINE -> Announcement.Kind.ONLINE;
            case FoxMessage.OFFLINE -> Announcement.Kind.OFFLINE;
            default -> null;
        };
    }

    /** The longest body, in bytes of {@code charset}, one message can carry to its recipient. */
    record BodyLimit(Charset charset, int maxBytes) {
    }

    /**
     * For a known peer: what its carrier carries. For everyone, or a peer not heard yet: the smallest limit of all
     * carriers, counted in UTF-8, which is never shorter than a legacy code page's encoding of the same text.
     */
    BodyLimit bodyLimit(String recipient, boolean broadcast) {
        Optional<Peer> peer = broadcast ? Optional.empty() : roster.get(recipient);
        Carrier own = peer.map(p -> carriers.get(p.address().carrier())).orElse(null);
        if (own != null) {
            return new BodyLimit(own.charset(), own.maxMessageBytes() - FoxMessage.HEADER_BYTES);
        }
        int smallest = carriers.values().stream().mapToInt(Carrier::maxMessageBytes).min()
                .orElse(FoxMessage.HEADER_BYTES + EngineOptions.MAX_BODY_BYTES);
        return new BodyLimit(StandardCharsets.UTF_8, smallest - FoxMessage.HEADER_BYTES);
    }

    @Override
    public boolean isOnline(String peerName) {
        return roster.isOnline(peerName);
    }
}
