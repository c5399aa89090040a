# A single line of 100 MB (QCODE_LONG_LINE_MB; valgrind runs use less) is
# one segment, coded within the bounds (10 s, 1 GB resident).
cp "$SRC"/tests/fixtures/mini.yaml .
mb=${QCODE_LONG_LINE_MB:-100}
s="Ik zeg het eerlijk: de tablet geeft tijdswinst, maar het dossier crasht soms en dan is er planlast. "
n=$(awk -v mb="$mb" -v s="$s" 'BEGIN { print int(mb * 1048576 / length(s)) }')
awk -v n="$n" -v s="$s" 'BEGIN {
  printf "P1: "; for (i = 0; i < n; i++) printf "%s", s; printf "\n" }' > long.txt
"$SRC"/tests/cli/bounded "$QCODE" apply -c mini.yaml --set subsector=zorg long.txt > long.tsv
echo "exit $?"
# each repetition has one optimist hit (tijdswinst), two digital ones
# (tablet, dossier) and two pessimist ones (crasht, planlast)
awk -F '\t' -v n="$n" 'NR > 1 && $3 != 1 { print $2 ": segments " $3 }
  $2 == "tone/optimist" && $4 != n { print "optimist hits " $4 " not " n }
  $2 == "tone/pessimist" && $4 != 2 * n { print "pessimist hits " $4 " not " 2 * n }
  $2 == "competence/digital" && $4 != 2 * n { print "digital hits " $4 " not " 2 * n }' long.tsv
cut -f1-3 long.tsv
