# -o writes the table; a failing run leaves the previous file as it was.
cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt "$SRC"/tests/fixtures/latin1.txt .
"$QCODE" apply -c mini.yaml -o out.tsv zorg.txt || echo "first run failed"
cp out.tsv before.tsv
"$QCODE" apply -c mini.yaml -o out.tsv zorg.txt latin1.txt 2>/dev/null && echo "bad run succeeded"
cmp before.tsv out.tsv && echo "out.tsv untouched"
ls
