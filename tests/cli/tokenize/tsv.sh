printf -- '---\nsubsector: zorg\n---\n# comment\nP1: Dat is 14:30 (zeker).\n' > t.txt
"$QCODE" tokenize --format tsv t.txt
