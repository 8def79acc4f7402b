package org.traytalk.carrier.udp;

/**
 * What the UDP carrier received since it started, for diagnostics.
 *
 * @param delivered     datagrams handed to the callback
 * @param notTrayTalk   datagrams without the envelope magic (other programs on the port)
 * @param malformed     datagrams with the magic that did not decode
 * @param ownEcho       our own datagrams coming back (same instance id)
 * @param otherGroup    datagrams for another group
 * @param foreignSource datagrams from outside the selected interfaces' subnets and the extra targets
 * @param overRate      datagrams from an address sending more than its rate ({@link UdpCarrier#PER_SOURCE})
 */
public record UdpStats(long delivered, long notTrayTalk, long malformed, long ownEcho, long otherGroup,
                       long foreignSource, long overRate) {
}
