# FILE:LINE explains the segment that holds the line; --examples the
# codebook's examples and counterexamples, marked passes or FAILS.
printf 'qcode: 1\ncodes:\n  - id: a\n    words: [stress]\n    examples: ["stress", "rust"]\n' > cb.yaml
printf 'P1: Veel\nstress hier.\nP2: Geen stress.\n' > t.txt
"$QCODE" explain -c cb.yaml t.txt:2 t.txt:3
echo "exit $?"
"$QCODE" explain -c cb.yaml --examples
echo "exit $?"
"$QCODE" explain -c cb.yaml t.txt:9
echo "exit $?"
"$QCODE" explain "tekst"
echo "exit $?"
"$QCODE" explain -c cb.yaml --code nope "tekst"
echo "exit $?"
