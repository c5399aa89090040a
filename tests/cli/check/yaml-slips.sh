# Messages that say what to do: a tab used for indentation, a class
# reference left unquoted, a duplicate code id (names the first one).
printf 'qcode: 1\ncodes:\n  - id: a\n    words:\n\t- x\n' > tab.yaml
"$QCODE" check tab.yaml; echo "tab: $?"
printf 'qcode: 1\ncodes:\n  - id: a\n\twords: [x]\n' > tab2.yaml
"$QCODE" check tab2.yaml; echo "tab2: $?"
printf 'qcode: 1\ncodes:\n  - id: a\n    words: [@x]\n' > at.yaml
"$QCODE" check at.yaml; echo "at: $?"
printf 'qcode: 1\ncodes:\n  - id: a\n    words: [x]\n  - id: b\n    words: [y]\n  - id: a\n    words: [z]\n' > dup.yaml
"$QCODE" check dup.yaml; echo "dup: $?"
