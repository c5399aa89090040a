#!/bin/sh
# bench/peer-check.sh: checks that bench/peer.py prints qcode's table byte
# for byte: on the sample corpus's development half (corpus/*-fg1.txt,
# corpus/*-fg4.txt), on generated corpora of 1 MB with three seeds, and on
# a few sentences whose negation window stops at a clause end (a comma
# before a contrast word, ';', ':'), with a tiny codebook of its own.
#
# usage: sh bench/peer-check.sh [QCODE [CODEBOOK]]
#   (defaults: build/qcode, codebooks/digitalisering.yaml)
# The codebook is copied first, so that an edit during the run cannot
# make the two tables disagree. Exit status 0 when every table agrees.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
qcode=${1:-$root/build/qcode}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
cp "${2:-$root/codebooks/digitalisering.yaml}" "$tmp/cb.yaml"
status=0

cb=$tmp/cb.yaml
check() { # NAME FILE... (with the codebook $cb)
  name=$1
  shift
  "$qcode" apply -c "$cb" "$@" > "$tmp/qcode.tsv"
  python3 "$root/bench/peer.py" -c "$cb" "$@" > "$tmp/peer.tsv"
  if cmp -s "$tmp/qcode.tsv" "$tmp/peer.tsv"; then
    echo "same: $name ($(cat "$@" | wc -c) bytes, $(($(wc -l < "$tmp/qcode.tsv") - 1)) rows)"
  else
    echo "DIFFERENT: $name"
    diff "$tmp/qcode.tsv" "$tmp/peer.tsv" | head -10
    status=1
  fi
}

check "corpus/*-fg1.txt corpus/*-fg4.txt" "$root"/corpus/*-fg1.txt "$root"/corpus/*-fg4.txt
for seed in 1 2 3; do
  python3 "$root/bench/gen.py" --mb 1 --seed $seed --out "$tmp/gen$seed"
  check "gen.py --mb 1 --seed $seed" "$tmp/gen$seed"/*.txt
done

# Clause ends: with the default contrast words "wel stress" and "alleen
# stress" are not negated (but "geen tijdswinst" is); with a list of one's
# own (a wildcard in it) ", wel" no longer ends a clause and ", dus" and
# ", maaar" do. A quote or "..." between the comma and the word does not
# matter, a dash does; ";)" is an emoticon, not a ';'.
cat > "$tmp/clauses.yaml" <<'YAML'
qcode: 1
codes:
  - id: stress
    words: [stress]
  - id: winst
    words: [tijdswinst]
YAML
cat > "$tmp/clauses.txt" <<'TXT'
---
subsector: x
---
P1: Geen vergadering, wel stress.
P2: Ik heb geen tijdswinst, alleen stress.
P3: Geen stress. Niet dit; stress. Niet dit: stress.
P4: Geen vergadering, dus stress. Geen vergadering, "wel" stress.
P5: Geen vergadering, - wel stress. Geen x ,wel stress. Geen x, WEL stress.
P6: Geen x, maaar stress. Geen x ;) stress. Geen x, ... wel stress.
P7: Tijdswinst niet, maar tijdswinst nooit. Stress, geen.
TXT
cb=$tmp/clauses.yaml
check "clause ends, default contrast words" "$tmp/clauses.txt"
{ printf 'qcode: 1\nsettings:\n  negation:\n    after: 2\n'
  printf '  clauses:\n    contrast: [dus, "ma*r"]\n'
  sed 1d "$tmp/clauses.yaml"; } > "$tmp/own.yaml"
cb=$tmp/own.yaml
check "clause ends, contrast: [dus, ma*r], after: 2" "$tmp/clauses.txt"
exit $status
