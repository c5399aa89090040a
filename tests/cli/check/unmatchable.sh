# A word pattern with a double quote (a YAML quoting slip: '"''t"' is the
# five characters "''t") can never match a word: check warns at its line
# and column, in a top-level class, a code's class and a rule, and passes.
cat > q.yaml <<'Y'
qcode: 1
classes:
  het-t: [het, vooral, '"''''t"']
codes:
  - id: a
    classes:
      mn: [mijn, '"m''''n"']
    words: [tijd]
    rules:
      - {near: ['@het-t', '"zo"'], within: 2}
    examples: ["Veel tijd."]
Y
"$QCODE" check q.yaml; echo "exit $?"
"$QCODE" check --verbose q.yaml 2>/dev/null
