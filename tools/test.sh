#!/bin/sh
# test.sh: installs what is missing, builds qcode into build/ and runs the
# test suite.
#
#   sh tools/test.sh         the plain suite (ctest): unit tests, the
#                            command-line tests (the man page's and the
#                            README's examples among them), the ucto
#                            comparison, the benchmark's smoke run and the
#                            fuzz corpora replayed. It installs only the
#                            build packages and GNU time; a test that needs
#                            what is not installed (ucto, python3, zsh) says
#                            so and is skipped. Some 2 minutes on 2 cores.
#   sh tools/test.sh --all   what CI runs: installs ucto, python3, zsh,
#                            valgrind and clang too, runs the plain suite,
#                            then everything again under AddressSanitizer
#                            and UndefinedBehaviorSanitizer and under
#                            valgrind's memcheck, and ends with a one-minute
#                            libFuzzer run of each fuzz target.
set -eu
cd "$(dirname "$0")/.."
case ${1:-} in
  '') all=no ;;
  --all) all=yes ;;
  *) echo "usage: sh tools/test.sh [--all]" >&2; exit 2 ;;
esac
jobs=$(nproc)
if [ $all = yes ]; then sh tools/deps.sh test; else sh tools/deps.sh quick; fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DQCODE_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
(cd build && ctest --output-on-failure -j"$jobs")
if [ $all = no ]; then
  for tool in ucto python3 zsh chromium; do
    command -v $tool >/dev/null 2>&1 || skipped="${skipped:-} $tool"
  done
  [ -z "${skipped:-}" ] ||
    echo "test.sh: the tests that need$skipped were skipped (not installed)" >&2
  echo "test.sh: the plain suite passed; 'sh tools/test.sh --all' adds the" \
       "sanitizer, valgrind and fuzzing runs (what CI runs)" >&2
  exit 0
fi

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
  for t in codebook transcript tokenize apply qdc qdpx liwc wordstat \
           extract suggest; do
    sh tools/fuzz.sh "$t" 1 || { tail -n 40 "build-fuzz/fuzz-$t.log"; exit 1; }
  done
else
  echo "test.sh: clang's libFuzzer is not installed; fuzz smoke run skipped" >&2
fi
