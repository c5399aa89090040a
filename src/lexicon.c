/* lexicon.c: word-pattern index. A pattern is a folded word in which '*'
 * stands for any run of characters. "registr*" (prefix) and "*dossier"
 * (suffix) patterns are keyed by their literal part, so a lookup costs one
 * hash probe per prefix and per suffix of the token, however many patterns
 * there are; patterns with inner or several wildcards are scanned, the
 * common "*infix*" and "begin*end" shapes with plain byte comparisons. */
#include "lexicon.h"
#include "memory.h"
#include "strmap.h"

#include <stdlib.h>
#include <string.h>

typedef struct id_list {
  size_t *ids;
  size_t n, cap;
} id_list;

/* The shape of a scanned pattern: "*lit*" (a substring test), "a*b"
 * (a head and a tail that do not overlap), or any other (a glob match). */
typedef enum { GLOB_INFIX, GLOB_ENDS, GLOB_ANY } glob_kind;

typedef struct glob_pattern {
  char *pat;
  size_t len;
  size_t id;
  glob_kind kind;
  size_t head; /* GLOB_ENDS: the length of the part before the star */
} glob_pattern;

struct qc_lexicon {
  qc_strmap exact, prefix, suffix; /* key -> index into lists */
  id_list *lists;
  size_t nlists, lists_cap;
  size_t min_prefix, max_prefix, min_suffix, max_suffix;
  glob_pattern *globs;
  size_t nglobs, globs_cap;
};

qc_lexicon *qc_lexicon_new(void) {
  qc_lexicon *lx = qc_xcalloc(1, sizeof *lx);
  lx->min_prefix = lx->min_suffix = (size_t)-1;
  return lx;
}

void qc_lexicon_free(qc_lexicon *lx) {
  if (!lx)
    return;
  qc_strmap_release(&lx->exact);
  qc_strmap_release(&lx->prefix);
  qc_strmap_release(&lx->suffix);
  for (size_t i = 0; i < lx->nlists; i++)
    free(lx->lists[i].ids);
  free(lx->lists);
  for (size_t i = 0; i < lx->nglobs; i++)
    free(lx->globs[i].pat);
  free(lx->globs);
  free(lx);
}

/* Suffix keys are hashed from their last byte to their first, so that a
 * lookup hashes all suffixes of a token in one backward pass. */
static size_t hash_back(const char *s, size_t n) {
  size_t h = QC_STRMAP_HASH_INIT;
  while (n-- > 0)
    h = QC_STRMAP_HASH_STEP(h, s[n]);
  return h;
}

static void add_keyed(qc_lexicon *lx, qc_strmap *m, const char *key,
                      size_t len, size_t id) {
  size_t idx = m == &lx->suffix
                   ? qc_strmap_put_hashed(m, key, len, hash_back(key, len),
                                          lx->nlists)
                   : qc_strmap_put(m, key, len, lx->nlists);
  if (idx == lx->nlists) {
    QC_GROW(lx->lists, lx->lists_cap, lx->nlists + 1);
    lx->lists[lx->nlists++] = (id_list){NULL, 0, 0};
  }
  id_list *l = &lx->lists[idx];
  QC_GROW(l->ids, l->cap, l->n + 1);
  l->ids[l->n++] = id;
}

static size_t count_stars(const char *p, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    k += p[i] == '*';
  return k;
}

void qc_lexicon_add(qc_lexicon *lx, const char *pat, size_t len, size_t id) {
  size_t stars = count_stars(pat, len);
  if (stars == 0) {
    add_keyed(lx, &lx->exact, pat, len, id);
  } else if (stars == 1 && len > 1 && pat[len - 1] == '*') {
    add_keyed(lx, &lx->prefix, pat, len - 1, id);
    if (len - 1 < lx->min_prefix)
      lx->min_prefix = len - 1;
    if (len - 1 > lx->max_prefix)
      lx->max_prefix = len - 1;
  } else if (stars == 1 && len > 1 && pat[0] == '*') {
    add_keyed(lx, &lx->suffix, pat + 1, len - 1, id);
    if (len - 1 < lx->min_suffix)
      lx->min_suffix = len - 1;
    if (len - 1 > lx->max_suffix)
      lx->max_suffix = len - 1;
  } else {
    glob_pattern g = {qc_xstrndup(pat, len), len, id, GLOB_ANY, 0};
    if (stars == 2 && len > 2 && pat[0] == '*' && pat[len - 1] == '*')
      g.kind = GLOB_INFIX;
    else if (stars == 1) {
      g.kind = GLOB_ENDS;
      g.head = (size_t)((const char *)memchr(pat, '*', len) - pat);
    }
    QC_GROW(lx->globs, lx->globs_cap, lx->nglobs + 1);
    lx->globs[lx->nglobs++] = g;
  }
}

static void append_list(const id_list *l, size_t **ids, size_t *n,
                        size_t *cap) {
  QC_GROW(*ids, *cap, *n + l->n);
  memcpy(*ids + *n, l->ids, l->n * sizeof **ids);
  *n += l->n;
}

static bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

/* Byte comparison is enough for '*' standing for whole characters: in valid
 * UTF-8 a whole character's bytes cannot match in the middle of another. */
static bool contains(const char *s, size_t n, const char *lit, size_t k) {
  for (const char *p = s, *end = s + n; k <= (size_t)(end - p); p++) {
    if (!(p = memchr(p, lit[0], (size_t)(end - p) - k + 1)))
      return false;
    if (memcmp(p, lit, k) == 0)
      return true;
  }
  return false;
}

static bool glob_matches(const glob_pattern *g, const char *tok, size_t len) {
  switch (g->kind) {
  case GLOB_INFIX:
    return contains(tok, len, g->pat + 1, g->len - 2);
  case GLOB_ENDS: {
    size_t tail = g->len - g->head - 1;
    return len >= g->head + tail && memcmp(tok, g->pat, g->head) == 0 &&
           memcmp(tok + len - tail, g->pat + g->head + 1, tail) == 0;
  }
  default:
    return qc_glob_match(g->pat, g->len, tok, len);
  }
}

void qc_lexicon_lookup(const qc_lexicon *lx, const char *tok, size_t len,
                       size_t **ids, size_t *n, size_t *cap) {
  size_t idx;
  if (qc_strmap_get(&lx->exact, tok, len, &idx))
    append_list(&lx->lists[idx], ids, n, cap);
  /* A '*' matches whole characters, so only cut at character starts. */
  /* The hash of each prefix (suffix) extends that of the one before. */
  if (lx->prefix.count && lx->min_prefix <= len) {
    size_t hi = lx->max_prefix < len ? lx->max_prefix : len;
    size_t h = QC_STRMAP_HASH_INIT;
    for (size_t k = 0; k < lx->min_prefix; k++)
      h = QC_STRMAP_HASH_STEP(h, tok[k]);
    for (size_t k = lx->min_prefix; k <= hi; k++) {
      if ((k == len || !is_continuation((unsigned char)tok[k])) &&
          qc_strmap_get_hashed(&lx->prefix, tok, k, h, &idx))
        append_list(&lx->lists[idx], ids, n, cap);
      if (k < len)
        h = QC_STRMAP_HASH_STEP(h, tok[k]);
    }
  }
  if (lx->suffix.count && lx->min_suffix <= len) {
    size_t hi = lx->max_suffix < len ? lx->max_suffix : len;
    size_t h = QC_STRMAP_HASH_INIT;
    for (size_t k = 0; k < lx->min_suffix; k++)
      h = QC_STRMAP_HASH_STEP(h, tok[len - 1 - k]);
    for (size_t k = lx->min_suffix; k <= hi; k++) {
      if (!is_continuation((unsigned char)tok[len - k]) &&
          qc_strmap_get_hashed(&lx->suffix, tok + len - k, k, h, &idx))
        append_list(&lx->lists[idx], ids, n, cap);
      if (k < len)
        h = QC_STRMAP_HASH_STEP(h, tok[len - 1 - k]);
    }
  }
  for (size_t i = 0; i < lx->nglobs; i++)
    if (glob_matches(&lx->globs[i], tok, len)) {
      QC_GROW(*ids, *cap, *n + 1);
      (*ids)[(*n)++] = lx->globs[i].id;
    }
}

/* Iterative glob with one backtrack point: linear for patterns with one
 * star, O(n*m) at worst, never recursive. */
bool qc_glob_match(const char *pat, size_t plen, const char *s, size_t slen) {
  size_t p = 0, i = 0, star = (size_t)-1, mark = 0;
  while (i < slen) {
    if (p < plen && pat[p] == '*') {
      star = p++;
      mark = i;
    } else if (p < plen && pat[p] == s[i]) {
      p++;
      i++;
    } else if (star != (size_t)-1) {
      p = star + 1;
      i = ++mark;
    } else {
      return false;
    }
  }
  while (p < plen && pat[p] == '*')
    p++;
  return p == plen;
}
