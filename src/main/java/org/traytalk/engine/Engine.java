package org.traytalk.engine;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.carrier.Carrier;
import org.traytalk.carrier.CarrierCallback;
import org.traytalk.carrier.CarrierException;
import org.traytalk.carrier.Inbound;
import org.traytalk.flow.Allowance;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Conversation;
import org.traytalk.model.Fingerprint;
import org.traytalk.model.HistoryQuery;
import org.traytalk.model.KeyChange;
import org.traytalk.model.Peer;
import org.traytalk.model.Status;
import org.traytalk.secure.SecureLink;
import org.traytalk.store.MessageStore;
import org.traytalk.store.StoreException;
import org.traytalk.trust.KeyPins;
import org.traytalk.trust.Sequences;
import org.traytalk.wire.FoxMessage;
import org.traytalk.wire.FoxMessageCodec;
import org.traytalk.wire.WireText;
import org.traytalk.wire.secure.StatusExtension;

/**
 * A TrayTalk node: the original program's protocol (presence, receipts, duplicates) plus guaranteed
 * delivery and self-healing presence. Owns no sockets: carriers bring datagrams in, the engine decides.
 * Wires its parts together (see package-info for the way a message goes); all state lives on the
 * scheduler's thread, and public methods hop onto it.
 */
public final class Engine implements Messenger {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    /**
     * What may wait for the engine thread: 4,096 datagrams and 16 MiB in all, 1,024 and 2 MiB from one source (a peer
     * sends everything that waited for us at once when we appear). A flood past that is dropped and counted instead
     * of held in memory, and the other sources keep their turns.
     */
    static final FairQueue.Bounds INBOUND = new FairQueue.Bounds(4_096, 16L << 20, 1_024, 2L << 20);
    /** Senders, askers and peers whose allowances are remembered (those heard from last). */
    static final int ALLOWANCE_KEYS = 4_096;

    private final MessageStore store;
    private final Scheduler scheduler;
    private final Map<String, Carrier> carriers = new LinkedHashMap<>();
    private final AfterCommit afterCommit;
    private final Listeners listeners;
    private final Roster roster = new Roster();
    private final WireIds ids;
    private final KeyPins pins;
    private final KeyChanges keyChanges;
    private final Newcomers newcomers;
    private final Fingerprint fingerprint;
    private final Router router;
    private final Outbox outbox;
    private final PresenceKeeper presence;
    private final Bursts.Lane<Inbound> arrivals;
    private final Refusals refusals;
    private final Bursts.Lane<MessageWriter.Request> sends;
    private volatile EngineOptions options;
    private volatile boolean started;
    private volatile boolean closed;
    private volatile Status localStatus = Status.AVAILABLE;

    public Engine(EngineOptions options, MessageStore store, List<Carrier> carriers, TrustSetup trust,
                  Scheduler scheduler, Clock clock, LongSupplier monotonicNanos, SecureRandom random) {
        this.options = options;
        this.store = store;
        this.scheduler = scheduler;
        for (Carrier c : carriers) {
            this.carriers.put(c.name(), c);
        }
        this.fingerprint = trust.identity().publicKey().fingerprint();
        this.ids = new WireIds(store, trust.identity().localSecret("wire ids"));
        this.afterCommit = new AfterCommit(store);
        this.listeners = new Listeners(afterCommit);
        this.pins = new KeyPins(store);
        FoxMessageCodec codec = new FoxMessageCodec(options.legacyCharset());
        Allowance<Object> answersInAll = new Allowance<>(Replies.ANSWERS_IN_ALL, 1, monotonicNanos);
        SecureLink link = new SecureLink(trust.identity(), this::localName, trust.group(), clock, random,
                new Sequences(store, clock), trust.instanceId(), () -> StatusExtension.encode(this.localStatus),
                pins::isPinned, () -> Replies.takeAnswer(answersInAll), new CarrierFrames(this.carriers));
        this.router = new Router(this.carriers, roster, codec, link, () -> this.options, listeners,
                afterCommit, ids::next);
        this.outbox = new Outbox(store, scheduler, clock, new Backoff(options.firstRetry(), options.maxRetry(), random),
                this.router, () -> this.options, m -> listeners.fire(l -> l.messageUpdated(m)),
                new Allowance<>(Outbox.FLUSH_PER_PEER, ALLOWANCE_KEYS, monotonicNanos),
                new SentMarks(scheduler, afterCommit));
        PeerChanges peers = new PeerChanges(roster, store, outbox, listeners);
        PresenceKeeper.Announcer announcer = new PresenceKeeper.Announcer() {
            @Override
            public void broadcastSystem(String body) {
                router.broadcast(FoxMessage.system(localName(), ids.next(), body), Transmitter.NOTHING);
            }

            @Override
            public void sendSystem(String peerName, String body) {
                router.send(peerName, FoxMessage.system(localName(), ids.next(), body), false, Transmitter.NOTHING);
            }
        };
        this.presence = new PresenceKeeper(roster, scheduler, clock, monotonicNanos, random, announcer,
                () -> this.options, peers);
        this.keyChanges = new KeyChanges(store, pins, peers, link, listeners, clock, () -> this.options);
        this.refusals = new Refusals(clock);
        this.newcomers = new Newcomers(roster, pins, store, refusals, monotonicNanos);
        ArrivalScreen screen = new ArrivalScreen(codec, link, pins, name -> this.carriers.get(name) != null
                && this.carriers.get(name).legacy(), () -> this.options, listeners, refusals, newcomers, clock);
        Replies replies = new Replies(this.router, ids::next, () -> this.options,
                new Allowance<>(Replies.ONLINE_PER_ASKER, ALLOWANCE_KEYS, monotonicNanos),
                answersInAll, refusals);
        InboundHandler handler = new InboundHandler(peers, keyChanges, store, outbox, replies, listeners, clock,
                () -> this.options, new Allowance<>(InboundHandler.STORED_PER_SENDER, ALLOWANCE_KEYS, monotonicNanos),
                refusals);
        Bursts bursts = new Bursts(scheduler, afterCommit);
        this.arrivals = bursts.lane("received datagrams",
                new FairQueue<>(INBOUND, Inbound::source, in -> in.payload().length, refusals), new Bursts.Handler<>() {
            @Override
            public void handle(Inbound datagram) {
                screen.screen(datagram).ifPresent(handler::handle);
            }

            @Override
            public void failed(Inbound datagram, RuntimeException e) {
                // nothing was committed, so no receipt went out: the sender keeps the message and tries again
                LOG.error("Could not store what {} sent", datagram.source(), e);
                String why = e instanceof StoreException ? " " + e.getMessage() : "";
                listeners.fire(l -> l.problem("A message from " + datagram.source().address() + " could not be saved"
                        + " and was not confirmed; its sender will send it again." + why));
            }
        });
        MessageWriter writer = new MessageWriter(store, roster, this.router, outbox, listeners, afterCommit, ids::next,
                clock);
        this.sends = bursts.lane("messages to send", Bursts.Waiting.unbounded(), new Bursts.Handler<>() {
            @Override
            public void handle(MessageWriter.Request request) {
                writer.write(request);
            }

            @Override
            public void failed(MessageWriter.Request request, RuntimeException e) {
                request.result().completeExceptionally(e);
            }
        });
    }

    /** Loads the roster and outbox, starts the carriers and announces this node. At least one carrier must start. */
    public void start() throws CarrierException {
        List<String> failures = new ArrayList<>();
        call(() -> {
            roster.load(store.peers());
            pins.load();
            newcomers.tidy();
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
        MessageWriter.Request request = new MessageWriter.Request(recipient, text);
        if (scheduler.isSchedulerThread()) {
            sends.doAlone(request);
        } else {
            sends.offer(request);
        }
        return OnEngineThread.await(request.result(), "save the message");
    }

    @Override
    public List<Peer> peers() {
        return call(roster::all);
    }

    @Override
    public SendSize measure(String recipient, String text) {
        String name = recipient == null ? "" : recipient.trim();
        boolean broadcast = ChatMessage.EVERYONE.equals(name);
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        return call(() -> {
            Router.BodyLimit limit = router.bodyLimit(name, broadcast);
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
    public List<Conversation> conversations() {
        return store.conversations();
    }

    /**
     * On the engine thread, like every write; listeners hear the new count once it is stored, and the verified
     * senders of what was just read get a seen receipt (when seen receipts are on).
     */
    @Override
    public void markRead(String conversation, long upToRowId) {
        call(() -> afterCommit.batch(() -> {
            List<ChatMessage> nowRead = options.seenReceipts() ? store.unreadUpTo(conversation, upToRowId) : List.of();
            store.markRead(conversation, upToRowId).ifPresent(now -> listeners.fire(l -> l.conversationRead(now)));
            Map<String, List<Integer>> bySender = new LinkedHashMap<>();
            nowRead.stream().filter(ChatMessage::verified)
                    .forEach(m -> bySender.computeIfAbsent(m.peer(), k -> new ArrayList<>()).add(m.wireId()));
            bySender.forEach(router::sendSeen);
            return null;
        }));
    }

    /** Announced to TrayTalk peers at once, and with every announcement after; the original program sees ONLINE. */
    @Override
    public void setStatus(Status status) {
        Status changed = Objects.requireNonNull(status);
        call(() -> changeStatus(changed));
    }

    /**
     * The status line the settings give, away kept as it is: one step on the engine thread, so an away set meanwhile
     * (by the desktop's idle watch) is not undone. What every node announces, with or without a desktop.
     */
    public void setStatusLine(String line) {
        call(() -> changeStatus(new Status(localStatus.away(), line)));
    }

    private Void changeStatus(Status changed) {
        if (!changed.equals(localStatus)) {
            localStatus = changed;
            listeners.fire(l -> l.statusChanged(localName(), changed));
            if (started && !closed) {
                presence.announceOnline();
            }
        }
        return null;
    }

    @Override
    public Status status() {
        return localStatus;
    }

    @Override
    public void refresh() {
        scheduler.execute(() -> router.broadcast(FoxMessage.system(localName(), ids.next(), FoxMessage.DETECT),
                Transmitter.NOTHING));
    }

    @Override
    public Fingerprint fingerprint() {
        return fingerprint;
    }

    @Override
    public List<KeyChange> keyChanges() {
        return call(keyChanges::pending);
    }

    @Override
    public void trust(String name, Fingerprint offered) throws MessengerException {
        KeyChange change = call(() -> keyChanges.find(name, offered));
        if (change == null) {
            throw new MessengerException(call(() -> keyChanges.whyNot(name, offered)));
        }
        call(() -> afterCommit.batch(() -> {
            keyChanges.accept(change);
            return null;
        }));
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
                router.broadcast(FoxMessage.system(old.localName(), ids.next(), FoxMessage.OFFLINE),
                        Transmitter.NOTHING);
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
                refusals.reportTotal();
                if (started) {
                    presence.stop();
                    outbox.stop();
                    router.broadcast(FoxMessage.system(localName(), ids.next(), FoxMessage.OFFLINE),
                            Transmitter.NOTHING);
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

    private CarrierCallback callbackFor(Carrier carrier) {
        return new CarrierCallback() {
            @Override
            public void onReceive(Inbound datagram) {
                arrivals.offer(datagram);
            }

            @Override
            public void onLocalAddressesChanged() {
                scheduler.execute(() -> {
                    LOG.info("Network addresses changed ({}): announcing again", carrier.name());
                    presence.announceAll();
                });
            }

            @Override
            public void onReceiveFailing(String why) {
                scheduler.execute(() -> listeners.fire(l -> l.problem(why)));
            }

            @Override
            public void onReceiveWorking() {
                scheduler.execute(() -> {
                    LOG.info("{} receives again: announcing again", carrier.name());
                    presence.announceAll();
                });
            }
        };
    }

    private <T> T call(Callable<T> task) {
        return OnEngineThread.call(scheduler, task);
    }
}
