/* cmd_suggest.c: `qcode suggest`, rules that would bring a codebook's
 * coding closer to a researcher's own coding sheet. */
#include "cli.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: qcode suggest -c CODEBOOK --gold SHEET [OPTIONS] [FILE...|-]\n"
    "\n"
    "Codes the transcripts, compares the coding with SHEET (a coding\n"
    "sheet as `qcode agree` reads it) and lists per code the rules that\n"
    "would raise Cohen's kappa most: a word, a lemma's Dutch forms, a\n"
    "class (also negated), or two near each other, for turns qcode\n"
    "misses; and exclusions, for turns it codes against the sheet. Each\n"
    "is measured alone, pasted into the codebook: its figures are what\n"
    "`qcode agree` gives after the paste. Columns: code, action (rule:\n"
    "an item for the code's rules: list; exclude: for its exclude:\n"
    "rules: list), rank, kind, rule (YAML), changed, right, wrong\n"
    "(turns that change; those the sheet then agrees, disagrees with),\n"
    "kappa_, precision_ and recall_ before and after, kappa_change,\n"
    "right_turns, wrong_turns.\n"
    "Learn on some groups and judge on others (qcode(1)).\n"
    "\n"
    "Options:\n" CLI_CORPUS_HELP
    "      --gold SHEET        the researcher's coding sheet (required)\n"
    "      --code PATH         suggest for this code (repeatable; default:\n"
    "                          every code the sheet uses)\n"
    "      --top N             suggestions per code, for rules and for\n"
    "                          exclusions each (default 5)\n"
    "      --min-turns N       a suggestion must fix at least N turns\n"
    "                          (default 2)\n"
    "      --within N          the 'within' of near suggestions (default 5)\n"
    "  -f, --format FORMAT     tsv (default), csv, json, or yaml: the\n"
    "                          suggestions as YAML to paste, with their\n"
    "                          figures and turns as comments\n"
    "  -o, --output FILE       write the table to FILE atomically\n"
    "  -h, --help              show this help\n"
    "\n" QC_EXIT_STATUS_HELP;

enum { OPT_GOLD = 256, OPT_CODE, OPT_TOP, OPT_MIN_TURNS, OPT_WITHIN };

static const struct option options[] = {
    CLI_CORPUS_OPTIONS,
    {"gold", required_argument, NULL, OPT_GOLD},
    {"code", required_argument, NULL, OPT_CODE},
    {"top", required_argument, NULL, OPT_TOP},
    {"min-turns", required_argument, NULL, OPT_MIN_TURNS},
    {"within", required_argument, NULL, OPT_WITHIN},
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

static const char *const formats[] = {"tsv", "csv", "json", "yaml", NULL};

static void start_file(void *ctx, const qc_transcript *t, const char *group) {
  (void)ctx;
  (void)t;
  (void)group;
}

static void add_segment(void *ctx, const qc_transcript *t,
                        const qc_segment *seg, const char *group,
                        const qc_coding *coding) {
  (void)group;
  (void)coding;
  qc_suggest_add(ctx, qc_transcript_name(t), seg->index, seg->text, seg->len);
}

/* A whole number from 1 to 'max', or -1. */
static long count_arg(const char *s, long max) {
  char *end;
  long v = strtol(s, &end, 10);
  return *s && !*end && v >= 1 && v <= max ? v : -1;
}

int cmd_suggest(int argc, char **argv) {
  cli_corpus in;
  cli_corpus_init(&in, argc);
  qc_suggest_opts opts = {QC_FORMAT_TSV, false, NULL, 0, 5, 2, 5, NULL, NULL};
  const char **codes = calloc((size_t)argc + 1, sizeof *codes);
  const char *output = NULL, *gold = NULL;
  int c, i, rc = QC_EXIT_OK;
  long v;
  optind = 0;
  opterr = 0;
  while (rc == QC_EXIT_OK &&
         (c = getopt_long(argc, argv, ":c:f:o:h0k", options, NULL)) != -1) {
    int taken = cli_corpus_option(&in, "suggest", c, optarg);
    if (taken == 1)
      continue;
    if (taken) {
      rc = taken;
      break;
    }
    switch (c) {
    case OPT_GOLD: gold = optarg; break;
    case OPT_CODE: codes[opts.ncodes++] = optarg; break;
    case OPT_TOP:
    case OPT_MIN_TURNS:
    case OPT_WITHIN:
      if ((v = count_arg(optarg, c == OPT_WITHIN ? 1000 : INT_MAX)) < 0)
        rc = cli_usage_error("suggest", "'--%s' needs a whole number from 1%s, "
                             "not '%s'",
                             c == OPT_TOP       ? "top"
                             : c == OPT_WITHIN  ? "within"
                                                : "min-turns",
                             c == OPT_WITHIN ? " to 1000" : "", optarg);
      else if (c == OPT_TOP)
        opts.top = (size_t)v;
      else if (c == OPT_MIN_TURNS)
        opts.min_turns = (size_t)v;
      else
        opts.within = (unsigned)v;
      break;
    case 'o': output = optarg; break;
    case 'f':
      if ((i = cli_choice(optarg, formats)) < 0)
        rc = cli_usage_error("suggest", "unknown format '%s'", optarg);
      else if (i == 3)
        opts.yaml = true;
      else
        opts.format = (qc_format)i;
      break;
    case 'h':
      fputs(usage, stdout);
      free(codes);
      cli_corpus_release(&in);
      return QC_EXIT_OK;
    case ':':
      rc = cli_usage_error("suggest", "option '%s' needs a value",
                           argv[optind - 1]);
      break;
    default:
      rc = cli_usage_error("suggest", "unknown option '%s'",
                           argv[optind - 1]);
    }
  }
  if (rc == QC_EXIT_OK && !gold)
    rc = cli_usage_error("suggest", "no coding sheet: give one with --gold "
                                    "SHEET");
  if (rc == QC_EXIT_OK && in.codebook && !strcmp(in.codebook, "-"))
    rc = cli_usage_error("suggest", "the codebook is read once per rule "
                                    "tried: give a file, not '-'");
  if (rc == QC_EXIT_OK && in.codebook_format != QC_CODEBOOK_AUTO &&
      in.codebook_format != QC_CODEBOOK_QCODE)
    rc = cli_usage_error("suggest", "suggestions are qcode YAML rules: the "
                                    "codebook must be a qcode codebook");
  if (rc == QC_EXIT_OK)
    rc = cli_corpus_load(&in, "suggest");
  if (rc == QC_EXIT_OK) {
    if (opts.ncodes)
      opts.codes = codes;
    if (!in.by_given) /* no grouping: 'file' is a key every transcript has */
      cli_corpus_option(&in, "suggest", CLI_OPT_BY, "file");
    qc_suggest *sg = qc_suggest_new();
    cli_visitor vis = {start_file, add_segment, NULL, sg, NULL, NULL};
    in.keep_going = false; /* a sheet is judged on every file it names */
    rc = cli_corpus_run(&in, argc - optind, argv + optind, &vis);
    char *out = NULL, *warning = NULL;
    size_t len;
    qc_error err;
    qc_error_clear(&err);
    opts.warning = &warning;
    if (rc == QC_EXIT_OK &&
        qc_suggest_run(sg, in.codebook, gold, &opts, &out, &len, &err) != QC_OK)
      rc = cli_report(&err);
    if (rc == QC_EXIT_OK) {
      if (warning)
        cli_warning("%s", warning);
      rc = cli_write_output(output, out, len);
    }
    free(warning);
    free(out);
    qc_suggest_free(sg);
  }
  free(codes);
  cli_corpus_release(&in);
  return rc;
}
