# A reader that stops early: qcode ends quietly with status 0.
cp "$SRC"/tests/fixtures/mini.yaml .
awk 'BEGIN { for (i = 0; i < 200000; i++) print "P1: Dat geeft tijdswinst." }' > big.txt
"$SRC"/tests/cli/bounded "$QCODE" tokenize big.txt | head -n 2
"$SRC"/tests/cli/bounded "$QCODE" code -c mini.yaml big.txt | head -n 1
