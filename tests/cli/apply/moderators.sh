# Coding the moderator too adds one segment to the group.
cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt .
"$QCODE" apply -c mini.yaml --wide zorg.txt
"$QCODE" apply -c mini.yaml --wide --moderators '' zorg.txt
"$QCODE" apply -c mini.yaml --wide --moderators 'moderator,p3' zorg.txt
