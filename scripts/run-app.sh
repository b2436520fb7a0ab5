#!/usr/bin/env bash
# Installs what is missing, builds lrscope and opens its window. Without a display it
# renders the demo figure headless instead and says where it went.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh app

cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DLRSCOPE_BUILD_TESTS=OFF -DLRSCOPE_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build/release -j "$(nproc)" --target lrscope lrscope-cli

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec build/release/app/gui/lrscope "$@"
fi
echo "No display found (DISPLAY is unset): rendering the demo headless instead." >&2
echo "To see the window, run this under a desktop session or: xvfb-run bash $0" >&2
mkdir -p out
QT_QPA_PLATFORM=offscreen build/release/app/lrscope-cli plot --dataset spiral --samples 400 \
  --optimizer sgd --lr 1e-3,0.1,10 --epochs 300 --out out/demo.png
echo "Wrote out/demo.png" >&2
