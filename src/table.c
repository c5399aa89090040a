/* table.c: the table writers. TSV has a header line, tab-separated cells
 * and LF line ends; tabs and line breaks inside a cell become spaces, since
 * TSV has no quoting. CSV follows RFC 4180: CRLF line ends, cells with a
 * comma, quote or line break in double quotes, quotes doubled. JSON is an
 * array of row objects (RFC 8259) with numbers as numbers; JSONL one row
 * object per line. Nothing here
 * depends on the locale. */
#include "table.h"
#include "memory.h"

#include <stdio.h>
#include <stdlib.h>
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

static void json_string(qc_buf *b, const char *s, size_t n) {
  qc_buf_putc(b, '"');
  const unsigned char *end = (const unsigned char *)s + n;
  for (const unsigned char *p = (const unsigned char *)s; p < end; p++) {
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
    json_string(t->out, t->cols[t->col], strlen(t->cols[t->col]));
    qc_buf_putc(t->out, ':');
  } else if (t->col > 0) {
    qc_buf_putc(t->out, t->format == QC_FORMAT_CSV ? ',' : '\t');
  }
  t->col++;
}

void qc_table_str(qc_table *t, const char *s) {
  qc_table_strn(t, s, strlen(s));
}

void qc_table_strn(qc_table *t, const char *s, size_t n) {
  cell_start(t);
  if (is_json(t->format)) {
    json_string(t->out, s, n);
  } else if (t->format == QC_FORMAT_CSV) {
    bool quote = false;
    for (size_t i = 0; i < n && !quote; i++)
      quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
    if (!quote) {
      qc_buf_put(t->out, s, n);
      return;
    }
    qc_buf_putc(t->out, '"');
    for (size_t i = 0; i < n; i++) {
      if (s[i] == '"')
        qc_buf_putc(t->out, '"');
      qc_buf_putc(t->out, s[i]);
    }
    qc_buf_putc(t->out, '"');
  } else {
    for (size_t i = 0; i < n; i++) {
      char c = s[i];
      qc_buf_putc(t->out, c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
    }
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

/* ---- grouping keys ---- */

void qc_keys_parse(qc_keys *k, const char *by) {
  k->buf = qc_xstrdup(by ? by : "subsector");
  k->n = 1;
  for (const char *p = k->buf; *p; p++)
    k->n += *p == ',';
  k->names = qc_xcalloc(k->n, sizeof *k->names);
  char *p = k->buf;
  for (size_t i = 0; i < k->n; i++) {
    k->names[i] = p;
    p += strcspn(p, ",");
    *p++ = '\0';
  }
}

void qc_keys_release(qc_keys *k) {
  free(k->buf);
  free(k->names);
  memset(k, 0, sizeof *k);
}

/* The length of the value of key 'i' of 'nkeys' that starts at 'p'. */
static size_t part_len(const char *p, size_t i, size_t nkeys) {
  return i + 1 < nkeys ? strcspn(p, (const char[]){QC_GROUP_SEP, '\0'})
                       : strlen(p);
}

void qc_table_group(qc_table *t, const char *group, size_t nkeys) {
  const char *p = group;
  for (size_t i = 0; i < nkeys; i++) {
    size_t n = part_len(p, i, nkeys);
    qc_table_strn(t, p, n);
    p += n + (p[n] != '\0');
  }
}

int qc_group_cmp(const char *a, const char *b, size_t nkeys) {
  for (size_t i = 0; i < nkeys; i++) {
    size_t la = part_len(a, i, nkeys), lb = part_len(b, i, nkeys);
    int c = memcmp(a, b, la < lb ? la : lb);
    if (c || la != lb)
      return c ? c : la < lb ? -1 : 1;
    a += la + (a[la] != '\0');
    b += lb + (b[lb] != '\0');
  }
  return 0;
}
