#!/usr/bin/env bash
# Builds target/release/TrayTalk-<version>-setup.exe from target/TrayTalk.exe and target/traytalkc.exe
# (mvn -P windows-exe package), then checks the launchers and the setup (PE signature, icon, version resource).
#
# The compiler is Inno Setup 6 (installer/traytalk.iss, ISCC.exe from the npm package innosetup, run by Wine with
# 32-bit PE DLLs fetched privately: the machine's apt configuration is never changed). ISCC is a 32-bit program:
# where the kernel cannot run 32-bit code at all (some VMs), NSIS builds the same installer from traytalk.nsi.
# TRAYTALK_SETUP_COMPILER=inno|nsis forces one (inno then fails instead of falling back).
# Optional: TRAYTALK_RUNTIME_DIR=<a Windows Java runtime folder> bundles it as {app}\runtime.
set -euo pipefail
. "$(dirname "$0")/common.sh"

INNOSETUP_VERSION=6.4.1
COMPILER="${TRAYTALK_SETUP_COMPILER:-auto}"
SETUP="$RELEASE/TrayTalk-$VERSION-setup.exe"

if [ "${1:-}" != --can-run-i386 ]; then
need_icons
command -v wrestool >/dev/null || die "wrestool not found (apt-get install icoutils)"

# The launchers first: a setup around broken exes is worse than none.
check_launcher() {
    local exe="$1" res ver
    check_pe "$exe"
    res="$(wrestool -l "$exe")"
    grep -q 'type=group_icon' <<<"$res" || die "$exe has no icon resource"
    grep -q 'type=version' <<<"$res" || die "$exe has no version resource"
    ver="$(version_strings "$exe")"
    grep -qx "ProductVersion=$VERSION" <<<"$ver" || die "$exe: version resource lacks ProductVersion $VERSION"
    grep -qx "ProductName=TrayTalk" <<<"$ver" || die "$exe: version resource lacks ProductName TrayTalk"
    say "ok $(basename "$exe"): PE, icon, version $VERSION"
}
for exe in TrayTalk.exe traytalkc.exe; do
    [ -s "$TARGET/$exe" ] || die "$TARGET/$exe is missing: run 'mvn -B -DskipTests -P windows-exe package' first"
    check_launcher "$TARGET/$exe"
done
fi

# A 93-byte static i386 program that only calls exit(0): can this kernel run 32-bit code at all?
can_run_i386() {
    local f="$CACHE/exit0-i386"
    mkdir -p "$CACHE"
    printf '\177ELF\001\001\001\000\000\000\000\000\000\000\000\000\002\000\003\000\001\000\000\000\124\200\004\010\064\000\000\000\000\000\000\000\000\000\000\000\064\000\040\000\001\000\050\000\000\000\000\000\001\000\000\000\000\000\000\000\000\200\004\010\000\200\004\010\135\000\000\000\135\000\000\000\005\000\000\000\000\020\000\000\270\001\000\000\000\061\333\315\200' > "$f"
    chmod +x "$f"
    "$f" 2>/dev/null
}

# Wine with 32-bit PE DLLs in a private prefix, all under $CACHE; prints nothing, sets ISCC and the Wine variables.
prepare_wine() {
    command -v wine >/dev/null || die "wine not found (apt-get install wine)"
    command -v npm >/dev/null || die "npm not found (apt-get install npm)"
    local libwine_version apt dlls
    libwine_version="$(dpkg-query -W -f '${Version}' libwine)"
    ISCC="$CACHE/innosetup-$INNOSETUP_VERSION/node_modules/innosetup/bin/ISCC.exe"
    if [ ! -f "$ISCC" ]; then
        say "npm install innosetup@$INNOSETUP_VERSION into $CACHE (not global)"
        npm install --silent --no-save --no-audit --no-fund --ignore-scripts \
            --prefix "$CACHE/innosetup-$INNOSETUP_VERSION" "innosetup@$INNOSETUP_VERSION" >&2
        [ -f "$ISCC" ] || die "the npm package innosetup@$INNOSETUP_VERSION has no bin/ISCC.exe"
    fi
    dlls="$CACHE/wine-$libwine_version/i386-windows"
    if [ ! -f "$dlls/.complete" ]; then
        say "downloading libwine:i386 $libwine_version with a private apt configuration (nothing is installed)"
        apt="$CACHE/apt-i386"
        rm -rf "$apt" "$dlls"
        mkdir -p "$apt/sources" "$apt/lists/partial" "$apt/cache/archives/partial" "$dlls"
        printf 'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\nArchitectures: i386\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
            > "$apt/sources/i386.sources"
        local opts=(-o APT::Architecture=i386 -o APT::Architectures::=i386 -o Dir::Etc::SourceList=/dev/null
            -o "Dir::Etc::SourceParts=$apt/sources" -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache"
            -o Dir::State::status=/dev/null -o Debug::NoLocking=1 -o APT::Sandbox::User=root)
        apt-get -q "${opts[@]}" update >&2
        (cd "$apt" && apt-get -q "${opts[@]}" download "libwine:i386=$libwine_version" >&2)
        local names="" d
        for d in ntdll kernel32 kernelbase advapi32 sechost msvcrt ucrtbase combase rpcrt4 ole32 oleaut32 gdi32 \
                 user32 win32u imm32 shcore shell32 shlwapi version comctl32 comdlg32 uxtheme winhttp jsproxy ws2_32 mpr; do
            names="$names ./usr/lib/i386-linux-gnu/wine/i386-windows/$d.dll"
        done
        # shellcheck disable=SC2086
        dpkg-deb --fsys-tarfile "$apt"/libwine_*_i386.deb | tar -x -C "$apt" $names
        cp "$apt"/usr/lib/i386-linux-gnu/wine/i386-windows/*.dll "$dlls/"
        cp /usr/lib/x86_64-linux-gnu/wine/i386-windows/zlib1.dll "$dlls/" 2>/dev/null || true
        rm -rf "$apt"
        touch "$dlls/.complete"
    fi
    export WINEPREFIX="$CACHE/wine-$libwine_version/prefix" WINEDLLPATH="$dlls" WINEDEBUG=-all
    export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
    unset DISPLAY
    if [ ! -f "$WINEPREFIX/.complete" ]; then
        say "creating the Wine prefix $WINEPREFIX"
        rm -rf "$WINEPREFIX"
        wineboot -i >/dev/null 2>&1 || true
        mkdir -p "$WINEPREFIX/drive_c/windows/syswow64"
        cp "$dlls"/*.dll "$WINEPREFIX/drive_c/windows/syswow64/"
        touch "$WINEPREFIX/.complete"
    fi
}

# ISCC prints its banner when it really runs; Wine without 32-bit support exits 0 having done nothing.
iscc_works() {
    timeout 120 wine "$ISCC" '/?' 2>&1 | grep -q 'Inno Setup 6 Command-Line Compiler'
}

build_with_inno() {
    local log="$TARGET/installer/iscc.log" args=()
    args+=("/DAppVersion=$VERSION" "/DSourceDir=$(winepath -w "$TARGET")" "/DIconFile=$(winepath -w "$ICONS/traytalk.ico")")
    [ -z "${TRAYTALK_RUNTIME_DIR:-}" ] || args+=("/DRuntimeDir=$(winepath -w "$TRAYTALK_RUNTIME_DIR")")
    args+=("/O$(winepath -w "$RELEASE")" "/Qp" "$(winepath -w "$ROOT/installer/traytalk.iss")")
    say "ISCC ${args[*]}"
    if ! wine "$ISCC" "${args[@]}" >"$log" 2>&1; then
        cat "$log" >&2
        die "ISCC failed (log: $log)"
    fi
    wineserver -w || true
}

build_with_nsis() {
    command -v makensis >/dev/null || die "makensis not found (apt-get install nsis)"
    local log="$TARGET/installer/makensis.log" args=()
    args+=("-DAPP_VERSION=$VERSION" "-DSOURCE_DIR=$TARGET" "-DICON_FILE=$ICONS/traytalk.ico" "-DOUT_FILE=$SETUP")
    [ -z "${TRAYTALK_RUNTIME_DIR:-}" ] || args+=("-DRUNTIME_DIR=$TRAYTALK_RUNTIME_DIR")
    say "makensis ${args[*]} installer/traytalk.nsi"
    if ! makensis -V2 -WX "${args[@]}" "$ROOT/installer/traytalk.nsi" >"$log" 2>&1; then
        cat "$log" >&2
        die "makensis failed (log: $log)"
    fi
}

if [ "${1:-}" = --can-run-i386 ]; then can_run_i386; exit; fi
mkdir -p "$RELEASE" "$TARGET/installer"
rm -f "$SETUP"
case "$COMPILER" in
    auto)
        if can_run_i386; then
            prepare_wine
            if iscc_works; then COMPILER=inno; else
                say "ISCC does not run under Wine here: using NSIS"; COMPILER=nsis; fi
        else
            say "this kernel cannot run 32-bit x86 programs (Inno Setup's ISCC is one): using NSIS"
            COMPILER=nsis
        fi ;;
    inno)
        can_run_i386 || die "this kernel cannot run 32-bit x86 programs, and ISCC.exe is one"
        prepare_wine
        iscc_works || die "ISCC.exe does not run under Wine (no banner from 'wine ISCC.exe /?')" ;;
    nsis) ;;
    *) die "TRAYTALK_SETUP_COMPILER must be auto, inno or nsis, not $COMPILER" ;;
esac
if [ "$COMPILER" = inno ]; then build_with_inno; else build_with_nsis; fi

# The result: a PE file with our icon and version; the launchers are inside, compressed, so only size tells.
check_pe "$SETUP"
res="$(wrestool -l "$SETUP")"
grep -q 'type=group_icon' <<<"$res" || die "$SETUP has no icon resource"
grep -q 'type=version' <<<"$res" || die "$SETUP has no version resource"
ver="$(version_strings "$SETUP")"
grep -qx "ProductVersion=$VERSION" <<<"$ver" || die "$SETUP: version resource lacks ProductVersion $VERSION"
grep -qx "ProductName=TrayTalk" <<<"$ver" || die "$SETUP: version resource lacks ProductName TrayTalk"
size=$(stat -c %s "$SETUP")
[ "$size" -gt "$(( $(stat -c %s "$TARGET/traytalk.jar") / 2 ))" ] || die "$SETUP ($size bytes) is far smaller than the jar: files missing?"
say "ok $(basename "$SETUP") built with $COMPILER: PE, icon, version $VERSION, $size bytes"
