# Catastrophic backtracking on a long segment: PCRE2's match limit stops
# the match well within the bound, and the message names the code, the
# rule and the segment.
printf -- '---\nsubsector: zorg\n---\nP1: Ja.\nP2: %s!\n' \
  "$(awk 'BEGIN { for (i = 0; i < 5000; i++) printf "a" }')" > a.txt
printf -- '---\nsubsector: zorg\n---\nP1: %s!\n' \
  "$(awk 'BEGIN { for (i = 0; i < 2000; i++) printf "woord " }')" > w.txt
cat > nested.yaml <<'YAML'
qcode: 1
name: x
codes:
  - id: ok
    words: [ja]
  - id: bad
    regex: ['(a+)+$']
YAML
cat > words.yaml <<'YAML'
qcode: 1
name: x
codes:
  - id: bad
    regex: ['(\w+\s?)+$']
YAML
"$SRC"/tests/cli/bounded "$QCODE" apply -c nested.yaml a.txt
echo "exit $?"
"$SRC"/tests/cli/bounded "$QCODE" apply -c words.yaml w.txt
echo "exit $?"
