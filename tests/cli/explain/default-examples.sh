# explain --examples on the default codebook: every example and
# counterexample passes, and the listing shows hits that were counted and
# hits that negation, not-near, a mask and an exclusion cancelled.
cb=$SRC/codebooks/digitalisering.yaml
"$QCODE" explain -c "$cb" --examples > out.txt
echo "exit $?"
n=$(grep -c ': example of .* (passes)$' out.txt)
c=$(grep -c ': counterexample of .* (passes)$' out.txt)
bad=$(grep -c "example of .* (FAILS)$" out.txt)
echo "examples passing: $([ "$n" -ge 100 ] && echo yes || echo "no ($n)")"
echo "counterexamples passing: $([ "$c" -ge 50 ] && echo yes || echo "no ($c)")"
echo "failing: $bad"
"$QCODE" explain -c "$cb" --examples -f tsv > out.tsv
for status in counted negated 'not negated' not-near masked excluded; do
  k=$(awk -F'\t' -v s="$status" '$3 == s' out.tsv | wc -l)
  echo "$status: $([ "$k" -gt 0 ] && echo present || echo absent)"
done
