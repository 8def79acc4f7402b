#!/usr/bin/env bash
# Installs target/release/traytalk_<version>_amd64.deb on this machine (root), runs the installed program, checks
# the desktop entry and icon, removes the package and checks it is gone. Needs root; changes the machine's packages.
# The program only runs local commands, inside a network namespace of its own: nothing reaches the real network.
set -euo pipefail
. "$(dirname "$0")/common.sh"

DEB="${1:-$RELEASE/traytalk_${VERSION}_amd64.deb}"
APP=/opt/traytalk/bin/traytalk
[ "$(id -u)" = 0 ] || die "run as root: it installs and removes the package"
[ -s "$DEB" ] || die "$DEB is missing: run installer/build-deb.sh first"
command -v unshare >/dev/null || die "unshare not found (util-linux)"
installed() { dpkg-query -W -f '${Status}' traytalk 2>/dev/null | grep -q ' installed$'; }
if installed; then die "traytalk is installed already: remove it first (dpkg -r traytalk)"; fi

home="$(mktemp -d)"
cleanup() { rm -rf "$home"; dpkg --purge traytalk >/dev/null 2>&1 || true; }
trap cleanup EXIT
ok() { echo "ok - $*"; }

say "apt-get install $DEB"
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$DEB" >/dev/null
installed || die "dpkg does not list traytalk as installed"
ok "package installed: $(dpkg-query -W -f '${Package} ${Version}' traytalk)"

[ -x "$APP" ] || die "$APP is missing or not executable"
ok "launcher $APP"

# no network namespace for the program: only a loopback device, which stays down
isolated() { unshare --net -- "$@"; }

out="$(isolated "$APP" --version)"
[ "$out" = "TrayTalk $VERSION" ] || die "'traytalk --version' printed '$out', expected 'TrayTalk $VERSION'"
ok "traytalk --version: $out"

rc=0
out="$(isolated "$APP" --home "$home" history 2>"$home/stderr")" || rc=$?
[ "$rc" = 0 ] || { cat "$home/stderr" >&2; die "'traytalk --home DIR history' exited $rc"; }
case "$out" in ""|"No messages.") ;; *) die "'traytalk history' on an empty home printed: $out" ;; esac
[ -f "$home/history.db" ] || [ -n "$(find "$home" -name history.db)" ] || die "no history.db under $home after 'history'"
ok "traytalk --home DIR history: '${out:-<nothing>}', exit 0, history.db created"

desktop="$(dpkg -L traytalk | grep '/lib/[^/]*\.desktop$' | head -n 1)"
[ -n "$desktop" ] && [ -f "$desktop" ] || die "the package has no .desktop file"
grep -qx 'Exec=/opt/traytalk/bin/traytalk' "$desktop" || grep -q '^Exec=/opt/traytalk/bin/traytalk' "$desktop" \
    || die "$desktop does not start $APP"
grep -q '^Categories=.*Network' "$desktop" || die "$desktop is not in the Network menu group"
icon="$(sed -n 's/^Icon=//p' "$desktop")"
[ -f "$icon" ] || die "$desktop names icon '$icon', which does not exist"
ok "desktop entry $desktop (Network, icon $icon)"
if [ -d /usr/share/applications ] && command -v xdg-desktop-menu >/dev/null; then
    ls /usr/share/applications | grep -q traytalk || die "xdg-desktop-menu is present, but no menu entry was installed"
    ok "menu entry in /usr/share/applications"
fi

say "dpkg -r traytalk"
dpkg -r traytalk >/dev/null
if installed; then die "traytalk is still installed"; fi
[ ! -e "$APP" ] || die "$APP is still there after dpkg -r"
[ ! -e "$desktop" ] || die "$desktop is still there after dpkg -r"
ok "removed: no package, no launcher, no desktop entry"
