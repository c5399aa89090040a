# CRLF and CR-only line ends code exactly as LF ones.
cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt .
sed 's/$/\r/' zorg.txt > crlf.txt
tr '\n' '\r' < zorg.txt > cr.txt
for f in zorg.txt crlf.txt cr.txt; do
  "$SRC"/tests/cli/bounded "$QCODE" apply -c mini.yaml "$f" > "$f.tsv" || echo "$f failed"
done
cmp zorg.txt.tsv crlf.txt.tsv && cmp zorg.txt.tsv cr.txt.tsv && echo "same tables"
"$SRC"/tests/cli/bounded "$QCODE" code -c mini.yaml cr.txt | cut -f1-5
