/* test_cooccur.c: unit tests of src/cooccur.c: pair counts, the Jaccard
 * index and conditional shares, ancestor pairs left out, groups in order,
 * and a rollback that takes back exactly what came after the mark. */
#include "harness.h"
#include "qcode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char cb_yaml[] = "qcode: 1\n"
                              "codes:\n"
                              "  - id: a\n"
                              "    codes:\n"
                              "      - id: a1\n"
                              "        words: [x]\n"
                              "  - id: b\n"
                              "    words: [y]\n"
                              "  - id: c\n"
                              "    words: [z]\n";

/* A coding that gets the codes whose indices are listed (a: 0, a/a1: 1,
 * b: 2, c: 3). */
typedef struct fake {
  bool coded[4];
  unsigned hits[4];
  uint32_t touched[4];
  qc_coding c;
} fake;

static const qc_coding *coding(fake *f, const char *codes) {
  memset(f, 0, sizeof *f);
  size_t n = 0;
  for (const char *p = codes; *p; p++) {
    size_t i = (size_t)(*p - '0');
    f->coded[i] = true;
    f->hits[i] = 1;
    f->touched[n++] = (uint32_t)i;
  }
  f->c = (qc_coding){f->coded, f->hits, NULL, 0, 5, f->touched, n};
  return &f->c;
}

static qc_codebook *load(void) {
  qc_codebook *cb = NULL;
  qc_codebook_load_mem(&cb, cb_yaml, sizeof cb_yaml - 1, "cb.yaml", NULL);
  return cb;
}

static void counts(qc_test *t) {
  qc_codebook *cb = load();
  if (!OK(t, cb != NULL, "codebook loads"))
    return;
  qc_cooccur_opts o = {QC_FORMAT_TSV, NULL, true};
  qc_cooccur *c = qc_cooccur_new(cb, &o);
  fake f;
  /* touched lists come in no order: the module sorts them */
  qc_cooccur_add(c, NULL, coding(&f, "210"));
  qc_cooccur_add(c, NULL, coding(&f, "2"));
  qc_cooccur_add(c, NULL, coding(&f, "32"));
  qc_cooccur_add(c, NULL, coding(&f, ""));
  size_t len;
  char *out = qc_cooccur_finish(c, &len);
  /* a: 1, b: 3, c: 1; a&b 1 -> jaccard 1/3; b&c 1 -> 1/3, P(c|b) 1/3 */
  STR_EQ(t, out,
         "code_a\tcode_b\tsegments\tsegments_a\tsegments_b\tboth\tjaccard\t"
         "p_b_given_a\tp_a_given_b\n"
         "a\tb\t4\t1\t3\t1\t0.3333\t1.0000\t0.3333\n"
         "a\tc\t4\t1\t1\t0\t0.0000\t0.0000\t0.0000\n"
         "a/a1\tb\t4\t1\t3\t1\t0.3333\t1.0000\t0.3333\n"
         "a/a1\tc\t4\t1\t1\t0\t0.0000\t0.0000\t0.0000\n"
         "b\tc\t4\t3\t1\t1\t0.3333\t0.3333\t1.0000\n",
         "pairs in codebook order, no a with a/a1, all pairs with 'all'");
  INT_EQ(t, len, strlen(out), "length");
  free(out);
  qc_codebook_free(cb);
}

static void groups_and_rollback(qc_test *t) {
  qc_codebook *cb = load();
  if (!OK(t, cb != NULL, "codebook loads"))
    return;
  qc_cooccur_opts o = {QC_FORMAT_CSV, "subsector", false};
  qc_cooccur *c = qc_cooccur_new(cb, &o);
  fake f;
  qc_cooccur_mark(c);
  qc_cooccur_add(c, "zorg", coding(&f, "23"));
  qc_cooccur_mark(c);
  qc_cooccur_add(c, "welzijn", coding(&f, "23"));
  qc_cooccur_add(c, "zorg", coding(&f, "23"));
  qc_cooccur_rollback(c); /* the second file failed midway */
  qc_cooccur_mark(c);
  qc_cooccur_add(c, "welzijn", coding(&f, "2"));
  size_t len;
  char *out = qc_cooccur_finish(c, &len);
  STR_EQ(t, out,
         "subsector,code_a,code_b,segments,segments_a,segments_b,both,"
         "jaccard,p_b_given_a,p_a_given_b\r\n"
         "zorg,b,c,1,1,1,1,1.0000,1.0000,1.0000\r\n",
         "rolled back; welzijn has no co-occurring pair; CSV");
  free(out);
  qc_codebook_free(cb);
}

int main(void) {
  qc_test t = QC_TEST_INIT;
  QC_RUN(&t, counts);
  QC_RUN(&t, groups_and_rollback);
  return qc_test_finish(&t);
}
