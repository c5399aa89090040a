# Two codes with one id under the same parent.
cp "$SRC"/tests/fixtures/zorg.txt .
printf 'qcode: 1\nname: x\ncodes:\n  - id: a\n    words: [x]\n  - id: a\n    words: [y]\n' > cb.yaml
"$SRC"/tests/cli/bounded "$QCODE" apply -c cb.yaml zorg.txt
