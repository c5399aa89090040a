/* test_agree.c: the agreement statistics against worked examples from the
 * literature, to 3 decimals. */
#include "agree.h"
#include "harness.h"

#include <math.h>

static qc_agreement table(size_t a, size_t b, size_t c, size_t d) {
  qc_agreement s = {0};
  s.a = a;
  s.b = b;
  s.c = c;
  s.d = d;
  qc_agreement_compute(&s);
  return s;
}

#define NEAR(t, got, want, what)                                               \
  do {                                                                         \
    double g_ = (got), w_ = (want);                                            \
    if (!OK(t, fabs(g_ - w_) < 0.0005, what))                                  \
      fprintf(stderr, "  Got:      %.6f\n  Expected: %.6f\n", g_, w_);         \
  } while (0)

/* Cohen's kappa, the worked examples of the Wikipedia article "Cohen's
 * kappa" (section "Examples"): 50 proposals read by two readers, 20 yes by
 * both, 5 yes by A only, 10 yes by B only, 15 no by both: p_o = 0.7,
 * p_e = 0.5, kappa = 0.4. Then the two tables with the same agreement and
 * different marginals: kappa 0.1304 and 0.2593. */
static void cohen_kappa_examples(qc_test *t) {
  qc_agreement s = table(20, 5, 10, 15);
  NEAR(t, s.percent, 0.7, "p_o");
  NEAR(t, s.kappa, 0.4, "kappa of the simple example");
  OK(t, s.has_kappa, "kappa defined");
  s = table(45, 15, 25, 15);
  NEAR(t, s.kappa, 0.1304, "kappa, first table of equal p_o");
  s = table(25, 35, 5, 35);
  NEAR(t, s.kappa, 0.2593, "kappa, second table of equal p_o");
}

/* Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability",
 * section A, binary data, two observers, no missing data: observer A
 * 0 1 0 0 0 0 0 0 1 0, observer B 1 1 1 0 0 1 0 0 0 0, alpha = 0.095.
 * As a 2x2 table: both 1 once, A only once, B only three times, both 0
 * five times. */
static void krippendorff_alpha_example(qc_test *t) {
  qc_agreement s = table(1, 1, 3, 5);
  NEAR(t, s.alpha, 0.095, "alpha of Krippendorff's binary example");
  OK(t, s.has_alpha, "alpha defined");
  NEAR(t, s.percent, 0.6, "p_o of the same data");
}

/* Precision, recall and F1 of A against B as the reference. */
static void precision_recall(qc_test *t) {
  qc_agreement s = table(20, 5, 10, 15);
  NEAR(t, s.precision, 0.8, "precision 20 / 25");
  NEAR(t, s.recall, 20.0 / 30.0, "recall 20 / 30");
  NEAR(t, s.f1, 40.0 / 55.0, "F1 2a / (2a + b + c)");
}

/* Perfect agreement gives 1 everywhere; a code neither coder uses leaves
 * kappa, alpha, precision, recall and F1 undefined, not 0 or NaN. */
static void edges(qc_test *t) {
  qc_agreement s = table(7, 0, 0, 13);
  NEAR(t, s.kappa, 1, "kappa of identical codings");
  NEAR(t, s.alpha, 1, "alpha of identical codings");
  NEAR(t, s.f1, 1, "F1 of identical codings");
  s = table(0, 0, 0, 9);
  NEAR(t, s.percent, 1, "p_o when nobody codes");
  OK(t, !s.has_kappa && !s.has_alpha && !s.has_precision && !s.has_recall &&
            !s.has_f1,
     "statistics undefined when nobody codes");
  s = table(0, 0, 0, 0);
  OK(t, !s.has_kappa && s.percent == 0, "empty table");
  s = table(0, 3, 4, 0);
  OK(t, s.kappa < 0, "total disagreement gives negative kappa");
}

int main(void) {
  qc_test t = QC_TEST_INIT;
  QC_RUN(&t, cohen_kappa_examples);
  QC_RUN(&t, krippendorff_alpha_example);
  QC_RUN(&t, precision_recall);
  QC_RUN(&t, edges);
  return qc_test_finish(&t);
}
