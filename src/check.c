/* check.c: runs the tests a codebook carries: every example must get its
 * code and every counterexample must not, each coded as a segment of its
 * own with the same coder that `qcode apply` uses. */
#include "codebook.h"
#include "memory.h"

#include <stdlib.h>
#include <string.h>

const char *qc_codebook_file(const qc_codebook *cb) { return cb->file; }

qc_status qc_codebook_run_examples(const qc_codebook *cb,
                                   qc_example_result **results, size_t *n,
                                   qc_error *err) {
  size_t total = 0;
  for (size_t i = 0; i < cb->ncodes; i++)
    total += cb->codes[i].nexamples;
  qc_example_result *r = qc_xcalloc(total, sizeof *r);
  qc_coder *coder = qc_coder_new(cb);
  qc_status s = QC_OK;
  size_t k = 0;
  for (size_t i = 0; i < cb->ncodes && s == QC_OK; i++) {
    const qc_code *c = &cb->codes[i];
    for (size_t j = 0; j < c->nexamples && s == QC_OK; j++) {
      const qc_example *ex = &c->examples[j];
      const qc_coding *coding;
      s = qc_coder_code(coder, ex->text, strlen(ex->text), &coding, err);
      if (s != QC_OK)
        break;
      r[k++] = (qc_example_result){i,       ex->text, ex->counter,
                                   coding->coded[i] != ex->counter,
                                   ex->line, ex->col};
    }
  }
  qc_coder_free(coder);
  if (s != QC_OK) {
    free(r);
    r = NULL;
    k = 0;
  }
  *results = r;
  *n = k;
  return s;
}
