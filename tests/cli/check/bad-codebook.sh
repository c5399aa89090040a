cp "$SRC"/tests/fixtures/bad-regex.yaml .
"$QCODE" check bad-regex.yaml
