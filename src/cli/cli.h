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

#include <stddef.h>

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
int cmd_check(int argc, char **argv);
int cmd_tokenize(int argc, char **argv);

/* Maps a library status to an exit status. */
int cli_exit_for(qc_status status);

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

/* Parses a choice: returns the index of 'arg' in the NULL-terminated
 * 'names', or -1. */
int cli_choice(const char *arg, const char *const *names);

#endif
