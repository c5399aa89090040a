#!/bin/sh
# bench/peer-check.sh: checks that bench/peer.py prints qcode's table byte
# for byte: on the sample corpus's development half (corpus/*-fg1.txt,
# corpus/*-fg4.txt) and on generated corpora of 1 MB with three seeds.
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

check() { # NAME FILE...
  name=$1
  shift
  "$qcode" apply -c "$tmp/cb.yaml" "$@" > "$tmp/qcode.tsv"
  python3 "$root/bench/peer.py" -c "$tmp/cb.yaml" "$@" > "$tmp/peer.tsv"
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
exit $status
