/* test_suggest.c: unit tests of src/suggest.c through the public API
 * (qc_suggest_new, qc_suggest_add, qc_suggest_run, qc_suggest_free): the
 * figures of a word rule and an exclusion, computed by hand from their 2x2
 * tables; the warning for turns the sheet lacks; the YAML output; and the
 * errors (a sheet segment its file does not have, a code the codebook has
 * not, a sheet that names none of the files, an unknown opts.codes entry).
 * The codebook and the sheets are written to files in a private temporary
 * directory (qc_suggest_run reads the codebook again for each rule). */
#include "harness.h"
#include "qcode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char tmpdir[64];

/* Writes 'data' to tmpdir/name; returns its path (static, one per name
 * slot: the caller copies it when it needs two). */
static const char *write_file(const char *name, const char *data) {
  static char path[128];
  snprintf(path, sizeof path, "%s/%s", tmpdir, name);
  FILE *fp = fopen(path, "wb");
  size_t len = strlen(data);
  if (!fp || fwrite(data, 1, len, fp) != len || fclose(fp) != 0) {
    fprintf(stderr, "cannot write '%s'\n", path);
    exit(2);
  }
  return path;
}

static void remove_file(const char *name) {
  char path[128];
  snprintf(path, sizeof path, "%s/%s", tmpdir, name);
  remove(path);
}

static const char cb_yaml[] = "qcode: 1\n"
                              "codes:\n"
                              "  - id: gain\n"
                              "    words: [winst]\n";

/* Nine turns of f.txt. qcode (words: [winst]) codes 3, 5, 7 and 8; the
 * sheet codes 1, 2, 3 and 7:
 *
 *   turn  text                            qcode  sheet
 *   1     Dat geeft tijdswinst.           -      gain
 *   2     Tijdswinst, zeker.              -      gain
 *   3     Veel winst.                     gain   gain
 *   4     Geen idee.                      -      -
 *   5     De winst is klein, zogezegd.    gain   -
 *   6     Het weer is mooi.               -      -
 *   7     Winst overal.                   gain   gain
 *   8     Winst, zogezegd.                gain   -
 *   9     Niets nieuws.                   -      -
 */
static const char *const texts[] = {
    "Dat geeft tijdswinst.", "Tijdswinst, zeker.",
    "Veel winst.",           "Geen idee.",
    "De winst is klein, zogezegd.", "Het weer is mooi.",
    "Winst overal.",         "Winst, zogezegd.",
    "Niets nieuws."};
#define NTEXTS (sizeof texts / sizeof *texts)

static const char sheet_tsv[] = "file\tsegment\tcode\n"
                                "f.txt\t1\tgain\n"
                                "f.txt\t2\tgain\n"
                                "f.txt\t3\tgain\n"
                                "f.txt\t4\t\n"
                                "f.txt\t5\t\n"
                                "f.txt\t6\t\n"
                                "f.txt\t7\tgain\n"
                                "f.txt\t8\t\n"
                                "f.txt\t9\t\n";

static qc_suggest *segments(size_t n) {
  qc_suggest *sg = qc_suggest_new();
  for (size_t i = 0; i < n; i++)
    qc_suggest_add(sg, "f.txt", i + 1, texts[i], strlen(texts[i]));
  return sg;
}

static qc_suggest_opts default_opts(void) {
  qc_suggest_opts o;
  memset(&o, 0, sizeof o); /* no codes, no warning: as the CLI's defaults */
  o.format = QC_FORMAT_TSV;
  o.top = 5;
  o.min_turns = 2;
  o.within = 5;
  return o;
}

/* The cell of row 'row' (0: the header) and column 'col' (0-based) of a
 * TSV table, copied into 'cell'. */
static const char *cell_of(const char *table, int row, int col) {
  static char cell[256];
  const char *p = table;
  for (int r = 0; r < row && p; r++)
    if ((p = strchr(p, '\n')))
      p++;
  for (int c = 0; c < col && p && *p && *p != '\n'; c++) {
    p += strcspn(p, "\t\n");
    if (*p == '\t')
      p++;
    else
      p = NULL;
  }
  if (!p || !*p)
    return "(none)";
  size_t n = strcspn(p, "\t\n");
  if (n >= sizeof cell)
    n = sizeof cell - 1;
  memcpy(cell, p, n);
  cell[n] = 0;
  return cell;
}

static int count_lines(const char *s) {
  int n = 0;
  for (; *s; s++)
    n += *s == '\n';
  return n;
}

/* Before: a (both code) = {3, 7} = 2, b (qcode only) = {5, 8} = 2,
 * c (sheet only) = {1, 2} = 2, d (neither) = {4, 6, 9} = 3, n = 9.
 *   p_o = (a + d) / n = 5/9
 *   p_e = ((a + b)(a + c) + (c + d)(b + d)) / n^2 = (4*4 + 5*5) / 81 = 41/81
 *   kappa = (p_o - p_e) / (1 - p_e) = (45 - 41) / (81 - 41) = 4/40 = 0.1000
 *   precision a / (a + b) = 2/4 = 0.5000, recall a / (a + c) = 2/4 = 0.5000
 * {words: [tijdswinst]} codes 1 and 2 as well: a = 4, b = 2, c = 0, d = 3:
 *   p_o = 7/9, p_e = (6*4 + 3*5) / 81 = 39/81,
 *   kappa = (63 - 39) / (81 - 39) = 24/42 = 0.5714 (+0.4714),
 *   precision 4/6 = 0.6667, recall 4/4 = 1.0000.
 * The exclusion {words: [zogezegd]} uncodes 5 and 8: a = 2, b = 0, c = 2,
 * d = 5: p_o = 7/9, p_e = (2*4 + 7*5) / 81 = 43/81,
 *   kappa = (63 - 43) / (81 - 43) = 20/38 = 0.5263 (+0.4263),
 *   precision 2/2 = 1.0000, recall 2/4 = 0.5000.
 * No other candidate: "tijdswinst" and "zogezegd" are the only words of
 * two target turns each that are not function words, shown in no other
 * form, and the codebook has no classes; excluding "winst" uncodes all,
 * and kappa 0 is no gain. */
static void figures(qc_test *t) {
  const char *cb = write_file("cb.yaml", cb_yaml);
  char cbpath[128];
  snprintf(cbpath, sizeof cbpath, "%s", cb);
  const char *sheet = write_file("sheet.tsv", sheet_tsv);
  qc_suggest *sg = segments(NTEXTS);
  qc_suggest_opts o = default_opts();
  static char unset[] = "unset";
  char *warning = unset;
  o.warning = &warning;
  char *out = NULL;
  size_t len = 0;
  qc_error err;
  qc_error_clear(&err);
  qc_status s = qc_suggest_run(sg, cbpath, sheet, &o, &out, &len, &err);
  INT_EQ(t, s, QC_OK, "runs");
  if (!OK(t, out != NULL, "a table")) {
    qc_suggest_free(sg);
    return;
  }
  STR_EQ(t, warning, NULL, "no warning: the sheet has every turn");
  INT_EQ(t, len, strlen(out), "length");
  INT_EQ(t, count_lines(out), 3, "header, one rule, one exclusion");
  STR_EQ(t, cell_of(out, 0, 0), "code", "header");
  STR_EQ(t, cell_of(out, 0, 16), "wrong_turns", "17 columns");
  STR_EQ(t, cell_of(out, 1, 0), "gain", "row 1: code");
  STR_EQ(t, cell_of(out, 1, 1), "rule", "row 1: action");
  STR_EQ(t, cell_of(out, 1, 2), "1", "row 1: rank");
  STR_EQ(t, cell_of(out, 1, 3), "word", "row 1: kind");
  STR_EQ(t, cell_of(out, 1, 4), "{words: [tijdswinst]}", "row 1: rule");
  STR_EQ(t, cell_of(out, 1, 5), "2", "row 1: changed");
  STR_EQ(t, cell_of(out, 1, 6), "2", "row 1: right");
  STR_EQ(t, cell_of(out, 1, 7), "0", "row 1: wrong");
  STR_EQ(t, cell_of(out, 1, 8), "0.1000", "row 1: kappa_before 4/40");
  STR_EQ(t, cell_of(out, 1, 9), "0.5714", "row 1: kappa_after 24/42");
  STR_EQ(t, cell_of(out, 1, 10), "0.4714", "row 1: kappa_change");
  STR_EQ(t, cell_of(out, 1, 11), "0.5000", "row 1: precision_before 2/4");
  STR_EQ(t, cell_of(out, 1, 12), "0.6667", "row 1: precision_after 4/6");
  STR_EQ(t, cell_of(out, 1, 13), "0.5000", "row 1: recall_before 2/4");
  STR_EQ(t, cell_of(out, 1, 14), "1.0000", "row 1: recall_after 4/4");
  STR_EQ(t, cell_of(out, 1, 15), "f.txt:1;f.txt:2", "row 1: right_turns");
  STR_EQ(t, cell_of(out, 1, 16), "", "row 1: no wrong_turns");
  STR_EQ(t, cell_of(out, 2, 1), "exclude", "row 2: action");
  STR_EQ(t, cell_of(out, 2, 2), "1", "row 2: rank");
  STR_EQ(t, cell_of(out, 2, 3), "word", "row 2: kind");
  STR_EQ(t, cell_of(out, 2, 4), "{words: [zogezegd]}", "row 2: rule");
  STR_EQ(t, cell_of(out, 2, 5), "2", "row 2: changed");
  STR_EQ(t, cell_of(out, 2, 8), "0.1000", "row 2: kappa_before");
  STR_EQ(t, cell_of(out, 2, 9), "0.5263", "row 2: kappa_after 20/38");
  STR_EQ(t, cell_of(out, 2, 10), "0.4263", "row 2: kappa_change");
  STR_EQ(t, cell_of(out, 2, 12), "1.0000", "row 2: precision_after 2/2");
  STR_EQ(t, cell_of(out, 2, 14), "0.5000", "row 2: recall_after 2/4");
  STR_EQ(t, cell_of(out, 2, 15), "f.txt:5;f.txt:8", "row 2: right_turns");
  free(out);
  out = NULL;

  /* min_turns 3: no candidate fixes three turns */
  o.min_turns = 3;
  s = qc_suggest_run(sg, cbpath, sheet, &o, &out, &len, &err);
  INT_EQ(t, s, QC_OK, "min_turns 3 runs");
  STR_EQ(t, out ? cell_of(out, 1, 0) : NULL, "(none)",
         "min_turns 3: only the header");
  free(out);
  out = NULL;

  /* the same as YAML to paste */
  o = default_opts();
  o.yaml = true;
  s = qc_suggest_run(sg, cbpath, sheet, &o, &out, &len, &err);
  INT_EQ(t, s, QC_OK, "yaml runs");
  OK(t, out && strstr(out, "\ngain:\n  # now: kappa 0.1000, precision 0.5000, "
                           "recall 0.5000; 4 turns coded on the sheet, 4 by "
                           "qcode\n  rules:\n    - {words: [tijdswinst]}\n"
                           "      # kappa 0.5714 (+0.4714),"),
     "yaml: the code, its figures, the rule under rules:");
  OK(t, out && strstr(out, "  exclude:\n    rules:\n      - {words: [zogezegd]}\n"),
     "yaml: the exclusion under exclude: rules:");
  free(out);
  out = NULL;

  /* a code asked for that the codebook has not: a usage error */
  o = default_opts();
  static const char *const codes[] = {"gain", "loss"};
  o.codes = codes;
  o.ncodes = 2;
  qc_error_clear(&err);
  s = qc_suggest_run(sg, cbpath, sheet, &o, &out, &len, &err);
  INT_EQ(t, s, QC_ERR_USAGE, "unknown opts.codes entry");
  INT_EQ(t, err.code, QC_ERR_USAGE, "err.code");
  OK(t, strstr(err.msg, "'loss'") != NULL, "the message names the code");
  OK(t, out == NULL, "no table on error");
  free(out);
  qc_suggest_free(sg);
  remove_file("cb.yaml");
  remove_file("sheet.tsv");
}

/* A turn added that the sheet lacks is left out, with a warning; the
 * figures are those of the other turns. Turn 9 (neither codes it) left
 * out: a = 2, b = 2, c = 2, d = 2: p_o = p_e = 1/2, kappa 0. */
static void warning(qc_test *t) {
  const char *cb = write_file("cb.yaml", cb_yaml);
  char cbpath[128];
  snprintf(cbpath, sizeof cbpath, "%s", cb);
  char lacking[sizeof sheet_tsv];
  memcpy(lacking, sheet_tsv, sizeof sheet_tsv);
  *strstr(lacking, "f.txt\t9\t\n") = 0;
  const char *sheet = write_file("sheet.tsv", lacking);
  qc_suggest *sg = segments(NTEXTS);
  qc_suggest_opts o = default_opts();
  char *warning = NULL;
  o.warning = &warning;
  char *out = NULL;
  size_t len = 0;
  qc_error err;
  qc_status s = qc_suggest_run(sg, cbpath, sheet, &o, &out, &len, &err);
  INT_EQ(t, s, QC_OK, "runs");
  STR_EQ(t, warning,
         "1 segment of the files given is not on the sheet and is left out",
         "the warning");
  STR_EQ(t, out ? cell_of(out, 1, 8) : NULL, "0.0000",
         "kappa_before on the 8 turns on the sheet");
  free(warning);
  free(out);
  qc_suggest_free(sg);
  remove_file("cb.yaml");
  remove_file("sheet.tsv");
}

/* Data errors: at the sheet's row (file and line), QC_ERR_DATA. */
static void errors(qc_test *t) {
  const char *cb = write_file("cb.yaml", cb_yaml);
  char cbpath[128];
  snprintf(cbpath, sizeof cbpath, "%s", cb);
  qc_suggest *sg = segments(NTEXTS);
  qc_suggest_opts o = default_opts();
  char *out = NULL;
  size_t len = 0;
  qc_error err;
  char sheet[sizeof sheet_tsv + 64];

  /* segment 10 of f.txt, on line 5: f.txt has 9 */
  snprintf(sheet, sizeof sheet, "file\tsegment\tcode\nf.txt\t1\tgain\n"
                                "f.txt\t2\tgain\nf.txt\t3\tgain\n"
                                "f.txt\t10\tgain\n");
  const char *path = write_file("missing.tsv", sheet);
  qc_error_clear(&err);
  qc_status s = qc_suggest_run(sg, cbpath, path, &o, &out, &len, &err);
  INT_EQ(t, s, QC_ERR_DATA, "a sheet segment its file does not have");
  INT_EQ(t, err.code, QC_ERR_DATA, "err.code");
  STR_EQ(t, err.file, path, "at the sheet");
  INT_EQ(t, err.line, 5, "at the row's line");
  OK(t, strstr(err.msg, "segment 10 of 'f.txt'") != NULL, "the message");
  OK(t, out == NULL, "no table");
  remove_file("missing.tsv");

  /* a code the codebook has not, on line 3 */
  snprintf(sheet, sizeof sheet, "file\tsegment\tcode\nf.txt\t1\tgain\n"
                                "f.txt\t2\tloss\n");
  path = write_file("unknown.tsv", sheet);
  qc_error_clear(&err);
  s = qc_suggest_run(sg, cbpath, path, &o, &out, &len, &err);
  INT_EQ(t, s, QC_ERR_DATA, "a code the codebook has not");
  INT_EQ(t, err.line, 3, "at the row's line");
  OK(t, strstr(err.msg, "'loss'") != NULL, "the message names the code");
  remove_file("unknown.tsv");

  /* no 'code' column */
  path = write_file("nocode.tsv", "file\tsegment\nf.txt\t1\n");
  qc_error_clear(&err);
  s = qc_suggest_run(sg, cbpath, path, &o, &out, &len, &err);
  INT_EQ(t, s, QC_ERR_DATA, "no 'code' column");
  INT_EQ(t, err.line, 1, "on the header line");
  OK(t, strstr(err.msg, "'code'") != NULL, "the message names the column");
  remove_file("nocode.tsv");

  /* none of the files given */
  path = write_file("other.tsv", "file\tsegment\tcode\ng.txt\t1\tgain\n");
  qc_error_clear(&err);
  s = qc_suggest_run(sg, cbpath, path, &o, &out, &len, &err);
  INT_EQ(t, s, QC_ERR_DATA, "a sheet that names none of the files");
  OK(t, strstr(err.msg, "'g.txt'") && strstr(err.msg, "'f.txt'"),
     "the message compares the names");
  remove_file("other.tsv");
  OK(t, out == NULL, "no table after any error");

  qc_suggest_free(sg);
  remove_file("cb.yaml");
}

int main(void) {
  snprintf(tmpdir, sizeof tmpdir, "/tmp/qc_test_suggest.XXXXXX");
  if (!mkdtemp(tmpdir)) {
    perror("mkdtemp");
    return 2;
  }
  qc_test t = QC_TEST_INIT;
  QC_RUN(&t, figures);
  QC_RUN(&t, warning);
  QC_RUN(&t, errors);
  rmdir(tmpdir);
  return qc_test_finish(&t);
}
