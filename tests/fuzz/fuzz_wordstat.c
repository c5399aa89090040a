/* fuzz_wordstat.c: the WordStat dictionary reader (.cat) on any input. A
 * dictionary that loads has at least one code, each parent before its
 * children, and codes a fixed text without error. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  qc_codebook *cb = NULL;
  qc_error err;
  qc_error_clear(&err);
  qc_status st = qc_codebook_load_mem_as(&cb, (const char *)data, size,
                                         "fuzz.cat", QC_CODEBOOK_WORDSTAT,
                                         &err);
  if (st != QC_OK) {
    FUZZ_CHECK(cb == NULL);
    fuzz_check_error(st, &err);
    FUZZ_CHECK(st == QC_ERR_SCHEMA || st == QC_ERR_UTF8 || st == QC_ERR_REGEX);
    return 0;
  }
  size_t n = qc_codebook_code_count(cb);
  FUZZ_CHECK(n > 0);
  FUZZ_CHECK(qc_codebook_code_parent(cb, 0) == (size_t)-1);
  for (size_t i = 0; i < n; i++) {
    size_t p = qc_codebook_code_parent(cb, i);
    FUZZ_CHECK(p == (size_t)-1 || p < i);
  }
  static const char text[] = "Ik ben blij, niet goed; geen tijd :-) voor "
                             "verdriet. Goede moed! Altijd haast, te laat.";
  qc_coder *coder = qc_coder_new(cb);
  const qc_coding *coding;
  FUZZ_CHECK(qc_coder_code(coder, text, sizeof text - 1, &coding, &err) ==
             QC_OK);
  qc_coder_free(coder);
  qc_codebook_free(cb);
  return 0;
}
