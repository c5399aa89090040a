/* main.c: the qcode command. Dispatches to a subcommand from one table. */
#include "cli.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

static int cmd_help(int argc, char **argv);

static const struct qc_cmd {
  const char *name;
  int (*run)(int argc, char **argv);
  const char *summary;
} cmds[] = {
    {"apply", cmd_apply, "code transcripts and write code frequencies"},
    {"code", cmd_code, "code transcripts and list every coded segment"},
    {"agree", cmd_agree, "agreement between two codings (kappa, alpha, F1)"},
    {"kwic", cmd_kwic, "keyword in context: every hit with its context"},
    {"cooccur", cmd_cooccur, "which codes go together in a segment"},
    {"report", cmd_report, "one HTML page: charts, evidence, codebook"},
    {"suggest", cmd_suggest, "rules that would agree better with a coding sheet"},
    {"diff", cmd_diff, "what a codebook change does to the coding"},
    {"merge", cmd_merge, "add up the tables of separate apply runs"},
    {"codes", cmd_codes, "list the codes of a codebook"},
    {"check", cmd_check, "validate a codebook and run its examples"},
    {"explain", cmd_explain, "every rule match on a text, counted or why not"},
    {"tokenize", cmd_tokenize, "print the Dutch tokens of transcripts"},
    {"extract", cmd_extract, "the text qcode codes in a .docx, .odt, .vtt, .srt"},
    {"forms", cmd_forms, "the word forms a Dutch lemma expands to"},
    {"export", cmd_export, "a codebook or coding as REFI-QDA (.qdc, .qdpx)"},
    {"import", cmd_import, "a codebook or coding sheet from REFI-QDA files"},
    {"help", cmd_help, "show the help of a command"},
};

#define NCMDS (sizeof cmds / sizeof *cmds)

static void usage(FILE *fp) {
  fputs("usage: qcode COMMAND [OPTIONS] [FILE...]\n"
        "       qcode --help | --version\n\n"
        "qcode codes Dutch focus-group transcripts with a YAML codebook.\n\n"
        "Commands:\n",
        fp);
  for (size_t i = 0; i < NCMDS; i++)
    fprintf(fp, "  %-10s %s\n", cmds[i].name, cmds[i].summary);
  fputs("\nRun 'qcode COMMAND --help' for a command's options.\n\n", fp);
  fputs(QC_EXIT_STATUS_HELP, fp);
}

static const struct qc_cmd *find(const char *name) {
  for (size_t i = 0; i < NCMDS; i++)
    if (strcmp(cmds[i].name, name) == 0)
      return &cmds[i];
  return NULL;
}

/* `qcode help CMD` is `qcode CMD --help`. */
static int cmd_help(int argc, char **argv) {
  if (argc < 2) {
    usage(stdout);
    return QC_EXIT_OK;
  }
  const struct qc_cmd *c = find(argv[1]);
  if (!c || c->run == cmd_help)
    return cli_usage_error(NULL, "unknown command '%s'", argv[1]);
  char *args[] = {argv[1], "--help", NULL};
  return c->run(2, args);
}

static void version(void) {
  char libs[256];
  qc_library_versions(libs, sizeof libs);
  printf("qcode %s\n%s\n", qc_version_string(), libs);
}

static void on_sigpipe(int sig) {
  (void)sig;
  cli_pipe_broken = 1;
}

int main(int argc, char **argv) {
  /* Writes to a closed pipe then fail with EPIPE, which ends qcode quietly
   * with status 0 instead of killing it (see cli_stdout_failed). */
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_sigpipe;
  sigaction(SIGPIPE, &sa, NULL);
  if (argc < 2) {
    usage(stderr);
    return QC_EXIT_USAGE;
  }
  const char *a = argv[1];
  int rc;
  if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
    usage(stdout);
    rc = QC_EXIT_OK;
  } else if (!strcmp(a, "--version")) {
    version();
    rc = QC_EXIT_OK;
  } else if (a[0] == '-') {
    return cli_usage_error(NULL, "unknown option '%s'", a);
  } else {
    const struct qc_cmd *c = find(a);
    if (!c)
      return cli_usage_error(NULL, "unknown command '%s'", a);
    rc = c->run(argc - 1, argv + 1);
  }
  errno = 0;
  if (rc == QC_EXIT_OK && (fflush(stdout) != 0 || ferror(stdout))) {
    if (errno == 0)
      errno = EIO; /* the error came from an earlier write */
    return cli_stdout_failed();
  }
  return rc;
}
