/* fuzz_qdpx.c: the REFI-QDA project reader (a .qdpx zip: project.qde, its
 * sources, their selections) on any input. An import that succeeds gives
 * a coding sheet with its header and only whole rows of six columns. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  qc_error err;
  qc_error_clear(&err);
  qc_reader_opts opts = {QC_UNIT_TURN, NULL, NULL, QC_TEXT_AUTO};
  char *out = NULL;
  size_t len = 0;
  qc_status st = qc_qdpx_import_mem((const char *)data, size, "fuzz.qdpx",
                                    &opts, "Moderator", QC_FORMAT_TSV, &out,
                                    &len, &err);
  if (st != QC_OK) {
    FUZZ_CHECK(out == NULL);
    fuzz_check_error(st, &err);
    FUZZ_CHECK(st == QC_ERR_DATA || st == QC_ERR_UTF8 ||
               st == QC_ERR_TRANSCRIPT || st == QC_ERR_REGEX);
    return 0;
  }
  static const char header[] = "file\tsegment\tline\tlast_line\tspeaker\tcode\n";
  FUZZ_CHECK(len >= sizeof header - 1 && !memcmp(out, header, sizeof header - 1));
  FUZZ_CHECK(out[len - 1] == '\n');
  size_t tabs = 0;
  for (size_t i = 0; i < len; i++) {
    if (out[i] == '\t')
      tabs++;
    else if (out[i] == '\n') {
      FUZZ_CHECK(tabs == 5);
      tabs = 0;
    }
  }
  free(out);
  return 0;
}
