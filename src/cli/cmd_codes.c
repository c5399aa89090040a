/* cmd_codes.c: `qcode codes`, the codes of a codebook as a table; also what
 * shell completion offers after --code. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: qcode codes [OPTIONS] CODEBOOK\n"
    "\n"
    "Prints the codes of a codebook in codebook order as TSV: code (the full\n"
    "path), parent, label.\n"
    "\n"
    "Options:\n"
    "      --paths             only the paths, one per line (for scripts and\n"
    "                          shell completion)\n"
    "      --rules             the rules instead: code, role (hit, exclude,\n"
    "                          mask), kind (word, phrase, regex), pattern,\n"
    "                          line; a tab or line break in a regex is\n"
    "                          written as \\t, \\n or \\r, which PCRE2 reads\n"
    "                          the same\n"
    "  -h, --help              show this help\n"
    "\n" QC_EXIT_STATUS_HELP;

enum { OPT_PATHS = 256, OPT_RULES };

static const struct option options[] = {
    {"paths", no_argument, NULL, OPT_PATHS},
    {"rules", no_argument, NULL, OPT_RULES},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

/* Labels are one line in the table: tabs and line breaks become spaces. */
static void put_cell(const char *s) {
  for (; *s; s++)
    putchar(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
}

/* A pattern on one line: in a regex, \t \n \r match what the characters
 * themselves match; words and phrases cannot hold them. */
static void put_pattern(const char *s) {
  for (; *s; s++)
    if (*s == '\t' || *s == '\n' || *s == '\r') {
      putchar('\\');
      putchar(*s == '\t' ? 't' : *s == '\n' ? 'n' : 'r');
    } else {
      putchar(*s);
    }
}

static void print_rules(const qc_codebook *cb) {
  fputs("code\trole\tkind\tpattern\tline\n", stdout);
  for (size_t i = 0; i < qc_codebook_rule_count(cb); i++) {
    qc_rule_info r;
    qc_codebook_rule(cb, i, &r);
    printf("%s\t%s\t%s\t", qc_codebook_code_path(cb, r.code), r.role,
           r.kind);
    put_pattern(r.pattern);
    printf("\t%u\n", r.line);
  }
}

int cmd_codes(int argc, char **argv) {
  bool paths = false, rules = false;
  int c;
  optind = 0;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "h", options, NULL)) != -1) {
    switch (c) {
    case OPT_PATHS: paths = true; break;
    case OPT_RULES: rules = true; break;
    case 'h': fputs(usage, stdout); return QC_EXIT_OK;
    default:
      return cli_usage_error("codes", "unknown option '%s'", argv[optind - 1]);
    }
  }
  if (argc - optind != 1)
    return cli_usage_error("codes", "give one codebook");
  qc_error err;
  qc_error_clear(&err);
  qc_codebook *cb;
  if (qc_codebook_load(&cb, argv[optind], &err) != QC_OK)
    return cli_report(&err);
  if (rules) {
    print_rules(cb);
    qc_codebook_free(cb);
    return fflush(stdout) || ferror(stdout) ? cli_stdout_failed() : QC_EXIT_OK;
  }
  if (!paths)
    fputs("code\tparent\tlabel\n", stdout);
  for (size_t i = 0; i < qc_codebook_code_count(cb); i++) {
    fputs(qc_codebook_code_path(cb, i), stdout);
    if (!paths) {
      size_t p = qc_codebook_code_parent(cb, i);
      putchar('\t');
      fputs(p == (size_t)-1 ? "" : qc_codebook_code_path(cb, p), stdout);
      putchar('\t');
      put_cell(qc_codebook_code_label(cb, i));
    }
    putchar('\n');
  }
  qc_codebook_free(cb);
  return QC_EXIT_OK;
}
