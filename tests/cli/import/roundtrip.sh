# export then import gives the code tree, labels, descriptions and
# examples back (rules stay behind), and check lists the rule-less codes.
"$QCODE" export qdc -c "$SRC"/tests/fixtures/mini.yaml -o mini.qdc
"$QCODE" import qdc mini.qdc > mini.yaml
echo "exit $?"
cat mini.yaml
"$QCODE" codes "$SRC"/tests/fixtures/mini.yaml > a.tsv
"$QCODE" codes mini.yaml > b.tsv
cmp a.tsv b.tsv && echo "same codes and labels"
"$QCODE" check mini.yaml 2>&1
echo "exit $?"
