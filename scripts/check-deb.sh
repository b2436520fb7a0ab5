#!/usr/bin/env bash
# Builds lrscope's .deb and tries it on a fresh Debian 12: a minimal root file system
# (debootstrap --variant=minbase bookworm, made once and then copied for every check)
# installs the package with apt, which must pull in everything it needs, then runs
# lrscope-cli --version, a three-epoch training and the window under Xvfb, and saves a
# screenshot of the window to out/deb-window.png. Needs root (chroot, mount).
# Usage: scripts/check-deb.sh   (LRSCOPE_CHROOT=DIR to keep the fresh system elsewhere,
#        DEBIAN_MIRROR=URL for debootstrap, LRSCOPE_PACKAGE_SIMD=ON for a package only for
#        machines with AVX2, whose objects the compiler cache shares with build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" != 0 ]; then
  echo "check-deb: needs root (debootstrap, chroot and mount); try: sudo bash $0" >&2
  exit 2
fi
bash scripts/install-deps.sh package

pristine=${LRSCOPE_CHROOT:-/var/tmp/lrscope-bookworm}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
export CCACHE_BASEDIR="$PWD"

echo "== build the package"
# A package may be installed on another machine than the one that built it: no AVX2.
cmake -S . -B build/package -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DLRSCOPE_SIMD="${LRSCOPE_PACKAGE_SIMD:-OFF}" \
  -DLRSCOPE_BUILD_TESTS=OFF -DLRSCOPE_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build/package -j "$(nproc)"
rm -f build/package/lrscope_*.deb
(cd build/package && cpack -G DEB >/dev/null)
deb=$(ls build/package/lrscope_*.deb)
echo "$deb"
dpkg-deb --field "$deb" Depends
dpkg-deb --contents "$deb" | awk '{print $6}' | grep -v '/$'

echo "== a fresh Debian 12"
if [ ! -f "$pristine/etc/debian_version" ]; then
  debootstrap --variant=minbase bookworm "$pristine" "$mirror" >/dev/null
fi
root=$(mktemp -d /var/tmp/lrscope-deb-check.XXXXXX)
cleanup() {
  umount "$root/proc" 2>/dev/null || true
  rm -rf --one-file-system "$root"
}
trap cleanup EXIT
cp -a "$pristine/." "$root/"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
cp "$deb" "$root/tmp/"
inside() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
  DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 "$@"; }

echo "== apt-get install ./$(basename "$deb")"
inside apt-get update -qq
inside apt-get install -y -qq --no-install-recommends "/tmp/$(basename "$deb")" >/dev/null
for file in /usr/bin/lrscope /usr/bin/lrscope-cli /usr/share/applications/lrscope.desktop \
            /usr/share/icons/hicolor/scalable/apps/lrscope.svg /usr/share/man/man1/lrscope-cli.1; do
  [ -f "$root$file" ] || { echo "check-deb: $file is not installed" >&2; exit 1; }
done

echo "== lrscope-cli --version"
inside lrscope-cli --version
echo "== lrscope-cli train --epochs 3"
csv=$(inside lrscope-cli train --epochs 3)
printf '%s\n' "$csv"
rows=$(printf '%s\n' "$csv" | wc -l)
[ "$rows" = 5 ] || { echo "check-deb: expected a header and 4 rows (epochs 0-3), got $rows lines" >&2; exit 1; }

echo "== the window under Xvfb"
# Only for this check, not for lrscope: a display server and tools to find and grab the window.
inside apt-get install -y -qq --no-install-recommends xvfb xauth x11-utils x11-apps >/dev/null
cat > "$root/tmp/window.sh" <<'INNER'
lrscope & app=$!
for _ in $(seq 100); do
  xwininfo -root -tree | grep -q '"lrscope' && break
  kill -0 $app 2>/dev/null || { echo "lrscope exited before showing its window" >&2; exit 1; }
  sleep 0.2
done
xwininfo -root -tree | grep '"lrscope' || { echo "no lrscope window after 20 s" >&2; exit 1; }
sleep 1  # let the first frame paint
xwd -root -silent > /tmp/window.xwd
kill -0 $app || { echo "lrscope died while showing its window" >&2; exit 1; }
kill $app
INNER
inside env DBUS_SESSION_BUS_ADDRESS=disabled: \
  xvfb-run -a -s '-screen 0 1280x800x24' sh /tmp/window.sh
mkdir -p out
convert "xwd:$root/tmp/window.xwd" out/deb-window.png
colors=$(identify -format '%k' out/deb-window.png)
echo "out/deb-window.png: $colors colours"
[ "$colors" -gt 16 ] || { echo "check-deb: the screenshot is nearly blank" >&2; exit 1; }
echo "check-deb: OK"
