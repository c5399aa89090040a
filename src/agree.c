/* agree.c: intercoder agreement between two codings of the same segments,
 * per code with the code present or absent:
 * - percent agreement p_o = (a + d) / n;
 * - Cohen's kappa (Cohen 1960, "A coefficient of agreement for nominal
 *   scales"): (p_o - p_e) / (1 - p_e), p_e from the two coders' marginals;
 * - Krippendorff's alpha for nominal data, two coders, no missing values
 *   (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"):
 *   1 - (N - 1) * sum of off-diagonal coincidences / sum of n_c * n_k over
 *   c != k, with N = 2n pairable values;
 * - precision a / (a + b), recall a / (a + c), F1 2a / (2a + b + c) of A
 *   against B as the reference.
 * Each sheet is rolled up on reading, as `apply` rolls children into
 * parents: a human coder who marks only leaves ("tone/optimist") has coded
 * "tone" too, and without this every parent would count as never coded on
 * that side (kappa 0, the macro dragged down). */
#include "agree.h"
#include "qcode.h"
#include "delim.h"
#include "error.h"
#include "memory.h"
#include "strmap.h"
#include "table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void qc_agreement_compute(qc_agreement *s) {
  double a = (double)s->a, b = (double)s->b, c = (double)s->c,
         d = (double)s->d, n = a + b + c + d;
  s->has_kappa = s->has_alpha = s->has_precision = s->has_recall =
      s->has_f1 = false;
  s->percent = n > 0 ? (a + d) / n : 0;
  if (n == 0)
    return;
  double pe = ((a + b) * (a + c) + (c + d) * (b + d)) / (n * n);
  if (pe < 1) {
    s->kappa = (s->percent - pe) / (1 - pe);
    s->has_kappa = true;
  }
  double n_yes = 2 * a + b + c, n_no = 2 * d + b + c;
  if (n_yes > 0 && n_no > 0) {
    s->alpha = 1 - (2 * n - 1) * (b + c) / (n_yes * n_no);
    s->has_alpha = true;
  }
  if (a + b > 0) {
    s->precision = a / (a + b);
    s->has_precision = true;
  }
  if (a + c > 0) {
    s->recall = a / (a + c);
    s->has_recall = true;
  }
  if (2 * a + b + c > 0) {
    s->f1 = 2 * a / (2 * a + b + c);
    s->has_f1 = true;
  }
}

size_t qc_agree_rollup(const qc_codebook *cb, const char *code, qc_buf *out) {
  size_t n = 0;
  if (cb) {
    for (size_t i = qc_codebook_code_find(cb, code); i != (size_t)-1;
         i = qc_codebook_code_parent(cb, i), n++) {
      const char *path = qc_codebook_code_path(cb, i);
      qc_buf_put(out, path, strlen(path) + 1);
    }
    return n;
  }
  size_t len = strlen(code);
  qc_buf_put(out, code, len + 1);
  n = 1;
  for (size_t k = len; k-- > 1;) /* a '/' at 0 would leave an empty prefix */
    if (code[k] == '/' && code[k - 1] != '/') {
      qc_buf_put(out, code, k);
      qc_buf_putc(out, '\0');
      n++;
    }
  return n;
}

/* The codes either coding uses (after roll-up), each once. */
typedef struct code_set {
  qc_strmap seen;
  char **list;
  size_t n, cap;
} code_set;

/* One coding file: its segments (file TAB segment) and which codes each
 * got (segment key US code). */
typedef struct coding {
  qc_delim table;
  qc_strmap segments, pairs;
} coding;

/* Records that segment 'key' (its first n bytes; the buffer has room
 * after them) of row r is coded with 'code'. */
static void add_pair(coding *cd, char *key, size_t keysize, size_t n,
                     const char *code, size_t r, code_set *codes) {
  if (qc_strmap_put(&codes->seen, code, strlen(code), codes->n) == codes->n) {
    QC_GROW(codes->list, codes->cap, codes->n + 1);
    codes->list[codes->n++] = qc_xstrdup(code);
  }
  int m = snprintf(key + n, keysize - n, "\x1f%s", code);
  if (m > 0 && n + (size_t)m < keysize)
    qc_strmap_put(&cd->pairs, key, n + (size_t)m, r);
}

/* Reads one coding and rolls it up: each code on a row also codes the
 * segment with the code's ancestors (qc_agree_rollup). */
static qc_status read_coding(coding *cd, const char *path,
                             const qc_codebook *cb, code_set *codes,
                             qc_error *err) {
  QC_TRY(qc_delim_read(&cd->table, path, err));
  size_t col[3];
  const char *names[3] = {"file", "segment", "code"};
  for (int i = 0; i < 3; i++)
    if ((col[i] = qc_delim_column(&cd->table, names[i])) == (size_t)-1)
      return qc_error_set(err, QC_ERR_DATA, path, 1, 1, 0,
                          "coding table has no '%s' column", names[i]);
  char key[4096];
  qc_buf implied = QC_BUF_INIT;
  qc_status s = QC_OK;
  for (size_t r = 0; r < cd->table.nrows && s == QC_OK; r++) {
    char **row = cd->table.rows[r];
    unsigned line = cd->table.lines[r];
    int n = snprintf(key, sizeof key, "%s\t%s", row[col[0]], row[col[1]]);
    if (n < 0 || (size_t)n >= sizeof key) {
      s = qc_error_set(err, QC_ERR_DATA, path, line, 1, 0,
                       "file name too long");
      break;
    }
    qc_strmap_put(&cd->segments, key, (size_t)n, r);
    const char *code = row[col[2]];
    if (!*code)
      continue;
    qc_buf_clear(&implied);
    size_t k = qc_agree_rollup(cb, code, &implied);
    if (k == 0)
      s = qc_error_set(err, QC_ERR_DATA, path, line, 1, 0,
                       "no code '%s' in '%s'", code, qc_codebook_file(cb));
    for (const char *c = implied.ptr; k > 0; k--, c += strlen(c) + 1)
      add_pair(cd, key, sizeof key, (size_t)n, c, r, codes);
  }
  qc_buf_release(&implied);
  return s;
}

static void release_coding(coding *cd) {
  qc_delim_release(&cd->table);
  qc_strmap_release(&cd->segments);
  qc_strmap_release(&cd->pairs);
}

/* Every segment of one coding must be in the other, unless missing
 * segments count as coded with nothing. */
static qc_status check_segments(const coding *x, const coding *y,
                                const char *xname, const char *yname,
                                qc_error *err) {
  for (size_t i = 0; i < x->segments.cap; i++) {
    const qc_strmap_entry *e = &x->segments.slots[i];
    size_t v;
    if (e->key && !qc_strmap_get(&y->segments, e->key, e->len, &v)) {
      const char *tab = memchr(e->key, '\t', e->len);
      return qc_error_set(err, QC_ERR_DATA, xname,
                          x->table.lines[e->value], 1, 0,
                          "segment %s of '%.*s' is not in '%s' (use "
                          "--missing=absent to count it as uncoded there)",
                          tab + 1, (int)(tab - e->key), e->key, yname);
    }
  }
  return QC_OK;
}

static bool has_pair(const coding *cd, const char *seg, size_t seglen,
                     const char *code, char *key, size_t keysize) {
  int n = snprintf(key, keysize, "%.*s\x1f%s", (int)seglen, seg, code);
  size_t v;
  return n > 0 && (size_t)n < keysize &&
         qc_strmap_get(&cd->pairs, key, (size_t)n, &v);
}

/* The segments of either coding, each once (A's, then B's not in A). */
static const qc_strmap_entry **segment_union(const coding *a, const coding *b,
                                             size_t *n) {
  const qc_strmap_entry **segs =
      qc_xmalloc((a->segments.count + b->segments.count + 1) * sizeof *segs);
  size_t k = 0, v;
  for (size_t i = 0; i < a->segments.cap; i++)
    if (a->segments.slots[i].key)
      segs[k++] = &a->segments.slots[i];
  for (size_t i = 0; i < b->segments.cap; i++) {
    const qc_strmap_entry *e = &b->segments.slots[i];
    if (e->key && !qc_strmap_get(&a->segments, e->key, e->len, &v))
      segs[k++] = e;
  }
  *n = k;
  return segs;
}

/* Counts the 2x2 table of one code over the segments. */
static void count_code(const coding *a, const coding *b,
                       const qc_strmap_entry *const *segs, size_t nsegs,
                       const char *code, qc_agreement *s) {
  char key[4200];
  memset(s, 0, sizeof *s);
  for (size_t i = 0; i < nsegs; i++) {
    const qc_strmap_entry *e = segs[i];
    bool x = has_pair(a, e->key, e->len, code, key, sizeof key);
    bool y = has_pair(b, e->key, e->len, code, key, sizeof key);
    if (x && y)
      s->a++;
    else if (x)
      s->b++;
    else if (y)
      s->c++;
    else
      s->d++;
  }
  qc_agreement_compute(s);
}

static void stat_cell(qc_table *t, bool defined, double v) {
  qc_table_real(t, v, 4, defined);
}

static void stat_row(qc_table *t, const char *code, const qc_agreement *s,
                     bool counts) {
  qc_table_str(t, code);
  if (counts) {
    qc_table_uint(t, s->a + s->b + s->c + s->d);
    qc_table_uint(t, s->a + s->b);
    qc_table_uint(t, s->a + s->c);
    qc_table_uint(t, s->a);
  } else {
    for (int i = 0; i < 4; i++)
      qc_table_real(t, 0, 0, false);
  }
  stat_cell(t, true, s->percent);
  stat_cell(t, s->has_kappa, s->kappa);
  stat_cell(t, s->has_alpha, s->alpha);
  stat_cell(t, s->has_precision, s->precision);
  stat_cell(t, s->has_recall, s->recall);
  stat_cell(t, s->has_f1, s->f1);
  qc_table_end_row(t);
}

/* Means of the defined values, for the macro row. */
typedef struct macro {
  double sum[6];
  size_t n[6];
} macro;

static void macro_add(macro *m, const qc_agreement *s) {
  const double v[6] = {s->percent, s->kappa, s->alpha,
                       s->precision, s->recall, s->f1};
  const bool ok[6] = {true, s->has_kappa, s->has_alpha,
                      s->has_precision, s->has_recall, s->has_f1};
  for (int i = 0; i < 6; i++)
    if (ok[i]) {
      m->sum[i] += v[i];
      m->n[i]++;
    }
}

static void macro_result(const macro *m, qc_agreement *s) {
  double *v[6] = {&s->percent, &s->kappa, &s->alpha,
                  &s->precision, &s->recall, &s->f1};
  bool *ok[6] = {NULL, &s->has_kappa, &s->has_alpha,
                 &s->has_precision, &s->has_recall, &s->has_f1};
  for (int i = 0; i < 6; i++) {
    *v[i] = m->n[i] ? m->sum[i] / (double)m->n[i] : 0;
    if (ok[i])
      *ok[i] = m->n[i] > 0;
  }
}

static int by_string(const void *x, const void *y) {
  return strcmp(*(char *const *)x, *(char *const *)y);
}

static bool all_digits(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9')
      return false;
  return n > 0;
}

/* Segment keys ("file TAB segment") by file, then by segment number
 * (numbers of any length, compared as numbers; other labels as text). */
static int by_segment(const void *x, const void *y) {
  const qc_strmap_entry *p = *(const qc_strmap_entry *const *)x;
  const qc_strmap_entry *q = *(const qc_strmap_entry *const *)y;
  const char *tp = memchr(p->key, '\t', p->len);
  const char *tq = memchr(q->key, '\t', q->len);
  size_t fp = (size_t)(tp - p->key), fq = (size_t)(tq - q->key);
  int c = memcmp(p->key, q->key, fp < fq ? fp : fq);
  if (c || fp != fq)
    return c ? c : (fp < fq ? -1 : 1);
  const char *sp = tp + 1, *sq = tq + 1;
  size_t np = p->len - fp - 1, nq = q->len - fq - 1;
  if (all_digits(sp, np) && all_digits(sq, nq)) {
    while (np > 1 && *sp == '0')
      sp++, np--;
    while (nq > 1 && *sq == '0')
      sq++, nq--;
    if (np != nq)
      return np < nq ? -1 : 1;
  }
  c = memcmp(sp, sq, np < nq ? np : nq);
  return c ? c : (np < nq ? -1 : np > nq);
}

/* The rows where A and B differ: for each segment of either coding, in
 * order, each listed code that one coding has and the other has not. */
static void list_disagreements(const coding *a, const coding *b,
                               const char *const *codes, size_t ncodes,
                               qc_format format, qc_buf *buf) {
  size_t text_a = qc_delim_column(&a->table, "segment_text");
  size_t text_b = qc_delim_column(&b->table, "segment_text");
  bool text = text_a != (size_t)-1 || text_b != (size_t)-1;
  size_t n, v;
  const qc_strmap_entry **segs = segment_union(a, b, &n);
  qsort(segs, n, sizeof *segs, by_segment);
  const char *cols[] = {"file", "segment", "code", "a", "b", "segment_text"};
  qc_table t;
  qc_table_begin(&t, buf, format, cols, text ? 6 : 5);
  char key[4200], file[4200];
  for (size_t i = 0; i < n; i++) {
    const qc_strmap_entry *e = segs[i];
    const char *tab = memchr(e->key, '\t', e->len);
    for (size_t k = 0; k < ncodes; k++) {
      bool x = has_pair(a, e->key, e->len, codes[k], key, sizeof key);
      bool y = has_pair(b, e->key, e->len, codes[k], key, sizeof key);
      if (x == y)
        continue;
      snprintf(file, sizeof file, "%.*s", (int)(tab - e->key), e->key);
      qc_table_str(&t, file);
      size_t seglen = e->len - (size_t)(tab + 1 - e->key);
      if (all_digits(tab + 1, seglen) && seglen <= 18)
        qc_table_uint(&t, strtoull(tab + 1, NULL, 10)); /* a number in JSON */
      else
        qc_table_str(&t, tab + 1);
      qc_table_str(&t, codes[k]);
      qc_table_uint(&t, x);
      qc_table_uint(&t, y);
      if (text) {
        const char *s = "";
        if (text_a != (size_t)-1 &&
            qc_strmap_get(&a->segments, e->key, e->len, &v))
          s = a->table.rows[v][text_a];
        else if (text_b != (size_t)-1 &&
                 qc_strmap_get(&b->segments, e->key, e->len, &v))
          s = b->table.rows[v][text_b];
        qc_table_str(&t, s);
      }
      qc_table_end_row(&t);
    }
  }
  qc_table_end(&t);
  free(segs);
}

/* Names the codes that one coding never uses while the other does (their
 * kappa is 0, and they stay in the macro), or returns NULL. */
static char *one_sided(const qc_agreement *st, const char *const *codes,
                       size_t ncodes, const char *name_a,
                       const char *name_b) {
  qc_buf w = QC_BUF_INIT;
  for (int pass = 0; pass < 2; pass++) { /* first the codes B never uses */
    bool b_uses = pass == 1;
    const char *never = b_uses ? name_a : name_b;
    const char *used = b_uses ? name_b : name_a;
    size_t k = 0;
    for (size_t i = 0; i < ncodes; i++) {
      bool x = st[i].a + st[i].b > 0, y = st[i].a + st[i].c > 0;
      if (x == y || y != b_uses)
        continue;
      if (k++ == 0)
        qc_buf_printf(&w, "%snever coded in '%s' but coded in '%s'%s: ",
                      w.len ? "; " : "codes ", never, used,
                      w.len ? "" : " (kappa 0, counted in the macro)");
      else
        qc_buf_puts(&w, ", ");
      qc_buf_printf(&w, "'%s'", codes[i]);
    }
  }
  return w.len ? qc_buf_detach(&w, NULL) : NULL;
}

/* The statistics of each listed code, then the macro row. */
static void stats_table(const coding *a, const coding *b,
                        const char *const *codes, size_t ncodes,
                        qc_format format, qc_buf *buf, qc_agreement *st) {
  const char *cols[] = {"code",      "segments",  "a_coded", "b_coded",
                        "both",      "agreement", "kappa",   "alpha",
                        "precision", "recall",    "f1"};
  qc_table t;
  qc_table_begin(&t, buf, format, cols, 11);
  size_t nsegs;
  const qc_strmap_entry **segs = segment_union(a, b, &nsegs);
  macro m = {{0}, {0}};
  for (size_t i = 0; i < ncodes; i++) {
    count_code(a, b, segs, nsegs, codes[i], &st[i]);
    stat_row(&t, codes[i], &st[i], true);
    macro_add(&m, &st[i]);
  }
  qc_agreement mac = {0};
  macro_result(&m, &mac);
  stat_row(&t, "(macro)", &mac, false);
  qc_table_end(&t);
  free(segs);
}

qc_status qc_agree(const char *path_a, const char *path_b,
                   const qc_agree_opts *opts, char **out, size_t *len,
                   qc_error *err) {
  coding a = {0}, b = {0};
  code_set cs = {QC_STRMAP_INIT, NULL, 0, 0};
  if (opts->warning)
    *opts->warning = NULL;
  qc_status s = read_coding(&a, path_a, opts->codebook, &cs, err);
  if (s == QC_OK)
    s = read_coding(&b, path_b, opts->codebook, &cs, err);
  if (s == QC_OK && opts->missing == QC_MISSING_ERROR)
    s = check_segments(&a, &b, path_a, path_b, err);
  if (s == QC_OK && opts->missing == QC_MISSING_ERROR)
    s = check_segments(&b, &a, path_b, path_a, err);
  if (s == QC_OK) {
    /* The codes asked for, in the order given; else all, sorted. */
    const char *const *list = opts->codes ? opts->codes
                                          : (const char *const *)cs.list;
    size_t n = opts->codes ? opts->ncodes : cs.n;
    if (!opts->codes && cs.n > 1)
      qsort(cs.list, cs.n, sizeof *cs.list, by_string);
    qc_buf buf = QC_BUF_INIT;
    if (opts->disagreements) {
      list_disagreements(&a, &b, list, n, opts->format, &buf);
    } else {
      qc_agreement *st = qc_xmalloc((n + 1) * sizeof *st);
      stats_table(&a, &b, list, n, opts->format, &buf, st);
      if (opts->warning)
        *opts->warning = one_sided(st, list, n, path_a, path_b);
      free(st);
    }
    *out = qc_buf_detach(&buf, len);
  }
  for (size_t i = 0; i < cs.n; i++)
    free(cs.list[i]);
  free(cs.list);
  qc_strmap_release(&cs.seen);
  release_coding(&a);
  release_coding(&b);
  return s;
}
