# A --by key that no transcript has (in --set, --meta or front matter) is a
# usage error, with nothing on stdout; a key that some transcripts lack
# still gives a warning per transcript and rows under '(none)'.
cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt "$SRC"/tests/fixtures/welzijn.txt .
"$QCODE" apply -c mini.yaml --by sector zorg.txt welzijn.txt
echo "exit $?"
"$QCODE" apply -c mini.yaml -j 2 --by subsector,sector,speaker zorg.txt welzijn.txt
echo "exit $?"
"$QCODE" apply -c mini.yaml --by sector --set sector=zorg zorg.txt | head -n 2 | cut -f 1-3
echo "exit $?"
"$QCODE" apply -c mini.yaml --by group,subsector --wide welzijn.txt zorg.txt | cut -f 1-4
echo "exit $?"
