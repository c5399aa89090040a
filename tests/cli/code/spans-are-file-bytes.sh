# Every span points at the matched text in the file: cut the bytes out with
# dd and compare them with the text column.
cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt "$SRC"/tests/fixtures/welzijn.txt .
"$QCODE" code -c mini.yaml zorg.txt welzijn.txt | tail -n +2 | cut -f1,9,10 |
while IFS="$(printf '\t')" read -r file spans text; do
  got=$(echo "$spans" | tr ';' '\n' | while IFS=- read -r a b; do
    dd if="$file" bs=1 skip="$a" count=$((b - a)) 2>/dev/null; echo; done |
    awk 'NR > 1 { printf " | " } { printf "%s", $0 }')
  [ "$got" = "$text" ] && echo "ok $text" || echo "MISMATCH $spans: '$got' vs '$text'"
done
