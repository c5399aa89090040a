# A regex that does not compile.
cp "$SRC"/tests/fixtures/zorg.txt .
printf 'qcode: 1\nname: x\ncodes:\n  - id: a\n    regex: ["(abc"]\n' > cb.yaml
"$SRC"/tests/cli/bounded "$QCODE" apply -c cb.yaml zorg.txt
