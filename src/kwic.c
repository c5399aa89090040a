/* kwic.c: keyword in context, the evidence behind each count. One line
 * per counted hit (the spans the coder kept, so the lines of a code add up
 * to its hits in `apply`), with context cut at whole characters and counted
 * in characters, not bytes, so that Dutch diacritics keep the columns
 * aligned. Rows are kept until the end, when the column widths are known. */
#include "codebook.h"
#include "buf.h"
#include "memory.h"
#include "table.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

typedef struct kwic_row {
  char *where, *speaker, *code, *left, *hit, *right, *file;
  unsigned line;
  size_t start, end;
  long long time_start, time_end;
  bool uncoded; /* a segment without a code; 'hit' is its text */
} kwic_row;

struct qc_kwic {
  const qc_codebook *cb;
  qc_kwic_opts opts;
  bool *selected; /* per code */
  kwic_row *rows;
  size_t nrows, cap;
};

qc_kwic *qc_kwic_new(const qc_codebook *cb, const qc_kwic_opts *opts) {
  qc_kwic *k = qc_xcalloc(1, sizeof *k);
  k->cb = cb;
  k->opts = *opts;
  k->opts.codes = NULL;
  k->selected = qc_xcalloc(cb->ncodes, sizeof *k->selected);
  /* A code selects itself and its descendants (codes are in pre-order). */
  for (size_t i = 0; i < cb->ncodes; i++) {
    bool sel = !opts->codes;
    for (size_t j = 0; j < opts->ncodes && !sel; j++)
      sel = opts->codes[j] == i;
    size_t p = cb->codes[i].parent;
    k->selected[i] = sel || (p != QC_NO_PARENT && k->selected[p]);
  }
  return k;
}

/* Whitespace (line breaks of a turn, blanked comments) shows as one space. */
static char *flatten(const char *s, size_t n) {
  qc_buf b = QC_BUF_INIT;
  qc_buf_put_flat(&b, s, n);
  qc_buf_putc(&b, '\0');
  return qc_buf_detach(&b, NULL);
}

static bool is_cont(char c) { return ((unsigned char)c & 0xC0) == 0x80; }

/* The start of the last 'chars' characters before 'end'. */
static size_t back_chars(const char *s, size_t end, size_t chars) {
  size_t i = end;
  while (i > 0 && chars > 0) {
    i--;
    while (i > 0 && is_cont(s[i]))
      i--;
    chars--;
  }
  return i;
}

/* The end of the first 'chars' characters from 'start'. */
static size_t fwd_chars(const char *s, size_t len, size_t start,
                        size_t chars) {
  size_t i = start;
  while (i < len && chars > 0) {
    i++;
    while (i < len && is_cont(s[i]))
      i++;
    chars--;
  }
  return i;
}

/* A segment that got no code, as a row of its own (--uncoded). */
static void add_uncoded(qc_kwic *k, const char *file, const qc_segment *seg) {
  QC_GROW(k->rows, k->cap, k->nrows + 1);
  kwic_row *r = &k->rows[k->nrows++];
  qc_buf where = QC_BUF_INIT;
  qc_buf_printf(&where, "%s:%u", file, seg->line);
  r->where = qc_buf_detach(&where, NULL);
  r->file = qc_xstrdup(file);
  r->line = seg->line;
  r->speaker = qc_xstrdup(seg->speaker);
  r->code = qc_xstrdup("");
  r->left = qc_xstrdup("");
  r->hit = flatten(seg->text, seg->len);
  r->right = qc_xstrdup("");
  r->start = seg->offset;
  r->end = seg->offset + seg->len;
  qc_segment_time_at(seg, seg->line, &r->time_start, &r->time_end);
  r->uncoded = true;
}

void qc_kwic_add(qc_kwic *k, const char *file, const qc_segment *seg,
                 const qc_coding *coding) {
  if (k->opts.uncoded) {
    if (coding->ntouched == 0)
      add_uncoded(k, file, seg);
    return;
  }
  const char *s = seg->text;
  /* Spans come sorted by start, so the line count only moves forward. */
  size_t counted = 0;
  unsigned line = seg->line;
  for (size_t i = 0; i < coding->nspans; i++) {
    const qc_span *sp = &coding->spans[i];
    if (!k->selected[sp->code])
      continue;
    QC_GROW(k->rows, k->cap, k->nrows + 1);
    kwic_row *r = &k->rows[k->nrows++];
    for (; counted < sp->start; counted++)
      line += s[counted] == '\n';
    size_t lb = back_chars(s, sp->start, k->opts.width);
    size_t re = fwd_chars(s, seg->len, sp->end, k->opts.width);
    qc_buf where = QC_BUF_INIT;
    qc_buf_printf(&where, "%s:%u", file, line);
    r->where = qc_buf_detach(&where, NULL);
    r->file = qc_xstrdup(file);
    r->line = line;
    r->speaker = qc_xstrdup(seg->speaker);
    r->code = qc_xstrdup(k->cb->codes[sp->code].path);
    r->left = flatten(s + lb, sp->start - lb);
    r->hit = flatten(s + sp->start, sp->end - sp->start);
    r->right = flatten(s + sp->end, re - sp->end);
    r->start = seg->offset + sp->start;
    r->end = seg->offset + sp->end;
    qc_segment_time_at(seg, line, &r->time_start, &r->time_end);
    r->uncoded = false;
  }
}

static void free_row(kwic_row *r) {
  free(r->where);
  free(r->file);
  free(r->speaker);
  free(r->code);
  free(r->left);
  free(r->hit);
  free(r->right);
}

qc_mark qc_kwic_mark(const qc_kwic *k) { return (qc_mark){0, k->nrows}; }

void qc_kwic_rollback(qc_kwic *k, qc_mark mark) {
  while (k->nrows > mark.rows)
    free_row(&k->rows[--k->nrows]);
}

static size_t width_of(const char *s) {
  /* Combining marks take no column. */
  size_t w = 0, n = strlen(s);
  for (size_t i = 0; i < n;) {
    int32_t cp;
    int len = qc_utf8_decode(s + i, n - i, &cp);
    if (len <= 0)
      len = 1;
    else if (qc_utf8_class(cp) == QC_CC_MARK || qc_utf8_class(cp) == QC_CC_FORMAT)
      w--;
    w++;
    i += (size_t)len;
  }
  return w;
}

static void pad(qc_buf *b, size_t n) {
  for (size_t i = 0; i < n; i++)
    qc_buf_putc(b, ' ');
}

static void put_column(qc_buf *b, const char *s, size_t width) {
  qc_buf_puts(b, s);
  size_t w = width_of(s);
  pad(b, width > w ? width - w + 2 : 2);
}

static void aligned(const qc_kwic *k, qc_buf *out) {
  size_t ww = 0, sw = 0, cw = 0;
  char when[32];
  for (size_t i = 0; i < k->nrows; i++) {
    const kwic_row *r = &k->rows[i];
    size_t a = width_of(r->where), b = width_of(r->speaker),
           c = width_of(r->code);
    ww = a > ww ? a : ww;
    sw = b > sw ? b : sw;
    cw = c > cw ? c : cw;
  }
  for (size_t i = 0; i < k->nrows; i++) {
    const kwic_row *r = &k->rows[i];
    put_column(out, r->where, ww);
    if (k->opts.times) { /* HH:MM:SS.mmm, or blanks of that width */
      qc_time_format(r->time_start, when, sizeof when);
      put_column(out, when, 12);
    }
    put_column(out, r->speaker, sw);
    put_column(out, r->code, cw);
    if (r->uncoded) { /* the start of the segment, cut at a character */
      size_t n = strlen(r->hit), cut = fwd_chars(r->hit, n, 0, 3 * k->opts.width);
      size_t shown = cut;
      while (shown && cut < n && r->hit[shown - 1] == ' ')
        shown--;
      qc_buf_put(out, r->hit, shown);
      if (cut < n)
        qc_buf_puts(out, " ...");
      qc_buf_putc(out, '\n');
      continue;
    }
    size_t lw = width_of(r->left);
    pad(out, k->opts.width > lw ? k->opts.width - lw : 0);
    qc_buf_puts(out, r->left);
    qc_buf_puts(out, k->opts.color ? " \033[1m" : " [");
    qc_buf_puts(out, r->hit);
    qc_buf_puts(out, k->opts.color ? "\033[0m " : "] ");
    qc_buf_puts(out, r->right);
    qc_buf_putc(out, '\n');
  }
}

static void tabular(const qc_kwic *k, qc_buf *out) {
  static const char *const cols[] = {"file", "line",  "speaker",
                                     "code", "left",  "hit",
                                     "right", "start", "end"};
  static const char *const timed[] = {"file",  "line", "start_time",
                                      "end_time", "speaker", "code",
                                      "left",  "hit",  "right",
                                      "start", "end"};
  qc_table t;
  if (k->opts.times)
    qc_table_begin(&t, out, k->opts.format, timed, 11);
  else
    qc_table_begin(&t, out, k->opts.format, cols, 9);
  for (size_t i = 0; i < k->nrows; i++) {
    const kwic_row *r = &k->rows[i];
    qc_table_str(&t, r->file);
    qc_table_uint(&t, r->line);
    if (k->opts.times) {
      char a[32], b[32];
      qc_time_format(r->time_start, a, sizeof a);
      qc_time_format(r->time_end, b, sizeof b);
      qc_table_str(&t, a);
      qc_table_str(&t, b);
    }
    qc_table_str(&t, r->speaker);
    qc_table_str(&t, r->code);
    qc_table_str(&t, r->left);
    qc_table_str(&t, r->hit);
    qc_table_str(&t, r->right);
    qc_table_uint(&t, r->start);
    qc_table_uint(&t, r->end);
    qc_table_end_row(&t);
  }
  qc_table_end(&t);
}

char *qc_kwic_finish(qc_kwic *k, size_t *len) {
  qc_buf out = QC_BUF_INIT;
  if (k->opts.aligned)
    aligned(k, &out);
  else
    tabular(k, &out);
  for (size_t i = 0; i < k->nrows; i++)
    free_row(&k->rows[i]);
  free(k->rows);
  free(k->selected);
  free(k);
  return qc_buf_detach(&out, len);
}
