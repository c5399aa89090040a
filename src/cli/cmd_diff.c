/* cmd_diff.c: `qcode diff`, what a codebook change does to the coding of a
 * corpus, with diff(1)'s exit status. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: qcode diff [OPTIONS] OLD NEW [FILE...|-]\n"
    "\n"
    "Codes the transcripts with two versions of a codebook and prints, per\n"
    "group and code: GROUP (one column per --by key), code, change (added,\n"
    "removed, relabelled, rules, settings: the codebook's or the code's own\n"
    "such as negation), old_segments, new_segments, delta_segments,\n"
    "old_hits, new_hits, delta_hits. Codebooks may come from any readable\n"
    "path, pipes included:\n"
    "qcode diff <(git show v1:codebook.yaml) codebook.yaml ...\n"
    "\n"
    "Options:\n" CLI_CORPUS_HELP
    "      --segments          list every segment whose set of codes changed\n"
    "                          (-code / +code with the hits marked) instead\n"
    "                          of the table\n"
    "  -f, --format FORMAT     tsv (default), csv or json\n"
    "  -o, --output FILE       write to FILE atomically\n"
    "  -h, --help              show this help\n"
    "\n"
    "Exit status: 0 the codings are identical; 1 they differ; 2 usage error;\n"
    "3 invalid input data; 4 I/O error.\n";

enum { OPT_SEGMENTS = 256 };

static const struct option options[] = {
    CLI_CORPUS_OPTIONS,
    {"segments", no_argument, NULL, OPT_SEGMENTS},
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

static const char *const formats[] = {"tsv", "csv", "json", NULL};

typedef struct diff_run {
  qc_table_opts table;
  bool segments;
  const char *output;
  qc_codebook *old;
  qc_coder *old_coder;
  qc_compare *cmp;
  qc_error err; /* a regex stopped on a segment of the old codebook */
  bool failed;
} diff_run;

static int parse_args(int argc, char **argv, cli_corpus *in, diff_run *d) {
  int c, i;
  optind = 0;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":c:f:o:h0k", options, NULL)) != -1) {
    if (c == 'c')
      return cli_usage_error("diff", "give the codebooks as OLD NEW, not -c");
    int taken = cli_corpus_option(in, "diff", c, optarg);
    if (taken == 1)
      continue;
    if (taken)
      return taken;
    switch (c) {
    case OPT_SEGMENTS: d->segments = true; break;
    case 'o': d->output = optarg; break;
    case 'f':
      if ((i = cli_choice(optarg, formats)) < 0)
        return cli_usage_error("diff", "unknown format '%s'", optarg);
      d->table.format = (qc_format)i;
      break;
    case 'h': fputs(usage, stdout); return -1;
    case ':':
      return cli_usage_error("diff", "option '%s' needs a value",
                             argv[optind - 1]);
    default:
      return cli_usage_error("diff", "unknown option '%s'", argv[optind - 1]);
    }
  }
  if (argc - optind < 2)
    return cli_usage_error("diff", "give two codebooks, OLD and NEW");
  if (in->keep_going)
    return cli_usage_error("diff", "--keep-going is not supported: a diff "
                                   "of part of the corpus would mislead");
  return QC_EXIT_OK;
}

static void compare_segment(void *ctx, const qc_transcript *t,
                            const qc_segment *seg, const char *group,
                            const qc_coding *new_coding) {
  diff_run *d = ctx;
  const qc_coding *old_coding;
  if (d->failed)
    return;
  /* new_coding lives in the other coder, so coding again is safe. */
  if (qc_coder_code(d->old_coder, seg->text, seg->len, &old_coding,
                    &d->err) != QC_OK) {
    d->failed = true;
    return;
  }
  qc_compare_add(d->cmp, qc_transcript_name(t), seg, group, old_coding,
                 new_coding, d->segments);
}

static int write_result(diff_run *d, const char *old_path,
                        const char *new_path) {
  char *out;
  size_t len;
  if (d->segments) {
    const char *listing = qc_compare_listing(d->cmp);
    len = strlen(old_path) + strlen(new_path) + strlen(listing) + 16;
    out = malloc(len);
    if (!out)
      return QC_EXIT_IO;
    len = (size_t)snprintf(out, len, "--- %s\n+++ %s\n%s", old_path,
                           new_path, listing);
  } else {
    out = qc_compare_format(d->cmp, &d->table, &len);
  }
  int rc = cli_write_output(d->output, out, len);
  free(out);
  if (rc == QC_EXIT_OK && qc_compare_differs(d->cmp))
    rc = QC_EXIT_FOUND;
  return rc;
}

static int run(cli_corpus *in, diff_run *d, const char *old_path, int nfiles,
               char **files) {
  qc_error err;
  qc_error_clear(&err);
  if (qc_codebook_load(&d->old, old_path, &err) != QC_OK)
    return cli_report(&err);
  int rc = cli_corpus_load(in, "diff");
  if (rc != QC_EXIT_OK)
    return rc;
  d->old_coder = qc_coder_new(d->old);
  d->cmp = qc_compare_new(d->old, in->cb);
  d->table.by = in->by;
  cli_visitor v = {NULL, compare_segment, NULL, d, NULL, NULL};
  rc = cli_corpus_run(in, nfiles, files, &v);
  if (rc == QC_EXIT_OK && d->failed)
    rc = cli_report(&d->err);
  if (rc == QC_EXIT_OK)
    rc = write_result(d, old_path, in->codebook);
  return rc;
}

int cmd_diff(int argc, char **argv) {
  cli_corpus in;
  cli_corpus_init(&in, argc);
  diff_run d;
  memset(&d, 0, sizeof d);
  qc_error_clear(&d.err);
  int rc = parse_args(argc, argv, &in, &d);
  if (rc == QC_EXIT_OK) {
    in.codebook = argv[optind + 1];
    rc = run(&in, &d, argv[optind], argc - optind - 2, argv + optind + 2);
  }
  qc_compare_free(d.cmp);
  qc_coder_free(d.old_coder);
  qc_codebook_free(d.old);
  cli_corpus_release(&in);
  return rc < 0 ? QC_EXIT_OK : rc;
}
