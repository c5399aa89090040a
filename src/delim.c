/* delim.c: a reader for small TSV and CSV tables. TSV cells are split at
 * tabs; CSV cells follow RFC 4180 (quoted cells may hold commas, quotes
 * doubled, line breaks). CRLF and LF line ends, a UTF-8 BOM and a missing
 * final line end are accepted. */
#include "delim.h"
#include "buf.h"
#include "error.h"
#include "memory.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct row_builder {
  char **cells;
  size_t n, cap;
} row_builder;

static void push_cell(row_builder *r, qc_buf *cell) {
  QC_GROW(r->cells, r->cap, r->n + 1);
  r->cells[r->n++] = qc_buf_detach(cell, NULL);
}

static qc_status end_row(qc_delim *d, row_builder *r, unsigned line,
                         qc_error *err) {
  if (!d->header) {
    d->header = r->cells;
    d->ncols = r->n;
  } else if (r->n == 1 && r->cells[0][0] == '\0') { /* blank line */
    free(r->cells[0]);
    free(r->cells);
  } else {
    if (r->n != d->ncols) {
      qc_status s = qc_error_set(err, QC_ERR_DATA, d->file, line, 1, 0,
                                 "row has %zu cells, the header %zu", r->n,
                                 d->ncols);
      for (size_t i = 0; i < r->n; i++)
        free(r->cells[i]);
      free(r->cells);
      *r = (row_builder){NULL, 0, 0};
      return s;
    }
    QC_GROW(d->rows, d->cap, d->nrows + 1);
    d->lines = qc_xrealloc(d->lines, d->cap * sizeof *d->lines);
    d->rows[d->nrows] = r->cells;
    d->lines[d->nrows++] = line;
  }
  *r = (row_builder){NULL, 0, 0};
  return QC_OK;
}

static qc_status parse(qc_delim *d, const char *s, size_t len, bool csv,
                       qc_error *err) {
  qc_buf cell = QC_BUF_INIT;
  row_builder r = {NULL, 0, 0};
  unsigned line = 1, row_line = 1;
  char sep = csv ? ',' : '\t';
  size_t i = len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3) ? 3 : 0;
  qc_status st = QC_OK;
  while (i < len && st == QC_OK) {
    char c = s[i];
    if (csv && c == '"' && cell.len == 0) {
      unsigned qline = line;
      for (i++;; i++) {
        if (i >= len) {
          st = qc_error_set(err, QC_ERR_DATA, d->file, qline, 1, 0,
                            "quoted cell is never closed");
          break;
        }
        if (s[i] == '"' && i + 1 < len && s[i + 1] == '"') {
          qc_buf_putc(&cell, '"');
          i++;
        } else if (s[i] == '"') {
          i++;
          break;
        } else {
          line += s[i] == '\n';
          qc_buf_putc(&cell, s[i]);
        }
      }
      qc_buf_grow(&cell, 0);
      continue;
    }
    if (c == sep) {
      qc_buf_grow(&cell, 0);
      push_cell(&r, &cell);
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < len && s[i + 1] == '\n')
        i++;
      qc_buf_grow(&cell, 0);
      push_cell(&r, &cell);
      st = end_row(d, &r, row_line, err);
      row_line = ++line;
    } else {
      qc_buf_putc(&cell, c);
    }
    i++;
  }
  if (st == QC_OK && (cell.len || r.n)) {
    qc_buf_grow(&cell, 0);
    push_cell(&r, &cell);
    st = end_row(d, &r, row_line, err);
  }
  for (size_t k = 0; k < r.n; k++)
    free(r.cells[k]);
  free(r.cells);
  qc_buf_release(&cell);
  return st;
}

qc_status qc_delim_read(qc_delim *d, const char *path, qc_error *err) {
  memset(d, 0, sizeof *d);
  d->file = qc_xstrdup(path);
  qc_buf b = QC_BUF_INIT;
  qc_status s = qc_buf_read_file(&b, path, err);
  size_t n = strlen(path);
  bool csv = n >= 4 && strcasecmp(path + n - 4, ".csv") == 0;
  if (s == QC_OK) {
    size_t bad = qc_utf8_check(b.ptr, b.len);
    if (bad < b.len)
      s = qc_error_set(err, QC_ERR_UTF8, path, 1, 1, bad,
                       "invalid UTF-8 at byte offset %zu", bad);
  }
  if (s == QC_OK)
    s = parse(d, b.ptr, b.len, csv, err);
  if (s == QC_OK && !d->header)
    s = qc_error_set(err, QC_ERR_DATA, path, 1, 1, 0,
                     "table is empty (no header line)");
  qc_buf_release(&b);
  return s;
}

size_t qc_delim_column(const qc_delim *d, const char *name) {
  for (size_t i = 0; i < d->ncols; i++)
    if (strcmp(d->header[i], name) == 0)
      return i;
  return (size_t)-1;
}

void qc_delim_release(qc_delim *d) {
  for (size_t i = 0; i < d->ncols; i++)
    free(d->header[i]);
  free(d->header);
  for (size_t r = 0; r < d->nrows; r++) {
    for (size_t i = 0; i < d->ncols; i++)
      free(d->rows[r][i]);
    free(d->rows[r]);
  }
  free(d->rows);
  free(d->lines);
  free(d->file);
  memset(d, 0, sizeof *d);
}
