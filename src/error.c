/* error.c: status names and the one setter of qc_error. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void qc_error_clear(qc_error *err) {
  if (err)
    memset(err, 0, sizeof *err);
}

const char *qc_status_str(qc_status status) {
  switch (status) {
  case QC_OK: return "success";
  case QC_ERR_NOMEM: return "out of memory";
  case QC_ERR_IO: return "input/output error";
  case QC_ERR_YAML: return "invalid YAML";
  case QC_ERR_SCHEMA: return "invalid codebook";
  case QC_ERR_REGEX: return "regex error";
  case QC_ERR_UTF8: return "invalid UTF-8";
  case QC_ERR_TRANSCRIPT: return "invalid transcript";
  case QC_ERR_DATA: return "invalid data";
  case QC_ERR_USAGE: return "usage error";
  }
  return "unknown status";
}

qc_status qc_error_set(qc_error *err, qc_status code, const char *file,
                       unsigned line, unsigned col, size_t offset,
                       const char *fmt, ...) {
  if (!err)
    return code;
  err->code = code;
  snprintf(err->file, sizeof err->file, "%s", file ? file : "");
  err->line = line;
  err->col = col;
  err->offset = offset;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err->msg, sizeof err->msg, fmt, ap);
  va_end(ap);
  return code;
}
