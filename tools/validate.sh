#!/bin/sh
# validate.sh: agreement of the default codebook with the hand-coded gold
# standard (corpus/gold/), on the development half (the *-fg1 and *-fg4
# and *-fg5 transcripts, on which the codebook may be tuned; dev.tsv,
# dev-fg4.tsv and dev-fg5.tsv)
# and on the held-out half (*-fg2 and *-fg3, never used for tuning).
#
# usage: sh tools/validate.sh [QCODE]     (default: build/qcode)
set -eu
cd "$(dirname "$0")/.."
qcode=${1:-build/qcode}
codes="tone/optimist tone/pessimist competence/job-specific competence/digital
competence/soft will-can/will will-can/can"
args=
for c in $codes; do args="$args --code $c"; done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/qcode-validate.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cat corpus/gold/dev.tsv > "$tmp/gold-dev.tsv"
tail -n +2 corpus/gold/dev-fg4.tsv >> "$tmp/gold-dev.tsv"
tail -n +2 corpus/gold/dev-fg5.tsv >> "$tmp/gold-dev.tsv"
cp corpus/gold/heldout.tsv "$tmp/gold-heldout.tsv"
for half in dev heldout; do
  if [ $half = dev ]; then
    files=$(ls corpus/*-fg1.txt corpus/*-fg4.txt corpus/*-fg5.txt)
  else files=$(ls corpus/*-fg2.txt corpus/*-fg3.txt); fi
  # shellcheck disable=SC2086
  "$qcode" code -c codebooks/digitalisering.yaml --all $files > "$tmp/$half.tsv"
  echo "## $half ($(echo $files | wc -w) transcripts)"
  # shellcheck disable=SC2086
  "$qcode" agree $args "$tmp/$half.tsv" "$tmp/gold-$half.tsv"
  echo
done
