; The Java runtime that the Windows setup downloads while it installs, and unpacks into {app}\runtime (where
; TrayTalk.exe and traytalkc.exe look first). This is the only place that names it; traytalk.iss includes it.
;
; Eclipse Temurin JRE 17, Windows x64, release 17.0.13+11, the zip of Adoptium's GitHub release.
;
; TemurinSha256 is NOT PINNED YET: no machine this was built on could reach the internet, so neither the URL nor
; the checksum was ever fetched or checked here, and no checksum was written down from memory. Before a release:
; download TemurinUrl and the checksum file Adoptium publishes beside it (the same URL + ".sha256.txt"), check
; that sha256sum of the zip gives the published value, and put it below (64 hex digits, lower case). To move to a
; newer Temurin 17 update, change the release, the URL and the checksum together.
; While TemurinSha256 is empty, build-setup.sh builds the setup as before this download existed (it needs a Java 17
; installed by the user) and warns: a download that nobody can check is never shipped.

#define TemurinRelease "17.0.13+11"
#define TemurinUrl "https://github.com/adoptium/temurin17-binaries/releases/download/jdk-17.0.13%2B11/OpenJDK17U-jre_x64_windows_hotspot_17.0.13_11.zip"
#define TemurinSha256 ""
