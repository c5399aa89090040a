# Bad WordStat dictionaries: each a FILE:LINE:COL error, exit status 3,
# never a guess.
printf '\tBLIJ (1)\n' > a.cat                         # entry before any category
printf 'EMOTIE\nBLIJ (1)\n' > b.cat                   # entry not indented
printf 'EMOTIE\n\t\t\tBLIJ (1)\n' > c.cat             # entry: indentation jump
printf 'EMOTIE\n\t\tPOSITIEF\n\t\t\tblij (1)\n' > d.cat # category: jump
printf '\tEMOTIE\n' > e.cat                            # first category indented
printf 'EMOTIE\n\tPOSITIEF\n\tNEGATIEF\n\t\tboos (1)\n' > f.cat # empty category
printf 'EMOTIE\n' > g.cat                              # empty, at the end
printf 'EMOTIE\n    blij (1)\n' > h.cat                # spaces, not tabs
printf 'EMOTIE\n\tblij (2)\n' > i.cat                  # a weight
printf 'EMOTIE\n\tsatisfied NEAR #PROF (1)\n' > j.cat  # a rule
printf 'EMOTIE\n\tTURN* AFTER OFF (1)\n' > k.cat       # maybe a rule
printf 'EMOTIE\n\tbl?j (1)\n' > l.cat                  # '?'
printf 'EMOTIE\n\tniet_goed (1)\n' > m.cat             # '_'
printf 'EMOTIE\n\t@blij (1)\n' > n.cat                 # qcode syntax
printf 'EMOTIE\n\tbl\351j (1)\n' > o.cat               # Latin-1, not UTF-8
printf '\n\n' > p.cat                                  # no category
printf 'EMOTIE\n\tA\n\t\tx (1)\n\tA\n\t\ty (1)\n' > q.cat # a category twice
printf 'EMOTIE\n\t (1)\n' > r.cat                      # entry without a word
printf 'EMOTIE\n\tbl\000ij (1)\n' > s.cat              # a NUL byte
awk 'BEGIN { s = ""; for (i = 0; i < 70; i++) { printf "%sC%d\n", s, i; s = s "\t" } }' > t.cat
for f in a b c d e f g h i j k l m n o p q r s t; do
  "$QCODE" codes $f.cat
  echo "exit $?"
done
# lower case says "a phrase": the operator words are words then
printf 'EMOTIE\n\tturn* after off (1)\n' > ok.cat
"$QCODE" codes ok.cat
echo "exit $?"
