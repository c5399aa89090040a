/* lexicon.h: word patterns with '*' wildcards (LIWC style), looked up by
 * token. Exact words and pure prefix and suffix patterns are found by hash
 * (one probe per prefix or suffix length), other patterns by a glob scan. */
#ifndef QC_LEXICON_H
#define QC_LEXICON_H

#include <stdbool.h>
#include <stddef.h>

typedef struct qc_lexicon qc_lexicon;

qc_lexicon *qc_lexicon_new(void);
void qc_lexicon_free(qc_lexicon *lx);

/* Adds a folded pattern that reports 'id' when it matches. */
void qc_lexicon_add(qc_lexicon *lx, const char *pat, size_t len, size_t id);

/* Appends the ids of the patterns matching the folded token to '*ids'
 * (growable, capacity '*cap', count '*n'). Ids may repeat when several
 * patterns of one id match. */
void qc_lexicon_lookup(const qc_lexicon *lx, const char *tok, size_t len,
                       size_t **ids, size_t *n, size_t *cap);

/* True when a folded token matches one pattern. */
bool qc_glob_match(const char *pat, size_t plen, const char *s, size_t slen);

#endif
