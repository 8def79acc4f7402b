#!/usr/bin/env bash
# Builds target/release/TrayTalk-<version>-setup.exe from target/TrayTalk.exe and target/traytalkc.exe
# (mvn -P windows-exe package) with Inno Setup 6 (installer/traytalk.iss), then checks the launchers and the setup:
# PE signature, icon, version resource. Fails when ISCC fails or the setup is missing or not a PE executable.
# The setup downloads Eclipse Temurin JRE 17 while installing (installer/temurin-jre.iss pins it; while no SHA-256 is
# pinned there, it needs an installed Java instead, and this script says so); it carries installer/unzip-runtime.c,
# built here with MinGW, to unpack it.
#
# ISCC.exe runs in 32-bit Wine in an i386 chroot (installer/wine32.sh): needs root; the first run sets that up in
# about 5 minutes (emulated where the kernel cannot run 32-bit code), later runs take about half a minute.
# Optional: TRAYTALK_RUNTIME_DIR=<a Windows Java runtime folder> bundles it as {app}\runtime; TRAYTALK_NO_RUNTIME=1
# makes a setup without any runtime (it needs an installed Java 17); TRAYTALK_SETUP_OUT=<folder> writes the setup
# there instead of target/release.
# Test builds only (installer/test-setup.sh), never into target/release: TRAYTALK_TEST_JRE_URL=http://127.0.0.1:...,
# TRAYTALK_TEST_JRE_SHA256 and TRAYTALK_TEST_JRE_RELEASE download a stand-in instead of Temurin; the setup is then
# TrayTalk-<version>-test-setup.exe.
set -euo pipefail
. "$(dirname "$0")/common.sh"
. "$(dirname "$0")/wine32.sh"
wine32_isolate "$@"

OUT_DIR="${TRAYTALK_SETUP_OUT:-$RELEASE}"
SETUP="$OUT_DIR/TrayTalk-$VERSION-setup.exe"
if [ -n "${TRAYTALK_TEST_JRE_URL:-}" ]; then
    [ "$(realpath -m "$OUT_DIR")" != "$(realpath -m "$RELEASE")" ] \
        || die "TRAYTALK_TEST_JRE_URL makes a test build: set TRAYTALK_SETUP_OUT to a folder other than $RELEASE"
    [[ "$TRAYTALK_TEST_JRE_URL" == http://127.0.0.1:* ]] || die "TRAYTALK_TEST_JRE_URL must be http://127.0.0.1:..."
    [[ "${TRAYTALK_TEST_JRE_SHA256:-}" =~ ^[0-9a-f]{64}$ ]] || die "TRAYTALK_TEST_JRE_SHA256 must be 64 hex digits"
    [ -n "${TRAYTALK_TEST_JRE_RELEASE:-}" ] || die "TRAYTALK_TEST_JRE_RELEASE is missing"
    SETUP="$OUT_DIR/TrayTalk-$VERSION-test-setup.exe"
fi
need_icons
need_jar
command -v wrestool >/dev/null || die "wrestool not found (apt-get install icoutils)"

# The launchers first: a setup around broken exes is worse than none.
for exe in TrayTalk.exe traytalkc.exe; do
    [ -s "$TARGET/$exe" ] || die "$TARGET/$exe is missing: run 'mvn -B -DskipTests -P windows-exe package' first"
    check_pe_resources "$TARGET/$exe"
    say "ok $exe: PE, icon, version $VERSION"
done

command -v convert >/dev/null || die "ImageMagick's convert not found (apt-get install imagemagick)"
command -v i686-w64-mingw32-gcc >/dev/null || die "i686-w64-mingw32-gcc not found (apt-get install gcc-mingw-w64-i686-win32)"
[ -f /usr/i686-w64-mingw32/lib/libz.a ] || die "zlib for MinGW not found (apt-get install libz-mingw-w64-dev)"
t0=$(date +%s)
mkdir -p "$OUT_DIR" "$TARGET/installer"
rm -f "$SETUP"

# The wizard's pictures, from the app icon: small (top right of every page) and large (left of the last page), at
# 100 % and 200 % display scaling; Inno Setup takes 24-bit BMPs and picks the size nearest the screen's scaling.
wizard="$TARGET/installer/wizard"
rm -rf "$wizard" && mkdir -p "$wizard"
for scale in 1 2; do
    convert "$ICONS/png/traytalk-128.png" -resize $((55 * scale))x$((55 * scale)) -background white -alpha remove \
        -alpha off "BMP3:$wizard/small-$scale.bmp"
    convert -size $((164 * scale))x$((314 * scale)) gradient:'#ffffff'-'#d6e6f5' \
        \( "$ICONS/png/traytalk-256.png" -resize $((96 * scale))x$((96 * scale)) \) \
        -gravity center -geometry +0-$((40 * scale)) -composite -alpha off "BMP3:$wizard/large-$scale.bmp"
done
# The tool that unpacks the downloaded runtime (a 32-bit exe runs on every Windows the setup does).
i686-w64-mingw32-gcc -O2 -s -municode -static -Wall -Werror -o "$TARGET/installer/unzip-runtime.exe" \
    "$ROOT/installer/unzip-runtime.c" -lz || die "cannot build installer/unzip-runtime.c"
check_pe "$TARGET/installer/unzip-runtime.exe"
wine32_start "$OUT_DIR"
wine32_bind "$ICONS" /icons ro
args=("/DAppVersion=$VERSION" '/DSourceDir=Z:\src\target' '/DIconFile=Z:\icons\traytalk.ico'
      '/DWizardImages=Z:\src\target\installer\wizard' '/DUnzipTool=Z:\src\target\installer\unzip-runtime.exe')
if [ -n "${TRAYTALK_RUNTIME_DIR:-}" ]; then
    [ -x "$TRAYTALK_RUNTIME_DIR/bin/javaw.exe" ] || die "TRAYTALK_RUNTIME_DIR=$TRAYTALK_RUNTIME_DIR has no bin/javaw.exe"
    wine32_bind "$TRAYTALK_RUNTIME_DIR" /runtime ro
    args+=('/DRuntimeDir=Z:\runtime')
elif [ -n "${TRAYTALK_NO_RUNTIME:-}" ]; then
    args+=('/DNoRuntime')
elif [ -n "${TRAYTALK_TEST_JRE_URL:-}" ]; then
    args+=("/DTestJreUrl=$TRAYTALK_TEST_JRE_URL" "/DTestJreSha256=$TRAYTALK_TEST_JRE_SHA256"
           "/DTestJreRelease=$TRAYTALK_TEST_JRE_RELEASE")
fi
args+=('/OZ:\out' 'Z:\src\installer\traytalk.iss')
log="$TARGET/installer/iscc.log"
say "ISCC ${args[*]}"
status=0
wine32_iscc "${args[@]}" >"$log" 2>&1 || status=$?
if [ "$status" != 0 ]; then
    cat "$log" >&2
    die "ISCC failed with exit code $status (log: $log)"
fi
grep -q 'Successful compile' "$log" || { cat "$log" >&2; die "ISCC exited 0 but did not report a successful compile (log: $log)"; }
# traytalk.iss warns when it cannot download Java: no checksum pinned in installer/temurin-jre.iss
if grep -q 'does not download Java' "$log"; then
    say "WARNING: $(grep -o 'No SHA-256 is pinned.*' "$log" | head -n 1 | tr -d '\r')"
fi

# The result: a PE file with our icon and version; the launchers are inside, compressed, so only size tells.
check_pe_resources "$SETUP"
grep -qx "FileDescription=TrayTalk Setup" <<<"$(version_strings "$SETUP")" || die "$SETUP: FileDescription is not 'TrayTalk Setup'"
size=$(stat -c %s "$SETUP")
[ "$size" -gt "$(( $(stat -c %s "$TARGET/traytalk.jar") / 2 ))" ] || die "$SETUP ($size bytes) is far smaller than the jar: files missing?"
say "ok $(basename "$SETUP") (Inno Setup $INNOSETUP_VERSION): PE, icon, version $VERSION, $size bytes, $(( $(date +%s) - t0 )) s"
