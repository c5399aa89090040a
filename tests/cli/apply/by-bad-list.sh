# --by takes KEY[,KEY...]: an empty key or a key named twice is a usage
# error.
cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt .
"$QCODE" apply -c mini.yaml --by file,,speaker zorg.txt
echo "exit $?"
"$QCODE" apply -c mini.yaml --by subsector, zorg.txt
echo "exit $?"
"$QCODE" apply -c mini.yaml --by '' zorg.txt
echo "exit $?"
"$QCODE" apply -c mini.yaml --by speaker,file,speaker zorg.txt
echo "exit $?"
