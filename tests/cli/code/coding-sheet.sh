# --all --text: a coding sheet with every participant segment and its text.
cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt .
"$QCODE" code -c mini.yaml --all --text -f csv zorg.txt | tr -d '\r'
