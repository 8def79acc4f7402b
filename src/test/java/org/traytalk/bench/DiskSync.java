package org.traytalk.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * How long the disk under a folder takes to make a small write durable (write 4 KiB, then fsync): every commit of
 * the store waits for one, so the benchmarks' figures are read against it.
 */
final class DiskSync {
    private static final int SAMPLES = 1_000;

    /** Milliseconds a synced write took: the median and the 99th percentile. */
    record Figures(double median, double p99) {
    }

    private DiskSync() {
    }

    /** {@value #SAMPLES} synced 4 KiB writes to a scratch file in {@code dir}. */
    static Figures measure(Path dir) throws IOException {
        Path file = Files.createTempFile(dir, "sync-probe", ".bin");
        long[] nanos = new long[SAMPLES];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            for (int i = 0; i < SAMPLES; i++) {
                long start = System.nanoTime();
                channel.write(ByteBuffer.allocate(4096), (long) i * 4096);
                channel.force(false);
                nanos[i] = System.nanoTime() - start;
            }
        } finally {
            Files.deleteIfExists(file);
        }
        Arrays.sort(nanos);
        return new Figures(nanos[SAMPLES / 2] / 1e6, nanos[SAMPLES * 99 / 100 - 1] / 1e6);
    }
}
