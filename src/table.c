/* table.c: the table writers. TSV has a header line, tab-separated cells
 * and LF line ends; tabs and line breaks inside a cell become spaces, since
 * TSV has no quoting. CSV follows RFC 4180: CRLF line ends, cells with a
 * comma, quote or line break in double quotes, quotes doubled. JSON is an
 * array of row objects (RFC 8259) with numbers as numbers; JSONL one row
 * object per line. Nothing here
 * depends on the locale. */
#include "table.h"

#include <stdio.h>
#include <string.h>

static bool is_json(qc_format f) {
  return f == QC_FORMAT_JSON || f == QC_FORMAT_JSONL;
}

void qc_table_begin(qc_table *t, qc_buf *out, qc_format format,
                    const char *const *cols, size_t ncols) {
  *t = (qc_table){out, format, cols, ncols, 0, 0};
  if (format == QC_FORMAT_JSON)
    qc_buf_putc(out, '[');
  if (is_json(format))
    return;
  for (size_t i = 0; i < ncols; i++)
    qc_table_str(t, cols[i]);
  qc_table_end_row(t);
  t->rows = 0;
}

static void json_string(qc_buf *b, const char *s) {
  qc_buf_putc(b, '"');
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '"' || *p == '\\') {
      qc_buf_putc(b, '\\');
      qc_buf_putc(b, (char)*p);
    } else if (*p == '\n') {
      qc_buf_puts(b, "\\n");
    } else if (*p == '\t') {
      qc_buf_puts(b, "\\t");
    } else if (*p == '\r') {
      qc_buf_puts(b, "\\r");
    } else if (*p < 0x20) {
      qc_buf_printf(b, "\\u%04x", *p);
    } else {
      qc_buf_putc(b, (char)*p);
    }
  }
  qc_buf_putc(b, '"');
}

/* Opens a cell: the separator, or for JSON the key. */
static void cell_start(qc_table *t) {
  if (is_json(t->format)) {
    if (t->format == QC_FORMAT_JSONL)
      qc_buf_puts(t->out, t->col == 0 ? "{" : ",");
    else
      qc_buf_puts(t->out, t->col == 0 ? (t->rows ? ",\n{" : "\n{") : ",");
    json_string(t->out, t->cols[t->col]);
    qc_buf_putc(t->out, ':');
  } else if (t->col > 0) {
    qc_buf_putc(t->out, t->format == QC_FORMAT_CSV ? ',' : '\t');
  }
  t->col++;
}

void qc_table_str(qc_table *t, const char *s) {
  cell_start(t);
  if (is_json(t->format)) {
    json_string(t->out, s);
  } else if (t->format == QC_FORMAT_CSV) {
    if (!strpbrk(s, ",\"\r\n")) {
      qc_buf_puts(t->out, s);
      return;
    }
    qc_buf_putc(t->out, '"');
    for (const char *p = s; *p; p++) {
      if (*p == '"')
        qc_buf_putc(t->out, '"');
      qc_buf_putc(t->out, *p);
    }
    qc_buf_putc(t->out, '"');
  } else {
    for (const char *p = s; *p; p++)
      qc_buf_putc(t->out, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
  }
}

void qc_table_uint(qc_table *t, unsigned long long v) {
  cell_start(t);
  qc_buf_printf(t->out, "%llu", v);
}

void qc_table_int(qc_table *t, long long v) {
  cell_start(t);
  qc_buf_printf(t->out, "%lld", v);
}

void qc_table_ratio(qc_table *t, unsigned long long num, unsigned long long den,
                    int decimals) {
  cell_start(t);
  if (den == 0) {
    if (is_json(t->format))
      qc_buf_puts(t->out, "null");
    return;
  }
  unsigned long long scale = 1;
  for (int i = 0; i < decimals; i++)
    scale *= 10;
  /* Integer arithmetic: the same digits on every machine and locale. */
  unsigned long long v = (num * scale * 2 + den) / (den * 2);
  if (decimals > 0)
    qc_buf_printf(t->out, "%llu.%0*llu", v / scale, decimals, v % scale);
  else
    qc_buf_printf(t->out, "%llu", v);
}

void qc_table_real(qc_table *t, double v, int decimals, bool defined) {
  cell_start(t);
  if (!defined) {
    if (is_json(t->format))
      qc_buf_puts(t->out, "null");
    return;
  }
  double half = 0.5;
  for (int i = 0; i < decimals; i++)
    half /= 10;
  if (v > -half && v < half)
    v = 0; /* no "-0.0000" */
  qc_buf_printf(t->out, "%.*f", decimals, v);
}

void qc_table_end_row(qc_table *t) {
  if (t->format == QC_FORMAT_JSONL)
    qc_buf_puts(t->out, "}\n");
  else if (t->format == QC_FORMAT_JSON)
    qc_buf_putc(t->out, '}');
  else
    qc_buf_puts(t->out, t->format == QC_FORMAT_CSV ? "\r\n" : "\n");
  t->col = 0;
  t->rows++;
}

void qc_table_end(qc_table *t) {
  if (t->format == QC_FORMAT_JSON)
    qc_buf_puts(t->out, t->rows ? "\n]\n" : "]\n");
}
