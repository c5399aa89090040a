# codes --rules lists every rule with its code, role, kind, pattern and
# line. A regex with a tab (here from "\t" in double quotes) is an error.
"$QCODE" codes --rules "$SRC"/tests/fixtures/mini.yaml
printf 'qcode: 1\nname: x\ncodes:\n  - id: a\n    regex: ["tijds\\twinst"]\n    exclude:\n      phrases: [geen winst]\n' > tab.yaml
"$QCODE" codes --rules tab.yaml
# the regexes of the default codebook: one row each, all of them
"$QCODE" codes --rules "$SRC"/codebooks/digitalisering.yaml |
  awk -F '\t' 'NR > 1 && NF != 5 { bad++ } END { print bad + 0, "malformed rows" }'
