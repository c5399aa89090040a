#!/bin/sh
# quickstart.sh: installs what is missing, builds qcode, and codes the
# sample corpus with the default codebook, printing code frequencies per
# subsector (stdout); then says on stderr how to run qcode by its name.
set -eu
cd "$(dirname "$0")/.."
sh tools/deps.sh build
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
./build/qcode apply -c codebooks/digitalisering.yaml corpus/*.txt
cat >&2 <<MSG

quickstart.sh: qcode is built as $PWD/build/qcode. To run it as qcode,
as the README's examples do, put it on PATH in this shell:
  export PATH="$PWD/build:\$PATH"
or install it (with its man page and completions) into ~/.local:
  cmake --install build --prefix ~/.local     # then ~/.local/bin on PATH
MSG
