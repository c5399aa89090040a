# Splitting the sample corpus in two halves, applying each and merging
# gives byte for byte the table of one run on the whole.
cb="$SRC"/codebooks/digitalisering.yaml
ls "$SRC"/corpus/*.txt > all.txt
head -n 7 all.txt > part1.txt
tail -n +8 all.txt > part2.txt
"$QCODE" apply -c "$cb" --files-from all.txt > whole.tsv
"$QCODE" apply -c "$cb" --files-from part1.txt > part1.tsv
"$QCODE" apply -c "$cb" --files-from part2.txt -f csv > part2.csv
"$QCODE" merge part1.tsv part2.csv > merged.tsv
cmp whole.tsv merged.tsv && echo "merge of parts = whole"
"$QCODE" apply -c "$cb" --files-from all.txt --wide -f json > whole.json
"$QCODE" merge --wide -f json part1.tsv part2.csv > merged.json
cmp whole.json merged.json && echo "also as wide JSON"
