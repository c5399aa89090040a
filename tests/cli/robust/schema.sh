# Unknown keys and wrong types are errors at the node.
cp "$SRC"/tests/fixtures/zorg.txt .
printf 'qcode: 1\nname: x\ncodes:\n  - id: a\n    wrods: [x]\n' > unknown.yaml
printf 'qcode: 1\nname: x\ncodes:\n  - id: a\n    words: tijdswinst\n' > scalar.yaml
printf 'qcode: 1\nname: x\nsettings:\n  negation:\n    before: drie\ncodes:\n  - id: a\n    words: [x]\n' > number.yaml
for f in unknown scalar number; do
  "$SRC"/tests/cli/bounded "$QCODE" apply -c $f.yaml zorg.txt
  echo "exit $?"
done
