#!/bin/sh
# test.sh: installs what is missing, then builds and runs the whole test
# suite three times: a plain build, one under AddressSanitizer and
# UndefinedBehaviorSanitizer, and one under valgrind's memcheck; then
# runs each fuzz target for a minute.
set -eu
cd "$(dirname "$0")/.."
sh tools/deps.sh test
jobs=$(nproc)
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DQCODE_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
(cd build && ctest --output-on-failure -j"$jobs")
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DQCODE_SANITIZE=ON \
  -DQCODE_WERROR=ON >/dev/null
cmake --build build-asan -j"$jobs"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --output-on-failure -j"$jobs")
sh tools/valgrind.sh
# A 60-second libFuzzer smoke run per target, where clang's libFuzzer links
# (tools/deps.sh test installs it on Debian); a crash fails the run.
if sh tools/fuzz.sh --probe 2>/dev/null; then
  for t in codebook transcript tokenize apply; do
    sh tools/fuzz.sh "$t" 1 || { tail -n 40 "build-fuzz/fuzz-$t.log"; exit 1; }
  done
else
  echo "test.sh: clang's libFuzzer is not installed; fuzz smoke run skipped" >&2
fi
