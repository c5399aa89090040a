/* cmd_check.c: `qcode check`, validate a codebook and run its examples. */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

static const char usage[] =
    "usage: qcode check [OPTIONS] CODEBOOK...\n"
    "\n"
    "Loads each codebook, which validates it (YAML, schema, unknown keys,\n"
    "duplicate ids, regexes, wildcards, empty rule lists, patterns that match\n"
    "the empty string), flags codes without rules, then codes every example\n"
    "(must get its code) and counterexample (must not). Each failure is one\n"
    "line on stderr:\n"
    "  qcode: FILE:LINE:COL: error: code 'ID': example not coded: \"...\"\n"
    "A regex that token rules (words, phrases with gaps, near) could say\n"
    "gets a warning, which does not fail the check.\n"
    "\n"
    "Options:\n"
    "  -v, --verbose           print a summary line per codebook on stdout\n"
    "  -h, --help              show this help\n"
    "\n"
    "Exit status: 0 all pass; 1 an example or counterexample fails, or a code\n"
    "has no rules;\n"
    "2 usage error; 3 a codebook cannot be loaded; 4 I/O error.\n";

static const struct option options[] = {
    {"verbose", no_argument, NULL, 'v'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

/* Prints the text on one line, as a quoted string. */
static void print_quoted(const char *s) {
  fputc('"', stderr);
  for (; *s; s++) {
    if (*s == '\n')
      fputs("\\n", stderr);
    else if (*s == '"' || *s == '\\')
      fprintf(stderr, "\\%c", *s);
    else
      fputc(*s, stderr);
  }
  fputs("\"\n", stderr);
}

static int check_one(const char *path, bool verbose) {
  qc_error err;
  qc_error_clear(&err);
  qc_codebook *cb;
  if (qc_codebook_load(&cb, path, &err) != QC_OK)
    return cli_report(&err);
  qc_check_result *r;
  size_t n, failed = 0, examples = 0, warnings = 0, unmatchable = 0;
  if (qc_codebook_check(cb, &r, &n, &err) != QC_OK) {
    qc_codebook_free(cb);
    return cli_report(&err);
  }
  for (size_t i = 0; i < n; i++) {
    if (r[i].kind == QC_CHECK_UNMATCHABLE) {
      fprintf(stderr, "qcode: %s:%u:%u: warning: ", qc_codebook_file(cb),
              r[i].line, r[i].col);
      if (r[i].code != (size_t)-1)
        fprintf(stderr, "code '%s': ", qc_codebook_code_path(cb, r[i].code));
      fprintf(stderr,
              "word pattern '%s' can never match: no word has a double "
              "quote or white space (a YAML quoting slip? write \"'t\" or "
              "'z''n')\n",
              r[i].text);
      unmatchable++;
      continue;
    }
    if (r[i].kind == QC_CHECK_REGEX_TOKENS) {
      fprintf(stderr,
              "qcode: %s:%u:%u: warning: code '%s': this regex could be a "
              "token rule: %s (docs/CODEBOOK.md)\n",
              qc_codebook_file(cb), r[i].line, r[i].col,
              qc_codebook_code_path(cb, r[i].code), r[i].text);
      warnings++;
      continue;
    }
    examples += r[i].kind != QC_CHECK_NO_RULES;
    if (r[i].passed)
      continue;
    failed++;
    fprintf(stderr, "qcode: %s:%u:%u: error: code '%s': ", qc_codebook_file(cb),
            r[i].line, r[i].col, qc_codebook_code_path(cb, r[i].code));
    if (r[i].kind == QC_CHECK_NO_RULES) {
      fputs("no rules, and no child codes with rules: it is never coded\n",
            stderr);
      continue;
    }
    fputs(r[i].kind == QC_CHECK_COUNTEREXAMPLE ? "counterexample coded: "
                                                : "example not coded: ",
          stderr);
    print_quoted(r[i].text);
  }
  if (verbose) {
    printf("%s: %zu codes, %zu examples and counterexamples, %zu failed, "
           "%zu regexes that token rules could say",
           path, qc_codebook_code_count(cb), examples, failed, warnings);
    if (unmatchable)
      printf(", %zu word patterns that cannot match", unmatchable);
    putchar('\n');
  }
  free(r);
  qc_codebook_free(cb);
  return failed ? QC_EXIT_FOUND : QC_EXIT_OK;
}

int cmd_check(int argc, char **argv) {
  bool verbose = false;
  int c;
  optind = 0;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "vh", options, NULL)) != -1) {
    switch (c) {
    case 'v': verbose = true; break;
    case 'h': fputs(usage, stdout); return QC_EXIT_OK;
    default:
      return cli_usage_error("check", "unknown option '%s'", argv[optind - 1]);
    }
  }
  if (optind == argc)
    return cli_usage_error("check", "no codebook given");
  int rc = QC_EXIT_OK;
  for (int i = optind; i < argc; i++) {
    int r = check_one(argv[i], verbose);
    if (r > rc)
      rc = r;
  }
  return rc;
}
