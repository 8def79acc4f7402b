package org.traytalk.engine;

import java.util.Map;
import org.traytalk.carrier.Carrier;
import org.traytalk.carrier.CarrierException;
import org.traytalk.model.PeerAddress;
import org.traytalk.secure.SecureLink;

/** Puts the secure layer's frames on the carrier their address names. */
final class CarrierFrames implements SecureLink.FrameOutput {
    private final Map<String, Carrier> carriers;

    CarrierFrames(Map<String, Carrier> carriers) {
        this.carriers = carriers;
    }

    @Override
    public void send(PeerAddress to, byte[] frame) throws CarrierException {
        Carrier carrier = carriers.get(to.carrier());
        if (carrier == null) {
            throw new CarrierException("No carrier " + to.carrier() + " is running");
        }
        carrier.send(to, null, frame);
    }
}
