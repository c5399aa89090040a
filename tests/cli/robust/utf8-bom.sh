# A UTF-8 byte order mark is accepted; span offsets still count it.
cp "$SRC"/tests/fixtures/mini.yaml .
printf '\357\273\277---\nsubsector: zorg\n---\nP1: Dat geeft tijdswinst.\n' > bom.txt
"$SRC"/tests/cli/bounded "$QCODE" apply -c mini.yaml --wide bom.txt
"$SRC"/tests/cli/bounded "$QCODE" kwic -c mini.yaml -f tsv bom.txt | cut -f1-5
