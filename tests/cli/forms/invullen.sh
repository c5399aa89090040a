# A separable verb: the joined forms, ge- inside the participle, and the
# finite forms that stand apart from the particle ("vult ... in").
"$QCODE" forms invullen
