/* error.h: filling a qc_error from inside the library. */
#ifndef QC_ERROR_H
#define QC_ERROR_H

#include "qcode.h"

/* Sets 'err' (may be NULL) and returns 'code', so that a failing function
 * can end with `return qc_error_set(...)`. 'file' may be NULL; line 0 means
 * no position. */
qc_status qc_error_set(qc_error *err, qc_status code, const char *file,
                       unsigned line, unsigned col, size_t offset,
                       const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

#define QC_TRY(expr)                                                           \
  do {                                                                         \
    qc_status qc_try_status_ = (expr);                                         \
    if (qc_try_status_ != QC_OK)                                               \
      return qc_try_status_;                                                   \
  } while (0)

#endif
