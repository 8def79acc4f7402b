#!/usr/bin/env bash
# Compiles installer/traytalk.iss with the real Inno Setup compiler on a machine whose kernel cannot run 32-bit
# x86 code: i386 programs run through qemu user-mode emulation (binfmt_misc), in a throw-away i386 Debian
# bookworm chroot with 32-bit Wine. Not run by CI: it is slow (see installer/README.md for timings).
#
# Needs root, Debian 12 (apt mirror reachable), npm. Leaves the chroot in $CHROOT for the next run; the host's
# apt configuration is never changed (no dpkg --add-architecture on the host).
#   installer/try-inno-qemu.sh            compile into target/release-inno/
#   installer/try-inno-qemu.sh --install  also installs and uninstalls the setup silently in the chroot's Wine
# Needs target/TrayTalk.exe and target/traytalkc.exe (mvn -B -DskipTests -P windows-exe package).
set -euo pipefail
. "$(dirname "$0")/common.sh"

CHROOT="${TRAYTALK_I386_CHROOT:-/tmp/chroot-i386}"
INNOSETUP_VERSION=6.4.1
OUT="$TARGET/release-inno"
SETUP_NAME="TrayTalk-$VERSION-setup.exe"
DISPLAY_NUM="${TRAYTALK_XVFB_DISPLAY:-:117}"
INSTALL=no
[ "${1:-}" != --install ] || INSTALL=yes

[ "$(id -u)" = 0 ] || die "run as root (binfmt_misc, debootstrap, chroot)"
for exe in TrayTalk.exe traytalkc.exe; do
    [ -s "$TARGET/$exe" ] || die "$TARGET/$exe is missing: run 'mvn -B -DskipTests -P windows-exe package' first"
done
[ -s "$ICONS/traytalk.ico" ] || die "$ICONS/traytalk.ico is missing"
t0=$(date +%s)
step() { say "$* (at $(( $(date +%s) - t0 )) s)"; }

# 1. i386 ELF programs run through qemu-i386-static. Debian registers no qemu-i386 handler on amd64 (such hosts
# usually run i386 natively), so the line is written here; flag F keeps the interpreter usable inside chroots.
step "qemu user-mode emulation for i386 programs"
command -v qemu-i386-static >/dev/null || apt-get install -y -q --no-install-recommends qemu-user-static binfmt-support >&2
command -v debootstrap >/dev/null || apt-get install -y -q --no-install-recommends debootstrap >&2
[ -e /proc/sys/fs/binfmt_misc/register ] || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc \
    || die "cannot mount binfmt_misc: i386 programs cannot be run here"
if [ ! -e /proc/sys/fs/binfmt_misc/qemu-i386 ]; then
    printf '%s' ':qemu-i386:M::\x7fELF\x01\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x03\x00:\xff\xff\xff\xff\xff\xfe\xfe\x00\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff:/usr/bin/qemu-i386-static:F' \
        > /proc/sys/fs/binfmt_misc/register || die "cannot register qemu-i386 with binfmt_misc"
fi
"$(dirname "$0")/build-setup.sh" --can-run-i386 || die "i386 programs still do not run (binfmt_misc/qemu)"

# 2. The chroot with 32-bit Wine (about 3 + 2 minutes the first time).
if [ ! -f "$CHROOT/.traytalk-wine32" ]; then
    step "debootstrap i386 bookworm into $CHROOT"
    [ -x "$CHROOT/bin/sh" ] || debootstrap --arch=i386 --variant=minbase bookworm "$CHROOT" http://deb.debian.org/debian >&2
    cp /etc/resolv.conf "$CHROOT/etc/resolv.conf"
    step "apt-get install wine32 in the chroot"
    chroot "$CHROOT" /usr/bin/env DEBIAN_FRONTEND=noninteractive sh -c \
        'apt-get update -q && apt-get install -y -q --no-install-recommends wine wine32' >&2
    touch "$CHROOT/.traytalk-wine32"
fi

# 3. Mounts for the run, undone on exit; the project is seen read-only as /src, output goes to /out.
mounts=()
xvfb=""
cleanup() {
    chroot "$CHROOT" /usr/local/bin/traytalk-wine wineserver -k >/dev/null 2>&1 || true
    [ -z "$xvfb" ] || kill "$xvfb" 2>/dev/null || true
    local i
    for (( i=${#mounts[@]}-1; i>=0; i-- )); do umount "${mounts[$i]}" 2>/dev/null || umount -l "${mounts[$i]}" || true; done
}
trap cleanup EXIT
bind() { mkdir -p "$2"; mount --bind "$1" "$2"; mounts+=("$2"); }
mount -t proc proc "$CHROOT/proc"; mounts+=("$CHROOT/proc")
bind /dev "$CHROOT/dev"
bind /dev/pts "$CHROOT/dev/pts"
bind /tmp/.X11-unix "$CHROOT/tmp/.X11-unix"
bind "$ROOT" "$CHROOT/src"; mount -o remount,bind,ro "$CHROOT/src"
mkdir -p "$OUT"; rm -f "$OUT/$SETUP_NAME"
bind "$OUT" "$CHROOT/out"

cat > "$CHROOT/usr/local/bin/traytalk-wine" <<'EOF'
#!/bin/sh
# Wine with a private prefix, no Mono/Gecko prompts, no menu entries
exec /usr/bin/env -i HOME=/root PATH=/usr/bin:/bin DISPLAY="$DISPLAY" WINEPREFIX=/root/wine-traytalk \
    WINEDEBUG="${WINEDEBUG:--all}" WINEDLLOVERRIDES='mscoree,mshtml=;winemenubuilder.exe=d' "$@"
EOF
chmod +x "$CHROOT/usr/local/bin/traytalk-wine"
W=(chroot "$CHROOT" /usr/local/bin/traytalk-wine)

# 4. ISCC.exe from the npm package innosetup, copied into the chroot.
if [ ! -f "$CHROOT/opt/innosetup-$INNOSETUP_VERSION/ISCC.exe" ]; then
    step "npm install innosetup@$INNOSETUP_VERSION"
    npm install --silent --no-save --no-audit --no-fund --ignore-scripts \
        --prefix "$CACHE/innosetup-$INNOSETUP_VERSION" "innosetup@$INNOSETUP_VERSION" >&2
    rm -rf "$CHROOT/opt/innosetup-$INNOSETUP_VERSION"
    cp -r "$CACHE/innosetup-$INNOSETUP_VERSION/node_modules/innosetup/bin" "$CHROOT/opt/innosetup-$INNOSETUP_VERSION"
fi

ulimit -c 0  # a crashing guest would make qemu write a core file of its whole 4 GB address space
# 5. The Wine prefix (wineboot under qemu: several minutes the first time, each Wine process costs about a minute).
if [ ! -f "$CHROOT/root/wine-traytalk/.complete" ]; then
    step "creating the Wine prefix (slow under qemu)"
    rm -rf "$CHROOT/root/wine-traytalk"
    "${W[@]}" wineboot -i >/dev/null 2>&1 || true
    "${W[@]}" wineserver -w
    touch "$CHROOT/root/wine-traytalk/.complete"
fi
# each new wineserver session restarts wineboot, services, winedevice... (minutes): keep one for this run
"${W[@]}" wineserver -p 600 || true

# 6. Compile.
step "ISCC traytalk.iss"
log="$OUT/iscc.log"
# zip: ISCC's LZMA2 compressor thread crashes under qemu ("Unhandled exception 0x00000003 ... at address 00000001")
if ! timeout 1200 "${W[@]}" wine "Z:\\opt\\innosetup-$INNOSETUP_VERSION\\ISCC.exe" /DAppVersion="$VERSION" /DCompression=zip \
        '/DSourceDir=Z:\src\target' '/DIconFile=Z:\src\icons\traytalk.ico' '/OZ:\out' 'Z:\src\installer\traytalk.iss' \
        >"$log" 2>&1; then
    cat "$log" >&2
    die "ISCC failed (log: $log)"
fi
cat "$log" >&2
check_pe "$OUT/$SETUP_NAME"
step "ok $OUT/$SETUP_NAME: $(stat -c %s "$OUT/$SETUP_NAME") bytes"
wrestool -l "$OUT/$SETUP_NAME" >&2 || true
version_strings "$OUT/$SETUP_NAME" >&2

[ "$INSTALL" = yes ] || exit 0

# 7. Silent install and uninstall (Inno's setup needs a display even when silent).
Xvfb "$DISPLAY_NUM" -nolisten tcp >/dev/null 2>&1 & xvfb=$!
export DISPLAY="$DISPLAY_NUM"
run_key='HKCU\Software\Microsoft\Windows\CurrentVersion\Run'
step "setup /VERYSILENT /TASKS=autostart"
"${W[@]}" wine "Z:\\out\\$SETUP_NAME" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /CURRENTUSER /TASKS=autostart \
    '/LOG=Z:\out\setup.log' || die "setup exited $?"
"${W[@]}" wineserver -w
"${W[@]}" wine reg query "$run_key" | tee "$OUT/run-after-install.txt" >&2
grep -q TrayTalk "$OUT/run-after-install.txt" || die "no TrayTalk value under $run_key after the install"
uninst="$(grep -o 'C:\\[^"]*unins000.exe' "$OUT/setup.log" | head -n 1 || true)"
[ -n "$uninst" ] || die "the setup log names no uninstaller"
step "uninstall: $uninst /VERYSILENT"
"${W[@]}" wine "$uninst" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART || die "uninstaller exited $?"
"${W[@]}" wineserver -w
"${W[@]}" wine reg query "$run_key" > "$OUT/run-after-uninstall.txt" 2>&1 || true
cat "$OUT/run-after-uninstall.txt" >&2
! grep -q TrayTalk "$OUT/run-after-uninstall.txt" || die "the TrayTalk value under $run_key survived the uninstall"
step "ok: install wrote the Run value, uninstall removed it"
