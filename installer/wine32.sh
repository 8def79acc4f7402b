# shellcheck shell=bash
# 32-bit Wine for Inno Setup (sourced after common.sh, not run). Inno Setup's compiler and the setups it makes are
# 32-bit Windows programs; they run here in Debian bookworm's 32-bit Wine, inside an i386 bookworm root file system
# kept in $CACHE and entered with chroot. Where the kernel cannot run 32-bit x86 code (some VMs), every i386
# program runs through qemu-i386 user-mode emulation, registered with binfmt_misc while the script runs.
#
# qemu 10 (Debian trixie's qemu-user, downloaded with a private apt configuration and unpacked into $CACHE) is used
# because bookworm's qemu 7.2 crashes Inno Setup's compressor. The machine's apt configuration is never changed.
# Needs root. The calling script starts with `wine32_isolate "$@"`, so its mounts are private and vanish with it.

INNOSETUP_VERSION=6.4.1
WINE32_ROOT="${TRAYTALK_I386_ROOT:-$CACHE/i386-bookworm}"
WINE32_MIRROR="${TRAYTALK_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
QEMU_DIR="$CACHE/qemu-trixie"
BINFMT=/proc/sys/fs/binfmt_misc
BINFMT_NAME=traytalk-i386
# Wine's prefix inside the root file system: made once, then copied for each test install
WINE32_BASE_PREFIX=/root/wine-base

wine32_cleanups=()
wine32_cleanup() {
    local i
    for (( i=${#wine32_cleanups[@]}-1; i>=0; i-- )); do eval "${wine32_cleanups[$i]}" >/dev/null 2>&1 || true; done
    wine32_cleanups=()
}
trap wine32_cleanup EXIT
trap 'exit 130' INT TERM

# Re-runs the calling script in a mount namespace of its own: every mount it makes disappears when it ends,
# whatever way it ends.
wine32_isolate() {
    [ "$(id -u)" = 0 ] || die "run as root: the 32-bit Wine lives in a chroot"
    if [ "${TRAYTALK_PRIVATE_MOUNTS:-}" != "$$" ]; then
        command -v unshare >/dev/null || die "unshare not found (apt-get install util-linux)"
        exec env TRAYTALK_PRIVATE_MOUNTS=self unshare --mount --propagation private -- "$0" "$@"
    fi
}
[ "${TRAYTALK_PRIVATE_MOUNTS:-}" != self ] || TRAYTALK_PRIVATE_MOUNTS=$$

# qemu-i386 from Debian trixie's qemu-user, as one static file in $QEMU_DIR.
wine32_fetch_qemu() {
    [ -x "$QEMU_DIR/qemu-i386" ] && return
    say "downloading Debian trixie's qemu-user (private apt configuration; nothing is installed)"
    local apt="$QEMU_DIR.apt" opts
    rm -rf "$apt"
    mkdir -p "$apt/sources" "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/x"
    printf 'Types: deb\nURIs: %s\nSuites: trixie\nComponents: main\nArchitectures: amd64\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
        "$WINE32_MIRROR" > "$apt/sources/trixie.sources"
    opts=(-o APT::Architectures::=amd64 -o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$apt/sources"
          -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache" -o Dir::State::status=/dev/null
          -o Debug::NoLocking=1 -o APT::Sandbox::User=root)
    apt-get -q "${opts[@]}" update >&2 || die "apt-get update for trixie failed (mirror $WINE32_MIRROR)"
    (cd "$apt" && apt-get -q "${opts[@]}" download qemu-user >&2) || die "cannot download trixie's qemu-user"
    dpkg-deb -x "$apt"/qemu-user_*.deb "$apt/x"
    [ -x "$apt/x/usr/bin/qemu-i386" ] || die "trixie's qemu-user has no usr/bin/qemu-i386"
    mkdir -p "$QEMU_DIR"
    cp "$apt/x/usr/bin/qemu-i386" "$QEMU_DIR/qemu-i386.new"
    mv "$QEMU_DIR/qemu-i386.new" "$QEMU_DIR/qemu-i386"
    rm -rf "$apt"
}

# Makes i386 programs run: natively when the kernel can, else through qemu (binfmt_misc entry removed at exit).
wine32_emulation() {
    if can_run_i386; then return; fi
    wine32_fetch_qemu
    [ -e "$BINFMT/register" ] || mount -t binfmt_misc binfmt_misc "$BINFMT" \
        || die "cannot mount binfmt_misc: 32-bit programs cannot be run on this kernel"
    if [ ! -e "$BINFMT/$BINFMT_NAME" ]; then
        say "running i386 programs through $QEMU_DIR/qemu-i386 ($("$QEMU_DIR/qemu-i386" --version | head -n 1))"
        # ELF, 32-bit, little-endian, executable or shared object, machine i386; F: qemu is opened now, so it also
        # works inside the chroot
        printf '%s' ":$BINFMT_NAME:M::\\x7fELF\\x01\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\x03\\x00:\\xff\\xff\\xff\\xff\\xff\\xfe\\xfe\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff:$QEMU_DIR/qemu-i386:F" \
            > "$BINFMT/register" || die "cannot register qemu-i386 with binfmt_misc"
        wine32_cleanups+=("echo -1 > $BINFMT/$BINFMT_NAME")
    fi
    can_run_i386 || die "i386 programs do not run even through $QEMU_DIR/qemu-i386"
    # a crashing emulated program would make qemu write a core file of its whole 4 GB address space
    ulimit -c 0
}

# The i386 bookworm root file system with Wine (about 5 minutes the first time, emulated).
wine32_rootfs() {
    [ -f "$WINE32_ROOT/.traytalk-wine32" ] && return
    command -v debootstrap >/dev/null || die "debootstrap not found (apt-get install debootstrap)"
    say "debootstrap --arch=i386 bookworm into $WINE32_ROOT"
    rm -rf "$WINE32_ROOT"
    mkdir -p "$(dirname "$WINE32_ROOT")"
    debootstrap --arch=i386 --variant=minbase bookworm "$WINE32_ROOT" "$WINE32_MIRROR" >&2 \
        || die "debootstrap of i386 bookworm failed (see above)"
    cp /etc/resolv.conf "$WINE32_ROOT/etc/resolv.conf"
    say "apt-get install wine wine32 in $WINE32_ROOT"
    chroot "$WINE32_ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive sh -c \
        'apt-get update -q && apt-get install -y -q --no-install-recommends wine wine32 && apt-get clean' >&2 \
        || die "installing wine32 in the i386 root file system failed (see above)"
    touch "$WINE32_ROOT/.traytalk-wine32"
}

# ISCC.exe and the rest of Inno Setup's bin/ from the npm package innosetup, into the root file system's /opt.
wine32_innosetup() {
    local dest="$WINE32_ROOT/opt/innosetup-$INNOSETUP_VERSION" pkg="$CACHE/innosetup-$INNOSETUP_VERSION"
    [ -f "$dest/ISCC.exe" ] && return
    command -v npm >/dev/null || die "npm not found (apt-get install npm)"
    say "npm install innosetup@$INNOSETUP_VERSION into $pkg (not global)"
    npm install --silent --no-save --no-audit --no-fund --ignore-scripts --prefix "$pkg" "innosetup@$INNOSETUP_VERSION" >&2
    [ -f "$pkg/node_modules/innosetup/bin/ISCC.exe" ] || die "the npm package innosetup@$INNOSETUP_VERSION has no bin/ISCC.exe"
    rm -rf "$dest"
    cp -r "$pkg/node_modules/innosetup/bin" "$dest"
}

# Binds a host folder into the root file system (ro: read-only) until the script ends.
wine32_bind() {
    local src="$1" dst="$WINE32_ROOT$2"
    mkdir -p "$dst"
    mount --bind "$src" "$dst" || die "cannot bind $src to $dst"
    [ "${3:-}" != ro ] || mount -o remount,bind,ro "$dst" || die "cannot make $dst read-only"
}

# Stops whatever still runs inside the root file system (a Wine service that outlived its wineserver, a program of a
# failed test), so that nothing is left behind.
wine32_kill_strays() {
    local strays
    read -r -a strays < <(wine32_strays)
    [ ${#strays[@]} = 0 ] && return
    say "stopping ${#strays[@]} process(es) left in $WINE32_ROOT"
    kill -9 "${strays[@]}" 2>/dev/null || true
}
# The processes whose root is $WINE32_ROOT, on one line.
wine32_strays() {
    local root_fs pid strays=()
    root_fs="$(readlink -f "$WINE32_ROOT")"
    for pid in /proc/[0-9]*; do
        [ "$(readlink "$pid/root" 2>/dev/null)" = "$root_fs" ] && strays+=("${pid#/proc/}")
    done
    echo "${strays[*]}"
}
wine32_no_strays() { [ -z "$(wine32_strays)" ]; }
# Those processes with their state, what they wait in, age and command line, for a failure to explain itself.
wine32_processes() {
    local pids
    pids="$(wine32_strays)"
    [ -n "$pids" ] || { echo "(no process in $WINE32_ROOT)"; return; }
    ps -o pid,ppid,stat,etime,time,wchan:24,args -p "${pids// /,}" 2>/dev/null || true
}

# Everything above, then the mounts Wine needs; the project is /src (read-only), $1 (created) is /out.
# One script at a time uses the root file system: a second one waits for the first.
wine32_start() {
    local out="$1"
    mkdir -p "$CACHE"
    exec 9>"$CACHE/wine32.lock"
    if ! flock -n 9; then
        say "waiting for another script using $WINE32_ROOT to finish"
        flock -w 3600 9 || die "$WINE32_ROOT has been in use for an hour: giving up"
    fi
    wine32_emulation
    # after every wineserver -k, before qemu's binfmt entry goes: what has not ended within 5 s is killed
    wine32_cleanups+=("wait_until 5 wine32_no_strays || wine32_kill_strays")
    wine32_rootfs
    wine32_innosetup
    mount -t proc proc "$WINE32_ROOT/proc" || die "cannot mount proc in $WINE32_ROOT"
    wine32_bind /dev /dev
    wine32_bind /dev/pts /dev/pts
    mkdir -p /tmp/.X11-unix "$out"
    wine32_bind /tmp/.X11-unix /tmp/.X11-unix
    wine32_bind "$ROOT" /src ro
    wine32_bind "$out" /out
    install -m 0755 /dev/stdin "$WINE32_ROOT/usr/local/bin/traytalk-wine" <<'EOF'
#!/bin/sh
# Wine with a private prefix ($1), no Mono/Gecko prompts, no menu entries
prefix="$1"; shift
exec /usr/bin/env -i HOME=/root USER=root PATH=/usr/bin:/bin DISPLAY="$DISPLAY" WINEPREFIX="$prefix" \
    WINEDEBUG="${WINEDEBUG:--all}" WINEDLLOVERRIDES='mscoree,mshtml=;winemenubuilder.exe=d' "$@"
EOF
    wine32_prefix "$WINE32_BASE_PREFIX"
}

# Runs a program of the root file system with Wine's environment: wine32_in <prefix> wine|wineserver|... args.
# Stopped after $WINE32_TIMEOUT seconds (default 900): nothing here may hang a build.
wine32_in() {
    timeout "${WINE32_TIMEOUT:-900}" chroot "$WINE32_ROOT" /usr/local/bin/traytalk-wine "$@"
}

# Inno Setup's compiler (wine32_innosetup put it in /opt) with the given arguments, in the base prefix; its limit is
# far above the usual 20 s of compressing, emulated.
wine32_iscc() {
    WINE32_TIMEOUT=1200 wine32_in "$WINE32_BASE_PREFIX" wine "Z:\\opt\\innosetup-$INNOSETUP_VERSION\\ISCC.exe" "$@"
}

# A Wine prefix that reports Windows 10 (made once, about 20 s emulated; a copy of the base prefix later).
wine32_prefix() {
    local prefix="$1"
    if [ ! -f "$WINE32_ROOT$prefix/.complete" ]; then
        rm -rf "${WINE32_ROOT:?}$prefix"
        if [ "$prefix" != "$WINE32_BASE_PREFIX" ] && [ -f "$WINE32_ROOT$WINE32_BASE_PREFIX/.complete" ]; then
            cp -a "$WINE32_ROOT$WINE32_BASE_PREFIX" "$WINE32_ROOT$prefix"
        else
            say "creating the Wine prefix $prefix"
            wine32_in "$prefix" wineboot -i >/dev/null 2>&1 || true
            wine32_in "$prefix" winecfg -v win10 >/dev/null 2>&1 || die "winecfg -v win10 failed"
            wine32_in "$prefix" wineserver -w
            [ -f "$WINE32_ROOT$prefix/system.reg" ] || die "wineboot made no prefix in $WINE32_ROOT$prefix"
            # Desktop, Documents... are links to $HOME: make them folders of the prefix, so that each copy is whole
            local link
            for link in "$WINE32_ROOT$prefix"/drive_c/users/*/*; do
                [ ! -L "$link" ] || { rm "$link"; mkdir "$link"; }
            done
            touch "$WINE32_ROOT$prefix/.complete"
        fi
    fi
    # each new wineserver session starts wineboot, services... again: keep one running, stopped at exit
    wine32_in "$prefix" wineserver -p 900 || true
    wine32_cleanups+=("wine32_in '$prefix' wineserver -k")
}
