# Usage errors (exit 2): an unknown part of speech, no word.
"$QCODE" forms --pos adverb snel
echo "exit $?"
"$QCODE" forms
