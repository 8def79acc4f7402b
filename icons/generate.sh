#!/usr/bin/env bash
# Regenerates every icon PNG, the Windows .ico and the runtime copies from the SVGs in icons/src.
# The outputs are committed, so the Maven build never needs rsvg-convert or icotool.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
resources="$here/../src/main/resources/org/traytalk/tray/icons"
app_sizes=(16 20 24 32 40 48 64 128 256)
tray_sizes=(16 22 24 32 48 64)
states=(normal unread dnd offline)

missing=()
command -v rsvg-convert >/dev/null || missing+=(librsvg2-bin)
command -v icotool >/dev/null || missing+=(icoutils)
if ((${#missing[@]})); then
    echo "generate.sh needs rsvg-convert and icotool: sudo apt-get install ${missing[*]}" >&2
    exit 1
fi

render() { # svg size out.png
    rsvg-convert --format=png --width="$2" --height="$2" --keep-aspect-ratio "$1" --output="$3"
}

mkdir -p "$here/png" "$resources"

ico_args=()
for size in "${app_sizes[@]}"; do
    png="$here/png/traytalk-$size.png"
    render "$here/src/traytalk.svg" "$size" "$png"
    cp "$png" "$resources/app-$size.png"
    # 256 stays PNG inside the .ico (Vista+ format), the small ones become 32-bit BMP entries
    if ((size == 256)); then ico_args+=(--raw="$png"); else ico_args+=("$png"); fi
done
icotool --create --output="$here/traytalk.ico" "${ico_args[@]}"

for state in "${states[@]}"; do
    for size in "${tray_sizes[@]}"; do
        png="$here/png/tray-$state-$size.png"
        render "$here/src/tray-$state.svg" "$size" "$png"
        cp "$png" "$resources/tray-$state-$size.png"
    done
done

echo "icons regenerated: $(find "$here/png" -name '*.png' | wc -l) PNGs, traytalk.ico, runtime copies in src/main/resources"
