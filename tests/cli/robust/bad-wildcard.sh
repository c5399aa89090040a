# Invalid wildcards: "**", a bare "*", white space inside a word.
cp "$SRC"/tests/fixtures/zorg.txt .
for wd in 'tijd**' '*' 'tijds winst'; do
  printf 'qcode: 1\nname: x\ncodes:\n  - id: a\n    words: ["%s"]\n' "$wd" > cb.yaml
  "$SRC"/tests/cli/bounded "$QCODE" apply -c cb.yaml zorg.txt
  echo "exit $?"
done
