/* harness.h: a tiny unit-test harness (after cmark's api_test/harness.h).
 * A test file defines `static void name(qc_test *t)` functions and calls
 * them from main through QC_RUN; main returns qc_test_finish(&t), which
 * prints "N passed, M failed" and is non-zero when anything failed. */
#ifndef QC_TEST_HARNESS_H
#define QC_TEST_HARNESS_H

#include <stdio.h>
#include <string.h>

typedef struct qc_test {
  int passed, failed;
  const char *current;
} qc_test;

#define QC_TEST_INIT {0, 0, NULL}

#define QC_RUN(t, fn)                                                          \
  do {                                                                         \
    (t)->current = #fn;                                                        \
    fn(t);                                                                     \
  } while (0)

static inline int qc_test_check(qc_test *t, int ok, const char *file, int line,
                                const char *what) {
  if (ok) {
    t->passed++;
  } else {
    t->failed++;
    fprintf(stderr, "FAIL %s:%d: %s: %s\n", file, line,
            t->current ? t->current : "?", what);
  }
  return ok;
}

#define OK(t, cond, what) qc_test_check((t), !!(cond), __FILE__, __LINE__, (what))

#define INT_EQ(t, got, want, what)                                             \
  do {                                                                         \
    long long g_ = (long long)(got), w_ = (long long)(want);                   \
    if (!qc_test_check((t), g_ == w_, __FILE__, __LINE__, (what)))            \
      fprintf(stderr, "  Got:      %lld\n  Expected: %lld\n", g_, w_);         \
  } while (0)

#define STR_EQ(t, got, want, what)                                             \
  do {                                                                         \
    const char *g_ = (got), *w_ = (want);                                      \
    int ok_ = g_ && w_ ? strcmp(g_, w_) == 0 : g_ == w_;                       \
    if (!qc_test_check((t), ok_, __FILE__, __LINE__, (what)))                  \
      fprintf(stderr, "  Got:      %s\n  Expected: %s\n", g_ ? g_ : "(null)",  \
              w_ ? w_ : "(null)");                                             \
  } while (0)

static inline int qc_test_finish(qc_test *t) {
  printf("%d passed, %d failed\n", t->passed, t->failed);
  return t->failed ? 1 : 0;
}

#endif
