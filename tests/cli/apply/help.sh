"$QCODE" apply --help > a
"$QCODE" help apply > b
cmp a b && grep -c -e '--codebook' -e 'Exit status' a
