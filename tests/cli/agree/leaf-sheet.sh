# A human sheet that lists only leaf codes, against a sheet that lists the
# parents too (as `qcode code` writes it). Each sheet is rolled up before
# any statistic: a segment coded tijd/winst is coded tijd as well.
#
#   segment   A (with parents)       B (leaves only)   B rolled up
#   1         tijd, tijd/winst       tijd/winst        + tijd
#   2         tijd, tijd/verlies     tijd/winst        + tijd
#   3         tijd, tijd/winst       tijd/verlies      + tijd
#   4, 5      -                      -
#   6         tijd, tijd/verlies     tijd/verlies      + tijd
#
# tijd: both code segments 1, 2, 3 and 6, neither 4 and 5: a = 4, b = c = 0,
# d = 2, so agreement, kappa, alpha, precision, recall and F1 are all 1.
# (Without the roll-up B never codes tijd: a = 0, b = 4, c = 0, d = 2,
# p_o = p_e = 2/6, kappa 0; alpha 1 - 11 * 4 / (4 * 8) = -0.375; precision
# 0, recall undefined, F1 0; and the macro kappa 0.1667 instead of 0.5.)
# tijd/winst: A 1, 3; B 1, 2: a = b = c = 1, d = 3; p_o = 4/6,
# p_e = (2 * 2 + 4 * 4) / 36 = 20/36, kappa (24 - 20) / (36 - 20) = 0.25;
# alpha 1 - 11 * 2 / (4 * 8) = 0.3125; precision = recall = F1 = 0.5.
# tijd/verlies: A 2, 6; B 3, 6: the same table. Macro kappa
# (1 + 0.25 + 0.25) / 3 = 0.5. No warning: after the roll-up both sheets
# use every code.
printf 'file\tsegment\tcode\n' > qcode.tsv
printf 'f.txt\t1\ttijd\nf.txt\t1\ttijd/winst\nf.txt\t2\ttijd\nf.txt\t2\ttijd/verlies\n' >> qcode.tsv
printf 'f.txt\t3\ttijd\nf.txt\t3\ttijd/winst\nf.txt\t4\t\nf.txt\t5\t\n' >> qcode.tsv
printf 'f.txt\t6\ttijd\nf.txt\t6\ttijd/verlies\n' >> qcode.tsv
printf 'file\tsegment\tcode\n' > human.tsv
printf 'f.txt\t1\ttijd/winst\nf.txt\t2\ttijd/winst\nf.txt\t3\ttijd/verlies\n' >> human.tsv
printf 'f.txt\t4\t\nf.txt\t5\t\nf.txt\t6\ttijd/verlies\n' >> human.tsv
"$QCODE" agree qcode.tsv human.tsv
# A parent asked for with --code is computed from the rolled-up sheets, on
# either side.
"$QCODE" agree --code tijd human.tsv qcode.tsv
# Segments where the leaves differ, but not tijd.
"$QCODE" agree --disagreements qcode.tsv human.tsv
# Three levels: a/b/c implies a/b and a, so a leaf-only sheet and one that
# lists every ancestor do not differ anywhere (only the header).
printf 'file\tsegment\tcode\nf.txt\t1\ta/b/c\nf.txt\t2\ta/b/d\nf.txt\t3\t\n' > leaves.tsv
printf 'file\tsegment\tcode\nf.txt\t1\ta\nf.txt\t1\ta/b\nf.txt\t1\ta/b/c\n' > full.tsv
printf 'f.txt\t2\ta/b/d\nf.txt\t2\ta/b\nf.txt\t2\ta\nf.txt\t3\t\n' >> full.tsv
"$QCODE" agree --disagreements leaves.tsv full.tsv
"$QCODE" agree -f csv --code a --code a/b leaves.tsv full.tsv
