/* utf8.h: UTF-8 decoding, character classes and folding. The only module
 * that calls utf8proc. */
#ifndef QC_UTF8_H
#define QC_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes the code point at s[0..len). Returns its length in bytes (1-4), or
 * 0 for invalid UTF-8 (overlong forms and surrogates included), with
 * '*cp' = -1. */
int qc_utf8_decode(const char *s, size_t len, int32_t *cp);

/* Returns the offset of the first byte that is not valid UTF-8, or 'len'. */
size_t qc_utf8_check(const char *s, size_t len);

/* Number of code points in s[0..len) (invalid bytes count one each). */
size_t qc_utf8_count(const char *s, size_t len);

/* Whether an XML 1.0 document may hold 'cp' (XML 1.0, 5th ed., section
 * 2.2, production [2] Char: tab, line feed, carriage return,
 * U+0020-U+D7FF, U+E000-U+FFFD, U+10000-U+10FFFF). */
bool qc_utf8_xml_allowed(int32_t cp);

struct qc_buf;
/* Appends 's' with each character qc_utf8_xml_allowed refuses (and each
 * invalid byte) as U+FFFD; NULL is empty. Markup characters are left to
 * the caller. */
void qc_utf8_put_xml(struct qc_buf *b, const char *s);

/* Encodes 'cp' into 'out'; returns the number of bytes written. */
int qc_utf8_encode(int32_t cp, char out[4]);

/* "2.8.0 (Unicode 15.0.0)" */
const char *qc_utf8_library_version(void);

/* Coarse character classes from the Unicode general category. */
typedef enum {
  QC_CC_LETTER,  /* L* */
  QC_CC_MARK,    /* M* */
  QC_CC_DIGIT,   /* Nd */
  QC_CC_NUMERIC, /* Nl, No */
  QC_CC_SPACE,   /* Z*, and tab, newline, CR, VT, FF */
  QC_CC_DASH,    /* Pd */
  QC_CC_OPEN,    /* Ps */
  QC_CC_CLOSE,   /* Pe */
  QC_CC_QUOTE_I, /* Pi */
  QC_CC_QUOTE_F, /* Pf */
  QC_CC_PUNCT,   /* Po, Pc */
  QC_CC_SYMBOL,  /* Sm, Sc, Sk */
  QC_CC_SYMBOL_OTHER, /* So: pictographs and emoji */
  QC_CC_FORMAT,  /* Cf: ZWJ, soft hyphen, ... */
  QC_CC_OTHER    /* controls, private use, unassigned */
} qc_charclass;

qc_charclass qc_utf8_class(int32_t cp);
bool qc_utf8_is_upper(int32_t cp);
/* True where UAX #29 allows an extended grapheme cluster break between 'a'
 * and 'b'; '*state' starts at 0 and is carried along the text. */
bool qc_utf8_grapheme_break(int32_t a, int32_t b, int32_t *state);

/* Folding for matching: Unicode compatibility caseless matching (The Unicode
 * Standard, section 3.13, D146: NFKC of the case folding), plus utf8proc's
 * IGNORE (soft hyphens and other default-ignorables removed) and LUMP (curly
 * quotes to ' and ", dashes to -). QC_FOLD_MARKS also strips combining
 * marks ("creëren" -> "creeren"); without QC_FOLD_CASE the case is kept. */
#define QC_FOLD_CASE (1u << 0)
#define QC_FOLD_MARKS (1u << 1)

/* A byte offset pair where the folded text stops running in step with the
 * original: 'linear' anchors start a stretch where offsets advance together;
 * others start a cluster whose folded length differs. */
typedef struct qc_fold_anchor {
  size_t orig, fold;
  bool linear;
} qc_fold_anchor;

typedef struct qc_fold {
  unsigned opts;
  char *out; /* folded text, NUL-terminated */
  size_t len, cap;
  qc_fold_anchor *anchors; /* sorted in both coordinates */
  size_t nanchors, anchors_cap;
  int32_t *scratch;
  size_t scratch_cap;
  size_t orig_len;
} qc_fold;

#define QC_FOLD_INIT(o) {(o), NULL, 0, 0, NULL, 0, 0, NULL, 0, 0}

/* Folds s[0..len) into f->out, reusing f's memory. Invalid bytes are copied
 * unchanged. */
void qc_fold_run(qc_fold *f, const char *s, size_t len);
/* Maps an offset of the original text to the folded text, and back. */
size_t qc_fold_to_folded(const qc_fold *f, size_t orig);
/* The same for offsets taken in increasing order: '*at' (0 at first)
 * remembers the anchor reached, so a pass over a text is linear. */
size_t qc_fold_to_folded_next(const qc_fold *f, size_t orig, size_t *at);
size_t qc_fold_to_orig(const qc_fold *f, size_t fold);
/* The same for the end of a span: an offset inside a folded cluster maps to
 * the end of the original cluster, so a span always covers whole
 * characters. */
size_t qc_fold_to_orig_end(const qc_fold *f, size_t fold);
void qc_fold_release(qc_fold *f);

/* Folds a whole string; caller frees the result with free(). */
char *qc_fold_string(const char *s, size_t len, unsigned opts, size_t *outlen);

#endif
