# Invalid UTF-8: the line, the column and the byte offset, and a hint at --encoding.
cp "$SRC"/tests/fixtures/mini.yaml .
printf -- '---\nsubsector: zorg\n---\nP1: Goed.\nP2: Het cli\353ntendossier.\n' > latin1.txt
"$SRC"/tests/cli/bounded "$QCODE" apply -c mini.yaml latin1.txt
