package org.traytalk.engine;

import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.carrier.Inbound;
import org.traytalk.model.ChatMessage;
import org.traytalk.wire.FoxMessage;
import org.traytalk.wire.FoxMessageCodec;
import org.traytalk.wire.MalformedMessageException;
import org.traytalk.wire.SystemBody;

/**
 * The first step on the way in: decides whether a datagram is for this node and what it says. Drops what is
 * addressed to somebody else, malformed messages and our own name coming back (reporting another computer that uses
 * our name: see {@link NameClashes}). Engine thread only.
 */
final class ArrivalScreen {
    private static final Logger LOG = LoggerFactory.getLogger(ArrivalScreen.class);

    private final FoxMessageCodec codec;
    private final Supplier<EngineOptions> options;
    private final NameClashes nameClashes;

    ArrivalScreen(FoxMessageCodec codec, Supplier<EngineOptions> options, Listeners listeners) {
        this.codec = codec;
        this.options = options;
        this.nameClashes = new NameClashes(text -> listeners.fire(l -> l.problem(text)));
    }

    Optional<Arrival> screen(Inbound in) {
        String me = options.get().localName();
        if (in.recipient() != null && !ChatMessage.EVERYONE.equals(in.recipient())
                && !in.recipient().equalsIgnoreCase(me)) {
            LOG.debug("Dropped datagram for {} from {}", in.recipient(), in.source());
            return Optional.empty();
        }
        FoxMessage m;
        try {
            m = codec.decode(in.payload());
        } catch (MalformedMessageException e) {
            LOG.debug("Malformed message from {}: {}", in.source(), e.getMessage());
            return Optional.empty();
        }
        if (m.sender().equalsIgnoreCase(me)) {
            reportNameClash(in, me);
            return Optional.empty();
        }
        SystemBody system = m.system() ? SystemBody.parse(m.body()) : null;
        return Optional.of(new Arrival(in.source(), ChatMessage.EVERYONE.equals(in.recipient()), in.instanceId(), m,
                system));
    }

    private void reportNameClash(Inbound in, String me) {
        if (in.instanceId() != 0) {
            nameClashes.heard(in.source(), me);
        }
    }
}
