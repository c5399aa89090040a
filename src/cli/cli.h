/* cli.h: helpers shared by the qcode subcommands.
 *
 * How to add a subcommand: write src/cli/cmd_NAME.c with
 * `int cmd_NAME(int argc, char **argv)` (argv[0] is "NAME"), a usage
 * string and a getopt_long option table next to it; declare it below; add
 * a row to the table in main.c; add the file to CMakeLists.txt; document it
 * in README.md and man/qcode.1.md; add tests under tests/cli/NAME/. Work
 * that is not argument handling belongs in the library (include/qcode.h).
 */
#ifndef QC_CLI_H
#define QC_CLI_H

#include "qcode.h"

#include <getopt.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>

/* Exit statuses; documented in `qcode --help`, README.md and qcode(1). */
enum {
  QC_EXIT_OK = 0,    /* success */
  QC_EXIT_FOUND = 1, /* a negative result: check found problems, diff found
                        differences */
  QC_EXIT_USAGE = 2, /* invalid command line */
  QC_EXIT_DATA = 3,  /* invalid input data: codebook, transcript, table */
  QC_EXIT_IO = 4     /* I/O or system error */
};

#define QC_EXIT_STATUS_HELP                                                    \
  "Exit status: 0 success; 1 negative result (differences, failed checks);\n" \
  "2 usage error; 3 invalid input data (codebook, transcript, UTF-8,\n"        \
  "regex); 4 I/O or system error (open, read, write).\n"

/* Speaker labels whose turns are not coded unless --moderators says
 * otherwise (compared without regard to case). */
#define QC_DEFAULT_MODERATORS                                                  \
  "Moderator,Interviewer,Gespreksleider,Facilitator,Onderzoeker"

int cmd_apply(int argc, char **argv);
int cmd_agree(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_code(int argc, char **argv);
int cmd_codes(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_forms(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_cooccur(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_suggest(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_kwic(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_tokenize(int argc, char **argv);

/* calloc and realloc that end qcode on failure, as the library's
 * allocations do. */
void *cli_xcalloc(size_t n, size_t size);
void *cli_xrealloc(void *p, size_t size);

/* Maps a library status to an exit status. */
int cli_exit_for(qc_status status);

/* The stream diagnostics go to: stderr, unless this thread redirected
 * them with cli_diag_to (NULL: back to stderr). */
FILE *cli_diag(void);
void cli_diag_to(FILE *fp);

/* Prints "qcode: FILE:LINE:COL: error: MSG" (or without the position) and
 * returns the exit status for the error's code. */
int cli_report(const qc_error *err);

void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints the error and "try 'qcode CMD --help'"; returns QC_EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Writes 'data' to 'path' atomically (a temporary file in the same folder,
 * then rename), or to stdout when path is NULL or "-". Returns an exit
 * status; on failure an existing file at 'path' is left as it was. */
int cli_write_output(const char *path, const char *data, size_t len);

/* Set by main's SIGPIPE handler: the reader of stdout went away. */
extern volatile sig_atomic_t cli_pipe_broken;

/* Reports a failed write to stdout and returns the exit status: 4, or 0
 * when the reader went away (EPIPE). */
int cli_stdout_failed(void);

/* Reads a list of paths, one per line or NUL-separated, from 'path' ("-":
 * stdin); empty entries are skipped. Returns an exit status; the list and
 * its strings are freed with cli_free_list. */
int cli_read_list(const char *path, bool nul, char ***list, size_t *n);
void cli_free_list(char **list, size_t n);

/* Parses a choice: returns the index of 'arg' in the NULL-terminated
 * 'names', or -1. */
int cli_choice(const char *arg, const char *const *names);

/* ---- corpus.c: what `apply` and `code` share: which transcripts to
 * read and how, and the loop that codes their segments. ---- */

enum { CLI_OPT_BY = 300, CLI_OPT_UNIT, CLI_OPT_META, CLI_OPT_SET,
       CLI_OPT_MODERATORS, CLI_OPT_SPEAKER_PATTERN, CLI_OPT_FILES_FROM,
       CLI_OPT_PROGRESS, CLI_OPT_KEEP_GOING, CLI_OPT_ENCODING,
       CLI_OPT_DICTIONARY_FORMAT };
enum { CLI_OPT_TRANSCRIPT_FORMAT = 330, CLI_OPT_TIMES };

/* The getopt_long entries of the shared options (with -c). */
#define CLI_CORPUS_OPTIONS                                                     \
  {"codebook", required_argument, NULL, 'c'},                                  \
      {"by", required_argument, NULL, CLI_OPT_BY},                             \
      {"unit", required_argument, NULL, CLI_OPT_UNIT},                         \
      {"meta", required_argument, NULL, CLI_OPT_META},                         \
      {"set", required_argument, NULL, CLI_OPT_SET},                           \
      {"moderators", required_argument, NULL, CLI_OPT_MODERATORS},             \
      {"files-from", required_argument, NULL, CLI_OPT_FILES_FROM},             \
      {"null", no_argument, NULL, '0'},                                        \
      {"progress", no_argument, NULL, CLI_OPT_PROGRESS},                       \
      {"keep-going", no_argument, NULL, CLI_OPT_KEEP_GOING},                   \
      {"encoding", required_argument, NULL, CLI_OPT_ENCODING},                 \
      {"transcript-format", required_argument, NULL,                           \
       CLI_OPT_TRANSCRIPT_FORMAT},                                             \
      {"times", no_argument, NULL, CLI_OPT_TIMES},                             \
      {"dictionary-format", required_argument, NULL,                           \
       CLI_OPT_DICTIONARY_FORMAT},                                             \
  {                                                                            \
    "speaker-pattern", required_argument, NULL, CLI_OPT_SPEAKER_PATTERN        \
  }

#define CLI_CORPUS_HELP                                                        \
  "  -c, --codebook FILE     the YAML codebook (required)\n"                  \
  "      --by KEY[,KEY...]   group by metadata keys, 'speaker' or 'file',\n" \
  "                          one column each (default: subsector); a key\n"  \
  "                          no transcript has is an error; 'speaker'\n"     \
  "                          alone pools a label across files\n"            \
  "      --unit UNIT         coding unit: turn (default), paragraph,\n"       \
  "                          sentence\n"                                       \
  "      --meta FILE         metadata per transcript from a TSV/CSV table\n"  \
  "                          with a 'file' column\n"                           \
  "      --set KEY=VALUE     set metadata for every transcript (repeatable)\n"\
  "      --moderators LIST   comma-separated speaker labels not coded\n"      \
  "                          (default: " QC_DEFAULT_MODERATORS ");\n"        \
  "                          '' codes every speaker\n"                         \
  "      --speaker-pattern RE  PCRE2 pattern for a turn-starting line, with\n"\
  "                          a group (?<speaker>...)\n"                       \
  "      --files-from FILE   also read the transcripts named in FILE, one\n" \
  "                          path per line ('-': standard input)\n"          \
  "  -0, --null              --files-from names are NUL-separated, as from\n"\
  "                          find -print0\n"                                 \
  "      --progress          show files done on stderr, when it is a\n"      \
  "                          terminal and the work takes over a second\n"    \
  "  -k, --keep-going        report a file that fails and go on with the\n" \
  "                          others; the output has the rest, the exit\n"    \
  "                          status is still that of the failure\n"          \
  "      --encoding ENC      transcripts are in ENC (latin1, cp1252, ...),\n"\
  "                          not UTF-8: converted first\n"                \
  "      --transcript-format F  read transcripts as F: txt, docx, odt, vtt\n"\
  "                          or srt; default: by name and content\n"      \
  "      --times             code, kwic: columns start_time and end_time\n"\
  "                          (cue and turn times; on for .vtt and .srt)\n"\
  "      --dictionary-format F  read the codebook as F: qcode, liwc (.dic),\n"\
  "                          quanteda (YAML) or wordstat (.cat); default:\n"\
  "                          by its name and content (docs/INTEROP.md)\n"

typedef struct cli_corpus {
  const char *codebook, *meta_path, *moderators, *by, *files_from;
  const char *cmd; /* the subcommand, for messages */
  char **keys;     /* --by split at its commas */
  size_t nkeys;
  bool by_given; /* --by was given: a key no transcript has is an error */
  bool nul_separated, progress, keep_going, times;
  unsigned jobs; /* worker threads; 0 or 1: code in the calling thread */
  int failed; /* with --keep-going: exit status of the worst failed file */
  size_t nfailed;
  qc_reader_opts reader;
  qc_codebook_format codebook_format;
  char **sets; /* "key=value" */
  size_t nsets;
  qc_codebook *cb;
  qc_metatable *meta;
  qc_coder *coder;
} cli_corpus;

/* Called for each transcript before its segments, and for each coded
 * segment; 'group' is the segment's values of the --by keys joined with
 * QC_GROUP_SEP (NULL for the transcript when a key is 'speaker'). */
typedef struct cli_visitor {
  void (*file)(void *ctx, const qc_transcript *t, const char *group);
  void (*segment)(void *ctx, const qc_transcript *t, const qc_segment *seg,
                  const char *group, const qc_coding *coding);
  /* After a transcript's last segment; 'ok' false when it failed midway,
   * so that what it added can be dropped (--keep-going). May be NULL. */
  void (*done)(void *ctx, bool ok);
  void *ctx;
  /* For --jobs: a fresh context for a worker thread, and the merge of a
   * worker's context into 'ctx' (which frees it). A visitor without them
   * is run in one thread. Merges happen in worker order, so what a
   * context collects must not depend on the order of files. */
  void *(*fork)(void *ctx);
  void (*join)(void *ctx, void *worker);
} cli_visitor;

void cli_corpus_init(cli_corpus *c, int argc);
/* Takes a shared option: returns 1 when 'opt' was one, 0 when it is not,
 * or QC_EXIT_USAGE (after the message) when its value is bad. */
int cli_corpus_option(cli_corpus *c, const char *cmd, int opt,
                      const char *arg);
/* Loads the codebook and metadata table; returns an exit status. */
int cli_corpus_load(cli_corpus *c, const char *cmd);
/* Codes every segment of the files and of those named by --files-from
 * (standard input when there are none) and stops at the first error, or
 * with --keep-going skips failing files (c->failed then holds the exit
 * status to end with); returns an exit status. A --by key that none of
 * the transcripts read has (nor --set, nor --meta) is a usage error. */
int cli_corpus_run(cli_corpus *c, int nfiles, char **files,
                   const cli_visitor *v);
void cli_corpus_release(cli_corpus *c);
/* True when the output gets time columns: --times, or subtitles among
 * the files (by --transcript-format or by name). */
bool cli_corpus_timed(const cli_corpus *c, int nfiles, char **files);
/* Parses a --transcript-format value; returns 1, or QC_EXIT_USAGE after
 * the message. */
int cli_transcript_format(const char *cmd, const char *arg,
                          qc_text_format *f);

#endif
