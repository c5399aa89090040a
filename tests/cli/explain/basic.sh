# explain lists every rule match with its fate: counted, negated (with the
# negator), not negated (an inverted rule), not-near (with the word),
# excluded and masked (with the match that did it); then the codes.
cat > cb.yaml <<'YAML'
qcode: 1
classes:
  gain: {verbs: [winnen], words: [tijdswinst]}
  time: [tijd, uren]
  plan: [idee, hopelijk]
codes:
  - id: tone
    codes:
      - id: optimist
        words: ['@gain']
        rules:
          - near: ['@gain', '@time']
            not-near: '@plan'
        mask:
          phrases: ['winnen is']
        examples: ["We winnen tijd."]
        counterexamples: ["Het idee was tijd winnen."]
      - id: pessimist
        rules:
          - words: ['@gain']
            negation: invert
        exclude:
          words: [grapje]
YAML
"$QCODE" explain -c cb.yaml "We hebben geen tijdswinst, maar we wonnen wel uren." \
  "Het idee was tijd te winnen." "Geen tijdswinst, grapje. Winnen is fijn."
echo "exit $?"
"$QCODE" explain -c cb.yaml -f tsv --code tone/pessimist "Geen tijdswinst."
echo "exit $?"
