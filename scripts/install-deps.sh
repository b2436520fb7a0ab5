#!/usr/bin/env bash
# Installs the Debian 12 packages lrscope needs, only when some are missing.
# Usage: scripts/install-deps.sh app|test|bench|package
# Quiet when everything is present; works as root or, through sudo, as a user.
set -euo pipefail

build=(build-essential cmake ninja-build ccache pkg-config
       libeigen3-dev nlohmann-json3-dev libopenblas-dev
       qt6-base-dev qt6-svg-dev qt6-qpa-plugins libqcustomplot-dev fonts-dejavu-core)
case "${1:-test}" in
  app)   packages=("${build[@]}" xvfb xauth) ;;
  # clang and its runtimes (libFuzzer, sanitizers) build the fuzz targets.
  test)  packages=("${build[@]}" libgtest-dev libbenchmark-dev clang libclang-rt-14-dev
                   poppler-utils qpdf) ;;
  bench) packages=("${build[@]}" libgtest-dev libbenchmark-dev python3-torch python3-numpy
                   libopenblas0-pthread xvfb xauth imagemagick) ;;
  # The .deb (CPack runs dpkg-shlibdeps and file) and the fresh system it is tried on.
  package) packages=("${build[@]}" dpkg-dev file debootstrap imagemagick) ;;
  *) echo "usage: $0 app|test|bench|package" >&2; exit 2 ;;
esac

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
echo "Installing ${#missing[@]} Debian packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
if ! { $SUDO apt-get update -qq && \
       $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "install-deps: apt-get failed (output above)" >&2
  exit 1
fi
rm -f "$log"
