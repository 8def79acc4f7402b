package org.traytalk.carrier;

/** What a carrier reports. Called on the carrier's own threads: implementations hand work off quickly. */
public interface CarrierCallback {

    void onReceive(Inbound datagram);

    /** The machine's network addresses changed (a cable, Wi-Fi or VPN came or went). */
    default void onLocalAddressesChanged() {
    }

    /**
     * The carrier cannot receive any more, for a while or for good ({@code why} says which, for the user); it sends
     * nothing until {@link #onReceiveWorking}.
     */
    default void onReceiveFailing(String why) {
    }

    /** The carrier receives again after {@link #onReceiveFailing}. */
    default void onReceiveWorking() {
    }
}
