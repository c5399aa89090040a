/* stats.c: chi-square tests, Wilson intervals and residuals (stats.h). */
#include "stats.h"
#include "codebook.h"
#include "memory.h"
#include "table.h"
#include "tally.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Q(a, x) by the series of P for x < a + 1 (Abramowitz and Stegun 6.5.29)
 * and by the continued fraction of Q otherwise (A&S 6.5.31, evaluated
 * with the modified Lentz method), both to double precision. */
static double gamma_q(double a, double x) {
  if (x <= 0)
    return 1.0;
  double lg = lgamma(a);
  if (x < a + 1) {
    double term = 1.0 / a, sum = term;
    for (int n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (fabs(term) < fabs(sum) * 1e-16)
        break;
    }
    double p = sum * exp(-x + a * log(x) - lg);
    return p >= 1 ? 0.0 : 1.0 - p;
  }
  const double tiny = 1e-300;
  double b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
  for (int i = 1; i < 1000; i++) {
    double an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (fabs(d) < tiny)
      d = tiny;
    c = b + an / c;
    if (fabs(c) < tiny)
      c = tiny;
    d = 1 / d;
    double delta = d * c;
    h *= delta;
    if (fabs(delta - 1) < 1e-16)
      break;
  }
  return exp(-x + a * log(x) - lg) * h;
}

double qc_chi2_upper(double x, double df) {
  if (df <= 0)
    return NAN;
  return gamma_q(df / 2, x / 2);
}

void qc_wilson(uint64_t k, uint64_t n, double z, double *lo, double *hi) {
  if (n == 0) {
    *lo = 0;
    *hi = 1;
    return;
  }
  double nn = (double)n, p = (double)k / nn, z2 = z * z;
  double centre = p + z2 / (2 * nn);
  double half = z * sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn));
  double d = 1 + z2 / nn;
  *lo = (centre - half) / d;
  *hi = (centre + half) / d;
  if (k == 0 || *lo < 0)
    *lo = 0;
  if (k == n || *hi > 1)
    *hi = 1;
}

static double pearson(const uint64_t *coded, const uint64_t *n, size_t g,
                      double A, double N) {
  double x2 = 0;
  for (size_t i = 0; i < g; i++) {
    double e1 = (double)n[i] * A / N, e0 = (double)n[i] - e1;
    double o1 = (double)coded[i], o0 = (double)n[i] - o1;
    if (e1 > 0)
      x2 += (o1 - e1) * (o1 - e1) / e1;
    if (e0 > 0)
      x2 += (o0 - e0) * (o0 - e0) / e0;
  }
  return x2;
}

/* splitmix64 (Steele, Lea and Flood 2014): a small, fast generator whose
 * stream is the same on every platform, so a simulated p is repeatable. */
static uint64_t next_random(uint64_t *s) {
  uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

/* A random table with the observed margins: the segments are dealt to
 * the groups in turn, each drawn coded with the chance that the coded
 * ones left have among all left (a draw without replacement). */
static void random_table(const uint64_t *n, size_t g, uint64_t A, uint64_t N,
                         uint64_t *out, uint64_t *rng) {
  uint64_t left = N, coded_left = A;
  for (size_t i = 0; i < g; i++) {
    uint64_t c = 0;
    for (uint64_t k = 0; k < n[i]; k++, left--)
      if (coded_left && next_random(rng) % left < coded_left) {
        c++;
        coded_left--;
      }
    out[i] = c;
  }
}

qc_chi2 qc_chi2_groups(const uint64_t *coded, const uint64_t *n,
                       size_t ngroups, unsigned sims, uint64_t *rng) {
  qc_chi2 r = {false, NAN, 0, NAN, false, NAN, NAN, 0};
  uint64_t A = 0, N = 0;
  size_t used = 0;
  for (size_t i = 0; i < ngroups; i++) {
    A += coded[i];
    N += n[i];
    used += n[i] > 0;
  }
  r.df = used > 1 ? (unsigned)(used - 1) : 0;
  if (used < 2 || A == 0 || A == N)
    return r;
  r.defined = true;
  double dA = (double)A, dN = (double)N;
  r.min_expected = INFINITY;
  for (size_t i = 0; i < ngroups; i++) {
    if (!n[i])
      continue;
    double e1 = (double)n[i] * dA / dN, e0 = (double)n[i] - e1;
    r.small += (e1 < 5) + (e0 < 5);
    r.min_expected = fmin(r.min_expected, fmin(e1, e0));
  }
  r.chi2 = pearson(coded, n, ngroups, dA, dN);
  r.v = sqrt(r.chi2 / dN); /* min(rows, 2 columns) - 1 = 1 */
  r.p = qc_chi2_upper(r.chi2, r.df);
  uint64_t *table = r.small && sims && rng ? calloc(ngroups, sizeof *table)
                                           : NULL;
  if (table) {
    unsigned as_large = 0;
    /* a simulated X^2 equal to the observed one up to rounding counts */
    double bar = r.chi2 * (1 - 1e-7);
    for (unsigned s = 0; s < sims; s++) {
      random_table(n, ngroups, A, N, table, rng);
      as_large += pearson(table, n, ngroups, dA, dN) >= bar;
    }
    r.p = (1.0 + as_large) / (sims + 1.0);
    r.simulated = true;
    free(table);
  }
  return r;
}

double qc_adjusted_residual(uint64_t a, uint64_t n_g, uint64_t A, uint64_t N) {
  if (!N || !n_g || n_g == N || !A || A == N)
    return NAN;
  double e = (double)n_g * (double)A / (double)N;
  double var = e * (1 - (double)n_g / (double)N) * (1 - (double)A / (double)N);
  return ((double)a - e) / sqrt(var);
}

/* ---- the tables of `qcode stats` ---- */

/* The normal quantile for a two-sided 95 % interval. */
#define Z95 1.959963984540054

static void real_or_empty(qc_table *t, double v, int decimals) {
  qc_table_real(t, v, decimals, !isnan(v) && !isinf(v));
}

char *qc_stats_format(const qc_codebook *cb, const qc_tally *tally,
                      const qc_stats_opts *opts, size_t *small_codes,
                      size_t *len) {
  qc_keys keys;
  qc_keys_parse(&keys, opts->by);
  qc_tally_counts c;
  qc_tally_snapshot(tally, keys.n, &c);
  size_t ng = c.ngroups, nc = cb->ncodes;
  uint64_t *coded = qc_xcalloc(ng ? ng : 1, sizeof *coded);
  uint64_t N = 0;
  for (size_t g = 0; g < ng; g++)
    N += c.group_segments[g];
  uint64_t rng = opts->seed;
  qc_buf out = QC_BUF_INIT;
  qc_table t;
  *small_codes = 0;
  if (!opts->cells) {
    static const char *const cols[] = {
        "code",    "groups", "segments",  "coded",        "chi2",
        "df",      "p",      "p_method",  "cramers_v",    "min_expected",
        "small_cells"};
    qc_table_begin(&t, &out, opts->format, cols, 11);
    for (size_t i = 0; i < nc; i++) {
      uint64_t A = 0;
      for (size_t g = 0; g < ng; g++)
        A += coded[g] = c.segments[g][i];
      qc_chi2 r = qc_chi2_groups(coded, c.group_segments, ng, opts->sims, &rng);
      *small_codes += r.defined && r.small > 0;
      qc_table_str(&t, cb->codes[i].path);
      qc_table_uint(&t, ng);
      qc_table_uint(&t, N);
      qc_table_uint(&t, A);
      real_or_empty(&t, r.defined ? r.chi2 : NAN, 4);
      qc_table_uint(&t, r.df);
      real_or_empty(&t, r.defined ? r.p : NAN, 4);
      qc_table_str(&t, !r.defined ? "" : r.simulated ? "monte-carlo"
                                                     : "asymptotic");
      real_or_empty(&t, r.defined ? r.v : NAN, 4);
      real_or_empty(&t, r.defined ? r.min_expected : NAN, 2);
      qc_table_uint(&t, r.small);
      qc_table_end_row(&t);
    }
  } else {
    size_t ncols = keys.n + 8;
    const char **cols = qc_xcalloc(ncols, sizeof *cols);
    static const char *const tail[] = {"code",     "segments", "coded",
                                       "share",    "ci95_low", "ci95_high",
                                       "expected", "residual"};
    for (size_t k = 0; k < keys.n; k++)
      cols[k] = keys.names[k];
    memcpy(cols + keys.n, tail, sizeof tail);
    qc_table_begin(&t, &out, opts->format, cols, ncols);
    for (size_t g = 0; g < ng; g++)
      for (size_t i = 0; i < nc; i++) {
        uint64_t A = 0, a = c.segments[g][i], n = c.group_segments[g];
        for (size_t h = 0; h < ng; h++)
          A += c.segments[h][i];
        double lo, hi;
        qc_wilson(a, n, Z95, &lo, &hi);
        qc_table_group(&t, c.names[g], keys.n);
        qc_table_str(&t, cb->codes[i].path);
        qc_table_uint(&t, n);
        qc_table_uint(&t, a);
        qc_table_ratio(&t, a, n, 4);
        real_or_empty(&t, n ? lo : NAN, 4);
        real_or_empty(&t, n ? hi : NAN, 4);
        real_or_empty(&t, N ? (double)n * (double)A / (double)N : NAN, 2);
        real_or_empty(&t, qc_adjusted_residual(a, n, A, N), 3);
        qc_table_end_row(&t);
      }
    free(cols);
  }
  qc_table_end(&t);
  free(coded);
  qc_tally_snapshot_release(&c);
  qc_keys_release(&keys);
  return qc_buf_detach(&out, len);
}
