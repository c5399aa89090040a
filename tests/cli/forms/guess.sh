# Without --pos: a verb for -en or a verb of the table (gaan), else a noun;
# upper-case letters are folded.
"$QCODE" forms Gaan kind
