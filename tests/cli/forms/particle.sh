# door is not taken for a separable particle unless marked with '|':
# doorgeven without it would be inseparable like doorgronden.
"$QCODE" forms 'door|geven'
