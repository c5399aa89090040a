/* corpus.c: reading and coding transcripts for `apply`, `code`, `diff`
 * and `kwic`: metadata precedence (--set, --meta, front matter), the
 * groups of --by, moderator turns, and the error report that names the
 * segment when a regex stops. */
#include "cli.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

static const char *const units[] = {"turn", "paragraph", "sentence", NULL};
/* In the order of qc_codebook_format, after AUTO. */
static const char *const dictionary_formats[] = {"qcode", "liwc", "quanteda",
                                                 "wordstat", NULL};

static void free_keys(cli_corpus *c) {
  for (size_t k = 0; k < c->nkeys; k++)
    free(c->keys[k]);
  free(c->keys);
  c->keys = NULL;
  c->nkeys = 0;
}

/* --by KEY[,KEY...]: the keys in order, none empty and none twice. */
static int set_keys(cli_corpus *c, const char *cmd, const char *arg) {
  free_keys(c);
  c->by = arg;
  size_t n = 1;
  for (const char *p = arg; *p; p++)
    n += *p == ',';
  c->keys = cli_xcalloc(n, sizeof *c->keys);
  for (const char *p = arg;; p++) {
    size_t len = strcspn(p, ",");
    if (len == 0)
      return cli_usage_error(cmd, "--by wants KEY[,KEY...], not '%s' (a key "
                                  "is empty)",
                             arg);
    for (size_t k = 0; k < c->nkeys; k++)
      if (strlen(c->keys[k]) == len && !strncmp(c->keys[k], p, len))
        return cli_usage_error(cmd, "--by names '%s' twice", c->keys[k]);
    char *key = cli_xcalloc(len + 1, 1);
    memcpy(key, p, len);
    c->keys[c->nkeys++] = key;
    p += len;
    if (!*p)
      return 1;
  }
}

void cli_corpus_init(cli_corpus *c, int argc) {
  memset(c, 0, sizeof *c);
  set_keys(c, NULL, "subsector");
  c->moderators = QC_DEFAULT_MODERATORS;
  c->sets = cli_xcalloc((size_t)argc + 1, sizeof *c->sets);
}

int cli_corpus_option(cli_corpus *c, const char *cmd, int opt,
                      const char *arg) {
  int i;
  switch (opt) {
  case 'c': c->codebook = arg; return 1;
  case CLI_OPT_BY: c->by_given = true; return set_keys(c, cmd, arg);
  case CLI_OPT_META: c->meta_path = arg; return 1;
  case CLI_OPT_MODERATORS: c->moderators = arg; return 1;
  case CLI_OPT_SPEAKER_PATTERN: c->reader.speaker_pattern = arg; return 1;
  case CLI_OPT_FILES_FROM: c->files_from = arg; return 1;
  case '0': c->nul_separated = true; return 1;
  case CLI_OPT_PROGRESS: c->progress = true; return 1;
  case 'k':
  case CLI_OPT_KEEP_GOING: c->keep_going = true; return 1;
  case CLI_OPT_ENCODING: c->reader.encoding = arg; return 1;
  case CLI_OPT_TRANSCRIPT_FORMAT:
    return cli_transcript_format(cmd, arg, &c->reader.format);
  case CLI_OPT_TIMES: c->times = true; return 1;
  case CLI_OPT_DICTIONARY_FORMAT:
    if ((i = cli_choice(arg, dictionary_formats)) < 0)
      return cli_usage_error(cmd, "unknown dictionary format '%s' (qcode, "
                                  "liwc, quanteda, wordstat)", arg);
    c->codebook_format = (qc_codebook_format)(i + 1);
    return 1;
  case CLI_OPT_SET:
    if (!strchr(arg, '=') || arg[0] == '=')
      return cli_usage_error(cmd, "--set wants KEY=VALUE, not '%s'", arg);
    c->sets[c->nsets++] = (char *)arg;
    return 1;
  case CLI_OPT_UNIT:
    if ((i = cli_choice(arg, units)) < 0)
      return cli_usage_error(cmd, "unknown unit '%s'", arg);
    c->reader.unit = (qc_unit)i;
    return 1;
  default: return 0;
  }
}

int cli_corpus_load(cli_corpus *c, const char *cmd) {
  if (!c->codebook)
    return cli_usage_error(cmd, "no codebook: give one with -c CODEBOOK");
  c->cmd = cmd;
  qc_error err;
  qc_error_clear(&err);
  if (qc_codebook_load_as(&c->cb, c->codebook, c->codebook_format, &err) !=
      QC_OK)
    return cli_report(&err);
  if (c->meta_path && qc_metatable_load(&c->meta, c->meta_path, &err) != QC_OK)
    return cli_report(&err);
  c->coder = qc_coder_new(c->cb);
  return QC_EXIT_OK;
}

/* The value of metadata 'key' for a transcript: --set, --meta, then the
 * front matter. */
static const char *meta_value(const cli_corpus *c, const qc_transcript *t,
                              const char *key) {
  size_t klen = strlen(key);
  for (size_t i = c->nsets; i-- > 0;)
    if (!strncmp(c->sets[i], key, klen) && c->sets[i][klen] == '=')
      return c->sets[i] + klen + 1;
  const char *v =
      c->meta ? qc_metatable_get(c->meta, qc_transcript_name(t), key) : NULL;
  return v ? v : qc_transcript_meta(t, key);
}

/* What a transcript says about each grouping key (a row of the report's
 * 'found'): 0 while it has not been opened. */
enum { KEY_HAS = 1, KEY_LACKS };

static bool is_builtin(const char *key) {
  return !strcmp(key, "file") || !strcmp(key, "speaker");
}

/* The group of the values: joined with QC_GROUP_SEP, which inside a value
 * of several becomes a space so that the values stay apart. */
static const char *join(char **buf, size_t *cap, const char *const *vals,
                        size_t n) {
  size_t need = n;
  for (size_t k = 0; k < n; k++)
    need += strlen(vals[k]);
  if (need > *cap)
    *buf = cli_xrealloc(*buf, *cap = need);
  char *o = *buf;
  for (size_t k = 0; k < n; k++) {
    for (const char *p = vals[k]; *p; p++)
      *o++ = *p == QC_GROUP_SEP && n > 1 ? ' ' : *p;
    *o++ = k + 1 < n ? QC_GROUP_SEP : '\0';
  }
  return *buf;
}

/* A transcript's values of the --by keys, in 'vals'; the speaker's stays
 * NULL, to be filled per segment. Records in 'found' which keys it has,
 * and returns the index of 'speaker' among the keys, or -1. */
static size_t file_values(const cli_corpus *c, const qc_transcript *t,
                          const char **vals, unsigned char *found) {
  size_t speaker = (size_t)-1;
  for (size_t k = 0; k < c->nkeys; k++) {
    const char *key = c->keys[k];
    if (!strcmp(key, "speaker")) {
      speaker = k;
      vals[k] = NULL;
    } else {
      vals[k] =
          !strcmp(key, "file") ? qc_transcript_name(t) : meta_value(c, t, key);
    }
    found[k] = vals[k] || k == speaker ? KEY_HAS : KEY_LACKS;
    if (!vals[k] && k != speaker)
      vals[k] = "(none)";
  }
  return speaker;
}

static int run_file(cli_corpus *c, qc_coder *coder, const char *path,
                    const cli_visitor *v, void *ctx, unsigned char *found) {
  qc_error err;
  qc_error_clear(&err);
  qc_transcript *t;
  if (qc_transcript_open(&t, path, NULL, &c->reader, &err) != QC_OK)
    return cli_report(&err);
  const char **vals = cli_xcalloc(c->nkeys, sizeof *vals);
  char *buf = NULL;
  size_t cap = 0;
  size_t speaker = file_values(c, t, vals, found);
  const char *group =
      speaker == (size_t)-1 ? join(&buf, &cap, vals, c->nkeys) : NULL;
  if (v->file)
    v->file(ctx, t, group);
  const qc_segment *seg;
  const qc_coding *coding;
  qc_status s;
  while ((s = qc_transcript_next(t, &seg, &err)) == QC_OK && seg) {
    if (qc_speaker_listed(c->moderators, seg->speaker))
      continue;
    if ((s = qc_coder_code(coder, seg->text, seg->len, &coding, &err)))
      break;
    const char *g = group;
    if (speaker != (size_t)-1) {
      vals[speaker] = *seg->speaker ? seg->speaker : "(none)";
      g = join(&buf, &cap, vals, c->nkeys);
    }
    v->segment(ctx, t, seg, g, coding);
  }
  if (v->done)
    v->done(ctx, s == QC_OK);
  int rc = s == QC_OK ? QC_EXIT_OK : cli_report(&err);
  if (s != QC_OK && err.code == QC_ERR_REGEX && seg)
    fprintf(cli_diag(), "qcode: note: in segment %zu of '%s' (line %u)\n",
            seg->index, qc_transcript_name(t), seg->line);
  free(vals);
  free(buf);
  qc_transcript_free(t);
  return rc;
}

/* ---- messages in input order ----
 * Each file's messages are kept, and printed in input order after a
 * warning for each grouping key it lacks. Whether a key given with --by is
 * missing from some files (warnings) or from all (one error instead) is
 * known once a file that has it is read, or at the end: a file lacking
 * such a key waits until then, with the files after it. Other files print
 * as soon as they are done when one thread codes them. */
typedef struct report {
  size_t n, nkeys;
  const char *const *paths; /* a transcript's name is its path */
  char **diag;
  size_t *diaglen;
  unsigned char *found; /* [file * nkeys + key]: KEY_HAS, KEY_LACKS, 0 */
  bool *seen;           /* per key: a file counted so far has it */
  bool opened;          /* some file counted so far was opened */
  size_t counted;       /* files whose messages are due, in order */
  size_t printed;
} report;

static void report_init(report *r, const cli_corpus *c,
                        const char *const *paths, size_t n) {
  *r = (report){n, c->nkeys, paths, NULL, NULL, NULL, NULL, false, 0, 0};
  r->diag = cli_xcalloc(n, sizeof *r->diag);
  r->diaglen = cli_xcalloc(n, sizeof *r->diaglen);
  r->found = cli_xcalloc(n * c->nkeys, 1);
  r->seen = cli_xcalloc(c->nkeys, sizeof *r->seen);
}

static void report_release(report *r) {
  for (size_t i = 0; i < r->n; i++)
    free(r->diag[i]);
  free(r->diag);
  free(r->diaglen);
  free(r->found);
  free(r->seen);
}

/* A key whose absence everywhere is an error, not a warning per file. */
static bool checked(const cli_corpus *c, size_t k) {
  return c->by_given && !is_builtin(c->keys[k]);
}

/* Counts file 'counted' (the next in input order): the keys it has. */
static void report_count(report *r) {
  const unsigned char *f = r->found + r->counted * r->nkeys;
  for (size_t k = 0; k < r->nkeys; k++)
    r->seen[k] |= f[k] == KEY_HAS;
  r->opened |= r->nkeys && f[0];
  r->counted++;
}

/* Prints the messages of the counted files in input order, up to one that
 * lacks a checked key no counted file has had. With 'final' it prints them
 * all, and the warnings about such keys only with 'warn_unseen' (the run
 * failed, so no error about the key follows). */
static void report_print(const cli_corpus *c, report *r, bool final,
                         bool warn_unseen) {
  for (; r->printed < r->counted; r->printed++) {
    size_t i = r->printed;
    const unsigned char *f = r->found + i * r->nkeys;
    bool wait = false;
    for (size_t k = 0; k < r->nkeys && !final; k++)
      wait |= f[k] == KEY_LACKS && checked(c, k) && !r->seen[k];
    if (wait)
      return;
    for (size_t k = 0; k < r->nkeys; k++)
      if (f[k] == KEY_LACKS && (!checked(c, k) || r->seen[k] || warn_unseen))
        cli_warning("%s: no '%s' in --set, --meta or front matter; counted "
                    "under '(none)'",
                    r->paths[i], c->keys[k]);
    if (r->diag[i])
      fwrite(r->diag[i], 1, r->diaglen[i], stderr);
    free(r->diag[i]);
    r->diag[i] = NULL;
  }
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A progress line on stderr, only on a terminal and only once the work has
 * taken a second, so that short runs and pipelines stay quiet. */
typedef struct progress {
  bool on, shown;
  double start;
  size_t total;
} progress;

static void progress_step(progress *p, size_t done, const char *file) {
  if (!p->on || (!p->shown && now() - p->start < 1.0))
    return;
  p->shown = true;
  fprintf(stderr, "\r\033[Kqcode: %zu/%zu files, %s", done, p->total, file);
}

static void progress_end(progress *p) {
  if (p->shown)
    fputs("\r\033[K", stderr);
}

/* Runs file 'i' with its messages kept in the report. */
static int run_kept(cli_corpus *c, qc_coder *coder, report *r, size_t i,
                    const cli_visitor *v, void *ctx) {
  FILE *m = open_memstream(&r->diag[i], &r->diaglen[i]);
  cli_diag_to(m);
  int rc = run_file(c, coder, r->paths[i], v, ctx, r->found + i * r->nkeys);
  cli_diag_to(NULL);
  if (m)
    fclose(m);
  return rc;
}

/* A key given with --by that no transcript has is a usage error: every
 * row would be '(none)'. */
static int check_keys(const cli_corpus *c, const report *r) {
  int rc = QC_EXIT_OK;
  for (size_t k = 0; k < c->nkeys; k++) {
    if (!checked(c, k) || r->seen[k])
      continue;
    cli_error("--by %s: no transcript has the key '%s' (in --set, --meta "
              "or front matter)",
              c->by, c->keys[k]);
    rc = QC_EXIT_USAGE;
  }
  if (rc != QC_EXIT_OK)
    fprintf(stderr, "try 'qcode %s --help'\n", c->cmd);
  return rc;
}

/* With --keep-going a file that cannot be read or is invalid is skipped
 * and its exit status kept for the end; returns whether the run goes on. */
static bool file_failed(cli_corpus *c, int *rc) {
  if (*rc == QC_EXIT_OK)
    return false;
  if (c->keep_going && (*rc == QC_EXIT_DATA || *rc == QC_EXIT_IO)) {
    c->nfailed++;
    c->failed = *rc > c->failed ? *rc : c->failed;
    *rc = QC_EXIT_OK;
    return false;
  }
  return true;
}

/* ---- --jobs: files coded by worker threads ----
 * Workers take the next file from a shared counter, each with a coder and
 * a visitor context of its own, and write the file's diagnostics to a
 * buffer of its own. The calling thread prints the buffers in input order,
 * stopping at the first failure as a single thread would, then merges the
 * workers' contexts; so output and messages do not depend on timing. */
typedef struct pool {
  cli_corpus *c;
  const cli_visitor *v;
  const char *const *paths;
  size_t n, next, done;
  size_t stop;   /* no file after this one starts: the first failure */
  size_t active; /* workers still running */
  int *rc;
  report *r;
  pthread_mutex_t mu;
  pthread_cond_t progressed;
} pool;

typedef struct worker {
  pool *p;
  void *ctx;
  pthread_t thread;
} worker;

static void *work(void *arg) {
  worker *w = arg;
  pool *p = w->p;
  qc_coder *coder = qc_coder_new(p->c->cb);
  for (;;) {
    pthread_mutex_lock(&p->mu);
    size_t i = p->next++;
    bool go = i < p->n && i <= p->stop;
    pthread_mutex_unlock(&p->mu);
    if (!go)
      break;
    int rc = run_kept(p->c, coder, p->r, i, p->v, w->ctx);
    pthread_mutex_lock(&p->mu);
    p->rc[i] = rc;
    bool skipped = p->c->keep_going &&
                   (rc == QC_EXIT_DATA || rc == QC_EXIT_IO);
    if (rc != QC_EXIT_OK && !skipped && i < p->stop)
      p->stop = i;
    p->done++;
    pthread_cond_signal(&p->progressed);
    pthread_mutex_unlock(&p->mu);
  }
  qc_coder_free(coder);
  pthread_mutex_lock(&p->mu);
  p->active--;
  pthread_cond_signal(&p->progressed);
  pthread_mutex_unlock(&p->mu);
  return NULL;
}

static int run_parallel(cli_corpus *c, report *r, const cli_visitor *v,
                        progress *pr) {
  const char *const *paths = r->paths;
  size_t n = r->n;
  pool p = {c, v, paths, n, 0, 0, (size_t)-1, 0, NULL, r,
            PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER};
  p.rc = cli_xcalloc(n, sizeof *p.rc);
  size_t nw = c->jobs < n ? c->jobs : n;
  worker *w = cli_xcalloc(nw, sizeof *w);
  size_t started = 0;
  pthread_mutex_lock(&p.mu);
  for (; started < nw; started++) {
    w[started] = (worker){&p, v->fork(v->ctx), 0};
    if (pthread_create(&w[started].thread, NULL, work, &w[started])) {
      v->join(v->ctx, w[started].ctx);
      break;
    }
    p.active++;
  }
  pthread_mutex_unlock(&p.mu);
  if (started == 0) { /* no thread at all: code here */
    p.active = 1;
    work(&(worker){&p, v->ctx, 0});
  }
  pthread_mutex_lock(&p.mu);
  while (p.active > 0) {
    progress_step(pr, p.done, paths[p.done < n ? p.done : n - 1]);
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_nsec += 200000000L;
    if (until.tv_nsec >= 1000000000L) {
      until.tv_sec++;
      until.tv_nsec -= 1000000000L;
    }
    pthread_cond_timedwait(&p.progressed, &p.mu, &until);
  }
  pthread_mutex_unlock(&p.mu);
  for (size_t k = 0; k < started; k++) {
    pthread_join(w[k].thread, NULL);
    v->join(v->ctx, w[k].ctx);
  }
  int rc = QC_EXIT_OK;
  for (size_t i = 0; i < n; i++) {
    report_count(r);
    rc = p.rc[i];
    if (file_failed(c, &rc))
      break;
  }
  free(p.rc);
  free(w);
  return rc;
}

int cli_corpus_run(cli_corpus *c, int nfiles, char **files,
                   const cli_visitor *v) {
  char **listed = NULL;
  size_t nlisted = 0;
  if (c->files_from) {
    int rc = cli_read_list(c->files_from, c->nul_separated, &listed, &nlisted);
    if (rc != QC_EXIT_OK)
      return rc;
  }
  size_t n = (size_t)nfiles + nlisted;
  const char **paths = cli_xcalloc(n + 1, sizeof *paths);
  for (size_t i = 0; i < n; i++)
    paths[i] = i < (size_t)nfiles ? files[i] : listed[i - (size_t)nfiles];
  if (n == 0 && !c->files_from)
    paths[n++] = "-";
  progress p = {c->progress && isatty(STDERR_FILENO), false, now(), n};
  report r;
  report_init(&r, c, paths, n);
  int rc = QC_EXIT_OK;
  if (c->jobs > 1 && n > 1 && v->fork && v->join) {
    rc = run_parallel(c, &r, v, &p);
  } else {
    for (size_t i = 0; i < n; i++) {
      progress_step(&p, i, paths[i]);
      rc = run_kept(c, c->coder, &r, i, v, v->ctx);
      report_count(&r);
      bool stop = file_failed(c, &rc);
      report_print(c, &r, false, false);
      if (stop)
        break;
    }
  }
  report_print(c, &r, true, rc != QC_EXIT_OK);
  progress_end(&p);
  if (c->nfailed)
    cli_warning("%zu of %zu files failed and were left out", c->nfailed, n);
  if (rc == QC_EXIT_OK && r.opened)
    rc = check_keys(c, &r);
  report_release(&r);
  free(paths);
  cli_free_list(listed, nlisted);
  return rc;
}

void cli_corpus_release(cli_corpus *c) {
  free_keys(c);
  qc_coder_free(c->coder);
  qc_metatable_free(c->meta);
  qc_codebook_free(c->cb);
  free(c->sets);
  memset(c, 0, sizeof *c);
}

int cli_transcript_format(const char *cmd, const char *arg,
                          qc_text_format *f) {
  if (!qc_text_format_parse(arg, f))
    return cli_usage_error(cmd, "unknown transcript format '%s' (auto, txt, "
                                "docx, odt, vtt, srt)",
                           arg);
  return 1;
}

bool cli_corpus_timed(const cli_corpus *c, int nfiles, char **files) {
  qc_text_format f = c->reader.format;
  if (c->times || f == QC_TEXT_VTT || f == QC_TEXT_SRT)
    return true;
  for (int i = 0; f == QC_TEXT_AUTO && i < nfiles; i++) {
    const char *dot = strrchr(files[i], '.');
    if (dot && (!strcasecmp(dot, ".vtt") || !strcasecmp(dot, ".srt")))
      return true;
  }
  return false;
}
