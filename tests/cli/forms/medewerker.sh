# A noun in unstressed -er: plural -s, diminutive -tje.
"$QCODE" forms medewerker
