/* cmd_import.c: `qcode import`, a qcode codebook from another tool's, or
 * a coding sheet from a REFI-QDA project coded in a QDA program. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: qcode import qdc [-o FILE] FILE\n"
    "       qcode import qdpx [OPTIONS] [-o FILE] FILE.qdpx\n"
    "\n"
    "Reads another tool's file and writes what qcode works with, to\n"
    "standard output or to -o FILE.\n"
    "\n"
    "Formats:\n"
    "  qdc    a qcode codebook (YAML) from a REFI-QDA codebook: a .qdc file,\n"
    "         a .qdpx project (its codebook) or a project.qde. The code tree,\n"
    "         names (made into ids: lower case, other characters as '-'),\n"
    "         labels, descriptions and examples come across; the codes get\n"
    "         no rules, which 'qcode check' lists\n"
    "  qdpx   a coding sheet that 'qcode agree' reads, from the coded\n"
    "         selections of a .qdpx project: file, segment, line, last_line,\n"
    "         speaker, code, one row per segment and code (one with an empty\n"
    "         code for a segment without). The segments are those 'qcode\n"
    "         code' finds in the project's sources; a selection codes every\n"
    "         segment it overlaps; codes are the paths of the project's\n"
    "         code tree, made from its names as for qdc\n"
    "XML with a DOCTYPE is refused (docs/INTEROP.md).\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE       write to FILE (replaced only once complete)\n"
    "                          instead of standard output\n"
    "  -f, --format FORMAT     qdpx: tsv (default), csv or json\n"
    "      --unit UNIT         qdpx: turn (default), paragraph, sentence\n"
    "      --moderators LIST   qdpx: speakers left out, as for 'qcode code'\n"
    "                          (default: " QC_DEFAULT_MODERATORS ")\n"
    "      --speaker-pattern RE  qdpx: as for 'qcode code'\n"
    "  -h, --help              show this help\n"
    "\n" QC_EXIT_STATUS_HELP;

enum { OPT_UNIT = 256, OPT_MODERATORS, OPT_SPEAKER_PATTERN };

static const struct option options[] = {
    {"output", required_argument, NULL, 'o'},
    {"format", required_argument, NULL, 'f'},
    {"unit", required_argument, NULL, OPT_UNIT},
    {"moderators", required_argument, NULL, OPT_MODERATORS},
    {"speaker-pattern", required_argument, NULL, OPT_SPEAKER_PATTERN},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

static const char *const formats[] = {"qdc", "qdpx", NULL};
static const char *const tables[] = {"tsv", "csv", "json", NULL};
static const qc_format table_format[] = {QC_FORMAT_TSV, QC_FORMAT_CSV,
                                         QC_FORMAT_JSON};
static const char *const units[] = {"turn", "paragraph", "sentence", NULL};

int cmd_import(int argc, char **argv) {
  const char *output = NULL, *moderators = QC_DEFAULT_MODERATORS;
  qc_reader_opts opts = {QC_UNIT_TURN, NULL, NULL, QC_TEXT_AUTO};
  qc_format table = QC_FORMAT_TSV;
  int c, i;
  optind = 0;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":o:f:h", options, NULL)) != -1) {
    switch (c) {
    case 'o': output = optarg; break;
    case 'f':
      if ((i = cli_choice(optarg, tables)) < 0)
        return cli_usage_error("import", "unknown format '%s'", optarg);
      table = table_format[i];
      break;
    case OPT_UNIT:
      if ((i = cli_choice(optarg, units)) < 0)
        return cli_usage_error("import", "unknown unit '%s'", optarg);
      opts.unit = (qc_unit)i;
      break;
    case OPT_MODERATORS: moderators = optarg; break;
    case OPT_SPEAKER_PATTERN: opts.speaker_pattern = optarg; break;
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
    return cli_usage_error("import", "give a format (qdc, qdpx) and one file");
  int format = cli_choice(argv[optind], formats);
  if (format < 0)
    return cli_usage_error("import", "unknown format '%s' (qdc, qdpx)",
                           argv[optind]);
  qc_error err;
  qc_error_clear(&err);
  char *out;
  size_t len;
  qc_status s =
      format == 0
          ? qc_qdc_import(argv[optind + 1], &out, &len, &err)
          : qc_qdpx_import(argv[optind + 1], &opts, moderators, table, &out,
                           &len, &err);
  if (s != QC_OK)
    return cli_report(&err);
  int rc = cli_write_output(output, out, len);
  free(out);
  return rc;
}
