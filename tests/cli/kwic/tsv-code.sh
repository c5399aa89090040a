cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt .
"$QCODE" kwic -c mini.yaml --code tone/pessimist -f tsv -w 10 zorg.txt
"$QCODE" kwic -c mini.yaml --code nope zorg.txt
