#!/bin/sh
# run.sh: end-to-end tests of the qcode command (after zstd's cli-tests).
#
# usage: run.sh QCODE SRCDIR [--update] [TEST.sh...]
#
# Each test is tests/cli/<command>/<name>.sh. It runs with sh in a fresh
# scratch folder, with LC_ALL=C, $QCODE naming the binary and $SRC the
# source tree. Its stdout, stderr and exit status must equal
# <name>.sh.stdout.exact, <name>.sh.stderr.exact and <name>.sh.exit; a
# missing file means "empty" (exit: 0). A test that exits with 77 (and has
# no .exit file saying 77) is skipped: it needs a tool that is not
# installed, and the first line of its stderr says which. --update rewrites
# the expected files from the actual results (review the diff before
# committing), except those of skipped tests.
set -u
QCODE=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SRC=$(cd "$2" && pwd)
shift 2
update=0
if [ "${1:-}" = --update ]; then update=1; shift; fi
export QCODE SRC LC_ALL=C
unset NO_COLOR QCODE_OPTIONS 2>/dev/null || true

if [ $# -eq 0 ]; then
  set -- $(cd "$SRC/tests/cli" && ls */*.sh | sort)
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/qcode-cli.XXXXXX") || exit 1
trap 'rm -rf "$scratch"' EXIT
passed=0 failed=0 skipped=0
for t in "$@"; do
  t=${t#tests/cli/}
  base="$SRC/tests/cli/$t"
  dir="$scratch/$(echo "$t" | tr / _)"
  mkdir -p "$dir"
  (cd "$dir" && sh "$base" >"$dir/.stdout" 2>"$dir/.stderr")
  echo $? >"$dir/.exit"
  if [ "$(cat "$dir/.exit")" = 77 ] && [ ! -f "$base.exit" ]; then
    echo "SKIP $t: $(head -n 1 "$dir/.stderr")"
    skipped=$((skipped + 1))
    continue
  fi
  if [ $update -eq 1 ]; then
    for k in stdout stderr; do
      if [ -s "$dir/.$k" ]; then cp "$dir/.$k" "$base.$k.exact"
      else rm -f "$base.$k.exact"; fi
    done
    if [ "$(cat "$dir/.exit")" = 0 ]; then rm -f "$base.exit"
    else cp "$dir/.exit" "$base.exit"; fi
  fi
  ok=1
  for k in stdout stderr; do
    if [ -f "$base.$k.exact" ]; then want="$base.$k.exact"; else want=/dev/null; fi
    if ! cmp -s "$want" "$dir/.$k"; then
      ok=0
      echo "FAIL $t: $k differs:"
      diff "$want" "$dir/.$k" | head -20
    fi
  done
  if [ -f "$base.exit" ]; then want=$(cat "$base.exit"); else want=0; fi
  got=$(cat "$dir/.exit")
  if [ "$want" != "$got" ]; then
    ok=0
    echo "FAIL $t: exit status $got, expected $want"
  fi
  if [ $ok -eq 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "$passed passed, $skipped skipped, $failed failed"
[ $failed -eq 0 ]
