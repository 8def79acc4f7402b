#!/usr/bin/env bash
# Installs target/release/traytalk_<version>_amd64.deb on this machine (root) and uses it the way a person would:
# the installed program runs, its menu entry and icon are in place, "Start at logon" writes an entry whose command
# starts the tray icon quietly on a virtual desktop (Xvfb + trayer) as an ordinary user, the menu entry launched
# again opens Compose in the running TrayTalk, an upgrade while it runs leaves it working, `traytalk quit` ends it,
# and removing the package takes launcher, menu entry and icons away. Needs root; changes the machine's packages.
# TrayTalk runs only in network namespaces of its own (loopback only): nothing reaches the real network.
# TRAYTALK_DEB_DISPLAY picks the X display (default :116).
set -euo pipefail
. "$(dirname "$0")/common.sh"

DEB="${1:-$RELEASE/traytalk_${VERSION}_amd64.deb}"
APP=/opt/traytalk/bin/traytalk
OUT="$TARGET/deb-test"
[ "$(id -u)" = 0 ] || die "run as root: it installs and removes the package"
[ -s "$DEB" ] || die "$DEB is missing: run installer/build-deb.sh first"
for tool in unshare setpriv ip Xvfb trayer xdotool xwininfo convert desktop-file-validate; do
    command -v "$tool" >/dev/null || die "$tool not found (apt-get install util-linux iproute2 xvfb trayer xdotool \
x11-utils imagemagick desktop-file-utils)"
done
installed() { dpkg-query -W -f '${Status}' traytalk 2>/dev/null | grep -q ' installed$'; }
if installed; then die "traytalk is installed already: remove it first (dpkg -r traytalk)"; fi

# An ordinary user's home (nobody's, in a temporary folder) and TrayTalk's folder in it.
work="$(mktemp -d)"
chmod 755 "$work"
user_home="$work/home"
tt_home="$user_home/traytalk"
mkdir -p "$tt_home"
printf 'name = DEBTEST\nnetwork.interfaces = lo\nudp.targets = 127.0.0.1\n' > "$tt_home/traytalk.properties"
chown -R nobody:nogroup "$user_home"
rm -rf "$OUT"
mkdir -p "$OUT"

app_pid="" trayer_pid="" xvfb_pid=""
cleanup() {
    for pid in $app_pid $trayer_pid $xvfb_pid; do kill "$pid" 2>/dev/null || true; done
    cp "$tt_home/logs/traytalk.log" "$OUT/" 2>/dev/null || true
    rm -rf "$work"
    dpkg --purge traytalk >/dev/null 2>&1 || true
}
trap cleanup EXIT
ok() { echo "ok - $*"; }

# As nobody, with the test's home and desktop, in a network namespace with only loopback (up). The prefix is an
# array, so that a command started in the background with it is the program itself (its pid is TrayTalk's).
user_prefix() {
    as_nobody=(unshare --net -- sh -c 'ip link set lo up && exec "$@"' sh
        setpriv --reuid=nobody --regid=nogroup --clear-groups
        env -i PATH=/usr/bin:/bin HOME="$user_home" DISPLAY="${DISPLAY:-}" DBUS_SESSION_BUS_ADDRESS=disabled:
        NO_AT_BRIDGE=1)
}
as_user() { user_prefix; "${as_nobody[@]}" "$@"; }

say "apt-get install $DEB"
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$DEB" >/dev/null
installed || die "dpkg does not list traytalk as installed"
ok "package installed: $(dpkg-query -W -f '${Package} ${Version}' traytalk)"

[ -x "$APP" ] || die "$APP is missing or not executable"
ok "launcher $APP"

[ "$(readlink /usr/bin/traytalk)" = "$APP" ] || die "/usr/bin/traytalk is not a link to $APP"
# by name, through that link, as a user types it (as_user's PATH is /usr/bin:/bin)
out="$(as_user traytalk --version)"
[ "$out" = "TrayTalk $VERSION" ] || die "'traytalk --version' printed '$out', expected 'TrayTalk $VERSION'"
ok "traytalk --version (/usr/bin/traytalk -> $APP): $out"

rc=0
out="$(as_user "$APP" --home "$tt_home" history 2>"$OUT/history.stderr")" || rc=$?
[ "$rc" = 0 ] || { cat "$OUT/history.stderr" >&2; die "'traytalk --home DIR history' exited $rc"; }
case "$out" in ""|"No messages.") ;; *) die "'traytalk history' on an empty home printed: $out" ;; esac
[ -f "$tt_home/history.db" ] || die "no history.db in $tt_home after 'history'"
ok "traytalk --home DIR history: '${out:-<nothing>}', exit 0, history.db created"

# The menu entry: TrayTalk's own, in Network, with the icon in the hicolor theme in every size.
desktop="$(dpkg -L traytalk | grep '/lib/[^/]*\.desktop$' | head -n 1)"
[ -f "$desktop" ] || die "the package has no .desktop file"
menu_exec="$(sed -n 's/^Exec=//p' "$desktop")"
[ "$menu_exec" = "$X11_ENV $APP" ] || die "$desktop starts '$menu_exec', not $X11_ENV $APP"
read -r -a menu_command <<<"$menu_exec" # plain words (checked just above)
grep -qx 'Name=TrayTalk' "$desktop" || die "$desktop is not called TrayTalk"
grep -q '^Categories=.*Network' "$desktop" || die "$desktop is not in the Network menu group"
grep -qx 'Icon=traytalk' "$desktop" || die "$desktop does not use the theme icon 'traytalk'"
for s in $DEB_ICON_SIZES; do
    icon="/usr/share/icons/hicolor/${s}x${s}/apps/traytalk.png"
    cmp -s "$icon" "$ICONS/png/traytalk-$s.png" || die "$icon is missing or not TrayTalk's $s px icon"
done
problems="$(desktop-file-validate "$desktop" 2>&1)" || die "desktop-file-validate $desktop: $problems"
[ -z "$problems" ] || die "desktop-file-validate $desktop: $problems"
ok "desktop entry $desktop: TrayTalk, Network, icon 'traytalk' in hicolor ($DEB_ICON_SIZES px), valid"
if command -v xdg-desktop-menu >/dev/null; then
    [ -f /usr/share/applications/traytalk-traytalk.desktop ] \
        || die "xdg-desktop-menu is present, but no menu entry was installed in /usr/share/applications"
    ok "menu entry in /usr/share/applications"
fi

# "Start at logon", switched on by the installed program with --home: the entry names the package's launcher.
out="$(as_user traytalk --home "$tt_home" autostart on)"
entry="$user_home/.config/autostart/traytalk.desktop"
[ -f "$entry" ] || die "'traytalk autostart on' printed '$out' but wrote no $entry"
logon_exec="$(sed -n 's/^Exec=//p' "$entry")"
[ "$logon_exec" = "$X11_ENV $APP --home $tt_home --minimized" ] || die "$entry starts '$logon_exec'"
grep -qx "TryExec=$APP" "$entry" || die "$entry has no TryExec=$APP"
problems="$(desktop-file-validate "$entry" 2>&1)" || die "desktop-file-validate $entry: $problems"
[ -z "$problems" ] || die "desktop-file-validate $entry: $problems"
ok "traytalk autostart on: $entry (valid) starts '$logon_exec'"

# A desktop with a tray, and that command run as the logon session would run it.
start_xvfb "${TRAYTALK_DEB_DISPLAY:-:116}" TRAYTALK_DEB_DISPLAY
await_xvfb
trayer --edge top --align right --widthtype pixel --width 160 --height 32 --SetDockType true --transparent false \
    --tint 0x303030 >"$OUT/trayer.out" 2>&1 &
trayer_pid=$!
# Prints the id of the first window that `xdotool search "$@"` finds; status 1 when there is none.
first_window() { xdotool search "$@" 2>/dev/null | head -n 1 | grep .; }
if ! panel="$(wait_until 20 first_window --name '^panel$')"; then
    ! process_ended "$trayer_pid" || die "trayer ended at start: $(cat "$OUT/trayer.out")"
    die "trayer showed no panel within 20 s (its output: $OUT/trayer.out)"
fi

log="$tt_home/logs/traytalk.log"
# the Exec value holds plain words (checked above: no quotes, no spaces in these paths)
read -r -a logon_command <<<"$logon_exec"
desktop_ready() { grep -qs 'Desktop ready' "$log"; }
start_app() {
    rm -f "$log"
    user_prefix
    "${as_nobody[@]}" "${logon_command[@]}" > "$OUT/app.out" 2>&1 &
    app_pid=$!
    wait_until 60 app_started_or_ended \
        || die "the installed TrayTalk did not show its desktop within 60 s (output in $OUT/app.out, log $log)"
    desktop_ready
}
app_started_or_ended() { desktop_ready || process_ended "$app_pid"; }
if ! start_app; then
    # GTK now and then fails to open its display on a just-started Xvfb and aborts (as DesktopIT knows): once more
    if ! grep -q 'without a display connection' "$OUT/app.out"; then
        cat "$OUT/app.out" >&2
        die "the installed TrayTalk ended at start"
    fi
    say "GTK could not open the display; starting once more"
    start_app || { cat "$OUT/app.out" >&2; die "the installed TrayTalk ended at start, twice"; }
fi
ready="$(grep -m 1 'Desktop ready' "$log" | sed 's/.*Desktop ready: //')"
case "$ready" in *"no system tray"*|"") die "the installed TrayTalk found no tray: $ready" ;; esac
ok "the logon command started the installed TrayTalk as nobody: $ready"
# env gave the launcher AWT's poll timeout and made way for it (exec): the process started is the launcher itself
[ "$(readlink "/proc/$app_pid/exe")" = "$APP" ] \
    || die "the logon command's process is $(readlink "/proc/$app_pid/exe"), not the launcher $APP"
x11_variable="${X11_ENV#env }"
tr '\0' '\n' < "/proc/$app_pid/environ" | grep -qxF "$x11_variable" \
    || die "the installed TrayTalk runs without $x11_variable in its environment"
ok "the installed TrayTalk runs as $APP itself, with $x11_variable"
# the JVM maps the package's class-data sharing archive only when it takes it (else it reads every class from the jar)
grep -q ' /opt/traytalk/lib/app/traytalk.jsa$' "/proc/$app_pid/maps" \
    || die "the installed TrayTalk does not use its class-data sharing archive (/opt/traytalk/lib/app/traytalk.jsa)"
ok "the installed TrayTalk runs with its class-data sharing archive"
grep -q ' /opt/traytalk/lib/app/libsqlitejdbc.so$' "/proc/$app_pid/maps" \
    || die "the installed TrayTalk does not use the SQLite library it ships (/opt/traytalk/lib/app/libsqlitejdbc.so)"
ok "the installed TrayTalk loads SQLite from the package, not from a copy in /tmp"

# Its icon is docked in trayer's panel and drawn there; started at logon, it opened no window. The icon's window is
# Java's (class org-traytalk-app-Main) on this StatusNotifier-less tray, or Dorkbox's ("TrayTalk") where forced.
icon_docked() { xwininfo -tree -id "$panel" | grep -qE '"TrayTalk"|"org-traytalk-app-Main"'; }
wait_until 10 icon_docked || die "no TrayTalk icon window in the tray panel within 10 s"
# the screen shows the blue bubble in the panel's corner (a window that must not open would have opened by then)
icon_drawn() {
    import -window root "$OUT/1-logon.png"
    read -r width height < <(identify -format '%w %h\n' "$OUT/1-logon.png")
    blue="$(convert "$OUT/1-logon.png" -crop "160x32+$((width - 160))+0" +repage -fx 'b > 0.5 && r < 0.4 ? 1 : 0' \
        -format '%[fx:mean]' info:)"
    awk -v b="$blue" 'BEGIN { exit !(b > 0.03) }'
}
blue=""
wait_until 10 icon_drawn || die "the tray panel shows no blue bubble within 10 s (blue share $blue; $OUT/1-logon.png)"
lit="$(convert "$OUT/1-logon.png" -crop "${width}x$((height - 40))+0+40" +repage -format '%[fx:maxima]' info:)"
awk -v m="$lit" 'BEGIN { exit !(m == 0) }' || die "a window opened on a start at logon ($OUT/1-logon.png)"
ok "icon docked in the tray and drawn (blue share $blue), no window on the screen ($OUT/1-logon.png)"

# The menu entry launched while TrayTalk runs: the running one opens Compose.
out="$(as_user "${menu_command[@]}" --home "$tt_home" 2>&1)" \
    || die "the menu entry's command failed while TrayTalk runs: $out"
compose="$(wait_until 20 first_window --onlyvisible --name '^New message - TrayTalk$')" \
    || die "the menu entry launched again opened no Compose window within 20 s"
# its place and size: xdotool prints X=, Y=, WIDTH=, HEIGHT= lines
geometry="$(xdotool getwindowgeometry --shell "$compose" \
    | awk -F= '{ v[$1] = $2 } END { print v["WIDTH"] "x" v["HEIGHT"] "+" v["X"] "+" v["Y"] }')"
# painted: mostly light (the light theme)
light=""
compose_painted() {
    import -window root "$OUT/2-compose.png"
    light="$(convert "$OUT/2-compose.png" -crop "$geometry" +repage -colorspace Gray \
        -fx 'u > 0.8 ? 1 : 0' -format '%[fx:mean]' info:)"
    awk -v l="$light" 'BEGIN { exit !(l > 0.6) }'
}
wait_until 5 compose_painted || die "the Compose window is not painted (light share $light; $OUT/2-compose.png)"
ok "the menu entry launched again opened Compose in the running TrayTalk, ${geometry%%+*}, painted" \
    "($OUT/2-compose.png)"

# An upgrade while TrayTalk runs (a newer build of the same package): files replaced, the running one unharmed.
up="$work/upgrade"
mkdir -p "$up"
dpkg-deb -R "$DEB" "$up/root"
sed -i "s/^Version: .*/Version: ${VERSION}-99/" "$up/root/DEBIAN/control"
dpkg-deb -Zgzip -z1 -b "$up/root" "$up/traytalk-up.deb" >/dev/null
say "apt-get install (upgrade to ${VERSION}-99) while TrayTalk runs"
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$up/traytalk-up.deb" >/dev/null
rm -rf "$up"
[ "$(dpkg-query -W -f '${Version}' traytalk)" = "${VERSION}-99" ] || die "the upgrade did not install ${VERSION}-99"
[ -f /usr/share/applications/traytalk-traytalk.desktop ] || ! command -v xdg-desktop-menu >/dev/null \
    || die "the menu entry is gone after the upgrade"
[ -f /usr/share/icons/hicolor/48x48/apps/traytalk.png ] || die "the icon is gone from hicolor after the upgrade"
[ "$(readlink /usr/bin/traytalk)" = "$APP" ] || die "/usr/bin/traytalk is gone after the upgrade"
kill -0 "$app_pid" 2>/dev/null || die "the running TrayTalk ended during the upgrade"
out="$(as_user "$APP" --home "$tt_home" peers 2>&1)" || die "the running TrayTalk does not answer after the upgrade: $out"
ok "upgraded to ${VERSION}-99 while running: menu entry, icons and /usr/bin/traytalk in place, the running" \
    "TrayTalk answers"

out="$(as_user "$APP" --home "$tt_home" quit 2>&1)" || die "'traytalk quit' failed: $out"
[ "$out" = "TrayTalk is quitting." ] || die "'traytalk quit' printed '$out'"
wait_until 20 process_ended "$app_pid" || die "TrayTalk still runs 20 s after 'traytalk quit'"
rc=0
wait "$app_pid" || rc=$?
app_pid=""
[ "$rc" = 0 ] || die "TrayTalk exited with $rc after 'traytalk quit' (output in $OUT/app.out)"
ok "traytalk quit: TrayTalk ended with exit code 0"
warnings="$(grep -E '(WARN|ERROR) +org\.traytalk' "$log" || true)"
[ -z "$warnings" ] || die "the installed TrayTalk logged warnings: $warnings"
ok "no warnings from TrayTalk in its log"

say "dpkg -r traytalk"
dpkg -r traytalk >/dev/null
if installed; then die "traytalk is still installed"; fi
[ ! -e "$APP" ] || die "$APP is still there after dpkg -r"
[ ! -e "$desktop" ] || die "$desktop is still there after dpkg -r"
[ ! -e /usr/share/applications/traytalk-traytalk.desktop ] || die "the menu entry is still there after dpkg -r"
if [ -L /usr/bin/traytalk ] || [ -e /usr/bin/traytalk ]; then die "/usr/bin/traytalk is still there after dpkg -r"; fi
left="$(find /usr/share/icons/hicolor -name traytalk.png)"
[ -z "$left" ] || die "icons left in hicolor after dpkg -r: $left"
ok "removed: no package, no launcher, no /usr/bin/traytalk, no menu entry, no icons"
# The user's own autostart entry stays in their home; its TryExec now names a missing program, so desktops skip it.
[ -f "$entry" ] || die "the user's autostart entry $entry went with the package"
[ ! -e "$(sed -n 's/^TryExec=//p' "$entry")" ] || die "the autostart entry's TryExec still resolves"
ok "the user's autostart entry is left, and skipped at logon: TryExec=$APP is gone"
