# --uncoded: only the participant segments that got no code, one row each
# with the code empty; they are exactly the empty-code rows of --all, on
# the fixture and on the sample corpus (moderator turns are never listed).
cp "$SRC"/tests/fixtures/zorg.txt .
cb=$SRC/tests/fixtures/mini.yaml
"$QCODE" code --uncoded --text -c "$cb" zorg.txt
"$QCODE" code --uncoded --text -f jsonl -c "$cb" zorg.txt
big=$SRC/codebooks/digitalisering.yaml
"$QCODE" code --all -c "$big" "$SRC"/corpus/*.txt |
  awk -F'\t' 'NR == 1 || $7 == ""' > all-empty.tsv
"$QCODE" code --uncoded -c "$big" "$SRC"/corpus/*.txt > uncoded.tsv
cmp -s all-empty.tsv uncoded.tsv && echo "corpus: --uncoded rows = empty-code rows of --all"
echo "corpus: $(($(wc -l < uncoded.tsv) - 1)) uncoded segments"
cut -f 5 uncoded.tsv | grep -c -x -i moderator
