# An empty file and a file with only front matter have no segments; their
# group still gets its rows.
cp "$SRC"/tests/fixtures/mini.yaml .
: > empty.txt
printf -- '---\nsubsector: welzijn\n---\n' > front.txt
"$SRC"/tests/cli/bounded "$QCODE" apply -c mini.yaml --wide --set subsector=zorg empty.txt
"$SRC"/tests/cli/bounded "$QCODE" apply -c mini.yaml --wide front.txt
