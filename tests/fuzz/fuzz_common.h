/* fuzz_common.h: invariant checks shared by the fuzz targets. Only static
 * functions, so each target still defines nothing but
 * LLVMFuzzerTestOneInput. A failed check calls abort(), which libFuzzer
 * and the replay driver both report as a crash. */
#ifndef QC_FUZZ_COMMON_H
#define QC_FUZZ_COMMON_H

#include "qcode.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define FUZZ_CHECK(cond)                                                       \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__,     \
              #cond);                                                          \
      abort();                                                                 \
    }                                                                          \
  } while (0)

/* A code point the tokenizer may skip between tokens: ASCII whitespace,
 * a Unicode space or line/paragraph separator, a zero-width space or a
 * stray byte order mark. Returns its length, or 0 when the bytes at s are
 * not such a character (including invalid UTF-8). */
static inline size_t fuzz_space_len(const unsigned char *s, size_t len) {
  if (s[0] < 0x80)
    return (s[0] == ' ' || (s[0] >= '\t' && s[0] <= '\r')) ? 1 : 0;
  utf8proc_int32_t cp;
  utf8proc_ssize_t n =
      utf8proc_iterate(s, len > 4 ? 4 : (utf8proc_ssize_t)len, &cp);
  if (n <= 0)
    return 0;
  if (cp == 0x200B || cp == 0xFEFF)
    return (size_t)n;
  switch (utf8proc_category(cp)) {
  case UTF8PROC_CATEGORY_ZS:
  case UTF8PROC_CATEGORY_ZL:
  case UTF8PROC_CATEGORY_ZP:
    return (size_t)n;
  default:
    return 0;
  }
}

/* Checks what qc_tokenizer_run promises for 'n' tokens of text[0..len):
 * non-empty tokens inside the text, in order and non-overlapping, a known
 * type, the last one ending a sentence; with 'covered', also that every
 * byte outside the tokens belongs to a whitespace character. */
static inline void fuzz_check_tokens(const char *text, size_t len,
                              const qc_token *tok, size_t n, int covered) {
  const unsigned char *s = (const unsigned char *)text;
  size_t pos = 0; /* end of the previous token */
  for (size_t i = 0; i <= n; i++) {
    size_t start = i < n ? tok[i].start : len;
    if (i < n) {
      FUZZ_CHECK(tok[i].len > 0);
      FUZZ_CHECK(tok[i].start <= len && tok[i].len <= len - tok[i].start);
      FUZZ_CHECK(tok[i].start >= pos);
      FUZZ_CHECK((unsigned)tok[i].type <= (unsigned)QC_TOK_EMOTICON);
      FUZZ_CHECK(strcmp(qc_token_type_name(tok[i].type), "unknown") != 0);
      FUZZ_CHECK((tok[i].flags & ~QC_TOKF_SENTENCE_END) == 0);
    }
    if (covered) {
      while (pos < start) {
        size_t k = fuzz_space_len(s + pos, start - pos);
        if (k == 0) {
          fprintf(stderr, "byte 0x%02X at offset %zu is in no token\n",
                  s[pos], pos);
          FUZZ_CHECK(!"every non-space byte is in a token");
        }
        pos += k;
      }
    }
    if (i < n)
      pos = tok[i].start + tok[i].len;
  }
  if (n > 0)
    FUZZ_CHECK(tok[n - 1].flags & QC_TOKF_SENTENCE_END);
}

/* Checks a failed call's diagnostic: the status is recorded, with a
 * message. */
static inline void fuzz_check_error(qc_status st, const qc_error *err) {
  FUZZ_CHECK(st != QC_OK);
  FUZZ_CHECK(err->code == st);
  FUZZ_CHECK(memchr(err->msg, '\0', sizeof err->msg) != NULL);
  FUZZ_CHECK(err->msg[0] != '\0');
  FUZZ_CHECK(strcmp(qc_status_str(st), "") != 0);
}

#endif
