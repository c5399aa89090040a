/* match.h: the PCRE2 wrapper. Patterns are compiled once with UTF and UCP
 * (Unicode-aware \b \w \d) and JIT-compiled when the JIT is available. */
#ifndef QC_MATCH_H
#define QC_MATCH_H

#include <stdbool.h>
#include <stddef.h>

typedef struct qc_regex qc_regex;
/* Per-thread match state: match data, match limits, JIT stack. */
typedef struct qc_regex_ctx qc_regex_ctx;

#define QC_REGEX_CASELESS (1u << 0)
#define QC_REGEX_MULTILINE (1u << 1)
/* Matches only at the search's start offset (compiled in, so the JIT
 * keeps it; PCRE2 ignores the JIT for a match-time PCRE2_ANCHORED). */
#define QC_REGEX_ANCHORED (1u << 2)

/* The match limit that bounds the work of one match attempt; a pattern that
 * backtracks catastrophically stops with QC_REGEX_LIMIT. */
#define QC_REGEX_MATCH_LIMIT 5000000u

enum { QC_REGEX_NOMATCH = 0, QC_REGEX_MATCH = 1, QC_REGEX_LIMIT = -1,
       QC_REGEX_ERROR = -2 };

/* Compiles 'pat'. On failure returns NULL, sets '*erroff' to the byte
 * offset in the pattern and writes PCRE2's message into 'msg'. */
qc_regex *qc_regex_compile(const char *pat, size_t len, unsigned flags,
                           size_t *erroff, char *msg, size_t msgsize);
void qc_regex_free(qc_regex *re);

/* Returns the number of the named group 'name', or -1. */
int qc_regex_group(const qc_regex *re, const char *name);

qc_regex_ctx *qc_regex_ctx_new(void);
void qc_regex_ctx_free(qc_regex_ctx *ctx);

/* Looks for a match in s[from..len) of valid UTF-8. Returns QC_REGEX_MATCH
 * with the match in [*start, *end) (and group 'group' in [*gstart, *gend)
 * when group > 0 and the pointers are not NULL), QC_REGEX_NOMATCH, or
 * QC_REGEX_LIMIT / QC_REGEX_ERROR with a message in 'msg'. */
int qc_regex_search(const qc_regex *re, qc_regex_ctx *ctx, const char *s,
                    size_t len, size_t from, size_t *start, size_t *end,
                    char *msg, size_t msgsize);

/* The same, anchored at 'from', also returning group 'group'. */
int qc_regex_match_group(const qc_regex *re, qc_regex_ctx *ctx, const char *s,
                         size_t len, int group, size_t *end, size_t *gstart,
                         size_t *gend);

/* After a match on 'ctx', the span of group 'group'; false when the group
 * took no part in it. */
bool qc_regex_last_group(const qc_regex_ctx *ctx, int group, size_t *gstart,
                         size_t *gend);

/* True when every match starts at the start offset (a pattern that starts
 * with ^ outside multiline mode, or \G), as PCRE2 reads it: such a
 * pattern is tried once per search, so a literal prefilter would not pay. */
bool qc_regex_is_anchored(const qc_regex *re);

/* True when the pattern can match an empty string, at the start of a
 * text or anywhere in it (a lookahead or \b alone). */
bool qc_regex_matches_empty(const qc_regex *re, qc_regex_ctx *ctx);

/* "10.42 2022-12-11 (JIT: yes)" */
void qc_regex_version(char *buf, size_t size);

#endif
