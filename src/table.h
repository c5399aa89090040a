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

#endif
