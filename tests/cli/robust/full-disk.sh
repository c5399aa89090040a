# A full disk, through -o and through standard output: status 4 and a message.
cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt .
"$SRC"/tests/cli/bounded "$QCODE" apply -c mini.yaml -o /dev/full zorg.txt
echo "exit $?"
"$SRC"/tests/cli/bounded "$QCODE" apply -c mini.yaml zorg.txt > /dev/full
echo "exit $?"
"$SRC"/tests/cli/bounded "$QCODE" code -c mini.yaml zorg.txt > /dev/full
echo "exit $?"
