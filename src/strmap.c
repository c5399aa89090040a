/* strmap.c: open-addressing string hash map used for word lookup, code
 * paths and tally groups. Linear probing, load factor at most 1/2. */
#include "strmap.h"
#include "memory.h"

#include <stdlib.h>
#include <string.h>

static size_t hash_bytes(const char *s, size_t n) {
  size_t h = QC_STRMAP_HASH_INIT;
  for (size_t i = 0; i < n; i++)
    h = QC_STRMAP_HASH_STEP(h, s[i]);
  return h;
}

static qc_strmap_entry *find_slot(const qc_strmap *m, const char *key,
                                  size_t len, size_t h) {
  size_t mask = m->cap - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    qc_strmap_entry *e = &m->slots[i];
    if (!e->key)
      return e;
    if (e->hash == h && e->len == len && memcmp(e->key, key, len) == 0)
      return e;
  }
}

bool qc_strmap_get(const qc_strmap *m, const char *key, size_t len,
                   size_t *value) {
  return qc_strmap_get_hashed(m, key, len, hash_bytes(key, len), value);
}

bool qc_strmap_get_hashed(const qc_strmap *m, const char *key, size_t len,
                          size_t hash, size_t *value) {
  if (!m->cap)
    return false;
  const qc_strmap_entry *e = find_slot(m, key, len, hash);
  if (!e->key)
    return false;
  *value = e->value;
  return true;
}

static void rehash(qc_strmap *m, size_t cap) {
  qc_strmap old = *m;
  m->slots = qc_xcalloc(cap, sizeof *m->slots);
  m->cap = cap;
  for (size_t i = 0; i < old.cap; i++)
    if (old.slots[i].key)
      *find_slot(m, old.slots[i].key, old.slots[i].len, old.slots[i].hash) =
          old.slots[i];
  free(old.slots);
}

size_t qc_strmap_put(qc_strmap *m, const char *key, size_t len, size_t value) {
  return qc_strmap_put_hashed(m, key, len, hash_bytes(key, len), value);
}

size_t qc_strmap_put_hashed(qc_strmap *m, const char *key, size_t len,
                            size_t h, size_t value) {
  if ((m->count + 1) * 2 > m->cap)
    rehash(m, m->cap ? m->cap * 2 : 16);
  qc_strmap_entry *e = find_slot(m, key, len, h);
  if (e->key)
    return e->value;
  e->key = qc_xstrndup(key, len);
  e->len = len;
  e->hash = h;
  e->value = value;
  m->count++;
  return value;
}

void qc_strmap_release(qc_strmap *m) {
  for (size_t i = 0; i < m->cap; i++)
    free(m->slots[i].key);
  free(m->slots);
  m->slots = NULL;
  m->cap = m->count = 0;
}
