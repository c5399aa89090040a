cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt .
"$QCODE" apply -c mini.yaml --format json zorg.txt
