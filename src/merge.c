/* merge.c: adds up the frequency tables of separate `apply` runs, so that a
 * corpus too large for one process or machine can be split. Counts are
 * additive; shares are recomputed from the summed totals by the same
 * formatter `apply` uses, so merging the parts gives the table of the
 * whole byte for byte. The grouping columns are those before `code`, one
 * per key of apply's --by. */
#include "delim.h"
#include "buf.h"
#include "error.h"
#include "memory.h"
#include "tally.h"

#include <stdlib.h>
#include <string.h>

enum { C_CODE, C_SEGMENTS, C_HITS, C_GSEG, C_GTOK, C_BOOK, NCOL };

static const char *const needed[NCOL] = {
    "code", "segments", "hits", "group_segments", "group_tokens", "codebook"};

static qc_status parse_count(const qc_delim *d, size_t row, const char *cell,
                             uint64_t *v, qc_error *err) {
  char *end;
  unsigned long long x = strtoull(cell, &end, 10);
  if (!*cell || *end || *cell == '-')
    return qc_error_set(err, QC_ERR_DATA, d->file, d->lines[row], 1, 0,
                        "'%s' is not a count", cell);
  *v = x;
  return QC_OK;
}

/* The reference of the first table: grouping columns (comma-separated),
 * fingerprint, codes. */
typedef struct reference {
  char *by, *fingerprint;
  char **codes;
  size_t ncodes;
  qc_tally *tally;
} reference;

/* The grouping columns are the ones before 'code' (apply writes one per
 * --by key); their names, joined with commas as qc_table_opts.by has them,
 * go into 'by'. */
static qc_status find_columns(const qc_delim *d, size_t *col, qc_buf *by,
                              qc_error *err) {
  for (int i = 0; i < NCOL; i++)
    if ((col[i] = qc_delim_column(d, needed[i])) == (size_t)-1)
      return qc_error_set(err, QC_ERR_DATA, d->file, 1, 1, 0,
                          "no '%s' column: merge takes the long tables of "
                          "'qcode apply' (not --wide)",
                          needed[i]);
  if (col[C_CODE] == 0)
    return qc_error_set(err, QC_ERR_DATA, d->file, 1, 1, 0,
                        "no grouping column before 'code'");
  qc_buf_clear(by);
  for (size_t k = 0; k < col[C_CODE]; k++) {
    if (strchr(d->header[k], ','))
      return qc_error_set(err, QC_ERR_DATA, d->file, 1, 1, 0,
                          "grouping column '%s' has a comma in its name",
                          d->header[k]);
    if (k)
      qc_buf_putc(by, ',');
    qc_buf_puts(by, d->header[k]);
  }
  return QC_OK;
}

/* The group of a row: the cells before 'code' joined with QC_GROUP_SEP,
 * which inside a cell of several becomes a space, as in apply. */
static const char *row_group(qc_buf *b, char **row, size_t nkeys) {
  qc_buf_clear(b);
  qc_buf_grow(b, 0);
  for (size_t k = 0; k < nkeys; k++) {
    if (k)
      qc_buf_putc(b, QC_GROUP_SEP);
    for (const char *p = row[k]; *p; p++)
      qc_buf_putc(b, *p == QC_GROUP_SEP && nkeys > 1 ? ' ' : *p);
  }
  return b->ptr;
}

/* Takes the code list (the codes of the first group, in order) and the
 * fingerprint from the first table. */
static void take_reference(reference *ref, const qc_delim *d, const size_t *col,
                           const char *by) {
  ref->by = qc_xstrdup(by);
  ref->fingerprint = qc_xstrdup(d->nrows ? d->rows[0][col[C_BOOK]] : "");
  qc_buf first = QC_BUF_INIT, group = QC_BUF_INIT;
  row_group(&first, d->rows[0], col[C_CODE]);
  size_t cap = 0;
  for (size_t r = 0; r < d->nrows; r++) {
    if (strcmp(row_group(&group, d->rows[r], col[C_CODE]), first.ptr))
      break;
    QC_GROW(ref->codes, cap, ref->ncodes + 1);
    ref->codes[ref->ncodes++] = qc_xstrdup(d->rows[r][col[C_CODE]]);
  }
  qc_buf_release(&first);
  qc_buf_release(&group);
  ref->tally = qc_tally_new_codes((const char *const *)ref->codes,
                                  ref->ncodes, ref->fingerprint);
}

/* Adds one row of a table; 'code' is the row's place in its group. */
static qc_status add_row(reference *ref, const qc_delim *d, size_t r,
                         const size_t *col, size_t code, const char *group,
                         qc_error *err) {
  char **row = d->rows[r];
  if (strcmp(row[col[C_BOOK]], ref->fingerprint))
    return qc_error_set(err, QC_ERR_DATA, d->file, d->lines[r], 1, 0,
                        "made with another codebook ('%s', the first table "
                        "'%s'); merge only tables of one codebook",
                        row[col[C_BOOK]], ref->fingerprint);
  if (strcmp(row[col[C_CODE]], ref->codes[code]))
    return qc_error_set(err, QC_ERR_DATA, d->file, d->lines[r], 1, 0,
                        "code '%s' where '%s' was expected", row[col[C_CODE]],
                        ref->codes[code]);
  uint64_t v[4] = {0};
  QC_TRY(parse_count(d, r, row[col[C_SEGMENTS]], &v[0], err));
  QC_TRY(parse_count(d, r, row[col[C_HITS]], &v[1], err));
  QC_TRY(parse_count(d, r, row[col[C_GSEG]], &v[2], err));
  QC_TRY(parse_count(d, r, row[col[C_GTOK]], &v[3], err));
  qc_tally_add_counts(ref->tally, group, code, v[0], v[1]);
  if (code == 0) /* the totals repeat on every row of a group */
    qc_tally_add_totals(ref->tally, group, v[2], v[3]);
  return QC_OK;
}

/* Adds one table; its rows must be whole groups listing the reference's
 * codes in order, like every table `apply` writes. */
static qc_status add_table(reference *ref, const qc_delim *d, const size_t *col,
                           const char *by, qc_error *err) {
  if (strcmp(by, ref->by))
    return qc_error_set(err, QC_ERR_DATA, d->file, 1, 1, 0,
                        "grouped by '%s', the first table by '%s'", by,
                        ref->by);
  qc_buf group = QC_BUF_INIT;
  qc_status s = QC_OK;
  for (size_t r = 0; r < d->nrows && s == QC_OK; r++)
    s = add_row(ref, d, r, col, r % ref->ncodes,
                row_group(&group, d->rows[r], col[C_CODE]), err);
  qc_buf_release(&group);
  if (s == QC_OK && d->nrows % ref->ncodes)
    return qc_error_set(err, QC_ERR_DATA, d->file, d->lines[d->nrows - 1], 1,
                        0, "the last group lacks codes");
  return s;
}

qc_status qc_merge_tables(const char *const *paths, size_t n,
                          const qc_table_opts *opts, char **out, size_t *len,
                          qc_error *err) {
  reference ref = {0};
  qc_buf by = QC_BUF_INIT;
  qc_status s = QC_OK;
  for (size_t i = 0; i < n && s == QC_OK; i++) {
    qc_delim d;
    size_t col[NCOL];
    s = qc_delim_read(&d, paths[i], err);
    if (s == QC_OK)
      s = find_columns(&d, col, &by, err);
    if (s == QC_OK && !ref.tally) {
      if (d.nrows == 0)
        s = qc_error_set(err, QC_ERR_DATA, paths[i], 1, 1, 0,
                         "table has no rows");
      else
        take_reference(&ref, &d, col, by.ptr);
    }
    if (s == QC_OK)
      s = add_table(&ref, &d, col, by.ptr, err);
    qc_delim_release(&d);
  }
  qc_buf_release(&by);
  if (s == QC_OK && ref.tally) {
    qc_table_opts o = *opts;
    o.by = ref.by;
    *out = qc_tally_format(ref.tally, &o, len);
  }
  qc_tally_free(ref.tally);
  for (size_t i = 0; i < ref.ncodes; i++)
    free(ref.codes[i]);
  free(ref.codes);
  free(ref.by);
  free(ref.fingerprint);
  return s;
}
