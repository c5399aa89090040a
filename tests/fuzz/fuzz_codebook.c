/* fuzz_codebook.c: the codebook loader (YAML, schema, rule compilation)
 * on any input. When the input loads, the code table is checked, the
 * codebook's own tests are run and a fixed Dutch text is coded with it. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char text[] =
    "Eerlijk? Dat geeft tijdswinst, en minder papierwerk. We werken met "
    "tablets aan het bed, bv. het EPD en de app's.\n\n"
    "Geen tijdswinst hoor, alleen planlast! Het systeem crasht ook niet "
    "zelden: 20.000 registraties op 12-03-2024 om 14:30 (zie "
    "https://www.vlaanderen.be of mail jan@example.org) :-) \xE2\x80\x9C"
    "Digitale vaardigheden\xE2\x80\x9D zijn nodig, o.a. voor de 2e lijn; "
    "robots en domotica \xF0\x9F\x98\x80 \xE2\x80\xA6 enz. Zorgverleners "
    "registreren efficiënter.";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  qc_codebook *cb = NULL;
  qc_error err;
  qc_error_clear(&err);
  qc_status st =
      qc_codebook_load_mem(&cb, (const char *)data, size, "fuzz.yaml", &err);
  if (st != QC_OK) {
    FUZZ_CHECK(cb == NULL);
    fuzz_check_error(st, &err);
    FUZZ_CHECK(st == QC_ERR_YAML || st == QC_ERR_SCHEMA ||
               st == QC_ERR_REGEX || st == QC_ERR_UTF8);
    return 0;
  }
  size_t ncodes = qc_codebook_code_count(cb);
  for (size_t i = 0; i < ncodes; i++) {
    const char *path = qc_codebook_code_path(cb, i);
    FUZZ_CHECK(path && path[0]);
    FUZZ_CHECK(qc_codebook_code_label(cb, i) != NULL);
    FUZZ_CHECK(qc_codebook_code_find(cb, path) == i);
    size_t p = qc_codebook_code_parent(cb, i);
    FUZZ_CHECK(p == (size_t)-1 || p < i); /* a parent comes first */
  }
  const char *fp = qc_codebook_fingerprint(cb);
  FUZZ_CHECK(fp && strncmp(fp, "fnv1a64:", 8) == 0 && strlen(fp) == 24);
  FUZZ_CHECK(strcmp(qc_codebook_file(cb), "fuzz.yaml") == 0);

  qc_coder *coder = qc_coder_new(cb);
  const qc_coding *coding;
  st = qc_coder_code(coder, text, sizeof text - 1, &coding, &err);
  if (st == QC_OK) {
    for (size_t i = 0; i < coding->nspans; i++) {
      const qc_span *sp = &coding->spans[i];
      FUZZ_CHECK(sp->start <= sp->end && sp->end <= sizeof text - 1);
      FUZZ_CHECK(sp->code < ncodes && coding->coded[sp->code]);
    }
  } else {
    fuzz_check_error(st, &err);
    FUZZ_CHECK(st == QC_ERR_REGEX);
  }
  qc_coder_free(coder);

  qc_check_result *results = NULL;
  size_t nresults = 0;
  st = qc_codebook_check(cb, &results, &nresults, &err);
  if (st == QC_OK) {
    for (size_t i = 0; i < nresults; i++)
      FUZZ_CHECK(results[i].code < ncodes);
  } else {
    fuzz_check_error(st, &err);
  }
  free(results);
  qc_codebook_free(cb);
  return 0;
}
