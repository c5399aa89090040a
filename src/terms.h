/* terms.h: classes, rule items and the terms they resolve to (terms.c). */
#ifndef QC_TERMS_H
#define QC_TERMS_H

#include "buf.h"
#include "codebook.h"

/* Resolves every class and token-rule item into terms, expands classes and
 * word forms, fills cb->entries and the lexicon cb->words, and registers
 * each rule with the term of its first item. Errors: an unknown class, a
 * class that contains itself, an empty class, a lemma without forms. */
qc_status qc_terms_resolve(qc_codebook *cb, qc_error *err);

/* Frees classes, terms and entries. */
void qc_terms_release(qc_codebook *cb);

/* Appends the classes as written, for the codebook's fingerprint. */
void qc_terms_fingerprint(const qc_codebook *cb, qc_buf *b);

#endif
