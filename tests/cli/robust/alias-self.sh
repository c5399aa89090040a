# A self-referencing alias: an anchored code whose children include itself.
cp "$SRC"/tests/fixtures/zorg.txt .
printf 'qcode: 1\nname: x\ncodes:\n  - &a\n    id: a\n    words: [x]\n    codes: [*a]\n' > cb.yaml
"$SRC"/tests/cli/bounded "$QCODE" apply -c cb.yaml zorg.txt
