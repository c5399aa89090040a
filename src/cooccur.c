/* cooccur.c: code by code co-occurrence within segments (qcode cooccur).
 * Per group, the number of segments, of segments with each code and of
 * segments with both codes of a pair; the table gives those counts, the
 * Jaccard index |A and B| / |A or B| (Jaccard 1901) and the two
 * conditional shares P(B|A) = |A and B| / |A| and P(A|B). A segment's
 * cost is the square of the number of codes it got, not of the codebook.
 * A code and its own ancestor co-occur by roll-up, so such pairs are not
 * listed. */
#include "codebook.h"
#include "buf.h"
#include "memory.h"
#include "strmap.h"
#include "table.h"

#include <stdlib.h>
#include <string.h>

typedef struct group_counts {
  char *name;
  unsigned long long segments;
  unsigned long long *with;  /* per code */
  unsigned long long *both;  /* per pair (i < j), row-major upper triangle */
} group_counts;

struct qc_cooccur {
  const qc_codebook *cb;
  qc_cooccur_opts opts;
  qc_keys keys;
  bool *related; /* per pair: one is the other's ancestor */
  group_counts *groups;
  size_t ngroups, cap;
  qc_strmap index;
  uint32_t *codes; /* scratch: a segment's codes, sorted */
  /* the segments counted since qc_cooccur_mark, for a rollback: per
   * segment its group, its number of codes, then the codes */
  uint32_t *log;
  size_t nlog, log_cap;
};

/* The index of pair (i, j), i < j, in the upper triangle of n codes. */
static size_t pair(size_t n, size_t i, size_t j) {
  return i * n - i * (i + 1) / 2 + (j - i - 1);
}

static bool ancestor(const qc_codebook *cb, size_t a, size_t c) {
  for (size_t p = cb->codes[c].parent; p != QC_NO_PARENT;
       p = cb->codes[p].parent)
    if (p == a)
      return true;
  return false;
}

qc_cooccur *qc_cooccur_new(const qc_codebook *cb, const qc_cooccur_opts *opts) {
  qc_cooccur *c = qc_xcalloc(1, sizeof *c);
  c->cb = cb;
  c->opts = *opts;
  c->opts.by = NULL;
  if (opts->by)
    qc_keys_parse(&c->keys, opts->by);
  size_t n = cb->ncodes, npairs = n > 1 ? n * (n - 1) / 2 : 1;
  c->related = qc_xcalloc(npairs, sizeof *c->related);
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++)
      c->related[pair(n, i, j)] = ancestor(cb, i, j) || ancestor(cb, j, i);
  c->codes = qc_xcalloc(n ? n : 1, sizeof *c->codes);
  return c;
}

static group_counts *group_of(qc_cooccur *c, const char *name) {
  const char *g = c->keys.n ? (name ? name : "") : "";
  size_t len = strlen(g), at;
  if (qc_strmap_get(&c->index, g, len, &at))
    return &c->groups[at];
  QC_GROW(c->groups, c->cap, c->ngroups + 1);
  size_t n = c->cb->ncodes, npairs = n > 1 ? n * (n - 1) / 2 : 1;
  group_counts *gc = &c->groups[c->ngroups];
  gc->name = qc_xstrdup(g);
  gc->segments = 0;
  gc->with = qc_xcalloc(n ? n : 1, sizeof *gc->with);
  gc->both = qc_xcalloc(npairs, sizeof *gc->both);
  qc_strmap_put(&c->index, g, len, c->ngroups);
  return &c->groups[c->ngroups++];
}

static int by_index(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

/* Adds 'step' (1 or -1) for a segment of group g with the sorted codes. */
static void count(qc_cooccur *c, group_counts *g, const uint32_t *codes,
                  size_t k, int step) {
  size_t n = c->cb->ncodes;
  g->segments += (unsigned long long)(long long)step;
  for (size_t a = 0; a < k; a++) {
    g->with[codes[a]] += (unsigned long long)(long long)step;
    for (size_t b = a + 1; b < k; b++)
      g->both[pair(n, codes[a], codes[b])] += (unsigned long long)(long long)step;
  }
}

void qc_cooccur_add(qc_cooccur *c, const char *group, const qc_coding *coding) {
  group_counts *g = group_of(c, group);
  size_t k = coding->ntouched;
  memcpy(c->codes, coding->touched, k * sizeof *c->codes);
  qsort(c->codes, k, sizeof *c->codes, by_index);
  count(c, g, c->codes, k, 1);
  QC_GROW(c->log, c->log_cap, c->nlog + k + 2);
  c->log[c->nlog++] = (uint32_t)(g - c->groups);
  c->log[c->nlog++] = (uint32_t)k;
  memcpy(c->log + c->nlog, c->codes, k * sizeof *c->log);
  c->nlog += k;
}

void qc_cooccur_mark(qc_cooccur *c) { c->nlog = 0; }

void qc_cooccur_rollback(qc_cooccur *c) {
  for (size_t i = 0; i < c->nlog;) {
    group_counts *g = &c->groups[c->log[i]];
    size_t k = c->log[i + 1];
    count(c, g, c->log + i + 2, k, -1);
    i += k + 2;
  }
  c->nlog = 0;
}

void qc_cooccur_matrix(const qc_cooccur *c, unsigned long long *with,
                       unsigned long long *both) {
  size_t n = c->cb->ncodes;
  memset(with, 0, n * sizeof *with);
  memset(both, 0, n * n * sizeof *both);
  for (size_t gi = 0; gi < c->ngroups; gi++) {
    const group_counts *g = &c->groups[gi];
    for (size_t i = 0; i < n; i++) {
      with[i] += g->with[i];
      for (size_t j = i + 1; j < n; j++)
        if (!c->related[pair(n, i, j)]) {
          both[i * n + j] += g->both[pair(n, i, j)];
          both[j * n + i] = both[i * n + j];
        }
    }
  }
}

static int group_order(const void *a, const void *b, void *nkeys) {
  const group_counts *x = a, *y = b;
  return qc_group_cmp(x->name, y->name, *(size_t *)nkeys);
}

/* qsort has no context argument in C11; groups are few, so an insertion
 * sort keeps the order deterministic without one. */
static void sort_groups(qc_cooccur *c) {
  for (size_t i = 1; i < c->ngroups; i++) {
    group_counts g = c->groups[i];
    size_t j = i;
    while (j > 0 && group_order(&c->groups[j - 1], &g, &c->keys.n) > 0) {
      c->groups[j] = c->groups[j - 1];
      j--;
    }
    c->groups[j] = g;
  }
}

char *qc_cooccur_finish(qc_cooccur *c, size_t *len) {
  static const char *const tail[] = {
      "code_a", "code_b",  "segments",    "segments_a", "segments_b",
      "both",   "jaccard", "p_b_given_a", "p_a_given_b"};
  size_t nk = c->keys.n, ncols = nk + 9;
  const char **cols = qc_xcalloc(ncols, sizeof *cols);
  for (size_t i = 0; i < nk; i++)
    cols[i] = c->keys.names[i];
  memcpy(cols + nk, tail, sizeof tail);
  qc_buf out = QC_BUF_INIT;
  qc_table t;
  qc_table_begin(&t, &out, c->opts.format, cols, ncols);
  sort_groups(c);
  size_t n = c->cb->ncodes;
  for (size_t gi = 0; gi < c->ngroups; gi++) {
    const group_counts *g = &c->groups[gi];
    if (!g->segments) /* only a rolled-back transcript had it */
      continue;
    for (size_t i = 0; i < n; i++)
      for (size_t j = i + 1; j < n; j++) {
        size_t p = pair(n, i, j);
        unsigned long long both = g->both[p], a = g->with[i], b = g->with[j];
        if (c->related[p] || (!c->opts.all && both == 0))
          continue;
        if (nk)
          qc_table_group(&t, g->name, nk);
        qc_table_str(&t, c->cb->codes[i].path);
        qc_table_str(&t, c->cb->codes[j].path);
        qc_table_uint(&t, g->segments);
        qc_table_uint(&t, a);
        qc_table_uint(&t, b);
        qc_table_uint(&t, both);
        qc_table_ratio(&t, both, a + b - both, 4);
        qc_table_ratio(&t, both, a, 4);
        qc_table_ratio(&t, both, b, 4);
        qc_table_end_row(&t);
      }
  }
  qc_table_end(&t);
  free(cols);
  for (size_t gi = 0; gi < c->ngroups; gi++) {
    free(c->groups[gi].name);
    free(c->groups[gi].with);
    free(c->groups[gi].both);
  }
  free(c->groups);
  free(c->related);
  free(c->codes);
  free(c->log);
  qc_strmap_release(&c->index);
  if (nk)
    qc_keys_release(&c->keys);
  free(c);
  return qc_buf_detach(&out, len);
}
