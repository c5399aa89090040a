# --keep-going: a bad file is reported and left out, the table of the rest
# is written (also with -o), and the exit status is still that of the
# failure. The bad file's segments before the bad line do not count.
cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt "$SRC"/tests/fixtures/welzijn.txt .
printf -- '---\nsubsector: zorg\n---\nP1: Dat geeft tijdswinst.\nP2: caf\351\n' > half.txt
"$QCODE" apply -c mini.yaml zorg.txt welzijn.txt > good.tsv
"$QCODE" apply -c mini.yaml -k -o out.tsv zorg.txt half.txt missing.txt welzijn.txt
echo "exit $?"
cmp good.tsv out.tsv && echo "the table of the good files"
"$QCODE" kwic -c mini.yaml --keep-going -f tsv half.txt zorg.txt | cut -f1 | sort | uniq -c
