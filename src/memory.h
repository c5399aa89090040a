/* memory.h: allocation that never returns NULL. */
#ifndef QC_MEMORY_H
#define QC_MEMORY_H

#include <stddef.h>

/* Each aborts with "qcode: fatal: out of memory" when the system refuses. */
void *qc_xmalloc(size_t n);
void *qc_xcalloc(size_t count, size_t size);
void *qc_xrealloc(void *p, size_t n);
/* Grows '*p' (an array of 'size'-byte items with capacity '*cap') so that it
 * holds at least 'need' items, doubling. */
void qc_xgrow(void **p, size_t *cap, size_t need, size_t size);
char *qc_xstrdup(const char *s);
char *qc_xstrndup(const char *s, size_t n);

#define QC_GROW(arr, cap, need)                                                \
  qc_xgrow((void **)&(arr), &(cap), (need), sizeof *(arr))

#endif
