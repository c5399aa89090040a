/* cmd_report.c: `qcode report`, one HTML page to look at a coding run. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char usage[] =
    "usage: qcode report -c CODEBOOK -o FILE.html [OPTIONS] [FILE...|-]\n"
    "\n"
    "Codes the transcripts and writes one self-contained HTML page: the\n"
    "share of each group's segments per code as a heat map, a bar chart per\n"
    "code family, the code x code co-occurrence matrix (Jaccard), the first\n"
    "hits of each code with speaker, file and line, the codebook, and the\n"
    "run (qcode version, codebook fingerprint, date, files). The charts are\n"
    "inline SVG, each with a table of its numbers; nothing is loaded from\n"
    "outside the file, so it opens offline and can be mailed.\n"
    "\n"
    "Options:\n" CLI_CORPUS_HELP
    "      --title TEXT        the page's title (default: qcode report)\n"
    "      --date DATE         the run's date on the page (default: today in\n"
    "                          UTC, or SOURCE_DATE_EPOCH when set)\n"
    "      --top N             hits shown per code (default 3, at most 100)\n"
    "  -o, --output FILE       write the page to FILE atomically ('-':\n"
    "                          standard output)\n"
    "  -h, --help              show this help\n"
    "\n" QC_EXIT_STATUS_HELP;

enum { OPT_TITLE = 256, OPT_DATE, OPT_TOP };

static const struct option options[] = {
    CLI_CORPUS_OPTIONS,
    {"title", required_argument, NULL, OPT_TITLE},
    {"date", required_argument, NULL, OPT_DATE},
    {"top", required_argument, NULL, OPT_TOP},
    {"output", required_argument, NULL, 'o'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

static void start_file(void *ctx, const qc_transcript *t, const char *group) {
  qc_report_start_file(ctx, qc_transcript_name(t), group);
}

static void add_segment(void *ctx, const qc_transcript *t,
                        const qc_segment *seg, const char *group,
                        const qc_coding *coding) {
  (void)t;
  qc_report_add(ctx, seg, group, coding);
}

static void end_file(void *ctx, bool ok) { qc_report_end_file(ctx, ok); }

/* Today in UTC, or the date of SOURCE_DATE_EPOCH (reproducible builds'
 * convention), as YYYY-MM-DD. */
static void today(char *out, size_t size) {
  const char *epoch = getenv("SOURCE_DATE_EPOCH");
  time_t now = epoch && *epoch ? (time_t)strtoll(epoch, NULL, 10) : time(NULL);
  struct tm tm;
  if (gmtime_r(&now, &tm))
    strftime(out, size, "%Y-%m-%d", &tm);
  else
    snprintf(out, size, "%s", "");
}

int cmd_report(int argc, char **argv) {
  cli_corpus in;
  cli_corpus_init(&in, argc);
  qc_report_opts opts = {NULL, NULL, NULL, 3};
  const char *output = NULL;
  char date[32];
  int c, rc = QC_EXIT_OK;
  optind = 0;
  opterr = 0;
  while (rc == QC_EXIT_OK &&
         (c = getopt_long(argc, argv, ":c:o:h0k", options, NULL)) != -1) {
    int taken = cli_corpus_option(&in, "report", c, optarg);
    if (taken == 1)
      continue;
    if (taken) {
      rc = taken;
      break;
    }
    char *end;
    switch (c) {
    case OPT_TITLE: opts.title = optarg; break;
    case OPT_DATE: opts.date = optarg; break;
    case OPT_TOP:
      opts.top = strtoul(optarg, &end, 10);
      if (!*optarg || *end || *optarg == '-' || opts.top < 1 || opts.top > 100)
        rc = cli_usage_error("report", "--top wants a number from 1 to 100, "
                                       "not '%s'",
                             optarg);
      break;
    case 'o': output = optarg; break;
    case 'h':
      fputs(usage, stdout);
      cli_corpus_release(&in);
      return QC_EXIT_OK;
    case ':':
      rc = cli_usage_error("report", "option '%s' needs a value",
                           argv[optind - 1]);
      break;
    default:
      rc = cli_usage_error("report", "unknown option '%s'", argv[optind - 1]);
    }
  }
  if (rc == QC_EXIT_OK && !output)
    rc = cli_usage_error("report", "give the page's file with -o FILE.html "
                                   "('-' for standard output)");
  if (rc == QC_EXIT_OK)
    rc = cli_corpus_load(&in, "report");
  if (rc == QC_EXIT_OK) {
    if (!opts.date) {
      today(date, sizeof date);
      opts.date = date;
    }
    opts.by = in.by;
    qc_report *r = qc_report_new(in.cb, &opts);
    cli_visitor v = {start_file, add_segment, end_file, r, NULL, NULL};
    rc = cli_corpus_run(&in, argc - optind, argv + optind, &v);
    size_t len;
    char *page = qc_report_finish(r, &len);
    if (rc == QC_EXIT_OK)
      rc = cli_write_output(strcmp(output, "-") ? output : NULL, page, len);
    if (rc == QC_EXIT_OK)
      rc = in.failed;
    free(page);
  }
  cli_corpus_release(&in);
  return rc;
}
