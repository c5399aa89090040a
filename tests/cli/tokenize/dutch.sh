printf 'P1: Ik heb o.a. 2,5 uur gewerkt aan de e-health app, bv. op m'"'"'n pc.\nP2: Familie- en thuiszorg, zo'"'"'n 20.000 cliënten!\n' > t.txt
"$QCODE" tokenize t.txt
