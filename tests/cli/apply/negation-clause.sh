# A negation window stops at a clause boundary: a comma followed by a
# contrast word, ";" and ":". Only "Geen stress." is negated below; with
# a contrast list of our own ([dus]), ", wel" no longer
# ends the clause and ", dus" does.
cat > cb.yaml <<'YAML'
qcode: 1
codes:
  - id: stress
    words: [stress]
  - id: winst
    words: [tijdswinst]
YAML
cat > t.txt <<'TXT'
P1: Geen vergadering, wel stress.
P2: Ik heb geen tijdswinst, alleen stress.
P3: Geen stress.
P4: Niet dit; stress.
P5: Niet dit: stress.
P6: Geen vergadering, dus stress.
TXT
"$QCODE" code -c cb.yaml --set subsector=x t.txt | cut -f2,5,7
sed 's/^codes:/settings:\n  clauses:\n    contrast: [dus]\ncodes:/' cb.yaml > own.yaml
"$QCODE" code -c own.yaml --set subsector=x t.txt | cut -f2,5,7
