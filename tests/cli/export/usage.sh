# export: a format and a codebook are needed; a bad codebook is a data
# error; -o leaves no file behind on failure.
"$QCODE" export -c x.yaml
echo "exit $?"
"$QCODE" export pdf -c x.yaml
echo "exit $?"
"$QCODE" export qdc
echo "exit $?"
printf 'qcode: 1\ncodes: [\n' > bad.yaml
"$QCODE" export qdc -c bad.yaml -o out.qdc
echo "exit $?"
ls out.qdc 2>/dev/null || echo "no out.qdc"
