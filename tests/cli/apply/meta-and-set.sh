# --meta overrides the front matter, --set overrides both.
cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt "$SRC"/tests/fixtures/welzijn.txt "$SRC"/tests/fixtures/meta.tsv .
"$QCODE" apply -c mini.yaml --meta meta.tsv --wide zorg.txt welzijn.txt
"$QCODE" apply -c mini.yaml --set subsector=alles --wide zorg.txt welzijn.txt
