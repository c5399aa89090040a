# Write errors give a message and exit status 4, for every command.
cp "$SRC"/tests/fixtures/zorg.txt .
"$QCODE" tokenize zorg.txt > /dev/full
echo "tokenize exit $?"
"$QCODE" code -c "$SRC"/tests/fixtures/mini.yaml zorg.txt > /dev/full
echo "code exit $?"
