#!/bin/sh
# fuzz.sh: builds one libFuzzer target of tests/fuzz/ and runs it.
#
#   tools/fuzz.sh TARGET MINUTES [JOBS]
#   tools/fuzz.sh --probe      (exit 0 when clang and libFuzzer link)
#
# TARGET is codebook, transcript, tokenize, apply, qdc, qdpx, liwc,
# wordstat, extract or suggest
# (tests/fuzz/fuzz_TARGET.c).
# The library sources and the target are compiled with clang
# -fsanitize=fuzzer,address,undefined -g -O1 into build-fuzz/fuzz_TARGET; the
# fuzzer then runs for MINUTES on the seed corpus tests/fuzz/corpus/TARGET
# (read only: new inputs go to build-fuzz/corpus-TARGET/, crashes to
# build-fuzz/artifacts-TARGET/), with tests/fuzz/yaml.dict for the targets
# that read YAML. JOBS > 1 runs that many fuzzing processes in parallel on
# the shared scratch corpus. The last line is a summary:
#
#   fuzz TARGET: MINUTES min, N execs, cov: C ft: F, K crash file(s)
#
# Needs clang and libFuzzer's runtime, which Debian ships in
# libclang-rt-14-dev (apt-get install libclang-rt-14-dev; the version goes
# with clang's), plus pkg-config and the -dev packages of libyaml, PCRE2,
# utf8proc, libxml2 and libzip. Environment: CC (default clang),
# FUZZ_BUILD (default build-fuzz), FUZZ_FLAGS (extra libFuzzer flags),
# FUZZ_NO_RUN=1 (build only).
set -eu

usage() {
  echo "usage: tools/fuzz.sh TARGET MINUTES [JOBS]" >&2
  echo "TARGET: codebook transcript tokenize apply qdc qdpx liwc wordstat extract suggest" >&2
  exit 2
}
probe=no
if [ "${1:-}" = --probe ]; then probe=yes; set -- tokenize 0; fi
if [ $# -lt 2 ] || [ $# -gt 3 ]; then usage; fi
target=$1 minutes=$2 jobs=${3:-1}
case $target in
  codebook) max_len=65536 dict=yes ;;
  transcript) max_len=140000 dict=no ;;  # > 64 KB: the reader's chunk size
  tokenize) max_len=16384 dict=no ;;
  apply) max_len=65536 dict=yes ;;
  qdc) max_len=65536 dict=no ;;
  qdpx) max_len=65536 dict=no ;;
  liwc) max_len=16384 dict=no ;;
  wordstat) max_len=16384 dict=no ;;
  extract) max_len=65536 dict=no ;;
  suggest) max_len=4096 dict=no ;;
  *) usage ;;
esac
case $minutes in ''|*[!0-9]*) usage ;; esac
case $jobs in ''|*[!0-9]*|0) usage ;; esac

root=$(cd "$(dirname "$0")/.." && pwd)
build=${FUZZ_BUILD:-$root/build-fuzz}
cc=${CC:-clang}
mkdir -p "$build/generated" "$build/obj"

command -v "$cc" >/dev/null || { echo "fuzz.sh: $cc not found" >&2; exit 1; }
if ! echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n)
{ (void)d; (void)n; return 0; }' |
   "$cc" -fsanitize=fuzzer -x c - -o "$build/probe" 2>/dev/null; then
  echo "fuzz.sh: $cc -fsanitize=fuzzer does not link; install libFuzzer" \
       "(Debian: apt-get install libclang-rt-14-dev)" >&2
  exit 1
fi
[ $probe = yes ] && exit 0

version=$(sed -n 's/^project(qcode VERSION \([0-9.]*\).*/\1/p' \
  "$root/CMakeLists.txt")
sed "s/@PROJECT_VERSION@/$version/" "$root/src/qc_version.h.in" \
  >"$build/generated/qc_version.h"

flags="-std=c11 -D_POSIX_C_SOURCE=200809L -D_XOPEN_SOURCE=700 -g -O1 -fno-omit-frame-pointer
  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
  -I$root/include -I$root/src -I$build/generated
  $(pkg-config --cflags yaml-0.1 libpcre2-8 libutf8proc libxml-2.0 libzip)"
libs="$(pkg-config --libs yaml-0.1 libpcre2-8 libutf8proc libxml-2.0 libzip) -lm"

# The library: every src/*.c (not the CLI), each object rebuilt when its
# source or a header is newer.
objs=
for src in "$root"/src/*.c; do
  obj=$build/obj/$(basename "$src" .c).o
  objs="$objs $obj"
  if [ ! -f "$obj" ] || [ -n "$(find "$src" "$root/src" "$root/include" \
       -maxdepth 1 \( -path "$src" -o -name '*.h' \) -newer "$obj" |
       head -1)" ]; then
    # -fsanitize=fuzzer-no-link: coverage without a second main().
    # shellcheck disable=SC2086
    $cc $flags -fsanitize=fuzzer-no-link -c "$src" -o "$obj"
  fi
done
bin=$build/fuzz_$target
# shellcheck disable=SC2086
$cc $flags "$root/tests/fuzz/fuzz_$target.c" $objs $libs -o "$bin"
echo "fuzz.sh: built $bin"
[ "${FUZZ_NO_RUN:-0}" = 1 ] && exit 0

seeds=$root/tests/fuzz/corpus/$target
scratch=$build/corpus-$target
artifacts=$build/artifacts-$target
mkdir -p "$scratch" "$artifacts"
log=$build/fuzz-$target.log
set -- -max_total_time=$((minutes * 60)) -max_len=$max_len -timeout=10 \
  -rss_limit_mb=2048 -artifact_prefix="$artifacts/" -print_final_stats=1
[ "$dict" = yes ] && set -- "$@" -dict="$root/tests/fuzz/yaml.dict"
if [ "$jobs" -gt 1 ]; then
  set -- "$@" -jobs="$jobs" -workers="$jobs"
  rm -f "$build"/fuzz-[0-9]*.log
fi
echo "fuzz.sh: $bin $* ${FUZZ_FLAGS:-} $scratch $seeds (log: $log)"
status=0
# shellcheck disable=SC2086
(cd "$build" && "$bin" "$@" ${FUZZ_FLAGS:-} "$scratch" "$seeds") \
  >"$log" 2>&1 || status=$?
# With -jobs the workers log to fuzz-N.log in the build directory.
logs=$log
[ "$jobs" -gt 1 ] && logs="$log $build/fuzz-[0-9]*.log"
# shellcheck disable=SC2086
execs=$(cat $logs | sed -n 's/^stat::number_of_executed_units: *//p' |
  awk '{ s += $1 } END { print s + 0 }')
# shellcheck disable=SC2086
cov=$(cat $logs | grep -E '^#[0-9]+' | grep -o 'cov: [0-9]* ft: [0-9]*' |
  tail -1)
crashes=$(find "$artifacts" -type f | wc -l)
echo "fuzz $target: $minutes min, $execs execs, ${cov:-cov: ?}," \
  "$crashes crash file(s) in $artifacts (exit $status)"
exit "$status"
