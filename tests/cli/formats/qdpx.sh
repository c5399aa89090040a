# A .docx, .odt, .vtt and .srt transcript go into a REFI-QDA project as
# their extracted text: export qdpx, import qdpx as a coding sheet, and
# agree against `qcode code` gives kappa 1 for every code; the project's
# source is the text `qcode extract` prints.
f=$SRC/tests/fixtures/formats
R=$(dirname "$QCODE")/render-transcript
[ -x "$R" ] || { echo "render-transcript is not built (it needs libzip)" >&2; exit 77; }
cb=$SRC/codebooks/digitalisering.yaml
for x in docx odt vtt srt; do
  "$R" "$x" "$SRC"/corpus/welzijn-fg1.txt "welzijn.$x"
done
"$QCODE" code --all -c "$cb" --set subsector=welzijn welzijn.* > code.tsv
"$QCODE" export qdpx -c "$cb" --set subsector=welzijn -o p.qdpx welzijn.*
echo "export: exit $?"
"$QCODE" import qdpx p.qdpx > sheet.tsv
echo "import: exit $?"
"$QCODE" agree sheet.tsv code.tsv > agree.tsv
awk -F'\t' 'NR > 1 && $7 != "1.0000" { bad++ } END {
  print "codes: " NR - 1 ", kappa below 1: " bad + 0 }' agree.tsv
cut -f 1 sheet.tsv | sort -u
