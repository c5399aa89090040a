"$QCODE" apply -c mini.yaml --format xml zorg.txt
