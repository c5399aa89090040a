cp "$SRC"/tests/fixtures/mini.yaml .
"$QCODE" apply -c mini.yaml nope.txt
