# export dic and export quanteda: a category or key per code, the word and
# gapless phrase rules as entries (classes and forms written out, an
# entry listing its code's ancestors in LIWC). Read back, the rules that
# map exactly (emotie, negation off) count the same; tijd loses its near
# rule and regex (left out) and its negation (dropped), as the note on
# stderr counts (on this text its word rule finds the same words).
cat > t.txt <<'TXT'
---
subsector: zorg
---
P1: Ik ben blij, het gaat goed. Maar niet goed met de tijd.
P2: Geen tijd, veel verdriet en Goede moed. We winnen geen uren.
TXT
cat > cb.yaml <<'YAML'
qcode: 1
classes:
  tijd: [tijd, uren]
codes:
  - id: emotie
    negation: false
    codes:
      - id: positief
        negation: false
        words: [blij, 'goed*']
        verbs: [winnen]
      - id: negatief
        negation: false
        phrases: ['niet goed', 'veel verdriet', 'geen @tijd']
  - id: tijd
    words: ['@tijd']
    rules:
      - near: [geen, '@tijd']
        within: 3
    regex: ['\bklok\b']
YAML
"$QCODE" export dic -c cb.yaml -o cb.dic
echo "exit $?"
cat cb.dic
"$QCODE" export quanteda -c cb.yaml -o cb.yml
echo "exit $?"
cat cb.yml
echo "codebook:"; "$QCODE" apply -c cb.yaml t.txt | cut -f 2-4
echo "quanteda:"; "$QCODE" apply -c cb.yml t.txt | cut -f 2-4
echo "LIWC:"; "$QCODE" apply -c cb.dic t.txt | cut -f 2-4
"$QCODE" export dic -c cb.yaml t.txt
echo "exit $?"
