# Every YAML block of docs/CODEBOOK.md is a complete codebook whose
# examples must be coded and counterexamples not: `qcode check` runs each
# (a failing one prints its message and status here, and the expected
# output has none).
awk '/^```yaml$/ { n++; f = sprintf("block%02d.yaml", n); next }
     /^```$/ { f = ""; next }
     f { print > f }' "$SRC"/docs/CODEBOOK.md
count=0
for f in block*.yaml; do
  count=$((count + 1))
  "$QCODE" check "$f" 2>&1 || echo "$f: exit $?"
done
echo "$count codebooks checked"
