# Phrases with punctuation marks, '^' and '*' at an end: what they may not
# do gets a FILE:LINE:COL error (exit 3); a good one checks clean.
bad() {
  printf 'qcode: 1\ncodes:\n  - id: a\n    phrases: [%s]\n' "$1" > p.yaml
  "$QCODE" check p.yaml; echo "$1: $?"
}
bad "'^ [0-2] minder'"
bad "'minder ^'"
bad "'? .'"
bad "'* ? [0-2] nee'"
bad "'[0-2] minder'"
printf 'qcode: 1\ncodes:\n  - id: a\n    rules:\n      - phrase: "werkt ^"\n' > r.yaml
"$QCODE" check r.yaml; echo "rule: $?"
cat > good.yaml <<'Y'
qcode: 1
codes:
  - id: a
    phrases: ['* ? nee', '^ minder *', 'dat werkt .|!']
    examples: ["Sneller? Nee.", "Minder vinkjes.", "Dat werkt!"]
    counterexamples: ["Sneller, nee.", "Niet minder vinkjes.", "Dat werkt wel."]
Y
"$QCODE" check good.yaml; echo "good: $?"
