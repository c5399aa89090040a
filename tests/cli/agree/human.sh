# qcode against a human coder's sheet (CSV, as a spreadsheet saves it).
cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt "$SRC"/tests/fixtures/welzijn.txt .
"$QCODE" code -c mini.yaml --all zorg.txt welzijn.txt > qcode.tsv
printf 'file,segment,code,note\r\n' > human.csv
printf 'zorg.txt,2,tone/optimist,\r\nzorg.txt,2,competence/digital,\r\n' >> human.csv
printf 'zorg.txt,3,tone/pessimist,"geen winst, wel last"\r\nzorg.txt,4,,\r\n' >> human.csv
printf 'welzijn.txt,1,tone/optimist,\r\nwelzijn.txt,2,tone/pessimist,\r\nwelzijn.txt,3,tone/pessimist,\r\n' >> human.csv
"$QCODE" agree --code tone/optimist --code tone/pessimist --code competence/digital qcode.tsv human.csv
"$QCODE" agree -f json --code tone/pessimist qcode.tsv human.csv
