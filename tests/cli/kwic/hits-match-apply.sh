# On the sample corpus, the kwic lines of every code (a parent selecting
# its children) number exactly the code's hits in `apply`.
cb="$SRC"/codebooks/digitalisering.yaml
"$QCODE" apply -c "$cb" "$SRC"/corpus/*.txt |
  awk -F'\t' 'NR > 1 { hits[$2] += $4 } END { for (c in hits) print c, hits[c] }' |
  sort > apply.txt
bad=0
while read -r code hits; do
  lines=$("$QCODE" kwic -c "$cb" --code "$code" -f tsv "$SRC"/corpus/*.txt | tail -n +2 | wc -l)
  [ "$lines" -eq "$hits" ] || { echo "$code: $lines kwic lines, $hits hits"; bad=1; }
done < apply.txt
echo "$(wc -l < apply.txt) codes checked"
[ $bad -eq 0 ] && echo "kwic lines = apply hits for every code"
