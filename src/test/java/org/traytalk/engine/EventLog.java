package org.traytalk.engine;

import java.util.ArrayList;
import java.util.List;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Peer;

/** Records a node's events for assertions. */
final class EventLog implements MessengerListener {
    final List<ChatMessage> received = new ArrayList<>();
    final List<ChatMessage> updates = new ArrayList<>();
    final List<String> online = new ArrayList<>();
    final List<String> offline = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

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
    public void problem(String text) {
        problems.add(text);
    }

    List<String> receivedBodies() {
        return received.stream().map(ChatMessage::body).toList();
    }

    DeliveryState lastState(long rowId) {
        return updates.stream().filter(m -> m.rowId() == rowId).reduce((a, b) -> b).map(ChatMessage::state).orElse(null);
    }

    ChatMessage last(long rowId) {
        return updates.stream().filter(m -> m.rowId() == rowId).reduce((a, b) -> b).orElseThrow();
    }
}
