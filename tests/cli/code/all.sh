cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt "$SRC"/tests/fixtures/welzijn.txt .
"$QCODE" code -c mini.yaml --all zorg.txt welzijn.txt
