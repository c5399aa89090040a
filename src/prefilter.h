/* prefilter.h: which regex rules can match a segment at all, from the
 * literals every match of a rule must contain. */
#ifndef QC_PREFILTER_H
#define QC_PREFILTER_H

#include <stdbool.h>
#include <stddef.h>

/* Reads PCRE2 pattern 'pat' for a set of literals one of which every match
 * contains. Returns false when no such set is known (the rule must always
 * run); else sets '*lits' (caller frees each and the array with free()). */
bool qc_regex_literals(const char *pat, size_t len, bool caseless,
                       char ***lits, size_t *n);

typedef struct qc_prefilter qc_prefilter;

qc_prefilter *qc_prefilter_new(void);
/* Adds a literal that reports rule 'id'; then qc_prefilter_build once. */
void qc_prefilter_add(qc_prefilter *pf, const char *lit, size_t len, size_t id);
void qc_prefilter_build(qc_prefilter *pf);
/* Sets hit[id] for every rule one of whose literals occurs in the text
 * ('hit' is not cleared first). */
void qc_prefilter_scan(const qc_prefilter *pf, const char *text, size_t len,
                       bool *hit);
void qc_prefilter_free(qc_prefilter *pf);

#endif
