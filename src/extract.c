/* extract.c: Word, OpenDocument, WebVTT and SRT transcripts as plain text
 * (extract.h). Documents give one line per paragraph with a blank line
 * between paragraphs, so that a paragraph of the document is a paragraph
 * of the transcript; subtitles give one line per line of cue text, each
 * with its cue's times in front. What the reader must know beyond the text
 * goes into the line table. */
#include "extract.h"
#include "error.h"
#include "memory.h"
#include "utf8.h"
#include "xmlzip.h"

#include <libxml/xmlreader.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Elements nest at most this deep (a crafted document could nest deeper
 * than the C stack allows). */
#define MAX_DEPTH 256
/* A label in bold is at most this many bytes, as the default speaker
 * pattern allows 40 characters. */
#define LABEL_MAX 160

void qc_extracted_free(qc_extracted *x) {
  qc_buf_release(&x->text);
  for (size_t i = 0; i < x->nlines; i++)
    free(x->lines[i].speaker);
  free(x->lines);
  memset(x, 0, sizeof *x);
}

static void emit(qc_extracted *x, const char *s, size_t n) {
  qc_buf_put(&x->text, s, n);
  qc_buf_putc(&x->text, '\n');
  x->lineno++;
}

/* Marks the line about to be emitted. */
static void mark_line(qc_extracted *x, size_t prefix, const char *speaker,
                      long long start, long long end) {
  QC_GROW(x->lines, x->cap, x->nlines + 1);
  x->lines[x->nlines++] =
      (qc_xline){x->lineno + 1, (unsigned)prefix, speaker != NULL,
                 speaker ? qc_xstrdup(speaker) : NULL, start, end};
}

static bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void trim(const char **s, size_t *n) {
  while (*n && is_space(**s))
    (*s)++, (*n)--;
  while (*n && is_space((*s)[*n - 1]))
    (*n)--;
}

/* ---- formats ---- */

static const struct {
  const char *name, *ext;
  qc_text_format f;
} formats[] = {{"txt", ".txt", QC_TEXT_PLAIN}, {"docx", ".docx", QC_TEXT_DOCX},
               {"odt", ".odt", QC_TEXT_ODT},   {"vtt", ".vtt", QC_TEXT_VTT},
               {"srt", ".srt", QC_TEXT_SRT}};

const char *qc_text_format_name(qc_text_format f) {
  for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
    if (formats[i].f == f)
      return formats[i].name;
  return "auto";
}

bool qc_text_format_parse(const char *name, qc_text_format *f) {
  if (!strcmp(name, "auto")) {
    *f = QC_TEXT_AUTO;
    return true;
  }
  for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
    if (!strcmp(formats[i].name, name)) {
      *f = formats[i].f;
      return true;
    }
  return false;
}

qc_text_format qc_text_format_of_name(const char *path) {
  const char *dot = path ? strrchr(path, '.') : NULL;
  if (!dot || strchr(dot, '/'))
    return QC_TEXT_AUTO;
  for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
    if (!strcasecmp(dot, formats[i].ext))
      return formats[i].f;
  return QC_TEXT_AUTO;
}

static size_t line_len(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && s[i] != '\n' && s[i] != '\r')
    i++;
  return i;
}

static bool all_digits(const char *s, size_t n) {
  trim(&s, &n);
  if (!n)
    return false;
  for (size_t i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9')
      return false;
  return true;
}

static bool has_arrow(const char *s, size_t n) {
  for (size_t i = 0; i + 3 <= n; i++)
    if (!memcmp(s + i, "-->", 3))
      return true;
  return false;
}

qc_text_format qc_text_format_sniff(const char *data, size_t len) {
  if (len >= 4 && !memcmp(data, "PK\3\4", 4)) {
    if (qc_zip_has(data, len, "word/document.xml"))
      return QC_TEXT_DOCX;
    if (qc_zip_has(data, len, "content.xml"))
      return QC_TEXT_ODT;
    return QC_TEXT_PLAIN;
  }
  if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
    data += 3, len -= 3;
  if (len >= 6 && !memcmp(data, "WEBVTT", 6) &&
      (len == 6 || data[6] == ' ' || data[6] == '\t' || data[6] == '\n' ||
       data[6] == '\r'))
    return QC_TEXT_VTT;
  /* SRT: a cue number, then a timing line */
  size_t n1 = line_len(data, len);
  if (all_digits(data, n1) && n1 < len) {
    size_t at = n1 + (data[n1] == '\r' && n1 + 1 < len && data[n1 + 1] == '\n'
                          ? 2
                          : 1);
    if (has_arrow(data + at, line_len(data + at, len - at)))
      return QC_TEXT_SRT;
  }
  return QC_TEXT_PLAIN;
}

/* ---- documents: paragraphs with a bold run at the start ---- */

typedef struct para {
  qc_buf text;
  size_t bold_len; /* bytes of the text that came in bold runs at its start */
  bool plain;      /* non-blank text not in bold came after them */
} para;

typedef struct doc {
  qc_extracted *x;
  const char *file;
  para p;
  bool in_para;
  int front; /* 0: not yet, 1: in front matter, 2: past it */
  bool any;  /* a paragraph with text was emitted */
} doc;

static void doc_free(doc *d) { qc_buf_release(&d->p.text); }

static void para_put(para *p, const char *s, size_t n, bool bold) {
  if (!p->plain) {
    if (bold) {
      qc_buf_put(&p->text, s, n);
      p->bold_len = p->text.len;
      return;
    }
    for (size_t i = 0; i < n; i++)
      if (!is_space(s[i]))
        p->plain = true;
    if (!p->plain && !p->bold_len) { /* blanks before the label */
      qc_buf_put(&p->text, s, n);
      p->bold_len = p->text.len;
      return;
    }
  }
  qc_buf_put(&p->text, s, n);
}

/* Emits the lines of 's' (split at line breaks of the paragraph). */
static void emit_lines(qc_extracted *x, const char *s, size_t n) {
  for (;;) {
    size_t k = 0;
    while (k < n && s[k] != '\n')
      k++;
    emit(x, s, k);
    if (k == n)
      return;
    s += k + 1;
    n -= k + 1;
  }
}

/* The bold start of a paragraph is a speaker label when it is short, on
 * one line, and followed by text that is not bold: "Moderator" or
 * "Moderator:" then the turn. A paragraph that is bold throughout is a
 * heading, not a turn. */
static bool bold_label(const para *p, const char **label, size_t *ln,
                       const char **rest, size_t *rn) {
  const char *s = p->text.ptr;
  size_t n = p->bold_len;
  if (!p->plain || !n)
    return false;
  /* "**Nee**, dat..." and "**Jan**sen" are emphasis, not labels: the
   * label must end in a colon or be followed by one or by a space */
  char last = s[n - 1], next = s[n];
  if (!(last == ':' || is_space(last) || next == ':' || is_space(next)))
    return false;
  trim(&s, &n);
  if (n && s[n - 1] == ':')
    n--;
  trim(&s, &n);
  if (!n || n > LABEL_MAX || memchr(s, ':', n) || memchr(s, '\n', n) ||
      memchr(s, '\t', n))
    return false;
  *label = s;
  *ln = n;
  const char *r = p->text.ptr + p->bold_len;
  size_t m = p->text.len - p->bold_len;
  while (m && (*r == ' ' || *r == '\t'))
    r++, m--;
  if (m && *r == ':')
    r++, m--;
  while (m && (*r == ' ' || *r == '\t'))
    r++, m--;
  *rest = r;
  *rn = m;
  return true;
}

static void end_para(doc *d) {
  para *p = &d->p;
  d->in_para = false;
  const char *s = p->text.ptr ? p->text.ptr : "";
  size_t n = p->text.len;
  trim(&s, &n);
  bool fence = (n == 3 && (!memcmp(s, "---", 3) || !memcmp(s, "...", 3)));
  if (d->front == 0 && n && !d->any) /* front matter only at the very top */
    d->front = fence && !memcmp(s, "---", 3) ? 1 : 2;
  else if (d->front == 0 && n)
    d->front = 2;
  if (d->front == 1) { /* one line per paragraph, no blank lines */
    if (n) {
      emit_lines(d->x, s, n);
      if (fence && d->any)
        d->front = 2, emit(d->x, "", 0);
      d->any = true;
    }
  } else if (n) {
    const char *label, *rest;
    size_t ln, rn;
    if (bold_label(p, &label, &ln, &rest, &rn)) {
      char *name = qc_xstrndup(label, ln);
      mark_line(d->x, ln + 2, name, -1, -1);
      free(name);
      qc_buf_put(&d->x->text, label, ln);
      qc_buf_puts(&d->x->text, ": ");
      while (rn && is_space(rest[rn - 1]))
        rn--;
      emit_lines(d->x, rest, rn);
    } else {
      emit_lines(d->x, s, n);
    }
    emit(d->x, "", 0);
    d->any = true;
  }
  qc_buf_clear(&p->text);
  p->bold_len = 0;
  p->plain = false;
}

static void start_para(doc *d) {
  if (d->in_para) /* a paragraph inside one (a text box): one paragraph */
    return;
  d->in_para = true;
  qc_buf_clear(&d->p.text);
  d->p.bold_len = 0;
  d->p.plain = false;
}

/* Word's text: a line end inside w:t is a space (a break is w:br), so
 * that the lines of the extracted text are the ones counted here. */
static void put_text(doc *d, const char *s, bool bold) {
  if (!d->in_para || !s)
    return;
  size_t len = strlen(s), from = 0;
  for (size_t i = 0; i <= len; i++)
    if (i == len || s[i] == '\n' || s[i] == '\r') {
      para_put(&d->p, s + from, i - from, bold);
      if (i < len)
        para_put(&d->p, " ", 1, bold);
      from = i + 1;
    }
}

static bool is_text_node(int type) {
  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
         type == XML_READER_TYPE_WHITESPACE ||
         type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

/* The current node, for the walkers. */
typedef struct node {
  int type, depth;
  bool empty;
  const char *name; /* local name of an element, NULL otherwise */
} node;

static void current(qc_xml_stream *x, node *n) {
  xmlTextReaderPtr r = qc_xml_stream_reader(x);
  n->type = xmlTextReaderNodeType(r);
  n->depth = xmlTextReaderDepth(r);
  n->empty = n->type == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement(r);
  n->name = n->type == XML_READER_TYPE_ELEMENT ||
                    n->type == XML_READER_TYPE_END_ELEMENT
                ? (const char *)xmlTextReaderConstLocalName(r)
                : NULL;
}

static bool is(const node *n, const char *name) {
  return n->name && !strcmp(n->name, name);
}

/* Word (ECMA-376 part 1, 17.3): paragraphs w:p of runs w:r, a run bold by
 * w:b in its w:rPr unless w:val switches it off, text in w:t. */
static qc_status extract_docx(const char *file, const char *data, size_t len,
                              qc_extracted *x, qc_error *err) {
  qc_xml_stream *in;
  QC_TRY(qc_xml_stream_open(&in, file, ".docx", data, len,
                            "word/document.xml", err));
  doc d = {.x = x, .file = file};
  qc_status s = QC_OK;
  /* skip: the depth of an element whose content is left out (deleted and
   * moved-away text of tracked changes, field codes, the fallback copy of
   * a drawing, paragraph and section properties), or -1 */
  int skip = -1, par = -1, run = -1, rpr = -1, t = -1;
  bool bold = false;
  for (;;) {
    bool got;
    if ((s = qc_xml_stream_next(in, &got, MAX_DEPTH, err)) != QC_OK || !got)
      break;
    node n;
    current(in, &n);
    if (skip >= 0) {
      if (n.type == XML_READER_TYPE_END_ELEMENT && n.depth == skip)
        skip = -1;
      continue;
    }
    if (n.type == XML_READER_TYPE_END_ELEMENT) {
      if (n.depth == t)
        t = -1;
      else if (n.depth == rpr)
        rpr = -1;
      else if (n.depth == run)
        run = -1, bold = false;
      else if (n.depth == par)
        par = -1, end_para(&d);
      continue;
    }
    if (is_text_node(n.type)) {
      if (t >= 0)
        put_text(&d, (const char *)xmlTextReaderConstValue(
                          qc_xml_stream_reader(in)),
                 bold);
      continue;
    }
    if (n.type != XML_READER_TYPE_ELEMENT)
      continue;
    if (is(&n, "del") || is(&n, "delText") || is(&n, "moveFrom") ||
        is(&n, "instrText") || is(&n, "Fallback") || is(&n, "pPr") ||
        is(&n, "sectPr")) {
      if (!n.empty)
        skip = n.depth;
    } else if (is(&n, "p")) {
      if (par < 0 && !n.empty) { /* a paragraph inside one (a text box)
                                     is part of it */
        start_para(&d);
        par = n.depth;
      }
    } else if (is(&n, "r")) {
      bold = false;
      run = n.empty ? -1 : n.depth;
    } else if (is(&n, "rPr")) {
      rpr = run >= 0 && !n.empty ? n.depth : -1;
    } else if (is(&n, "b") && rpr >= 0) {
      const char *v = qc_xml_stream_attr(in, "val");
      bold = !v || !(!strcmp(v, "0") || !strcmp(v, "false") ||
                     !strcmp(v, "off"));
    } else if (is(&n, "t")) {
      t = n.empty ? -1 : n.depth;
    } else if (d.in_para && (is(&n, "tab") || is(&n, "br") || is(&n, "cr") ||
                             is(&n, "noBreakHyphen"))) {
      para_put(&d.p, is(&n, "tab") ? "\t" : is(&n, "noBreakHyphen") ? "-" : "\n",
               1, bold);
    }
  }
  if (s == QC_OK && d.in_para)
    end_para(&d);
  qc_xml_stream_close(in);
  doc_free(&d);
  return s;
}

/* An OpenDocument style as far as bold goes. */
typedef struct odt_style {
  char *name, *parent;
  int weight; /* -1: not set, 0: normal, 1: bold */
} odt_style;

typedef struct odt_styles {
  odt_style *v;
  size_t n, cap;
} odt_styles;

/* Bold by its own fo:font-weight (bold, or 600 and up), else its
 * parent's; the last definition of a name wins (content.xml's automatic
 * styles come after styles.xml's common ones). */
static bool style_bold(const odt_styles *st, const char *name, int depth) {
  for (size_t i = st->n; name && depth < 16 && i-- > 0;)
    if (!strcmp(st->v[i].name, name))
      return st->v[i].weight >= 0 ? st->v[i].weight == 1
                                  : style_bold(st, st->v[i].parent, depth + 1);
  return false;
}

static void styles_free(odt_styles *st) {
  for (size_t i = 0; i < st->n; i++) {
    free(st->v[i].name);
    free(st->v[i].parent);
  }
  free(st->v);
}

/* Reads the style:style elements inside the element 'section'
 * (office:styles of styles.xml, office:automatic-styles of content.xml). */
static void style_node(qc_xml_stream *in, const node *n, int *section,
                       const char *want, odt_styles *st, int *in_style) {
  if (n->type == XML_READER_TYPE_END_ELEMENT) {
    if (n->depth == *section)
      *section = -1;
    else if (n->depth == *in_style)
      *in_style = -1;
    return;
  }
  if (n->type != XML_READER_TYPE_ELEMENT)
    return;
  if (*section < 0) {
    if (n->depth == 1 && is(n, want) && !n->empty)
      *section = n->depth;
    return;
  }
  if (is(n, "style") && n->depth == *section + 1) {
    const char *name = qc_xml_stream_attr(in, "name");
    if (!name)
      return;
    QC_GROW(st->v, st->cap, st->n + 1);
    odt_style *y = &st->v[st->n++];
    y->name = qc_xstrdup(name);
    const char *parent = qc_xml_stream_attr(in, "parent-style-name");
    y->parent = parent ? qc_xstrdup(parent) : NULL;
    y->weight = -1;
    *in_style = n->empty ? -1 : n->depth;
  } else if (is(n, "text-properties") && *in_style >= 0 && st->n) {
    const char *w = qc_xml_stream_attr(in, "font-weight");
    if (w)
      st->v[st->n - 1].weight = !strcmp(w, "bold") || atoi(w) >= 600;
  }
}

/* ODF 1.2 part 1, 6.1.2: in text, a run of spaces, tabs and line ends is
 * one space; text:s, text:tab and text:line-break say the others. */
static void odt_put(doc *d, const char *s, bool bold) {
  qc_buf t = QC_BUF_INIT;
  bool space = d->p.text.len && d->p.text.ptr[d->p.text.len - 1] == ' ';
  for (; s && *s; s++) {
    if (is_space(*s)) {
      if (!space)
        qc_buf_putc(&t, ' ');
      space = true;
    } else {
      qc_buf_putc(&t, *s);
      space = false;
    }
  }
  if (t.len)
    para_put(&d->p, t.ptr, t.len, bold);
  qc_buf_release(&t);
}

static qc_status odt_common_styles(const char *file, const char *data,
                                   size_t len, odt_styles *st, qc_error *err) {
  if (!qc_zip_has(data, len, "styles.xml"))
    return QC_OK;
  qc_xml_stream *in;
  QC_TRY(qc_xml_stream_open(&in, file, ".odt", data, len, "styles.xml", err));
  qc_status s;
  int section = -1, in_style = -1;
  for (;;) {
    bool got;
    if ((s = qc_xml_stream_next(in, &got, MAX_DEPTH, err)) != QC_OK || !got)
      break;
    node n;
    current(in, &n);
    style_node(in, &n, &section, "styles", st, &in_style);
  }
  qc_xml_stream_close(in);
  return s;
}

/* OpenDocument text (ODF 1.2 part 1, 5.1): text:p and text:h paragraphs
 * in office:body, bold through their style or a text:span's. */
static qc_status extract_odt(const char *file, const char *data, size_t len,
                             qc_extracted *x, qc_error *err) {
  odt_styles st = {0};
  qc_status s = odt_common_styles(file, data, len, &st, err);
  qc_xml_stream *in = NULL;
  if (s == QC_OK)
    s = qc_xml_stream_open(&in, file, ".odt", data, len, "content.xml", err);
  doc d = {.x = x, .file = file};
  /* bold[k]: whether text inside the open element at depth k is bold */
  bool bold[MAX_DEPTH + 2] = {false};
  int section = -1, in_style = -1, body = -1, skip = -1, par = -1;
  while (s == QC_OK) {
    bool got;
    if ((s = qc_xml_stream_next(in, &got, MAX_DEPTH, err)) != QC_OK || !got)
      break;
    node n;
    current(in, &n);
    if (body < 0) { /* the automatic styles come before the body */
      style_node(in, &n, &section, "automatic-styles", &st, &in_style);
      if (n.type == XML_READER_TYPE_ELEMENT && n.depth == 1 &&
          is(&n, "body") && !n.empty)
        body = n.depth;
      continue;
    }
    if (skip >= 0) {
      if (n.type == XML_READER_TYPE_END_ELEMENT && n.depth == skip)
        skip = -1;
      continue;
    }
    if (n.type == XML_READER_TYPE_END_ELEMENT) {
      if (n.depth == par)
        par = -1, end_para(&d);
      else if (n.depth == body)
        break;
      continue;
    }
    bool inherited = n.depth > 0 && bold[n.depth - 1];
    if (is_text_node(n.type)) {
      if (d.in_para)
        odt_put(&d, (const char *)xmlTextReaderConstValue(
                        qc_xml_stream_reader(in)),
                inherited);
      continue;
    }
    if (n.type != XML_READER_TYPE_ELEMENT)
      continue;
    bold[n.depth] = inherited;
    /* notes, comments, the deleted text of tracked changes, frames */
    if (is(&n, "note") || is(&n, "annotation") ||
        is(&n, "tracked-changes") || is(&n, "frame") ||
        is(&n, "sequence-decls")) {
      if (!n.empty)
        skip = n.depth;
    } else if (is(&n, "p") || is(&n, "h")) {
      bold[n.depth] = style_bold(&st, qc_xml_stream_attr(in, "style-name"), 0);
      if (par < 0 && !n.empty) {
        start_para(&d);
        par = n.depth;
      }
    } else if (is(&n, "span")) {
      const char *name = qc_xml_stream_attr(in, "style-name");
      if (name)
        bold[n.depth] = style_bold(&st, name, 0);
    } else if (d.in_para && is(&n, "s")) {
      const char *cnt = qc_xml_stream_attr(in, "c");
      long k = cnt ? strtol(cnt, NULL, 10) : 1;
      for (long i = 0; i < (k < 1 ? 1 : k > 1000 ? 1000 : k); i++)
        para_put(&d.p, " ", 1, inherited);
    } else if (d.in_para && (is(&n, "tab") || is(&n, "line-break"))) {
      para_put(&d.p, is(&n, "tab") ? "\t" : "\n", 1, inherited);
    }
  }
  if (s == QC_OK && d.in_para)
    end_para(&d);
  qc_xml_stream_close(in);
  styles_free(&st);
  doc_free(&d);
  return s;
}

/* ---- subtitles ---- */

typedef struct sub {
  const char *file;
  const char *data;
  size_t len, pos;
  unsigned lineno;
  const char *line; /* the current line, without its line end */
  size_t n;
  qc_extracted *x;
  bool vtt;
} sub;

/* The next line; false at the end. Lines are checked for UTF-8 and NUL
 * here, so a fault is reported where it is in the subtitle file. */
static qc_status next_line(sub *u, bool *got, qc_error *err) {
  *got = false;
  if (u->pos >= u->len)
    return QC_OK;
  const char *s = u->data + u->pos;
  size_t n = line_len(s, u->len - u->pos);
  u->pos += n;
  if (u->pos < u->len && u->data[u->pos] == '\r')
    u->pos++;
  if (u->pos < u->len && u->data[u->pos] == '\n')
    u->pos++;
  u->lineno++;
  u->line = s;
  u->n = n;
  size_t bad = qc_utf8_check(s, n);
  const char *nul = memchr(s, '\0', n);
  if (nul && (size_t)(nul - s) < bad)
    return qc_error_set(err, QC_ERR_TRANSCRIPT, u->file, u->lineno,
                        (unsigned)qc_utf8_count(s, (size_t)(nul - s)) + 1,
                        (size_t)(nul - u->data), "NUL byte in a subtitle file");
  if (bad < n)
    return qc_error_set(err, QC_ERR_UTF8, u->file, u->lineno,
                        (unsigned)qc_utf8_count(s, bad) + 1,
                        (size_t)(s + bad - u->data),
                        "invalid UTF-8 (byte 0x%02X); if the file is "
                        "Windows-1252 or Latin-1, give --encoding cp1252 or "
                        "latin1",
                        (unsigned char)s[bad]);
  *got = true;
  return QC_OK;
}

static bool blank(const char *s, size_t n) {
  trim(&s, &n);
  return n == 0;
}

static qc_status cue_error(const sub *u, size_t at, qc_error *err,
                           const char *msg) {
  return qc_error_set(err, QC_ERR_TRANSCRIPT, u->file, u->lineno,
                      (unsigned)qc_utf8_count(u->line, at) + 1,
                      (size_t)(u->line + at - u->data), "%s", msg);
}

static size_t digits(const char *s, size_t n, size_t at, long long *v) {
  size_t k = 0;
  *v = 0;
  while (at + k < n && s[at + k] >= '0' && s[at + k] <= '9' && k < 12)
    *v = *v * 10 + (s[at + k] - '0'), k++;
  return k;
}

/* A cue time: WebVTT "[hh:]mm:ss.ttt" (hours two digits or more; W3C
 * WebVTT, 4.4 "WebVTT timestamp"), SRT "hh:mm:ss,mmm" (a '.' and one to
 * three digits of milliseconds are accepted, as players do). */
static qc_status timestamp(const sub *u, size_t *at, long long *ms,
                           qc_error *err) {
  const char *s = u->line;
  size_t n = u->n, i = *at;
  long long a, b, c = -1, f;
  size_t k = digits(s, n, i, &a);
  const char *want = u->vtt ? "expected a cue time such as 00:01:02.500"
                            : "expected a cue time such as 00:01:02,500";
  if (!k || i + k >= n || s[i + k] != ':')
    return cue_error(u, i, err, want);
  size_t ka = k;
  i += k + 1;
  k = digits(s, n, i, &b);
  if (k != 2)
    return cue_error(u, i, err, want);
  i += 2;
  if (i < n && s[i] == ':') {
    i++;
    k = digits(s, n, i, &c);
    if (k != 2)
      return cue_error(u, i, err, want);
    i += 2;
  } else if (!u->vtt || ka != 2) {
    return cue_error(u, i, err, want);
  }
  long long h = c < 0 ? 0 : a, m = c < 0 ? a : b, sec = c < 0 ? b : c;
  if (c >= 0 && u->vtt && ka < 2)
    return cue_error(u, *at, err, "hours must have two digits or more");
  if (m > 59 || sec > 59)
    return cue_error(u, *at, err, "minutes and seconds must be 00 to 59");
  bool sep = i < n && (s[i] == '.' || (!u->vtt && s[i] == ','));
  if (!sep)
    return cue_error(u, i, err, want);
  i++;
  k = digits(s, n, i, &f);
  if (u->vtt ? k != 3 : (k < 1 || k > 3))
    return cue_error(u, i, err,
                     u->vtt ? "expected three digits of milliseconds"
                            : "expected one to three digits of milliseconds");
  for (size_t z = k; z < 3; z++)
    f *= 10;
  i += k;
  *ms = ((h * 60 + m) * 60 + sec) * 1000 + f;
  *at = i;
  return QC_OK;
}

static qc_status timing(const sub *u, long long *start, long long *end,
                        qc_error *err) {
  size_t i = 0;
  while (i < u->n && (u->line[i] == ' ' || u->line[i] == '\t'))
    i++;
  QC_TRY(timestamp(u, &i, start, err));
  while (i < u->n && (u->line[i] == ' ' || u->line[i] == '\t'))
    i++;
  if (i + 3 > u->n || memcmp(u->line + i, "-->", 3))
    return cue_error(u, i, err, "expected '-->' between the cue's times");
  i += 3;
  while (i < u->n && (u->line[i] == ' ' || u->line[i] == '\t'))
    i++;
  size_t end_at = i;
  QC_TRY(timestamp(u, &i, end, err));
  /* WebVTT cue settings may follow; SRT may have "X1:..." positions */
  if (i < u->n && u->line[i] != ' ' && u->line[i] != '\t')
    return cue_error(u, i, err, "unexpected text after the cue's end time");
  if (*end < *start)
    return cue_error(u, end_at, err, "the cue ends before it starts");
  return QC_OK;
}

/* Appends code point 'cp' (a character reference) when it is one a text
 * may hold. */
static bool put_cp(qc_buf *b, long long cp) {
  if (cp <= 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return false;
  if (cp == '\n' || cp == '\r') { /* a line end would shift the lines */
    qc_buf_putc(b, ' ');
    return true;
  }
  char out[4];
  int k = qc_utf8_encode((int32_t)cp, out);
  qc_buf_put(b, out, (size_t)k);
  return true;
}

/* WebVTT character references (W3C WebVTT, 4.2.2): the named ones cue
 * text uses, and numeric ones; anything else stays as written. */
static size_t entity(qc_buf *b, const char *s, size_t n) {
  static const struct {
    const char *name, *utf8;
  } named_refs[] = {{"&amp;", "&"},           {"&lt;", "<"},
                    {"&gt;", ">"},            {"&quot;", "\""},
                    {"&apos;", "'"},          {"&nbsp;", "\xC2\xA0"},
                    {"&lrm;", "\xE2\x80\x8E"}, {"&rlm;", "\xE2\x80\x8F"}};
  for (size_t i = 0; i < sizeof named_refs / sizeof *named_refs; i++) {
    size_t k = strlen(named_refs[i].name);
    if (n >= k && !memcmp(s, named_refs[i].name, k)) {
      qc_buf_puts(b, named_refs[i].utf8);
      return k;
    }
  }
  if (n >= 4 && s[1] == '#') {
    bool hex = s[2] == 'x' || s[2] == 'X';
    size_t i = hex ? 3 : 2;
    long long cp = 0;
    size_t start = i;
    while (i < n && i < start + 8 &&
           ((s[i] >= '0' && s[i] <= '9') ||
            (hex && ((s[i] >= 'a' && s[i] <= 'f') ||
                     (s[i] >= 'A' && s[i] <= 'F'))))) {
      int d = s[i] <= '9' ? s[i] - '0' : (s[i] | 0x20) - 'a' + 10;
      cp = cp * (hex ? 16 : 10) + d;
      i++;
    }
    if (i > start && i < n && s[i] == ';' && put_cp(b, cp))
      return i + 1;
  }
  qc_buf_putc(b, '&');
  return 1;
}

/* The end of the tag that starts at s[i] ('<'), or 0 when it starts none:
 * a tag begins with a letter, '/' or a digit (a timestamp) and ends at the
 * next '>' before any other '<'; "3 < 5" is text. */
static size_t tag_end(const char *s, size_t n, size_t i) {
  char c = i + 1 < n ? s[i + 1] : 0;
  if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' ||
        (c >= '0' && c <= '9')))
    return 0;
  for (size_t j = i + 1; j < n; j++) {
    if (s[j] == '>')
      return j + 1;
    if (s[j] == '<')
      return 0;
  }
  return 0;
}

/* The text of a cue line without its markup: WebVTT tags (<c>, <i>, <b>,
 * <u>, <ruby>, <rt>, <lang>, <v>, timestamps) and SRT's <i>, <b>, <u>,
 * <font> and {\an8} style codes. A <v Name> at the start gives the
 * speaker. */
static void cue_text(const sub *u, const char *s, size_t n, qc_buf *out,
                     qc_buf *voice) {
  qc_buf_clear(out);
  qc_buf_clear(voice);
  size_t i = 0;
  while (i < n && (s[i] == ' ' || s[i] == '\t'))
    i++;
  if (u->vtt && n - i > 2 && s[i] == '<' && s[i + 1] == 'v' &&
      (s[i + 2] == ' ' || s[i + 2] == '\t' || s[i + 2] == '.')) {
    size_t j = i + 2;
    while (j < n && s[j] != ' ' && s[j] != '\t' && s[j] != '>')
      j++; /* classes: <v.loud Name> */
    size_t a = j;
    while (j < n && s[j] != '>')
      j++;
    const char *name = s + a;
    size_t ln = j - a;
    trim(&name, &ln);
    for (size_t k = 0; k < ln;) /* the annotation may hold references */
      k += name[k] == '&' ? entity(voice, name + k, ln - k)
                          : (qc_buf_putc(voice, name[k]), 1);
    i = j < n ? j + 1 : n;
  }
  while (i < n) {
    size_t end;
    if (s[i] == '<' && (end = tag_end(s, n, i)) > 0) {
      i = end;
    } else if (!u->vtt && s[i] == '{' && i + 1 < n && s[i + 1] == '\\') {
      while (i < n && s[i] != '}')
        i++;
      i++;
    } else if (u->vtt && s[i] == '&') {
      i += entity(out, s + i, n - i);
    } else {
      qc_buf_putc(out, s[i++]);
    }
  }
  const char *t = out->ptr ? out->ptr : "";
  size_t tn = out->len;
  trim(&t, &tn);
  memmove(out->ptr ? out->ptr : (char *)"", t, tn);
  out->len = tn;
}

/* HH:MM:SS.mmm, as qc_time_format writes it (hours may have more
 * digits). */
static size_t written_time(const char *s, size_t n, long long *ms) {
  size_t i = 0;
  long long h = 0;
  while (i < n && i < 9 && s[i] >= '0' && s[i] <= '9')
    h = h * 10 + (s[i++] - '0');
  if (i < 2 || i + 10 > n || s[i] != ':' || s[i + 3] != ':' || s[i + 6] != '.')
    return 0;
  long long v[3] = {0, 0, 0};
  const int at[3] = {1, 4, 7}, len[3] = {2, 2, 3};
  for (int k = 0; k < 3; k++)
    for (int j = 0; j < len[k]; j++) {
      char c = s[i + (size_t)at[k] + (size_t)j];
      if (c < '0' || c > '9')
        return 0;
      v[k] = v[k] * 10 + (c - '0');
    }
  if (v[0] > 59 || v[1] > 59)
    return 0;
  *ms = ((h * 60 + v[0]) * 60 + v[1]) * 1000 + v[2];
  return i + 10;
}

size_t qc_cue_prefix(const char *s, size_t n, long long *start,
                     long long *end) {
  if (n < 2 || s[0] != '[')
    return 0;
  long long a, b;
  size_t i = 1, k = written_time(s + i, n - i, &a);
  if (!k || i + k + 5 > n || memcmp(s + i + k, " --> ", 5))
    return 0;
  i += k + 5;
  k = written_time(s + i, n - i, &b);
  if (!k || i + k + 2 > n || s[i + k] != ']' || s[i + k + 1] != ' ')
    return 0;
  *start = a;
  *end = b;
  return i + k + 2;
}

static void emit_cue_line(sub *u, long long start, long long end,
                          const qc_buf *text, const qc_buf *voice) {
  char a[32], b[32];
  qc_time_format(start, a, sizeof a);
  qc_time_format(end, b, sizeof b);
  qc_buf prefix = QC_BUF_INIT;
  qc_buf_printf(&prefix, "[%s --> %s] ", a, b);
  if (voice->len) {
    qc_buf_put(&prefix, voice->ptr, voice->len);
    qc_buf_puts(&prefix, ": ");
  }
  char *name = voice->len ? qc_xstrndup(voice->ptr, voice->len) : NULL;
  mark_line(u->x, prefix.len, name, start, end);
  free(name);
  qc_buf_put(&u->x->text, prefix.ptr, prefix.len);
  emit(u->x, text->ptr ? text->ptr : "", text->len);
  qc_buf_release(&prefix);
}

/* Reads one cue whose timing line is the current line. */
static qc_status cue(sub *u, qc_buf *text, qc_buf *voice, bool *more,
                     qc_error *err) {
  long long start, end;
  QC_TRY(timing(u, &start, &end, err));
  bool got;
  for (;;) {
    QC_TRY(next_line(u, &got, err));
    if (!got || blank(u->line, u->n))
      break;
    if (has_arrow(u->line, u->n))
      return cue_error(u, 0, err,
                       "a cue's text cannot hold '-->' (is the blank line "
                       "before this cue missing?)");
    cue_text(u, u->line, u->n, text, voice);
    if (text->len || voice->len)
      emit_cue_line(u, start, end, text, voice);
  }
  *more = got;
  return QC_OK;
}

static bool starts_word(const char *s, size_t n, const char *w) {
  size_t k = strlen(w);
  return n >= k && !memcmp(s, w, k) && (n == k || s[k] == ' ' || s[k] == '\t');
}

static bool key_value(const char *s, size_t n) {
  size_t k = 0;
  while (k < n && ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') ||
                   (s[k] >= '0' && s[k] <= '9') || s[k] == '_' || s[k] == '-' ||
                   s[k] == '.'))
    k++;
  return k > 0 && k < n && s[k] == ':' && (k + 1 == n || s[k + 1] == ' ');
}

static void comment(qc_extracted *x, const char *s, size_t n) {
  qc_buf_puts(&x->text, "# ");
  emit(x, s, n);
}

static qc_status extract_subtitles(sub *u, qc_error *err) {
  qc_buf text = QC_BUF_INIT, voice = QC_BUF_INIT;
  qc_status s = QC_OK;
  bool got;
  u->x->join_speakers = true;
  if (u->len >= 3 && !memcmp(u->data, "\xEF\xBB\xBF", 3))
    u->pos = 3;
#define TRY(e)                                                                 \
  do {                                                                         \
    if ((s = (e)) != QC_OK)                                                    \
      goto done;                                                               \
  } while (0)
  TRY(next_line(u, &got, err));
  if (u->vtt) {
    if (!got || !starts_word(u->line, u->n, "WEBVTT"))
      TRY(qc_error_set(err, QC_ERR_TRANSCRIPT, u->file, 1, 1, 0,
                       "a WebVTT file starts with a line 'WEBVTT'"));
    /* header lines "key: value" (the metadata of early WebVTT drafts)
     * become front matter */
    bool front = false;
    for (;;) {
      TRY(next_line(u, &got, err));
      if (!got || blank(u->line, u->n))
        break;
      if (has_arrow(u->line, u->n))
        TRY(cue_error(u, 0, err,
                      "a blank line must come between the WEBVTT header and "
                      "the first cue"));
      if (key_value(u->line, u->n)) {
        if (!front)
          emit(u->x, "---", 3), front = true;
        emit(u->x, u->line, u->n);
      }
    }
    if (front)
      emit(u->x, "---", 3);
  }
  while (got) {
    while (got && blank(u->line, u->n))
      TRY(next_line(u, &got, err));
    if (!got)
      break;
    if (u->vtt && (starts_word(u->line, u->n, "NOTE") ||
                   starts_word(u->line, u->n, "STYLE") ||
                   starts_word(u->line, u->n, "REGION"))) {
      bool note = starts_word(u->line, u->n, "NOTE");
      while (got && !blank(u->line, u->n)) {
        if (note)
          comment(u->x, u->line, u->n);
        TRY(next_line(u, &got, err));
      }
      continue;
    }
    if (!has_arrow(u->line, u->n)) { /* a cue identifier or number */
      if (!u->vtt && !all_digits(u->line, u->n))
        TRY(cue_error(u, 0, err, "expected a cue number or a cue timing line"));
      TRY(next_line(u, &got, err));
      if (!got || !has_arrow(u->line, u->n))
        TRY(qc_error_set(err, QC_ERR_TRANSCRIPT, u->file,
                         got ? u->lineno : u->lineno + 1, 1,
                         got ? (size_t)(u->line - u->data) : u->len,
                         "expected a cue timing line such as %s",
                         u->vtt ? "00:00:01.000 --> 00:00:04.000"
                                : "00:00:01,000 --> 00:00:04,000"));
    }
    TRY(cue(u, &text, &voice, &got, err));
    if (got)
      TRY(next_line(u, &got, err));
  }
#undef TRY
done:
  qc_buf_release(&text);
  qc_buf_release(&voice);
  return s;
}

qc_status qc_extract(qc_text_format f, const char *file, const char *data,
                     size_t len, qc_extracted *x, qc_error *err) {
  qc_status s;
  if (f == QC_TEXT_DOCX) {
    s = extract_docx(file, data, len, x, err);
  } else if (f == QC_TEXT_ODT) {
    s = extract_odt(file, data, len, x, err);
  } else {
    sub u = {.file = file, .data = data, .len = len, .x = x,
             .vtt = f == QC_TEXT_VTT};
    s = extract_subtitles(&u, err);
  }
  qc_buf_putc(&x->text, '\0');
  x->text.len--;
  return s;
}
