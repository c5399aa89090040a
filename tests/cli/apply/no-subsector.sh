cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/bom.txt .
"$QCODE" apply -c mini.yaml --wide bom.txt
