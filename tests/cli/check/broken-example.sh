# Breaking one example (a word no rule knows) makes check fail with exit 1,
# naming the code, the file and the line.
cat > cb.yaml <<'YAML'
qcode: 1
codes:
  - id: tone
    codes:
      - id: optimist
        words: [tijdswinst]
        examples:
          - "Dat geeft tijdswinst."
          - "Dat is een zegen voor ons."
        counterexamples:
          - "Dat geeft geen tijdswinst."
          - "Tijdswinst? Nee."
YAML
"$QCODE" check cb.yaml
