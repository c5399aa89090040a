/* transcript.c: reads a transcript as a stream of segments. The first
 * stage of the pipeline: lines are read in chunks (so memory is bounded by
 * the longest turn, not the file), checked for UTF-8, the front matter is
 * parsed, and lines are grouped into turns, paragraphs or sentences. A
 * segment's text is the file's own bytes with labels, comment lines and CRs
 * blanked to spaces, so offsets in it are offsets in the file. */
#include "error.h"
#include "extract.h"
#include "buf.h"
#include "match.h"
#include "memory.h"
#include "utf8.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CHUNK 65536
/* Line and text buffers above this size are freed once used, so a huge line
 * costs memory only while it is coded. */
#define KEEP_BUF (1u << 20)

typedef struct sentence {
  size_t start, end;
} sentence;

struct qc_transcript {
  char *name;
  FILE *fp;
  bool close_fp;
  const char *mem; /* qc_transcript_open_mem: the text, instead of fp */
  size_t mem_len, mem_pos;
  char *converted;  /* the text converted to UTF-8 (--encoding) */
  qc_unit unit;
  qc_regex *speaker_re;
  int speaker_group;
  qc_regex_ctx *rx;
  qc_tokenizer *tz;
  /* input chunk */
  char *in;
  size_t in_len, in_pos;
  size_t in_base; /* file offset of in[0] */
  bool eof;
  /* current line: content without its terminator */
  qc_buf line;
  size_t term; /* terminator length: 0 at end of file, 1 or 2 (CRLF) */
  size_t line_off;
  unsigned lineno;
  /* front matter */
  char **keys, **vals;
  size_t nmeta, meta_cap;
  /* the unit being assembled */
  qc_buf text;
  bool open;
  size_t text_off;
  unsigned text_line;
  qc_buf speaker;
  size_t turn;
  /* the finished unit, handed out by qc_transcript_next */
  qc_buf out, out_speaker;
  size_t out_off, out_turn;
  unsigned out_line;
  size_t line_pos; /* newlines in out before line_pos are counted ... */
  unsigned line_at; /* ... and line_pos is on this line */
  bool ready;
  sentence *sents;
  size_t nsents, sents_cap, next_sent;
  size_t index;
  qc_segment seg;
  /* a .docx, .odt, .vtt or .srt: its line table, followed line by line */
  qc_extracted x;
  size_t xcur;
  int time_group; /* the speaker pattern's group "time", or -1 */
  /* the timed lines of the unit being assembled, and of the finished one */
  qc_line_time *times, *out_times;
  size_t ntimes, times_cap, nout_times, out_times_cap;
};

static qc_status refill(qc_transcript *t, qc_error *err) {
  t->in_base += t->in_len;
  t->in_pos = t->in_len = 0;
  if (t->eof)
    return QC_OK;
  if (t->mem) {
    size_t n = t->mem_len - t->mem_pos < CHUNK ? t->mem_len - t->mem_pos
                                               : CHUNK;
    memcpy(t->in, t->mem + t->mem_pos, n);
    t->mem_pos += n;
    t->in_len = n;
    t->eof = n == 0;
    return QC_OK;
  }
  t->in_len = fread(t->in, 1, CHUNK, t->fp);
  if (t->in_len == 0) {
    t->eof = true;
    if (ferror(t->fp))
      return qc_error_set(err, QC_ERR_IO, NULL, 0, 0, 0,
                          "cannot read '%s': %s", t->name, strerror(errno));
  }
  return QC_OK;
}

/* Reads the next line into t->line; '*got' is false at the end of file.
 * "\n", "\r\n" and a lone "\r" all end a line. */
static qc_status read_line(qc_transcript *t, bool *got, qc_error *err) {
  qc_buf_clear_shrink(&t->line, KEEP_BUF);
  t->term = 0;
  t->line_off = t->in_base + t->in_pos;
  bool any = false;
  for (;;) {
    if (t->in_pos == t->in_len) {
      QC_TRY(refill(t, err));
      if (t->in_len == 0)
        break;
    }
    any = true;
    const char *p = t->in + t->in_pos;
    size_t n = t->in_len - t->in_pos, i = 0;
    while (i < n && p[i] != '\n' && p[i] != '\r')
      i++;
    qc_buf_put(&t->line, p, i);
    t->in_pos += i;
    if (i == n)
      continue;
    char c = p[i];
    t->in_pos++;
    t->term = 1;
    if (c == '\r') {
      if (t->in_pos == t->in_len)
        QC_TRY(refill(t, err));
      if (t->in_pos < t->in_len && t->in[t->in_pos] == '\n') {
        t->in_pos++;
        t->term = 2;
      }
    }
    break;
  }
  if (any)
    t->lineno++;
  *got = any;
  return QC_OK;
}

static qc_status check_line(qc_transcript *t, qc_error *err) {
  const char *s = t->line.ptr ? t->line.ptr : "";
  size_t n = t->line.len;
  size_t bad = qc_utf8_check(s, n);
  const char *nul = memchr(s, '\0', n);
  if (nul && (size_t)(nul - s) < bad)
    return qc_error_set(err, QC_ERR_TRANSCRIPT, t->name, t->lineno,
                        (unsigned)qc_utf8_count(s, (size_t)(nul - s)) + 1,
                        t->line_off + (size_t)(nul - s),
                        "NUL byte at byte offset %zu (is this a text file?)",
                        t->line_off + (size_t)(nul - s));
  if (bad < n)
    return qc_error_set(err, QC_ERR_UTF8, t->name, t->lineno,
                        (unsigned)qc_utf8_count(s, bad) + 1, t->line_off + bad,
                        "invalid UTF-8 (byte 0x%02X at byte offset %zu); "
                        "if the file is Windows-1252 or Latin-1, give "
                        "--encoding cp1252 or latin1",
                        (unsigned char)s[bad], t->line_off + bad);
  return QC_OK;
}

static bool is_blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\f' && s[i] != '\v')
      return false;
  return true;
}

static bool line_is(const qc_transcript *t, const char *word) {
  size_t n = strlen(word), len = t->line.len;
  while (len > n && (t->line.ptr[len - 1] == ' ' || t->line.ptr[len - 1] == '\t'))
    len--;
  return len == n && memcmp(t->line.ptr, word, n) == 0;
}

/* ---- front matter ---- */

static char *trim_dup(const char *s, size_t n) {
  while (n && (*s == ' ' || *s == '\t'))
    s++, n--;
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
    n--;
  if (n >= 2 && ((s[0] == '"' && s[n - 1] == '"') ||
                 (s[0] == '\'' && s[n - 1] == '\'')))
    s++, n -= 2;
  return qc_xstrndup(s, n);
}

static bool key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
}

static qc_status meta_line(qc_transcript *t, qc_error *err) {
  const char *s = t->line.ptr;
  size_t n = t->line.len, k = 0;
  if (n && (s[0] == ' ' || s[0] == '\t'))
    return qc_error_set(err, QC_ERR_TRANSCRIPT, t->name, t->lineno, 1,
                        t->line_off,
                        "nested values are not supported in front matter; "
                        "write 'key: value' lines");
  while (k < n && key_char(s[k]))
    k++;
  if (k == 0 || k == n || s[k] != ':' || (k + 1 < n && s[k + 1] != ' ' &&
                                          s[k + 1] != '\t'))
    return qc_error_set(err, QC_ERR_TRANSCRIPT, t->name, t->lineno,
                        (unsigned)qc_utf8_count(s, k) + 1, t->line_off + k,
                        "expected 'key: value' in front matter");
  for (size_t i = 0; i < t->nmeta; i++)
    if (strlen(t->keys[i]) == k && memcmp(t->keys[i], s, k) == 0)
      return qc_error_set(err, QC_ERR_TRANSCRIPT, t->name, t->lineno, 1,
                          t->line_off, "duplicate front-matter key '%s'",
                          t->keys[i]);
  QC_GROW(t->keys, t->meta_cap, t->nmeta + 1);
  t->vals = qc_xrealloc(t->vals, t->meta_cap * sizeof *t->vals);
  t->keys[t->nmeta] = qc_xstrndup(s, k);
  t->vals[t->nmeta] = trim_dup(s + k + 1, n - k - 1);
  t->nmeta++;
  return QC_OK;
}

static qc_status read_front_matter(qc_transcript *t, qc_error *err) {
  unsigned opened = t->lineno;
  for (;;) {
    bool got;
    QC_TRY(read_line(t, &got, err));
    if (!got)
      return qc_error_set(err, QC_ERR_TRANSCRIPT, t->name, opened, 1, 0,
                          "front matter opened with '---' is never closed");
    QC_TRY(check_line(t, err));
    if (line_is(t, "---") || line_is(t, "..."))
      return QC_OK;
    if (is_blank(t->line.ptr, t->line.len) || t->line.ptr[0] == '#')
      continue;
    QC_TRY(meta_line(t, err));
  }
}

/* ---- assembling units ---- */

static void append_blanked(qc_buf *b, size_t n, size_t term) {
  qc_buf_grow(b, n + term);
  memset(b->ptr + b->len, ' ', n);
  b->len += n;
  if (term == 2)
    b->ptr[b->len++] = ' ';
  if (term)
    b->ptr[b->len++] = '\n';
  b->ptr[b->len] = '\0';
}

/* Appends the current line from byte 'from' on, and its terminator (a CR
 * blanked to a space). */
static void append_line(qc_transcript *t, size_t from) {
  qc_buf_put(&t->text, t->line.ptr + from, t->line.len - from);
  append_blanked(&t->text, 0, t->term);
}

static void start_unit(qc_transcript *t, size_t from) {
  qc_buf_clear(&t->text);
  t->ntimes = 0;
  t->open = true;
  t->text_off = t->line_off + from;
  t->text_line = t->lineno;
}

static void split_sentences(qc_transcript *t) {
  const qc_token *tok;
  size_t n = qc_tokenizer_run(t->tz, t->out.ptr, t->out.len, &tok);
  t->nsents = t->next_sent = 0;
  size_t first = 0;
  for (size_t i = 0; i < n; i++) {
    if (!(tok[i].flags & QC_TOKF_SENTENCE_END) && i + 1 < n)
      continue;
    QC_GROW(t->sents, t->sents_cap, t->nsents + 1);
    t->sents[t->nsents++] =
        (sentence){tok[first].start, tok[i].start + tok[i].len};
    first = i + 1;
  }
}

/* Hands the open unit over to the output side, unless it is blank. */
static void close_unit(qc_transcript *t) {
  if (!t->open)
    return;
  t->open = false;
  size_t i = 0; /* a unit of spaces and newlines is no unit */
  while (i < t->text.len && (t->text.ptr[i] == ' ' || t->text.ptr[i] == '\n' ||
                             t->text.ptr[i] == '\t'))
    i++;
  if (i == t->text.len)
    return;
  qc_buf tmp = t->out;
  t->out = t->text;
  t->text = tmp;
  qc_buf_clear_shrink(&t->text, KEEP_BUF);
  qc_buf_clear(&t->out_speaker);
  qc_buf_put(&t->out_speaker, t->speaker.ptr ? t->speaker.ptr : "",
             t->speaker.len);
  t->out_off = t->text_off;
  t->out_line = t->line_at = t->text_line;
  t->line_pos = 0;
  t->out_turn = t->turn;
  qc_line_time *tt = t->out_times;
  size_t tc = t->out_times_cap;
  t->out_times = t->times;
  t->out_times_cap = t->times_cap;
  t->nout_times = t->ntimes;
  t->times = tt;
  t->times_cap = tc;
  t->ntimes = 0;
  t->ready = true;
  if (t->unit == QC_UNIT_SENTENCE)
    split_sentences(t);
}

/* Keeps the time of the current line for the unit it goes into. */
static void add_time(qc_transcript *t, long long start, long long end) {
  if (start < 0)
    return;
  QC_GROW(t->times, t->times_cap, t->ntimes + 1);
  t->times[t->ntimes++] = (qc_line_time){t->lineno, start, end};
}

static qc_status body_line(qc_transcript *t, qc_error *err) {
  const char *s = t->line.ptr ? t->line.ptr : "";
  /* Tokens and spans keep 32-bit offsets (qcode.h, QC_TEXT_MAX). */
  if ((t->open ? t->text.len : 0) + t->line.len + 2 > QC_TEXT_MAX)
    return qc_error_set(err, QC_ERR_TRANSCRIPT, t->name, t->lineno, 1,
                        t->line_off,
                        "segment longer than %zu bytes, the most qcode "
                        "codes as one segment",
                        QC_TEXT_MAX - 2);
  if (t->line.len && s[0] == '#') { /* a transcriber's comment */
    if (t->open)
      append_blanked(&t->text, t->line.len, t->term);
    return QC_OK;
  }
  /* an extracted line: cue times or a bold label come first */
  const qc_xline *x = NULL;
  while (t->xcur < t->x.nlines && t->x.lines[t->xcur].line < t->lineno)
    t->xcur++;
  if (t->xcur < t->x.nlines && t->x.lines[t->xcur].line == t->lineno)
    x = &t->x.lines[t->xcur];
  size_t from = x && x->prefix <= t->line.len ? x->prefix : 0;
  long long tstart = x ? x->start : -1, tend = x ? x->end : -1;
  /* a cue as `qcode extract` writes it, read back from plain text */
  bool cue = x ? t->x.join_speakers
               : (from = qc_cue_prefix(s, t->line.len, &tstart, &tend)) > 0;
  const char *who = NULL;
  size_t who_len = 0, end = 0;
  if (x && x->turn) {
    who = x->speaker;
    who_len = strlen(who);
    end = from;
  } else {
    size_t gs, ge;
    int rc = qc_regex_match_group(t->speaker_re, t->rx, s + from,
                                  t->line.len - from, t->speaker_group, &end,
                                  &gs, &ge);
    if (rc == QC_REGEX_LIMIT || rc == QC_REGEX_ERROR)
      return qc_error_set(err, QC_ERR_REGEX, t->name, t->lineno, 1,
                          t->line_off, "speaker pattern failed on this line");
    if (rc == QC_REGEX_MATCH && end > 0) {
      who = s + from + gs;
      who_len = ge - gs;
      size_t ts, te;
      if (tstart < 0 && t->time_group > 0 &&
          qc_regex_last_group(t->rx, t->time_group, &ts, &te))
        tstart = qc_time_parse(s + from + ts, te - ts);
    }
    end += from;
  }
  bool same = who && cue && t->open && t->turn &&
              t->speaker.len == who_len &&
              (!who_len || !memcmp(t->speaker.ptr, who, who_len));
  if (who && !same) {
    close_unit(t);
    qc_buf_clear(&t->speaker);
    qc_buf_put(&t->speaker, who, who_len);
    t->turn++;
    start_unit(t, end);
    add_time(t, tstart, tend);
    append_line(t, end);
    return QC_OK;
  }
  if (who || from) { /* a cue of the same speaker, or a cue's times */
    if (!t->open)
      start_unit(t, 0);
    add_time(t, tstart, tend);
    append_blanked(&t->text, who ? end : from, 0);
    append_line(t, who ? end : from);
    return QC_OK;
  }
  if (is_blank(s, t->line.len)) {
    if (t->unit != QC_UNIT_TURN)
      close_unit(t);
    else if (t->open)
      append_line(t, 0);
    return QC_OK;
  }
  if (!t->open)
    start_unit(t, 0);
  append_line(t, 0);
  return QC_OK;
}

/* ---- public API ---- */

static qc_status open_input(qc_transcript *t, const char *path,
                            qc_error *err) {
  if (!path || strcmp(path, "-") == 0) {
    t->fp = stdin;
    return QC_OK;
  }
  t->fp = fopen(path, "rb");
  if (!t->fp)
    return qc_error_set(err, QC_ERR_IO, NULL, 0, 0, 0, "cannot open '%s': %s",
                        path, strerror(errno));
  t->close_fp = true;
  /* fopen succeeds on a directory; the first read would fail obscurely. */
  char probe;
  if (fread(&probe, 1, 0, t->fp) == 0 && ferror(t->fp))
    return qc_error_set(err, QC_ERR_IO, NULL, 0, 0, 0, "cannot read '%s': %s",
                        path, strerror(errno));
  return QC_OK;
}

/* Refuses UTF-16 early, with a message that names the encoding. The first
 * chunk is read. */
static qc_status refuse_utf16(const qc_transcript *t, qc_error *err) {
  const unsigned char *b = (const unsigned char *)t->in;
  if (t->in_len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) ||
                         (b[0] == 0xFE && b[1] == 0xFF)))
    return qc_error_set(err, QC_ERR_UTF8, t->name, 1, 1, 0,
                        "file is UTF-16 (%s byte order mark); convert it to "
                        "UTF-8, e.g. with iconv -f UTF-16 -t UTF-8, or give "
                        "--encoding UTF-16",
                        b[0] == 0xFF ? "little-endian" : "big-endian");
  return QC_OK;
}

/* Skips a UTF-8 byte order mark, after refuse_utf16. */
static qc_status check_bom(qc_transcript *t, qc_error *err) {
  QC_TRY(refuse_utf16(t, err));
  const unsigned char *b = (const unsigned char *)t->in;
  if (t->in_len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
    t->in_pos = 3;
  return QC_OK;
}

/* The rest of the input from the current chunk on, as one buffer.
 * Transcripts are small next to memory; a file that must be converted or
 * extracted is read whole, so the streaming path stays simple. */
static qc_status slurp(qc_transcript *t, qc_buf *raw, qc_error *err) {
  qc_buf_put(raw, t->in + t->in_pos, t->in_len - t->in_pos);
  if (t->mem) {
    qc_buf_put(raw, t->mem + t->mem_pos, t->mem_len - t->mem_pos);
    return QC_OK;
  }
  for (;;) {
    QC_GROW(raw->ptr, raw->cap, raw->len + CHUNK + 1);
    size_t n = fread(raw->ptr + raw->len, 1, CHUNK, t->fp);
    raw->len += n;
    if (n == 0)
      break;
  }
  if (ferror(t->fp))
    return qc_error_set(err, QC_ERR_IO, NULL, 0, 0, 0, "cannot read '%s': %s",
                        t->name, strerror(errno));
  return QC_OK;
}

/* Converts raw[0..n) from 'encoding' to UTF-8 with iconv. */
static qc_status convert(const char *name, const char *encoding,
                         const char *raw, size_t n, qc_buf *out,
                         qc_error *err) {
  iconv_t cd = iconv_open("UTF-8", encoding);
  if (cd == (iconv_t)-1)
    return qc_error_set(err, QC_ERR_USAGE, NULL, 0, 0, 0,
                        "unknown encoding '%s' (try latin1 or cp1252)",
                        encoding);
  qc_status s = QC_OK;
  char *in = (char *)raw;
  size_t left = n;
  while (s == QC_OK && left > 0) {
    qc_buf_grow(out, left * 4 + 16);
    char *o = out->ptr + out->len;
    size_t room = out->cap - out->len - 1;
    if (iconv(cd, &in, &left, &o, &room) == (size_t)-1 && errno != E2BIG) {
      size_t at = n - left, line = 1, col = 1;
      for (size_t i = 0; i < at; i++, col++)
        if (raw[i] == '\n')
          line++, col = 0;
      s = qc_error_set(err, QC_ERR_TRANSCRIPT, name, (unsigned)line,
                       (unsigned)col, at,
                       "byte 0x%02X at byte offset %zu is not valid %s",
                       (unsigned char)raw[at], at, encoding);
    }
    out->len = (size_t)(o - out->ptr);
  }
  iconv_close(cd);
  if (out->ptr)
    out->ptr[out->len] = '\0';
  return s;
}

/* What the input is: the caller's choice, else the extension, else its
 * first chunk. */
static qc_text_format format_of(const qc_transcript *t, const char *path,
                                const qc_reader_opts *opts) {
  qc_text_format f = opts ? opts->format : QC_TEXT_AUTO;
  if (f == QC_TEXT_AUTO)
    f = qc_text_format_of_name(path ? path : t->name);
  return f;
}

/* Reads the whole input, converts it from opts->encoding and extracts a
 * document's or subtitle file's text into 'x' (plain text: x->text is the
 * converted text). */
static qc_status read_text(qc_transcript *t, const char *path,
                           const qc_reader_opts *opts, qc_extracted *x,
                           qc_error *err) {
  qc_text_format f = format_of(t, path, opts);
  const char *enc = opts ? opts->encoding : NULL;
  qc_buf raw = QC_BUF_INIT, conv = QC_BUF_INIT;
  qc_status s = slurp(t, &raw, err);
  if (s == QC_OK && f == QC_TEXT_AUTO) /* a zip is known once it is whole */
    f = qc_text_format_sniff(raw.ptr ? raw.ptr : "", raw.len);
  if (s == QC_OK && enc && (f == QC_TEXT_DOCX || f == QC_TEXT_ODT))
    s = qc_error_set(err, QC_ERR_USAGE, NULL, 0, 0, 0,
                     "--encoding does not apply to '%s': a .%s file is "
                     "always UTF-8 inside",
                     t->name, qc_text_format_name(f));
  const char *data = raw.ptr ? raw.ptr : "";
  size_t len = raw.len;
  if (s == QC_OK && enc) {
    s = convert(t->name, enc, data, len, &conv, err);
    data = conv.ptr ? conv.ptr : "";
    len = conv.len;
  }
  if (s == QC_OK && f == QC_TEXT_PLAIN)
    qc_buf_put(&x->text, data, len);
  else if (s == QC_OK)
    s = qc_extract(f, t->name, data, len, x, err);
  qc_buf_release(&raw);
  qc_buf_release(&conv);
  return s;
}

/* Reads from 'text' instead of the input from now on. */
static void read_from(qc_transcript *t, char *text, size_t len) {
  free(t->converted);
  t->converted = text;
  t->mem = text ? text : "";
  t->mem_len = len;
  t->mem_pos = 0;
  t->in_base = t->in_len = t->in_pos = 0;
  t->eof = false;
}

static qc_status init(qc_transcript *t, const char *path,
                      const qc_reader_opts *opts, qc_error *err) {
  const char *pat = opts && opts->speaker_pattern ? opts->speaker_pattern
                                                  : QC_DEFAULT_SPEAKER_PATTERN;
  char msg[200];
  size_t off;
  /* Compiled anchored: it is only ever tried at the start of a line. */
  t->speaker_re = qc_regex_compile(pat, strlen(pat), QC_REGEX_ANCHORED, &off,
                                   msg, sizeof msg);
  if (!t->speaker_re)
    return qc_error_set(err, QC_ERR_REGEX, NULL, 0, 0, 0,
                        "invalid speaker pattern at offset %zu: %s", off, msg);
  t->speaker_group = qc_regex_group(t->speaker_re, "speaker");
  if (t->speaker_group < 0)
    return qc_error_set(err, QC_ERR_USAGE, NULL, 0, 0, 0,
                        "speaker pattern has no group named 'speaker', as in "
                        "(?<speaker>...)");
  t->time_group = qc_regex_group(t->speaker_re, "time");
  if (!t->mem)
    QC_TRY(open_input(t, path, err));
  QC_TRY(refill(t, err));
  qc_text_format f = format_of(t, path, opts);
  bool zip = t->in_len >= 4 && !memcmp(t->in, "PK\3\4", 4);
  if ((opts && opts->encoding) || (f != QC_TEXT_AUTO && f != QC_TEXT_PLAIN) ||
      (f == QC_TEXT_AUTO &&
       (zip || qc_text_format_sniff(t->in, t->in_len) != QC_TEXT_PLAIN))) {
    if (!(opts && opts->encoding))
      QC_TRY(refuse_utf16(t, err));
    QC_TRY(read_text(t, path, opts, &t->x, err));
    size_t n = t->x.text.len;
    char *text = qc_buf_detach(&t->x.text, NULL);
    read_from(t, text, n);
    QC_TRY(refill(t, err));
  }
  QC_TRY(check_bom(t, err));
  bool got;
  QC_TRY(read_line(t, &got, err));
  if (!got)
    return QC_OK;
  QC_TRY(check_line(t, err));
  if (line_is(t, "---"))
    return read_front_matter(t, err);
  return body_line(t, err);
}

qc_status qc_extract_file(const char *path, const char *name,
                          const qc_reader_opts *opts, char **text, size_t *len,
                          qc_error *err) {
  *text = NULL;
  *len = 0;
  qc_transcript *t = qc_xcalloc(1, sizeof *t);
  t->name = qc_xstrdup(name ? name : path ? path : "-");
  t->in = qc_xmalloc(CHUNK);
  qc_status s = open_input(t, path, err);
  if (s == QC_OK)
    s = refill(t, err);
  if (s == QC_OK && !(opts && opts->encoding))
    s = refuse_utf16(t, err);
  qc_extracted x = {0};
  if (s == QC_OK)
    s = read_text(t, path, opts, &x, err);
  /* plain text is printed as read, without a UTF-8 byte order mark */
  if (s == QC_OK && x.text.len >= 3 && !memcmp(x.text.ptr, "\xEF\xBB\xBF", 3)) {
    memmove(x.text.ptr, x.text.ptr + 3, x.text.len - 3);
    x.text.len -= 3;
    x.text.ptr[x.text.len] = '\0';
  }
  if (s == QC_OK)
    *text = qc_buf_detach(&x.text, len);
  qc_extracted_free(&x);
  qc_transcript_free(t);
  return s;
}

static qc_status open_any(qc_transcript **out, const char *path,
                          const char *data, size_t len, const char *name,
                          const qc_reader_opts *opts, qc_error *err) {
  qc_transcript *t = qc_xcalloc(1, sizeof *t);
  t->name = qc_xstrdup(name ? name : path ? path : "-");
  t->mem = data;
  t->mem_len = len;
  t->unit = opts ? opts->unit : QC_UNIT_TURN;
  t->rx = qc_regex_ctx_new();
  t->tz = qc_tokenizer_new();
  t->in = qc_xmalloc(CHUNK);
  qc_status s = init(t, path, opts, err);
  if (s != QC_OK) {
    qc_transcript_free(t);
    *out = NULL;
    return s;
  }
  *out = t;
  return QC_OK;
}

qc_status qc_transcript_open(qc_transcript **out, const char *path,
                             const char *name, const qc_reader_opts *opts,
                             qc_error *err) {
  return open_any(out, path, NULL, 0, name, opts, err);
}

qc_status qc_transcript_open_mem(qc_transcript **out, const char *data,
                                 size_t len, const char *name,
                                 const qc_reader_opts *opts, qc_error *err) {
  /* An empty text still needs a non-NULL pointer to mark the mode. */
  return open_any(out, NULL, data ? data : "", data ? len : 0,
                  name ? name : "-", opts, err);
}

static void set_segment(qc_transcript *t, size_t start, size_t end) {
  const char *p = t->out.ptr;
  while (start < end && (p[start] == ' ' || p[start] == '\n' ||
                         p[start] == '\t'))
    start++;
  while (end > start && (p[end - 1] == ' ' || p[end - 1] == '\n' ||
                         p[end - 1] == '\t'))
    end--;
  /* Sentences come in text order, so counting lines from where the last
   * segment stopped keeps the whole count linear. */
  for (; t->line_pos < start; t->line_pos++)
    t->line_at += p[t->line_pos] == '\n';
  unsigned line = t->line_at, last = line;
  for (size_t i = start; i < end; i++)
    last += p[i] == '\n';
  t->seg = (qc_segment){p + start,        end - start, t->out_off + start,
                        line,             last,        t->out_speaker.ptr,
                        t->out_turn,      ++t->index,  -1,
                        -1,               t->out_times, t->nout_times};
  long long a, b, c, d;
  qc_segment_time_at(&t->seg, line, &a, &b);
  if (a < 0 && t->nout_times && t->out_times[0].line <= last)
    a = t->out_times[0].start; /* its first timed line is further down */
  if (a >= 0) {
    qc_segment_time_at(&t->seg, last, &c, &d);
    t->seg.time_start = a;
    t->seg.time_end = d;
    (void)c;
  }
}

bool qc_segment_time_at(const qc_segment *seg, unsigned line, long long *start,
                        long long *end) {
  *start = *end = -1;
  const qc_line_time *hit = NULL;
  for (size_t i = 0; i < seg->ntimes && seg->times[i].line <= line; i++)
    hit = &seg->times[i];
  if (!hit)
    return false;
  *start = hit->start;
  *end = hit->end;
  return true;
}

void qc_time_format(long long ms, char *out, size_t size) {
  if (ms < 0) {
    snprintf(out, size, "%s", "");
    return;
  }
  snprintf(out, size, "%02lld:%02lld:%02lld.%03lld", ms / 3600000,
           ms / 60000 % 60, ms / 1000 % 60, ms % 1000);
}

qc_status qc_transcript_next(qc_transcript *t, const qc_segment **seg,
                             qc_error *err) {
  *seg = NULL;
  while (t->next_sent == t->nsents) {
    t->nsents = t->next_sent = 0;
    if (t->ready) { /* a unit finished while reading the previous line */
      t->ready = false;
      if (t->unit != QC_UNIT_SENTENCE) {
        set_segment(t, 0, t->out.len);
        *seg = &t->seg;
        return QC_OK;
      }
      continue;
    }
    bool got;
    QC_TRY(read_line(t, &got, err));
    if (!got) {
      close_unit(t);
      if (!t->ready)
        return QC_OK;
      continue;
    }
    QC_TRY(check_line(t, err));
    QC_TRY(body_line(t, err));
  }
  sentence *s = &t->sents[t->next_sent++];
  set_segment(t, s->start, s->end);
  *seg = &t->seg;
  return QC_OK;
}

const char *qc_transcript_meta(const qc_transcript *t, const char *key) {
  for (size_t i = 0; i < t->nmeta; i++)
    if (strcmp(t->keys[i], key) == 0)
      return t->vals[i];
  return NULL;
}

size_t qc_transcript_meta_count(const qc_transcript *t) { return t->nmeta; }

void qc_transcript_meta_at(const qc_transcript *t, size_t i, const char **key,
                           const char **value) {
  *key = t->keys[i];
  *value = t->vals[i];
}

const char *qc_transcript_name(const qc_transcript *t) { return t->name; }

bool qc_speaker_listed(const char *list, const char *speaker) {
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

/* A turn line's timestamp as the default pattern's group "time" takes it:
 * [h]h:mm[:ss][.f], two parts being minutes and seconds; -1 when it is not
 * one (a custom pattern's group may hold anything). */
long long qc_time_parse(const char *s, size_t n) {
  long long part[3] = {0, 0, 0}, frac = 0, scale = 1;
  size_t np = 0, i = 0;
  while (np < 3) {
    size_t k = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9' && k < 6)
      part[np] = part[np] * 10 + (s[i++] - '0'), k++;
    if (!k)
      return -1;
    np++;
    if (i < n && s[i] == ':' && np < 3)
      i++;
    else
      break;
  }
  if (i < n && (s[i] == '.' || s[i] == ',')) {
    i++;
    for (size_t k = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++, k++)
      if (k < 3)
        frac = frac * 10 + (s[i] - '0'), scale *= 10;
  }
  if (i != n || np < 2)
    return -1;
  long long h = np == 3 ? part[0] : 0, m = part[np - 2], sec = part[np - 1];
  if (m > 59 || sec > 59)
    return -1;
  return ((h * 60 + m) * 60 + sec) * 1000 + frac * 1000 / scale;
}

void qc_transcript_free(qc_transcript *t) {
  if (!t)
    return;
  if (t->close_fp && t->fp)
    fclose(t->fp);
  qc_regex_free(t->speaker_re);
  qc_regex_ctx_free(t->rx);
  qc_tokenizer_free(t->tz);
  free(t->in);
  qc_buf_release(&t->line);
  for (size_t i = 0; i < t->nmeta; i++) {
    free(t->keys[i]);
    free(t->vals[i]);
  }
  free(t->keys);
  free(t->vals);
  qc_buf_release(&t->text);
  qc_buf_release(&t->speaker);
  qc_buf_release(&t->out);
  qc_buf_release(&t->out_speaker);
  free(t->converted);
  qc_extracted_free(&t->x);
  free(t->times);
  free(t->out_times);
  free(t->sents);
  free(t->name);
  free(t);
}
