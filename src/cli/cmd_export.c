/* cmd_export.c: `qcode export`, a codebook in another tool's format. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: qcode export qdc -c CODEBOOK [-o FILE]\n"
    "\n"
    "Writes the codebook in another tool's format, to FILE or standard\n"
    "output.\n"
    "\n"
    "Formats:\n"
    "  qdc    a REFI-QDA codebook (.qdc), which ATLAS.ti, MAXQDA, NVivo and\n"
    "         QualCoder import: the code tree, each code named by its id,\n"
    "         with a GUID made from its path (the same on every export) and\n"
    "         a description holding its label, description, examples and\n"
    "         counterexamples (docs/INTEROP.md)\n"
    "\n"
    "Options:\n"
    "  -c, --codebook FILE     the codebook (YAML)\n"
    "  -o, --output FILE       write to FILE (replaced only once complete)\n"
    "                          instead of standard output\n"
    "  -h, --help              show this help\n"
    "\n" QC_EXIT_STATUS_HELP;

static const struct option options[] = {
    {"codebook", required_argument, NULL, 'c'},
    {"output", required_argument, NULL, 'o'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

static const char *const formats[] = {"qdc", NULL};

int cmd_export(int argc, char **argv) {
  const char *codebook = NULL, *output = NULL;
  int c;
  optind = 0;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":c:o:h", options, NULL)) != -1) {
    switch (c) {
    case 'c': codebook = optarg; break;
    case 'o': output = optarg; break;
    case 'h': fputs(usage, stdout); return QC_EXIT_OK;
    case ':':
      return cli_usage_error("export", "option '%s' needs a value",
                             argv[optind - 1]);
    default:
      return cli_usage_error("export", "unknown option '%s'",
                             argv[optind - 1]);
    }
  }
  if (argc - optind != 1)
    return cli_usage_error("export", "give one format (qdc)");
  if (cli_choice(argv[optind], formats) < 0)
    return cli_usage_error("export", "unknown format '%s' (qdc)",
                           argv[optind]);
  if (!codebook)
    return cli_usage_error("export", "give a codebook with -c");
  qc_error err;
  qc_error_clear(&err);
  qc_codebook *cb;
  if (qc_codebook_load(&cb, codebook, &err) != QC_OK)
    return cli_report(&err);
  char *out;
  size_t len;
  qc_status s = qc_qdc_export(cb, &out, &len, &err);
  qc_codebook_free(cb);
  if (s != QC_OK)
    return cli_report(&err);
  int rc = cli_write_output(output, out, len);
  free(out);
  return rc;
}
