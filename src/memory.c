/* memory.c: allocation wrappers. Running out of memory is fatal in qcode,
 * as in cmark and jq, so callers never check for NULL. This is the one place
 * where the library writes to stderr: it cannot report through qc_error when
 * there is no memory left to unwind with. */
#include "memory.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(void) {
  fputs("qcode: fatal: out of memory\n", stderr);
  abort();
}

void *qc_xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p)
    out_of_memory();
  return p;
}

void *qc_xcalloc(size_t count, size_t size) {
  void *p = calloc(count ? count : 1, size ? size : 1);
  if (!p)
    out_of_memory();
  return p;
}

void *qc_xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q)
    out_of_memory();
  return q;
}

void qc_xgrow(void **p, size_t *cap, size_t need, size_t size) {
  if (need <= *cap)
    return;
  size_t n = *cap ? *cap : 8;
  while (n < need) {
    if (n > SIZE_MAX / 2 / size)
      out_of_memory();
    n *= 2;
  }
  *p = qc_xrealloc(*p, n * size);
  *cap = n;
}

char *qc_xstrndup(const char *s, size_t n) {
  char *d = qc_xmalloc(n + 1);
  memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

char *qc_xstrdup(const char *s) { return qc_xstrndup(s, strlen(s)); }
