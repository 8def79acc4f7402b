; The Java runtime that the Windows setup downloads while it installs, and unpacks into {app}\runtime (where
; TrayTalk.exe and traytalkc.exe look first). This is the only place that names it; traytalk.iss includes it.
;
; Eclipse Temurin JRE 17, Windows x64, release 17.0.19+10, the zip of Adoptium's GitHub release.
;
; TemurinSha256 is the checksum Adoptium publishes beside the zip (the same URL + ".sha256.txt"), as recorded in
; the Scoop Java bucket's temurin17-jre manifest (which its tooling takes from that file) and, identically, in the
; pins of eight other public projects (checked 2026-12-07). No machine this was built on could download the zip
; itself, so check it once with sha256sum before a release. To move to a newer Temurin 17 update, change the
; release, the URL and the checksum together. With TemurinSha256 empty, build-setup.sh builds a setup that needs
; a Java 17 installed by the user, and warns: a download that nobody can check is never shipped.

#define TemurinRelease "17.0.19+10"
#define TemurinUrl "https://github.com/adoptium/temurin17-binaries/releases/download/jdk-17.0.19%2B10/OpenJDK17U-jre_x64_windows_hotspot_17.0.19_10.zip"
#define TemurinSha256 "79a598e1fbb4e16582d92c4ee22280a3c4d72fd52606e1e46b1223c0fe53b0da"
