#!/usr/bin/env bash
# One command for every release artifact: builds the jar and the Windows launchers (mvn -P windows-exe), the
# Windows setup and the Debian package into target/release/, then prints their names and sizes.
# Runs the checks of build-setup.sh and build-deb.sh; installer/test-deb.sh then tries the package for real.
set -euo pipefail
. "$(dirname "$0")/common.sh"

need_icons
start=$(date +%s)
say "mvn -P windows-exe package (jar, TrayTalk.exe, traytalkc.exe)"
(cd "$ROOT" && mvn -B -q -DskipTests -P windows-exe "-Dtraytalk.ico=$ICONS/traytalk.ico" package)
need_jar
rm -rf "$RELEASE"
mkdir -p "$RELEASE"
cp "$TARGET/traytalk.jar" "$RELEASE/traytalk-$VERSION.jar"
cp "$TARGET/TrayTalk.exe" "$TARGET/traytalkc.exe" "$RELEASE/"

# a release setup downloads the Temurin pinned in installer/temurin-jre.iss, never a test build's stand-in
unset TRAYTALK_TEST_JRE_URL TRAYTALK_TEST_JRE_SHA256 TRAYTALK_TEST_JRE_RELEASE
"$ROOT/installer/build-setup.sh"
"$ROOT/installer/build-deb.sh"

echo
printf '%-34s %12s\n' "target/release/" "bytes"
for f in "traytalk-$VERSION.jar" TrayTalk.exe traytalkc.exe "TrayTalk-$VERSION-setup.exe" "traytalk_${VERSION}_amd64.deb"; do
    [ -s "$RELEASE/$f" ] || die "$RELEASE/$f is missing"
    printf '%-34s %12s\n' "$f" "$(stat -c %s "$RELEASE/$f")"
done
echo "built in $(( $(date +%s) - start )) s"
