/* corpus.c: reading and coding transcripts for `apply` and `code`:
 * metadata precedence (--set, --meta, front matter), moderator turns, and
 * the error report that names the segment when a regex stops. */
#include "cli.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

static const char *const units[] = {"turn", "paragraph", "sentence", NULL};

void cli_corpus_init(cli_corpus *c, int argc) {
  memset(c, 0, sizeof *c);
  c->by = "subsector";
  c->moderators = QC_DEFAULT_MODERATORS;
  c->sets = cli_xcalloc((size_t)argc + 1, sizeof *c->sets);
}

int cli_corpus_option(cli_corpus *c, const char *cmd, int opt,
                      const char *arg) {
  int i;
  switch (opt) {
  case 'c': c->codebook = arg; return 1;
  case CLI_OPT_BY: c->by = arg; return 1;
  case CLI_OPT_META: c->meta_path = arg; return 1;
  case CLI_OPT_MODERATORS: c->moderators = arg; return 1;
  case CLI_OPT_SPEAKER_PATTERN: c->reader.speaker_pattern = arg; return 1;
  case CLI_OPT_FILES_FROM: c->files_from = arg; return 1;
  case '0': c->nul_separated = true; return 1;
  case CLI_OPT_PROGRESS: c->progress = true; return 1;
  case 'k':
  case CLI_OPT_KEEP_GOING: c->keep_going = true; return 1;
  case CLI_OPT_ENCODING: c->reader.encoding = arg; return 1;
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
  qc_error err;
  qc_error_clear(&err);
  if (qc_codebook_load(&c->cb, c->codebook, &err) != QC_OK)
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

static bool is_moderator(const char *list, const char *speaker) {
  size_t n = strlen(speaker);
  for (const char *p = list; *p;) {
    const char *e = strchr(p, ',');
    size_t len = e ? (size_t)(e - p) : strlen(p);
    if (len == n && n && strncasecmp(p, speaker, n) == 0)
      return true;
    p += len + (e != NULL);
  }
  return false;
}

static int run_file(cli_corpus *c, qc_coder *coder, const char *path,
                    const cli_visitor *v, void *ctx) {
  qc_error err;
  qc_error_clear(&err);
  qc_transcript *t;
  if (qc_transcript_open(&t, path, NULL, &c->reader, &err) != QC_OK)
    return cli_report(&err);
  bool per_speaker = !strcmp(c->by, "speaker");
  const char *group = !strcmp(c->by, "file") ? qc_transcript_name(t)
                                              : meta_value(c, t, c->by);
  if (!per_speaker && !group) {
    cli_warning("%s: no '%s' in --set, --meta or front matter; counted "
                "under '(none)'",
                qc_transcript_name(t), c->by);
    group = "(none)";
  }
  if (v->file)
    v->file(ctx, t, per_speaker ? NULL : group);
  const qc_segment *seg;
  const qc_coding *coding;
  qc_status s;
  while ((s = qc_transcript_next(t, &seg, &err)) == QC_OK && seg) {
    if (is_moderator(c->moderators, seg->speaker))
      continue;
    if ((s = qc_coder_code(coder, seg->text, seg->len, &coding, &err)))
      break;
    const char *g = per_speaker ? (*seg->speaker ? seg->speaker : "(none)")
                                : group;
    v->segment(ctx, t, seg, g, coding);
  }
  if (v->done)
    v->done(ctx, s == QC_OK);
  int rc = s == QC_OK ? QC_EXIT_OK : cli_report(&err);
  if (s != QC_OK && err.code == QC_ERR_REGEX && seg)
    fprintf(cli_diag(), "qcode: note: in segment %zu of '%s' (line %u)\n",
            seg->index, qc_transcript_name(t), seg->line);
  qc_transcript_free(t);
  return rc;
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
  char **diag;
  size_t *diaglen;
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
    FILE *m = open_memstream(&p->diag[i], &p->diaglen[i]);
    cli_diag_to(m);
    int rc = run_file(p->c, coder, p->paths[i], p->v, w->ctx);
    cli_diag_to(NULL);
    if (m)
      fclose(m);
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

static int run_parallel(cli_corpus *c, const char *const *paths, size_t n,
                        const cli_visitor *v, progress *pr) {
  pool p = {c, v, paths, n, 0, 0, (size_t)-1, 0, NULL, NULL, NULL,
            PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER};
  p.rc = cli_xcalloc(n, sizeof *p.rc);
  p.diag = cli_xcalloc(n, sizeof *p.diag);
  p.diaglen = cli_xcalloc(n, sizeof *p.diaglen);
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
    if (p.diag[i])
      fwrite(p.diag[i], 1, p.diaglen[i], stderr);
    rc = p.rc[i];
    if (file_failed(c, &rc))
      break;
  }
  for (size_t i = 0; i < n; i++)
    free(p.diag[i]);
  free(p.diag);
  free(p.diaglen);
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
  int rc = QC_EXIT_OK;
  if (c->jobs > 1 && n > 1 && v->fork && v->join) {
    rc = run_parallel(c, paths, n, v, &p);
  } else {
    for (size_t i = 0; i < n; i++) {
      progress_step(&p, i, paths[i]);
      rc = run_file(c, c->coder, paths[i], v, v->ctx);
      if (file_failed(c, &rc))
        break;
    }
  }
  progress_end(&p);
  if (c->nfailed)
    cli_warning("%zu of %zu files failed and were left out", c->nfailed, n);
  free(paths);
  cli_free_list(listed, nlisted);
  return rc;
}

void cli_corpus_release(cli_corpus *c) {
  qc_coder_free(c->coder);
  qc_metatable_free(c->meta);
  qc_codebook_free(c->cb);
  free(c->sets);
  memset(c, 0, sizeof *c);
}
