#!/bin/sh
# heldout.sh: the bar for the default codebook. Against the held-out half of
# the gold standard (corpus/gold/heldout.tsv, transcripts *-fg2 and *-fg3,
# never used to tune the codebook) the mean Cohen's kappa over the seven
# core codes must be at least 0.70 and no core code may be below 0.50.
#
# usage: heldout.sh QCODE SRCDIR
set -eu
qcode=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$2"
table=$(sh tools/validate.sh "$qcode" | sed -n '/^## heldout/,$p')
echo "$table"
echo "$table" | awk -F'\t' '
  $1 ~ /\// { n++; k = $7; sum += k; if (k == "" || k < 0.50) low = low " " $1 }
  END {
    if (n != 7) { printf "expected 7 core codes, found %d\n", n; exit 1 }
    mean = sum / n
    printf "mean kappa %.4f over %d codes (bar 0.70; each at least 0.50)\n", mean, n
    if (low != "") { print "below 0.50:" low; exit 1 }
    if (mean < 0.70) { print "mean below 0.70"; exit 1 }
  }'
