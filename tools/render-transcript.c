/* render-transcript.c: writes one qcode plain-text transcript as .docx,
 * .odt, .vtt or .srt, so that tests can check that qcode's readers of those
 * formats give the same table as the .txt (tests/cli/formats/).
 *
 *   render-transcript FORMAT IN.txt OUT     FORMAT: docx | odt | vtt | srt
 *
 * Conventions written (the ones the readers accept):
 * - docx/odt: one paragraph per line of text (blank lines and '#' comments
 *   give none); the front matter as paragraphs '---', 'key: value', '---';
 *   odd turns as a bold label without colon and the text after it (no
 *   timestamp), even turns as plain '[hh:mm:ss] Label: text'. docx splits
 *   text into runs at arbitrary points; odt writes runs of spaces as
 *   <text:s/> and the bold label as a span of automatic style T1.
 * - vtt: 'WEBVTT', the front matter as header lines, a NOTE, then cues of
 *   at most about 80 characters split at spaces; odd turns carry <v Label>
 *   on every cue, even turns 'Label: ' on their first cue; an id on every
 *   third cue.
 * - srt: the same cues and times, 'Label: ' on the first cue of each turn.
 *   SRT has no metadata: pass the front matter with qcode's --meta.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "qcode.h" /* QC_DEFAULT_SPEAKER_PATTERN: the readers' own rule */

#include <errno.h>
#include <pcre2.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>

#define CUE_MAX 80 /* characters of text per cue, about */

/* ---- small helpers ---- */

static const char *prog = "render-transcript";

static void die(int status, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "%s: ", prog);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(status);
}

static void *xrealloc(void *p, size_t n) {
  p = realloc(p, n ? n : 1);
  if (!p)
    die(4, "out of memory");
  return p;
}

static char *xstrndup(const char *s, size_t n) {
  char *d = xrealloc(NULL, n + 1);
  memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

typedef struct buf {
  char *p;
  size_t len, cap;
} buf;

static void put(buf *b, const char *s, size_t n) {
  if (b->len + n + 1 > b->cap) {
    b->cap = (b->len + n + 1) * 2;
    b->p = xrealloc(b->p, b->cap);
  }
  memcpy(b->p + b->len, s, n);
  b->len += n;
  b->p[b->len] = '\0';
}

static void puts_(buf *b, const char *s) { put(b, s, strlen(s)); }

static void putf(buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0)
    die(4, "internal error: bad format");
  put(b, "", 0);
  if (b->len + (size_t)n + 1 > b->cap) {
    b->cap = (b->len + (size_t)n + 1) * 2;
    b->p = xrealloc(b->p, b->cap);
  }
  va_start(ap, fmt);
  vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

/* XML text or attribute value: &, <, > always, " too in attributes. */
static void put_xml(buf *b, const char *s, size_t n, int attr) {
  for (size_t i = 0; i < n; i++) {
    switch (s[i]) {
    case '&': puts_(b, "&amp;"); break;
    case '<': puts_(b, "&lt;"); break;
    case '>': puts_(b, "&gt;"); break;
    case '"':
      if (attr) {
        puts_(b, "&quot;");
        break;
      }
      /* fall through */
    default: put(b, s + i, 1);
    }
  }
}

static int utf8_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

static size_t utf8_chars(const char *s, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    k += !utf8_cont((unsigned char)s[i]);
  return k;
}

/* ---- the transcript ---- */

enum kind { L_TURN, L_TEXT, L_BLANK };

typedef struct line {
  enum kind kind;
  char *stamp; /* L_TURN: the timestamp as written ("[00:00:30]"), or "" */
  char *label; /* L_TURN: "P1" */
  char *text;  /* the text after the label, or the whole line */
  long ms;     /* L_TURN: the timestamp in milliseconds, -1 without one */
  size_t turn; /* 1, 2, ... for the turn this line belongs to; 0 before any */
} line;

typedef struct transcript {
  char **meta; /* front matter lines "key: value" */
  size_t nmeta;
  line *lines;
  size_t nlines;
} transcript;

static pcre2_code *speaker_re;
static pcre2_match_data *match;

static void compile_pattern(void) {
  int code;
  PCRE2_SIZE off;
  const char *pat = QC_DEFAULT_SPEAKER_PATTERN;
  speaker_re = pcre2_compile((PCRE2_SPTR)pat, strlen(pat),
                             PCRE2_UTF | PCRE2_UCP | PCRE2_ANCHORED, &code,
                             &off, NULL);
  if (!speaker_re)
    die(4, "internal error: speaker pattern does not compile");
  match = pcre2_match_data_create_from_pattern(speaker_re, NULL);
}

/* Whether s starts a turn, as qcode reads lines; *end is where the text
 * after the label starts, *gs and *ge delimit the label. */
static int is_turn(const char *s, size_t n, size_t *end, size_t *gs,
                   size_t *ge) {
  int rc = pcre2_match(speaker_re, (PCRE2_SPTR)s, n, 0, 0, match, NULL);
  if (rc == PCRE2_ERROR_NOMATCH)
    return 0;
  if (rc < 0)
    die(3, "cannot match the speaker pattern (error %d)", rc);
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(match);
  uint32_t g = pcre2_substring_number_from_name(speaker_re,
                                                (PCRE2_SPTR) "speaker");
  *end = ov[1];
  *gs = ov[2 * g];
  *ge = ov[2 * g + 1];
  return ov[1] > 0;
}

/* "[00:01:22]", "00:01", "[1:02:03.5]" -> milliseconds */
static long stamp_ms(const char *s, size_t n) {
  long part[3] = {0, 0, 0}, frac = 0, scale = 1000;
  int np = 0, in_frac = 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      if (in_frac) {
        if (scale > 1)
          scale /= 10, frac += (c - '0') * scale;
      } else {
        part[np] = part[np] * 10 + (c - '0');
      }
    } else if (c == ':' && np < 2) {
      np++;
    } else if (c == '.' || c == ',') {
      in_frac = 1;
    }
  }
  long h = 0, m, sec;
  if (np == 2)
    h = part[0], m = part[1], sec = part[2];
  else /* "mm:ss" */
    m = part[0], sec = part[1];
  return ((h * 60 + m) * 60 + sec) * 1000 + frac;
}

static int valid_utf8(const unsigned char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    unsigned char c = s[i];
    size_t k = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2
               : (c & 0xF8) == 0xF0 ? 3 : 9;
    if (k == 9 || (k == 1 && c < 0xC2) || i + k >= n + (k ? 0 : 1))
      return 0;
    for (size_t j = 1; j <= k; j++)
      if (!utf8_cont(s[i + j]))
        return 0;
    i += k + 1;
  }
  return 1;
}

static int blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t')
      return 0;
  return 1;
}

static void add_line(transcript *t, line l) {
  t->lines = xrealloc(t->lines, (t->nlines + 1) * sizeof *t->lines);
  t->lines[t->nlines++] = l;
}

static void read_transcript(transcript *t, const char *path) {
  FILE *fp = fopen(path, "rb");
  if (!fp)
    die(4, "cannot open '%s': %s", path, strerror(errno));
  buf all = {0};
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
    put(&all, chunk, n);
  if (ferror(fp))
    die(4, "cannot read '%s': %s", path, strerror(errno));
  fclose(fp);
  put(&all, "", 0);
  const char *s = all.p;
  size_t len = all.len;
  if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
    s += 3, len -= 3;
  if (!valid_utf8((const unsigned char *)s, len))
    die(3, "'%s' is not valid UTF-8", path);

  int state = 0; /* 0: first line, 1: in front matter, 2: body */
  size_t turn = 0;
  for (size_t pos = 0; pos < len;) {
    const char *e = memchr(s + pos, '\n', len - pos);
    size_t ln = e ? (size_t)(e - (s + pos)) : len - pos;
    const char *l = s + pos;
    pos += ln + (e != NULL);
    if (ln && l[ln - 1] == '\r')
      ln--;
    if (state == 0) {
      state = 2;
      if (ln == 3 && memcmp(l, "---", 3) == 0) {
        state = 1;
        continue;
      }
    }
    if (state == 1) {
      if (ln == 3 && (memcmp(l, "---", 3) == 0 || memcmp(l, "...", 3) == 0))
        state = 2;
      else if (!blank(l, ln) && l[0] != '#') {
        t->meta = xrealloc(t->meta, (t->nmeta + 1) * sizeof *t->meta);
        t->meta[t->nmeta++] = xstrndup(l, ln);
      }
      continue;
    }
    if (ln && l[0] == '#') /* a transcriber's comment: not rendered */
      continue;
    line x = {L_TEXT, NULL, NULL, NULL, -1, turn};
    size_t end, gs, ge;
    if (is_turn(l, ln, &end, &gs, &ge)) {
      size_t st = gs;
      while (st && (l[st - 1] == ' ' || l[st - 1] == '\t'))
        st--;
      x.kind = L_TURN;
      x.stamp = xstrndup(l, st);
      x.ms = st ? stamp_ms(l, st) : -1;
      x.label = xstrndup(l + gs, ge - gs);
      x.text = xstrndup(l + end, ln - end);
      x.turn = ++turn;
    } else if (blank(l, ln)) {
      x.kind = L_BLANK;
      x.text = xstrndup("", 0);
    } else {
      x.text = xstrndup(l, ln);
    }
    add_line(t, x);
  }
  if (state == 1)
    die(3, "'%s': front matter opened with '---' is never closed", path);
  free(all.p);
}

/* ---- docx ---- */

/* Deterministic "random" run lengths, so the output is reproducible. */
static unsigned long rng = 20260312;

static size_t next_cut(void) {
  rng = rng * 1103515245 + 12345;
  return 4 + (rng >> 16) % 37;
}

/* Text in runs cut at arbitrary points, also inside words (as Word does
 * when revision ids change mid-word), but never inside a UTF-8 character. */
static void docx_runs(buf *b, const char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    size_t k = next_cut();
    if (k > n - i)
      k = n - i;
    while (i + k < n && utf8_cont((unsigned char)s[i + k]))
      k++;
    puts_(b, "<w:r><w:t xml:space=\"preserve\">");
    put_xml(b, s + i, k, 0);
    puts_(b, "</w:t></w:r>");
    i += k;
  }
}

static void docx_para(buf *b, const char *s) {
  puts_(b, "<w:p>");
  docx_runs(b, s, strlen(s));
  puts_(b, "</w:p>\n");
}

static void part_add(zip_t *z, const char *name, const char *data, size_t n,
                    int store) {
  zip_source_t *src = zip_source_buffer(z, data, n, 0);
  if (!src)
    die(4, "cannot add %s: %s", name, zip_strerror(z));
  zip_int64_t i = zip_file_add(z, name, src, ZIP_FL_ENC_UTF_8);
  if (i < 0) {
    zip_source_free(src);
    die(4, "cannot add %s: %s", name, zip_strerror(z));
  }
  /* a fixed date, so two renderings of one file are byte-identical */
  struct tm tm = {.tm_year = 126, .tm_mon = 0, .tm_mday = 1, .tm_hour = 12};
  if (zip_set_file_compression(z, (zip_uint64_t)i,
                               store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) < 0 ||
      zip_file_set_mtime(z, (zip_uint64_t)i, mktime(&tm), 0) < 0)
    die(4, "cannot add %s: %s", name, zip_strerror(z));
}

static zip_t *package_create(const char *path) {
  int err;
  zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (!z) {
    zip_error_t ze;
    zip_error_init_with_code(&ze, err);
    die(4, "cannot create '%s': %s", path, zip_error_strerror(&ze));
  }
  return z;
}

static void package_finish(zip_t *z, const char *path) {
  if (zip_close(z) < 0)
    die(4, "cannot write '%s': %s", path, zip_strerror(z));
}

static void write_docx(const transcript *t, const char *path) {
  static const char types[] =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
      "content-types\">"
      "<Default Extension=\"rels\" ContentType=\"application/"
      "vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
      "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
      "</Types>\n";
  static const char rels[] =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
      "relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
      "officeDocument/2006/relationships/officeDocument\" "
      "Target=\"word/document.xml\"/>"
      "</Relationships>\n";
  buf d = {0};
  puts_(&d, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/"
            "wordprocessingml/2006/main\"><w:body>\n");
  if (t->nmeta) {
    docx_para(&d, "---");
    for (size_t i = 0; i < t->nmeta; i++)
      docx_para(&d, t->meta[i]);
    docx_para(&d, "---");
  }
  for (size_t i = 0; i < t->nlines; i++) {
    const line *l = &t->lines[i];
    if (l->kind == L_BLANK)
      continue;
    if (l->kind == L_TEXT) {
      docx_para(&d, l->text);
    } else if (l->turn % 2) {
      puts_(&d, "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>");
      put_xml(&d, l->label, strlen(l->label), 0);
      puts_(&d, "</w:t></w:r>");
      if (*l->text) {
        buf s = {0};
        putf(&s, " %s", l->text);
        docx_runs(&d, s.p, s.len);
        free(s.p);
      }
      puts_(&d, "</w:p>\n");
    } else {
      buf s = {0};
      if (*l->stamp)
        putf(&s, "%s ", l->stamp);
      puts_(&s, l->label);
      puts_(&s, *l->text ? ": " : ":");
      puts_(&s, l->text);
      docx_para(&d, s.p);
      free(s.p);
    }
  }
  puts_(&d, "</w:body></w:document>\n");
  zip_t *z = package_create(path);
  part_add(z, "[Content_Types].xml", types, strlen(types), 0);
  part_add(z, "_rels/.rels", rels, strlen(rels), 0);
  part_add(z, "word/document.xml", d.p, d.len, 0);
  package_finish(z, path);
  free(d.p);
}

/* ---- odt ---- */

/* ODF collapses white space: a run of N spaces is one space and
 * <text:s text:c="N-1"/>, and spaces that start a paragraph are all
 * <text:s/>, since leading ones would be dropped. */
static void odt_text(buf *b, const char *s, size_t n, int at_start) {
  for (size_t i = 0; i < n;) {
    if (s[i] == ' ') {
      size_t k = 0;
      while (i + k < n && s[i + k] == ' ')
        k++;
      i += k;
      if (!at_start)
        puts_(b, " "), k--;
      if (k == 1)
        puts_(b, "<text:s/>");
      else if (k > 1)
        putf(b, "<text:s text:c=\"%zu\"/>", k);
    } else if (s[i] == '\t') {
      puts_(b, "<text:tab/>");
      i++;
    } else {
      size_t k = 0;
      while (i + k < n && s[i + k] != ' ' && s[i + k] != '\t')
        k++;
      put_xml(b, s + i, k, 0);
      i += k;
    }
    at_start = 0;
  }
}

static void odt_para(buf *b, const char *s) {
  puts_(b, "<text:p>");
  odt_text(b, s, strlen(s), 1);
  puts_(b, "</text:p>\n");
}

static void write_odt(const transcript *t, const char *path) {
  static const char mimetype[] = "application/vnd.oasis.opendocument.text";
  static const char manifest[] =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:"
      "xmlns:manifest:1.0\" manifest:version=\"1.2\">\n"
      " <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\""
      " manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>\n"
      " <manifest:file-entry manifest:full-path=\"content.xml\""
      " manifest:media-type=\"text/xml\"/>\n"
      "</manifest:manifest>\n";
  buf c = {0};
  puts_(&c,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<office:document-content"
        " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
        " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
        " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
        " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:"
        "1.0\" office:version=\"1.2\">\n"
        "<office:automatic-styles><style:style style:name=\"T1\""
        " style:family=\"text\"><style:text-properties"
        " fo:font-weight=\"bold\"/></style:style></office:automatic-styles>\n"
        "<office:body><office:text>\n");
  if (t->nmeta) {
    odt_para(&c, "---");
    for (size_t i = 0; i < t->nmeta; i++)
      odt_para(&c, t->meta[i]);
    odt_para(&c, "---");
  }
  for (size_t i = 0; i < t->nlines; i++) {
    const line *l = &t->lines[i];
    if (l->kind == L_BLANK)
      continue;
    if (l->kind == L_TEXT) {
      odt_para(&c, l->text);
    } else if (l->turn % 2) {
      puts_(&c, "<text:p><text:span text:style-name=\"T1\">");
      put_xml(&c, l->label, strlen(l->label), 0);
      puts_(&c, "</text:span>");
      if (*l->text) {
        puts_(&c, " ");
        odt_text(&c, l->text, strlen(l->text), 0);
      }
      puts_(&c, "</text:p>\n");
    } else {
      buf s = {0};
      if (*l->stamp)
        putf(&s, "%s ", l->stamp);
      puts_(&s, l->label);
      puts_(&s, *l->text ? ": " : ":");
      puts_(&s, l->text);
      odt_para(&c, s.p);
      free(s.p);
    }
  }
  puts_(&c, "</office:text></office:body></office:document-content>\n");
  zip_t *z = package_create(path);
  /* ODF: mimetype is the first entry, stored, so 'file' can sniff it */
  part_add(z, "mimetype", mimetype, strlen(mimetype), 1);
  part_add(z, "META-INF/manifest.xml", manifest, strlen(manifest), 0);
  part_add(z, "content.xml", c.p, c.len, 0);
  package_finish(z, path);
  free(c.p);
}

/* ---- cues (vtt and srt) ---- */

typedef struct cue {
  long start, end; /* milliseconds */
  const char *label; /* the turn's label, or NULL before the first turn */
  size_t turn;
  int first; /* the first cue of its turn */
  char *text;
} cue;

typedef struct cues {
  cue *c;
  size_t n;
} cues;

static void free_cues(cues *cs) {
  for (size_t i = 0; i < cs->n; i++)
    free(cs->c[i].text);
  free(cs->c);
}

/* A cue that continues a turn must not read as the start of a new one, nor
 * as a comment, in a reader that looks at its text as a line. */
static int safe_start(const char *s, size_t n) {
  size_t end, gs, ge;
  return n && s[0] != '#' && !is_turn(s, n, &end, &gs, &ge);
}

static void add_cue(cues *cs, long *clock, const line *head, int first,
                    const char *s, size_t n) {
  cs->c = xrealloc(cs->c, (cs->n + 1) * sizeof *cs->c);
  cue *c = &cs->c[cs->n++];
  c->start = *clock;
  c->end = *clock + 1500 + 50 * (long)utf8_chars(s, n);
  *clock = c->end;
  c->label = head ? head->label : NULL;
  c->turn = head ? head->turn : 0;
  c->first = first;
  c->text = xstrndup(s, n);
}

/* Splits one paragraph of a turn into cues of at most about CUE_MAX
 * characters, at spaces only; a word longer than that is a cue alone. */
static void split_para(cues *cs, long *clock, const line *head, int *first,
                       const char *p, size_t n) {
  size_t i = 0;
  while (i < n) {
    while (i < n && p[i] == ' ')
      i++;
    if (i == n)
      break;
    /* cut at the last word end within CUE_MAX characters, or, without
     * one, at the first after it; skipping cuts that leave the next cue
     * reading like a turn */
    size_t max = CUE_MAX, best = 0, over = 0;
    /* a turn's first cue also carries its label ("P1: " in the text, or a
     * voice tag in vtt): counted in both, so both cut at the same points */
    if (*first && head)
      max -= utf8_chars(head->label, strlen(head->label)) + 2;
    for (size_t j = i + 1; j <= n; j++) {
      if ((j < n && p[j] != ' ') || p[j - 1] == ' ')
        continue;
      size_t k = j;
      while (k < n && p[k] == ' ')
        k++;
      int ok = k == n || safe_start(p + k, n - k);
      if (utf8_chars(p + i, j - i) <= max) {
        if (ok)
          best = j;
      } else if (best) {
        break;
      } else if (ok) {
        over = j;
        break;
      }
    }
    size_t cut = best ? best : over ? over : n;
    size_t e = cut;
    while (e > i && p[e - 1] == ' ')
      e--;
    add_cue(cs, clock, head, *first, p + i, e - i);
    *first = 0;
    i = cut;
  }
}

static void make_cues(const transcript *t, cues *cs) {
  long clock = 0;
  for (size_t i = 0; i < t->nlines;) {
    const line *head = t->lines[i].kind == L_TURN ? &t->lines[i] : NULL;
    if (head && head->ms > clock)
      clock = head->ms;
    int first = 1;
    /* the turn's paragraphs: lines joined by spaces up to a blank line */
    buf para = {0};
    size_t j = i;
    do {
      const line *l = &t->lines[j];
      if (l->kind == L_BLANK) {
        /* a paragraph break ends a cue, unless the next paragraph would
         * then open a cue that reads like a new turn */
        size_t k = j + 1;
        while (k < t->nlines && t->lines[k].kind == L_BLANK)
          k++;
        const char *nx = k < t->nlines && t->lines[k].kind == L_TEXT
                             ? t->lines[k].text : NULL;
        while (nx && (*nx == ' ' || *nx == '\t'))
          nx++;
        if (para.len && (!nx || safe_start(nx, strlen(nx)))) {
          split_para(cs, &clock, head, &first, para.p, para.len);
          para.len = 0;
        }
      } else {
        const char *s = l->text;
        while (*s == ' ' || *s == '\t')
          s++;
        if (para.len && *s)
          puts_(&para, " ");
        puts_(&para, s);
      }
      j++;
    } while (j < t->nlines && t->lines[j].kind != L_TURN);
    if (para.len)
      split_para(cs, &clock, head, &first, para.p, para.len);
    if (first && head) /* a label with no text at all */
      add_cue(cs, &clock, head, 1, "", 0);
    free(para.p);
    i = j;
  }
}

static void put_time(buf *b, long ms, char sep) {
  putf(b, "%02ld:%02ld:%02ld%c%03ld", ms / 3600000, ms / 60000 % 60,
       ms / 1000 % 60, sep, ms % 1000);
}

static void write_file(const char *path, const buf *b) {
  FILE *fp = fopen(path, "wb");
  if (!fp)
    die(4, "cannot create '%s': %s", path, strerror(errno));
  if (fwrite(b->p, 1, b->len, fp) != b->len || fclose(fp) != 0)
    die(4, "cannot write '%s': %s", path, strerror(errno));
}

static void write_vtt(const transcript *t, const char *path) {
  cues cs = {0};
  make_cues(t, &cs);
  buf b = {0};
  puts_(&b, "WEBVTT\n");
  for (size_t i = 0; i < t->nmeta; i++)
    putf(&b, "%s\n", t->meta[i]);
  puts_(&b, "\nNOTE synthetic rendering by render-transcript\n");
  for (size_t i = 0; i < cs.n; i++) {
    const cue *c = &cs.c[i];
    puts_(&b, "\n");
    if ((i + 1) % 3 == 0)
      putf(&b, "cue-%zu\n", i + 1);
    put_time(&b, c->start, '.');
    puts_(&b, " --> ");
    put_time(&b, c->end, '.');
    puts_(&b, "\n");
    if (c->label && c->turn % 2) {
      puts_(&b, "<v ");
      put_xml(&b, c->label, strlen(c->label), 0);
      puts_(&b, ">");
    } else if (c->label && c->first) {
      put_xml(&b, c->label, strlen(c->label), 0);
      puts_(&b, *c->text ? ": " : ":");
    }
    put_xml(&b, c->text, strlen(c->text), 0);
    puts_(&b, "\n");
  }
  write_file(path, &b);
  free_cues(&cs);
  free(b.p);
}

static void write_srt(const transcript *t, const char *path) {
  cues cs = {0};
  make_cues(t, &cs);
  buf b = {0};
  for (size_t i = 0; i < cs.n; i++) {
    const cue *c = &cs.c[i];
    if (i)
      puts_(&b, "\n");
    putf(&b, "%zu\n", i + 1);
    put_time(&b, c->start, ',');
    puts_(&b, " --> ");
    put_time(&b, c->end, ',');
    puts_(&b, "\n");
    if (c->label && c->first)
      putf(&b, "%s%s", c->label, *c->text ? ": " : ":");
    puts_(&b, c->text);
    puts_(&b, "\n");
  }
  write_file(path, &b);
  free_cues(&cs);
  free(b.p);
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s FORMAT IN.txt OUT   (FORMAT: docx, odt, vtt, "
                    "srt)\n", prog);
    return 2;
  }
  const char *fmt = argv[1];
  void (*writer)(const transcript *, const char *) =
      strcmp(fmt, "docx") == 0  ? write_docx
      : strcmp(fmt, "odt") == 0 ? write_odt
      : strcmp(fmt, "vtt") == 0 ? write_vtt
      : strcmp(fmt, "srt") == 0 ? write_srt
                                : NULL;
  if (!writer)
    die(2, "unknown format '%s' (docx, odt, vtt, srt)", fmt);
  compile_pattern();
  transcript t = {0};
  read_transcript(&t, argv[2]);
  writer(&t, argv[3]);
  return 0;
}
