# The acceptance case: a run over the sample corpus plus one invalid file
# leaves the previous out.tsv byte for byte as it was, and leaves no
# temporary file behind.
cp "$SRC"/tests/fixtures/mini.yaml .
printf 'P1: caf\351\n' > bad.txt
"$SRC"/tests/cli/bounded "$QCODE" apply -c "$SRC"/codebooks/digitalisering.yaml -o out.tsv "$SRC"/corpus/*.txt
cp out.tsv before.tsv
"$SRC"/tests/cli/bounded "$QCODE" apply -c "$SRC"/codebooks/digitalisering.yaml -o out.tsv "$SRC"/corpus/*.txt bad.txt
echo "exit $?"
cmp before.tsv out.tsv && echo "out.tsv untouched"
ls
