# --disagreements lists the segments where the codings differ, by file and
# segment number (10 after 9), with the segment's text from a coding sheet.
cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt "$SRC"/tests/fixtures/welzijn.txt .
"$QCODE" code -c mini.yaml --all --text zorg.txt welzijn.txt > qcode.tsv
printf 'file\tsegment\tcode\n' > human.tsv
printf 'welzijn.txt\t3\ttone/pessimist\nwelzijn.txt\t2\ttone/pessimist\n' >> human.tsv
printf 'welzijn.txt\t1\ttone/optimist\nzorg.txt\t4\t\nzorg.txt\t3\ttone/pessimist\n' >> human.tsv
printf 'zorg.txt\t2\ttone/optimist\nzorg.txt\t2\tcompetence/digital\nzorg.txt\t10\ttone/optimist\n' >> human.tsv
"$QCODE" agree --disagreements --missing=absent qcode.tsv human.tsv
echo "status $?"
# The human sheet has no text column; the other side's is used.
"$QCODE" agree --disagreements -f json --missing=absent --code tone/optimist human.tsv qcode.tsv
# Identical codings: only the header.
"$QCODE" agree --disagreements qcode.tsv qcode.tsv
