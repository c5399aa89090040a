cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt "$SRC"/tests/fixtures/welzijn.txt .
"$QCODE" apply -c mini.yaml --unit sentence --by file zorg.txt welzijn.txt
"$QCODE" apply -c mini.yaml --unit paragraph --by file welzijn.txt
