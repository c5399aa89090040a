# A LIWC .dic and a quanteda YAML dictionary, each with a trailing
# wildcard and multi-word entries, code a transcript as checked by hand:
# every entry is a rule of its categories' codes (nested keys: child
# codes), matched without regard to case, never negated ("niet goed" is a
# negemo hit and its "goed" still a posemo hit), each match a hit.
cat > t.txt <<'TXT'
---
subsector: zorg
---
P1: Ik ben blij, het gaat goed. Maar niet goed met de tijd.
P2: Geen tijd, veel verdriet en Goede moed.
TXT
printf '%%\n1\tposemo\n2\tnegemo (Negative emotion)\n3\ttijd\n%%\nblij\t1\ngoed*\t1\nverdriet*\t2\nniet goed\t2\ntijd*\t3\ngeen tijd\t2\t3\n' > emo.dic
cat > emo.yml <<'YAML'
emotie:
  positief: [blij, 'goed*', fantastisch]
  negatief:
    - 'verdriet*'
    - niet goed
tijd: ['tijd*', geen tijd]
YAML
"$QCODE" codes emo.dic
"$QCODE" code -c emo.dic t.txt
echo "exit $?"
"$QCODE" apply -c emo.yml t.txt
echo "exit $?"
"$QCODE" code -c emo.yml t.txt | cut -f 1,2,7-10
# the format given: a dictionary under another name
cp emo.dic emo.txt
"$QCODE" apply --dictionary-format liwc -c emo.txt t.txt | cut -f 1-4
"$QCODE" apply --dictionary-format quanteda -c emo.dic t.txt
echo "exit $?"
"$QCODE" apply --dictionary-format word -c emo.dic t.txt
echo "exit $?"
