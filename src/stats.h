/* stats.h: the statistics of `qcode stats`, as plain functions so that
 * the unit tests can check them against worked examples. */
#ifndef QC_STATS_H
#define QC_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* P(X >= x) for X chi-square with 'df' degrees of freedom: the regularized
 * upper incomplete gamma function Q(df/2, x/2). */
double qc_chi2_upper(double x, double df);

/* The Wilson score interval for k successes in n trials at normal quantile
 * z (1.96 for 95 %): Wilson (1927); Newcombe (1998), method 3. n == 0
 * gives [0, 1]. */
void qc_wilson(uint64_t k, uint64_t n, double z, double *lo, double *hi);

/* The test of independence of a groups x {coded, not coded} table. */
typedef struct qc_chi2 {
  bool defined;  /* at least 2 groups, and the code neither never nor
                    always given */
  double chi2;   /* Pearson's X^2, no continuity correction */
  unsigned df;   /* groups - 1 */
  double p;      /* asymptotic, or Monte Carlo when 'simulated' */
  bool simulated;
  double v;      /* Cramer's V */
  double min_expected;
  size_t small;  /* cells with an expected count under 5 */
} qc_chi2;

/* coded[g] of n[g] segments in each of 'ngroups' groups. When an expected
 * count is under 5 and sims > 0, p is estimated from 'sims' random tables
 * with the same margins, as (1 + tables with X^2 >= the observed) / (sims
 * + 1) (Hope 1968; R's chisq.test(simulate.p.value = TRUE)), drawn with
 * the random state *rng. */
qc_chi2 qc_chi2_groups(const uint64_t *coded, const uint64_t *n,
                       size_t ngroups, unsigned sims, uint64_t *rng);

/* The adjusted standardized residual of the coded cell of a group with
 * n_g segments, a of them coded, in a table of N segments, A coded
 * (Haberman 1973; Agresti 2013, 2.4.5): (a - E) / sqrt(E (1 - n_g/N)
 * (1 - A/N)), E = n_g A / N. NaN when a margin is empty or full. */
double qc_adjusted_residual(uint64_t a, uint64_t n_g, uint64_t A, uint64_t N);

#endif
