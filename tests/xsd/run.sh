#!/bin/sh
# tests/xsd/run.sh: every REFI-QDA file qcode writes is valid against the
# shipped schema (docs/refi-qda/), and a codebook survives export, import
# and export again unchanged.
#
# usage: sh tests/xsd/run.sh QCODE XSD_VALIDATE SOURCE_DIR
set -eu
qcode=$1 validate=$2 src=$3
tmp=$(mktemp -d "${TMPDIR:-/tmp}/qcode-xsd.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail=0
n=0
for cb in "$src"/codebooks/*.yaml "$src"/tests/fixtures/digitalisering-v1.yaml \
          "$src"/tests/fixtures/mini.yaml; do
  n=$((n + 1))
  out=$tmp/cb$n.qdc
  "$qcode" export qdc -c "$cb" -o "$out"
  if ! "$validate" "$src/docs/refi-qda/Codebook.xsd" "$out"; then
    echo "FAIL: export of $cb is not valid" >&2; fail=1; continue
  fi
  # round trip: import gives a codebook whose export is the same file,
  # and whose code tree and labels are those of the original
  "$qcode" import qdc -o "$tmp/cb$n.yaml" "$out"
  "$qcode" export qdc -c "$tmp/cb$n.yaml" -o "$tmp/cb$n-again.qdc"
  if ! cmp -s "$out" "$tmp/cb$n-again.qdc"; then
    echo "FAIL: $cb: export, import, export changed the .qdc:" >&2
    diff "$out" "$tmp/cb$n-again.qdc" | head -20 >&2; fail=1
  fi
  "$qcode" codes "$cb" > "$tmp/codes-a"
  "$qcode" codes "$tmp/cb$n.yaml" > "$tmp/codes-b"
  if ! cmp -s "$tmp/codes-a" "$tmp/codes-b"; then
    echo "FAIL: $cb: the imported code tree or labels differ:" >&2
    diff "$tmp/codes-a" "$tmp/codes-b" | head -20 >&2; fail=1
  fi
done
# projects: the sample corpus coded with the default codebook, one
# selection per segment and per hit, with cases by subsector and by speaker
cp -r "$src/corpus" "$tmp/corpus"
for sel in segment hit; do
  for by in subsector speaker; do
    n=$((n + 1))
    (cd "$tmp" && "$qcode" export qdpx -c "$src/codebooks/digitalisering.yaml" \
      --selections $sel --by $by -o "p-$sel-$by.qdpx" corpus/*.txt)
    if ! "$validate" "$src/docs/refi-qda/Project.xsd" "$tmp/p-$sel-$by.qdpx"; then
      echo "FAIL: the project ($sel, $by) is not valid" >&2; fail=1
    fi
  done
done
# the test itself can fail: a .qdc without its required guid is refused
sed 's/ guid="[^"]*"//' "$tmp/cb1.qdc" > "$tmp/broken.qdc"
if "$validate" "$src/docs/refi-qda/Codebook.xsd" "$tmp/broken.qdc" 2>/dev/null; then
  echo "FAIL: a .qdc without GUIDs passed the schema" >&2; fail=1
fi
[ $fail = 0 ] && echo "xsd: $n codebooks and projects exported and valid, codebooks round-tripped"
exit $fail
