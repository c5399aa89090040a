cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt "$SRC"/tests/fixtures/welzijn.txt .
sed -e 's/label: Optimistisch/label: Positief/' -e 's/words: \[planlast, "registratielast\*"\]/words: [planlast]/' \
    -e 's/- id: digital/- id: digitaal/' mini.yaml > new.yaml
"$QCODE" diff mini.yaml new.yaml zorg.txt welzijn.txt
echo "exit $?"
"$QCODE" diff --segments mini.yaml new.yaml zorg.txt welzijn.txt
