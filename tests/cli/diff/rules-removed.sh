# Removing the rules of one code in a copy of the default codebook: diff
# exits 1 and reports exactly that code's segments as lost.
cb="$SRC"/codebooks/digitalisering.yaml
awk '
  /^      - id: soft$/ { insoft = 1; print; next }
  insoft && /^      - id:/ { insoft = 0 }
  insoft && /^        (words|phrases|regex|verbs|nouns|adjectives|rules|exclude|mask):/ { skip = 1; next }
  insoft && skip && /^          / { next }
  insoft && skip && /^        [a-z]/ { skip = 0 }
  { print }' "$cb" > new.yaml
grep -c 'id: soft' new.yaml
"$QCODE" diff --segments "$cb" new.yaml "$SRC"/corpus/*.txt > listing.txt
echo "exit $?"
# Every changed line is a lost competence/soft (or its parent competence).
grep '^[-+][a-z]' listing.txt | cut -d: -f1 | sort | uniq -c | awk '{ print $2 }'
"$QCODE" code -c "$cb" "$SRC"/corpus/*.txt | awk -F'\t' '$7 == "competence/soft"' | wc -l > before.txt
grep -c '^-competence/soft:' listing.txt > lost.txt
cmp -s before.txt lost.txt && [ "$(cat lost.txt)" -gt 0 ] && echo "every segment of competence/soft lost, nothing else"
"$QCODE" check new.yaml 2>&1 | grep -c 'never coded'
