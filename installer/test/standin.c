/*
 * A stand-in for a running TrayTalk, for installer/test-setup.sh (no Windows Java runtime can be had on the build
 * machines, so the real app cannot run in Wine there). It does the two things the setup relies on:
 *
 *   standin.exe run    holds the mutex TrayTalkRunning (the setup's AppMutex) until told to quit;
 *   standin.exe quit   what `traytalkc quit` does: tells the running one to quit and waits until it has exited.
 *
 * Installed as traytalkc.exe it answers the setup's and the uninstaller's `traytalkc.exe quit`. Each step is
 * appended to C:\traytalk-standin.log for the test to read.
 * Build: i686-w64-mingw32-gcc -O2 -s -o standin.exe standin.c
 */
#include <windows.h>
#include <stdio.h>
#include <string.h>

#define MUTEX_NAME "TrayTalkRunning"
#define QUIT_EVENT "TrayTalkStandinQuit"
#define LOG_FILE "C:\\traytalk-standin.log"

static void note(const char *what) {
    FILE *f = fopen(LOG_FILE, "a");
    if (f != NULL) {
        fprintf(f, "%s\n", what);
        fclose(f);
    }
}

static int run(void) {
    HANDLE quit = CreateEventA(NULL, TRUE, FALSE, QUIT_EVENT);
    HANDLE mutex = CreateMutexA(NULL, TRUE, MUTEX_NAME);
    if (quit == NULL || mutex == NULL) {
        note("run: cannot create the mutex or the event");
        return 2;
    }
    note("running");
    /* at most ten minutes, so that a broken test cannot leave it behind for ever */
    DWORD r = WaitForSingleObject(quit, 600000);
    note(r == WAIT_OBJECT_0 ? "quit received" : "gave up waiting");
    ReleaseMutex(mutex);
    CloseHandle(mutex);
    return 0;
}

static int quit(void) {
    HANDLE ev = OpenEventA(EVENT_MODIFY_STATE, FALSE, QUIT_EVENT);
    if (ev == NULL) {
        note("quit: none running");
        return 0; /* like traytalkc quit: nothing to close is fine */
    }
    SetEvent(ev);
    CloseHandle(ev);
    for (int i = 0; i < 300; i++) {
        HANDLE m = OpenMutexA(SYNCHRONIZE, FALSE, MUTEX_NAME);
        if (m == NULL) {
            note("quit: done");
            return 0;
        }
        CloseHandle(m);
        Sleep(100);
    }
    note("quit: still running after 30 s");
    return 1;
}

int main(int argc, char **argv) {
    if (argc == 2 && strcmp(argv[1], "run") == 0) {
        return run();
    }
    if (argc == 2 && strcmp(argv[1], "quit") == 0) {
        return quit();
    }
    fprintf(stderr, "usage: standin run|quit\n");
    return 2;
}
