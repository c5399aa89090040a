/* delim.h: reads small delimited tables (TSV, or CSV per RFC 4180) with a
 * header line, such as the --meta file. */
#ifndef QC_DELIM_H
#define QC_DELIM_H

#include "qcode.h"

typedef struct qc_delim {
  char *file;
  char **header;
  size_t ncols;
  char ***rows; /* nrows rows of ncols cells */
  unsigned *lines; /* line of each row */
  size_t nrows, cap;
} qc_delim;

/* Reads 'path'; CSV when the name ends in ".csv" (any case), else TSV.
 * Every row must have as many cells as the header. Caller releases with
 * qc_delim_release. */
qc_status qc_delim_read(qc_delim *d, const char *path, qc_error *err);

/* Index of the header column 'name', or (size_t)-1. */
size_t qc_delim_column(const qc_delim *d, const char *name);

void qc_delim_release(qc_delim *d);

#endif
