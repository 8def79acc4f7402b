package org.traytalk.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a running process costs, read from /proc: resident and proportional set size, threads, and CPU time used
 * (the sum of its threads' scheduler times, in nanoseconds: clock ticks are too coarse for an idle app).
 */
record ProcessFigures(long rssKib, long pssKib, int threads) {

    static ProcessFigures of(long pid) throws IOException {
        Path proc = Path.of("/proc", Long.toString(pid));
        String status = Files.readString(proc.resolve("status"));
        return new ProcessFigures(field(status, "VmRSS:"), field(Files.readString(proc.resolve("smaps_rollup")), "Pss:"),
                (int) field(status, "Threads:"));
    }

    /** CPU time of all live threads of {@code pid} so far, in nanoseconds. */
    static long cpuNanos(long pid) throws IOException {
        return threadNanos(pid).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * CPU time of {@code pid} so far, in nanoseconds, threads that ended included: user and system time from
     * /proc/PID/stat, in clock ticks of 10 ms (USER_HZ is 100 on Linux).
     */
    static long processCpuNanos(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // the name may hold spaces
        return (Long.parseLong(after[11]) + Long.parseLong(after[12])) * 10_000_000L; // utime, stime: fields 14, 15
    }

    /** CPU time of each live thread of {@code pid} so far, in nanoseconds, by "id name" (who costs what at idle). */
    static Map<String, Long> threadNanos(long pid) throws IOException {
        Map<String, Long> threads = new TreeMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    threads.put(task.getFileName() + " " + Files.readString(task.resolve("comm")).strip(),
                            Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]));
                } catch (NoSuchFileException ended) {
                    // a thread that ended between listing and reading
                }
            }
        }
        return threads;
    }

    /** The number after {@code key} at the start of a line, e.g. "VmRSS:   207340 kB". */
    static long field(String text, String key) {
        for (String line : text.split("\n")) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.substring(key.length()).strip().split("\\s+")[0]);
            }
        }
        throw new IllegalArgumentException("no " + key + " in /proc");
    }

    double rssMib() {
        return rssKib / 1024.0;
    }

    double pssMib() {
        return pssKib / 1024.0;
    }
}
