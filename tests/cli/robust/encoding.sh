# --encoding cp1252 / latin1 transcode through iconv; a byte the encoding
# lacks is an error with its offset.
cp "$SRC"/tests/fixtures/mini.yaml .
printf -- '---\nsubsector: zorg\n---\nP1: Het cli\353ntendossier geeft tijdswinst \226 echt.\n' > cp1252.txt
"$SRC"/tests/cli/bounded "$QCODE" apply -c mini.yaml --encoding cp1252 --wide cp1252.txt
"$SRC"/tests/cli/bounded "$QCODE" apply -c mini.yaml --encoding latin1 --wide cp1252.txt | cut -f1-3
printf 'P1: \201\n' > bad.txt
"$SRC"/tests/cli/bounded "$QCODE" apply -c mini.yaml --encoding cp1252 bad.txt
echo "exit $?"
