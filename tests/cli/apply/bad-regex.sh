cp "$SRC"/tests/fixtures/bad-regex.yaml "$SRC"/tests/fixtures/zorg.txt .
"$QCODE" apply -c bad-regex.yaml zorg.txt
