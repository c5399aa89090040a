# A transcript that does not exist.
cp "$SRC"/tests/fixtures/mini.yaml .
"$SRC"/tests/cli/bounded "$QCODE" apply -c mini.yaml nowhere.txt
