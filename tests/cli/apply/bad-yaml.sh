cp "$SRC"/tests/fixtures/bad-yaml.yaml "$SRC"/tests/fixtures/zorg.txt .
"$QCODE" apply -c bad-yaml.yaml zorg.txt
