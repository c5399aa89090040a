# Front matter opened with --- and never closed.
cp "$SRC"/tests/fixtures/mini.yaml .
printf -- '---\nsubsector: zorg\nP1: Dat geeft tijdswinst.\n' > open.txt
"$SRC"/tests/cli/bounded "$QCODE" apply -c mini.yaml open.txt
