# A segment in one coding only is an error, unless --missing=absent.
printf 'file\tsegment\tcode\na.txt\t1\tx\na.txt\t2\t\n' > a.tsv
printf 'file\tsegment\tcode\na.txt\t1\tx\n' > b.tsv
"$QCODE" agree a.tsv b.tsv
echo "exit $?"
"$QCODE" agree --missing=absent a.tsv b.tsv
