package org.traytalk.engine;

import java.nio.charset.Charset;
import java.time.Duration;
import org.traytalk.model.UnverifiedPolicy;

/**
 * How the engine behaves; built from the settings by the wiring.
 *
 * @param localName     the name this node sends as
 * @param legacyCharset code page for decoding text that is not valid UTF-8
 * @param heartbeat     ONLINE re-announce interval; a peer silent for three of these is probed
 * @param probeTimeout  how long a probed peer has to answer before it is marked offline
 * @param failAfter     an unconfirmed message fails this long after it was written
 * @param firstRetry    delay before the first resend of an unconfirmed message
 * @param maxRetry      longest delay between resends
 * @param unverified    what to do with peers on the original program's carriers, which cannot be verified
 * @param seenReceipts  tell TrayTalk peers when their messages were shown here, and show when ours were there
 */
public record EngineOptions(String localName, Charset legacyCharset, Duration heartbeat, Duration probeTimeout,
                            Duration failAfter, Duration firstRetry, Duration maxRetry, UnverifiedPolicy unverified,
                            boolean seenReceipts) {

    /** Longest user message body on carriers that allow it (UDP); longer text is refused. */
    public static final int MAX_BODY_BYTES = 32 * 1024;

    public static EngineOptions defaults(String localName, Charset legacyCharset, Duration heartbeat, Duration failAfter) {
        return new EngineOptions(localName, legacyCharset, heartbeat, Duration.ofSeconds(10), failAfter,
                Duration.ofMillis(500), Duration.ofSeconds(60), UnverifiedPolicy.WARN, true);
    }

    public EngineOptions withLocalName(String name) {
        return new EngineOptions(name, legacyCharset, heartbeat, probeTimeout, failAfter, firstRetry, maxRetry,
                unverified, seenReceipts);
    }

    public EngineOptions withTimes(Duration newHeartbeat, Duration newFailAfter) {
        return new EngineOptions(localName, legacyCharset, newHeartbeat, probeTimeout, newFailAfter, firstRetry, maxRetry,
                unverified, seenReceipts);
    }

    public EngineOptions withUnverified(UnverifiedPolicy policy) {
        return new EngineOptions(localName, legacyCharset, heartbeat, probeTimeout, failAfter, firstRetry, maxRetry,
                policy, seenReceipts);
    }

    public EngineOptions withSeenReceipts(boolean on) {
        return new EngineOptions(localName, legacyCharset, heartbeat, probeTimeout, failAfter, firstRetry, maxRetry,
                unverified, on);
    }

    /** Inbound duplicates are recognised for as long as a sender may still be retrying, plus a margin. */
    public Duration duplicateWindow() {
        return failAfter.plus(Duration.ofHours(1));
    }
}
