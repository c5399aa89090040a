# On the sample corpus against the development gold, each code's number of
# --disagreements rows equals the segments coded by one side only in the
# statistics (a_coded + b_coded - 2 * both), and the listing is not empty.
# The gold sheet codes only the seven core codes (leaves), so the other
# codes of the codebook are never coded there: a warning names them.
"$QCODE" code -c "$SRC"/codebooks/digitalisering.yaml --all "$SRC"/corpus/*-fg1.txt |
  sed "s|$SRC/||" > qcode.tsv
cp "$SRC"/corpus/gold/dev.tsv gold.tsv
"$QCODE" agree --missing=absent qcode.tsv gold.tsv > stats.tsv 2> warning.txt
grep -q "^qcode: warning: codes never coded in 'gold.tsv' but coded in 'qcode.tsv' .*'technology'" warning.txt &&
  echo "warned"
"$QCODE" agree --missing=absent --disagreements qcode.tsv gold.tsv > rows.tsv
awk -F'\t' '
  FNR == 1 { next }
  FILENAME ~ /stats/ && $1 != "(macro)" { want[$1] = $3 + $4 - 2 * $5 }
  FILENAME ~ /rows/ { got[$3]++; n++ }
  END {
    for (c in want) if (want[c] != got[c] + 0) { print "mismatch " c; bad = 1 }
    for (c in got) if (!(c in want)) { print "unknown " c; bad = 1 }
    if (n < 50) { print "too few rows: " n; bad = 1 }
    if (!bad) print "consistent"
  }' stats.tsv rows.tsv
