# A verb lemma must end in -n; the error is invalid data (exit 3). A lemma
# with white space is refused too, before anything is printed.
"$QCODE" forms --pos verb maak
echo "exit $?"
"$QCODE" forms winnen 'in vullen'
