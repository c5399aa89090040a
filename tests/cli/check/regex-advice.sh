# check warns (exit status still 0) about a regex that token rules could
# say, and not about one that needs the regex (digits, a lookahead).
cat > cb.yaml <<'YAML'
qcode: 1
codes:
  - id: a
    regex:
      - '\btijd\w*\s+(?:winnen|besparen)\b'
      - '\bgeen\s+(?:\w+\s+){0,2}tijdswinst\b'
      - '\b\d+\s*uur\b'
      - '\bniet(?!\s+meer)\b'
YAML
"$QCODE" check -v cb.yaml; echo "exit $?"
