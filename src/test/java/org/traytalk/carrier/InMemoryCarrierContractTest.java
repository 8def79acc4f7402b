package org.traytalk.carrier;

import org.traytalk.model.PeerAddress;

class InMemoryCarrierContractTest extends CarrierContractTest {

    @Override
    protected Pair createPair() {
        InMemoryNetwork network = new InMemoryNetwork();
        return new Pair(network.attach("alice"), network.attach("bob"));
    }

    @Override
    protected PeerAddress addressOf(Carrier started) {
        return ((InMemoryNetwork.InMemoryCarrier) started).peerAddress();
    }
}
