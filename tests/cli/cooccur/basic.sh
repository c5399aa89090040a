# cooccur: counted by hand on the fixture (P1: tone/optimist and
# competence/digital; P2: tone/pessimist; P3: nothing; the moderator is not
# coded): tone is in 2 of 3 segments, competence in 1, both in 1, so
# Jaccard 1/2, P(competence|tone) 1/2, P(tone|competence) 1. Then, on the
# sample corpus, every pair's counts equal those counted from `code`.
cp "$SRC"/tests/fixtures/zorg.txt .
cb=$SRC/tests/fixtures/mini.yaml
"$QCODE" cooccur -c "$cb" zorg.txt
"$QCODE" cooccur --all -c "$cb" zorg.txt
"$QCODE" cooccur --by subsector -f json -c "$cb" zorg.txt
big=$SRC/codebooks/digitalisering.yaml
"$QCODE" cooccur -c "$big" "$SRC"/corpus/*.txt > co.tsv
"$QCODE" code --all -c "$big" "$SRC"/corpus/*.txt > code.tsv
# pairs from the coding sheet: a segment is file and segment number
awk -F'\t' 'NR > 1 { seg = $1 SUBSEP $2; segs[seg] = 1
    if ($7 != "") { n[$7]++; has[seg, $7] = 1; list[seg] = list[seg] "\t" $7 } }
  END {
    for (s in list) { k = split(substr(list[s], 2), c, "\t")
      for (i = 1; i <= k; i++) for (j = 1; j <= k; j++) if (i != j) both[c[i], c[j]]++ }
    total = 0; for (s in segs) total++
    while ((getline line < "co.tsv") > 0) {
      if (++row == 1) continue
      split(line, f, "\t")
      if (f[3] != total || f[4] != n[f[1]] + 0 || f[5] != n[f[2]] + 0 || f[6] != both[f[1], f[2]] + 0) bad++
      rows++
    }
    print "corpus: " rows " pairs, " total " segments, " bad + 0 " differ from code"
  }' code.tsv
# a transcript that fails midway with -k adds nothing
printf -- '---\nsubsector: x\n---\nP1: tijdswinst en tablets\nP2: planlast\nP3: caf\351\n' > bad.txt
"$QCODE" cooccur -k -c "$cb" zorg.txt bad.txt > with-bad.tsv 2>/dev/null
echo "exit $?"
"$QCODE" cooccur -c "$cb" zorg.txt | cmp -s - with-bad.tsv && echo "-k: the failed file's segments are not counted"
