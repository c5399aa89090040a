cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt "$SRC"/tests/fixtures/latin1.txt .
"$QCODE" apply -c mini.yaml zorg.txt latin1.txt
