/* fuzz_tokenize.c: the tokenizer on any bytes (it must not crash on
 * invalid UTF-8 or NUL bytes either). Checks that tokens are non-empty,
 * inside the text, in order and non-overlapping, that the last one ends a
 * sentence, and that every byte outside the tokens is whitespace. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  qc_tokenizer *tz = qc_tokenizer_new();
  const qc_token *tok;
  size_t n = qc_tokenizer_run(tz, (const char *)data, size, &tok);
  fuzz_check_tokens((const char *)data, size, tok, n, 1);
  /* A second run with the same tokenizer gives the same tokens. */
  qc_token *copy = n ? malloc(n * sizeof *copy) : NULL;
  if (n)
    memcpy(copy, tok, n * sizeof *copy);
  size_t m = qc_tokenizer_run(tz, (const char *)data, size, &tok);
  FUZZ_CHECK(m == n);
  for (size_t i = 0; i < n; i++)
    FUZZ_CHECK(copy[i].start == tok[i].start && copy[i].len == tok[i].len &&
               copy[i].type == tok[i].type && copy[i].flags == tok[i].flags);
  free(copy);
  qc_tokenizer_free(tz);
  return 0;
}
