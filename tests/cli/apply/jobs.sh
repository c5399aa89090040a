# --jobs N: the table and the messages do not depend on the number of
# threads, also when files fail (with and without --keep-going).
cp "$SRC"/tests/fixtures/mini.yaml .
for f in "$SRC"/corpus/*-fg1.txt "$SRC"/corpus/*-fg4.txt; do cp "$f" .; done
printf -- '---\nsubsector: zorg\n---\nP1: Dat geeft tijdswinst.\nP2: caf\351\n' > bad.txt
printf -- 'P1: Geen subsector hier.\n' > nosub.txt
set -- *-fg1.txt nosub.txt bad.txt *-fg4.txt
"$QCODE" apply -c "$SRC"/codebooks/digitalisering.yaml -j 1 "$@" > one.tsv 2> one.err
echo "jobs 1: exit $?"
"$QCODE" apply -c "$SRC"/codebooks/digitalisering.yaml -k -j 1 "$@" > one-k.tsv 2> one-k.err
echo "jobs 1 -k: exit $?"
for j in 2 3 8; do
  "$QCODE" apply -c "$SRC"/codebooks/digitalisering.yaml --jobs $j "$@" > many.tsv 2> many.err
  echo "jobs $j: exit $?"
  cmp one.err many.err && [ ! -s many.tsv ] && echo "same messages, no table"
  "$QCODE" apply -c "$SRC"/codebooks/digitalisering.yaml -k -j $j "$@" > many-k.tsv 2> many-k.err
  echo "jobs $j -k: exit $?"
  cmp one-k.tsv many-k.tsv && cmp one-k.err many-k.err && echo "same table and messages"
done
cat one-k.err
wc -l < one-k.tsv
"$QCODE" apply -c mini.yaml -j 0 zorg-fg1.txt
echo "exit $?"
