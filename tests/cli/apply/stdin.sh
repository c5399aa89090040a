# Standard input with --set gives the same counts as the file.
cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt .
"$QCODE" apply -c mini.yaml zorg.txt > from-file
sed '1,4d' zorg.txt | "$QCODE" apply -c mini.yaml --set subsector=zorg - > from-stdin
cmp from-file from-stdin && echo same
