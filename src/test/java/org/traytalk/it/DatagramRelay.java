package org.traytalk.it;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Raw UDP sockets for a test that lives in another network namespace: binds each port given (0.0.0.0, broadcast
 * allowed), prints {@code RECV port from-ip from-port hex} for every datagram, and sends {@code SEND port to-ip
 * to-port hex} lines read from stdin from the socket on that port. All bytes are the test's: nothing is encoded here.
 */
public final class DatagramRelay {
    private DatagramRelay() {
    }

    public static void main(String[] args) throws Exception {
        Map<Integer, DatagramSocket> sockets = new HashMap<>();
        for (String arg : args) {
            DatagramSocket s = new DatagramSocket(null);
            s.setBroadcast(true);
            s.bind(new InetSocketAddress(Integer.parseInt(arg)));
            sockets.put(s.getLocalPort(), s);
            Thread t = new Thread(() -> receive(s), "relay-" + arg);
            t.setDaemon(true);
            t.start();
        }
        System.out.println("READY");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        for (String line; (line = in.readLine()) != null; ) {
            String[] f = line.trim().split(" ");
            if (f.length == 5 && f[0].equals("SEND")) {
                byte[] b = HexFormat.of().parseHex(f[4]);
                sockets.get(Integer.parseInt(f[1])).send(new DatagramPacket(b, b.length, InetAddress.getByName(f[2]),
                        Integer.parseInt(f[3])));
            }
        }
    }

    private static void receive(DatagramSocket s) {
        byte[] buffer = new byte[2048];
        while (true) {
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            try {
                s.receive(p);
            } catch (Exception e) {
                return;
            }
            String line = "RECV " + s.getLocalPort() + " " + p.getAddress().getHostAddress() + " " + p.getPort() + " "
                    + HexFormat.of().formatHex(p.getData(), 0, p.getLength());
            synchronized (System.out) {
                System.out.println(line);
                System.out.flush();
            }
        }
    }
}
