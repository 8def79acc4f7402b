package org.traytalk.carrier.udp;

import java.net.InetAddress;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.carrier.Inbound;
import org.traytalk.carrier.SourceRates;
import org.traytalk.model.PeerAddress;
import org.traytalk.wire.MalformedMessageException;
import org.traytalk.wire.UdpEnvelope;
import org.traytalk.wire.UdpEnvelopeCodec;

/** Decides which received datagrams reach the callback, counting the ones it drops. Thread-safe. */
final class InboundScreen {

    private static final Logger LOG = LoggerFactory.getLogger(InboundScreen.class);

    private final UdpEnvelopeCodec codec;
    private final String group;
    private final long ownInstanceId;
    private final SourceRates rates;
    private final LongAdder delivered = new LongAdder();
    private final LongAdder notTrayTalk = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    private final LongAdder ownEcho = new LongAdder();
    private final LongAdder otherGroup = new LongAdder();
    private final LongAdder foreignSource = new LongAdder();

    /** @param rates what one address may send; the excess is dropped before anything else is looked at */
    InboundScreen(UdpEnvelopeCodec codec, String group, long ownInstanceId, SourceRates rates) {
        this.codec = codec;
        this.group = group;
        this.ownInstanceId = ownInstanceId;
        this.rates = rates;
    }

    /** The datagram as the callback should see it, or null when it is dropped. */
    Inbound screen(byte[] data, int off, int len, InetAddress sourceIp, int sourcePort, TargetPlan plan) {
        String source = sourceIp.getHostAddress() + ":" + sourcePort;
        if (!plan.acceptsSource(sourceIp)) { // checked first: traffic from outside is not even parsed
            return drop(foreignSource, source, "source outside the selected networks");
        }
        if (!rates.admit(sourceIp, len)) { // counted there
            return null;
        }
        if (!UdpEnvelopeCodec.hasMagic(data, off, len)) {
            return drop(notTrayTalk, source, "no TTLK magic");
        }
        UdpEnvelope envelope;
        try {
            envelope = codec.decode(data, off, len);
        } catch (MalformedMessageException e) {
            return drop(malformed, source, e.getMessage());
        }
        if (envelope.instanceId() == ownInstanceId) {
            return drop(ownEcho, source, "our own datagram");
        }
        if (!envelope.group().equalsIgnoreCase(group)) {
            return drop(otherGroup, source, "group " + envelope.group());
        }
        delivered.increment();
        return new Inbound(new PeerAddress(UdpCarrier.NAME, source), envelope.frame(), null, envelope.instanceId());
    }

    private Inbound drop(LongAdder counter, String source, String why) {
        counter.increment();
        LOG.debug("dropped UDP datagram from {}: {}", source, why);
        return null;
    }

    UdpStats stats() {
        return new UdpStats(delivered.sum(), notTrayTalk.sum(), malformed.sum(), ownEcho.sum(), otherGroup.sum(),
                foreignSource.sum(), rates.dropped());
    }
}
