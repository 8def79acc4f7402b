package org.traytalk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time used by this JVM's TrayTalk threads (engines, receivers, store upkeep), by thread name: a figure that a
 * busy machine disturbs far less than wall-clock throughput, since waiting for a core costs no CPU time.
 */
final class ThreadCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThreadCpu() {
    }

    /** Nanoseconds of CPU so far per live thread whose name starts with "traytalk-" (same names summed). */
    static Map<String, Long> snapshot() {
        Map<String, Long> byName = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            long nanos = THREADS.getThreadCpuTime(t.getId());
            if (t.getName().startsWith("traytalk-") && nanos >= 0) {
                byName.merge(t.getName(), nanos, Long::sum);
            }
        }
        return byName;
    }

    /** Prints each thread's CPU between the snapshots in microseconds per item, and their sum. */
    static void print(Map<String, Long> before, Map<String, Long> after, int items) {
        long total = 0;
        StringBuilder line = new StringBuilder();
        for (Map.Entry<String, Long> e : after.entrySet()) {
            long used = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            total += used;
            line.append(String.format("   %s %.0f", e.getKey().substring("traytalk-".length()), used / 1e3 / items));
        }
        System.out.printf("  CPU per message, microseconds: all TrayTalk threads %.0f;%s%n", total / 1e3 / items, line);
    }
}
