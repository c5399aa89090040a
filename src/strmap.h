/* strmap.h: a hash map from byte strings to size_t values (open
 * addressing, FNV-1a). Keys are copied into the map. */
#ifndef QC_STRMAP_H
#define QC_STRMAP_H

#include <stdbool.h>
#include <stddef.h>

typedef struct qc_strmap_entry {
  char *key;
  size_t len;
  size_t value;
  size_t hash;
} qc_strmap_entry;

typedef struct qc_strmap {
  qc_strmap_entry *slots;
  size_t cap, count;
} qc_strmap;

#define QC_STRMAP_INIT {NULL, 0, 0}

/* Returns the value of 'key' in '*value' and true, or false. */
bool qc_strmap_get(const qc_strmap *m, const char *key, size_t len,
                   size_t *value);
/* Inserts 'key' with 'value' unless present; returns the value now stored
 * (the old one when the key was there). */
size_t qc_strmap_put(qc_strmap *m, const char *key, size_t len, size_t value);
void qc_strmap_release(qc_strmap *m);

#endif
