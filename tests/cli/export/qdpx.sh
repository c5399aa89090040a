# export qdpx of the sample corpus, then import qdpx as a coding sheet,
# then agree against `qcode code`: kappa 1 for every code, with one
# selection per segment and with one per hit. The export is the same
# byte for byte when repeated; its codebook imports as the codebook's.
cp -r "$SRC"/corpus .
cb=$SRC/codebooks/digitalisering.yaml
"$QCODE" code -c "$cb" --all corpus/*.txt > code.tsv
for sel in segment hit; do
  "$QCODE" export qdpx -c "$cb" --selections $sel -o p.qdpx corpus/*.txt
  echo "export $sel: exit $?"
  "$QCODE" import qdpx p.qdpx > sheet.tsv
  echo "import $sel: exit $?"
  "$QCODE" agree sheet.tsv code.tsv > agree.tsv
  awk -F'\t' 'NR > 1 && $7 != "1.0000" { bad++ } END {
    print "codes: " NR - 1 ", kappa below 1: " bad + 0 }' agree.tsv
done
mkdir again
"$QCODE" export qdpx -c "$cb" -o again/p.qdpx corpus/*.txt
"$QCODE" export qdpx -c "$cb" -o p.qdpx corpus/*.txt
cmp p.qdpx again/p.qdpx && echo "second export identical"
"$QCODE" import qdc p.qdpx > cb.yaml
"$QCODE" codes cb.yaml > a.tsv
"$QCODE" codes "$cb" > b.tsv
cmp a.tsv b.tsv && echo "the project's codebook is the codebook"
# moderators are not coded, so their turns are not in the sheet either
grep -c 'Moderator' sheet.tsv
