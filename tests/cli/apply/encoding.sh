# --encoding converts Windows-1252 / Latin-1 transcripts; a byte that is not
# valid in the encoding is an error with its offset.
printf -- '---\nsubsector: zorg\n---\nP1: Het cli\353ntendossier geeft tijdswinst \226 echt.\n' > cp1252.txt
cp "$SRC"/tests/fixtures/mini.yaml .
"$QCODE" apply -c mini.yaml --encoding cp1252 --wide cp1252.txt
"$QCODE" kwic -c mini.yaml --encoding cp1252 -f tsv cp1252.txt | cut -f4-6
printf 'P1: \201\n' > bad.txt
"$QCODE" apply -c mini.yaml --encoding cp1252 bad.txt
echo "exit $?"
"$QCODE" apply -c mini.yaml --encoding klingon bad.txt
echo "exit $?"
