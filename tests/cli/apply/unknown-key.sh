cp "$SRC"/tests/fixtures/unknown-key.yaml "$SRC"/tests/fixtures/zorg.txt .
"$QCODE" apply -c unknown-key.yaml zorg.txt
