# A coding compared with itself: kappa, alpha and F1 are 1 for every code
# that occurs.
cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt "$SRC"/tests/fixtures/welzijn.txt .
"$QCODE" code -c mini.yaml --all zorg.txt welzijn.txt > a.tsv
"$QCODE" agree a.tsv a.tsv
