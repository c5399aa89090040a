# A change of a code's own negation setting is a change of 'settings', not
# of 'rules' (the rules are the same).
cp "$SRC"/tests/fixtures/mini.yaml "$SRC"/tests/fixtures/zorg.txt .
sed 's/negation: false/negation: true/' mini.yaml > new.yaml
"$QCODE" diff mini.yaml new.yaml zorg.txt
echo "exit $?"
"$QCODE" diff --by file,speaker mini.yaml new.yaml zorg.txt | grep -e '^file' -e pessimist
