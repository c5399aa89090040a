# -f json: an array of row objects.
"$QCODE" forms -f json uur
