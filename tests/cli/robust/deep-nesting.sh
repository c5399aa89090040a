# Codes nested 10,000 deep, as block YAML and as flow YAML.
cp "$SRC"/tests/fixtures/zorg.txt .
awk 'BEGIN { print "qcode: 1\nname: deep\ncodes:"; ind = "  "
  for (i = 0; i < 10000; i++) {
    print ind "- id: c" i; print ind "  words: [w" i "]"; print ind "  codes:"
    ind = ind "    " }
  print ind "- id: last"; print ind "  words: [x]" }' > block.yaml
awk 'BEGIN { printf "qcode: 1\nname: deep\ncodes: "
  for (i = 0; i < 10000; i++) printf "[{id: c%d, words: [w], codes: ", i
  printf "[]"; for (i = 0; i < 10000; i++) printf "}]"; print "" }' > flow.yaml
"$SRC"/tests/cli/bounded "$QCODE" apply -c block.yaml zorg.txt
echo "exit $?"
"$SRC"/tests/cli/bounded "$QCODE" apply -c flow.yaml zorg.txt
echo "exit $?"
