# Bad dictionaries under the robustness bounds (time, memory, no signal):
# a LIWC .dic entry with an undefined category, a .dic whose header never
# ends, a WordStat .cat entry before any category and one nested 200 deep,
# a quanteda dictionary with a '?' glob. Each is FILE:LINE:COL and exit 3
# from `apply`, and no output file is left. (dictionary/errors.sh and
# dictionary/wordstat-errors.sh list every message.)
printf 'Moderator: hallo\nP1: ik ben blij\n' > t.txt
printf '%%\n1\tpos\n%%\nblij\t1 7\n' > undefined.dic
printf '%%\n1\tpos\n' > open.dic
printf 'blij (1)\n' > entry-first.cat
awk 'BEGIN { s = ""; for (i = 0; i < 200; i++) { print s "CAT" i; s = s "\t" }
  print s "blij (1)" }' > deep.cat
printf 'pos:\n  - bl?j\n' > glob.yml
for d in undefined.dic open.dic entry-first.cat deep.cat glob.yml; do
  "$SRC"/tests/cli/bounded "$QCODE" apply -c "$d" --set subsector=x -o out.tsv t.txt
  echo "$d: exit $?"
  [ -e out.tsv ] && echo "$d: out.tsv written"
done
