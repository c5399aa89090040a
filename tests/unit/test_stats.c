/* test_stats.c: unit tests of src/stats.c against worked examples: chi-
 * square tail probabilities at the critical values of the standard tables
 * (e.g. NIST/SEMATECH e-Handbook of Statistical Methods, 1.3.6.7.4), and
 * for df = 2, where Q = exp(-x/2) exactly; Wilson intervals from Newcombe
 * (1998), Table I; a 2 x 2 table whose figures R's chisq.test(matrix(c(30,
 * 20, 20, 30), 2), correct = FALSE) gives (X-squared = 4, df = 1, p-value
 * = 0.0455); a 3 x 2 table counted by hand; a Monte Carlo p against the
 * exact probability of the tables as extreme. */
#include "harness.h"
#include "stats.h"

#include <math.h>
#include <stdio.h>

#define NEAR(t, got, want, eps, what)                                          \
  do {                                                                         \
    double g_ = (got), w_ = (want);                                            \
    if (!OK(t, fabs(g_ - w_) <= (eps), what))                                  \
      fprintf(stderr, "  got %.6f, want %.6f\n", g_, w_);                     \
  } while (0)

static void tails(qc_test *t) {
  NEAR(t, qc_chi2_upper(3.841459, 1), 0.05, 5e-7, "df 1 at 3.841");
  NEAR(t, qc_chi2_upper(10.827566, 1), 0.001, 5e-8, "df 1 at 10.83");
  NEAR(t, qc_chi2_upper(5.991465, 2), 0.05, 5e-7, "df 2 at 5.991");
  NEAR(t, qc_chi2_upper(9.487729, 4), 0.05, 5e-7, "df 4 at 9.488");
  NEAR(t, qc_chi2_upper(18.307038, 10), 0.05, 5e-7, "df 10 at 18.31");
  NEAR(t, qc_chi2_upper(1.145476, 5), 0.95, 5e-7, "df 5 at 1.145 (lower)");
  for (double x = 0.5; x < 60; x *= 1.7)
    NEAR(t, qc_chi2_upper(x, 2), exp(-x / 2), 1e-12, "df 2: exp(-x/2)");
  NEAR(t, qc_chi2_upper(0, 3), 1.0, 0, "x = 0");
  OK(t, qc_chi2_upper(200, 1) < 1e-40, "far in the tail");
  OK(t, isnan(qc_chi2_upper(1, 0)), "df 0 is not defined");
}

static void wilson(qc_test *t) {
  const struct {
    unsigned k, n;
    double lo, hi;
  } ex[] = {{81, 263, 0.2553, 0.3662}, {15, 148, 0.0624, 0.1605},
            {0, 20, 0.0000, 0.1611},   {1, 29, 0.0061, 0.1718},
            {29, 29, 0.8830, 1.0000}};
  for (size_t i = 0; i < sizeof ex / sizeof *ex; i++) {
    double lo, hi;
    qc_wilson(ex[i].k, ex[i].n, 1.959963984540054, &lo, &hi);
    NEAR(t, lo, ex[i].lo, 5e-5, "Newcombe (1998) lower limit");
    NEAR(t, hi, ex[i].hi, 5e-5, "Newcombe (1998) upper limit");
  }
  double lo, hi;
  qc_wilson(0, 0, 1.96, &lo, &hi);
  OK(t, lo == 0 && hi == 1, "no trials: [0, 1]");
}

static void two_by_two(qc_test *t) {
  const uint64_t coded[] = {30, 20}, n[] = {50, 50};
  qc_chi2 r = qc_chi2_groups(coded, n, 2, 2000, NULL);
  OK(t, r.defined, "defined");
  NEAR(t, r.chi2, 4.0, 1e-12, "X^2 = 4 (R)");
  INT_EQ(t, r.df, 1, "df 1");
  NEAR(t, r.p, 0.0455, 5e-5, "p = 0.0455 (R)");
  NEAR(t, r.v, 0.2, 1e-12, "Cramer's V = sqrt(4/100)");
  NEAR(t, r.min_expected, 25, 1e-12, "expected 25");
  OK(t, !r.simulated && r.small == 0, "asymptotic");
  NEAR(t, qc_adjusted_residual(30, 50, 50, 100), 2.0, 1e-12,
       "residual (30 - 25) / sqrt(25 x 0.5 x 0.5)");
  NEAR(t, qc_adjusted_residual(20, 50, 50, 100), -2.0, 1e-12, "and -2");
}

static void three_groups(qc_test *t) {
  /* 10, 20, 30 of 50 each: E 20 coded and 30 not in every group, X^2 =
   * 2 x 100/20 + 2 x 100/30 = 16.667, p = exp(-16.667/2) = 0.000240 */
  const uint64_t coded[] = {10, 20, 30}, n[] = {50, 50, 50};
  qc_chi2 r = qc_chi2_groups(coded, n, 3, 2000, NULL);
  NEAR(t, r.chi2, 50.0 / 3, 1e-9, "X^2 by hand");
  INT_EQ(t, r.df, 2, "df 2");
  NEAR(t, r.p, exp(-25.0 / 3), 1e-12, "p = exp(-X^2/2)");
  NEAR(t, r.v, 1.0 / 3, 1e-9, "V = sqrt(16.667/150)");
  NEAR(t, qc_adjusted_residual(10, 50, 60, 150), -10 / sqrt(8), 1e-12,
       "residual -10 / sqrt(20 x 2/3 x 3/5)");
  const uint64_t never[] = {0, 0, 0};
  OK(t, !qc_chi2_groups(never, n, 3, 0, NULL).defined, "a code never given");
  OK(t, !qc_chi2_groups(coded, n, 1, 0, NULL).defined, "one group");
  OK(t, isnan(qc_adjusted_residual(0, 50, 0, 150)), "residual not defined");
}

static void monte_carlo(qc_test *t) {
  /* 5 of 5 coded against 0 of 5: the tables as extreme are this one and
   * its mirror, 2 of C(10,5) = 252 equally likely: p = 0.0079 */
  const uint64_t coded[] = {5, 0}, n[] = {5, 5};
  uint64_t rng = 1;
  qc_chi2 r = qc_chi2_groups(coded, n, 2, 20000, &rng);
  OK(t, r.simulated, "expected 2.5: simulated");
  INT_EQ(t, r.small, 4, "four small cells");
  NEAR(t, r.p, 2.0 / 252, 0.0025, "close to the exact 2/252");
  uint64_t again = 1;
  qc_chi2 s = qc_chi2_groups(coded, n, 2, 20000, &again);
  NEAR(t, s.p, r.p, 0, "the same seed gives the same p");
  const uint64_t even[] = {3, 2};
  uint64_t rng2 = 7;
  qc_chi2 e = qc_chi2_groups(even, n, 2, 2000, &rng2);
  OK(t, e.p > 0.5 && e.p <= 1, "a table near independence: a large p");
  qc_chi2 a = qc_chi2_groups(coded, n, 2, 0, &rng);
  OK(t, !a.simulated, "0 simulations: asymptotic");
}

int main(void) {
  qc_test t = QC_TEST_INIT;
  QC_RUN(&t, tails);
  QC_RUN(&t, wilson);
  QC_RUN(&t, two_by_two);
  QC_RUN(&t, three_groups);
  QC_RUN(&t, monte_carlo);
  return qc_test_finish(&t);
}
