/* buf.c: growable byte buffer. */
#include "buf.h"
#include "error.h"
#include "memory.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void qc_buf_grow(qc_buf *b, size_t extra) {
  qc_xgrow((void **)&b->ptr, &b->cap, b->len + extra + 1, 1);
  b->ptr[b->len] = '\0';
}

void qc_buf_put(qc_buf *b, const void *p, size_t n) {
  qc_buf_grow(b, n);
  if (n)
    memcpy(b->ptr + b->len, p, n);
  b->len += n;
  b->ptr[b->len] = '\0';
}

void qc_buf_puts(qc_buf *b, const char *s) { qc_buf_put(b, s, strlen(s)); }

void qc_buf_putc(qc_buf *b, char c) { qc_buf_put(b, &c, 1); }

void qc_buf_put_flat(qc_buf *b, const char *s, size_t n) {
  qc_buf_grow(b, n);
  bool space = false;
  for (size_t i = 0; i < n; i++) {
    bool ws = s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r';
    if (!ws)
      qc_buf_putc(b, s[i]);
    else if (!space)
      qc_buf_putc(b, ' ');
    space = ws;
  }
}

void qc_buf_vprintf(qc_buf *b, const char *fmt, va_list ap) {
  va_list copy;
  va_copy(copy, ap);
  int n = vsnprintf(NULL, 0, fmt, copy);
  va_end(copy);
  if (n < 0)
    return;
  qc_buf_grow(b, (size_t)n);
  vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
  b->len += (size_t)n;
}

void qc_buf_printf(qc_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  qc_buf_vprintf(b, fmt, ap);
  va_end(ap);
}

void qc_buf_clear(qc_buf *b) {
  b->len = 0;
  if (b->ptr)
    b->ptr[0] = '\0';
}

void qc_buf_clear_shrink(qc_buf *b, size_t keep) {
  if (b->cap > keep) {
    free(b->ptr);
    *b = (qc_buf){0};
  }
  qc_buf_clear(b);
}

char *qc_buf_detach(qc_buf *b, size_t *len) {
  qc_buf_grow(b, 0);
  char *p = b->ptr;
  if (len)
    *len = b->len;
  b->ptr = NULL;
  b->len = b->cap = 0;
  return p;
}

void qc_buf_release(qc_buf *b) {
  free(b->ptr);
  b->ptr = NULL;
  b->len = b->cap = 0;
}

qc_status qc_buf_read_file(qc_buf *b, const char *path, qc_error *err) {
  bool is_stdin = strcmp(path, "-") == 0;
  FILE *fp = is_stdin ? stdin : fopen(path, "rb");
  if (!fp)
    return qc_error_set(err, QC_ERR_IO, NULL, 0, 0, 0, "cannot open '%s': %s",
                        path, strerror(errno));
  size_t got;
  do {
    qc_buf_grow(b, 65536);
    got = fread(b->ptr + b->len, 1, 65536, fp);
    b->len += got;
  } while (got > 0);
  b->ptr[b->len] = '\0';
  bool failed = ferror(fp);
  int saved = errno;
  if (!is_stdin)
    fclose(fp);
  if (failed)
    return qc_error_set(err, QC_ERR_IO, NULL, 0, 0, 0, "cannot read '%s': %s",
                        path, strerror(saved));
  return QC_OK;
}
