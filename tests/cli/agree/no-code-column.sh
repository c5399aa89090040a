printf 'file\tsegment\na.txt\t1\n' > a.tsv
"$QCODE" agree a.tsv a.tsv
