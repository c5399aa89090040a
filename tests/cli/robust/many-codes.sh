# 100,000 codes load and code within the bounds.
cp "$SRC"/tests/fixtures/zorg.txt .
awk 'BEGIN { print "qcode: 1\nname: many\ncodes:"
  for (i = 0; i < 100000; i++) { print "  - id: c" i; print "    words: [w" i ", \"x" i "*\"]" }
  print "  - id: gain"; print "    words: [tijdswinst]" }' > many.yaml
"$SRC"/tests/cli/bounded "$QCODE" apply -c many.yaml zorg.txt > out.tsv
echo "exit $?"
wc -l < out.tsv
grep -P '\tgain\t' out.tsv | cut -f1-4
