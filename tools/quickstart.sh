#!/bin/sh
# quickstart.sh: installs what is missing, builds qcode, and codes the
# sample corpus with the default codebook, printing code frequencies per
# subsector.
set -eu
cd "$(dirname "$0")/.."
sh tools/deps.sh build
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
./build/qcode apply -c codebooks/digitalisering.yaml corpus/*.txt
