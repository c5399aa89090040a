/* agree.h: agreement statistics for one binary code (present or absent per
 * segment) between two coders, and the roll-up of a coding sheet. */
#ifndef QC_AGREE_H
#define QC_AGREE_H

#include "buf.h"
#include "qcode.h"

#include <stdbool.h>
#include <stddef.h>

/* The 2x2 table: both coded (a), A only (b), B only (c), neither (d); then
 * the statistics, each with a flag for "defined". */
typedef struct qc_agreement {
  size_t a, b, c, d;
  double percent, kappa, alpha, precision, recall, f1;
  bool has_kappa, has_alpha, has_precision, has_recall, has_f1;
} qc_agreement;

/* Computes the statistics from the counts a, b, c, d. */
void qc_agreement_compute(qc_agreement *s);

/* Roll-up: appends to 'out' the codes that coding a segment with 'code'
 * implies, each ended by a NUL: 'code' itself, then its ancestors, nearest
 * first. With a codebook, the ancestors are its parents there, and a code
 * the codebook has not implies nothing (returns 0); without (cb NULL),
 * each prefix of the path before a '/' ("a/b/c" implies "a/b" and "a"; a
 * prefix that is empty or ends in '/' is no code). Returns the number of
 * codes appended. */
size_t qc_agree_rollup(const qc_codebook *cb, const char *code, qc_buf *out);

#endif
