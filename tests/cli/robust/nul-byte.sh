# A NUL byte: not a text file.
cp "$SRC"/tests/fixtures/mini.yaml .
printf 'P1: een\nP2: t\000wee\n' > nul.txt
"$SRC"/tests/cli/bounded "$QCODE" apply -c mini.yaml nul.txt
