/* cmd_kwic.c: `qcode kwic`, keyword in context: every hit behind the
 * counts of `apply`, with its context, for reading the evidence. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
    "usage: qcode kwic -c CODEBOOK [--code PATH]... [OPTIONS] [FILE...|-]\n"
    "\n"
    "Prints one line per hit that `apply` counts: file:line, speaker, code,\n"
    "the left context, the hit, the right context. The lines of a code add\n"
    "up to its hits in `apply`; a parent code selects its children.\n"
    "\n"
    "Options:\n" CLI_CORPUS_HELP
    "      --code PATH         only this code and its children (repeatable)\n"
    "  -w, --width N           characters of context on each side (default\n"
    "                          40)\n"
    "      --uncoded           instead of hits, each participant segment that\n"
    "                          got no code: its text as the hit (the first\n"
    "                          3 x N characters in aligned text), the code\n"
    "                          empty: the gaps of a codebook\n"
    "  -f, --format FORMAT     text (aligned columns, default), tsv or jsonl\n"
    "                          (file, line, speaker, code, left, hit, right,\n"
    "                          start, end: byte offsets into the file)\n"
    "  -o, --output FILE       write to FILE atomically\n"
    "  -h, --help              show this help\n"
    "\n"
    "On a terminal the hit is shown in bold, unless NO_COLOR is set; else it\n"
    "is marked with [ ].\n"
    "\n" QC_EXIT_STATUS_HELP;

enum { OPT_CODE = 256, OPT_UNCODED };

static const struct option options[] = {
    CLI_CORPUS_OPTIONS,
    {"code", required_argument, NULL, OPT_CODE},
    {"uncoded", no_argument, NULL, OPT_UNCODED},
    {"width", required_argument, NULL, 'w'},
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

static const char *const formats[] = {"text", "tsv", "jsonl", NULL};

typedef struct kwic_args {
  qc_kwic_opts kwic;
  const char **codes;
  size_t ncodes;
  const char *output;
} kwic_args;

static int parse_args(int argc, char **argv, cli_corpus *in, kwic_args *a) {
  int c, i;
  char *end;
  optind = 0;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":c:w:f:o:h0k", options, NULL)) != -1) {
    int taken = cli_corpus_option(in, "kwic", c, optarg);
    if (taken == 1)
      continue;
    if (taken)
      return taken;
    switch (c) {
    case OPT_CODE: a->codes[a->ncodes++] = optarg; break;
    case OPT_UNCODED: a->kwic.uncoded = true; break;
    case 'o': a->output = optarg; break;
    case 'w':
      a->kwic.width = strtoul(optarg, &end, 10);
      if (!*optarg || *end || *optarg == '-' || a->kwic.width > 10000)
        return cli_usage_error("kwic", "--width wants a number from 0 to "
                               "10000, not '%s'", optarg);
      break;
    case 'f':
      if ((i = cli_choice(optarg, formats)) < 0)
        return cli_usage_error("kwic", "unknown format '%s'", optarg);
      a->kwic.aligned = i == 0;
      a->kwic.format = i == 2 ? QC_FORMAT_JSONL : QC_FORMAT_TSV;
      break;
    case 'h': fputs(usage, stdout); return -1;
    case ':':
      return cli_usage_error("kwic", "option '%s' needs a value",
                             argv[optind - 1]);
    default:
      return cli_usage_error("kwic", "unknown option '%s'", argv[optind - 1]);
    }
  }
  return QC_EXIT_OK;
}

/* Maps --code paths to code numbers; an unknown path is a usage error. */
static int select_codes(const cli_corpus *in, const kwic_args *a,
                        size_t *picked) {
  for (size_t i = 0; i < a->ncodes; i++) {
    picked[i] = qc_codebook_code_find(in->cb, a->codes[i]);
    if (picked[i] == (size_t)-1)
      return cli_usage_error("kwic", "no code '%s' in '%s'", a->codes[i],
                             in->codebook);
  }
  return QC_EXIT_OK;
}

/* Hits of a transcript that fails midway are dropped (--keep-going). */
typedef struct listing {
  qc_kwic *k;
  qc_mark mark;
} listing;

static void start_file(void *ctx, const qc_transcript *t, const char *group) {
  listing *l = ctx;
  (void)t;
  (void)group;
  l->mark = qc_kwic_mark(l->k);
}

static void add_segment(void *ctx, const qc_transcript *t,
                        const qc_segment *seg, const char *group,
                        const qc_coding *coding) {
  (void)group;
  qc_kwic_add(((listing *)ctx)->k, qc_transcript_name(t), seg, coding);
}

static void end_file(void *ctx, bool ok) {
  listing *l = ctx;
  if (!ok)
    qc_kwic_rollback(l->k, l->mark);
}

static int run(cli_corpus *in, kwic_args *a, int nfiles, char **files) {
  size_t *picked = calloc(a->ncodes + 1, sizeof *picked);
  int rc = picked ? select_codes(in, a, picked) : QC_EXIT_IO;
  if (rc != QC_EXIT_OK) {
    free(picked);
    return rc;
  }
  if (a->ncodes) {
    a->kwic.codes = picked;
    a->kwic.ncodes = a->ncodes;
  }
  const char *no_color = getenv("NO_COLOR");
  a->kwic.color = a->kwic.aligned && !a->output &&
                  isatty(STDOUT_FILENO) && !(no_color && *no_color);
  a->kwic.times = cli_corpus_timed(in, nfiles, files);
  listing l = {qc_kwic_new(in->cb, &a->kwic), {0, 0}};
  cli_visitor v = {start_file, add_segment, end_file, &l, NULL, NULL};
  rc = cli_corpus_run(in, nfiles, files, &v);
  size_t len;
  char *out = qc_kwic_finish(l.k, &len);
  if (rc == QC_EXIT_OK)
    rc = cli_write_output(a->output, out, len);
  if (rc == QC_EXIT_OK)
    rc = in->failed;
  free(out);
  free(picked);
  return rc;
}

int cmd_kwic(int argc, char **argv) {
  cli_corpus in;
  cli_corpus_init(&in, argc);
  kwic_args a = {{QC_FORMAT_TSV, true, false, 40, NULL, 0, false, false},
                 NULL, 0, NULL};
  a.codes = calloc((size_t)argc + 1, sizeof *a.codes);
  int rc = a.codes ? parse_args(argc, argv, &in, &a) : QC_EXIT_IO;
  if (rc == QC_EXIT_OK)
    rc = cli_corpus_load(&in, "kwic");
  if (rc == QC_EXIT_OK)
    rc = run(&in, &a, argc - optind, argv + optind);
  free(a.codes);
  cli_corpus_release(&in);
  return rc < 0 ? QC_EXIT_OK : rc;
}
