# shellcheck shell=bash
# Shared by the installer scripts (sourced, not run): paths, the version, checks that fail with a clear message.
# TRAYTALK_ICONS overrides the icon folder (default icons/), TRAYTALK_CACHE the tool cache.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET="$ROOT/target"
# shellcheck disable=SC2034 # used by the scripts that source this file
RELEASE="$TARGET/release"
ICONS="${TRAYTALK_ICONS:-$ROOT/icons}"
CACHE="${TRAYTALK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/traytalk-installer}"
ICON_SIZES="16 20 24 32 40 48 64 128 256"
# the sizes of the hicolor icon theme among them: the .deb adds these (installer/deb/postinst names them too)
# shellcheck disable=SC2034 # used by the scripts that source this file
DEB_ICON_SIZES="16 24 32 48 64 128 256"

die() { echo "$(basename "$0"): $*" >&2; exit 1; }
say() { echo "== $(basename "$0"): $*" >&2; }

# wait_until <seconds> <command...>: runs the command every half second until it succeeds (status 0) or the time is
# up (status 1). The command runs in this shell: it may set variables, or die to give up early.
wait_until() {
    local deadline=$(( SECONDS + $1 ))
    shift
    until "$@"; do
        (( SECONDS < deadline )) || return 1
        sleep 0.5
    done
}

# The process $1 has ended (or never was).
process_ended() { ! kill -0 "$1" 2>/dev/null; }

# The project version, read from the pom: the first <version> directly under <project> (two-space indent).
VERSION="$(sed -n 's|^  <version>\([^<]*\)</version>.*|\1|p' "$ROOT/pom.xml" | head -n 1)"
[ -n "$VERSION" ] || die "cannot read the project version from $ROOT/pom.xml"
# The JVM options every launcher gives TrayTalk (the pom's traytalk.jvm.options; the Windows launchers get them there).
# shellcheck disable=SC2034 # used by build-deb.sh
JVM_OPTIONS="$(sed -n 's|^ *<traytalk.jvm.options>\([^<]*\)</traytalk.jvm.options>.*|\1|p' "$ROOT/pom.xml" | head -n 1)"
[ -n "$JVM_OPTIONS" ] || die "cannot read traytalk.jvm.options from $ROOT/pom.xml"
# What the menu entry and the logon entry put before the launcher (installer/deb/traytalk.desktop; XdgAutostart's
# X11_ENVIRONMENT, which a unit test holds equal): env with AWT's longer X poll timeout.
# shellcheck disable=SC2034 # used by build-deb.sh and test-deb.sh
X11_ENV="$(sed -n 's/^Exec=\(.*\) APPLICATION_LAUNCHER$/\1/p' "$ROOT/installer/deb/traytalk.desktop")"
[ -n "$X11_ENV" ] || die "cannot read the environment before APPLICATION_LAUNCHER in installer/deb/traytalk.desktop"

need_jar() {
    [ -s "$TARGET/traytalk.jar" ] || die "$TARGET/traytalk.jar is missing: run 'mvn -B -DskipTests package' first"
}

need_icons() {
    local missing=""
    [ -s "$ICONS/traytalk.ico" ] || missing="$missing traytalk.ico"
    for s in $ICON_SIZES; do
        [ -s "$ICONS/png/traytalk-$s.png" ] || missing="$missing png/traytalk-$s.png"
    done
    [ -z "$missing" ] || die "icon files missing in $ICONS:$missing (the icons/ folder of the project, or set TRAYTALK_ICONS)"
}

# A Windows executable: "MZ", and at the offset stored at 0x3c the signature "PE\0\0".
check_pe() {
    local f="$1" off sig
    [ -s "$f" ] || die "$f is missing or empty"
    [ "$(head -c 2 "$f")" = "MZ" ] || die "$f does not start with MZ: not a Windows executable"
    off=$(od -An -t u4 -j 60 -N 4 "$f" | tr -d ' ')
    sig=$(od -An -c -j "$off" -N 4 "$f" | tr -s ' ')
    [ "$sig" = " P E \\0 \\0" ] || die "$f has no PE signature at offset $off: not a Windows executable"
}

# The version resource of a PE file as "Key=Value" lines (its UTF-16 strings come as key, value, key, value...).
version_strings() {
    wrestool -x --raw -t 16 "$1" 2>/dev/null \
        | perl -0777 -ne 'while (/((?:[\x20-\x7e]\x00)+)\x00\x00/g) { (my $s = $1) =~ s/\x00//g; print "$s\n" }' \
        | awk 'k != "" { sub(/ +$/, ""); print k "=" $0; k = ""; next } /^(ProductName|ProductVersion|FileVersion|FileDescription|OriginalFilename|CompanyName)$/ { k = $0 }'
}

# Can this kernel run 32-bit x86 programs (natively, or through a binfmt_misc emulator)? Tried with a 93-byte
# static i386 program that only calls exit(0).
can_run_i386() {
    local f="$CACHE/exit0-i386"
    mkdir -p "$CACHE"
    printf '\177ELF\001\001\001\000\000\000\000\000\000\000\000\000\002\000\003\000\001\000\000\000\124\200\004\010\064\000\000\000\000\000\000\000\000\000\000\000\064\000\040\000\001\000\050\000\000\000\000\000\001\000\000\000\000\000\000\000\000\200\004\010\000\200\004\010\135\000\000\000\135\000\000\000\005\000\000\000\000\020\000\000\270\001\000\000\000\061\333\315\200' > "$f"
    chmod +x "$f"
    "$f" 2>/dev/null
}

# A PE file has an icon and a version resource naming TrayTalk and the pom's version.
check_pe_resources() {
    local f="$1" res ver
    check_pe "$f"
    res="$(wrestool -l "$f")"
    grep -q 'type=group_icon' <<<"$res" || die "$f has no icon resource"
    grep -q 'type=version' <<<"$res" || die "$f has no version resource"
    ver="$(version_strings "$f")"
    grep -qx "ProductVersion=$VERSION" <<<"$ver" || die "$f: version resource lacks ProductVersion $VERSION"
    grep -qx "ProductName=TrayTalk" <<<"$ver" || die "$f: version resource lacks ProductName TrayTalk"
    [ "$(icon_digest "$f")" = "$(icon_digest "$ICONS/traytalk.ico")" ] || die "$f: its icon is not $ICONS/traytalk.ico"
}

# The images of an .ico file, or of the first icon group of a PE file, as one digest line per size.
icon_digest() {
    local f="$1" tmp
    tmp="$(mktemp -d)"
    case "$f" in
        *.ico) cp "$f" "$tmp/i.ico" ;;
        *) wrestool -x -t 14 "$f" > "$tmp/i.ico" 2>/dev/null ;;
    esac
    icotool -x -o "$tmp" "$tmp/i.ico" 2>/dev/null || true
    (cd "$tmp" && for png in i_*.png; do [ -e "$png" ] && echo "${png#i_} $(sha256sum < "$png" | cut -c1-16)"; done)
    rm -rf "$tmp"
}

# Starts Xvfb on display $1 (":117") in the background and sets xvfb_pid; the caller registers its cleanup, then
# calls await_xvfb, which waits until that Xvfb answers and exports DISPLAY. $2 names the variable that picks
# another display, for the error message. The server never resets (-noreset): by default Xvfb resets when its last
# client leaves, so the client right after await_xvfb's probe could meet a server that is not listening for a moment
# (trayer "cannot open display" in CI on 2026-12-07).
start_xvfb() {
    command -v Xvfb >/dev/null || die "Xvfb not found (apt-get install xvfb)"
    xvfb_display="$1"
    xvfb_choice="$2"
    Xvfb "$xvfb_display" -nolisten tcp -noreset >/dev/null 2>&1 &
    xvfb_pid=$!
}

# Ready when a client gets an answer (xdpyinfo, from x11-utils), not merely when the socket exists: a socket left
# by a killed X server is there before the new one listens. Without xdpyinfo, the socket has to do.
await_xvfb() {
    wait_until 20 xvfb_answers || die "Xvfb did not answer on $xvfb_display within 20 s"
    ! process_ended "$xvfb_pid" || die "Xvfb ended at start on $xvfb_display (another X server there?)"
    export DISPLAY="$xvfb_display"
}
xvfb_answers() {
    ! process_ended "$xvfb_pid" \
        || die "Xvfb could not start on $xvfb_display (another X server there? choose one with $xvfb_choice)"
    if command -v xdpyinfo >/dev/null; then
        DISPLAY="$xvfb_display" xdpyinfo >/dev/null 2>&1
    else
        [ -S "/tmp/.X11-unix/X${xvfb_display#:}" ]
    fi
}
