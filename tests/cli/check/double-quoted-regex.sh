# A regex in double quotes: YAML reads "\b" as a backspace, so the rule
# would never match. check and apply both refuse it and show the regex in
# single quotes; an escaped backslash ("\\b") is what was meant and loads.
printf 'qcode: 1\ncodes:\n  - id: tijd\n    regex: ["\\btijd\\b"]\n' > bad.yaml
printf 'P1: Dat kost tijd.\n' > t.txt
"$QCODE" check bad.yaml; echo "check: $?"
"$QCODE" apply -c bad.yaml --set subsector=x t.txt; echo "apply: $?"
printf 'qcode: 1\ncodes:\n  - id: tijd\n    regex: ["\\\\btijd\\\\b"]\n' > good.yaml
"$QCODE" apply -c good.yaml --set subsector=x t.txt | cut -f1-3; echo "escaped: $?"
# any other control character, whatever the quoting (a block scalar keeps
# its line break)
printf 'qcode: 1\ncodes:\n  - id: tijd\n    regex:\n      - |\n        tijd\n' > block.yaml
"$QCODE" check block.yaml; echo "block: $?"
