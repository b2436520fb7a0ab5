#!/usr/bin/env bash
# Installs what is missing, builds lrscope twice (release, and AddressSanitizer +
# UndefinedBehaviorSanitizer) and runs every test in both builds; then builds the libFuzzer
# targets with clang and fuzzes every file parser for a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh test

jobs=$(nproc)
export QT_QPA_PLATFORM=offscreen
# ccache (when present, and the build has no precompiled headers: see CMakeLists.txt) may
# reuse objects from another clone of the same sources.
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

echo "== fuzz targets (clang, libFuzzer + AddressSanitizer + UndefinedBehaviorSanitizer)"
# Each target replays its seeds in tests/fuzz/corpus/ and then fuzzes for 5 seconds.
cmake -S . -B build/fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" -DLRSCOPE_FUZZ=ON -DLRSCOPE_FUZZ_SECONDS=5 \
  -DLRSCOPE_BUILD_GUI=OFF -DLRSCOPE_BUILD_TESTS=OFF -DLRSCOPE_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build/fuzz -j "$jobs" --target lrscope_fuzzers
(cd build/fuzz && ctest -L fuzz --output-on-failure -j "$jobs")
