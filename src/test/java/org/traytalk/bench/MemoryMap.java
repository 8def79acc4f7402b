package org.traytalk.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a process's resident memory is: /proc/PID/smaps summed by what each mapping holds, the JVM's own anonymous
 * regions named by its native memory tracking's virtual memory map ({@code jcmd PID VM.native_memory detail}, with
 * {@code -XX:NativeMemoryTracking=detail}). Anonymous memory outside them is the C heap: glibc's main heap
 * ({@code [heap]}), its other arenas (mappings that start on a 64 MiB boundary) and the rest (large mallocs, native
 * libraries' own mappings, threads not started by the JVM).
 */
final class MemoryMap {
    private static final Pattern MAPPING = Pattern.compile("^([0-9a-f]+)-([0-9a-f]+) (\\S+) \\S+ \\S+ \\S+\\s*(.*)$");
    private static final Pattern NMT_REGION =
            Pattern.compile("^\\[0x([0-9a-f]+) - 0x([0-9a-f]+)\\] reserved (?:and committed )?\\d+KB for (.+?) from");
    private static final Pattern NMT_COMMITTED =
            Pattern.compile("^-\\s+(.+?) \\(reserved=\\d+KB, committed=(\\d+)KB\\)");
    private static final long ARENA_ALIGNMENT = 64L << 20; // glibc's HEAP_MAX_SIZE on 64-bit

    /** Resident and dirty (not reclaimable without swap) KiB of one group. */
    record Usage(long rssKib, long dirtyKib) {
        Usage plus(Usage o) {
            return new Usage(rssKib + o.rssKib, dirtyKib + o.dirtyKib);
        }
    }

    record Region(long start, long end, String what) {
    }

    private MemoryMap() {
    }

    /** The JVM's reserved regions in an NMT detail report. */
    static List<Region> jvmRegions(String nmtDetail) {
        List<Region> regions = new ArrayList<>();
        for (String line : nmtDetail.split("\n")) {
            Matcher m = NMT_REGION.matcher(line);
            if (m.find()) {
                regions.add(new Region(Long.parseUnsignedLong(m.group(1), 16), Long.parseUnsignedLong(m.group(2), 16),
                        m.group(3)));
            }
        }
        return regions;
    }

    /** Committed KiB by NMT category ("Java Heap", "Class", "Thread", ... and "Total"). */
    static Map<String, Long> nmtCommitted(String nmtReport) {
        Map<String, Long> committed = new TreeMap<>();
        for (String line : nmtReport.split("\n")) {
            Matcher m = NMT_COMMITTED.matcher(line.strip());
            if (m.find()) {
                committed.put(m.group(1), Long.parseLong(m.group(2)));
            } else if (line.startsWith("Total: ")) {
                committed.put("Total", Long.parseLong(line.replaceAll(".*committed=(\\d+)KB.*", "$1")));
            }
        }
        return committed;
    }

    /** The resident memory in {@code smaps} by group (see {@link #group}). */
    static Map<String, Usage> groups(String smaps, List<Region> jvm) {
        Map<String, Usage> groups = new TreeMap<>();
        String group = null;
        long rss = 0;
        long dirty = 0;
        for (String line : smaps.split("\n")) {
            Matcher m = MAPPING.matcher(line);
            if (m.matches()) {
                if (group != null) {
                    groups.merge(group, new Usage(rss, dirty), Usage::plus);
                }
                group = group(Long.parseUnsignedLong(m.group(1), 16), m.group(4).strip(), jvm);
                rss = 0;
                dirty = 0;
            } else if (line.startsWith("Rss:")) {
                rss = ProcessFigures.field(line, "Rss:");
            } else if (line.startsWith("Private_Dirty:") || line.startsWith("Shared_Dirty:")) {
                dirty += ProcessFigures.field(line, line.substring(0, line.indexOf(':') + 1));
            }
        }
        if (group != null) {
            groups.merge(group, new Usage(rss, dirty), Usage::plus);
        }
        return groups;
    }

    /** What a mapping starting at {@code start} holds, from its file or, when anonymous, from whose region it is in. */
    static String group(long start, String path, List<Region> jvm) {
        if (path.endsWith(".jsa")) {
            return "file: class-data sharing archive";
        }
        if (path.endsWith("/libjvm.so")) {
            return "file: libjvm.so";
        }
        if (path.contains(".so") && (path.contains("/jvm/") || path.contains("/runtime/lib/"))) {
            return "file: the JDK's other libraries";
        }
        if (path.contains(".so")) {
            return "file: other libraries (X11, GTK, SQLite, JNA...)";
        }
        if (path.endsWith("/lib/modules")) {
            return "file: the JDK's modules image";
        }
        if (path.endsWith(".jar")) {
            return "file: jars";
        }
        if (path.matches(".*\\.(ttf|otf|pfb|ttc)$")) {
            return "file: fonts";
        }
        if (path.startsWith("/")) {
            return "file: other";
        }
        if (path.equals("[heap]")) {
            return "C heap: glibc main heap (brk)";
        }
        if (path.equals("[stack]")) {
            return "main thread's stack";
        }
        if (path.startsWith("[")) {
            return "kernel " + path;
        }
        for (Region r : jvm) {
            if (Long.compareUnsigned(start, r.start()) >= 0 && Long.compareUnsigned(start, r.end()) < 0) {
                return "JVM: " + r.what();
            }
        }
        return start % ARENA_ALIGNMENT == 0 ? "C heap: glibc arenas" : "anonymous, not the JVM's (large mallocs, libraries)";
    }
}
