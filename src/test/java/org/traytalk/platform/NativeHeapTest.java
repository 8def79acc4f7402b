package org.traytalk.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NativeHeapTest {
    private static final int BLOCK = 16 * 1024; // under glibc's mmap threshold: from an arena
    private static final int BLOCKS = 2048; // 32 MiB

    @Test
    void givesBackTheFreePagesGlibcKept() throws IOException {
        assumeTrue(Platform.isLinux(), "malloc_trim is glibc's");
        long[] blocks = new long[BLOCKS];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = Native.malloc(BLOCK);
            new Pointer(blocks[i]).setMemory(0, BLOCK, (byte) 1); // resident
        }
        try {
            for (int i = 0; i < blocks.length; i += 2) { // every other one: free() gives back only the arena's top
                Native.free(blocks[i]);
                blocks[i] = 0;
            }
            long kept = residentKib();
            assertTrue(NativeHeap.trim(), "16 MiB free inside the arena");
            long givenBack = kept - residentKib();
            assertTrue(givenBack > 8 * 1024, "resident before and after: " + kept + " KiB, " + (kept - givenBack));
        } finally {
            for (long block : blocks) {
                if (block != 0) {
                    Native.free(block);
                }
            }
        }
    }

    private static long residentKib() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElseThrow();
    }
}
