/* cmd_export.c: `qcode export`, a codebook, or the coding of a corpus, in
 * another tool's format. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: qcode export qdc|dic|quanteda -c CODEBOOK [-o FILE]\n"
    "       qcode export qdpx -c CODEBOOK [OPTIONS] -o FILE.qdpx FILE...\n"
    "\n"
    "Writes the codebook, or the coding of the transcripts, in another\n"
    "tool's format.\n"
    "\n"
    "Formats:\n"
    "  qdc    a REFI-QDA codebook (.qdc), which ATLAS.ti, MAXQDA, NVivo and\n"
    "         QualCoder import: the code tree, each code named by its id,\n"
    "         with a GUID made from its path (the same on every export) and\n"
    "         a description holding its label, description, examples and\n"
    "         counterexamples; to FILE or standard output\n"
    "  dic    a LIWC dictionary: a category per code (its path), an entry\n"
    "         per word and gapless phrase of its word and phrase rules,\n"
    "         classes and word forms written out, listing its code and the\n"
    "         code's ancestors\n"
    "  quanteda  a quanteda YAML dictionary: a key per code, nested as the\n"
    "         code tree, the same entries as values (a parent's own under\n"
    "         '(own)')\n"
    "         Near rules, gapped phrases, regexes, exclusions and masks have\n"
    "         no dictionary equivalent and are left out, negation and\n"
    "         not-near are dropped; a note on stderr counts each\n"
    "  qdpx   a REFI-QDA project (.qdpx): that codebook, each transcript as\n"
    "         a text source, its front matter as variables, a case per\n"
    "         group (--by), and the coding as coded selections, one per\n"
    "         coded segment or per rule match (--selections); -o is needed\n"
    "         (docs/INTEROP.md)\n"
    "\n"
    "Options:\n"
    "  -c, --codebook FILE     the codebook (YAML)\n"
    "  -o, --output FILE       write to FILE (replaced only once complete)\n"
    "      --selections UNIT   qdpx: segment (default; the segment's text,\n"
    "                          with each of its codes that has no coded\n"
    "                          child) or hit (each rule match, with its code)\n"
    "  -h, --help              show this help\n"
    "qdpx reads the transcripts as 'qcode code' does, with its options:\n"
    "--by, --unit, --meta, --set, --moderators, --speaker-pattern,\n"
    "--files-from, -0, --progress, -k, --encoding, --transcript-format (see\n"
    "'qcode code --help'), but not from standard input. A source's text is\n"
    "what 'qcode extract' prints: a .docx, .odt, .vtt or .srt goes in as its\n"
    "extracted text, a file in another encoding as UTF-8.\n"
    "\n" QC_EXIT_STATUS_HELP;

enum { OPT_SELECTIONS = 256 };

static const struct option options[] = {
    CLI_CORPUS_OPTIONS,
    {"output", required_argument, NULL, 'o'},
    {"selections", required_argument, NULL, OPT_SELECTIONS},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

static const char *const formats[] = {"qdc", "qdpx", "dic", "quanteda", NULL};
static const char *const units[] = {"segment", "hit", NULL};

/* The codebook alone: as a .qdc (format QC_CODEBOOK_QCODE here) or as a
 * LIWC or quanteda dictionary, with a note on what did not map. */
static int export_codebook(const char *codebook, qc_codebook_format format,
                           const char *output) {
  qc_error err;
  qc_error_clear(&err);
  qc_codebook *cb;
  if (qc_codebook_load(&cb, codebook, &err) != QC_OK)
    return cli_report(&err);
  char *out;
  size_t len;
  qc_dictionary_report r = {0, 0, 0, 0};
  qc_status s = format == QC_CODEBOOK_QCODE
                    ? qc_qdc_export(cb, &out, &len, &err)
                    : qc_dictionary_export(cb, format, &out, &len, &r, &err);
  qc_codebook_free(cb);
  if (s != QC_OK)
    return cli_report(&err);
  int rc = cli_write_output(output, out, len);
  free(out);
  if (rc == QC_EXIT_OK && (r.approximated || r.left_out || r.words_left_out))
    fprintf(cli_diag(),
            "qcode: note: %zu rules written exactly, %zu without their "
            "negation or not-near, %zu left out (near, gapped phrases, "
            "regexes, exclusions, masks), %zu words left out (split "
            "separable verbs%s)\n",
            r.exact, r.approximated, r.left_out, r.words_left_out,
            format == QC_CODEBOOK_LIWC ? ", wildcards other than at the end"
                                       : "");
  return rc;
}

/* ---- qdpx: the corpus loop's visitor ---- */

typedef struct project {
  qc_qdpx *p;
  const qc_reader_opts *reader; /* a source's text is read as the coder's */
  int failed; /* the exit status of a source that could not be read */
} project;

static void start_file(void *ctx, const qc_transcript *t, const char *group) {
  project *pr = ctx;
  qc_error err;
  qc_error_clear(&err);
  if (qc_qdpx_add_file(pr->p, qc_transcript_name(t), pr->reader, t, group,
                       &err) != QC_OK &&
      !pr->failed)
    pr->failed = cli_report(&err);
}

static void add_segment(void *ctx, const qc_transcript *t,
                        const qc_segment *seg, const char *group,
                        const qc_coding *coding) {
  (void)t;
  qc_qdpx_add_segment(((project *)ctx)->p, seg, group, coding);
}

static void end_file(void *ctx, bool ok) {
  if (!ok)
    qc_qdpx_drop_source(((project *)ctx)->p);
}

/* The project's name: the output file's name without folder and .qdpx. */
static char *project_name(const char *output) {
  const char *base = strrchr(output, '/');
  base = base ? base + 1 : output;
  size_t n = strlen(base);
  if (n > 5 && !strcmp(base + n - 5, ".qdpx"))
    n -= 5;
  char *name = cli_xcalloc(n + 1, 1);
  memcpy(name, base, n);
  return name;
}

static int export_qdpx(cli_corpus *in, qc_qdpx_unit unit, const char *output,
                       int nfiles, char **files) {
  if (!output || !strcmp(output, "-"))
    return cli_usage_error("export", "qdpx needs -o FILE.qdpx (a zip)");
  for (int i = 0; i < nfiles; i++)
    if (!strcmp(files[i], "-"))
      return cli_usage_error("export", "qdpx cannot read a transcript from "
                                       "standard input");
  if (!nfiles && !in->files_from)
    return cli_usage_error("export", "qdpx needs transcripts");
  int rc = cli_corpus_load(in, "export");
  if (rc != QC_EXIT_OK)
    return rc;
  project pr = {qc_qdpx_new(in->cb, unit), &in->reader, 0};
  cli_visitor v = {start_file, add_segment, end_file, &pr, NULL, NULL};
  rc = cli_corpus_run(in, nfiles, files, &v);
  if (rc == QC_EXIT_OK)
    rc = pr.failed;
  if (rc == QC_EXIT_OK) {
    qc_error err;
    qc_error_clear(&err);
    char *name = project_name(output);
    if (qc_qdpx_write(pr.p, output, name, &err) != QC_OK)
      rc = cli_report(&err);
    free(name);
  }
  if (rc == QC_EXIT_OK)
    rc = in->failed;
  qc_qdpx_free(pr.p);
  return rc;
}

int cmd_export(int argc, char **argv) {
  const char *output = NULL;
  qc_qdpx_unit unit = QC_QDPX_SEGMENTS;
  cli_corpus in;
  cli_corpus_init(&in, argc);
  int c, i, rc = QC_EXIT_OK;
  optind = 0;
  opterr = 0;
  while (rc == QC_EXIT_OK &&
         (c = getopt_long(argc, argv, ":c:o:h0k", options, NULL)) != -1) {
    int taken = cli_corpus_option(&in, "export", c, optarg);
    if (taken == 1)
      continue;
    if (taken) {
      rc = taken;
      break;
    }
    switch (c) {
    case 'o': output = optarg; break;
    case OPT_SELECTIONS:
      if ((i = cli_choice(optarg, units)) < 0)
        rc = cli_usage_error("export", "unknown selection unit '%s' "
                                       "(segment, hit)", optarg);
      unit = i == 1 ? QC_QDPX_HITS : QC_QDPX_SEGMENTS;
      break;
    case 'h':
      fputs(usage, stdout);
      cli_corpus_release(&in);
      return QC_EXIT_OK;
    case ':':
      rc = cli_usage_error("export", "option '%s' needs a value",
                           argv[optind - 1]);
      break;
    default:
      rc = cli_usage_error("export", "unknown option '%s'", argv[optind - 1]);
    }
  }
  int format = -1;
  if (rc == QC_EXIT_OK && optind == argc)
    rc = cli_usage_error("export", "give a format (qdc, qdpx, dic, quanteda)");
  if (rc == QC_EXIT_OK && (format = cli_choice(argv[optind], formats)) < 0)
    rc = cli_usage_error("export", "unknown format '%s' (qdc, qdpx, dic, quanteda)",
                         argv[optind]);
  if (rc == QC_EXIT_OK && !in.codebook)
    rc = cli_usage_error("export", "give a codebook with -c");
  if (rc == QC_EXIT_OK && format != 1 && argc - optind != 1) {
    rc = cli_usage_error("export", "%s takes no transcripts", argv[optind]);
  } else if (rc == QC_EXIT_OK && format != 1) {
    rc = export_codebook(in.codebook,
                         format == 0   ? QC_CODEBOOK_QCODE
                         : format == 2 ? QC_CODEBOOK_LIWC
                                       : QC_CODEBOOK_QUANTEDA,
                         output);
  } else if (rc == QC_EXIT_OK) {
    rc = export_qdpx(&in, unit, output, argc - optind - 1, argv + optind + 1);
  }
  cli_corpus_release(&in);
  return rc;
}
