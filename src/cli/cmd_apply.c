/* cmd_apply.c: `qcode apply`, code transcripts with a codebook and write
 * code frequencies per group. Output is built in memory and written only
 * when every file was read and coded, so an error never leaves a partial
 * table on stdout or in -o. */
#include "cli.h"

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
    "                          share\n"
    "  -o, --output FILE       write the table to FILE atomically\n"
    "  -h, --help              show this help\n"
    "\n"
    "Metadata precedence: --set, then --meta, then the front matter.\n"
    "A transcript without a grouping key is counted under '(none)' for it.\n"
    "\n" QC_EXIT_STATUS_HELP;

enum { OPT_WIDE = 256, OPT_VALUE };

/* The most threads --jobs takes; more would only cost memory. */
#define MAX_JOBS 256

static const struct option options[] = {
    CLI_CORPUS_OPTIONS,
    {"jobs", required_argument, NULL, 'j'},
    {"format", required_argument, NULL, 'f'},
    {"wide", no_argument, NULL, OPT_WIDE},
    {"value", required_argument, NULL, OPT_VALUE},
    {"output", required_argument, NULL, 'o'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

static const char *const formats[] = {"tsv", "csv", "json", NULL};
static const char *const values[] = {"segments", "hits", "share", NULL};

/* Returns QC_EXIT_OK, an exit status, or -1 after --help. */
static int parse_args(int argc, char **argv, cli_corpus *in, qc_table_opts *t,
                      const char **output) {
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
    case 'f':
      if ((i = cli_choice(optarg, formats)) < 0)
        return cli_usage_error("apply", "unknown format '%s'", optarg);
      t->format = (qc_format)i;
      break;
    case OPT_VALUE:
      if ((i = cli_choice(optarg, values)) < 0)
        return cli_usage_error("apply", "unknown value '%s'", optarg);
      t->value = (qc_value)i;
      break;
    case 'h': fputs(usage, stdout); return -1;
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
  const char *output = NULL;
  int rc = parse_args(argc, argv, &in, &table, &output);
  if (rc == QC_EXIT_OK)
    rc = cli_corpus_load(&in, "apply");
  if (rc == QC_EXIT_OK) {
    table.by = in.by;
    counting cnt = {in.cb, qc_tally_new(in.cb), NULL};
    cli_visitor v = {start_file,    count_segment, end_file,
                     &cnt,          fork_counting, join_counting};
    rc = cli_corpus_run(&in, argc - optind, argv + optind, &v);
    if (rc == QC_EXIT_OK) {
      size_t len;
      char *out = qc_tally_format(cnt.total, &table, &len);
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
