#!/usr/bin/env bash
# Installs and uninstalls target/release/TrayTalk-<version>-setup.exe for real, silently, in 32-bit Wine
# (installer/wine32.sh; Inno Setup's setup needs a display even when silent, so Xvfb runs on $TRAYTALK_XVFB_DISPLAY).
# Each case starts from a fresh copy of the same Wine prefix and checks the files, shortcuts, registry and setup logs.
# Cases 1-5 and 8-11 run a test build of the setup that downloads its Java runtime from a server on 127.0.0.1
# (installer/test/RuntimeServer.java) instead of Adoptium: a stand-in zip shaped like Temurin's, whose java.exe
# (installer/test/java-standin.c) records how a launcher started it.
#   1. per-user install with the default tasks ("Start at logon") plus a desktop icon (firewall asked for, ignored),
#      then uninstall (history kept);
#   2. per-user install without tasks, the Run value written the way the app writes it, the setup run again over
#      the installation (upgrade path), then uninstall: the app's own Run value goes too;
#   3. all-users install with the firewall task: netsh adds both rules, the uninstaller deletes them;
#   4. the uninstaller run at the screen (xdotool answers its dialogs): Yes deletes history and settings;
#   5. a running TrayTalk (installer/test/standin.c: holds the mutex, answers `traytalkc quit`) is closed by the
#      setup run again and by the uninstaller;
#   6. a setup bundling a Java runtime folder (a stand-in folder) installs it as {app}\runtime, and the downloading
#      setup run over it replaces it with the downloaded one.
#   7. a setup built without a runtime (TRAYTALK_NO_RUNTIME) looks for Java 17 where the launchers do (JAVA_HOME,
#      PATH, the JavaSoft registry keys; stand-in runtimes) and logs what it found; at the screen without Java it
#      shows its Java page, and its last page offers no "Launch TrayTalk"; the installed launcher explains.
#   8. the runtime downloaded: unpacked into {app}\runtime, the launchers start it with the pom's JVM options, the
#      setup run again downloads nothing, the uninstaller removes it;
#   9. a download with another SHA-256 is refused: the setup stops with a clear message, installs nothing and leaves
#      an earlier runtime as it was; at the screen, Retry after the server has the right file installs;
#  10. a download cut off halfway is tried again at once and then installed;
#  11. no server (no network): the setup stops and says to check the connection; nothing is installed;
#  12. the unpacking tool (installer/unzip-runtime.c) refuses archives that would write outside its folder or are
#      broken, and never unpacks into a folder that exists.
# Not covered (needs Windows with Java): the real TrayTalk running, and the real Temurin zip (no internet here). Not covered in Wine either: the Start menu
# shortcut's AppUserModelID (traytalk.iss sets it, SetupShortcutTest checks the script; bookworm's Wine 8 takes the
# property from a shell link's IPropertyStore with S_OK but writes nothing of it, and GetValue answers E_NOTIMPL: a
# test program that saved a link with it and read it back, 2026-12-08).
# The setup logs go to target/setup-test/. Needs root; run build-setup.sh (or release.sh) first.
set -euo pipefail
. "$(dirname "$0")/common.sh"
. "$(dirname "$0")/wine32.sh"
wine32_isolate "$@"

SETUP_NAME="TrayTalk-$VERSION-setup.exe"
SETUP="$RELEASE/$SETUP_NAME"
OUT="$TARGET/setup-test"
DISPLAY_NUM="${TRAYTALK_XVFB_DISPLAY:-:117}"
APP_GUID='{CD2BCE6B-F756-4E60-BB3E-BB0979CE7159}'
RUN_KEY='HKCU\Software\Microsoft\Windows\CurrentVersion\Run'
UNINSTALL_KEY="Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\${APP_GUID}_is1"
check_pe "$SETUP"
command -v Xvfb >/dev/null || die "Xvfb not found (apt-get install xvfb)"

command -v i686-w64-mingw32-gcc >/dev/null || die "i686-w64-mingw32-gcc not found (apt-get install gcc-mingw-w64-i686-win32)"
command -v jar >/dev/null || die "jar not found (apt-get install openjdk-17-jdk)"

# TRAYTALK_SETUP_CASES="1 7" runs only those cases, in that order (while working on one; "4 4 4" runs case 4 three
# times, to chase a flake); every case by default
want() { [ -z "${TRAYTALK_SETUP_CASES:-}" ] || [[ " $TRAYTALK_SETUP_CASES " == *" $1 "* ]]; }
t0=$(date +%s)
rm -rf "$OUT"
mkdir -p "$OUT"
i686-w64-mingw32-gcc -O2 -s -o "$OUT/standin.exe" "$ROOT/installer/test/standin.c" || die "cannot build the stand-in"
i686-w64-mingw32-gcc -O2 -s -o "$OUT/java-standin.exe" "$ROOT/installer/test/java-standin.c" \
    || die "cannot build the Java stand-in"

# A second setup bundling a Java runtime folder (TRAYTALK_RUNTIME_DIR). No Windows runtime can be had here, so the
# folder is a stand-in with a runtime's shape; built before this script holds the i386 root (build-setup.sh takes it).
runtime="$OUT/fake-runtime"
mkdir -p "$runtime/bin" "$runtime/lib"
cp "$OUT/standin.exe" "$runtime/bin/javaw.exe" && cp "$OUT/standin.exe" "$runtime/bin/java.exe"
printf 'JAVA_VERSION="17.0.99"\nIMPLEMENTOR="TrayTalk test stand-in"\n' > "$runtime/release"
head -c 100000 /dev/urandom > "$runtime/lib/modules"
echo "only in the bundled stand-in" > "$runtime/lib/bundled-only"
if want 6; then
    TRAYTALK_RUNTIME_DIR="$runtime" TRAYTALK_SETUP_OUT="$OUT/bundled" "$ROOT/installer/build-setup.sh" \
        || die "the setup with a bundled runtime did not build"
fi

# The download server on 127.0.0.1 (a free port) and what it serves: jre.zip, Temurin's shape (one top folder with
# bin\java.exe, bin\javaw.exe, release, lib\modules) around the Java stand-in; bad.zip differs in one byte.
JRE_RELEASE=17.0.99+1
SERVED="$OUT/served"
mkdir -p "$SERVED"
stand_in_jre() {  # stand_in_jre <zip> <byte of lib/modules>
    local top="$OUT/jre-stage/jdk-$JRE_RELEASE-jre"
    rm -rf "$OUT/jre-stage"
    mkdir -p "$top/bin" "$top/lib"
    cp "$OUT/java-standin.exe" "$top/bin/java.exe" && cp "$OUT/java-standin.exe" "$top/bin/javaw.exe"
    printf 'IMPLEMENTOR="TrayTalk test stand-in"\nJAVA_RUNTIME_VERSION="%s"\nJAVA_VERSION="17.0.99"\n' "$JRE_RELEASE" \
        > "$top/release"
    head -c 200000 /dev/zero | tr '\0' "$2" > "$top/lib/modules"
    jar --create --no-manifest --file "$1" -C "$OUT/jre-stage" "jdk-$JRE_RELEASE-jre"
}
stand_in_jre "$OUT/good.zip" a
stand_in_jre "$OUT/bad.zip" b
good_jre="$OUT/jre-stage-good"
rm -rf "$good_jre" && mkdir -p "$good_jre" && (cd "$good_jre" && jar --extract --file "$OUT/good.zip")
good_jre="$good_jre/jdk-$JRE_RELEASE-jre"
serve() { cp "$OUT/$1" "$SERVED/jre.zip"; }
serve good.zip
java "$ROOT/installer/test/RuntimeServer.java" "$SERVED" "$OUT/server.port" "$OUT/server.log" 2>"$OUT/server.err" &
server_pid=$!
wine32_cleanups+=("kill $server_pid")
wait_until 60 test -s "$OUT/server.port" || die "the download server did not start: $(cat "$OUT/server.err")"
JRE_SHA256="$(sha256sum "$OUT/good.zip" | cut -d ' ' -f 1)"
# the setups of the cases: a test build downloading from the server above, and one without any runtime (case 7)
TRAYTALK_TEST_JRE_URL="http://127.0.0.1:$(tr -d '\n' < "$OUT/server.port")/jre.zip" TRAYTALK_TEST_JRE_SHA256="$JRE_SHA256" \
    TRAYTALK_TEST_JRE_RELEASE="$JRE_RELEASE" TRAYTALK_SETUP_OUT="$OUT/download" "$ROOT/installer/build-setup.sh" \
    || die "the test setup that downloads from 127.0.0.1 did not build"
if want 6 || want 7; then
    TRAYTALK_NO_RUNTIME=1 TRAYTALK_SETUP_OUT="$OUT/noruntime" "$ROOT/installer/build-setup.sh" \
        || die "the setup without a runtime did not build"
fi
TEST_SETUP_WIN="Z:\\out\\download\\TrayTalk-$VERSION-test-setup.exe"
NO_RUNTIME_SETUP_WIN="Z:\\out\\noruntime\\$SETUP_NAME"

wine32_start "$OUT"
wine32_bind "$RELEASE" /release ro
start_xvfb "$DISPLAY_NUM" TRAYTALK_XVFB_DISPLAY
wine32_cleanups+=("kill $xvfb_pid")
await_xvfb

failures=0
pass() { say "ok: $*"; }
fail() { echo "$(basename "$0"): FAILED: $*" >&2; failures=$((failures + 1)); }
expect() { local what="$1"; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }

# The case's prefix, and helpers that run Wine programs in it and map Windows paths to host paths.
PREFIX=""
new_prefix() {
    [ -z "$PREFIX" ] || wine32_in "$PREFIX" wineserver -k >/dev/null 2>&1 || true
    PREFIX="/root/wine-test-$1"
    rm -rf "${WINE32_ROOT:?}$PREFIX"
    wine32_prefix "$PREFIX"
}
w() { wine32_in "$PREFIX" "$@"; }
# the data of a registry value, or nothing (and status 1) when it does not exist
reg_value() {
    w wine reg query "$1" /v "$2" 2>/dev/null | tr -d '\r' \
        | V="$2" perl -ne 'if (/^\s+\Q$ENV{V}\E\s+REG_\w+\s*(.*)$/) { print "$1\n"; $f = 1 } END { exit !$f }'
}
host_path() {
    local p
    [ -n "$1" ] || die "host_path: no Windows path"
    p="$(w wine winepath -u "$1" 2>/dev/null | tr -d '\r')"
    [ -n "$p" ] || die "winepath cannot map $1"
    echo "$WINE32_ROOT$p"
}
# the install folder from the uninstall entry under HKCU or HKLM; the case cannot go on without it
app_dir() {
    local dir
    dir="$(reg_value "$1\\$UNINSTALL_KEY" 'Inno Setup: App Path' || true)"
    [ -n "$dir" ] || die "no uninstall entry under $1 names the install folder: the install failed (log in $OUT)"
    pass "the uninstall entry under $1 names the install folder $dir"
    echo "$dir"
}
# run_setup <log name> <options...>; SETUP_WIN=<Windows path> runs another setup than the test build that downloads
run_setup() {
    local log="$1"; shift
    w wine "${SETUP_WIN:-$TEST_SETUP_WIN}" \
        /VERYSILENT /SUPPRESSMSGBOXES /NORESTART "/LOG=Z:\\out\\$log.log" "$@" || fail "setup $* exited $?"
    settle
}
# setup_refuses <log name> <options...>: the same for a setup that must stop; sets setup_status to its exit code
setup_status=0
setup_refuses() {
    local log="$1"; shift
    setup_status=0
    w wine "${SETUP_WIN:-$TEST_SETUP_WIN}" \
        /VERYSILENT /SUPPRESSMSGBOXES /NORESTART "/LOG=Z:\\out\\$log.log" "$@" || setup_status=$?
    settle
    expect "the setup stopped with exit code $setup_status" test "$setup_status" != 0
}
run_uninstaller() {  # run_uninstaller <log name> <app dir, Windows>
    w wine "$2\\unins000.exe" \
        /VERYSILENT /SUPPRESSMSGBOXES /NORESTART "/LOG=Z:\\out\\$1.log" || fail "uninstaller exited $?"
    settle
}
# waits until no setup or uninstaller process is left (the uninstaller runs a copy of itself from a temporary
# folder); Wine's own services stay, for the next step
settle() {
    wait_until 300 no_setup_running || { fail "setup processes still running after 300 s"; screen_report >&2; }
}
no_setup_running() { ! pgrep -f 'setup\.exe|setup\.tmp|unins000|_iu[0-9A-Z]+\.tmp' >/dev/null; }
# What was on the screen and running when a step failed, so that the failure explains itself: the windows of the
# display that show or have a title (id, map state, title, program, geometry) and the processes in the i386 root.
screen_report() {
    local id rest state
    echo "windows on $DISPLAY (shown or titled):"
    xwininfo -root -children 2>/dev/null | grep -E '^ +0x' | while read -r id rest; do
        state="$(xwininfo -id "$id" 2>/dev/null | sed -n 's/^ *Map State: //p')"
        [ "$state" = IsViewable ] || [[ "$rest" != '(has no name)'* ]] || continue
        echo "  $id ${state:-gone} $rest"
    done
    echo "processes in the i386 root:"
    wine32_processes | sed 's/^/  /'
}
# Sets $window to the last shown window whose title matches $1; status 1 while there is none. One look, so that a
# failed look is tried again: Debian 12's xdotool (3.20160805) ends a search at the first X error, and a window
# that goes away while it looks gives one (BadWindow; conhost.exe of the setup's `traytalkc quit` makes and drops
# windows just when the uninstaller's dialogs come). Its errors go to xdotool.err.
window=""
shown_window() {
    window="$(xdotool search --onlyvisible --name "$1" 2>>"$OUT/xdotool.err" | tail -n 1)"
    [ -n "$window" ]
}
# window_drawn <id>: the window looks as it did half a second before (fewer than 100 pixels differ: a caret may
# blink), so it is drawn and takes keys; the look before is in $OUT/look-before.png, none at the first call
window_drawn() {
    local differ
    import -display "$DISPLAY" -window "$1" "$OUT/look.png" 2>/dev/null || return 1
    if [ -f "$OUT/look-before.png" ]; then
        differ="$(compare -metric AE "$OUT/look-before.png" "$OUT/look.png" null: 2>&1 | cut -d' ' -f1)"
        [[ "$differ" =~ ^[0-9]+$ ]] && (( differ < 100 )) && return 0
    fi
    mv "$OUT/look.png" "$OUT/look-before.png"
    return 1
}
# answers the dialog whose title matches $1 with key $2 once it shows, and keeps a screenshot of it
answer() {
    local id
    if ! wait_until 180 shown_window "$1"; then fail "no window \"$1\" within 180 s"; screen_report >&2; return 1; fi
    id="$window"
    rm -f "$OUT/look-before.png"
    wait_until 10 window_drawn "$id" || say "the window \"$1\" still changed after 10 s; answering it anyway"
    import -display "$DISPLAY" -window root "$OUT/$3.png" 2>/dev/null || true
    timeout 30 xdotool windowfocus --sync "$id" 2>/dev/null || true
    if ! xdotool key --window "$id" "$2" 2>>"$OUT/xdotool.err"; then
        fail "could not press $2 in the window \"$1\" ($id)"; screen_report >&2; return 1
    fi
    pass "answered \"$(xdotool getwindowname "$id" 2>/dev/null)\" with $2 (screenshot $3.png)"
}
# answer_message <log> <n> <text> <title> <key> <screenshot>: the nth message box of the setup or uninstaller that
# writes <log> (it logs each before showing it) must say <text>; it is answered with <key> and the log must then
# have the answer. The title alone cannot tell the uninstaller's dialogs apart ("TrayTalk Uninstall" is also its
# progress window's), and a key pressed before the box is there would be lost.
answer_message() {
    local log="$1" n="$2" text="$3" said
    if ! wait_until 180 log_has "$log" "$n" 'Message box ('; then
        fail "$log: no message box $n (\"$text\") within 180 s"; screen_report >&2; return 1
    fi
    said="$(message_text "$log" "$n")"
    [[ "$said" == *"$text"* ]] || { fail "$log: message box $n says \"$said\", not \"$text\""; return 1; }
    answer "$4" "$5" "$6" || return 1
    if ! wait_until 60 log_has "$log" "$n" 'User chose '; then
        fail "$log: no answer to message box $n (\"$text\") within 60 s of $5"; screen_report >&2; return 1
    fi
    pass "$log: message box $n \"$text\": $(log_lines "$log" 'User chose ' | sed -n "${n}p")"
}
# the lines of the setup log <name> (CRLF) that contain $2, without their time stamps
log_lines() { tr -d '\r' 2>/dev/null < "$OUT/$1.log" | grep -F -- "$2" | sed 's/^[-0-9]* [0-9:.]*  *//'; }
# log_has <name> <n> <text>: the setup log has at least n lines containing text
log_has() { (( $(log_lines "$1" "$3" | wc -l) >= $2 )); }
# the first line of the text of the nth message box in the setup log <name>
message_text() {
    tr -d '\r' 2>/dev/null < "$OUT/$1.log" \
        | awk -v n="$2" '/Message box \(/ { if (++m == n) { getline; sub(/^ +/, ""); print; exit } }'
}
# After a failed step at the screen, whose dialog would wait for ever (and the uninstaller's first phase for it):
# ends the case's Wine processes and the background process $1 that started them, so that the next cases run.
end_at_the_screen() {
    w wineserver -k >/dev/null 2>&1 || true
    wait "$1" 2>/dev/null || true
}
# wizard_keys <screenshot name> <key>...: presses each key in the setup's wizard as its next page shows
# (screenshots <name>-1.png, <name>-2.png...)
wizard_keys() {
    local name="$1" n=0 key
    shift
    for key in "$@"; do
        n=$((n + 1))
        answer '^Setup - TrayTalk ' "$key" "$name-$n" || return 1
    done
}
# finish_at_the_screen <log name> <setup pid> <screenshot name>: once the setup's log says its last page shows,
# presses Finish; the setup must then end
finish_at_the_screen() {
    wait_until 120 grep -qs 'TrayTalk: the last page is shown' "$OUT/$1.log" \
        || fail "the setup at the screen did not reach its last page within 120 s"
    answer '^Setup - TrayTalk ' alt+f "$3"
    expect "the setup at the screen ended after Finish" ended_within "$2" 120
    settle
}
same_file() { cmp -s "$1" "$2"; }
# the background process $1 ends within $2 seconds (and is reaped); else it is killed and the status is 1.
# Only that process is waited for (never a bare `wait`: Xvfb is a child of this shell too).
ended_within() {
    if wait_until "$2" process_ended "$1"; then
        wait "$1" || true
        return 0
    fi
    kill "$1" 2>/dev/null || true
    return 1
}
# the setup log <name> (CRLF) says what it found of Java: a regular expression. (grep reads to the end: with grep -q,
# tr could be cut off with SIGPIPE, which pipefail counts as a failure.)
java_said() { tr -d '\r' < "$OUT/$1.log" | grep "TrayTalk: Java: $2" >/dev/null; }
no_file() { [ ! -e "$1" ]; }
lnk_targets() { [ -s "$1" ] && grep -aq 'TrayTalk\.exe' "$1"; }

# --- 1. per user, with autostart and desktop icon ---
per_user_with_default_tasks() {
    local hist app app_host run_value menu desk exe
    new_prefix user
    hist="$(host_path 'C:\users\root\AppData\Local\TrayTalk')"
    mkdir -p "$hist" && echo "history kept" > "$hist/history.db"
    say "case 1: per-user install, default tasks plus desktopicon,firewall"
    # "Start at logon" is not named: it is checked by default. Firewall is: the task exists only for all-users
    # installs, so it must be ignored here.
    run_setup install-user /CURRENTUSER /MERGETASKS=desktopicon,firewall
    expect "a per-user install runs no netsh" sh -c "! grep -qi netsh '$OUT/install-user.log'"
    expect "the setup says it brings the runtime" \
        java_said install-user "Eclipse Temurin JRE $JRE_RELEASE, downloaded by this setup into"
    app="$(app_dir HKCU)"
    expect "the uninstall entry shows version $VERSION" \
        test "$(reg_value "HKCU\\$UNINSTALL_KEY" DisplayVersion || true)" = "$VERSION"
    expect "the uninstall entry is called TrayTalk" \
        test "$(reg_value "HKCU\\$UNINSTALL_KEY" DisplayName || true)" = "TrayTalk"
    app_host="$(host_path "$app")"
    for exe in TrayTalk.exe traytalkc.exe; do
        expect "$exe installed unchanged in $app" same_file "$TARGET/$exe" "$app_host/$exe"
    done
    expect "the uninstaller is installed" test -s "$app_host/unins000.exe"
    run_value="$(reg_value "$RUN_KEY" TrayTalk || true)"
    expect "Run value starts TrayTalk minimized: $run_value" test "$run_value" = "\"$app\\TrayTalk.exe\" --minimized"
    expect "the runtime was downloaded into $app\\runtime" same_file "$good_jre/lib/modules" "$app_host/runtime/lib/modules"
    menu="$(host_path 'C:\users\root\AppData\Roaming\Microsoft\Windows\Start Menu\Programs')/TrayTalk.lnk"
    desk="$(host_path 'C:\users\root\Desktop')/TrayTalk.lnk"
    expect "Start menu shortcut to TrayTalk.exe" lnk_targets "$menu"
    expect "desktop shortcut to TrayTalk.exe" lnk_targets "$desk"
    say "case 1: uninstall"
    run_uninstaller uninstall-user "$app"
    expect "uninstall removed the Run value" test -z "$(reg_value "$RUN_KEY" TrayTalk || true)"
    expect "uninstall removed the uninstall entry" test -z "$(reg_value "HKCU\\$UNINSTALL_KEY" DisplayName || true)"
    expect "uninstall removed the program folder" no_file "$app_host/TrayTalk.exe"
    expect "uninstall removed the Start menu shortcut" no_file "$menu"
    expect "uninstall removed the desktop shortcut" no_file "$desk"
    expect "a silent uninstall keeps the history" test "$(cat "$hist/history.db" 2>/dev/null)" = "history kept"
}

# --- 2. per user, no tasks; the app switches autostart on; setup again; uninstall ---
per_user_without_tasks() {
    local app app_host app_value
    new_prefix notasks
    say "case 2: per-user install without tasks"
    run_setup install-notasks /CURRENTUSER '/TASKS='
    app="$(app_dir HKCU)"
    app_host="$(host_path "$app")"
    expect "installed without tasks" test -s "$app_host/TrayTalk.exe"
    expect "no Run value without the autostart task" test -z "$(reg_value "$RUN_KEY" TrayTalk || true)"
    expect "no desktop shortcut without the desktopicon task" \
        no_file "$(host_path 'C:\users\root\Desktop')/TrayTalk.lnk"
    # what RunKeyAutostart writes when "Start at logon" is switched on in the tray menu (LaunchCommand.forWindows)
    app_value="$app\\TrayTalk.exe --minimized"
    [[ "$app" != *" "* ]] || app_value="\"$app\\TrayTalk.exe\" --minimized"
    w wine reg add "$RUN_KEY" /v TrayTalk /t REG_SZ /d "$app_value" /f >/dev/null 2>&1 || fail "reg add $RUN_KEY"
    say "case 2: the setup again over the installation"
    run_setup reinstall-notasks /CURRENTUSER '/TASKS='
    expect "the second setup kept the installation" same_file "$TARGET/TrayTalk.exe" "$app_host/TrayTalk.exe"
    expect "the second setup left one uninstall entry" \
        test "$(reg_value "HKCU\\$UNINSTALL_KEY" 'Inno Setup: App Path' || true)" = "$app"
    say "case 2: uninstall"
    run_uninstaller uninstall-notasks "$app"
    expect "uninstall removed the Run value the app wrote" test -z "$(reg_value "$RUN_KEY" TrayTalk || true)"
    expect "uninstall removed the program folder" no_file "$app_host/TrayTalk.exe"
}

# --- 3. all users, firewall ---
all_users_with_firewall() {
    local app rule
    new_prefix allusers
    say "case 3: all-users install, tasks autostart,firewall"
    run_setup install-all /ALLUSERS /TASKS=autostart,firewall
    app="$(app_dir HKLM)"
    expect "installed in Program Files" grep -qi '^C:\\Program Files' <<<"$app"
    expect "installed all-users" test -s "$(host_path "$app")/TrayTalk.exe"
    expect "Run value for the installing user" \
        test "$(reg_value "$RUN_KEY" TrayTalk || true)" = "\"$app\\TrayTalk.exe\" --minimized"
    for rule in 'TrayTalk (UDP 42138)' 'TrayTalk NetBIOS (UDP 137, 138)'; do
        expect "the setup ran netsh to add the rule \"$rule\"" \
            grep -q "advfirewall firewall add rule name=\"$rule\" dir=in action=allow protocol=UDP" \
            "$OUT/install-all.log"
    done
    run_uninstaller uninstall-all "$app"
    for rule in 'TrayTalk (UDP 42138)' 'TrayTalk NetBIOS (UDP 137, 138)'; do
        expect "the uninstaller ran netsh to delete the rule \"$rule\"" \
            grep -q "advfirewall firewall delete rule name=\"$rule\"" "$OUT/uninstall-all.log"
    done
    expect "uninstall removed the all-users Run value" test -z "$(reg_value "$RUN_KEY" TrayTalk || true)"
    expect "uninstall removed the all-users program folder" no_file "$(host_path "$app")/TrayTalk.exe"
}

# --- 4. the uninstaller's question, answered Yes by a user at the screen ---
uninstall_at_the_screen() {
    local hist conf app app_host uninstaller
    new_prefix interactive
    hist="$(host_path 'C:\users\root\AppData\Local\TrayTalk')"
    conf="$(host_path 'C:\users\root\AppData\Roaming\TrayTalk')"
    mkdir -p "$hist" "$conf"
    echo "old history" > "$hist/history.db"
    echo "nick = me" > "$conf/traytalk.properties"
    say "case 4: per-user install, then the uninstaller at the screen: Yes to deleting history and settings"
    run_setup install-interactive /CURRENTUSER
    app="$(app_dir HKCU)"
    app_host="$(host_path "$app")"
    w wine "$app\\unins000.exe" '/LOG=Z:\out\uninstall-interactive.log' >/dev/null 2>&1 &
    uninstaller=$!
    # its message boxes: are you sure, delete history and settings (traytalk.iss's MsgBox, titled "Uninstall"), done
    if ! { answer_message uninstall-interactive 1 'Are you sure you want to completely remove TrayTalk' \
                '^TrayTalk Uninstall$' y uninstall-1-confirm \
            && answer_message uninstall-interactive 2 'Also delete your TrayTalk message history and settings?' \
                '^Uninstall$' y uninstall-2-delete-history \
            && answer_message uninstall-interactive 3 'TrayTalk was successfully removed' \
                '^TrayTalk Uninstall$' Return uninstall-3-done; }; then
        end_at_the_screen "$uninstaller"
    fi
    wait "$uninstaller" || true
    settle
    expect "Yes deleted the history folder" no_file "$hist"
    expect "Yes deleted the settings folder" no_file "$conf"
    expect "the interactive uninstall removed the program" no_file "$app_host/TrayTalk.exe"
}

# --- 5. a running TrayTalk is closed by the setup (upgrade) and by the uninstaller ---
# The stand-in's log (a host path) and its Wine process, while case 5 runs.
standin_log=""
standin_pid=""
standin_said() { tr -d '\r' 2>/dev/null < "$standin_log" | grep -x "$1" >/dev/null; }
standin_exited() { ended_within "$standin_pid" 60; }
# start_standin <app dir, Windows> <app dir, host>: starts the stand-in as the running TrayTalk and makes it the
# installed traytalkc.exe (which the setup runs)
start_standin() {
    rm -f "$standin_log"
    cp "$OUT/standin.exe" "$2/standin.exe"
    cp "$OUT/standin.exe" "$2/traytalkc.exe"
    w wine "$1\\standin.exe" run >/dev/null 2>&1 &
    standin_pid=$!
    wait_until 120 standin_said running || fail "the stand-in did not start within 120 s"
}
running_traytalk_closed() {
    local app app_host
    new_prefix running
    say "case 5: a running TrayTalk (stand-in) and the setup run again, then the uninstaller"
    run_setup install-running /CURRENTUSER '/TASKS='
    app="$(app_dir HKCU)"
    app_host="$(host_path "$app")"
    standin_log="$(host_path 'C:\traytalk-standin.log')"
    start_standin "$app" "$app_host"
    run_setup upgrade-running /CURRENTUSER '/TASKS='
    expect "the setup asked the running TrayTalk to quit, and it did" standin_said 'quit received'
    expect "the setup waited for it to exit" standin_said 'quit: done'
    expect "the stand-in has exited" standin_exited
    expect "then the setup replaced traytalkc.exe" same_file "$TARGET/traytalkc.exe" "$app_host/traytalkc.exe"
    expect "the setup log shows no warning about a running TrayTalk" \
        sh -c "! grep -qi 'currently running' '$OUT/upgrade-running.log'"
    start_standin "$app" "$app_host"
    run_uninstaller uninstall-running "$app"
    expect "the uninstaller asked the running TrayTalk to quit, and it did" standin_said 'quit received'
    expect "the uninstaller removed the program" no_file "$app_host/TrayTalk.exe"
    expect "the stand-in has exited" standin_exited
}

# --- 6. a setup that bundles a Java runtime, then the ordinary setup over it ---
bundled_runtime() {
    local app app_host f
    new_prefix bundled
    wine32_bind "$OUT/bundled" /bundled ro
    say "case 6: the setup with a bundled runtime, then the downloading setup over it, then one without a runtime"
    SETUP_WIN="Z:\\bundled\\$SETUP_NAME" run_setup install-bundled /CURRENTUSER
    app="$(app_dir HKCU)"
    app_host="$(host_path "$app")"
    for f in bin/javaw.exe bin/java.exe release lib/modules; do
        expect "the bundled runtime's $f is in $app\\runtime" same_file "$runtime/$f" "$app_host/runtime/$f"
    done
    expect "the setup with a runtime knows it needs no other Java" \
        java_said install-bundled 'the runtime bundled with this setup'
    run_setup reinstall-download /CURRENTUSER
    expect "the downloading setup replaced the bundled runtime (the launchers would prefer it)" \
        same_file "$good_jre/lib/modules" "$app_host/runtime/lib/modules"
    expect "nothing of the bundled runtime is left" no_file "$app_host/runtime/lib/bundled-only"
    expect "nor the folder it was moved to" no_file "$app_host/runtime.old"
    expect "and installed TrayTalk" same_file "$TARGET/TrayTalk.exe" "$app_host/TrayTalk.exe"
    SETUP_WIN="$NO_RUNTIME_SETUP_WIN" run_setup reinstall-unbundled /CURRENTUSER
    expect "a setup without a runtime removed the downloaded one" no_file "$app_host/runtime"
}

# --- 7. the setup looks for Java where the launchers do, and says what it found ---
java_search() {
    local v home app setup_pid nojava
    local SETUP_WIN="$NO_RUNTIME_SETUP_WIN"
    new_prefix java
    say "case 7: a setup without a runtime: Java found or not: registry, JAVA_HOME, PATH; the Java page at the screen"
    # runtimes with a runtime's shape: bin\javaw.exe and the release file that names the version
    for v in 11.0.2 17.0.99 21.0.1; do
        home="$(host_path "C:\\")/java${v%%.*}"
        mkdir -p "$home/bin"
        cp "$OUT/standin.exe" "$home/bin/javaw.exe"
        printf 'IMPLEMENTOR="TrayTalk test stand-in"\nJAVA_VERSION="%s"\n' "$v" > "$home/release"
    done
    w wine reg add 'HKLM\SOFTWARE\JavaSoft\JDK\11.0.2' /v JavaHome /t REG_SZ /d 'C:\java11' /f >/dev/null 2>&1
    run_setup java-old /CURRENTUSER '/TASKS='
    expect "a Java 11 in the registry is named as too old" java_said java-old \
        'no Java 17 or later found; Java 11 in C:\\java11 (registry HKLM\\SOFTWARE\\JavaSoft\\JDK\\11.0.2) is too old$'
    w wine reg add 'HKLM\SOFTWARE\JavaSoft\JRE\21' /v JavaHome /t REG_SZ /d "C:\\java21\\" /f >/dev/null 2>&1
    run_setup java-registry /CURRENTUSER '/TASKS='
    expect "a Java 21 in the registry is found" \
        java_said java-registry 'Java 21 found in C:\\java21 (registry HKLM\\SOFTWARE\\JavaSoft\\JRE\\21)$'
    w wine reg add 'HKCU\Environment' /v JAVA_HOME /t REG_SZ /d 'C:\java17' /f >/dev/null 2>&1
    run_setup java-home /CURRENTUSER '/TASKS='
    expect "JAVA_HOME comes first, as in the launchers" java_said java-home 'Java 17 found in C:\\java17 (JAVA_HOME)$'
    expect "with Java found the Java page is skipped" sh -c "! grep -aq 'the Java page is shown' '$OUT/java-home.log'"
    expect "and the last page is not the one without Java" \
        sh -c "! grep -aq 'finished without Java' '$OUT/java-home.log'"
    expect "with Java too old the Java page is shown" grep -aq 'the Java page is shown' "$OUT/java-old.log"
    w wine reg delete 'HKCU\Environment' /v JAVA_HOME /f >/dev/null 2>&1
    w wine reg add 'HKCU\Environment' /v PATH /t REG_SZ /d 'C:\java17\bin' /f >/dev/null 2>&1
    run_setup java-path /CURRENTUSER '/TASKS='
    expect "a java on the PATH comes before the registry" java_said java-path 'Java 17 found in C:\\java17 (PATH)$'
    w wine reg delete 'HKCU\Environment' /v PATH /f >/dev/null 2>&1
    w wine reg delete 'HKLM\SOFTWARE\JavaSoft' /f >/dev/null 2>&1
    # At the screen, without Java: the Java page comes after the tasks, and the last page offers no "Launch TrayTalk"
    # (the launcher could only say that Java is missing). Its buttons are pressed by their keys (Alt+N, I, F).
    app="$(reg_value "HKCU\\$UNINSTALL_KEY" 'Inno Setup: App Path' || true)"
    [ -z "$app" ] || run_uninstaller java-uninstall "$app"
    w wine "$SETUP_WIN" /CURRENTUSER '/LOG=Z:\out\java-screen.log' >/dev/null 2>&1 &
    setup_pid=$!
    # folder, tasks, the Java page, ready
    wizard_keys java alt+n alt+n alt+n alt+i || { end_at_the_screen "$setup_pid"; return; }
    finish_at_the_screen java-screen "$setup_pid" java-finished
    expect "the setup at the screen found no Java" java_said java-screen 'no Java 17 or later found$'
    expect "it showed the Java page" grep -q 'TrayTalk: the Java page is shown' "$OUT/java-screen.log"
    expect "its last page offered no Launch TrayTalk" grep -q 'TrayTalk: finished without Java' "$OUT/java-screen.log"
    app="$(app_dir HKCU)"
    expect "and it installed TrayTalk" test -s "$(host_path "$app")/TrayTalk.exe"
    # no Windows Java here: the console launcher must say so, and what to do (launch4j's jreNotFoundErr, pom.xml)
    nojava="$(WINE32_TIMEOUT=300 w wine "$app\\traytalkc.exe" --version 2>&1 | tr -d '\r' || true)"
    expect "without Java the launcher explains: $nojava" \
        grep -q 'could not find Java.*Version needed: at least 17' <<<"$nojava"
}

# --- 8-11: the runtime downloaded from the server on 127.0.0.1 ---
# the server's answers so far, and those after the first $1
server_answers() { if [ -f "$OUT/server.log" ]; then wc -l < "$OUT/server.log"; else echo 0; fi; }
answers_since() { tail -n +"$(( $1 + 1 ))" "$OUT/server.log" 2>/dev/null; }
full_answers_since() { answers_since "$1" | grep -c ' -> 200 [0-9]* bytes$'; }
# the setup log <name> has a line matching the regular expression $2
setup_said() { tr -d '\r' < "$OUT/$1.log" | grep -- "$2" >/dev/null; }
same_runtime() { same_file "$good_jre/lib/modules" "$1/runtime/lib/modules"; }
# launcher_starts_runtime <app dir, Windows> <launcher> <java exe>: the launcher starts the java of {app}\runtime with
# every JVM option of the pom's traytalk.jvm.options (the Java stand-in writes down how it was started)
launcher_starts_runtime() {
    local jlog line opt missing=""
    jlog="$(host_path "C:\\")/traytalk-java.log"
    rm -f "$jlog"
    WINE32_TIMEOUT=300 w wine "$1\\$2" --version >/dev/null 2>&1 || true
    wait_until 60 test -s "$jlog" || true
    line="$(tr -d '\r' 2>/dev/null < "$jlog" | sed -n 1p)"
    expect "$2 started the downloaded runtime: $line" grep -qiF "$1\\runtime\\bin\\$3 [" <<<"$line"
    for opt in $JVM_OPTIONS; do
        grep -qF "[$opt]" <<<"$line" || missing="$missing $opt"
    done
    expect "$2 passed it every JVM option of the pom (missing:${missing:- none})" test -z "$missing"
}

download_installs_runtime() {
    local app app_host before f
    new_prefix download
    serve good.zip
    say "case 8: the runtime downloaded, started by the launchers, kept by the setup run again, uninstalled"
    before="$(server_answers)"
    run_setup install-download /CURRENTUSER '/TASKS='
    app="$(app_dir HKCU)"
    app_host="$(host_path "$app")"
    expect "the setup downloaded the runtime once" test "$(full_answers_since "$before")" = 1
    expect "and found the SHA-256 pinned in the build" setup_said install-download "SHA-256 $JRE_SHA256 as pinned"
    for f in bin/java.exe bin/javaw.exe release lib/modules; do
        expect "the runtime's $f is unpacked into $app\\runtime" same_file "$good_jre/$f" "$app_host/runtime/$f"
    done
    expect "the runtime names the archive it came from" \
        test "$(cat "$app_host/runtime/traytalk-runtime.sha256" 2>/dev/null)" = "$JRE_SHA256"
    expect "no unpacking folder is left" no_file "$app_host/runtime.new"
    launcher_starts_runtime "$app" traytalkc.exe java.exe
    launcher_starts_runtime "$app" TrayTalk.exe javaw.exe
    before="$(server_answers)"
    run_setup reinstall-download /CURRENTUSER '/TASKS='
    expect "the setup run again finds that runtime in place" setup_said reinstall-download 'already: no download$'
    expect "and downloads nothing" test "$(server_answers)" = "$before"
    run_uninstaller uninstall-download "$app"
    expect "the uninstaller removed the runtime" no_file "$app_host/runtime"
    expect "and the program folder" no_file "$app_host"
}

download_refuses_bad_checksum() {
    local app app_host before setup_pid
    new_prefix badsum
    serve bad.zip
    say "case 9: a download with another SHA-256: refused, nothing installed, an earlier runtime kept; Retry at the screen"
    before="$(server_answers)"
    setup_refuses badsum /CURRENTUSER '/TASKS='
    expect "the setup tried three downloads" test "$(full_answers_since "$before")" = 3
    expect "and says why it stopped" setup_said badsum 'its SHA-256 checksum differs, so it was not'
    expect "and that nothing was changed" setup_said badsum 'Nothing has been changed on this computer'
    expect "nothing installed: no uninstall entry" test -z "$(reg_value "HKCU\\$UNINSTALL_KEY" DisplayName || true)"
    app='C:\users\root\AppData\Local\Programs\TrayTalk'
    app_host="$(host_path "$app")"
    expect "nothing installed: no program folder" no_file "$app_host"
    # the runtime of an earlier installation, from another archive: the refused download must leave it alone
    mkdir -p "$app_host/runtime/bin"
    echo "an earlier runtime" > "$app_host/runtime/bin/javaw.exe"
    echo "0123" > "$app_host/runtime/traytalk-runtime.sha256"
    setup_refuses badsum-upgrade /CURRENTUSER '/TASKS='
    expect "an earlier runtime stays as it was" test "$(cat "$app_host/runtime/bin/javaw.exe")" = "an earlier runtime"
    expect "no unpacking folder is left" no_file "$app_host/runtime.new"
    rm -rf "$app_host"
    # At the screen the message offers Retry: pressed once the server has the right file, the setup goes on and
    # installs. Buttons are pressed by their keys: Alt+N, Alt+I (Install), R (Retry), Alt+F (Finish).
    w wine "$TEST_SETUP_WIN" /CURRENTUSER '/TASKS=' '/LOG=Z:\out\badsum-screen.log' >/dev/null 2>&1 &
    setup_pid=$!
    # folder, tasks, ready
    wizard_keys badsum alt+n alt+n alt+i || { end_at_the_screen "$setup_pid"; return; }
    wait_until 120 grep -qs 'TrayTalk: runtime: not installed' "$OUT/badsum-screen.log" \
        || fail "the setup at the screen did not refuse the download within 120 s"
    serve good.zip
    answer '^Setup$' r badsum-message
    finish_at_the_screen badsum-screen "$setup_pid" badsum-finished
    expect "Retry downloaded again" setup_said badsum-screen 'Retry: downloading again$'
    expect "and installed the runtime" same_runtime "$app_host"
}

download_cut_off_retried() {
    local app app_host before
    new_prefix cut
    serve good.zip
    touch "$SERVED/jre.zip.cut"
    say "case 10: the first download cut off halfway, the second one installed"
    before="$(server_answers)"
    run_setup install-cut /CURRENTUSER '/TASKS='
    expect "the first download was cut off halfway" grep -q 'cut after' <<<"$(answers_since "$before" | sed -n 1p)"
    expect "the setup noticed" setup_said install-cut 'download 1 of 3 failed'
    expect "and downloaded it again at once" test "$(full_answers_since "$before")" = 1
    app="$(app_dir HKCU)"
    app_host="$(host_path "$app")"
    expect "then installed the runtime" same_runtime "$app_host"
}

download_without_network() {
    local app_host
    new_prefix offline
    say "case 11: no server to download from: the setup stops and explains"
    kill "$server_pid" 2>/dev/null || true
    ended_within "$server_pid" 30 || fail "the download server did not stop"
    setup_refuses offline /CURRENTUSER '/TASKS='
    expect "the setup tried three times" test "$(tr -d '\r' < "$OUT/offline.log" | grep -c 'download [0-9] of 3 failed')" = 3
    expect "and says it could not download the runtime" \
        setup_said offline 'Setup could not download the Java runtime that TrayTalk needs'
    expect "and what to check" setup_said offline 'Check that this computer is connected to the internet'
    expect "nothing installed: no uninstall entry" test -z "$(reg_value "HKCU\\$UNINSTALL_KEY" DisplayName || true)"
    app_host="$(host_path 'C:\users\root\AppData\Local\Programs\TrayTalk')"
    expect "nothing installed: no program folder" no_file "$app_host"
}

# --- 12. the tool that unpacks the runtime, on archives it must refuse ---
# unsafe_zip <file> <name>...: a zip with a small entry per name, written as given (perl's IO::Compress::Zip)
unsafe_zip() {
    perl -MIO::Compress::Zip=:all -e '
        my $out = shift;
        my $z = IO::Compress::Zip->new($out, Name => shift, Method => ZIP_CM_DEFLATE) or die "$ZipError\n";
        $z->print("data");
        for my $name (@ARGV) { $z->newStream(Name => $name, Method => ZIP_CM_DEFLATE); $z->print("data"); }
        $z->close;' "$@" || die "cannot write $1"
}
unzip_refuses_bad_archives() {
    local name status said escaped
    new_prefix unzip
    say "case 12: unzip-runtime.exe refuses archives that are broken or would write outside its folder"
    cp "$TARGET/installer/unzip-runtime.exe" "$OUT/unzip-runtime.exe"
    unsafe_zip "$OUT/climbing.zip" jdk/bin/java.exe 'jdk/../../escaped.txt'
    unsafe_zip "$OUT/backslash.zip" jdk/bin/java.exe 'jdk/..\..\escaped.txt'
    unsafe_zip "$OUT/absolute.zip" '/escaped.txt'
    unsafe_zip "$OUT/drive.zip" jdk/bin/java.exe 'jdk/C:escaped.txt'
    unsafe_zip "$OUT/two-tops.zip" jdk/bin/java.exe 'other/escaped.txt'
    unsafe_zip "$OUT/twice.zip" jdk/bin/java.exe jdk/bin/java.exe
    head -c 20000 "$OUT/good.zip" > "$OUT/truncated.zip"
    # one stored entry of 100000 "a": a byte changed in its middle must fail the CRC-32
    head -c 100000 /dev/zero | tr '\0' a | perl -MIO::Compress::Zip=:all -e \
        'zip(\*STDIN => $ARGV[0], Name => "jdk/lib/modules", Method => ZIP_CM_STORE) or die "$ZipError\n"' \
        "$OUT/changed.zip" || die "cannot write changed.zip"
    printf b | dd of="$OUT/changed.zip" bs=1 seek=50000 conv=notrunc status=none
    for name in climbing backslash absolute drive two-tops twice truncated changed; do
        status=0
        # into a file, not a pipe: a wineserver started by this wine would keep the pipe open
        w wine 'Z:\out\unzip-runtime.exe' "Z:\\out\\$name.zip" "C:\\unzip-$name" >"$OUT/unzip-$name.txt" 2>&1 \
            || status=$?
        said="$(tr -d '\r' < "$OUT/unzip-$name.txt")"
        expect "$name.zip is refused (exit code $status): $said" test "$status" = 1
    done
    escaped="$(find "$(host_path "C:\\")" -name 'escaped*' | head -n 3)"
    expect "nothing was written outside the new folders${escaped:+: $escaped}" test -z "$escaped"
    w wine 'Z:\out\unzip-runtime.exe' 'Z:\out\good.zip' 'C:\unzip-good' >/dev/null 2>&1 || fail "good.zip: exit $?"
    expect "the good archive unpacks" same_file "$good_jre/lib/modules" "$(host_path 'C:\unzip-good')/lib/modules"
    status=0
    w wine 'Z:\out\unzip-runtime.exe' 'Z:\out\good.zip' 'C:\unzip-good' >/dev/null 2>&1 || status=$?
    expect "but never into a folder that exists (exit code $status)" test "$status" = 1
}

cases=(per_user_with_default_tasks per_user_without_tasks all_users_with_firewall uninstall_at_the_screen
    running_traytalk_closed bundled_runtime java_search download_installs_runtime download_refuses_bad_checksum
    download_cut_off_retried download_without_network unzip_refuses_bad_archives)
for n in ${TRAYTALK_SETUP_CASES:-$(seq ${#cases[@]})}; do
    if ! [[ "$n" =~ ^[0-9]+$ ]] || (( n < 1 || n > ${#cases[@]} )); then die "TRAYTALK_SETUP_CASES: no case $n"; fi
    "${cases[$(( n - 1 ))]}"
done

[ "$failures" = 0 ] || die "$failures check(s) failed; setup logs in $OUT"
say "all checks passed in $(( $(date +%s) - t0 )) s; setup logs in $OUT"
