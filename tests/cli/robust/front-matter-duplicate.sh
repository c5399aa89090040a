# A front-matter key given twice.
cp "$SRC"/tests/fixtures/mini.yaml .
printf -- '---\nsubsector: zorg\ngroup: FG1\nsubsector: welzijn\n---\nP1: Ja.\n' > dup.txt
"$SRC"/tests/cli/bounded "$QCODE" apply -c mini.yaml dup.txt
