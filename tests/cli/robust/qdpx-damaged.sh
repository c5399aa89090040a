# A damaged .qdpx: cut short, a zip bomb (project.qde of 300 MiB from
# 300 KB), a zip whose directory understates the inflated size, a zip
# without project.qde. Each is an error with exit status 3, quickly.
f=$SRC/tests/fixtures/refi-qda
head -c 400 "$f"/target-atlas-project.qdpx > cut.qdpx
"$SRC"/tests/cli/bounded "$QCODE" import qdc cut.qdpx
echo "exit $?"
"$SRC"/tests/cli/bounded "$QCODE" import qdc "$f"/bomb.qdpx 2>&1 | sed "s|$f/||"
"$SRC"/tests/cli/bounded "$QCODE" import qdc "$f"/lying-size.qdpx 2>&1 | sed "s|$f/||"
printf 'PK\003\004' > magic-only.qdpx
"$SRC"/tests/cli/bounded "$QCODE" import qdc magic-only.qdpx
echo "exit $?"
