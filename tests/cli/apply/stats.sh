# apply --stats and --cells: the chi-square test per code across the
# subsectors of the sample corpus, and per cell the share, its Wilson
# interval and the adjusted residual (the formulas are checked against
# worked examples in tests/unit/test_stats.c). With one segment per group
# every expected count is under 5, so p is a Monte Carlo estimate, the same
# on every run; JSON writes a statistic that is not defined as null.
cb=$SRC/codebooks/digitalisering.yaml
"$QCODE" apply --stats -c "$cb" "$SRC"/corpus/*.txt
"$QCODE" apply --cells -f csv -c "$cb" "$SRC"/corpus/*.txt | head -n 8
cp "$SRC"/tests/fixtures/zorg.txt .
mini=$SRC/tests/fixtures/mini.yaml
"$QCODE" apply --stats --by speaker -c "$mini" zorg.txt > a.tsv
"$QCODE" apply --stats --by speaker -c "$mini" zorg.txt 2>/dev/null | cmp -s - a.tsv && echo "repeatable"
cat a.tsv
"$QCODE" apply --stats --by speaker --sims 0 -c "$mini" zorg.txt 2>&1 | cut -f 1,7,8
"$QCODE" apply --stats -f json --by subsector -c "$mini" zorg.txt | head -n 3
"$QCODE" apply --stats --wide -c "$mini" zorg.txt; echo "exit $?"
"$QCODE" apply --stats --sims -1 -c "$mini" zorg.txt; echo "exit $?"
