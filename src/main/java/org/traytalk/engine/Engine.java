package org.traytalk.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.carrier.Carrier;
import org.traytalk.carrier.CarrierCallback;
import org.traytalk.carrier.CarrierException;
import org.traytalk.carrier.Inbound;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.HistoryQuery;
import org.traytalk.model.Peer;
import org.traytalk.store.MessageStore;
import org.traytalk.wire.FoxMessage;
import org.traytalk.wire.WireText;

/**
 * A TrayTalk node: the original program's protocol (presence, receipts, duplicates) plus guaranteed
 * delivery and self-healing presence. Owns no sockets: carriers bring datagrams in, the engine decides.
 * All state lives on the scheduler's thread; public methods hop onto it.
 */
public final class Engine implements Messenger {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final MessageStore store;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Map<String, Carrier> carriers = new LinkedHashMap<>();
    private final Listeners listeners = new Listeners();
    private final Roster roster = new Roster();
    private final IdAllocator ids;
    private final Outbox outbox;
    private final PresenceKeeper presence;
    private final InboundHandler inbound;
    private final Wire wire;
    private final AfterCommit afterCommit;
    private final InboundQueue inboundQueue;
    private final SendQueue sendQueue;
    private volatile EngineOptions options;
    private volatile boolean started;
    private volatile boolean closed;

    public Engine(EngineOptions options, MessageStore store, List<Carrier> carriers, Scheduler scheduler, Clock clock,
                  LongSupplier monotonicNanos, RandomGenerator random) {
        this.options = options;
        this.store = store;
        this.scheduler = scheduler;
        this.clock = clock;
        for (Carrier c : carriers) {
            this.carriers.put(c.name(), c);
        }
        this.ids = new IdAllocator(store);
        this.afterCommit = new AfterCommit(store);
        this.wire = new Wire(this.carriers, roster, () -> this.options, listeners, afterCommit, ids::next);
        this.outbox = new Outbox(store, scheduler, clock, new Backoff(options.firstRetry(), options.maxRetry(), random),
                wire, () -> this.options, m -> fire(l -> l.messageUpdated(m)));
        this.presence = new PresenceKeeper(roster, scheduler, clock, monotonicNanos, new PresenceKeeper.Announcer() {
            @Override
            public void broadcastSystem(String body) {
                wire.broadcast(FoxMessage.system(localName(), ids.next(), body));
            }

            @Override
            public void sendSystem(String peerName, String body) {
                wire.send(peerName, FoxMessage.system(localName(), ids.next(), body));
            }
        }, () -> this.options, this::peerWentOffline);
        this.inbound = new InboundHandler(this);
        this.inboundQueue = new InboundQueue(scheduler, afterCommit, inbound);
        this.sendQueue = new SendQueue(scheduler, afterCommit, new SendQueue.Sender() {
            @Override
            public ChatMessage store(SendQueue.Request request) {
                return storeAndStart(request);
            }

            @Override
            public void discard(ChatMessage notStored) {
                outbox.discard(notStored.wireId());
            }
        });
    }

    /** Loads the roster and outbox, starts the carriers and announces this node. At least one carrier must start. */
    public void start() throws CarrierException {
        List<String> failures = new ArrayList<>();
        call(() -> {
            roster.load(store.peers());
            for (Carrier c : List.copyOf(carriers.values())) {
                try {
                    c.start(callbackFor(c));
                } catch (CarrierException e) {
                    failures.add(c.name() + ": " + e.getMessage());
                    carriers.remove(c.name());
                    LOG.warn("Carrier {} did not start: {}", c.name(), e.getMessage());
                    listeners.fire(l -> l.problem(e.getMessage()));
                }
            }
            if (carriers.isEmpty()) {
                return null;
            }
            started = true;
            presence.start();
            outbox.restore(store.pendingOutgoing());
            return null;
        });
        if (!started) {
            throw new CarrierException("No network carrier could start: " + String.join("; ", failures));
        }
    }

    @Override
    public String localName() {
        return options.localName();
    }

    @Override
    public ChatMessage send(String recipient, String text) throws MessengerException {
        Validation.checkSend(recipient, text);
        if (closed) {
            throw new MessengerException("TrayTalk is shutting down; the message was not sent");
        }
        if (scheduler.isSchedulerThread()) {
            return sendQueue.storeAlone(new SendQueue.Request(recipient, text, null));
        }
        return OnEngineThread.await(sendQueue.offer(recipient, text), "save the message");
    }

    /**
     * Inside a batch: stores the message with its receipts and hands it to the outbox. Text longer than the
     * recipient's carrier takes (250-byte legacy mailslots) goes as consecutive messages, split between characters;
     * the first is returned.
     */
    private ChatMessage storeAndStart(SendQueue.Request request) {
        String recipient = request.recipient().trim();
        boolean broadcast = ChatMessage.EVERYONE.equals(recipient);
        List<String> expected = broadcast ? roster.online().stream().map(Peer::name).toList() : List.of(recipient);
        Wire.BodyLimit limit = wire.bodyLimit(recipient, broadcast);
        String text = request.text();
        List<String> parts = WireText.encodedLength(text, limit.charset()) <= limit.maxBytes()
                ? List.of(text) : WireText.split(text, limit.charset(), limit.maxBytes());
        ChatMessage first = null;
        for (String part : parts) {
            ChatMessage stored = store.saveOutgoing(recipient, broadcast, ids.next(), part, expected, clock.instant());
            fire(l -> l.messageUpdated(stored));
            try {
                ChatMessage started = outbox.add(stored);
                first = first == null ? started : first;
            } catch (RuntimeException e) {
                outbox.discard(stored.wireId());
                throw e;
            }
        }
        return first;
    }

    @Override
    public List<Peer> peers() {
        return call(roster::all);
    }

    @Override
    public SendSize measure(String recipient, String text) {
        String name = recipient == null ? "" : recipient.trim();
        boolean broadcast = ChatMessage.EVERYONE.equals(name);
        int bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        return call(() -> {
            Wire.BodyLimit limit = wire.bodyLimit(name, broadcast);
            int parts = WireText.encodedLength(text, limit.charset()) <= limit.maxBytes() || text.isEmpty()
                    ? 1 : WireText.split(text, limit.charset(), limit.maxBytes()).size();
            String carrier = broadcast ? "" : roster.get(name).map(p -> p.address().carrier()).orElse("");
            return new SendSize(bytes, EngineOptions.MAX_BODY_BYTES, parts, carrier);
        });
    }

    @Override
    public List<ChatMessage> history(HistoryQuery query) {
        return store.history(query);
    }

    @Override
    public void refresh() {
        scheduler.execute(() -> wire.broadcast(FoxMessage.system(localName(), ids.next(),
                FoxMessage.DETECT)));
    }

    @Override
    public AutoCloseable subscribe(MessengerListener listener) {
        return listeners.add(listener);
    }

    /** New timing or name from the settings file. A new name says OFFLINE under the old one first. */
    public void apply(EngineOptions newOptions) {
        scheduler.execute(() -> {
            EngineOptions old = options;
            if (!old.localName().equals(newOptions.localName()) && started) {
                wire.broadcast(FoxMessage.system(old.localName(), ids.next(),
                        FoxMessage.OFFLINE));
                options = newOptions;
                presence.announceAll();
            }
            options = newOptions;
            if (!old.heartbeat().equals(newOptions.heartbeat())) {
                presence.rescheduleHeartbeat();
            }
        });
    }

    @Override
    public void close() {
        try {
            call(() -> {
                if (closed) {
                    return null;
                }
                closed = true;
                if (started) {
                    presence.stop();
                    outbox.stop();
                    wire.broadcast(FoxMessage.system(localName(), ids.next(),
                            FoxMessage.OFFLINE));
                    for (Peer p : roster.all()) {
                        store.savePeer(p);
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Orderly shutdown failed", e);
        } finally {
            carriers.values().forEach(Carrier::close);
            scheduler.close();
            store.close();
        }
    }

    // --- used by InboundHandler, on the engine thread ---

    EngineOptions options() {
        return options;
    }

    MessageStore store() {
        return store;
    }

    Instant now() {
        return clock.instant();
    }

    Roster roster() {
        return roster;
    }

    Outbox outbox() {
        return outbox;
    }

    Wire wire() {
        return wire;
    }

    int nextId() {
        return ids.next();
    }

    void peerCameOnline(Peer peer) {
        store.savePeer(peer);
        fire(l -> l.peerOnline(peer));
        outbox.peerOnline(peer.name());
    }

    void peerWentOffline(Peer peer) {
        store.savePeer(peer);
        fire(l -> l.peerOffline(peer));
    }

    /** Tells the listeners, after the current batch committed. */
    void fire(java.util.function.Consumer<MessengerListener> event) {
        afterCommit.run(() -> listeners.fire(event));
    }

    private CarrierCallback callbackFor(Carrier carrier) {
        return new CarrierCallback() {
            @Override
            public void onReceive(Inbound datagram) {
                inboundQueue.offer(datagram);
            }

            @Override
            public void onLocalAddressesChanged() {
                scheduler.execute(() -> {
                    LOG.info("Network addresses changed ({}): announcing again", carrier.name());
                    presence.announceAll();
                });
            }
        };
    }

    private <T> T call(Callable<T> task) {
        return OnEngineThread.call(scheduler, task);
    }
}
