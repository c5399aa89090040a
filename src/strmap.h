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

/* FNV-1a (Fowler, Noll and Vo), one byte at a time, so that a caller can
 * hash all prefixes (or, stepping backwards, all suffixes) of a string in
 * one pass and probe with qc_strmap_get_hashed. */
#define QC_STRMAP_HASH_INIT ((size_t)14695981039346656037ULL)
#define QC_STRMAP_HASH_STEP(h, c)                                              \
  (((h) ^ (unsigned char)(c)) * (size_t)1099511628211ULL)

/* Returns the value of 'key' in '*value' and true, or false. */
bool qc_strmap_get(const qc_strmap *m, const char *key, size_t len,
                   size_t *value);
/* Inserts 'key' with 'value' unless present; returns the value now stored
 * (the old one when the key was there). */
size_t qc_strmap_put(qc_strmap *m, const char *key, size_t len, size_t value);
/* The same with the key's hash given: keys of one map must all be hashed
 * the same way (the map's own hash, or a caller's, such as FNV-1a over the
 * bytes from last to first). */
bool qc_strmap_get_hashed(const qc_strmap *m, const char *key, size_t len,
                          size_t hash, size_t *value);
size_t qc_strmap_put_hashed(qc_strmap *m, const char *key, size_t len,
                            size_t hash, size_t value);
void qc_strmap_release(qc_strmap *m);

#endif
