package org.traytalk.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.KeyChange;
import org.traytalk.model.Peer;
import org.traytalk.model.Status;

/** Records a node's events for assertions; safe to read while an engine thread writes. */
public final class EventLog implements MessengerListener {
    public final List<ChatMessage> received = new CopyOnWriteArrayList<>();
    public final List<ChatMessage> updates = new CopyOnWriteArrayList<>();
    public final List<String> online = new CopyOnWriteArrayList<>();
    public final List<String> offline = new CopyOnWriteArrayList<>();
    public final List<String> problems = new CopyOnWriteArrayList<>();
    public final List<KeyChange> keyChanges = new CopyOnWriteArrayList<>();
    /** statusChanged events, as "NAME away|here line". */
    public final List<String> statuses = new CopyOnWriteArrayList<>();

    @Override
    public void messageReceived(ChatMessage message) {
        received.add(message);
    }

    @Override
    public void messageUpdated(ChatMessage message) {
        updates.add(message);
    }

    @Override
    public void peerOnline(Peer peer) {
        online.add(peer.name());
    }

    @Override
    public void peerOffline(Peer peer) {
        offline.add(peer.name());
    }

    @Override
    public void statusChanged(String name, Status status) {
        statuses.add(name + (status.away() ? " away" : " here") + (status.line().isEmpty() ? "" : " " + status.line()));
    }

    @Override
    public void keyChanged(KeyChange change) {
        keyChanges.add(change);
    }

    @Override
    public void problem(String text) {
        problems.add(text);
    }

    public List<String> receivedBodies() {
        return received.stream().map(ChatMessage::body).toList();
    }

    public DeliveryState lastState(long rowId) {
        return updates.stream().filter(m -> m.rowId() == rowId).reduce((a, b) -> b).map(ChatMessage::state).orElse(null);
    }

    /** Every state the message went through, in order, repeats folded. */
    public List<DeliveryState> states(long rowId) {
        List<DeliveryState> states = new ArrayList<>();
        for (ChatMessage m : updates) {
            if (m.rowId() == rowId && (states.isEmpty() || states.get(states.size() - 1) != m.state())) {
                states.add(m.state());
            }
        }
        return states;
    }

    public ChatMessage last(long rowId) {
        return updates.stream().filter(m -> m.rowId() == rowId).reduce((a, b) -> b).orElseThrow();
    }
}
