# A reader that stops early ends qcode quietly with status 0, not with a
# "Broken pipe" or a killed process.
i=0
{ echo "P1: begin"; while [ $i -lt 3000 ]; do echo "en dan nog een regel met wat woorden erin, hé."; i=$((i + 1)); done; } > big.txt
{ "$QCODE" tokenize big.txt big.txt; echo "tokenize exit $?" >&2; } | head -n 2
{ "$QCODE" code -c "$SRC"/tests/fixtures/mini.yaml --all --moderators '' --unit sentence big.txt 2>/dev/null; echo "code exit $?" >&2; } | head -n 1
