package org.traytalk.carrier.netbios;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.traytalk.wire.netbios.NameQuery;
import org.traytalk.wire.netbios.NetbiosName;

/** The name service on loopback: our name is answered with the address facing the asker, others are not. */
class NameResponderTest {

    private static byte[] ask(int port, String name) throws Exception {
        try (DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            client.setSoTimeout(500);
            byte[] q = new NameQuery(7, NetbiosName.computer(name), false).encode();
            client.send(new DatagramPacket(q, q.length, InetAddress.getLoopbackAddress(), port));
            DatagramPacket answer = new DatagramPacket(new byte[576], 576);
            try {
                client.receive(answer);
            } catch (SocketTimeoutException none) {
                return null;
            }
            return Arrays.copyOf(answer.getData(), answer.getLength());
        }
    }

    @Test
    void answersQueriesForOurNameOnly() throws Exception {
        Inet4Address facing = (Inet4Address) InetAddress.getByAddress(new byte[] {10, 77, 0, 1});
        try (NameResponder responder = new NameResponder(NetbiosName.computer("ALICE"),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), asker -> facing)) {
            byte[] answer = ask(responder.port(), "alice");
            assertThat(answer).isNotNull();
            assertThat(Arrays.copyOfRange(answer, answer.length - 4, answer.length))
                    .containsExactly(10, 77, 0, 1);
            assertThat(ask(responder.port(), "BOB")).isNull();
            try (DatagramSocket junk = new DatagramSocket()) {
                junk.send(new DatagramPacket(new byte[] {1, 2, 3}, 3, InetAddress.getLoopbackAddress(), responder.port()));
            }
            assertThat(ask(responder.port(), "ALICE")).isNotNull(); // garbage did not stop it
        }
    }

    @Test
    void aStormOfQueriesFromOneAddressDrawsItsAllowanceOfAnswers() throws Exception {
        Inet4Address facing = (Inet4Address) InetAddress.getByAddress(new byte[] {10, 77, 0, 1});
        try (NameResponder responder = new NameResponder(NetbiosName.computer("ALICE"),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), asker -> facing);
             DatagramSocket storm = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            byte[] q = new NameQuery(7, NetbiosName.computer("ALICE"), false).encode();
            long start = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                storm.send(new DatagramPacket(q, q.length, InetAddress.getLoopbackAddress(), responder.port()));
            }
            storm.setSoTimeout(500);
            int answers = 0;
            try {
                while (true) {
                    storm.receive(new DatagramPacket(new byte[576], 576));
                    answers++;
                }
            } catch (SocketTimeoutException quiet) {
                // no more answers
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(answers).isBetween(20, 20 + (int) Math.ceil(5 * seconds));
        }
    }
}
