# "Billion laughs" that passes the schema: each code list holds ten codes
# whose children are the previous list, so the last one would expand to
# 10^9 codes. The loader counts nodes after expanding aliases and stops.
cp "$SRC"/tests/fixtures/zorg.txt .
awk 'BEGIN {
  printf "qcode: 1\nname: bomb\ncodes:\n  - id: z0\n    codes: &l0 ["
  for (c = 0; c < 10; c++) printf "%s{id: c%d, words: [lol]}", c ? ", " : "", c
  print "]"
  for (k = 1; k < 10; k++) {
    printf "  - id: z%d\n    codes: &l%d [", k, k
    for (c = 0; c < 10; c++) printf "%s{id: c%d, codes: *l%d}", c ? ", " : "", c, k - 1
    print "]"
  } }' > bomb.yaml
"$SRC"/tests/cli/bounded "$QCODE" apply -c bomb.yaml zorg.txt
echo "exit $?"
"$SRC"/tests/cli/bounded "$QCODE" check bomb.yaml
