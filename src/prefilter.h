/* prefilter.h: which regex rules can match a segment at all, from the
 * literals every match of a rule must contain. */
#ifndef QC_PREFILTER_H
#define QC_PREFILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Reads PCRE2 pattern 'pat' for a set of literals one of which every match
 * contains, or with 'prefix', one of which every match starts with (after
 * zero-width assertions). Returns false when no such set is known; else
 * sets '*lits' (caller frees each and the array with free()). */
bool qc_regex_literals(const char *pat, size_t len, bool caseless,
                       bool prefix, char ***lits, size_t *n);

/* First byte of a prefix literal that follows a leading \w*, \w+, \w+\s*
 * or \w+\s+: the match starts in the run of word characters before the
 * literal (and before the white space in front of it). */
#define QC_PREFIX_WORDS_0 '\x01'
#define QC_PREFIX_WORDS_1 '\x02'
#define QC_PREFIX_WORDS_SPACES_0 '\x03'
#define QC_PREFIX_WORDS_SPACES_1 '\x04'
/* Added to the marker when \b comes first: the match starts where a word
 * does, so not between two ASCII word characters. */
#define QC_PREFIX_BOUNDARY 0x10
#define QC_PREFIX_KIND(c) ((unsigned char)(c) & 0x0F)
#define QC_PREFIX_IS_MARK(c)                                                   \
  (((unsigned char)(c) & ~QC_PREFIX_BOUNDARY) >= 1 &&                          \
   ((unsigned char)(c) & ~QC_PREFIX_BOUNDARY) <= 4)

/* The longest word run searched for the start of a \w+ / \w* match; a
 * longer one makes the rule scan the whole segment. */
#define QC_PREFIX_MAX_RUN 256

typedef struct qc_prefilter qc_prefilter;

qc_prefilter *qc_prefilter_new(void);
/* Where a match of a rule may start: where one of its prefix literals
 * starts, or inside the word run before it. 'at' QC_PREFILTER_SCAN asks for
 * a scan of the whole segment instead. */
typedef struct qc_prefilter_start {
  uint32_t rule, at;
} qc_prefilter_start;

#define QC_PREFILTER_SCAN UINT32_MAX

/* What a scan found: the rules one of whose literals occurs (in the order
 * first found) and the starts of prefix literals. */
typedef struct qc_prefilter_found {
  uint32_t *rules;
  size_t nrules, rules_cap;
  qc_prefilter_start *v;
  size_t n, cap;
} qc_prefilter_found;

/* Adds a literal that reports rule 'id', with 'prefix' also where matches
 * can start (a literal from qc_regex_literals, marker included); then
 * qc_prefilter_build once. */
void qc_prefilter_add(qc_prefilter *pf, const char *lit, size_t len, size_t id,
                      bool prefix);
/* Returns false when the automaton is too large for its 32-bit table
 * (millions of states): the caller then runs every regex without it. */
bool qc_prefilter_build(qc_prefilter *pf);
/* Fills 'found' (emptied first) with every rule one of whose literals
 * occurs in the text, using hit[rule] (all false on entry; the caller
 * clears the entries of found->rules) to list each once, and with the
 * starts of prefix literals in the order their ends occur. */
void qc_prefilter_scan(const qc_prefilter *pf, const char *text, size_t len,
                       bool *hit, qc_prefilter_found *found);
void qc_prefilter_free(qc_prefilter *pf);

#endif
