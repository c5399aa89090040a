# The ATLAS.ti sample projects: the coded one gives its code tree (names
# made ids, kept as labels); the blank one has no codebook, an error.
s=$SRC/tests/fixtures/refi-qda
"$QCODE" import qdc "$s"/target-atlas-project.qdpx
echo "exit $?"
cp "$s"/blank-atlas-project.qdpx .
"$QCODE" import qdc blank-atlas-project.qdpx
echo "exit $?"
