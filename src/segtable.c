/* segtable.c: the per-segment coding table of `qcode code`, one row per
 * segment and code with the evidence (spans as byte offsets into the file,
 * and the matched text). This is also the format a human coder fills in for
 * `qcode agree`. */
#include "codebook.h"
#include "buf.h"
#include "memory.h"
#include "table.h"

#include <stdlib.h>
#include <string.h>

struct qc_segment_table {
  const qc_codebook *cb;
  qc_keys keys;
  bool all, with_text, times, uncoded;
  qc_buf out, spans, text, segment;
  qc_table table;
  const char **cols;
};

qc_segment_table *qc_segment_table_new(const qc_codebook *cb,
                                       const qc_segment_table_opts *opts) {
  static const char *const before[] = {"file",       "segment",  "line",
                                       "last_line",  "start_time", "end_time",
                                       "speaker"};
  static const char *const after[] = {"code", "hits", "spans", "text",
                                      "segment_text"};
  qc_segment_table *st = qc_xcalloc(1, sizeof *st);
  st->cb = cb;
  qc_keys_parse(&st->keys, opts->by);
  st->all = opts->all;
  st->with_text = opts->text;
  st->times = opts->times;
  st->uncoded = opts->uncoded;
  size_t nb = 0;
  const char *first[7];
  for (size_t i = 0; i < 7; i++)
    if (opts->times || (i != 4 && i != 5))
      first[nb++] = before[i];
  size_t n = nb + st->keys.n + (opts->text ? 5 : 4);
  st->cols = qc_xcalloc(n, sizeof *st->cols);
  memcpy(st->cols, first, nb * sizeof *st->cols);
  memcpy(st->cols + nb, st->keys.names, st->keys.n * sizeof *st->cols);
  memcpy(st->cols + nb + st->keys.n, after,
         (n - nb - st->keys.n) * sizeof *st->cols);
  qc_table_begin(&st->table, &st->out, opts->format, st->cols, n);
  return st;
}

/* True when code 'a' is 'c' or one of its ancestors. */
static bool covers(const qc_codebook *cb, size_t a, size_t c) {
  for (; c != QC_NO_PARENT; c = cb->codes[c].parent)
    if (c == a)
      return true;
  return false;
}

static void evidence(qc_segment_table *st, const qc_segment *seg,
                     const qc_coding *coding, size_t code) {
  qc_buf_clear(&st->spans);
  qc_buf_clear(&st->text);
  for (size_t i = 0; i < coding->nspans; i++) {
    const qc_span *sp = &coding->spans[i];
    if (!covers(st->cb, code, sp->code))
      continue;
    if (st->spans.len) {
      qc_buf_putc(&st->spans, ';');
      qc_buf_puts(&st->text, " | ");
    }
    qc_buf_printf(&st->spans, "%zu-%zu", seg->offset + sp->start,
                  seg->offset + sp->end);
    /* a hit across a line end, a blanked comment or a cue's blanked
     * times reads as written */
    qc_buf_put_flat(&st->text, seg->text + sp->start, sp->end - sp->start);
  }
  qc_buf_grow(&st->spans, 0);
  qc_buf_grow(&st->text, 0);
}

static void row(qc_segment_table *st, const char *file, const qc_segment *seg,
                const char *group, const char *code, unsigned hits) {
  qc_table *t = &st->table;
  qc_table_str(t, file);
  qc_table_uint(t, seg->index);
  qc_table_uint(t, seg->line);
  qc_table_uint(t, seg->last_line);
  if (st->times) {
    char a[32], b[32];
    qc_time_format(seg->time_start, a, sizeof a);
    qc_time_format(seg->time_end, b, sizeof b);
    qc_table_str(t, a);
    qc_table_str(t, b);
  }
  qc_table_str(t, seg->speaker);
  qc_table_group(t, group, st->keys.n);
  qc_table_str(t, code);
  qc_table_uint(t, hits);
  qc_table_str(t, st->spans.ptr);
  qc_table_str(t, st->text.ptr);
  if (st->with_text) {
    qc_buf_clear(&st->segment);
    qc_buf_put(&st->segment, seg->text, seg->len);
    qc_table_str(t, st->segment.ptr);
  }
  qc_table_end_row(t);
}

void qc_segment_table_add(qc_segment_table *st, const char *file,
                          const qc_segment *seg, const char *group,
                          const qc_coding *coding) {
  bool any = false;
  for (size_t i = 0; !st->uncoded && i < st->cb->ncodes; i++) {
    if (!coding->coded[i])
      continue;
    any = true;
    evidence(st, seg, coding, i);
    row(st, file, seg, group, st->cb->codes[i].path, coding->hits[i]);
  }
  if (!any && (st->all || (st->uncoded && coding->ntouched == 0))) {
    qc_buf_clear(&st->spans);
    qc_buf_clear(&st->text);
    qc_buf_grow(&st->spans, 0);
    qc_buf_grow(&st->text, 0);
    row(st, file, seg, group, "", 0);
  }
}

qc_mark qc_segment_table_mark(const qc_segment_table *st) {
  return (qc_mark){st->out.len, st->table.rows};
}

void qc_segment_table_rollback(qc_segment_table *st, qc_mark mark) {
  if (mark.bytes > st->out.len)
    return;
  st->out.len = mark.bytes;
  if (st->out.ptr)
    st->out.ptr[mark.bytes] = '\0';
  st->table.rows = mark.rows;
}

char *qc_segment_table_finish(qc_segment_table *st, size_t *len) {
  qc_table_end(&st->table);
  char *r = qc_buf_detach(&st->out, len);
  qc_buf_release(&st->spans);
  qc_buf_release(&st->text);
  qc_buf_release(&st->segment);
  qc_keys_release(&st->keys);
  free(st->cols);
  free(st);
  return r;
}
