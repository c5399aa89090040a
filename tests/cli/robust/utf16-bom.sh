# UTF-16 with a byte order mark is recognised and named.
cp "$SRC"/tests/fixtures/mini.yaml .
printf '\377\376P\0001\000:\000 \000x\000\n\000' > le.txt
printf '\376\377\000P\0001\000:\000 \000x\000\n' > be.txt
"$SRC"/tests/cli/bounded "$QCODE" apply -c mini.yaml le.txt
echo "exit $?"
"$SRC"/tests/cli/bounded "$QCODE" apply -c mini.yaml be.txt
echo "exit $?"
