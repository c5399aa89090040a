# Every command in the EXAMPLES section of the man page runs and succeeds
# (on copies of the sample corpus and codebook).
cp -r "$SRC"/corpus "$SRC"/codebooks .
sed -n '/^\.SH EXAMPLES/,/^\.SH /p' "$SRC"/man/qcode.1 |
  sed -n '/^\.nf/,/^\.fi/p' | sed '/^\.nf/d; /^\.fi/d' |
  sed -e 's/\\-/-/g' -e 's/\\e/\\/g' |
  awk '{ line = line $0 } /\\$/ { sub(/\\$/, "", line); next } { print line; line = "" }' > examples.sh
n=0
while IFS= read -r cmd; do
  n=$((n + 1))
  sh -c "qcode() { \"\$QCODE\" \"\$@\"; }; $cmd" > out.$n 2> err.$n
  echo "exit $? (stderr $(wc -c < err.$n) bytes): $cmd"
done < examples.sh
