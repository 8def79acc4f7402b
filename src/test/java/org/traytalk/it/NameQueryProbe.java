package org.traytalk.it;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import org.traytalk.wire.netbios.NameQuery;
import org.traytalk.wire.netbios.NetbiosName;

/**
 * Asks the subnet "who is NAME?" the way Windows does before writing to {@code \\NAME\mailslot\X}: a broadcast
 * name query to UDP 137. Prints the address in the first positive answer, or "no answer". Run inside a test
 * namespace: {@code NameQueryProbe NAME BROADCAST-ADDRESS}.
 */
public final class NameQueryProbe {
    private NameQueryProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setBroadcast(true);
            socket.setSoTimeout(3000);
            byte[] q = new NameQuery(0x4242, NetbiosName.computer(args[0]), true).encode();
            socket.send(new DatagramPacket(q, q.length, InetAddress.getByName(args[1]), 137));
            DatagramPacket answer = new DatagramPacket(new byte[576], 576);
            try {
                socket.receive(answer);
            } catch (SocketTimeoutException e) {
                System.out.println("no answer");
                return;
            }
            byte[] a = Arrays.copyOf(answer.getData(), answer.getLength());
            System.out.println("answer " + InetAddress.getByAddress(Arrays.copyOfRange(a, a.length - 4,
                    a.length)).getHostAddress() + " from " + answer.getAddress().getHostAddress());
        }
    }
}
