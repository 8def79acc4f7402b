package org.traytalk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a namespace's kernel counted so far: its eth0's statistics ("eth0 rx_bytes") and the IP and UDP counters
 * of /proc/net/snmp ("Ip ReasmOKs", "Udp RcvbufErrors"), so a benchmark reports what was on the wire, not only
 * what a program tried to send.
 */
record NetCounters(Map<String, Long> values) {
    private static final List<String> LINK = List.of("rx_packets", "rx_bytes", "rx_dropped", "tx_packets",
            "tx_bytes", "tx_dropped");

    static NetCounters of(List<String> netns) throws IOException {
        List<String> cmd = new ArrayList<>(netns);
        cmd.addAll(List.of("sh", "-c", "cat /proc/net/snmp; cd /sys/class/net/eth0/statistics && head -n 1 "
                + String.join(" ", LINK)));
        Map<String, Long> values = new HashMap<>();
        String[] lines = read(cmd).split("\n");
        for (int i = 0; i + 1 < lines.length; i++) {
            String[] names = lines[i].split("\\s+");
            String[] numbers = lines[i + 1].split("\\s+");
            if (names[0].endsWith(":") && names[0].equals(numbers[0]) && !numbers[1].matches(".*[A-Za-z].*")) {
                for (int k = 1; k < Math.min(names.length, numbers.length); k++) {
                    values.put(names[0].replace(":", "") + " " + names[k], Long.parseLong(numbers[k]));
                }
            } else if (lines[i].startsWith("==> ") && LINK.contains(lines[i].substring(4, lines[i].length() - 4))) {
                values.put("eth0 " + lines[i].substring(4, lines[i].length() - 4), Long.parseLong(numbers[0].strip()));
            }
        }
        return new NetCounters(values);
    }

    /** What was counted between {@code before} and these. */
    NetCounters since(NetCounters before) {
        Map<String, Long> counted = new HashMap<>();
        values.forEach((key, now) -> counted.put(key, now - before.values.getOrDefault(key, 0L)));
        return new NetCounters(counted);
    }

    long get(String key) {
        Long value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no counter " + key + " in " + values.keySet());
        }
        return value;
    }

    private static String read(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed: " + out.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return out;
    }
}
