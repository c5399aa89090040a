# CRLF line ends and a UTF-8 byte order mark are accepted.
cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/crlf.txt "$SRC"/tests/fixtures/bom.txt .
"$QCODE" apply -c mini.yaml --wide --set subsector=x crlf.txt bom.txt
