# A code that one sheet never uses, even after the roll-up, while the other
# does, gets kappa 0 (p_o = p_e) and stays in the macro; one warning line
# on stderr names such codes, first those B never uses. Here B never codes
# privacy or tone/pessimist, A never codes tone/neutral; tone itself is
# used by both once B's leaves are rolled up.
printf 'file\tsegment\tcode\na.txt\t1\ttone\na.txt\t1\ttone/optimist\n' > a.tsv
printf 'a.txt\t2\ttone\na.txt\t2\ttone/pessimist\na.txt\t3\tprivacy\na.txt\t4\t\n' >> a.tsv
printf 'file\tsegment\tcode\na.txt\t1\ttone/optimist\na.txt\t2\ttone/optimist\n' > b.tsv
printf 'a.txt\t3\t\na.txt\t4\ttone/neutral\n' >> b.tsv
"$QCODE" agree a.tsv b.tsv
# The macro kappa is the mean over all five codes: privacy 0, tone 0.5,
# tone/neutral 0, tone/optimist 0.5, tone/pessimist 0: 1 / 5 = 0.2.
# Codes asked for that both use: no warning.
"$QCODE" agree --code tone --code tone/optimist a.tsv b.tsv
# The warning is about the statistics, not the --disagreements listing.
"$QCODE" agree --disagreements --code privacy a.tsv b.tsv
