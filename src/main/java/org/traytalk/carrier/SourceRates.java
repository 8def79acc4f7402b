package org.traytalk.carrier;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.flow.Allowance;

/**
 * What one address may send a carrier: so many datagrams and bytes a second. The excess is dropped as it comes off
 * the socket, before it is parsed or handed on, so a host that floods costs the receive thread a look-up per
 * datagram and nothing more; drops are counted and logged at most once a minute. Ports do not count: a flood from
 * ever new ports of one host is one source. Thread-safe.
 */
public final class SourceRates {
    private static final Logger LOG = LoggerFactory.getLogger(SourceRates.class);
    static final Duration REPORT_EVERY = Duration.ofMinutes(1);
    /** Addresses remembered (the ones heard from last); a forgotten one starts with a full allowance. */
    static final int ADDRESSES = 4_096;

    /** Datagrams and bytes per second, each with its burst. */
    public record Limits(Allowance.Rate datagrams, Allowance.Rate bytes) {
    }

    private final String carrier;
    private final Allowance<InetAddress> datagrams;
    private final Allowance<InetAddress> bytes;
    private final LongSupplier nanos;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong droppedSinceReport = new AtomicLong();
    private final AtomicLong reportedAt;

    /** @param carrier how the log names the carrier: "UDP carrier" */
    public SourceRates(String carrier, Limits limits, LongSupplier nanos) {
        this.carrier = carrier;
        this.datagrams = new Allowance<>(limits.datagrams(), ADDRESSES, nanos);
        this.bytes = new Allowance<>(limits.bytes(), ADDRESSES, nanos);
        this.nanos = nanos;
        this.reportedAt = new AtomicLong(nanos.getAsLong() - REPORT_EVERY.toNanos());
    }

    /** Whether a datagram of {@code length} bytes from {@code source} is within its rates; counted when not. */
    public boolean admit(InetAddress source, int length) {
        if (datagrams.take(source) && bytes.take(source, length)) {
            return true;
        }
        dropped.incrementAndGet();
        long since = droppedSinceReport.incrementAndGet();
        long now = nanos.getAsLong();
        long last = reportedAt.get();
        if (now - last >= REPORT_EVERY.toNanos() && reportedAt.compareAndSet(last, now)) {
            droppedSinceReport.addAndGet(-since);
            LOG.warn("{} dropped {} datagrams from sources over their rate in the last minute (the latest from {})",
                    carrier, since, source.getHostAddress());
        }
        return false;
    }

    /** Datagrams dropped since the start. */
    public long dropped() {
        return dropped.get();
    }
}
