# export qdc: the tree in codebook order, names are ids, GUIDs are the
# UUID 5 of the paths (the same on a second export), descriptions hold the
# label, description and one-line examples; XML special characters are
# escaped and a control character becomes U+FFFD.
cat > cb.yaml <<'YAML'
qcode: 1
codes:
  - id: tone
    label: 'Toon & stemming'
    description: |
      Hoe een beurt <digitalisering> beoordeelt.
      Include: "tijdswinst".
    words: [x]
    codes:
      - id: optimist
        words: [winst]
        examples: ["We winnen tijd.", "Minder papier\x01!"]
        counterexamples: ["Geen winst."]
  - id: other
    words: [y]
YAML
"$QCODE" export qdc -c cb.yaml
echo "exit $?"
"$QCODE" export qdc -c cb.yaml -o a.qdc && "$QCODE" export qdc -c cb.yaml -o b.qdc &&
  cmp a.qdc b.qdc && echo "second export identical"
