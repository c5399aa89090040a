# A directory given as a transcript.
cp "$SRC"/tests/fixtures/mini.yaml .
mkdir dir
"$SRC"/tests/cli/bounded "$QCODE" apply -c mini.yaml dir
