#!/usr/bin/env bash
# Builds target/release/traytalk_<version>_amd64.deb with jpackage: a jlink runtime (so no system Java is needed),
# the shaded jar, the launcher /opt/traytalk/bin/traytalk, a desktop entry in the Network menu and the icon.
# installer/deb/ holds the package's own control file (long description, Recommends for the tray), desktop entry
# (Name=TrayTalk, Icon=traytalk) and maintainer scripts (menu entry, icons in the hicolor theme).
set -euo pipefail
. "$(dirname "$0")/common.sh"

# What `jdeps --print-module-deps --ignore-missing-deps --multi-release 17 target/traytalk.jar` printed, plus
# jdk.crypto.ec (TLS/EC keys are found by name, jdeps cannot see that).
# TRAYTALK_JDEPS=1 recomputes the list (about 15 s) and says when it differs.
MODULES="java.base,java.desktop,java.instrument,java.management,java.naming,java.scripting,java.sql,jdk.attach,jdk.jdi,jdk.net,jdk.unsupported,jdk.crypto.ec"

need_jar
need_icons
for tool in jlink jpackage dpkg-deb fakeroot unshare; do
    command -v "$tool" >/dev/null || die "$tool not found (apt-get install openjdk-17-jdk-headless fakeroot)"
done

if [ "${TRAYTALK_JDEPS:-0}" = 1 ]; then
    found="$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 "$TARGET/traytalk.jar")"
    case ",$MODULES," in *",$found,"*) ;; esac
    for m in ${found//,/ }; do
        case ",$MODULES," in *",$m,"*) ;; *) die "jdeps wants module $m, which MODULES in $0 lacks" ;; esac
    done
    say "jdeps modules are all in the list: $found"
fi

work="$TARGET/installer/deb"
runtime="$work/runtime"
stamp="$MODULES $(java -version 2>&1 | head -n 1)"
# The runtime only changes with the module list or the JDK: reuse it otherwise (jlink takes about 10 s).
if [ ! -f "$runtime/release" ] || [ "$(cat "$work/runtime.stamp" 2>/dev/null)" != "$stamp" ]; then
    say "jlink runtime with $MODULES"
    rm -rf "$runtime"
    mkdir -p "$work"
    jlink --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages --strip-native-commands \
        --output "$runtime"
    echo "$stamp" > "$work/runtime.stamp"
fi

rm -rf "$work/input" "$work/out"
mkdir -p "$work/input" "$work/out" "$RELEASE"
cp "$TARGET/traytalk.jar" "$work/input/"
# jpackage names the menu icon after the package; it must be a PNG on Linux
cp "$ICONS/png/traytalk-256.png" "$work/traytalk.png"
# every size of the hicolor theme, for postinst to add to it (/opt/traytalk/lib/app/icons/)
mkdir -p "$work/input/icons"
for s in $DEB_ICON_SIZES; do cp "$ICONS/png/traytalk-$s.png" "$work/input/icons/"; done
# the SQLite driver's native library, unpacked beside the jar: told where it is (sqlite_options below), the driver
# loads it from there instead of copying it to /tmp at every start after running `uname -o` (an Android check whose
# child process keeps Java's process-reaper thread for a minute)
(cd "$work" && jar xf "$TARGET/traytalk.jar" org/sqlite/native/Linux/x86_64/libsqlitejdbc.so \
    && mv org/sqlite/native/Linux/x86_64/libsqlitejdbc.so input/ && rm -r org)

java_options=()
for option in $JVM_OPTIONS; do java_options+=(--java-options "$option"); done
# the class-data sharing archive added below (a JVM that cannot use it starts without, as before); $APPDIR is
# jpackage's, expanded by its launcher at run time, so it stays as it is here
# shellcheck disable=SC2016
cds_option='-XX:SharedArchiveFile=$APPDIR/traytalk.jsa'
java_options+=(--java-options "$cds_option")
# shellcheck disable=SC2016
sqlite_options=('-Dorg.sqlite.lib.path=$APPDIR' -Dorg.sqlite.lib.name=libsqlitejdbc.so)
for option in "${sqlite_options[@]}"; do java_options+=(--java-options "$option"); done

say "jpackage --type deb (version $VERSION)"
# xz at level 1: most of jpackage's time is compression, and the package is only a little bigger
DPKG_DEB_COMPRESSOR_TYPE=xz DPKG_DEB_COMPRESSOR_LEVEL=1 jpackage --type deb \
    --name traytalk \
    --app-version "$VERSION" \
    --vendor "TrayTalk" \
    --description "Serverless LAN messenger that lives in the system tray" \
    --copyright "TrayTalk contributors" \
    --input "$work/input" \
    --main-jar traytalk.jar \
    --main-class org.traytalk.app.Main \
    "${java_options[@]}" \
    --runtime-image "$runtime" \
    --icon "$work/traytalk.png" \
    --install-dir /opt \
    --linux-package-name traytalk \
    --linux-deb-maintainer "traytalk@localhost" \
    --linux-menu-group "Network" \
    --linux-app-category net \
    --linux-shortcut \
    --resource-dir "$ROOT/installer/deb" \
    --dest "$work/out"

debs=("$work"/out/*.deb)
[ -f "${debs[0]}" ] || die "jpackage made no .deb in $work/out"
[ "${#debs[@]}" = 1 ] || die "jpackage made more than one .deb: ${debs[*]}"
name="traytalk_${VERSION}_amd64.deb"
mv "${debs[0]}" "$RELEASE/$name"

# Class-data sharing: the classes a start to the tray and a pop-up load (installer/traytalk.classlist), parsed
# and laid out once here, so each start maps them instead of reading them from the jar (jlink's runtime has no
# archive at all, not even the JDK's). Java 17 takes an archive only with the jar at the very path, size and time it
# was made with: so it is made in the package's own tree with its own runtime, mounted at /opt/traytalk in a mount
# namespace of its own (unshare; nothing changes outside it). A JVM that cannot use it starts without, as before.
# To make the list again, after a change that loads other classes at start (about a minute, needs what the
# footprint benchmark needs): mvn -q -B test-compile exec:java@footprint -Dexec.args="--runs 1 --launchers jar+jvm
# --jvm '<traytalk.jvm.options> -XX:DumpLoadedClassList=/tmp/traytalk.classlist'", then drop its comment lines.
# Classes in the list that the jar no longer has are left out.
say "class-data sharing archive"
tree="$work/tree"
case "$tree" in /opt/*) die "the build folder $TARGET must not be under /opt (the archive is made there)" ;; esac
rm -rf "$tree"
dpkg-deb -R "$RELEASE/$name" "$tree"
jre="$tree/opt/traytalk/lib/runtime"
mkdir "$jre/bin"
cp "$(dirname "$(readlink -f "$(command -v jlink)")")/java" "$jre/bin/java" # the launcher of jlink's own JDK
cp "$ROOT/installer/traytalk.classlist" "$work/classlist"
# shellcheck disable=SC2016 # expanded by the inner shell
unshare --mount --map-root-user sh -c 'mount -t tmpfs tmpfs /opt && mkdir /opt/traytalk \
    && mount --bind "$1" /opt/traytalk && cd /opt/traytalk/lib \
    && runtime/bin/java -Xshare:dump -XX:SharedClassListFile="$2" -XX:SharedArchiveFile=app/traytalk.jsa \
        -cp /opt/traytalk/lib/app/traytalk.jar \
    && runtime/bin/java -Xshare:on -XX:SharedArchiveFile=app/traytalk.jsa -cp /opt/traytalk/lib/app/traytalk.jar \
        -version' sh "$tree/opt/traytalk" "$work/classlist" > "$work/cds.log" 2>&1 \
    || die "the class-data sharing archive could not be made or is refused: $(tail -n 5 "$work/cds.log")"
rm -r "${jre:?}/bin"
DPKG_DEB_COMPRESSOR_TYPE=xz DPKG_DEB_COMPRESSOR_LEVEL=1 dpkg-deb --root-owner-group -b "$tree" "$RELEASE/$name" \
    > /dev/null
rm -rf "$tree"

# What we can check without installing: the package's name, version and the launcher inside it.
info="$(dpkg-deb -f "$RELEASE/$name" Package Version Architecture Maintainer Recommends)"
echo "$info" | grep -qx "Package: traytalk" || die "$name: wrong package name: $info"
echo "$info" | grep -qE "^Version: $VERSION(-[0-9]+)?$" || die "$name: wrong version: $info"
echo "$info" | grep -qE '^Maintainer: [^<>]+ <[^<>@ ]+@[^<>@ ]+>$' || die "$name: malformed Maintainer field: $info"
echo "$info" | grep -q '^Recommends: .*libayatana-appindicator3-1' || die "$name: no Recommends for the tray: $info"
[ "$(dpkg-deb -f "$RELEASE/$name" Description | wc -l)" -gt 3 ] || die "$name: the description has no long text"
contents="$(dpkg-deb -c "$RELEASE/$name")"
grep -q ' ./opt/traytalk/bin/traytalk$' <<<"$contents" || die "$name has no /opt/traytalk/bin/traytalk"
grep -q ' ./opt/traytalk/lib/app/traytalk.jsa$' <<<"$contents" || die "$name has no class-data sharing archive"
for s in $DEB_ICON_SIZES; do
    grep -q " ./opt/traytalk/lib/app/icons/traytalk-$s.png$" <<<"$contents" || die "$name has no $s px icon"
done
for script in postinst prerm; do
    sizes="$(sed -n 's/^ *for size in \(.*\); do$/\1/p' "$ROOT/installer/deb/$script")"
    [ "$sizes" = "$DEB_ICON_SIZES" ] || die "installer/deb/$script handles icon sizes '$sizes', not '$DEB_ICON_SIZES'"
done
cfg="$(dpkg-deb --fsys-tarfile "$RELEASE/$name" | tar -xOf - ./opt/traytalk/lib/app/traytalk.cfg)"
for option in $JVM_OPTIONS "$cds_option" "${sqlite_options[@]}"; do
    grep -qxF "java-options=$option" <<<"$cfg" || die "$name: the launcher does not give the JVM option $option"
done
desktop="$(dpkg-deb --fsys-tarfile "$RELEASE/$name" | tar -xOf - ./opt/traytalk/lib/traytalk-traytalk.desktop)"
for line in 'Name=TrayTalk' "Exec=$X11_ENV /opt/traytalk/bin/traytalk"; do
    grep -qx "$line" <<<"$desktop" || die "$name: the menu entry lacks $line (installer/deb/traytalk.desktop): $desktop"
done
say "built $RELEASE/$name ($(du -h "$RELEASE/$name" | cut -f1))"
