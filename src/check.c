/* check.c: runs the tests a codebook carries: every example must get its
 * code and every counterexample must not, each coded as a segment of its
 * own with the same coder that `qcode apply` uses; and every code must be
 * codable (a rule of its own or in a child). */
#include "codebook.h"
#include "memory.h"

#include <stdlib.h>
#include <string.h>

const char *qc_codebook_file(const qc_codebook *cb) { return cb->file; }

qc_status qc_codebook_check(const qc_codebook *cb, qc_check_result **results,
                            size_t *n, qc_error *err) {
  size_t total = 0;
  for (size_t i = 0; i < cb->ncodes; i++)
    total += cb->codes[i].nexamples + 1;
  qc_check_result *r = qc_xcalloc(total, sizeof *r);
  qc_coder *coder = qc_coder_new(cb);
  qc_status s = QC_OK;
  size_t k = 0;
  for (size_t i = 0; i < cb->ncodes && s == QC_OK; i++) {
    const qc_code *c = &cb->codes[i];
    if (!c->has_rules)
      r[k++] = (qc_check_result){i, QC_CHECK_NO_RULES, NULL, false, c->line,
                                 c->col};
    for (size_t j = 0; j < c->nexamples && s == QC_OK; j++) {
      const qc_example *ex = &c->examples[j];
      const qc_coding *coding;
      s = qc_coder_code(coder, ex->text, strlen(ex->text), &coding, err);
      if (s == QC_OK)
        r[k++] = (qc_check_result){
            i, ex->counter ? QC_CHECK_COUNTEREXAMPLE : QC_CHECK_EXAMPLE,
            ex->text, coding->coded[i] != ex->counter, ex->line, ex->col};
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
