package org.traytalk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryMapTest {
    /** Lines as `jcmd PID VM.native_memory detail` prints them (JDK 17), shortened. */
    private static final String NMT = String.join("\n",
            "Total: reserved=1416587KB, committed=91271KB",
            "-                 Java Heap (reserved=262144KB, committed=8192KB)",
            "                            (mmap: reserved=262144KB, committed=8192KB) ",
            "-                     Class (reserved=1049689KB, committed=1241KB)",
            "Virtual memory map:",
            "[0x00000000f0000000 - 0x0000000100000000] reserved 262144KB for Java Heap from",
            "    [0x00007fa73a72076c] ReservedSpace::reserve(unsigned long, unsigned long, unsigned long, char*, bool)+0xac",
            "\t[0x00000000f0000000 - 0x00000000f0800000] committed 8192KB from",
            "[0x00007fa738be5000 - 0x00007fa738ce5000] reserved 1024KB for Thread Stack from",
            "[0x00007fa7390d4000 - 0x00007fa73912a000] reserved and committed 344KB for GC from");

    private static String mapping(String header, long rss, long privateDirty) {
        return header + "\nSize:  9999 kB\nRss:   " + rss + " kB\nPss:   1 kB\nShared_Dirty:   0 kB\nPrivate_Dirty:  "
                + privateDirty + " kB\nSwapPss:  0 kB\n";
    }

    @Test
    void readsTheJvmRegionsAndCommittedMemory() {
        assertEquals(List.of(new MemoryMap.Region(0xf0000000L, 0x100000000L, "Java Heap"),
                        new MemoryMap.Region(0x7fa738be5000L, 0x7fa738ce5000L, "Thread Stack"),
                        new MemoryMap.Region(0x7fa7390d4000L, 0x7fa73912a000L, "GC")),
                MemoryMap.jvmRegions(NMT));
        assertEquals(Map.of("Total", 91271L, "Java Heap", 8192L, "Class", 1241L), MemoryMap.nmtCommitted(NMT));
    }

    @Test
    void groupsEachMappingByWhatItHolds() {
        String smaps = mapping("f0000000-f0800000 rw-p 00000000 00:00 0 ", 3000, 3000)
                + mapping("7fa738be5000-7fa738be9000 ---p 00000000 00:00 0 ", 0, 0)
                + mapping("7fa738be9000-7fa738ce5000 rw-p 00000000 00:00 0 ", 40, 40)
                + mapping("7fa6f4000000-7fa6f4400000 rw-p 00000000 00:00 0 ", 2000, 2000)
                + mapping("7fa6f4400000-7fa6f8000000 ---p 00000000 00:00 0 ", 0, 0)
                + mapping("7fa700001000-7fa700101000 rw-p 00000000 00:00 0 ", 500, 500)
                + mapping("55d0c0000000-55d0c2000000 rw-p 00000000 00:00 0                          [heap]", 900, 900)
                + mapping("800000000-800d00000 rw-p 00001000 08:01 123  /usr/lib/jvm/java-17/lib/server/classes.jsa",
                        12000, 1000)
                + mapping("7fa73a000000-7fa73a900000 r-xp 00000000 08:01 124  /usr/lib/jvm/java-17/lib/server/libjvm.so",
                        9000, 0)
                + mapping("7fa73b000000-7fa73b100000 r-xp 00000000 08:01 125  /opt/traytalk/lib/runtime/lib/libawt.so",
                        300, 0)
                + mapping("7fa73c000000-7fa73c100000 r--p 00000000 08:01 126  /usr/lib/x86_64-linux-gnu/libgtk-3.so.0.2406.32",
                        700, 0)
                + mapping("7fa73d000000-7fa73d100000 r--s 00000000 08:01 127  /usr/lib/jvm/java-17/lib/modules", 800, 0)
                + mapping("7fa73e000000-7fa73e100000 r--s 00000000 08:01 128  /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                        100, 0);
        assertEquals(Map.of(
                "JVM: Java Heap", new MemoryMap.Usage(3000, 3000),
                "JVM: Thread Stack", new MemoryMap.Usage(40, 40),
                "C heap: glibc arenas", new MemoryMap.Usage(2000, 2000),
                "anonymous, not the JVM's (large mallocs, libraries)", new MemoryMap.Usage(500, 500),
                "C heap: glibc main heap (brk)", new MemoryMap.Usage(900, 900),
                "file: class-data sharing archive", new MemoryMap.Usage(12000, 1000),
                "file: libjvm.so", new MemoryMap.Usage(9000, 0),
                "file: the JDK's other libraries", new MemoryMap.Usage(300, 0),
                "file: other libraries (X11, GTK, SQLite, JNA...)", new MemoryMap.Usage(700, 0),
                "file: the JDK's modules image", new MemoryMap.Usage(800, 0)),
                withoutFonts(MemoryMap.groups(smaps, MemoryMap.jvmRegions(NMT))));
        assertEquals(new MemoryMap.Usage(100, 0), MemoryMap.groups(smaps, List.of()).get("file: fonts"));
    }

    private static Map<String, MemoryMap.Usage> withoutFonts(Map<String, MemoryMap.Usage> groups) {
        groups.remove("file: fonts");
        return groups;
    }
}
