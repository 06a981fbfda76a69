#!/usr/bin/env bash
# Hoststand installs like a desktop application: `cmake --install` puts the
# two programs, the desktop entry and the icon in place and the installed
# programs start; CPack's .deb holds the same files, names its run-time
# dependencies, and what it unpacks starts too.
#   check-package.sh BUILD_DIR
set -euo pipefail

build=$(cd "$1" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/hoststand-package.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
export QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$work/runtime" HOME="$work/home"
mkdir -m 700 -p "$XDG_RUNTIME_DIR" "$HOME"

# The programs of a prefix start: the host stand renders the demo restaurant,
# given its store as a file (the desktop entry's %F), and hoststand-cli lists
# the demo's tables from that store.
check_programs() {
    local prefix=$1
    local store="$work/$(basename "$prefix").hoststand"
    "$prefix/bin/hoststand" "$store" --demo --now 2026-12-04T19:40:00Z \
        --screenshot "$work/shot.png" >/dev/null 2>&1 \
        || fail "$prefix/bin/hoststand did not render the demo restaurant"
    [[ $(head -c 8 "$work/shot.png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] \
        || fail "$prefix/bin/hoststand wrote no PNG"
    "$prefix/bin/hoststand-cli" --store "$store" tables list | grep -q '^T1\b' \
        || fail "$prefix/bin/hoststand-cli does not list the demo's tables"
    rm -f "$work/shot.png"
}

echo "== cmake --install"
cmake --install "$build" --prefix "$work/usr" >/dev/null
for file in bin/hoststand bin/hoststand-cli share/applications/hoststand.desktop \
            share/icons/hicolor/scalable/apps/hoststand.svg; do
    [[ -e "$work/usr/$file" ]] || fail "cmake --install did not put $file in place"
done
desktop="$work/usr/share/applications/hoststand.desktop"
grep -qx 'Type=Application' "$desktop" || fail "the desktop entry is not an application"
grep -qx 'Exec=hoststand %F' "$desktop" || fail "the desktop entry does not start hoststand"
grep -qx 'Icon=hoststand' "$desktop" || fail "the desktop entry does not name the icon"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$desktop" || fail "desktop-file-validate refuses the entry"
fi
grep -q '<svg' "$work/usr/share/icons/hicolor/scalable/apps/hoststand.svg" \
    || fail "the icon is not an SVG"
check_programs "$work/usr"

echo "== cpack -G DEB"
(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/package" >/dev/null) \
    || fail "cpack did not build the package"
deb=$(ls "$work"/package/hoststand_*.deb 2>/dev/null | head -1)
[[ -n "$deb" ]] || fail "cpack made no hoststand_*.deb"
[[ $(dpkg-deb -f "$deb" Package) == hoststand ]] || fail "the package is not called hoststand"
depends=$(dpkg-deb -f "$deb" Depends)
for package in libqt6widgets6 libqt6network6 libqt6sql6-sqlite libqt6sql6-psql libqt6svg6 "libsimdjson[0-9][0-9]*"; do
    grep -q "\b$package\b" <<<"$depends" || fail "the package does not depend on $package"
done
contents=$(dpkg-deb -c "$deb")
for file in ./usr/bin/hoststand ./usr/bin/hoststand-cli ./usr/share/applications/hoststand.desktop \
            ./usr/share/icons/hicolor/scalable/apps/hoststand.svg; do
    grep -q " $file\$" <<<"$contents" || fail "the package does not hold $file"
done
# Every dependency it names can be met here (without installing anything).
if [[ $(id -u) -eq 0 ]]; then
    dpkg --dry-run -i "$deb" >/dev/null || fail "dpkg would not install the package"
fi
dpkg-deb -x "$deb" "$work/unpacked"
check_programs "$work/unpacked/usr"
echo "The installation and $(basename "$deb") hold and start Hoststand."
