# Tables of two different codebooks are refused with exit status 3.
cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt "$SRC"/tests/fixtures/welzijn.txt .
sed 's/tijdswinst, /tijdwinst, tijdswinst, /' mini.yaml > mini2.yaml
"$QCODE" apply -c mini.yaml zorg.txt > a.tsv
"$QCODE" apply -c mini2.yaml welzijn.txt > b.tsv
"$QCODE" merge a.tsv b.tsv
