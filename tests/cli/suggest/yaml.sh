# yaml: -f yaml, the suggestions as YAML to paste, on the synthetic fixture
# (tests/fixtures/suggest-*; the same run as exact.sh, whose table pins the
# figures). Printed whole, then checked against the TSV table of the same
# run:
#   - the "- {...}" items are the rules of the table, in its order, each
#     under its code's key, under rules: (action rule) or exclude: rules:
#     (action exclude);
#   - each item's comment has the row's kappa_after, kappa_change,
#     precision_after, recall_after, changed, right and wrong, and its
#     right: / wrong: lines the row's right_turns / wrong_turns; the
#     code's "now:" line has kappa_, precision_ and recall_before;
#   - a code without suggestions says so (--min-turns 10);
#   - -o writes the same bytes.
# Then the YAML is parsed with python3's yaml module, and -f json with jq
# or python3, where there: the same rules as the table. Without them the
# check is skipped and the same line printed, so the expected output does
# not depend on what is installed. -f csv quotes the rules that hold a
# comma.
set -u
cp "$SRC"/tests/fixtures/suggest-codebook.yaml "$SRC"/tests/fixtures/suggest-zorg.txt \
  "$SRC"/tests/fixtures/suggest-welzijn.txt "$SRC"/tests/fixtures/suggest-sheet.tsv .
run() {
  "$QCODE" suggest -c suggest-codebook.yaml --gold suggest-sheet.tsv "$@" \
    suggest-zorg.txt suggest-welzijn.txt
}
run -f yaml > out.yaml
echo "exit $?"
cat out.yaml
run > table.tsv

# The YAML read line by line: per item, code, action, rule and the figures
# of its comments, tab-separated, as in the table's columns.
awk '
  function flush() { if (rule != "") print code "\t" action "\t" rule "\t" figs "\t" right "\t" wrong; rule = "" }
  /^[^ #][^:]*:$/ { flush(); code = substr($0, 1, length($0) - 1); action = ""; next }
  /^  rules:$/ { flush(); action = "rule"; next }
  /^  exclude:$/ { flush(); action = "exclude?"; next }
  /^    rules:$/ && action == "exclude?" { action = "exclude"; next }
  /^ *- \{/ { flush(); rule = $0; sub(/^ *- /, "", rule); right = ""; wrong = ""; next }
  /^ *# kappa / {
    # "# kappa K (+C), precision P, recall R; codes N turns: r right, w wrong"
    line = $0; gsub(/[(),;:]/, " ", line); n = split(line, w, " ")
    change = w[4]; sub(/^\+/, "", change)
    figs = w[3] "\t" change "\t" w[6] "\t" w[8] "\t" w[10] "\t" w[12] "\t" w[14]
    next
  }
  /^ *#   right: / { right = $3; next }
  /^ *#   wrong: / { wrong = $3; next }
  /^  # now: / { line = $0; gsub(/[,;]/, " ", line); split(line, w, " ")
    print code "\tnow\t" w[4] "\t" w[6] "\t" w[8] > "now.txt"; next }
  END { flush() }' out.yaml > items.txt
awk -F'\t' 'NR > 1 { print $1 "\t" $2 "\t" $5 "\t" $10 "\t" $11 "\t" $13 "\t" $15 "\t" $6 "\t" $7 "\t" $8 "\t" $16 "\t" $17 }' \
  table.tsv > rows.txt
if cmp -s items.txt rows.txt; then
  echo "yaml items: $(wc -l < items.txt | tr -d ' ') rules, the table's, with its figures and turns"
else
  echo "yaml items differ from the table:"
  diff rows.txt items.txt
fi
awk -F'\t' 'NR > 1 && !seen[$1]++ { print $1 "\tnow\t" $9 "\t" $12 "\t" $14 }' table.tsv | cmp -s - now.txt &&
  echo "yaml now: the table's figures before"
grep -c '^[^ #]' out.yaml | sed 's/$/ codes/'

run -f yaml -o out2.yaml && cmp -s out.yaml out2.yaml && echo "-o: the same YAML"
# no suggestion for any code
run -f yaml --min-turns 10 | grep -v '^#'

# The YAML and JSON parsed, where a parser is installed.
ok="yaml parses: the table's rules under each code"
if command -v python3 > /dev/null && python3 -c 'import yaml' 2> /dev/null; then
  python3 -c '
import sys, yaml
doc = yaml.safe_load(open("out.yaml"))
n = 0
for code, v in doc.items():
    n += len(v.get("rules", [])) + len(v.get("exclude", {}).get("rules", []))
    for r in v.get("rules", []) + v.get("exclude", {}).get("rules", []):
        assert isinstance(r, dict), r
rows = sum(1 for _ in open("table.tsv")) - 1
sys.exit(0 if n == rows else 1)' || ok="yaml does not parse to the table's rules"
fi
echo "$ok"
cut -f1,2,5 table.tsv | tail -n +2 > want.txt
run -f json > out.json
ok="json parses: the table's rows"
if command -v jq > /dev/null; then
  jq -r '.[] | [.code, .action, .rule] | join("\t")' out.json > got.txt 2>&1 &&
    cmp -s want.txt got.txt || ok="json does not parse to the table's rows (jq)"
elif command -v python3 > /dev/null; then
  python3 -c '
import json
for r in json.load(open("out.json")):
    print("\t".join([r["code"], r["action"], r["rule"]]))' > got.txt 2>&1 &&
    cmp -s want.txt got.txt || ok="json does not parse to the table's rows (python3)"
fi
echo "$ok"
run -f csv --top 1
