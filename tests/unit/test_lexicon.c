/* test_lexicon.c: word patterns with '*' wildcards. Every way the lexicon
 * stores a pattern (exact, prefix, suffix, "*infix*", "head*tail", other
 * globs) must find exactly what a plain character-level wildcard match
 * finds; checked exhaustively over short patterns and tokens that include
 * a two-byte character. */
#include "harness.h"
#include "lexicon.h"

#include <stdlib.h>
#include <string.h>

/* Characters as units: 'a', 'b', "é" (two bytes) and, in patterns, '*'. */
static const char *const units[] = {"a", "b", "\xc3\xa9", "*"};

/* The reference: a recursive wildcard match over units. */
static bool unit_match(const int *p, size_t np, const int *s, size_t ns) {
  if (np == 0)
    return ns == 0;
  if (p[0] == 3)
    return unit_match(p + 1, np - 1, s, ns) ||
           (ns > 0 && unit_match(p, np, s + 1, ns - 1));
  return ns > 0 && p[0] == s[0] && unit_match(p + 1, np - 1, s + 1, ns - 1);
}

static size_t spell(const int *u, size_t n, char *out) {
  size_t len = 0;
  for (size_t i = 0; i < n; i++) {
    size_t k = strlen(units[u[i]]);
    memcpy(out + len, units[u[i]], k);
    len += k;
  }
  out[len] = '\0';
  return len;
}

/* Counts up a number of n digits in base 'base'; false after the last. */
static bool next(int *u, size_t n, int base) {
  for (size_t i = 0; i < n; i++) {
    if (++u[i] < base)
      return true;
    u[i] = 0;
  }
  return false;
}

static void exhaustive(qc_test *t) {
  int p[4], s[5];
  char pat[16], tok[16];
  size_t *ids = NULL, n, cap = 0;
  int wrong = 0, checked = 0;
  for (size_t np = 1; np <= 4; np++) {
    memset(p, 0, sizeof p);
    do {
      size_t plen = spell(p, np, pat);
      qc_lexicon *lx = qc_lexicon_new();
      qc_lexicon_add(lx, pat, plen, 7);
      for (size_t ns = 0; ns <= 5; ns++) {
        memset(s, 0, sizeof s);
        do {
          size_t slen = spell(s, ns, tok);
          n = 0;
          qc_lexicon_lookup(lx, tok, slen, &ids, &n, &cap);
          bool want = unit_match(p, np, s, ns);
          bool got = n == 1 && ids[0] == 7;
          checked++;
          if (got != want || n > 1) {
            if (wrong++ < 5)
              fprintf(stderr, "  pattern '%s' token '%s': got %zu ids, "
                              "want %d\n", pat, tok, n, want);
          }
        } while (ns > 0 && next(s, ns, 3));
      }
      qc_lexicon_free(lx);
    } while (next(p, np, 4));
  }
  free(ids);
  INT_EQ(t, wrong, 0, "lexicon lookups that differ from the reference");
  OK(t, checked > 100000, "the exhaustive check ran");
}

static void shapes(qc_test *t) {
  qc_lexicon *lx = qc_lexicon_new();
  qc_lexicon_add(lx, "tijd*winst", 10, 1);
  qc_lexicon_add(lx, "*phishing*", 10, 2);
  qc_lexicon_add(lx, "registr*", 8, 3);
  qc_lexicon_add(lx, "*dossier", 8, 4);
  qc_lexicon_add(lx, "e*health*app", 12, 5);
  struct {
    const char *tok;
    size_t want; /* the id, or 0 for none */
  } cases[] = {{"tijdswinst", 1},   {"tijdwinst", 1},     {"tijdswins", 0},
               {"tijdwinst2", 0},   {"phishingmail", 2},  {"antiphishing", 2},
               {"phishin", 0},      {"registratie", 3},   {"registr", 3},
               {"regist", 0},       {"zorgdossier", 4},   {"dossiers", 0},
               {"ehealthapp", 5},   {"e-healthzorgapp", 5}, {"ehealth", 0}};
  size_t *ids = NULL, n, cap = 0;
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    n = 0;
    qc_lexicon_lookup(lx, cases[i].tok, strlen(cases[i].tok), &ids, &n, &cap);
    INT_EQ(t, n ? ids[0] : 0, cases[i].want, cases[i].tok);
    OK(t, n <= 1, cases[i].tok);
  }
  free(ids);
  qc_lexicon_free(lx);
}

int main(void) {
  qc_test t = QC_TEST_INIT;
  QC_RUN(&t, exhaustive);
  QC_RUN(&t, shapes);
  return qc_test_finish(&t);
}
