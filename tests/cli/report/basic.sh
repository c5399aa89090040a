# report: one self-contained page of the sample corpus. It passes the page
# checker (tests/html/page_check.c: parses, loads nothing from outside,
# every chart an <svg role="img"> with a title, every table a caption);
# its heat map has a cell per group and code whose hover text gives
# apply's counts; the largest share has the darkest colour; the evidence
# has each code's first hits; the same run gives the same page.
P=$(dirname "$QCODE")/page_check
[ -x "$P" ] || { echo "page_check is not built" >&2; exit 77; }
cp -r "$SRC"/corpus .
cb=$SRC/codebooks/digitalisering.yaml
"$QCODE" report -c "$cb" --date 2026-12-04 -o r.html corpus/*.txt
echo "report: exit $?"
"$P" r.html && echo "page_check: passed"
# HTML Tidy, where installed (tools/deps.sh test), finds no HTML error; its
# one complaint, an id on an SVG <title>, is valid SVG that tidy 5.6 does
# not know
if command -v tidy >/dev/null 2>&1; then
  tidy -errors -q r.html 2>&1 | grep -v '<title> proprietary attribute "id"'
fi
"$QCODE" report -c "$cb" --date 2026-12-04 -o again.html corpus/*.txt
cmp -s r.html again.html && echo "the same page on a second run"
# every cell's hover text against apply's table
"$QCODE" apply -c "$cb" corpus/*.txt > apply.tsv
grep -o '<rect x="[0-9]*" y="[0-9]*" width="44" height="20" fill="#[0-9a-f]*"><title>[^<]*' r.html |
  sed 's/.*<title>//' | sort > cells.txt
echo "heat-map cells: $(wc -l < cells.txt)"
awk -F'\t' 'NR > 1 { printf "%s, %s: %d of %d segments\n", $1, $2, $3, $6 }' apply.tsv |
  sort > want.txt
sed 's/ (.*//' cells.txt | cmp -s - want.txt && echo "every cell has apply's counts"
# the darkest colour is used, and on the cell of the largest share
best=$(awk -F'\t' 'NR > 1 && $5 > m { m = $5; c = $1 ", " $2 } END { print c }' apply.tsv)
grep -c 'fill="#08306b"><title>'"$best"':' r.html
grep -c '<h3>' r.html
grep -o '<li><span class="who">[^<]*</span>, <span class="where">[^<]*' r.html | head -n 2
"$QCODE" report -c "$cb" corpus/zorg-fg1.txt; echo "exit $?"
"$QCODE" report -c "$cb" --top 0 -o x.html corpus/zorg-fg1.txt; echo "exit $?"
