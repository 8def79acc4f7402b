package org.traytalk.carrier.mailslot;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.traytalk.carrier.Carrier;
import org.traytalk.carrier.CarrierContractTest;
import org.traytalk.carrier.PeerAddress;

/** The carrier contract over two fake Windows computers, ALICE and BOB, on one fake LAN. */
@ExtendWith(MailslotCarrierContractTest.ContractCasesBeyondMailslots.class)
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

    /**
     * Contract cases that assume what a mailslot cannot give, each re-done within mailslot limits in
     * MailslotCarrierTest: a reply address without a sender name in the header, and 358 bytes in one message.
     */
    static final class ContractCasesBeyondMailslots implements ExecutionCondition {
        private static final Map<String, String> REASONS = Map.of(
                "sendArrivesWithExactBytesAndARepliableSource",
                "a mailslot does not say who wrote a message; the reply address is the sender name in the first"
                        + " 24 bytes, spaces here (see MailslotCarrierTest.aReplyToTheSourceReachesTheSender)",
                "payloadBytesAreNeverAltered",
                "sends 358 bytes, more than the 250-byte mailslot limit"
                        + " (see MailslotCarrierTest.everyByteValueArrivesUnaltered)");

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getTestMethod()
                    .map(m -> REASONS.get(m.getName()))
                    .map(ConditionEvaluationResult::disabled)
                    .orElse(ConditionEvaluationResult.enabled("contract case applies to mailslots"));
        }
    }
}
