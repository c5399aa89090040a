/* buf.h: a growable byte buffer with explicit lengths (cmark's strbuf, git's
 * strbuf). ptr is always NUL-terminated once anything was added. */
#ifndef QC_BUF_H
#define QC_BUF_H

#include "qcode.h"

#include <stdarg.h>
#include <stddef.h>

typedef struct qc_buf {
  char *ptr;
  size_t len, cap;
} qc_buf;

#define QC_BUF_INIT {NULL, 0, 0}

/* Makes room for 'extra' more bytes plus a NUL, and NUL-terminates. */
void qc_buf_grow(qc_buf *b, size_t extra);
void qc_buf_put(qc_buf *b, const void *p, size_t n);
void qc_buf_puts(qc_buf *b, const char *s);
void qc_buf_putc(qc_buf *b, char c);
/* Appends s[0..n) on one line: each run of white space (spaces, tabs,
 * line ends) as one space. */
void qc_buf_put_flat(qc_buf *b, const char *s, size_t n);
void qc_buf_printf(qc_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void qc_buf_vprintf(qc_buf *b, const char *fmt, va_list ap);
/* Empties the buffer, keeping its memory. */
void qc_buf_clear(qc_buf *b);
/* Empties the buffer and gives its memory back when it holds more than
 * 'keep' bytes, so one huge line does not stay resident. */
void qc_buf_clear_shrink(qc_buf *b, size_t keep);
/* Returns the contents (caller frees with free()) and resets the buffer. */
char *qc_buf_detach(qc_buf *b, size_t *len);
/* Appends the whole content of file 'path' ("-": standard input; pipes and
 * process substitutions work). Errors: QC_ERR_IO. */
qc_status qc_buf_read_file(qc_buf *b, const char *path, qc_error *err);
/* Frees the memory and resets the buffer. */
void qc_buf_release(qc_buf *b);

#endif
