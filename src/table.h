/* table.h: writes tidy tables as TSV, CSV (RFC 4180), JSON (RFC 8259) or
 * JSON Lines.
 * The only place where cells are escaped. */
#ifndef QC_TABLE_H
#define QC_TABLE_H

#include "qcode.h"
#include "buf.h"

typedef struct qc_table {
  qc_buf *out;
  qc_format format;
  const char *const *cols; /* borrowed; valid until qc_table_end */
  size_t ncols, col, rows;
} qc_table;

/* Starts a table with the given columns (the header line for TSV/CSV). */
void qc_table_begin(qc_table *t, qc_buf *out, qc_format format,
                    const char *const *cols, size_t ncols);
void qc_table_str(qc_table *t, const char *s);
/* The same for 'n' bytes of 's', which need not be NUL-terminated. */
void qc_table_strn(qc_table *t, const char *s, size_t n);
void qc_table_uint(qc_table *t, unsigned long long v);
void qc_table_int(qc_table *t, long long v);
/* A ratio num/den rounded half up to 'decimals' places; empty (TSV, CSV)
 * or null (JSON) when den is 0. */
void qc_table_ratio(qc_table *t, unsigned long long num, unsigned long long den,
                    int decimals);
/* A real number with 'decimals' places; empty (TSV, CSV) or null (JSON)
 * when not 'defined'. Formatted in the C locale (qcode never sets one). */
void qc_table_real(qc_table *t, double v, int decimals, bool defined);
void qc_table_end_row(qc_table *t);
void qc_table_end(qc_table *t);

/* ---- Grouping keys ----
 * qc_table_opts.by names a table's grouping columns, comma-separated; a
 * group is their values joined with QC_GROUP_SEP (see qcode.h). */

typedef struct qc_keys {
  char *buf;          /* the names, NUL-separated */
  const char **names; /* 'n' pointers into buf */
  size_t n;
} qc_keys;

/* Splits 'by' (NULL: "subsector") at its commas; release with
 * qc_keys_release. */
void qc_keys_parse(qc_keys *k, const char *by);
void qc_keys_release(qc_keys *k);

/* Writes a group of 'nkeys' keys as one cell per key. With one key the
 * whole group is the value; a group with fewer values gets empty cells. */
void qc_table_group(qc_table *t, const char *group, size_t nkeys);

/* Orders groups of 'nkeys' keys by their values, key by key, bytewise
 * (with one key: strcmp). */
int qc_group_cmp(const char *a, const char *b, size_t nkeys);

#endif
