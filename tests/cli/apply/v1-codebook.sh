# The pre-rewrite default codebook (format 1 rules only: words, phrases,
# regex, exclude, mask, negation) gives the same coding as it did before
# the rule language grew: the table per file and a digest of every coded
# segment's spans, both recorded with qcode b52e3e5 (the codebook column,
# a fingerprint that now includes the clause settings, is left out).
cb="$SRC"/tests/fixtures/digitalisering-v1.yaml
"$QCODE" apply -c "$cb" --by file "$SRC"/corpus/*.txt | cut -f1-7 | sed "s|$SRC/||"
"$QCODE" code -c "$cb" --all "$SRC"/corpus/*.txt | sed "s|$SRC/||" | cksum
