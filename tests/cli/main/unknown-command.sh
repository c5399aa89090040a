"$QCODE" frobnicate
