# A YAML syntax error: libyaml's description at its line and column.
cp "$SRC"/tests/fixtures/zorg.txt .
printf 'qcode: 1\nname: x\ncodes:\n  - id: a\n    words: [een, twee\n  - id: b\n' > cb.yaml
"$SRC"/tests/cli/bounded "$QCODE" apply -c cb.yaml zorg.txt
