/* meta.c: metadata per transcript from a table (--meta), keyed by file
 * name: the researcher's way to add or correct subsectors and other keys
 * without editing transcripts. */
#include "delim.h"
#include "error.h"
#include "memory.h"
#include "strmap.h"

#include <stdlib.h>
#include <string.h>

struct qc_metatable {
  qc_delim table;
  size_t file_col;
  qc_strmap rows; /* file cell -> row */
};

qc_status qc_metatable_load(qc_metatable **out, const char *path,
                            qc_error *err) {
  *out = NULL;
  qc_metatable *m = qc_xcalloc(1, sizeof *m);
  qc_status s = qc_delim_read(&m->table, path, err);
  if (s == QC_OK) {
    m->file_col = qc_delim_column(&m->table, "file");
    if (m->file_col == (size_t)-1)
      s = qc_error_set(err, QC_ERR_DATA, path, 1, 1, 0,
                       "metadata table has no 'file' column");
  }
  for (size_t r = 0; s == QC_OK && r < m->table.nrows; r++) {
    const char *f = m->table.rows[r][m->file_col];
    if (qc_strmap_put(&m->rows, f, strlen(f), r) != r)
      s = qc_error_set(err, QC_ERR_DATA, path, m->table.lines[r], 1, 0,
                       "file '%s' is listed twice", f);
  }
  if (s != QC_OK) {
    qc_metatable_free(m);
    return s;
  }
  *out = m;
  return QC_OK;
}

const char *qc_metatable_get(const qc_metatable *m, const char *file,
                             const char *key) {
  size_t col = qc_delim_column(&m->table, key), row;
  if (col == (size_t)-1)
    return NULL;
  if (!qc_strmap_get(&m->rows, file, strlen(file), &row)) {
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    if (!qc_strmap_get(&m->rows, base, strlen(base), &row))
      return NULL;
  }
  const char *v = m->table.rows[row][col];
  return *v ? v : NULL;
}

void qc_metatable_free(qc_metatable *m) {
  if (!m)
    return;
  qc_delim_release(&m->table);
  qc_strmap_release(&m->rows);
  free(m);
}
