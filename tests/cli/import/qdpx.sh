# import qdpx: a selection codes every segment it overlaps, counted in
# code points (an accented letter is one); an uncoded segment gets a row
# with an empty code; CSV on request; errors for a CodeRef to no code,
# positions out of order, a missing source, a codebook or a project.qde
# instead of a project.
f=$SRC/tests/fixtures/refi-qda
"$QCODE" import qdpx "$f"/across.qdpx; echo "exit $?"
"$QCODE" import qdpx -f csv "$f"/across.qdpx; echo "exit $?"
for x in bad-coderef bad-position missing-source; do
  "$QCODE" import qdpx "$f/$x.qdpx" 2>&1 | sed "s|$f/||"
done
"$QCODE" export qdc -c "$SRC"/tests/fixtures/mini.yaml -o mini.qdc
"$QCODE" import qdpx mini.qdc; echo "exit $?"
printf '<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>\n' > project.qde
"$QCODE" import qdpx project.qde; echo "exit $?"
"$QCODE" import qdpx "$f"/target-atlas-project.qdpx 2>&1 | sed "s|$f/||"; echo "exit $?"
