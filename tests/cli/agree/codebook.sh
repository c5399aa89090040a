# -c CODEBOOK: the code tree comes from the codebook, and every code of
# either sheet must be in it. qcode's sheet lists parents; the human's,
# a spreadsheet, only leaves. Rolled up, the human coded tone in zorg.txt
# 2 and 3 and welzijn.txt 1 to 3, qcode in zorg.txt 2 and 3 and
# welzijn.txt 1: a = 3, b = 0, c = 2, d = 1 (zorg.txt 4); p_o = 4/6,
# p_e = (3 * 5 + 3 * 1) / 36 = 0.5, kappa (4/6 - 0.5) / 0.5 = 0.3333
# (without the roll-up the human never codes tone: kappa 0).
cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt "$SRC"/tests/fixtures/welzijn.txt .
"$QCODE" code -c mini.yaml --all zorg.txt welzijn.txt > qcode.tsv
printf 'file,segment,code\r\nzorg.txt,2,tone/optimist\r\nzorg.txt,2,competence/digital\r\n' > human.csv
printf 'zorg.txt,3,tone/pessimist\r\nzorg.txt,4,\r\nwelzijn.txt,1,tone/optimist\r\n' >> human.csv
printf 'welzijn.txt,2,tone/pessimist\r\nwelzijn.txt,3,tone/pessimist\r\n' >> human.csv
"$QCODE" agree -c mini.yaml qcode.tsv human.csv > with.tsv
cat with.tsv
# The codebook's tree is the tree of the paths: the same figures without it.
"$QCODE" agree qcode.tsv human.csv | cmp - with.tsv && echo "same without -c"
"$QCODE" agree --codebook mini.yaml --code tone --code competence qcode.tsv human.csv
# A code the codebook does not have is an error at the sheet's row.
sed 's|^zorg.txt,3,tone/pessimist|zorg.txt,3,tone/pessimst|' human.csv > typo.csv
"$QCODE" agree -c mini.yaml qcode.tsv typo.csv
echo "exit $?"
# So is a --code the codebook does not have (a usage error).
"$QCODE" agree -c mini.yaml --code tone/neutral qcode.tsv human.csv
echo "exit $?"
