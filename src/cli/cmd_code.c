/* cmd_code.c: `qcode code`, per-segment coding with its evidence: the
 * table a researcher reads, checks, or fills in for `qcode agree`. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>

static const char usage[] =
    "usage: qcode code -c CODEBOOK [OPTIONS] [FILE...|-]\n"
    "\n"
    "Codes every segment and prints one row per segment and code: file,\n"
    "segment (its number in the file), line, last_line, speaker, GROUP (a\n"
    "column per --by key), code, hits, spans (byte offsets into the file,\n"
    "start-end;...), text (the matched texts joined with ' | '). Parents\n"
    "appear as codes of their own, with their children's evidence.\n"
    "\n"
    "Options:\n" CLI_CORPUS_HELP
    "  -f, --format FORMAT     tsv (default), csv or jsonl\n"
    "      --all               also a row with an empty code for each\n"
    "                          segment that got no code\n"
    "      --text              add a column segment_text with the segment\n"
    "                          (a coding sheet for a human coder)\n"
    "      --uncoded           only the participant segments that got no\n"
    "                          code, one row each (code empty): the gaps of\n"
    "                          a codebook; with --text, their text\n"
    "  -o, --output FILE       write the table to FILE atomically\n"
    "  -h, --help              show this help\n"
    "\n" QC_EXIT_STATUS_HELP;

enum { OPT_ALL = 256, OPT_TEXT, OPT_UNCODED };

static const struct option options[] = {
    CLI_CORPUS_OPTIONS,
    {"format", required_argument, NULL, 'f'},
    {"all", no_argument, NULL, OPT_ALL},
    {"text", no_argument, NULL, OPT_TEXT},
    {"uncoded", no_argument, NULL, OPT_UNCODED},
    {"output", required_argument, NULL, 'o'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

static const char *const formats[] = {"tsv", "csv", "jsonl", NULL};
static const qc_format format_of[] = {QC_FORMAT_TSV, QC_FORMAT_CSV,
                                      QC_FORMAT_JSONL};

typedef struct code_args {
  qc_segment_table_opts table;
  const char *output;
} code_args;

static int parse_args(int argc, char **argv, cli_corpus *in, code_args *a) {
  int c, i;
  optind = 0;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":c:f:o:h0k", options, NULL)) != -1) {
    int taken = cli_corpus_option(in, "code", c, optarg);
    if (taken == 1)
      continue;
    if (taken)
      return taken;
    switch (c) {
    case 'o': a->output = optarg; break;
    case OPT_ALL: a->table.all = true; break;
    case OPT_TEXT: a->table.text = true; break;
    case OPT_UNCODED: a->table.uncoded = true; break;
    case 'f':
      if ((i = cli_choice(optarg, formats)) < 0)
        return cli_usage_error("code", "unknown format '%s'", optarg);
      a->table.format = format_of[i];
      break;
    case 'h': fputs(usage, stdout); return -1;
    case ':':
      return cli_usage_error("code", "option '%s' needs a value",
                             argv[optind - 1]);
    default:
      return cli_usage_error("code", "unknown option '%s'", argv[optind - 1]);
    }
  }
  return QC_EXIT_OK;
}

/* Rows of a transcript that fails midway are dropped (--keep-going). */
typedef struct listing {
  qc_segment_table *st;
  qc_mark mark;
} listing;

static void start_file(void *ctx, const qc_transcript *t, const char *group) {
  listing *l = ctx;
  (void)t;
  (void)group;
  l->mark = qc_segment_table_mark(l->st);
}

static void add_segment(void *ctx, const qc_transcript *t,
                        const qc_segment *seg, const char *group,
                        const qc_coding *coding) {
  qc_segment_table_add(((listing *)ctx)->st, qc_transcript_name(t), seg, group,
                       coding);
}

static void end_file(void *ctx, bool ok) {
  listing *l = ctx;
  if (!ok)
    qc_segment_table_rollback(l->st, l->mark);
}

int cmd_code(int argc, char **argv) {
  cli_corpus in;
  cli_corpus_init(&in, argc);
  code_args a = {{QC_FORMAT_TSV, NULL, false, false, false, false}, NULL};
  int rc = parse_args(argc, argv, &in, &a);
  if (rc == QC_EXIT_OK)
    rc = cli_corpus_load(&in, "code");
  if (rc == QC_EXIT_OK) {
    a.table.by = in.by;
    a.table.times = cli_corpus_timed(&in, argc - optind, argv + optind);
    listing l = {qc_segment_table_new(in.cb, &a.table), {0, 0}};
    cli_visitor v = {start_file, add_segment, end_file, &l, NULL, NULL};
    rc = cli_corpus_run(&in, argc - optind, argv + optind, &v);
    size_t len;
    char *out = qc_segment_table_finish(l.st, &len);
    if (rc == QC_EXIT_OK)
      rc = cli_write_output(a.output, out, len);
    if (rc == QC_EXIT_OK)
      rc = in.failed;
    free(out);
  }
  cli_corpus_release(&in);
  return rc < 0 ? QC_EXIT_OK : rc;
}
