# Regexes that can match the empty string are refused at load.
cp "$SRC"/tests/fixtures/zorg.txt .
for re in 'x*' '\\b' '(?=tijd)'; do
  printf 'qcode: 1\nname: x\ncodes:\n  - id: a\n    regex: ["%s"]\n' "$re" > cb.yaml
  "$SRC"/tests/cli/bounded "$QCODE" apply -c cb.yaml zorg.txt
  echo "exit $?"
done
