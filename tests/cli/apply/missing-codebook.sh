"$QCODE" apply zorg.txt
