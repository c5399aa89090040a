/* tally.c: counts coded segments per group and code, and formats the
 * counts as a tidy table: one row per (group, code), one column per
 * grouping key, groups sorted by their key values (bytewise, key by key),
 * codes in codebook order, zero rows included, and the
 * codebook's fingerprint in a last column so that `merge` can refuse to
 * add up tables of different codebooks. */
#include "codebook.h"
#include "tally.h"
#include "memory.h"
#include "strmap.h"
#include "table.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct group {
  char *name;
  uint64_t *segments, *hits; /* per code */
  uint64_t group_segments, group_tokens;
} group;

struct qc_tally {
  char **paths; /* code paths, in codebook order */
  size_t ncodes;
  char *fingerprint;
  qc_strmap index;
  group *groups;
  size_t ngroups, cap;
};

qc_tally *qc_tally_new_codes(const char *const *paths, size_t ncodes,
                             const char *fingerprint) {
  qc_tally *t = qc_xcalloc(1, sizeof *t);
  t->paths = qc_xcalloc(ncodes + 1, sizeof *t->paths);
  for (size_t i = 0; i < ncodes; i++)
    t->paths[i] = qc_xstrdup(paths[i]);
  t->ncodes = ncodes;
  t->fingerprint = qc_xstrdup(fingerprint);
  return t;
}

qc_tally *qc_tally_new(const qc_codebook *cb) {
  const char **paths = qc_xcalloc(cb->ncodes + 1, sizeof *paths);
  for (size_t i = 0; i < cb->ncodes; i++)
    paths[i] = cb->codes[i].path;
  qc_tally *t = qc_tally_new_codes(paths, cb->ncodes,
                                   qc_codebook_fingerprint(cb));
  free(paths);
  return t;
}

void qc_tally_free(qc_tally *t) {
  if (!t)
    return;
  for (size_t i = 0; i < t->ngroups; i++) {
    free(t->groups[i].name);
    free(t->groups[i].segments);
    free(t->groups[i].hits);
  }
  free(t->groups);
  qc_strmap_release(&t->index);
  for (size_t i = 0; i < t->ncodes; i++)
    free(t->paths[i]);
  free(t->paths);
  free(t->fingerprint);
  free(t);
}

static group *get_group(qc_tally *t, const char *name) {
  size_t idx = qc_strmap_put(&t->index, name, strlen(name), t->ngroups);
  if (idx < t->ngroups)
    return &t->groups[idx];
  QC_GROW(t->groups, t->cap, t->ngroups + 1);
  group *g = &t->groups[t->ngroups++];
  g->name = qc_xstrdup(name);
  g->segments = qc_xcalloc(t->ncodes, sizeof *g->segments);
  g->hits = qc_xcalloc(t->ncodes, sizeof *g->hits);
  g->group_segments = g->group_tokens = 0;
  return g;
}

void qc_tally_touch(qc_tally *t, const char *name) { (void)get_group(t, name); }

void qc_tally_add_counts(qc_tally *t, const char *name, size_t code,
                         uint64_t segments, uint64_t hits) {
  group *g = get_group(t, name);
  g->segments[code] += segments;
  g->hits[code] += hits;
}

void qc_tally_add_totals(qc_tally *t, const char *name, uint64_t segments,
                         uint64_t tokens) {
  group *g = get_group(t, name);
  g->group_segments += segments;
  g->group_tokens += tokens;
}

void qc_tally_add(qc_tally *t, const char *name, const qc_coding *coding) {
  group *g = get_group(t, name);
  g->group_segments++;
  g->group_tokens += coding->tokens;
  for (size_t k = 0; k < coding->ntouched; k++) {
    size_t i = coding->touched[k];
    g->segments[i] += coding->coded[i];
    g->hits[i] += coding->hits[i];
  }
}

void qc_tally_merge(qc_tally *dst, const qc_tally *src) {
  for (size_t k = 0; k < src->ngroups; k++) {
    const group *s = &src->groups[k];
    group *d = get_group(dst, s->name);
    d->group_segments += s->group_segments;
    d->group_tokens += s->group_tokens;
    for (size_t i = 0; i < dst->ncodes; i++) {
      d->segments[i] += s->segments[i];
      d->hits[i] += s->hits[i];
    }
  }
}

/* Groups in the order of their key values; 'nkeys' is how many keys
 * their names join (QC_GROUP_SEP). */
typedef struct sorted_group {
  const group *g;
  size_t nkeys;
} sorted_group;

static int by_keys(const void *a, const void *b) {
  const sorted_group *x = a, *y = b;
  return qc_group_cmp(x->g->name, y->g->name, x->nkeys);
}

static sorted_group *sorted_groups(const qc_tally *t, size_t nkeys) {
  sorted_group *s = qc_xmalloc((t->ngroups + 1) * sizeof *s);
  for (size_t k = 0; k < t->ngroups; k++)
    s[k] = (sorted_group){&t->groups[k], nkeys};
  qsort(s, t->ngroups, sizeof *s, by_keys);
  return s;
}

void qc_tally_snapshot(const qc_tally *t, size_t nkeys, qc_tally_counts *out) {
  sorted_group *sorted = sorted_groups(t, nkeys);
  out->ngroups = t->ngroups;
  out->names = qc_xcalloc(t->ngroups + 1, sizeof *out->names);
  out->segments = qc_xcalloc(t->ngroups + 1, sizeof *out->segments);
  out->hits = qc_xcalloc(t->ngroups + 1, sizeof *out->hits);
  out->group_segments = qc_xcalloc(t->ngroups + 1, sizeof *out->group_segments);
  out->group_tokens = qc_xcalloc(t->ngroups + 1, sizeof *out->group_tokens);
  for (size_t k = 0; k < t->ngroups; k++) {
    out->names[k] = sorted[k].g->name;
    out->segments[k] = sorted[k].g->segments;
    out->hits[k] = sorted[k].g->hits;
    out->group_segments[k] = sorted[k].g->group_segments;
    out->group_tokens[k] = sorted[k].g->group_tokens;
  }
  free(sorted);
}

void qc_tally_snapshot_release(qc_tally_counts *c) {
  free(c->names);
  free(c->segments);
  free(c->hits);
  free(c->group_segments);
  free(c->group_tokens);
  memset(c, 0, sizeof *c);
}

static void long_rows(const qc_tally *t, const sorted_group *sorted,
                      size_t nkeys, qc_table *tb) {
  for (size_t k = 0; k < t->ngroups; k++) {
    const group *g = sorted[k].g;
    for (size_t i = 0; i < t->ncodes; i++) {
      qc_table_group(tb, g->name, nkeys);
      qc_table_str(tb, t->paths[i]);
      qc_table_uint(tb, g->segments[i]);
      qc_table_uint(tb, g->hits[i]);
      qc_table_ratio(tb, g->segments[i], g->group_segments, 4);
      qc_table_uint(tb, g->group_segments);
      qc_table_uint(tb, g->group_tokens);
      qc_table_str(tb, t->fingerprint);
      qc_table_end_row(tb);
    }
  }
}

static void wide_rows(const qc_tally *t, const sorted_group *sorted,
                      size_t nkeys, qc_value value, qc_table *tb) {
  for (size_t k = 0; k < t->ngroups; k++) {
    const group *g = sorted[k].g;
    qc_table_group(tb, g->name, nkeys);
    qc_table_uint(tb, g->group_segments);
    qc_table_uint(tb, g->group_tokens);
    for (size_t i = 0; i < t->ncodes; i++) {
      if (value == QC_VALUE_HITS)
        qc_table_uint(tb, g->hits[i]);
      else if (value == QC_VALUE_SHARE)
        qc_table_ratio(tb, g->segments[i], g->group_segments, 4);
      else
        qc_table_uint(tb, g->segments[i]);
    }
    qc_table_str(tb, t->fingerprint);
    qc_table_end_row(tb);
  }
}

char *qc_tally_format(const qc_tally *t, const qc_table_opts *opts,
                      size_t *len) {
  static const char *const long_cols[] = {
      "code",           "segments",     "hits",    "share",
      "group_segments", "group_tokens", "codebook"};
  qc_keys keys;
  qc_keys_parse(&keys, opts->by);
  sorted_group *sorted = sorted_groups(t, keys.n);
  size_t n = keys.n + (opts->wide ? 3 + t->ncodes : 7);
  const char **cols = qc_xcalloc(n, sizeof *cols);
  memcpy(cols, keys.names, keys.n * sizeof *cols);
  if (opts->wide) {
    cols[keys.n] = "group_segments";
    cols[keys.n + 1] = "group_tokens";
    for (size_t i = 0; i < t->ncodes; i++)
      cols[keys.n + 2 + i] = t->paths[i];
    cols[n - 1] = "codebook";
  } else {
    memcpy(cols + keys.n, long_cols, sizeof long_cols);
  }
  qc_buf out = QC_BUF_INIT;
  qc_table tb;
  qc_table_begin(&tb, &out, opts->format, cols, n);
  if (opts->wide)
    wide_rows(t, sorted, keys.n, opts->value, &tb);
  else
    long_rows(t, sorted, keys.n, &tb);
  qc_table_end(&tb);
  free(cols);
  free(sorted);
  qc_keys_release(&keys);
  return qc_buf_detach(&out, len);
}
