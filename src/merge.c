/* merge.c: adds up the frequency tables of separate `apply` runs, so that a
 * corpus too large for one process or machine can be split. Counts are
 * additive; shares are recomputed from the summed totals by the same
 * formatter `apply` uses, so merging the parts gives the table of the
 * whole byte for byte. */
#include "delim.h"
#include "error.h"
#include "memory.h"
#include "tally.h"

#include <stdlib.h>
#include <string.h>

enum { C_GROUP, C_CODE, C_SEGMENTS, C_HITS, C_GSEG, C_GTOK, C_BOOK, NCOL };

static const char *const needed[NCOL] = {
    NULL, "code", "segments", "hits", "group_segments", "group_tokens",
    "codebook"};

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

/* The reference of the first table: grouping column, fingerprint, codes. */
typedef struct reference {
  char *by, *fingerprint;
  char **codes;
  size_t ncodes;
  qc_tally *tally;
} reference;

static qc_status find_columns(const qc_delim *d, size_t *col, qc_error *err) {
  col[C_GROUP] = 0;
  for (int i = 1; i < NCOL; i++)
    if ((col[i] = qc_delim_column(d, needed[i])) == (size_t)-1)
      return qc_error_set(err, QC_ERR_DATA, d->file, 1, 1, 0,
                          "no '%s' column: merge takes the long tables of "
                          "'qcode apply' (not --wide)",
                          needed[i]);
  return QC_OK;
}

/* Takes the code list (the codes of the first group, in order) and the
 * fingerprint from the first table. */
static void take_reference(reference *ref, const qc_delim *d,
                           const size_t *col) {
  ref->by = qc_xstrdup(d->header[0]);
  ref->fingerprint = qc_xstrdup(d->nrows ? d->rows[0][col[C_BOOK]] : "");
  size_t cap = 0;
  for (size_t r = 0; r < d->nrows; r++) {
    if (strcmp(d->rows[r][col[C_GROUP]], d->rows[0][col[C_GROUP]]))
      break;
    QC_GROW(ref->codes, cap, ref->ncodes + 1);
    ref->codes[ref->ncodes++] = qc_xstrdup(d->rows[r][col[C_CODE]]);
  }
  ref->tally = qc_tally_new_codes((const char *const *)ref->codes,
                                  ref->ncodes, ref->fingerprint);
}

/* Adds one table; its rows must be whole groups listing the reference's
 * codes in order, like every table `apply` writes. */
static qc_status add_table(reference *ref, const qc_delim *d, const size_t *col,
                           qc_error *err) {
  if (strcmp(d->header[0], ref->by))
    return qc_error_set(err, QC_ERR_DATA, d->file, 1, 1, 0,
                        "grouped by '%s', the first table by '%s'",
                        d->header[0], ref->by);
  for (size_t r = 0; r < d->nrows; r++) {
    char **row = d->rows[r];
    size_t code = r % ref->ncodes;
    if (strcmp(row[col[C_BOOK]], ref->fingerprint))
      return qc_error_set(err, QC_ERR_DATA, d->file, d->lines[r], 1, 0,
                          "made with another codebook ('%s', the first table "
                          "'%s'); merge only tables of one codebook",
                          row[col[C_BOOK]], ref->fingerprint);
    if (strcmp(row[col[C_CODE]], ref->codes[code]))
      return qc_error_set(err, QC_ERR_DATA, d->file, d->lines[r], 1, 0,
                          "code '%s' where '%s' was expected",
                          row[col[C_CODE]], ref->codes[code]);
    uint64_t v[4] = {0};
    QC_TRY(parse_count(d, r, row[col[C_SEGMENTS]], &v[0], err));
    QC_TRY(parse_count(d, r, row[col[C_HITS]], &v[1], err));
    QC_TRY(parse_count(d, r, row[col[C_GSEG]], &v[2], err));
    QC_TRY(parse_count(d, r, row[col[C_GTOK]], &v[3], err));
    const char *group = row[col[C_GROUP]];
    qc_tally_add_counts(ref->tally, group, code, v[0], v[1]);
    if (code == 0) /* the totals repeat on every row of a group */
      qc_tally_add_totals(ref->tally, group, v[2], v[3]);
  }
  if (d->nrows % ref->ncodes)
    return qc_error_set(err, QC_ERR_DATA, d->file, d->lines[d->nrows - 1], 1,
                        0, "the last group lacks codes");
  return QC_OK;
}

qc_status qc_merge_tables(const char *const *paths, size_t n,
                          const qc_table_opts *opts, char **out, size_t *len,
                          qc_error *err) {
  reference ref = {0};
  qc_status s = QC_OK;
  for (size_t i = 0; i < n && s == QC_OK; i++) {
    qc_delim d;
    size_t col[NCOL];
    s = qc_delim_read(&d, paths[i], err);
    if (s == QC_OK)
      s = find_columns(&d, col, err);
    if (s == QC_OK && !ref.tally) {
      if (d.nrows == 0)
        s = qc_error_set(err, QC_ERR_DATA, paths[i], 1, 1, 0,
                         "table has no rows");
      else
        take_reference(&ref, &d, col);
    }
    if (s == QC_OK)
      s = add_table(&ref, &d, col, err);
    qc_delim_release(&d);
  }
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
