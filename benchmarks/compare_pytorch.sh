#!/usr/bin/env bash
# Builds lrscope-cli (Release, no GUI) if needed and times it against PyTorch:
#   benchmarks/compare_pytorch.sh [compare_pytorch.py flags, e.g. --rounds 5 --workloads W1]
# The build directory is $LRSCOPE_BENCH_BUILD (default: build-bench in the source tree).
# Needs Debian's python3 with python3-torch and python3-numpy (see benchmarks/compare_pytorch.py).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${LRSCOPE_BENCH_BUILD:-$root/build-bench}

if [ ! -f "$build/CMakeCache.txt" ]; then
    generator=()
    if command -v ninja >/dev/null; then
        generator=(-G Ninja)
    fi
    cmake -S "$root" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
        -DLRSCOPE_BUILD_GUI=OFF
elif ! grep -q '^CMAKE_BUILD_TYPE:STRING=Release$' "$build/CMakeCache.txt"; then
    echo "compare_pytorch.sh: $build is not a Release build; timing it would mislead" >&2
    echo "  set LRSCOPE_BENCH_BUILD to another directory or reconfigure it as Release" >&2
    exit 2
fi
cmake --build "$build" -j2 --target lrscope-cli

# The script itself drops OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE and pins one BLAS/OpenMP thread for
# every side (it re-executes itself with that environment), and runs PyTorch at its best in a
# process of its own with lrscope's kernel forced; nothing else to set here.
exec /usr/bin/python3 "$root/benchmarks/compare_pytorch.py" --lrscope "$build/app/lrscope-cli" "$@"
