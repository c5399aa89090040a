/* cmd_merge.c: `qcode merge`, add up the tables of separate apply runs. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>

static const char usage[] =
    "usage: qcode merge [OPTIONS] TABLE...\n"
    "\n"
    "Sums frequency tables written by separate `qcode apply` runs (the long\n"
    "TSV or CSV tables, which carry the codebook's fingerprint) into the\n"
    "table one run over all their transcripts would give: counts added,\n"
    "shares recomputed. Tables of different codebooks are refused (exit 3).\n"
    "\n"
    "Options:\n"
    "  -f, --format FORMAT     tsv (default), csv or json\n"
    "      --wide              one row per group, one column per code\n"
    "      --value VALUE       cell of a wide table: segments, hits, share\n"
    "  -o, --output FILE       write the table to FILE atomically\n"
    "  -h, --help              show this help\n"
    "\n" QC_EXIT_STATUS_HELP;

enum { OPT_WIDE = 256, OPT_VALUE };

static const struct option options[] = {
    {"format", required_argument, NULL, 'f'},
    {"wide", no_argument, NULL, OPT_WIDE},
    {"value", required_argument, NULL, OPT_VALUE},
    {"output", required_argument, NULL, 'o'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

static const char *const formats[] = {"tsv", "csv", "json", NULL};
static const char *const values[] = {"segments", "hits", "share", NULL};

int cmd_merge(int argc, char **argv) {
  qc_table_opts t = {0};
  const char *output = NULL;
  int c, i;
  optind = 0;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":f:o:h", options, NULL)) != -1) {
    switch (c) {
    case 'o': output = optarg; break;
    case OPT_WIDE: t.wide = true; break;
    case 'f':
      if ((i = cli_choice(optarg, formats)) < 0)
        return cli_usage_error("merge", "unknown format '%s'", optarg);
      t.format = (qc_format)i;
      break;
    case OPT_VALUE:
      if ((i = cli_choice(optarg, values)) < 0)
        return cli_usage_error("merge", "unknown value '%s'", optarg);
      t.value = (qc_value)i;
      break;
    case 'h': fputs(usage, stdout); return QC_EXIT_OK;
    case ':':
      return cli_usage_error("merge", "option '%s' needs a value",
                             argv[optind - 1]);
    default:
      return cli_usage_error("merge", "unknown option '%s'", argv[optind - 1]);
    }
  }
  if (optind == argc)
    return cli_usage_error("merge", "no tables given");
  qc_error err;
  qc_error_clear(&err);
  char *out;
  size_t len;
  if (qc_merge_tables((const char *const *)argv + optind,
                      (size_t)(argc - optind), &t, &out, &len,
                      &err) != QC_OK)
    return cli_report(&err);
  int rc = cli_write_output(output, out, len);
  free(out);
  return rc;
}
