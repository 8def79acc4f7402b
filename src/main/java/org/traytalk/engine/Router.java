package org.traytalk.engine;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.carrier.Carrier;
import org.traytalk.carrier.CarrierException;
import org.traytalk.model.Peer;
import org.traytalk.model.PeerAddress;
import org.traytalk.wire.FoxMessage;
import org.traytalk.wire.FoxMessageCodec;

/**
 * Puts messages on the carriers: one peer on the carrier it was last heard on, everyone on every carrier, each
 * encoded as its carrier needs. Inside a store batch a datagram leaves after the commit; whoever sent it learns
 * that it left through its {@code sent} callback, once the carrier took it. Engine thread only.
 */
final class Router implements Transmitter {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final Map<String, Carrier> carriers;
    private final Roster roster;
    private final FoxMessageCodec codec;
    private final Supplier<EngineOptions> options;
    private final Listeners listeners;
    private final AfterCommit afterCommit;
    private final IntSupplier ids;
    private final Map<String, String> broadcastProblems = new HashMap<>();

    Router(Map<String, Carrier> carriers, Roster roster, FoxMessageCodec codec, Supplier<EngineOptions> options,
           Listeners listeners, AfterCommit afterCommit, IntSupplier ids) {
        this.carriers = carriers;
        this.roster = roster;
        this.codec = codec;
        this.options = options;
        this.listeners = listeners;
        this.afterCommit = afterCommit;
        this.ids = ids;
    }

    @Override
    public boolean send(String peerName, FoxMessage message, Runnable sent) {
        Optional<Peer> peer = roster.get(peerName);
        return peer.isPresent() && sendTo(peer.get().address(), peer.get().name(), message, sent);
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
            any |= sendTo(new PeerAddress(c.name(), peerName), peerName, detect, Transmitter.NOTHING);
        }
        return any;
    }

    /** Sends to an address directly (replies go where the request came from); false when it cannot be encoded. */
    boolean sendTo(PeerAddress address, String peerName, FoxMessage message, Runnable sent) {
        Carrier carrier = carriers.get(address.carrier());
        if (carrier == null) {
            LOG.debug("No carrier {} for {}", address.carrier(), peerName);
            return false;
        }
        byte[] bytes;
        try {
            bytes = codec.encode(message, carrier.charset());
        } catch (IllegalArgumentException e) {
            LOG.warn("Cannot encode message {} for {}: {}", message.id(), peerName, e.getMessage());
            return false;
        }
        afterCommit.run(() -> {
            try {
                carrier.send(address, peerName, bytes);
                sent.run();
            } catch (CarrierException e) {
                LOG.debug("Send of {} to {} at {} failed: {}", message.id(), peerName, address, e.getMessage());
            }
        });
        return true;
    }

    @Override
    public boolean broadcast(FoxMessage message, Runnable sent) {
        boolean any = false;
        for (Carrier carrier : carriers.values()) {
            byte[] bytes;
            try {
                bytes = codec.encode(message, carrier.charset());
            } catch (IllegalArgumentException e) {
                LOG.warn("Cannot encode message {} for {}: {}", message.id(), carrier.name(), e.getMessage());
                continue;
            }
            afterCommit.run(() -> {
                if (broadcastOn(carrier, bytes)) {
                    sent.run();
                }
            });
            any = true;
        }
        return any;
    }

    private boolean broadcastOn(Carrier carrier, byte[] bytes) {
        try {
            carrier.sendToAll(bytes);
            broadcastProblems.remove(carrier.name());
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
