package org.traytalk.carrier.mailslot;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import org.traytalk.carrier.Carrier;
import org.traytalk.carrier.CarrierContractTest;
import org.traytalk.model.PeerAddress;

/** The carrier contract over two fake Windows computers, ALICE and BOB, on one fake LAN. */
class MailslotCarrierContractTest extends CarrierContractTest {

    private final Map<Carrier, String> computerOf = new IdentityHashMap<>();

    @Override
    protected Pair createPair() {
        FakeMailslotNetwork network = new FakeMailslotNetwork();
        return new Pair(carrierOn(network, "ALICE"), carrierOn(network, "BOB"));
    }

    private Carrier carrierOn(FakeMailslotNetwork network, String computer) {
        MailslotCarrierOptions options = new MailslotCarrierOptions("foxapp", Charset.forName("windows-1252"),
                Duration.ofMillis(100));
        Carrier carrier = new MailslotCarrier(options, network.host(computer));
        computerOf.put(carrier, computer);
        return carrier;
    }

    @Override
    protected PeerAddress addressOf(Carrier started) {
        return new PeerAddress(MailslotCarrier.NAME, computerOf.get(started));
    }

    @Override
    protected String senderName(Carrier carrier) {
        return computerOf.get(carrier);
    }
}
