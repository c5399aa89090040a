/* cmd_agree.c: `qcode agree`, agreement between two codings of the same
 * segments (qcode against a human coder, or two humans). */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: qcode agree [OPTIONS] A B\n"
    "\n"
    "Compares coding A with coding B (the reference). Each is a TSV table,\n"
    "or CSV when its name ends in .csv, with at least the columns file,\n"
    "segment and code: the output of `qcode code --all` qualifies, and so\n"
    "does a sheet a human coder fills in (one row per segment and code; an\n"
    "empty code for a segment with none). Per code: segments, a_coded,\n"
    "b_coded, both, agreement, kappa (Cohen), alpha (Krippendorff, nominal),\n"
    "precision, recall, f1 of A against B; then a (macro) row of means.\n"
    "Each sheet is rolled up first, as `qcode apply` does: a segment coded\n"
    "with tone/optimist counts as coded with tone too, so a sheet that\n"
    "lists only leaf codes is compared fairly with one that lists parents.\n"
    "A code one table never uses while the other does is named in a\n"
    "warning; it stays in the table and the macro (its kappa is 0).\n"
    "With --disagreements, instead one row per segment and code where A\n"
    "and B differ: file, segment, code, a, b (1 coded, 0 not), and\n"
    "segment_text when a table has it (`qcode code --all --text`).\n"
    "\n"
    "Options:\n"
    "  -c, --codebook FILE     take the code tree from this codebook; a code\n"
    "                          in A or B that it has not is an error\n"
    "                          (default: the tree of the code paths)\n"
    "      --code PATH         compare only this code (repeatable; default:\n"
    "                          every code either file uses)\n"
    "      --missing MODE      error (default): a segment in one file only is\n"
    "                          an error; absent: it counts as uncoded there\n"
    "      --disagreements     list the segments where A and B differ, by\n"
    "                          file and segment, instead of the statistics\n"
    "  -f, --format FORMAT     tsv (default), csv or json\n"
    "  -o, --output FILE       write the table to FILE atomically\n"
    "  -h, --help              show this help\n"
    "\n" QC_EXIT_STATUS_HELP;

enum { OPT_CODE = 256, OPT_MISSING, OPT_DISAGREEMENTS };

static const struct option options[] = {
    {"codebook", required_argument, NULL, 'c'},
    {"code", required_argument, NULL, OPT_CODE},
    {"missing", required_argument, NULL, OPT_MISSING},
    {"disagreements", no_argument, NULL, OPT_DISAGREEMENTS},
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

static const char *const formats[] = {"tsv", "csv", "json", NULL};
static const char *const missing[] = {"error", "absent", NULL};

/* Loads the codebook (if any), checks the --code paths against it, compares
 * and writes the table; the warning about one-sided codes goes to stderr. */
static int run(const char *path_a, const char *path_b, qc_agree_opts *opts,
               const char *codebook, const char *output) {
  qc_error err;
  qc_error_clear(&err);
  qc_codebook *cb = NULL;
  if (codebook && qc_codebook_load(&cb, codebook, &err) != QC_OK)
    return cli_report(&err);
  int rc = QC_EXIT_OK;
  for (size_t i = 0; cb && i < opts->ncodes && rc == QC_EXIT_OK; i++)
    if (qc_codebook_code_find(cb, opts->codes[i]) == (size_t)-1)
      rc = cli_usage_error("agree", "no code '%s' in '%s'", opts->codes[i],
                           codebook);
  char *out, *warning;
  size_t len;
  opts->codebook = cb;
  opts->warning = &warning;
  if (rc == QC_EXIT_OK) {
    if (qc_agree(path_a, path_b, opts, &out, &len, &err) != QC_OK) {
      rc = cli_report(&err);
    } else {
      if (warning)
        cli_warning("%s", warning);
      free(warning);
      rc = cli_write_output(output, out, len);
      free(out);
    }
  }
  qc_codebook_free(cb);
  return rc;
}

int cmd_agree(int argc, char **argv) {
  qc_agree_opts opts = {QC_FORMAT_TSV, QC_MISSING_ERROR, NULL, 0, false,
                        NULL, NULL};
  const char **codes = calloc((size_t)argc + 1, sizeof *codes);
  const char *output = NULL, *codebook = NULL;
  int c, i, rc = QC_EXIT_OK;
  optind = 0;
  opterr = 0;
  while (rc == QC_EXIT_OK &&
         (c = getopt_long(argc, argv, ":c:f:o:h", options, NULL)) != -1) {
    switch (c) {
    case 'c': codebook = optarg; break;
    case OPT_CODE: codes[opts.ncodes++] = optarg; break;
    case 'o': output = optarg; break;
    case OPT_DISAGREEMENTS: opts.disagreements = true; break;
    case 'f':
      if ((i = cli_choice(optarg, formats)) < 0)
        rc = cli_usage_error("agree", "unknown format '%s'", optarg);
      else
        opts.format = (qc_format)i;
      break;
    case OPT_MISSING:
      if ((i = cli_choice(optarg, missing)) < 0)
        rc = cli_usage_error("agree", "unknown --missing mode '%s'", optarg);
      else
        opts.missing = (qc_missing)i;
      break;
    case 'h': fputs(usage, stdout); free(codes); return QC_EXIT_OK;
    case ':':
      rc = cli_usage_error("agree", "option '%s' needs a value",
                           argv[optind - 1]);
      break;
    default:
      rc = cli_usage_error("agree", "unknown option '%s'", argv[optind - 1]);
    }
  }
  if (rc == QC_EXIT_OK && argc - optind != 2)
    rc = cli_usage_error("agree", "give two coding tables, A and B");
  if (rc == QC_EXIT_OK) {
    if (opts.ncodes)
      opts.codes = codes;
    rc = run(argv[optind], argv[optind + 1], &opts, codebook, output);
  }
  free(codes);
  return rc;
}
