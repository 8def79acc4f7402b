package org.traytalk.engine;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.carrier.Inbound;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Peer;
import org.traytalk.store.StoreException;
import org.traytalk.wire.FoxMessage;
import org.traytalk.wire.MalformedMessageException;
import org.traytalk.wire.SystemBody;

/**
 * Everything the original does with an inbound message, in its order: drop our own and malformed ones,
 * note the sender as online, commit user messages before confirming them, answer DETECT, apply CONF
 * and OFFLINE. Engine thread only.
 */
final class InboundHandler {
    private static final Logger LOG = LoggerFactory.getLogger(InboundHandler.class);

    private final Engine engine;
    private final Set<String> nameClashesReported = new HashSet<>();

    InboundHandler(Engine engine) {
        this.engine = engine;
    }

    /**
     * Handles one datagram on its own; a store failure is reported, and since nothing was committed no receipt
     * went out: the sender keeps the message and tries again.
     */
    void handleAlone(AfterCommit afterCommit, Inbound in) {
        try {
            afterCommit.batch(() -> {
                handle(in);
                return null;
            });
        } catch (StoreException e) {
            LOG.error("Could not store what {} sent", in.source(), e);
            engine.fire(l -> l.problem("A message from " + in.source().address() + " could not be saved and was not"
                    + " confirmed; its sender will send it again. " + e.getMessage()));
        }
    }

    /** Handles one datagram; store failures propagate so the caller's batch commits nothing. */
    void handle(Inbound in) {
        String me = engine.localName();
        if (in.recipient() != null && !ChatMessage.EVERYONE.equals(in.recipient())
                && !in.recipient().equalsIgnoreCase(me)) {
            LOG.debug("Dropped datagram for {} from {}", in.recipient(), in.source());
            return;
        }
        FoxMessage m;
        try {
            m = engine.wire().codec().decode(in.payload());
        } catch (MalformedMessageException e) {
            LOG.debug("Malformed message from {}: {}", in.source(), e.getMessage());
            return;
        }
        if (m.sender().equalsIgnoreCase(me)) {
            reportNameClash(in);
            return;
        }
        Instant now = engine.now();
        SystemBody system = m.system() ? SystemBody.parse(m.body()) : null;
        if (system != null && system.kind() == SystemBody.Kind.OFFLINE) {
            engine.roster().offline(m.sender(), now).ifPresent(engine::peerWentOffline);
            return;
        }
        Roster.Change change = engine.roster().heard(m.sender(), in.source(), in.instanceId(), now);
        Peer peer = engine.roster().get(m.sender()).orElseThrow();
        if (change == Roster.Change.CAME_ONLINE) {
            engine.peerCameOnline(peer);
        } else if (change == Roster.Change.MOVED) {
            engine.store().savePeer(peer);
            engine.outbox().peerOnline(peer.name());
        }
        if (system == null) {
            userMessage(in, m, now);
            return;
        }
        switch (system.kind()) {
            case DETECT -> reply(in, m, FoxMessage.system(me, engine.nextId(), FoxMessage.ONLINE));
            case CONF -> engine.outbox().confirmed(m.sender(), system.confirmedId());
            default -> { }
        }
    }

    private void userMessage(Inbound in, FoxMessage m, Instant now) {
        boolean broadcast = ChatMessage.EVERYONE.equals(in.recipient());
        Optional<ChatMessage> stored = engine.store().saveInbound(m.sender(), m.id(), m.body(), broadcast, now,
                now.minus(engine.options().duplicateWindow()));
        reply(in, m, FoxMessage.confirmation(engine.localName(), engine.nextId(), m.id()));
        stored.ifPresent(msg -> engine.fire(l -> l.messageReceived(msg)));
    }

    private void reply(Inbound in, FoxMessage request, FoxMessage answer) {
        engine.wire().sendTo(in.source(), request.sender(), answer);
    }

    private void reportNameClash(Inbound in) {
        if (in.instanceId() != 0 && nameClashesReported.add(in.source().toString())) {
            String text = "Another computer (" + in.source().address() + ") also calls itself " + engine.localName()
                    + ": messages to this name may go to either. Change \"name\" in the settings.";
            LOG.warn(text);
            engine.fire(l -> l.problem(text));
        }
    }
}
