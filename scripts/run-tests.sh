#!/usr/bin/env bash
# Installs what is missing, builds lrscope twice (release, and AddressSanitizer +
# UndefinedBehaviorSanitizer) and runs every test in both builds.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh test

jobs=$(nproc)
export QT_QPA_PLATFORM=offscreen
# ccache (when present) may reuse objects from another clone of the same sources.
export CCACHE_BASEDIR="$PWD"

echo "== release build"
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release -j "$jobs"
(cd build/release && ctest --output-on-failure -j "$jobs")

echo "== AddressSanitizer + UndefinedBehaviorSanitizer build"
# -O1 with line tables: quick to build, readable reports, Eigen's own assertions on.
cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" \
  -DLRSCOPE_SANITIZE=address,undefined -DLRSCOPE_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build/asan -j "$jobs"
(cd build/asan && ASAN_OPTIONS=detect_leaks=1 DBUS_SESSION_BUS_ADDRESS=disabled: \
  ctest --output-on-failure -j "$jobs")
