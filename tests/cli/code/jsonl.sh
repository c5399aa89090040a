cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/welzijn.txt .
"$QCODE" code -c mini.yaml -f jsonl --by file welzijn.txt
