# TSV, CSV and JSON carry the same numbers: turn the CSV and JSON back into
# TSV rows and compare.
cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt "$SRC"/tests/fixtures/welzijn.txt .
"$QCODE" apply -c mini.yaml zorg.txt welzijn.txt | tail -n +2 > tsv
"$QCODE" apply -c mini.yaml -f csv zorg.txt welzijn.txt | tail -n +2 | tr -d '\r' | tr ',' '\t' > csv
"$QCODE" apply -c mini.yaml -f json zorg.txt welzijn.txt | grep '^{' |
  sed -e 's/^{//' -e 's/},\{0,1\}$//' -e 's/"[a-z_]*"://g' -e 's/"//g' -e 's/,/\t/g' > json
[ -s tsv ] && cmp tsv csv && cmp tsv json && echo "tsv, csv and json agree on $(wc -l < tsv) rows"
