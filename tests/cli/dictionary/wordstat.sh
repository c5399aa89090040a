# A WordStat .cat (tests/fixtures/emotie.cat: nested categories, trailing
# wildcards, multi-word entries, an entry twice in other case, a category
# with entries and a subcategory) codes a transcript as checked by hand:
# categories are codes (nested: child codes, so EMOTIE counts what
# POSITIEF and NEGATIEF count), entries rules of their category, matched
# without regard to case, never negated ("niet goed" is a NEGATIEF hit and
# its "goed" still a POSITIEF hit), "BLIJ" and "Blij" one rule.
cat > t.txt <<'TXT'
---
subsector: zorg
---
P1: Ik ben blij, het gaat goed. Maar niet goed met de tijd.
P2: Geen tijd, veel verdriet en Goede moed. Altijd haast, ik kom te laat.
TXT
cp "$SRC/tests/fixtures/emotie.cat" .
"$QCODE" codes emotie.cat
"$QCODE" code -c emotie.cat t.txt
echo "exit $?"
"$QCODE" apply -c emotie.cat t.txt | cut -f 1-7
# the format given: a .cat under another name
cp emotie.cat emotie.txt
"$QCODE" apply --dictionary-format wordstat -c emotie.txt t.txt | cut -f 1-4
"$QCODE" check emotie.cat
echo "exit $?"
"$QCODE" explain -c emotie.cat "geen tijd voor verdriet" | head -n 3
