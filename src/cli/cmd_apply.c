/* cmd_apply.c: `qcode apply`, code transcripts with a codebook and write
 * code frequencies per group. Output is built in memory and written only
 * when every file was read and coded, so an error never leaves a partial
 * table on stdout or in -o. */
#include "cli.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
    "usage: qcode apply -c CODEBOOK [OPTIONS] [FILE...|-]\n"
    "\n"
    "Codes every segment of the transcripts (standard input when no FILE or\n"
    "'-') and prints a table of code frequencies per group: one row per\n"
    "group and code with the columns GROUP (one per --by key), code,\n"
    "segments, hits, share, group_segments, group_tokens, codebook.\n"
    "\n"
    "Options:\n" CLI_CORPUS_HELP
    "  -j, --jobs N            code with N threads, one file at a time each\n"
    "                          (default: the number of processors); the\n"
    "                          table does not depend on N\n"
    "  -f, --format FORMAT     tsv (default), csv or json\n"
    "      --wide              one row per group, one column per code\n"
    "      --value VALUE       cell of a wide table: segments (default), hits,\n"
    "                          share\n";

/* The second half of the help (one string would pass C's 4095 bytes). */
static const char usage_stats[] =
    "      --stats             instead, per code a chi-square test of\n"
    "                          independence across the groups: code, groups,\n"
    "                          segments, coded, chi2, df, p, p_method,\n"
    "                          cramers_v, min_expected, small_cells; where an\n"
    "                          expected count is under 5, p is a Monte Carlo\n"
    "                          estimate (docs/STATISTICS.md)\n"
    "      --cells             instead, per group and code: segments, coded,\n"
    "                          share, its 95 %% Wilson interval (ci95_low,\n"
    "                          ci95_high), expected and the adjusted\n"
    "                          standardized residual\n"
    "      --sims N            random tables for a Monte Carlo p (default\n"
    "                          2000; 0: the asymptotic p always)\n"
    "      --seed N            their random seed (default 1)\n"
    "  -o, --output FILE       write the table to FILE atomically\n"
    "  -h, --help              show this help\n"
    "\n"
    "Metadata precedence: --set, then --meta, then the front matter.\n"
    "A transcript without a grouping key is counted under '(none)' for it.\n"
    "\n" QC_EXIT_STATUS_HELP;

enum { OPT_WIDE = 256, OPT_VALUE, OPT_STATS, OPT_CELLS, OPT_SIMS, OPT_SEED };

/* The most threads --jobs takes; more would only cost memory. */
#define MAX_JOBS 256

static const struct option options[] = {
    CLI_CORPUS_OPTIONS,
    {"jobs", required_argument, NULL, 'j'},
    {"format", required_argument, NULL, 'f'},
    {"wide", no_argument, NULL, OPT_WIDE},
    {"value", required_argument, NULL, OPT_VALUE},
    {"stats", no_argument, NULL, OPT_STATS},
    {"cells", no_argument, NULL, OPT_CELLS},
    {"sims", required_argument, NULL, OPT_SIMS},
    {"seed", required_argument, NULL, OPT_SEED},
    {"output", required_argument, NULL, 'o'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

static const char *const formats[] = {"tsv", "csv", "json", NULL};
static const char *const values[] = {"segments", "hits", "share", NULL};

/* Returns QC_EXIT_OK, an exit status, or -1 after --help. */
/* A whole number from 0 to max, or -1. */
static long long number(const char *s, unsigned long long max) {
  char *end;
  unsigned long long n = strtoull(s, &end, 10);
  return !*s || *end || s[0] == '-' || n > max ? -1 : (long long)n;
}

static int parse_args(int argc, char **argv, cli_corpus *in, qc_table_opts *t,
                      qc_stats_opts *st, bool *stats, const char **output) {
  int c, i;
  optind = 0;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":c:f:j:o:h0k", options, NULL)) != -1) {
    int taken = cli_corpus_option(in, "apply", c, optarg);
    if (taken == 1)
      continue;
    if (taken)
      return taken;
    switch (c) {
    case 'o': *output = optarg; break;
    case 'j': {
      char *end;
      unsigned long n = strtoul(optarg, &end, 10);
      if (!*optarg || *end || n < 1 || n > MAX_JOBS || optarg[0] == '-')
        return cli_usage_error("apply",
                               "--jobs wants a number from 1 to %d, not '%s'",
                               MAX_JOBS, optarg);
      in->jobs = (unsigned)n;
      break;
    }
    case OPT_WIDE: t->wide = true; break;
    case OPT_STATS: *stats = true; break;
    case OPT_CELLS: *stats = st->cells = true; break;
    case OPT_SIMS:
      if (number(optarg, 1000000) < 0)
        return cli_usage_error("apply", "--sims wants a number from 0 to "
                                        "1000000, not '%s'",
                               optarg);
      st->sims = (unsigned)number(optarg, 1000000);
      break;
    case OPT_SEED:
      if (number(optarg, (unsigned long long)LLONG_MAX) < 0)
        return cli_usage_error("apply", "--seed wants a whole number, not "
                                        "'%s'",
                               optarg);
      st->seed = (uint64_t)number(optarg, (unsigned long long)LLONG_MAX);
      break;
    case 'f':
      if ((i = cli_choice(optarg, formats)) < 0)
        return cli_usage_error("apply", "unknown format '%s'", optarg);
      t->format = st->format = (qc_format)i;
      break;
    case OPT_VALUE:
      if ((i = cli_choice(optarg, values)) < 0)
        return cli_usage_error("apply", "unknown value '%s'", optarg);
      t->value = (qc_value)i;
      break;
    case 'h':
      fputs(usage, stdout);
      fputs(usage_stats, stdout);
      return -1;
    case ':':
      return cli_usage_error("apply", "option '%s' needs a value",
                             argv[optind - 1]);
    default:
      return cli_usage_error("apply", "unknown option '%s'", argv[optind - 1]);
    }
  }
  return QC_EXIT_OK;
}

/* Each transcript is counted in a tally of its own, added to the total
 * only when the whole file was read, so that --keep-going leaves a failed
 * file out entirely. */
typedef struct counting {
  const qc_codebook *cb;
  qc_tally *total, *file;
} counting;

static void start_file(void *ctx, const qc_transcript *t, const char *group) {
  counting *c = ctx;
  (void)t;
  c->file = qc_tally_new(c->cb);
  if (group) /* a group appears even when all its turns are moderators' */
    qc_tally_touch(c->file, group);
}

static void count_segment(void *ctx, const qc_transcript *t,
                          const qc_segment *seg, const char *group,
                          const qc_coding *coding) {
  (void)t;
  (void)seg;
  qc_tally_add(((counting *)ctx)->file, group, coding);
}

static void end_file(void *ctx, bool ok) {
  counting *c = ctx;
  if (ok)
    qc_tally_merge(c->total, c->file);
  qc_tally_free(c->file);
  c->file = NULL;
}

/* --jobs: each worker counts into a total of its own; the totals are sums,
 * so adding them up in any order gives the same table. */
static void *fork_counting(void *ctx) {
  counting *c = ctx, *w = cli_xcalloc(1, sizeof *w);
  *w = (counting){c->cb, qc_tally_new(c->cb), NULL};
  return w;
}

static void join_counting(void *ctx, void *worker) {
  counting *c = ctx, *w = worker;
  qc_tally_merge(c->total, w->total);
  qc_tally_free(w->total);
  free(w);
}

static unsigned processors(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n < 1 ? 1 : n > MAX_JOBS ? MAX_JOBS : (unsigned)n;
}

int cmd_apply(int argc, char **argv) {
  cli_corpus in;
  cli_corpus_init(&in, argc);
  in.jobs = processors();
  qc_table_opts table = {0};
  qc_stats_opts stats = {QC_FORMAT_TSV, NULL, false, 2000, 1};
  bool with_stats = false;
  const char *output = NULL;
  int rc = parse_args(argc, argv, &in, &table, &stats, &with_stats, &output);
  if (rc == QC_EXIT_OK && with_stats && table.wide)
    rc = cli_usage_error("apply", "--stats and --cells give long tables; "
                                  "leave out --wide");
  if (rc == QC_EXIT_OK)
    rc = cli_corpus_load(&in, "apply");
  if (rc == QC_EXIT_OK) {
    table.by = in.by;
    counting cnt = {in.cb, qc_tally_new(in.cb), NULL};
    cli_visitor v = {start_file,    count_segment, end_file,
                     &cnt,          fork_counting, join_counting};
    rc = cli_corpus_run(&in, argc - optind, argv + optind, &v);
    if (rc == QC_EXIT_OK) {
      size_t len, small = 0;
      stats.by = in.by;
      char *out = with_stats
                      ? qc_stats_format(in.cb, cnt.total, &stats, &small, &len)
                      : qc_tally_format(cnt.total, &table, &len);
      if (small && !stats.cells)
        fprintf(stderr,
                "qcode: note: %zu code(s) have expected counts under 5; "
                "their p is %s (p_method)\n",
                small,
                stats.sims ? "a Monte Carlo estimate" : "asymptotic and "
                                                         "unreliable");
      rc = cli_write_output(output, out, len);
      free(out);
    }
    if (rc == QC_EXIT_OK)
      rc = in.failed;
    qc_tally_free(cnt.total);
  }
  cli_corpus_release(&in);
  return rc < 0 ? QC_EXIT_OK : rc;
}
