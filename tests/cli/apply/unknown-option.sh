"$QCODE" apply -c mini.yaml --colour zorg.txt
