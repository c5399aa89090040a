#!/bin/sh
# test.sh: installs what is missing, then builds and runs the whole test
# suite three times: a plain build, one under AddressSanitizer and
# UndefinedBehaviorSanitizer, and one under valgrind's memcheck.
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
