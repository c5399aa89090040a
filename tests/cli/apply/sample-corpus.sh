# The Quick start's job: the default codebook on the sample corpus gives a
# row for every subsector x code, and the seven core codes are there.
"$QCODE" apply -c "$SRC"/codebooks/digitalisering.yaml "$SRC"/corpus/*.txt > out.tsv
echo "rows: $(tail -n +2 out.tsv | wc -l)"
cut -f1 out.tsv | tail -n +2 | sort -u
for code in tone/optimist tone/pessimist competence/job-specific \
    competence/digital competence/soft will-can/will will-can/can; do
  printf '%s %s\n' "$code" "$(awk -F'\t' -v c="$code" '$2 == c' out.tsv | wc -l)"
done
