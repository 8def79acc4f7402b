package org.traytalk.platform;

import java.util.Locale;

/**
 * Which of the SQLite driver's native libraries this JVM needs, named as the driver's own search names it (the jar's
 * {@code org/sqlite/native/OS/ARCH/}), or why that cannot be told for sure without the driver's probes. Named only for
 * glibc Linux on x86-64 and ARM64: there the driver starts {@code uname -o} at every start to rule out Android. Musl,
 * Android (bionic), other architectures, Windows and macOS (where the driver starts no process) are left to the driver.
 *
 * @param resource the library's resource path in the jar, or null
 * @param whyNot   why it is not named, or null
 */
record SqliteNativeName(String resource, String whyNot) {
    static final String LIBRARY = "libsqlitejdbc.so";

    /**
     * @param osName      {@code os.name}
     * @param osArch      {@code os.arch}
     * @param mappedFiles what {@code /proc/self/maps} lists (the C library the JVM runs on), empty when unreadable
     */
    static SqliteNativeName of(String osName, String osArch, String mappedFiles) {
        if (!osName.equals("Linux")) {
            return new SqliteNativeName(null, "the driver names the library for " + osName + " itself");
        }
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64" -> "aarch64";
            default -> null;
        };
        if (arch == null) {
            return new SqliteNativeName(null, "the driver names the library for the architecture " + osArch + " itself");
        }
        // glibc's libc.so.6 mapped and no musl: not Alpine (Linux-Musl) and not Android (bionic's libc.so)
        boolean glibc = (mappedFiles + "\n").contains("/libc.so.6\n"); // a line ends with the file's path
        if (!glibc || mappedFiles.contains("musl")) {
            return new SqliteNativeName(null, "this Linux runs Java on a C library other than glibc (or its mapped files"
                    + " cannot be read), which the driver tells apart itself");
        }
        return new SqliteNativeName("org/sqlite/native/Linux/" + arch + "/" + LIBRARY, null);
    }

    boolean named() {
        return resource != null;
    }
}
