#!/bin/sh
# suggest-validate.sh: what `qcode suggest` does for a codebook, learnt on
# one development group and judged on another. It starts from the codebook
# written from the study description alone
# (tests/fixtures/digitalisering-domain.yaml), runs ROUNDS rounds of
# `suggest --top 1` on the FG1 transcripts against corpus/gold/dev.tsv,
# pasting each core code's best rule and best exclusion after each round
# (tests/cli/suggest/paste.awk), and prints the kappa of every core code on
# FG1 and on FG4 (corpus/gold/dev-fg4.tsv) before and after. The held-out
# groups (FG2, FG3) are not read.
#
# usage: sh tools/suggest-validate.sh [ROUNDS] [MIN_TURNS] [QCODE]
#        (defaults: 3 rounds, suggest's --min-turns 2, build/qcode)
set -eu
cd "$(dirname "$0")/.."
rounds=${1:-3}
min=${2:-2}
qcode=${3:-build/qcode}
codes="tone/optimist tone/pessimist competence/job-specific competence/digital
competence/soft will-can/will will-can/can"
args=
for c in $codes; do args="$args --code $c"; done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/qcode-suggest.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cp tests/fixtures/digitalisering-domain.yaml "$tmp/cb.yaml"
learn=$(ls corpus/*-fg1.txt)
judge=$(ls corpus/*-fg4.txt)

# kappa per core code of codebook $1 on files $3 against sheet $2
kappas() {
  cb=$1 sheet=$2; shift 2
  # shellcheck disable=SC2068
  "$qcode" code -c "$cb" --all $@ > "$tmp/coded.tsv"
  # shellcheck disable=SC2086
  "$qcode" agree $args "$tmp/coded.tsv" "$sheet" | awk -F'\t' 'NR>1{print $1"\t"$7}'
}

# shellcheck disable=SC2086
kappas "$tmp/cb.yaml" corpus/gold/dev.tsv $learn > "$tmp/learn0"
# shellcheck disable=SC2086
kappas "$tmp/cb.yaml" corpus/gold/dev-fg4.tsv $judge > "$tmp/judge0"
round=1
while [ "$round" -le "$rounds" ]; do
  # shellcheck disable=SC2086
  "$qcode" suggest -c "$tmp/cb.yaml" --gold corpus/gold/dev.tsv --top 1 \
    --min-turns "$min" $args $learn > "$tmp/s.tsv"
  echo "## round $round: pasted"
  tail -n +2 "$tmp/s.tsv" | while IFS='	' read -r code action _ _ rule _; do
    echo "$code	$action	$rule"
    awk -v id="${code##*/}" -v role="$action" -v item="$rule" \
      -f tests/cli/suggest/paste.awk "$tmp/cb.yaml" > "$tmp/next.yaml"
    mv "$tmp/next.yaml" "$tmp/cb.yaml"
  done
  round=$((round + 1))
done
# shellcheck disable=SC2086
kappas "$tmp/cb.yaml" corpus/gold/dev.tsv $learn > "$tmp/learn1"
# shellcheck disable=SC2086
kappas "$tmp/cb.yaml" corpus/gold/dev-fg4.tsv $judge > "$tmp/judge1"
echo
echo "## Cohen's kappa, learnt on FG1 (dev.tsv), judged on FG4 (dev-fg4.tsv)"
printf 'code\tfg1_before\tfg1_after\tfg4_before\tfg4_after\n'
paste "$tmp/learn0" "$tmp/learn1" "$tmp/judge0" "$tmp/judge1" |
  awk -F'\t' '{print $1"\t"$2"\t"$4"\t"$6"\t"$8}'
