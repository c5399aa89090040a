# A strong verb from the table (forms-verbs.tsv): winnen, won, gewonnen.
"$QCODE" forms winnen
