# An empty rule list.
cp "$SRC"/tests/fixtures/zorg.txt .
printf 'qcode: 1\nname: x\ncodes:\n  - id: a\n    words: []\n' > cb.yaml
"$SRC"/tests/cli/bounded "$QCODE" apply -c cb.yaml zorg.txt
