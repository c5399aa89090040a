# Tables grouped by several keys (the columns before 'code') are summed
# per key tuple: merging the parts gives the table of one run on the
# whole, long and wide; tables of another codebook are still refused.
cp "$SRC"/tests/fixtures/mini.yaml .
ls "$SRC"/corpus/*.txt > all.txt
head -n 7 all.txt > part1.txt
tail -n +8 all.txt > part2.txt
by=subsector,file,speaker
"$QCODE" apply -c mini.yaml --by $by --files-from all.txt > whole.tsv
"$QCODE" apply -c mini.yaml --by $by --files-from part1.txt > part1.tsv
"$QCODE" apply -c mini.yaml --by $by --files-from part2.txt -f csv > part2.csv
"$QCODE" merge part2.csv part1.tsv > merged.tsv
cmp whole.tsv merged.tsv && echo "merge of parts = whole"
head -n 1 merged.tsv
cut -f 1 merged.tsv | sort -u | wc -l
cut -f 1-3 merged.tsv | sort -u | wc -l
"$QCODE" apply -c mini.yaml --by $by --files-from all.txt --wide -f json > whole.json
"$QCODE" merge --wide -f json part1.tsv part2.csv > merged.json
cmp whole.json merged.json && echo "also as wide JSON"
"$QCODE" apply -c mini.yaml --by subsector --files-from part2.txt > sub.tsv
"$QCODE" merge part1.tsv sub.tsv
echo "exit $?"
sed 's/tijdswinst, /tijdwinst, tijdswinst, /' mini.yaml > mini2.yaml
"$QCODE" apply -c mini2.yaml --by $by --files-from part2.txt > other.tsv
"$QCODE" merge part1.tsv other.tsv 2> other.err
echo "exit $?"
sed 's/fnv1a64:[0-9a-f]*/FP/g' other.err
