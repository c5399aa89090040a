/* cmd_import.c: `qcode import`, a qcode codebook from another tool's. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: qcode import qdc [-o FILE] FILE\n"
    "\n"
    "Reads another tool's codebook and writes a qcode codebook (YAML) to\n"
    "standard output or to -o FILE.\n"
    "\n"
    "Formats:\n"
    "  qdc    a REFI-QDA codebook: a .qdc file, a .qdpx project (its\n"
    "         codebook) or a project.qde. The code tree, names (made into\n"
    "         ids: lower case, other characters as '-'), labels,\n"
    "         descriptions and examples come across; the codes get no\n"
    "         rules, which 'qcode check' lists (docs/INTEROP.md). XML with\n"
    "         a DOCTYPE is refused.\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE       write to FILE (replaced only once complete)\n"
    "                          instead of standard output\n"
    "  -h, --help              show this help\n"
    "\n" QC_EXIT_STATUS_HELP;

static const struct option options[] = {
    {"output", required_argument, NULL, 'o'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

static const char *const formats[] = {"qdc", NULL};

int cmd_import(int argc, char **argv) {
  const char *output = NULL;
  int c;
  optind = 0;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":o:h", options, NULL)) != -1) {
    switch (c) {
    case 'o': output = optarg; break;
    case 'h': fputs(usage, stdout); return QC_EXIT_OK;
    case ':':
      return cli_usage_error("import", "option '%s' needs a value",
                             argv[optind - 1]);
    default:
      return cli_usage_error("import", "unknown option '%s'",
                             argv[optind - 1]);
    }
  }
  if (argc - optind != 2)
    return cli_usage_error("import", "give a format (qdc) and one file");
  if (cli_choice(argv[optind], formats) < 0)
    return cli_usage_error("import", "unknown format '%s' (qdc)",
                           argv[optind]);
  qc_error err;
  qc_error_clear(&err);
  char *yaml;
  size_t len;
  if (qc_qdc_import(argv[optind + 1], &yaml, &len, &err) != QC_OK)
    return cli_report(&err);
  int rc = cli_write_output(output, yaml, len);
  free(yaml);
  return rc;
}
