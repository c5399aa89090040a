/* fuzz_qdc.c: the REFI-QDA codebook reader (XML, a .qdpx zip) on any
 * input. When the input imports, the skeleton must load as a codebook,
 * and exporting it, importing that and exporting again must give the same
 * .qdc: what qcode writes, it reads back unchanged. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  qc_error err;
  qc_error_clear(&err);
  char *yaml = NULL;
  size_t len = 0;
  qc_status st =
      qc_qdc_import_mem((const char *)data, size, "fuzz.qdc", &yaml, &len, &err);
  if (st != QC_OK) {
    FUZZ_CHECK(yaml == NULL);
    fuzz_check_error(st, &err);
    FUZZ_CHECK(st == QC_ERR_DATA || st == QC_ERR_SCHEMA || st == QC_ERR_YAML ||
               st == QC_ERR_UTF8);
    return 0;
  }
  FUZZ_CHECK(yaml && strlen(yaml) == len);
  qc_codebook *cb = NULL;
  st = qc_codebook_load_mem(&cb, yaml, len, "fuzz.yaml", &err);
  FUZZ_CHECK(st == QC_OK);
  char *qdc1 = NULL, *yaml2 = NULL, *qdc2 = NULL;
  size_t n1, n2, ny;
  FUZZ_CHECK(qc_qdc_export(cb, &qdc1, &n1, &err) == QC_OK);
  qc_codebook_free(cb);
  FUZZ_CHECK(qc_qdc_import_mem(qdc1, n1, "fuzz.qdc", &yaml2, &ny, &err) ==
             QC_OK);
  FUZZ_CHECK(qc_codebook_load_mem(&cb, yaml2, ny, "fuzz2.yaml", &err) == QC_OK);
  FUZZ_CHECK(qc_qdc_export(cb, &qdc2, &n2, &err) == QC_OK);
  FUZZ_CHECK(n1 == n2 && !memcmp(qdc1, qdc2, n1));
  qc_codebook_free(cb);
  free(yaml);
  free(yaml2);
  free(qdc1);
  free(qdc2);
  return 0;
}
