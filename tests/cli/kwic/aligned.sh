# Aligned text: context counted in characters, so the hits of lines with
# diacritics (cliëntendossier, efficiënter) line up with the others.
cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt "$SRC"/tests/fixtures/welzijn.txt .
"$QCODE" kwic -c mini.yaml -w 12 zorg.txt welzijn.txt
"$QCODE" kwic -c mini.yaml -w 12 zorg.txt welzijn.txt | awk '{ print index($0, "[") }' | sort -u | wc -l
