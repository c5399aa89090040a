# --files-from reads paths one per line, or NUL-separated with -0 (find
# -print0); the result equals naming the files.
cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt "$SRC"/tests/fixtures/welzijn.txt .
"$QCODE" apply -c mini.yaml zorg.txt welzijn.txt > named.tsv
printf 'zorg.txt\r\n\nwelzijn.txt\n' > list.txt
"$QCODE" apply -c mini.yaml --files-from list.txt > listed.tsv
find . -name '*.txt' ! -name list.txt -print0 | sort -z | "$QCODE" apply -c mini.yaml --files-from - -0 > found.tsv
cmp named.tsv listed.tsv && cmp named.tsv found.tsv && echo same
"$QCODE" apply -c mini.yaml --files-from missing.txt
