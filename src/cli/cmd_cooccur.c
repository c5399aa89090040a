/* cmd_cooccur.c: `qcode cooccur`, which codes go together in a segment. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>

static const char usage[] =
    "usage: qcode cooccur -c CODEBOOK [OPTIONS] [FILE...|-]\n"
    "\n"
    "Codes every segment and prints, per pair of codes, how often they\n"
    "code the same segment: code_a, code_b (in codebook order), segments,\n"
    "segments_a, segments_b, both, jaccard (both / segments with either),\n"
    "p_b_given_a (both / segments_a) and p_a_given_b (both / segments_b).\n"
    "A code and its own ancestor always go together (roll-up) and are not\n"
    "listed. The corpus is pooled unless --by is given (then a column per\n"
    "key, one block of rows per group).\n"
    "\n"
    "Options:\n" CLI_CORPUS_HELP
    "      --all               every pair, also those that never co-occur\n"
    "  -f, --format FORMAT     tsv (default), csv or json\n"
    "  -o, --output FILE       write the table to FILE atomically\n"
    "  -h, --help              show this help\n"
    "\n" QC_EXIT_STATUS_HELP;

enum { OPT_ALL = 256 };

static const struct option options[] = {
    CLI_CORPUS_OPTIONS,
    {"all", no_argument, NULL, OPT_ALL},
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

static const char *const formats[] = {"tsv", "csv", "json", NULL};

static void start_file(void *ctx, const qc_transcript *t, const char *group) {
  (void)t;
  (void)group;
  qc_cooccur_mark(ctx);
}

static void end_file(void *ctx, bool ok) {
  if (!ok)
    qc_cooccur_rollback(ctx);
}

static void add_segment(void *ctx, const qc_transcript *t,
                        const qc_segment *seg, const char *group,
                        const qc_coding *coding) {
  (void)t;
  (void)seg;
  qc_cooccur_add(ctx, group, coding);
}

int cmd_cooccur(int argc, char **argv) {
  cli_corpus in;
  cli_corpus_init(&in, argc);
  qc_cooccur_opts opts = {QC_FORMAT_TSV, NULL, false};
  const char *output = NULL;
  int c, i, rc = QC_EXIT_OK;
  optind = 0;
  opterr = 0;
  while (rc == QC_EXIT_OK &&
         (c = getopt_long(argc, argv, ":c:f:o:h0k", options, NULL)) != -1) {
    int taken = cli_corpus_option(&in, "cooccur", c, optarg);
    if (taken == 1)
      continue;
    if (taken) {
      rc = taken;
      break;
    }
    switch (c) {
    case OPT_ALL: opts.all = true; break;
    case 'o': output = optarg; break;
    case 'f':
      if ((i = cli_choice(optarg, formats)) < 0)
        rc = cli_usage_error("cooccur", "unknown format '%s'", optarg);
      else
        opts.format = (qc_format)i;
      break;
    case 'h':
      fputs(usage, stdout);
      cli_corpus_release(&in);
      return QC_EXIT_OK;
    case ':':
      rc = cli_usage_error("cooccur", "option '%s' needs a value",
                           argv[optind - 1]);
      break;
    default:
      rc = cli_usage_error("cooccur", "unknown option '%s'",
                           argv[optind - 1]);
    }
  }
  if (rc == QC_EXIT_OK)
    rc = cli_corpus_load(&in, "cooccur");
  if (rc == QC_EXIT_OK) {
    /* pooled unless --by was given: --by's default (subsector) is
     * apply's; grouping the loop by file, which every transcript has,
     * keeps it from warning about a missing subsector */
    opts.by = in.by_given ? in.by : NULL;
    if (!in.by_given)
      cli_corpus_option(&in, "cooccur", CLI_OPT_BY, "file");
    qc_cooccur *co = qc_cooccur_new(in.cb, &opts);
    cli_visitor v = {start_file, add_segment, end_file, co, NULL, NULL};
    rc = cli_corpus_run(&in, argc - optind, argv + optind, &v);
    size_t len;
    char *out = qc_cooccur_finish(co, &len);
    if (rc == QC_EXIT_OK)
      rc = cli_write_output(output, out, len);
    if (rc == QC_EXIT_OK)
      rc = in.failed;
    free(out);
  }
  cli_corpus_release(&in);
  return rc;
}
