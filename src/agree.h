/* agree.h: agreement statistics for one binary code (present or absent per
 * segment) between two coders. */
#ifndef QC_AGREE_H
#define QC_AGREE_H

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

#endif
