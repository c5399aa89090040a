# A codebook diffed with itself: exit 0, no changed segments.
cb="$SRC"/codebooks/digitalisering.yaml
"$QCODE" diff --segments "$cb" "$cb" "$SRC"/corpus/*.txt > listing.txt
echo "exit $?"
sed 's|.*/codebooks/|codebooks/|' listing.txt
"$QCODE" diff "$cb" "$cb" "$SRC"/corpus/*.txt | awk -F'\t' 'NR > 1 && ($3 != "" || $6 != 0 || $9 != 0)' | wc -l
