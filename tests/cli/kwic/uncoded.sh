# kwic --uncoded: one line per participant segment that got no code, its
# text in the hit column; the aligned listing cuts it at 3 x --width
# characters. The segments are those of `code --uncoded`.
cp "$SRC"/tests/fixtures/zorg.txt .
cb=$SRC/tests/fixtures/mini.yaml
"$QCODE" kwic --uncoded -c "$cb" zorg.txt
printf -- '---\nsubsector: x\n---\nP1: Een heel lange beurt zonder code, die maar doorloopt.\n' > long.txt
"$QCODE" kwic --uncoded -w 5 -c "$cb" long.txt
"$QCODE" kwic --uncoded -f tsv -c "$cb" zorg.txt
big=$SRC/codebooks/digitalisering.yaml
"$QCODE" kwic --uncoded -f tsv -c "$big" "$SRC"/corpus/*.txt | cut -f 1,2 > k.tsv
"$QCODE" code --uncoded -c "$big" "$SRC"/corpus/*.txt | cut -f 1,3 > c.tsv
cmp -s k.tsv c.tsv && echo "corpus: the same segments as code --uncoded"
