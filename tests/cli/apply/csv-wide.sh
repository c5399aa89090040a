cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt "$SRC"/tests/fixtures/welzijn.txt .
"$QCODE" apply -c mini.yaml --format csv --wide zorg.txt welzijn.txt | tr -d '\r'
"$QCODE" apply -c mini.yaml --wide --value share zorg.txt welzijn.txt
