# Bad dictionaries: FILE:LINE:COL errors, exit status 3.
printf '%%\n1\tpos\n%%\nblij\t1\tboos\n' > a.dic
printf '%%\n1\tpos\n%%\nblij\t1 7\n' > b.dic
printf '%%\n1\tpos\n%%\nlike\t(02 134)125/464\n' > c.dic
printf '%%\n1\tpos\nblij\t1\n' > d.dic
printf 'blij\t1\n' > e.dic
printf '%%\n1\tpos\n%%\nblij\n' > f.dic
printf '%%\n1\tpos\n1\tneg\n%%\n' > g.dic
printf '%%\n1\tpos\n%%\n@blij\t1\n' > h.dic
printf '%%\n1\tpos\n%%\nbl\351j\t1\n' > i.dic
for f in a b c d e f g h i; do "$QCODE" codes $f.dic; echo "exit $?"; done
printf 'a:\n  - bl?j\n' > a.yml
printf 'a:\n  b: [x]\n  b: [y]\n' > b.yml
printf 'a: [x, [y]]\n' > c.yml
printf 'a: ["@x"]\n' > d.yml
for f in a b c d; do "$QCODE" codes $f.yml; echo "exit $?"; done
