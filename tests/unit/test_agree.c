/* test_agree.c: the agreement statistics against worked examples from the
 * literature, to 3 decimals, and the roll-up of a coding sheet's codes. */
#include "agree.h"
#include "harness.h"

#include <math.h>
#include <stdlib.h>

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

/* The codes one code implies, as "code|parent|...", or "" when none. */
static char *implied(const qc_codebook *cb, const char *code, size_t *n) {
  qc_buf b = QC_BUF_INIT;
  *n = qc_agree_rollup(cb, code, &b);
  qc_buf_putc(&b, '\0'); /* so that no codes give "" */
  for (size_t i = 0; i + 2 < b.len; i++) /* the NULs between codes */
    if (b.ptr[i] == '\0')
      b.ptr[i] = '|';
  return qc_buf_detach(&b, NULL);
}

#define ROLLUP_EQ(t, cb, code, want, count)                                    \
  do {                                                                         \
    size_t n_;                                                                 \
    char *got_ = implied((cb), (code), &n_);                                   \
    STR_EQ(t, got_, (want), "roll-up of " code);                               \
    INT_EQ(t, n_, (count), "number of codes implied by " code);                \
    free(got_);                                                                \
  } while (0)

/* Without a codebook the tree is the paths' own: each prefix before a '/'
 * is an ancestor, nearest first; a path without '/' implies only itself,
 * and an empty prefix or one ending in '/' is no code. */
static void rollup_by_paths(qc_test *t) {
  ROLLUP_EQ(t, NULL, "tone/optimist", "tone/optimist|tone", 2);
  ROLLUP_EQ(t, NULL, "a/b/c", "a/b/c|a/b|a", 3);
  ROLLUP_EQ(t, NULL, "tone", "tone", 1);
  ROLLUP_EQ(t, NULL, "/x", "/x", 1);
  ROLLUP_EQ(t, NULL, "a//b", "a//b|a", 2);
  ROLLUP_EQ(t, NULL, "tone/", "tone/|tone", 2);
}

/* With a codebook, the ancestors are the codebook's parents, and a code it
 * does not have implies nothing. */
static void rollup_by_codebook(qc_test *t) {
  static const char yaml[] =
      "qcode: 1\nname: t\ncodes:\n"
      "  - id: tone\n    codes:\n"
      "      - id: optimist\n        words: [winst]\n"
      "        codes:\n          - id: strong\n            words: [top]\n"
      "  - id: privacy\n    words: [avg]\n";
  qc_codebook *cb = NULL;
  qc_error err;
  if (!OK(t, qc_codebook_load_mem(&cb, yaml, sizeof yaml - 1, "t.yaml",
                                  &err) == QC_OK,
          "codebook loads")) {
    fprintf(stderr, "  %s:%u:%u: %s\n", err.file, err.line, err.col, err.msg);
    return;
  }
  ROLLUP_EQ(t, cb, "tone/optimist/strong",
            "tone/optimist/strong|tone/optimist|tone", 3);
  ROLLUP_EQ(t, cb, "tone/optimist", "tone/optimist|tone", 2);
  ROLLUP_EQ(t, cb, "privacy", "privacy", 1);
  ROLLUP_EQ(t, cb, "tone/optimst", "", 0);
  ROLLUP_EQ(t, cb, "optimist", "", 0);
  qc_codebook_free(cb);
}

int main(void) {
  qc_test t = QC_TEST_INIT;
  QC_RUN(&t, cohen_kappa_examples);
  QC_RUN(&t, krippendorff_alpha_example);
  QC_RUN(&t, precision_recall);
  QC_RUN(&t, edges);
  QC_RUN(&t, rollup_by_paths);
  QC_RUN(&t, rollup_by_codebook);
  return qc_test_finish(&t);
}
