package org.traytalk.carrier;

/** What a carrier reports. Called on the carrier's own threads: implementations hand work off quickly. */
public interface CarrierCallback {

    void onReceive(Inbound datagram);

    /** The machine's network addresses changed (a cable, Wi-Fi or VPN came or went). */
    default void onLocalAddressesChanged() {
    }
}
