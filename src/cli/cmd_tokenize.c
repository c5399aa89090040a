/* cmd_tokenize.c: `qcode tokenize`, print the tokens of transcripts as the
 * coder sees them: one token per line, or a TSV table with offsets. Front
 * matter, speaker labels and comment lines are not text and are skipped. */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: qcode tokenize [OPTIONS] [FILE...|-]\n"
    "\n"
    "Prints the tokens of each transcript's text (standard input when no\n"
    "FILE or '-'), one per line. Front matter, speaker labels and '#'\n"
    "comment lines are skipped.\n"
    "\n"
    "Options:\n"
    "  -f, --format FORMAT     text (default: one token per line) or tsv\n"
    "                          (columns file, offset, length, type,\n"
    "                          sentence_end, token; offset is the byte offset\n"
    "                          in the file)\n"
    "      --sentences         text format: an empty line after each sentence\n"
    "      --speaker-pattern RE  PCRE2 pattern for a turn-starting line\n"
    "      --files-from FILE   also read the transcripts named in FILE, one\n"
    "                          path per line ('-': standard input)\n"
    "  -0, --null              --files-from names are NUL-separated\n"
    "      --encoding ENC      transcripts are in ENC (latin1, cp1252, ...),\n"
    "                          converted to UTF-8 first\n"
    "      --transcript-format F  txt, docx, odt, vtt or srt (default: by\n"
    "                          name, then content); offsets then refer to\n"
    "                          the text 'qcode extract' prints\n"
    "  -h, --help              show this help\n"
    "\n" QC_EXIT_STATUS_HELP;

enum { OPT_SENTENCES = 256, OPT_SPEAKER_PATTERN, OPT_FILES_FROM, OPT_ENCODING,
       OPT_TRANSCRIPT_FORMAT };

static const struct option options[] = {
    {"format", required_argument, NULL, 'f'},
    {"sentences", no_argument, NULL, OPT_SENTENCES},
    {"speaker-pattern", required_argument, NULL, OPT_SPEAKER_PATTERN},
    {"files-from", required_argument, NULL, OPT_FILES_FROM},
    {"null", no_argument, NULL, '0'},
    {"encoding", required_argument, NULL, OPT_ENCODING},
    {"transcript-format", required_argument, NULL, OPT_TRANSCRIPT_FORMAT},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

static const char *const formats[] = {"text", "tsv", NULL};

typedef struct tok_args {
  bool tsv, sentences, nul;
  const char *files_from;
  qc_reader_opts reader;
} tok_args;

/* Writes a token's line (a TSV cell: tokens hold no tab or newline, so no
 * escaping is needed beyond that guarantee). The caller holds the lock on
 * stdout for a whole segment: locking per call was a fifth of the
 * command's time. */
static void put_token(const tok_args *a, const char *file,
                      const qc_segment *seg, const qc_token *tok) {
  if (a->tsv)
    printf("%s\t%zu\t%zu\t%s\t%d\t", file, seg->offset + tok->start,
           (size_t)tok->len, qc_token_type_name(tok->type),
           (tok->flags & QC_TOKF_SENTENCE_END) != 0);
  const char *p = seg->text + tok->start;
  for (uint32_t i = 0; i < tok->len; i++)
    putc_unlocked(p[i], stdout);
  putc_unlocked('\n', stdout);
  if (!a->tsv && a->sentences && (tok->flags & QC_TOKF_SENTENCE_END))
    putc_unlocked('\n', stdout);
}

static int tokenize_file(const tok_args *a, const char *path,
                         qc_tokenizer *tz) {
  qc_error err;
  qc_error_clear(&err);
  qc_transcript *t;
  if (qc_transcript_open(&t, path, NULL, &a->reader, &err) != QC_OK)
    return cli_report(&err);
  const qc_segment *seg;
  qc_status s;
  while ((s = qc_transcript_next(t, &seg, &err)) == QC_OK && seg) {
    const qc_token *toks;
    size_t n = qc_tokenizer_run(tz, seg->text, seg->len, &toks);
    flockfile(stdout);
    for (size_t i = 0; i < n; i++)
      put_token(a, qc_transcript_name(t), seg, &toks[i]);
    funlockfile(stdout);
  }
  qc_transcript_free(t);
  return s == QC_OK ? QC_EXIT_OK : cli_report(&err);
}

int cmd_tokenize(int argc, char **argv) {
  tok_args a = {0};
  int c, i;
  optind = 0;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":f:h0", options, NULL)) != -1) {
    switch (c) {
    case 'f':
      if ((i = cli_choice(optarg, formats)) < 0)
        return cli_usage_error("tokenize", "unknown format '%s'", optarg);
      a.tsv = i == 1;
      break;
    case OPT_SENTENCES: a.sentences = true; break;
    case OPT_SPEAKER_PATTERN: a.reader.speaker_pattern = optarg; break;
    case OPT_FILES_FROM: a.files_from = optarg; break;
    case '0': a.nul = true; break;
    case OPT_ENCODING: a.reader.encoding = optarg; break;
    case OPT_TRANSCRIPT_FORMAT:
      if ((i = cli_transcript_format("tokenize", optarg, &a.reader.format)) != 1)
        return i;
      break;
    case 'h': fputs(usage, stdout); return QC_EXIT_OK;
    case ':':
      return cli_usage_error("tokenize", "option '%s' needs a value",
                             argv[optind - 1]);
    default:
      return cli_usage_error("tokenize", "unknown option '%s'",
                             argv[optind - 1]);
    }
  }
  if (a.tsv)
    fputs("file\toffset\tlength\ttype\tsentence_end\ttoken\n", stdout);
  char **listed = NULL;
  size_t nlisted = 0;
  if (a.files_from) {
    int rc = cli_read_list(a.files_from, a.nul, &listed, &nlisted);
    if (rc != QC_EXIT_OK)
      return rc;
  }
  qc_tokenizer *tz = qc_tokenizer_new();
  int rc = QC_EXIT_OK;
  size_t nargs = (size_t)(argc - optind);
  if (nargs == 0 && !a.files_from)
    rc = tokenize_file(&a, "-", tz);
  /* Stop early once stdout failed (a closed pipe); main reports it. */
  for (size_t k = 0; k < nargs + nlisted && rc == QC_EXIT_OK && !ferror(stdout);
       k++)
    rc = tokenize_file(&a, k < nargs ? argv[optind + (int)k] : listed[k - nargs],
                       tz);
  qc_tokenizer_free(tz);
  cli_free_list(listed, nlisted);
  return rc;
}
