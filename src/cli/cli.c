/* cli.c: error reporting, exit statuses and safe output for the qcode
 * command. Diagnostics follow the GNU format, "qcode: FILE:LINE:COL: error:
 * MESSAGE", on stderr; stdout carries data only. */
#include "cli.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void *cli_xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p) {
    fputs("qcode: fatal: out of memory\n", stderr);
    abort();
  }
  return p;
}

void *cli_xrealloc(void *p, size_t size) {
  void *q = realloc(p, size ? size : 1);
  if (!q) {
    fputs("qcode: fatal: out of memory\n", stderr);
    abort();
  }
  return q;
}

int cli_exit_for(qc_status status) {
  switch (status) {
  case QC_OK: return QC_EXIT_OK;
  case QC_ERR_USAGE: return QC_EXIT_USAGE;
  case QC_ERR_NOMEM:
  case QC_ERR_IO: return QC_EXIT_IO;
  default: return QC_EXIT_DATA;
  }
}

/* Where this thread's diagnostics go: stderr, or a worker's buffer that
 * is printed in input order (corpus.c, --jobs). */
static _Thread_local FILE *diag_stream;

FILE *cli_diag(void) { return diag_stream ? diag_stream : stderr; }

void cli_diag_to(FILE *fp) { diag_stream = fp; }

int cli_report(const qc_error *err) {
  FILE *fp = cli_diag();
  if (err->file[0] && err->line)
    fprintf(fp, "qcode: %s:%u:%u: error: %s\n", err->file, err->line,
            err->col ? err->col : 1, err->msg);
  else if (err->file[0])
    fprintf(fp, "qcode: %s: error: %s\n", err->file, err->msg);
  else
    fprintf(fp, "qcode: error: %s\n", err->msg);
  return cli_exit_for(err->code);
}

static void vsay(const char *kind, const char *fmt, va_list ap) {
  FILE *fp = cli_diag();
  fprintf(fp, "qcode: %s: ", kind);
  vfprintf(fp, fmt, ap);
  fputc('\n', fp);
}

void cli_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsay("error", fmt, ap);
  va_end(ap);
}

void cli_warning(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsay("warning", fmt, ap);
  va_end(ap);
}

int cli_usage_error(const char *cmd, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsay("error", fmt, ap);
  va_end(ap);
  fprintf(stderr, "try 'qcode %s%s--help'\n", cmd ? cmd : "", cmd ? " " : "");
  return QC_EXIT_USAGE;
}

volatile sig_atomic_t cli_pipe_broken;

int cli_stdout_failed(void) {
  /* A reader that stopped early (`qcode ... | head`) is no error: main
   * catches SIGPIPE, so the write fails with EPIPE and qcode ends quietly. */
  if (errno == EPIPE || cli_pipe_broken)
    return QC_EXIT_OK;
  cli_error("cannot write to standard output: %s",
            errno ? strerror(errno) : "write error");
  return QC_EXIT_IO;
}

static int write_all(FILE *fp, const char *data, size_t len) {
  return fwrite(data, 1, len, fp) == len && fflush(fp) == 0 && !ferror(fp);
}

static int write_in_place(const char *path, const char *data, size_t len);
static int write_replacing(const char *path, const char *data, size_t len);

int cli_write_output(const char *path, const char *data, size_t len) {
  if (!path || strcmp(path, "-") == 0) {
    errno = 0;
    if (!write_all(stdout, data, len))
      return cli_stdout_failed();
    return QC_EXIT_OK;
  }
  /* A device or FIFO (-o /dev/stdout, /dev/full, a named pipe) is written
   * in place: renaming a file over it would replace the device. A symlink
   * is followed, so the link survives and its target is replaced. */
  struct stat st;
  char *real = NULL;
  if (stat(path, &st) == 0) {
    if (!S_ISREG(st.st_mode))
      return write_in_place(path, data, len);
    real = realpath(path, NULL);
    if (real)
      path = real;
  }
  int rc = write_replacing(path, data, len);
  free(real);
  return rc;
}

/* Writes a temporary file next to 'path' and renames it over 'path' only
 * when all of it is on disk, so a failed run leaves 'path' as it was. */
static int write_replacing(const char *path, const char *data, size_t len) {
  size_t n = strlen(path) + sizeof ".tmp.XXXXXX";
  char *tmp = malloc(n);
  if (!tmp) {
    cli_error("out of memory");
    return QC_EXIT_IO;
  }
  snprintf(tmp, n, "%s.tmp.XXXXXX", path);
  int fd = mkstemp(tmp);
  if (fd < 0) {
    cli_error("cannot create a temporary file next to '%s': %s", path,
              strerror(errno));
    free(tmp);
    return QC_EXIT_IO;
  }
  /* mkstemp makes the file 0600; give it the mode a plain create would. */
  mode_t mask = umask(0);
  umask(mask);
  (void)fchmod(fd, 0666 & ~mask);
  FILE *fp = fdopen(fd, "wb");
  int ok = fp && write_all(fp, data, len) && fsync(fd) == 0;
  int saved = errno;
  if (fp ? fclose(fp) != 0 : close(fd) != 0) {
    if (ok)
      saved = errno;
    ok = 0;
  }
  if (ok && rename(tmp, path) != 0) {
    saved = errno;
    ok = 0;
  }
  if (!ok) {
    unlink(tmp);
    cli_error("cannot write '%s': %s", path, strerror(saved));
  }
  free(tmp);
  return ok ? QC_EXIT_OK : QC_EXIT_IO;
}

static int write_in_place(const char *path, const char *data, size_t len) {
  FILE *fp = fopen(path, "wb");
  int ok = fp && write_all(fp, data, len);
  int saved = errno;
  if (fp && fclose(fp) != 0) {
    if (ok)
      saved = errno;
    ok = 0;
  }
  if (!ok)
    cli_error("cannot write '%s': %s", path, strerror(saved));
  return ok ? QC_EXIT_OK : QC_EXIT_IO;
}

int cli_choice(const char *arg, const char *const *names) {
  for (int i = 0; names[i]; i++)
    if (strcmp(arg, names[i]) == 0)
      return i;
  return -1;
}

int cli_read_list(const char *path, bool nul, char ***list, size_t *n) {
  FILE *fp = strcmp(path, "-") ? fopen(path, "rb") : stdin;
  *list = NULL;
  *n = 0;
  if (!fp) {
    cli_error("cannot open '%s': %s", path, strerror(errno));
    return QC_EXIT_IO;
  }
  size_t cap = 0, len = 0, size = 0;
  char *entry = NULL;
  int c, rc = QC_EXIT_OK;
  bool oom = false;
  do {
    c = getc(fp);
    if (c != EOF && c != (nul ? '\0' : '\n')) {
      if (len + 2 > size) {
        char *e = realloc(entry, size = 2 * size + 64);
        if (!(oom = !e))
          entry = e;
      }
      if (oom)
        break;
      entry[len++] = (char)c;
      continue;
    }
    if (len && !nul && entry[len - 1] == '\r')
      len--; /* a list saved with CRLF line ends */
    if (!len)
      continue;
    entry[len] = '\0';
    if (*n == cap) {
      char **l = realloc(*list, (cap = 2 * cap + 16) * sizeof *l);
      if ((oom = !l))
        break;
      *list = l;
    }
    (*list)[(*n)++] = entry;
    entry = NULL;
    len = size = 0;
  } while (c != EOF);
  if (oom) {
    cli_error("out of memory");
    rc = QC_EXIT_IO;
  } else if (ferror(fp)) {
    cli_error("cannot read '%s': %s", path, strerror(errno));
    rc = QC_EXIT_IO;
  }
  free(entry);
  if (fp != stdin)
    fclose(fp);
  return rc;
}

void cli_free_list(char **list, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(list[i]);
  free(list);
}
