cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt .
"$QCODE" apply -c mini.yaml --wide zorg.txt > wide.tsv
"$QCODE" merge wide.tsv
