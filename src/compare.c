/* compare.c: what a codebook change does to the coding. Codes are matched
 * by full path; a code's rules are compared as a sorted list of (kind,
 * role, source), so reordering rules is no change. The counts reuse the
 * tally (one for each version); the listing marks the hits of removed
 * codes as [-...-] and of added ones as {+...+}, in the manner of wdiff. */
#include "codebook.h"
#include "buf.h"
#include "memory.h"
#include "strmap.h"
#include "table.h"
#include "tally.h"

#include <stdlib.h>
#include <string.h>

struct qc_compare {
  const qc_codebook *old, *new_cb;
  size_t ncodes;       /* union: new codes, then removed old ones */
  const char **paths;
  size_t *in_old, *in_new; /* index in each version, or -1 */
  char **change;
  qc_tally *told, *tnew;
  bool differs;
  qc_buf listing;
};

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A code's rules in a canonical order. */
static char *rule_signature(const qc_codebook *cb, size_t code) {
  char **items = NULL;
  size_t n = 0, cap = 0;
  for (size_t i = 0; i < cb->nrules; i++) {
    const qc_rule *r = &cb->rules[i];
    if (r->code != code)
      continue;
    qc_buf b = QC_BUF_INIT;
    qc_buf_printf(&b, "%d\x1f%d\x1f%s", (int)r->kind, (int)r->role, r->source);
    QC_GROW(items, cap, n + 1);
    items[n++] = qc_buf_detach(&b, NULL);
  }
  if (n > 1)
    qsort(items, n, sizeof *items, cmp_str);
  qc_buf sig = QC_BUF_INIT;
  qc_buf_grow(&sig, 0);
  for (size_t i = 0; i < n; i++) {
    qc_buf_puts(&sig, items[i]);
    qc_buf_putc(&sig, '\n');
    free(items[i]);
  }
  free(items);
  return qc_buf_detach(&sig, NULL);
}

static bool same_words(char *const *a, size_t na, char *const *b, size_t nb) {
  if (na != nb)
    return false;
  for (size_t i = 0; i < na; i++)
    if (strcmp(a[i], b[i]))
      return false;
  return true;
}

/* The codebook's settings. */
static bool same_settings(const qc_codebook *a, const qc_codebook *b) {
  return a->fold_opts == b->fold_opts && a->regex_opts == b->regex_opts &&
         a->neg_before == b->neg_before && a->neg_after == b->neg_after &&
         same_words(a->negators, a->nnegators, b->negators, b->nnegators) &&
         same_words(a->contrast, a->ncontrast, b->contrast, b->ncontrast);
}

/* A code's own settings, apart from its rules: a change is reported as
 * 'settings', like a change of the codebook's settings. Every per-code
 * setting of struct qc_code belongs here. */
static bool same_code_settings(const qc_code *a, const qc_code *b) {
  return a->negation == b->negation && a->invert == b->invert;
}

static char *describe(const qc_compare *c, size_t i, bool settings) {
  size_t o = c->in_old[i], n = c->in_new[i];
  if (o == (size_t)-1)
    return qc_xstrdup("added");
  if (n == (size_t)-1)
    return qc_xstrdup("removed");
  qc_buf b = QC_BUF_INIT;
  qc_buf_grow(&b, 0);
  if (strcmp(c->old->codes[o].label, c->new_cb->codes[n].label))
    qc_buf_puts(&b, "relabelled");
  char *so = rule_signature(c->old, o), *sn = rule_signature(c->new_cb, n);
  if (strcmp(so, sn))
    qc_buf_puts(&b, b.len ? "+rules" : "rules");
  free(so);
  free(sn);
  if (!settings || !same_code_settings(&c->old->codes[o], &c->new_cb->codes[n]))
    qc_buf_puts(&b, b.len ? "+settings" : "settings");
  return qc_buf_detach(&b, NULL);
}

qc_compare *qc_compare_new(const qc_codebook *old, const qc_codebook *new_cb) {
  qc_compare *c = qc_xcalloc(1, sizeof *c);
  c->old = old;
  c->new_cb = new_cb;
  size_t max = old->ncodes + new_cb->ncodes;
  c->paths = qc_xcalloc(max + 1, sizeof *c->paths);
  c->in_old = qc_xcalloc(max + 1, sizeof *c->in_old);
  c->in_new = qc_xcalloc(max + 1, sizeof *c->in_new);
  for (size_t i = 0; i < new_cb->ncodes; i++) {
    c->paths[c->ncodes] = new_cb->codes[i].path;
    c->in_new[c->ncodes] = i;
    c->in_old[c->ncodes++] = qc_codebook_code_find(old, new_cb->codes[i].path);
  }
  for (size_t i = 0; i < old->ncodes; i++)
    if (qc_codebook_code_find(new_cb, old->codes[i].path) == (size_t)-1) {
      c->paths[c->ncodes] = old->codes[i].path;
      c->in_new[c->ncodes] = (size_t)-1;
      c->in_old[c->ncodes++] = i;
    }
  bool settings = same_settings(old, new_cb);
  c->change = qc_xcalloc(c->ncodes + 1, sizeof *c->change);
  for (size_t i = 0; i < c->ncodes; i++) {
    c->change[i] = describe(c, i, settings);
    if (c->in_old[i] == (size_t)-1 || c->in_new[i] == (size_t)-1)
      c->differs = true;
  }
  c->told = qc_tally_new_codes(c->paths, c->ncodes, "");
  c->tnew = qc_tally_new_codes(c->paths, c->ncodes, "");
  return c;
}

static void count(qc_tally *t, const char *group, const size_t *map,
                  size_t ncodes, const qc_coding *coding) {
  for (size_t i = 0; i < ncodes; i++)
    if (map[i] != (size_t)-1)
      qc_tally_add_counts(t, group, i, coding->coded[map[i]],
                          coding->hits[map[i]]);
  qc_tally_add_totals(t, group, 1, coding->tokens);
}

/* Appends text on one line: line breaks and runs of white space show as
 * one space. */
static void put_flat(qc_buf *b, const char *s, size_t n) {
  bool space = b->len && b->ptr[b->len - 1] == ' ';
  for (size_t i = 0; i < n; i++) {
    bool ws = s[i] == ' ' || s[i] == '\n' || s[i] == '\t';
    if (!ws || !space)
      qc_buf_putc(b, ws ? ' ' : s[i]);
    space = ws;
  }
}

/* Writes the segment text with the hits of one code marked: a removed
 * code's old hits as [-..-], an added code's new ones as {+..+}. Only the
 * code's hits include its descendants', as in the counts. */
static void mark_text(qc_buf *b, const qc_codebook *cb, const qc_segment *seg,
                      const qc_coding *co, size_t code, const char *open,
                      const char *close) {
  size_t at = 0;
  for (size_t i = 0; i < co->nspans; i++) {
    const qc_span *sp = &co->spans[i];
    size_t c = sp->code;
    while (c != QC_NO_PARENT && c != code)
      c = cb->codes[c].parent;
    if (c != code || sp->start < at)
      continue;
    put_flat(b, seg->text + at, sp->start - at);
    qc_buf_puts(b, open);
    put_flat(b, seg->text + sp->start, sp->end - sp->start);
    qc_buf_puts(b, close);
    at = sp->end;
  }
  put_flat(b, seg->text + at, seg->len - at);
}

static void list_segment(qc_compare *c, const char *file,
                         const qc_segment *seg, const qc_coding *old_coding,
                         const qc_coding *new_coding) {
  qc_buf *b = &c->listing;
  qc_buf_printf(b, "@@ %s:%u %s (segment %zu)\n", file, seg->line,
                *seg->speaker ? seg->speaker : "-", seg->index);
  for (size_t i = 0; i < c->ncodes; i++) {
    size_t o = c->in_old[i], n = c->in_new[i];
    bool was = o != (size_t)-1 && old_coding->coded[o];
    bool is = n != (size_t)-1 && new_coding->coded[n];
    if (was && !is) {
      qc_buf_printf(b, "-%s: ", c->paths[i]);
      mark_text(b, c->old, seg, old_coding, o, "[-", "-]");
      qc_buf_putc(b, '\n');
    } else if (is && !was) {
      qc_buf_printf(b, "+%s: ", c->paths[i]);
      mark_text(b, c->new_cb, seg, new_coding, n, "{+", "+}");
      qc_buf_putc(b, '\n');
    }
  }
}

void qc_compare_add(qc_compare *c, const char *file, const qc_segment *seg,
                    const char *group, const qc_coding *old_coding,
                    const qc_coding *new_coding, bool listing) {
  count(c->told, group, c->in_old, c->ncodes, old_coding);
  count(c->tnew, group, c->in_new, c->ncodes, new_coding);
  bool changed = false;
  for (size_t i = 0; i < c->ncodes && !changed; i++) {
    size_t o = c->in_old[i], n = c->in_new[i];
    bool was = o != (size_t)-1 && old_coding->coded[o];
    bool is = n != (size_t)-1 && new_coding->coded[n];
    changed = was != is;
  }
  if (!changed)
    return;
  c->differs = true;
  if (listing)
    list_segment(c, file, seg, old_coding, new_coding);
}

bool qc_compare_differs(const qc_compare *c) { return c->differs; }

const char *qc_compare_listing(const qc_compare *c) {
  return c->listing.ptr ? c->listing.ptr : "";
}

char *qc_compare_format(const qc_compare *c, const qc_table_opts *opts,
                        size_t *len) {
  static const char *const fixed[] = {
      "code",           "change",   "old_segments", "new_segments",
      "delta_segments", "old_hits", "new_hits",     "delta_hits"};
  enum { NFIXED = sizeof fixed / sizeof *fixed };
  qc_keys keys;
  qc_keys_parse(&keys, opts->by);
  qc_tally_counts old, now;
  qc_tally_snapshot(c->told, keys.n, &old);
  qc_tally_snapshot(c->tnew, keys.n, &now);
  const char **cols = qc_xcalloc(keys.n + NFIXED, sizeof *cols);
  memcpy(cols, keys.names, keys.n * sizeof *cols);
  memcpy(cols + keys.n, fixed, sizeof fixed);
  qc_buf out = QC_BUF_INIT;
  qc_table t;
  qc_table_begin(&t, &out, opts->format, cols, keys.n + NFIXED);
  for (size_t g = 0; g < now.ngroups; g++)
    for (size_t i = 0; i < c->ncodes; i++) {
      unsigned long long os = old.segments[g][i], ns = now.segments[g][i];
      unsigned long long oh = old.hits[g][i], nh = now.hits[g][i];
      qc_table_group(&t, now.names[g], keys.n);
      qc_table_str(&t, c->paths[i]);
      qc_table_str(&t, c->change[i]);
      qc_table_uint(&t, os);
      qc_table_uint(&t, ns);
      qc_table_int(&t, (long long)ns - (long long)os);
      qc_table_uint(&t, oh);
      qc_table_uint(&t, nh);
      qc_table_int(&t, (long long)nh - (long long)oh);
      qc_table_end_row(&t);
    }
  qc_table_end(&t);
  free(cols);
  qc_keys_release(&keys);
  qc_tally_snapshot_release(&old);
  qc_tally_snapshot_release(&now);
  return qc_buf_detach(&out, len);
}

void qc_compare_free(qc_compare *c) {
  if (!c)
    return;
  for (size_t i = 0; i < c->ncodes; i++)
    free(c->change[i]);
  free(c->change);
  free(c->paths);
  free(c->in_old);
  free(c->in_new);
  qc_tally_free(c->told);
  qc_tally_free(c->tnew);
  qc_buf_release(&c->listing);
  free(c);
}
