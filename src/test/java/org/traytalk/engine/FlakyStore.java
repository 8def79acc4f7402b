package org.traytalk.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Conversation;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Fingerprint;
import org.traytalk.model.HistoryQuery;
import org.traytalk.model.KeyChange;
import org.traytalk.model.KeyPin;
import org.traytalk.model.Peer;
import org.traytalk.model.PeerKey;
import org.traytalk.store.MessageStore;
import org.traytalk.store.StoreException;

/** A real store whose inbound writes can be made to fail, like a full disk or a locked file. */
final class FlakyStore implements MessageStore {
    private final MessageStore real;
    volatile boolean failInbound;

    FlakyStore(MessageStore real) {
        this.real = real;
    }

    @Override
    public Optional<ChatMessage> saveInbound(String sender, Fingerprint senderKey, int wireId, String body,
                                             boolean broadcast, Instant receivedAt, Instant duplicateSince) {
        if (failInbound) {
            throw new StoreException("The disk holding the message database is full.");
        }
        return real.saveInbound(sender, senderKey, wireId, body, broadcast, receivedAt, duplicateSince);
    }

    @Override
    public List<ChatMessage> unreadUpTo(String conversation, long upToRowId) {
        return real.unreadUpTo(conversation, upToRowId);
    }

    @Override
    public List<KeyPin> pins() {
        return real.pins();
    }

    @Override
    public void pin(String name, PeerKey key, Instant at) {
        real.pin(name, key, at);
    }

    @Override
    public void offerKey(String name, PeerKey key, Instant at) {
        real.offerKey(name, key, at);
    }

    @Override
    public List<KeyChange> keyChanges() {
        return real.keyChanges();
    }

    @Override
    public boolean hold(String name, PeerKey key, int wireId, String body, boolean broadcast, Instant at) {
        return real.hold(name, key, wireId, body, broadcast, at);
    }

    @Override
    public List<ChatMessage> acceptKey(String name, PeerKey key, Instant at, Instant duplicateSince) {
        return real.acceptKey(name, key, at, duplicateSince);
    }

    @Override
    public long reserveSequences(long floor, int count) {
        return real.reserveSequences(floor, count);
    }

    @Override
    public int reserveWireIds(int count) {
        return real.reserveWireIds(count);
    }

    @Override
    public ChatMessage saveOutgoing(String recipient, boolean broadcast, int wireId, String body,
                                    List<String> expectedRecipients, Instant now) {
        return real.saveOutgoing(recipient, broadcast, wireId, body, expectedRecipients, now);
    }

    @Override
    public ChatMessage updateReceipt(long rowId, String peer, DeliveryState state, Instant at) {
        return real.updateReceipt(rowId, peer, state, at);
    }

    @Override
    public ChatMessage updateState(long rowId, DeliveryState state, Instant at) {
        return real.updateState(rowId, state, at);
    }

    @Override
    public List<ChatMessage> pendingOutgoing() {
        return real.pendingOutgoing();
    }

    @Override
    public Optional<ChatMessage> findOutgoing(int wireId) {
        return real.findOutgoing(wireId);
    }

    @Override
    public <T> T batch(Supplier<T> work) {
        return real.batch(work);
    }

    @Override
    public Optional<ChatMessage> message(long rowId) {
        return real.message(rowId);
    }

    @Override
    public List<ChatMessage> history(HistoryQuery query) {
        return real.history(query);
    }

    @Override
    public List<Conversation> conversations() {
        return real.conversations();
    }

    @Override
    public Optional<Conversation> markRead(String conversation, long upToRowId) {
        return real.markRead(conversation, upToRowId);
    }

    @Override
    public void savePeer(Peer peer) {
        real.savePeer(peer);
    }

    @Override
    public List<Peer> peers() {
        return real.peers();
    }

    @Override
    public boolean forgetPeer(String name) {
        return real.forgetPeer(name);
    }

    @Override
    public void close() {
        real.close();
    }
}
