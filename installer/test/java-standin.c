/*
 * A stand-in for a Java runtime's java.exe and javaw.exe, for installer/test-setup.sh (no Windows Java runtime can be
 * had on the build machines). It answers launch4j's version check as Java 17 does, and records every other start:
 *
 *   java.exe -version    prints openjdk version "17.0.99" ... on stderr, as java does, and exits 0;
 *   java.exe <args...>   appends its own path and each argument, in brackets, as one line to C:\traytalk-java.log.
 *
 * So the test sees which runtime a TrayTalk launcher chose and which JVM options it passed.
 * Build: i686-w64-mingw32-gcc -O2 -s -o java-standin.exe java-standin.c
 */
#include <windows.h>
#include <stdio.h>
#include <string.h>

#define LOG_FILE "C:\\traytalk-java.log"

int main(int argc, char **argv) {
    char self[MAX_PATH];
    if (argc == 2 && strcmp(argv[1], "-version") == 0) {
        fputs("openjdk version \"17.0.99\" 2026-01-01\nTrayTalk test stand-in (not Java)\n", stderr);
        return 0;
    }
    if (GetModuleFileNameA(NULL, self, sizeof self) == 0) {
        strcpy(self, "?");
    }
    FILE *f = fopen(LOG_FILE, "a");
    if (f == NULL) {
        return 3;
    }
    fputs(self, f);
    for (int i = 1; i < argc; i++) {
        fprintf(f, " [%s]", argv[i]);
    }
    fputc('\n', f);
    fclose(f);
    return 0;
}
