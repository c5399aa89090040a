/* qdpx.c: REFI-QDA projects (REFI-QDA 1.5, qdasoftware.org). Writes the
 * coding of a corpus as a .qdpx (a zip of project.qde and the sources as
 * Sources/GUID.txt), so that it opens in a QDA program for review; and
 * reads the coded selections of a .qdpx back as a coding sheet for
 * `qcode agree`.
 *
 * Positions: REFI-QDA 1.5, 10.2, counts a text selection in Unicode code
 * points from 0; its example (startPosition 139, endPosition 195 for a
 * 56-character text) shows endPosition one past the last character. */
#include "qcode.h"
#include "buf.h"
#include "codebook.h"
#include "error.h"
#include "guid.h"
#include "memory.h"
#include "refi.h"
#include "table.h"
#include "utf8.h"

#include <libxml/xmlwriter.h>
#include <zip.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- export ---- */

typedef struct {
  size_t start, end; /* code points */
  size_t byte_start; /* for the selection's name */
  uint32_t *codes;
  size_t ncodes;
  size_t kase; /* the case of its speaker, or (size_t)-1 */
} selection;

typedef struct {
  char *name, *text;
  size_t len, skip; /* skip: a byte order mark left out of text */
  size_t kase;      /* the case of the whole source, or (size_t)-1 */
  char **keys, **vals; /* front matter */
  size_t nmeta;
  selection *sel;
  size_t nsel, cap;
  size_t cur_byte, cur_cp; /* where the last offset was counted */
} source;

struct qc_qdpx {
  const qc_codebook *cb;
  qc_qdpx_unit unit;
  source *src;
  size_t nsrc, cap;
  char **cases; /* group names */
  size_t ncases, cases_cap;
  char **vars; /* variable names, in order of appearance */
  size_t nvars, vars_cap;
  bool *has_coded_child; /* scratch of add_segment, one per code */
};

static int cmp_code(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

qc_qdpx *qc_qdpx_new(const qc_codebook *cb, qc_qdpx_unit unit) {
  qc_qdpx *p = qc_xcalloc(1, sizeof *p);
  p->cb = cb;
  p->unit = unit;
  return p;
}

static size_t intern(char ***v, size_t *n, size_t *cap, const char *s) {
  for (size_t i = 0; i < *n; i++)
    if (!strcmp((*v)[i], s))
      return i;
  qc_xgrow((void **)v, cap, *n + 1, sizeof **v);
  (*v)[*n] = qc_xstrdup(s);
  return (*n)++;
}

/* A group as a case name: the values of several keys joined by ", ". */
static size_t case_of(qc_qdpx *p, const char *group) {
  char *name = qc_xstrdup(group);
  qc_buf b = QC_BUF_INIT;
  for (char *c = name; *c; c++) {
    if (*c == QC_GROUP_SEP)
      qc_buf_puts(&b, ", ");
    else
      qc_buf_putc(&b, *c);
  }
  qc_buf_putc(&b, '\0');
  size_t k = intern(&p->cases, &p->ncases, &p->cases_cap, b.ptr);
  qc_buf_release(&b);
  free(name);
  return k;
}

qc_status qc_qdpx_add_source(qc_qdpx *p, const char *name, const char *text,
                             size_t len, const qc_transcript *t,
                             const char *group, qc_error *err) {
  size_t bad = qc_utf8_check(text, len);
  if (bad < len)
    return qc_error_set(err, QC_ERR_UTF8, name, 0, 0, bad,
                        "invalid UTF-8 at byte %zu: a REFI-QDA source is "
                        "UTF-8 text",
                        bad);
  qc_xgrow((void **)&p->src, &p->cap, p->nsrc + 1, sizeof *p->src);
  source *s = &p->src[p->nsrc++];
  memset(s, 0, sizeof *s);
  s->name = qc_xstrdup(name);
  if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
    s->skip = 3;
  s->len = len - s->skip;
  s->text = qc_xstrndup(text + s->skip, s->len);
  s->kase = group ? case_of(p, group) : (size_t)-1;
  size_t n = qc_transcript_meta_count(t);
  s->keys = qc_xcalloc(n ? n : 1, sizeof *s->keys);
  s->vals = qc_xcalloc(n ? n : 1, sizeof *s->vals);
  for (size_t i = 0; i < n; i++) {
    const char *k, *v;
    qc_transcript_meta_at(t, i, &k, &v);
    s->keys[i] = qc_xstrdup(k);
    s->vals[i] = qc_xstrdup(v);
    intern(&p->vars, &p->nvars, &p->vars_cap, k);
  }
  s->nmeta = n;
  return QC_OK;
}

qc_status qc_qdpx_add_file(qc_qdpx *p, const char *path,
                           const qc_reader_opts *opts, const qc_transcript *t,
                           const char *group, qc_error *err) {
  char *text;
  size_t len;
  qc_status s = qc_extract_file(path, path, opts, &text, &len, err);
  if (s == QC_OK)
    s = qc_qdpx_add_source(p, path, text ? text : "", len, t, group, err);
  free(text);
  return s;
}

static void free_source(source *s) {
  free(s->name);
  free(s->text);
  for (size_t m = 0; m < s->nmeta; m++) {
    free(s->keys[m]);
    free(s->vals[m]);
  }
  free(s->keys);
  free(s->vals);
  for (size_t k = 0; k < s->nsel; k++)
    free(s->sel[k].codes);
  free(s->sel);
}

void qc_qdpx_drop_source(qc_qdpx *p) {
  if (p->nsrc)
    free_source(&p->src[--p->nsrc]);
}

/* Byte offset 'b' of the file as a code point position in the source. */
static size_t cp_at(source *s, size_t b) {
  b = b >= s->skip ? b - s->skip : 0;
  if (b > s->len)
    b = s->len;
  /* offsets come nearly in order: count only from the last one, either
   * way (b is a character start, as the cursor is) */
  if (b < s->cur_byte)
    s->cur_cp -= qc_utf8_count(s->text + b, s->cur_byte - b);
  else
    s->cur_cp += qc_utf8_count(s->text + s->cur_byte, b - s->cur_byte);
  s->cur_byte = b;
  return s->cur_cp;
}

static void add_selection(source *s, size_t from, size_t to,
                          const uint32_t *codes, size_t ncodes, size_t kase) {
  size_t a = cp_at(s, from), z = cp_at(s, to);
  /* the same span again (two rules, one code): one selection */
  if (s->nsel) {
    selection *last = &s->sel[s->nsel - 1];
    if (last->start == a && last->end == z && ncodes == 1) {
      for (size_t i = 0; i < last->ncodes; i++)
        if (last->codes[i] == codes[0])
          return;
      last->codes = qc_xrealloc(last->codes,
                                (last->ncodes + 1) * sizeof *last->codes);
      last->codes[last->ncodes++] = codes[0];
      return;
    }
  }
  qc_xgrow((void **)&s->sel, &s->cap, s->nsel + 1, sizeof *s->sel);
  selection *x = &s->sel[s->nsel++];
  x->start = a;
  x->end = z;
  x->byte_start = from;
  x->codes = qc_xmalloc(ncodes * sizeof *x->codes);
  memcpy(x->codes, codes, ncodes * sizeof *codes);
  x->ncodes = ncodes;
  x->kase = kase;
}

void qc_qdpx_add_segment(qc_qdpx *p, const qc_segment *seg, const char *group,
                         const qc_coding *coding) {
  if (!p->nsrc || !coding->ntouched)
    return;
  source *s = &p->src[p->nsrc - 1];
  size_t kase = s->kase == (size_t)-1 && group ? case_of(p, group)
                                                : (size_t)-1;
  if (p->unit == QC_QDPX_HITS) {
    for (size_t i = 0; i < coding->nspans; i++) {
      const qc_span *sp = &coding->spans[i];
      if (!coding->coded[sp->code])
        continue;
      add_selection(s, seg->offset + sp->start, seg->offset + sp->end,
                    &sp->code, 1, kase);
    }
    return;
  }
  /* one selection for the segment's text (not the blanked label or the
   * white space around it), with each coded code that has no coded
   * child: `qcode agree` and QDA programs roll children up */
  size_t a = 0, z = seg->len;
  while (a < z && (seg->text[a] == ' ' || seg->text[a] == '\t' ||
                   seg->text[a] == '\n' || seg->text[a] == '\r'))
    a++;
  while (z > a && (seg->text[z - 1] == ' ' || seg->text[z - 1] == '\t' ||
                   seg->text[z - 1] == '\n' || seg->text[z - 1] == '\r'))
    z--;
  uint32_t *codes = qc_xmalloc(coding->ntouched * sizeof *codes);
  if (!p->has_coded_child)
    p->has_coded_child = qc_xcalloc(p->cb->ncodes, sizeof *p->has_coded_child);
  for (size_t k = 0; k < coding->ntouched; k++) {
    size_t parent = p->cb->codes[coding->touched[k]].parent;
    if (coding->coded[coding->touched[k]] && parent != QC_NO_PARENT)
      p->has_coded_child[parent] = true;
  }
  size_t n = 0;
  for (size_t k = 0; k < coding->ntouched; k++) {
    uint32_t c = coding->touched[k];
    if (coding->coded[c] && !p->has_coded_child[c])
      codes[n++] = c;
  }
  for (size_t k = 0; k < coding->ntouched; k++) {
    size_t parent = p->cb->codes[coding->touched[k]].parent;
    if (parent != QC_NO_PARENT)
      p->has_coded_child[parent] = false;
  }
  qsort(codes, n, sizeof *codes, cmp_code); /* codebook order */
  if (n)
    add_selection(s, seg->offset + a, seg->offset + z, codes, n, kase);
  free(codes);
}

/* GUIDs of the project's parts: UUID 5 of "KIND:NAME" in the code
 * namespace (code paths have no ':', so no part shares a code's GUID). */
static void guid_of(char out[37], const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void guid_of(char out[37], const char *fmt, ...) {
  char name[1200];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(name, sizeof name, fmt, ap);
  va_end(ap);
  qc_uuid5(qc_uuid_ns_code, name, out);
}

#define W(call) (rc |= (call) < 0)

/* Text from the input as an attribute or an element: xmlTextWriter
 * escapes markup but writes any character, and XML cannot hold them all. */
static int write_text(xmlTextWriterPtr w, bool attr, const char *name,
                      const char *value) {
  qc_buf b = QC_BUF_INIT;
  qc_utf8_put_xml(&b, value);
  const xmlChar *v = BAD_CAST(b.ptr ? b.ptr : "");
  int rc = attr ? xmlTextWriterWriteAttribute(w, BAD_CAST name, v)
                : xmlTextWriterWriteElement(w, BAD_CAST name, v);
  qc_buf_release(&b);
  return rc;
}

/* A short name for a selection: its first words, as QDA programs show. */
static void selection_name(const source *s, const selection *x, qc_buf *b) {
  size_t from = x->byte_start >= s->skip ? x->byte_start - s->skip : 0;
  size_t n = 0, chars = 0;
  while (from + n < s->len && chars < 60) {
    int32_t cp;
    int k = qc_utf8_decode(s->text + from + n, s->len - from - n, &cp);
    if (k <= 0 || cp == '\n' || cp == '\r')
      break;
    n += (size_t)k;
    chars++;
  }
  qc_buf_put(b, s->text + from, n);
  qc_buf_putc(b, '\0');
}

static int write_project(const qc_qdpx *p, const char *name,
                         xmlTextWriterPtr w) {
  int rc = 0;
  char user[37], g[37];
  guid_of(user, "user:qcode");
  rc |= qc_refi_start(w, "Project", QC_NS_PROJECT);
  W(write_text(w, true, "name", name));
  W(xmlTextWriterWriteAttribute(w, BAD_CAST "creatingUserGUID", BAD_CAST user));
  W(xmlTextWriterStartElement(w, BAD_CAST "Users"));
  W(xmlTextWriterStartElement(w, BAD_CAST "User"));
  W(xmlTextWriterWriteAttribute(w, BAD_CAST "guid", BAD_CAST user));
  W(xmlTextWriterWriteAttribute(w, BAD_CAST "name", BAD_CAST "qcode"));
  W(xmlTextWriterEndElement(w));
  W(xmlTextWriterEndElement(w));
  W(xmlTextWriterStartElement(w, BAD_CAST "CodeBook"));
  rc |= qc_refi_write_codes(w, p->cb);
  W(xmlTextWriterEndElement(w));
  if (p->nvars) {
    W(xmlTextWriterStartElement(w, BAD_CAST "Variables"));
    for (size_t i = 0; i < p->nvars; i++) {
      guid_of(g, "variable:%s", p->vars[i]);
      W(xmlTextWriterStartElement(w, BAD_CAST "Variable"));
      W(xmlTextWriterWriteAttribute(w, BAD_CAST "guid", BAD_CAST g));
      W(write_text(w, true, "name", p->vars[i]));
      W(xmlTextWriterWriteAttribute(w, BAD_CAST "typeOfVariable",
                                    BAD_CAST "Text"));
      W(xmlTextWriterEndElement(w));
    }
    W(xmlTextWriterEndElement(w));
  }
  if (p->ncases) {
    W(xmlTextWriterStartElement(w, BAD_CAST "Cases"));
    for (size_t c = 0; c < p->ncases; c++) {
      guid_of(g, "case:%s", p->cases[c]);
      W(xmlTextWriterStartElement(w, BAD_CAST "Case"));
      W(xmlTextWriterWriteAttribute(w, BAD_CAST "guid", BAD_CAST g));
      W(write_text(w, true, "name", p->cases[c]));
      for (size_t i = 0; i < p->nsrc; i++) {
        if (p->src[i].kase != c)
          continue;
        guid_of(g, "source:%s", p->src[i].name);
        W(xmlTextWriterStartElement(w, BAD_CAST "SourceRef"));
        W(xmlTextWriterWriteAttribute(w, BAD_CAST "targetGUID", BAD_CAST g));
        W(xmlTextWriterEndElement(w));
      }
      for (size_t i = 0; i < p->nsrc; i++)
        for (size_t k = 0; k < p->src[i].nsel; k++) {
          const selection *x = &p->src[i].sel[k];
          if (x->kase != c)
            continue;
          guid_of(g, "selection:%s:%zu-%zu", p->src[i].name, x->start, x->end);
          W(xmlTextWriterStartElement(w, BAD_CAST "SelectionRef"));
          W(xmlTextWriterWriteAttribute(w, BAD_CAST "targetGUID", BAD_CAST g));
          W(xmlTextWriterEndElement(w));
        }
      W(xmlTextWriterEndElement(w));
    }
    W(xmlTextWriterEndElement(w));
  }
  if (p->nsrc) {
    W(xmlTextWriterStartElement(w, BAD_CAST "Sources"));
    for (size_t i = 0; i < p->nsrc && !rc; i++) {
      const source *s = &p->src[i];
      char sg[37], path[64];
      guid_of(sg, "source:%s", s->name);
      snprintf(path, sizeof path, "internal://%s.txt", sg);
      W(xmlTextWriterStartElement(w, BAD_CAST "TextSource"));
      W(xmlTextWriterWriteAttribute(w, BAD_CAST "guid", BAD_CAST sg));
      W(write_text(w, true, "name", s->name));
      W(xmlTextWriterWriteAttribute(w, BAD_CAST "plainTextPath",
                                    BAD_CAST path));
      W(xmlTextWriterWriteAttribute(w, BAD_CAST "creatingUser", BAD_CAST user));
      for (size_t k = 0; k < s->nsel; k++) {
        const selection *x = &s->sel[k];
        char xg[37], start[24], end[24];
        guid_of(xg, "selection:%s:%zu-%zu", s->name, x->start, x->end);
        snprintf(start, sizeof start, "%zu", x->start);
        snprintf(end, sizeof end, "%zu", x->end);
        qc_buf nm = QC_BUF_INIT;
        selection_name(s, x, &nm);
        W(xmlTextWriterStartElement(w, BAD_CAST "PlainTextSelection"));
        W(xmlTextWriterWriteAttribute(w, BAD_CAST "guid", BAD_CAST xg));
        W(write_text(w, true, "name", nm.ptr));
        W(xmlTextWriterWriteAttribute(w, BAD_CAST "startPosition",
                                      BAD_CAST start));
        W(xmlTextWriterWriteAttribute(w, BAD_CAST "endPosition", BAD_CAST end));
        W(xmlTextWriterWriteAttribute(w, BAD_CAST "creatingUser",
                                      BAD_CAST user));
        qc_buf_release(&nm);
        for (size_t c = 0; c < x->ncodes; c++) {
          const char *cpath = p->cb->codes[x->codes[c]].path;
          char cg[37], kg[37];
          guid_of(kg, "coding:%s:%zu-%zu:%s", s->name, x->start, x->end,
                  cpath);
          qc_uuid5(qc_uuid_ns_code, cpath, cg);
          W(xmlTextWriterStartElement(w, BAD_CAST "Coding"));
          W(xmlTextWriterWriteAttribute(w, BAD_CAST "guid", BAD_CAST kg));
          W(xmlTextWriterWriteAttribute(w, BAD_CAST "creatingUser",
                                        BAD_CAST user));
          W(xmlTextWriterStartElement(w, BAD_CAST "CodeRef"));
          W(xmlTextWriterWriteAttribute(w, BAD_CAST "targetGUID", BAD_CAST cg));
          W(xmlTextWriterEndElement(w));
          W(xmlTextWriterEndElement(w));
        }
        W(xmlTextWriterEndElement(w));
      }
      for (size_t m = 0; m < s->nmeta; m++) {
        guid_of(g, "variable:%s", s->keys[m]);
        W(xmlTextWriterStartElement(w, BAD_CAST "VariableValue"));
        W(xmlTextWriterStartElement(w, BAD_CAST "VariableRef"));
        W(xmlTextWriterWriteAttribute(w, BAD_CAST "targetGUID", BAD_CAST g));
        W(xmlTextWriterEndElement(w));
        W(write_text(w, false, "TextValue", s->vals[m]));
        W(xmlTextWriterEndElement(w));
      }
      W(xmlTextWriterEndElement(w));
    }
    W(xmlTextWriterEndElement(w));
  }
  W(xmlTextWriterEndDocument(w));
  return rc;
}

/* A fixed time for every zip entry, so that the same coding gives the
 * same .qdpx byte for byte (2000-01-01). */
#define ZIP_TIME ((time_t)946684800)

static qc_status zip_failed(const char *path, zip_t *z, qc_error *err) {
  qc_status s = qc_error_set(err, QC_ERR_IO, path, 0, 0, 0,
                             "cannot write the .qdpx: %s", zip_strerror(z));
  zip_discard(z);
  return s;
}

static bool add_entry(zip_t *z, const char *name, const void *data, size_t len) {
  zip_source_t *src = zip_source_buffer(z, data, len, 0);
  if (!src)
    return false;
  zip_int64_t i = zip_file_add(z, name, src, ZIP_FL_ENC_UTF_8);
  if (i < 0) {
    zip_source_free(src);
    return false;
  }
  return zip_file_set_mtime(z, (zip_uint64_t)i, ZIP_TIME, 0) == 0;
}

qc_status qc_qdpx_write(qc_qdpx *p, const char *path, const char *name,
                        qc_error *err) {
  xmlBufferPtr xb;
  xmlTextWriterPtr w = qc_refi_writer(&xb);
  if (!w)
    return qc_error_set(err, QC_ERR_NOMEM, NULL, 0, 0, 0, "out of memory");
  int rc = write_project(p, name, w);
  xmlFreeTextWriter(w);
  if (rc) {
    xmlBufferFree(xb);
    return qc_error_set(err, QC_ERR_NOMEM, NULL, 0, 0, 0,
                        "writing the project's XML failed");
  }
  /* libzip writes the archive to a temporary file and renames it on
   * zip_close: a failure leaves no half-written .qdpx, and an existing
   * file at 'path' as it was */
  int ze = 0;
  zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &ze);
  if (!z) {
    zip_error_t e;
    zip_error_init_with_code(&e, ze);
    qc_status s = qc_error_set(err, QC_ERR_IO, path, 0, 0, 0,
                               "cannot write the .qdpx: %s",
                               zip_error_strerror(&e));
    zip_error_fini(&e);
    xmlBufferFree(xb);
    return s;
  }
  qc_status s = QC_OK;
  if (!add_entry(z, "project.qde", xmlBufferContent(xb),
               (size_t)xmlBufferLength(xb)))
    s = zip_failed(path, z, err);
  for (size_t i = 0; i < p->nsrc && s == QC_OK; i++) {
    char g[37], entry[64];
    guid_of(g, "source:%s", p->src[i].name);
    snprintf(entry, sizeof entry, "Sources/%s.txt", g);
    if (!add_entry(z, entry, p->src[i].text, p->src[i].len))
      s = zip_failed(path, z, err);
  }
  if (s == QC_OK && zip_close(z) != 0)
    s = zip_failed(path, z, err);
  xmlBufferFree(xb);
  return s;
}

void qc_qdpx_free(qc_qdpx *p) {
  if (!p)
    return;
  for (size_t i = 0; i < p->nsrc; i++)
    free_source(&p->src[i]);
  free(p->src);
  for (size_t i = 0; i < p->ncases; i++)
    free(p->cases[i]);
  free(p->cases);
  for (size_t i = 0; i < p->nvars; i++)
    free(p->vars[i]);
  free(p->vars);
  free(p->has_coded_child);
  free(p);
}

/* ---- import ---- */

/* A coded selection of one source, in bytes of its text. */
typedef struct {
  size_t start, end;
  size_t code;
} coded_span;

/* Code point position 'cp' as a byte offset of text[0..len), or len. */
static size_t byte_at(const char *text, size_t len, size_t cp) {
  size_t b = 0;
  for (size_t i = 0; i < cp && b < len; i++) {
    int32_t c;
    int k = qc_utf8_decode(text + b, len - b, &c);
    b += k > 0 ? (size_t)k : 1;
  }
  return b;
}

static qc_status import_source(const qc_refi_doc *d, const xmlNode *src,
                               const qc_reader_opts *opts,
                               const char *moderators, qc_table *tab,
                               qc_buf *text, qc_error *err) {
  xmlChar *name = xmlGetProp(src, BAD_CAST "name");
  xmlChar *path = xmlGetProp(src, BAD_CAST "plainTextPath");
  qc_status s = QC_OK;
  coded_span *spans = NULL;
  size_t nspans = 0, cap = 0;
  qc_buf_clear(text);
  if (!name || !*name) {
    s = qc_refi_error(d, src, err, "a TextSource has no 'name'");
  } else if (path && !strncmp((const char *)path, "internal://", 11)) {
    char entry[600];
    snprintf(entry, sizeof entry, "Sources/%s", (const char *)path + 11);
    s = qc_refi_zip_entry(d, entry, text, err);
  } else {
    /* the text inside the project instead */
    const xmlNode *content = NULL;
    for (const xmlNode *k = src->children; k; k = k->next)
      if (qc_refi_is(k, "PlainTextContent"))
        content = k;
    if (!content) {
      s = qc_refi_error(d, src, err,
                        "TextSource '%s' has neither an internal "
                        "plainTextPath nor PlainTextContent",
                        (const char *)name);
    } else {
      xmlChar *c = xmlNodeGetContent(content);
      qc_buf_puts(text, c ? (const char *)c : "");
      xmlFree(c);
    }
  }
  /* the selections' codings, in bytes */
  for (const xmlNode *x = src->children; x && s == QC_OK; x = x->next) {
    if (!qc_refi_is(x, "PlainTextSelection"))
      continue;
    xmlChar *a = xmlGetProp(x, BAD_CAST "startPosition");
    xmlChar *z = xmlGetProp(x, BAD_CAST "endPosition");
    char *ea = NULL, *ez = NULL;
    unsigned long long sa = a ? strtoull((const char *)a, &ea, 10) : 0;
    unsigned long long sz = z ? strtoull((const char *)z, &ez, 10) : 0;
    if (!a || !z || *ea || *ez || !*a || !*z || sz < sa)
      s = qc_refi_error(d, x, err,
                        "a PlainTextSelection needs startPosition <= "
                        "endPosition, both whole numbers");
    xmlFree(a);
    xmlFree(z);
    for (const xmlNode *c = x->children; c && s == QC_OK; c = c->next) {
      if (!qc_refi_is(c, "Coding"))
        continue;
      for (const xmlNode *r = c->children; r && s == QC_OK; r = r->next) {
        if (!qc_refi_is(r, "CodeRef"))
          continue;
        xmlChar *t = xmlGetProp(r, BAD_CAST "targetGUID");
        long code = t ? qc_refi_code_by_guid(d, (const char *)t) : -1;
        if (code < 0)
          s = qc_refi_error(d, r, err,
                            "a CodeRef names no code of the CodeBook ('%s')",
                            t ? (const char *)t : "");
        xmlFree(t);
        if (s != QC_OK)
          break;
        qc_xgrow((void **)&spans, &cap, nspans + 1, sizeof *spans);
        size_t bs = byte_at(text->ptr, text->len, (size_t)sa);
        spans[nspans++] = (coded_span){
            bs, bs + byte_at(text->ptr + bs, text->len - bs, (size_t)(sz - sa)),
            (size_t)code};
      }
    }
  }
  /* the segments, as `qcode code` reads the same text */
  qc_transcript *t = NULL;
  if (s == QC_OK)
    s = qc_transcript_open_mem(&t, text->ptr ? text->ptr : "", text->len,
                               (const char *)name, opts, err);
  bool *mark = qc_xcalloc(d->ncodes ? d->ncodes : 1, sizeof *mark);
  const qc_segment *seg;
  while (s == QC_OK && (s = qc_transcript_next(t, &seg, err)) == QC_OK && seg) {
    if (qc_speaker_listed(moderators, seg->speaker))
      continue;
    memset(mark, 0, d->ncodes * sizeof *mark);
    bool any = false;
    for (size_t i = 0; i < nspans; i++) {
      /* a selection codes every segment it overlaps (an empty one, the
       * segment it sits in) */
      size_t a = spans[i].start, z = spans[i].end;
      size_t ss = seg->offset, se = seg->offset + seg->len;
      if ((a < se && z > ss) || (a == z && a >= ss && a < se))
        mark[spans[i].code] = any = true;
    }
    /* one row per code the segment has, or one with an empty code */
    for (size_t c = 0; c < (any ? d->ncodes : 1); c++) {
      if (any && !mark[c])
        continue;
      qc_table_str(tab, (const char *)name);
      qc_table_uint(tab, seg->index);
      qc_table_uint(tab, seg->line);
      qc_table_uint(tab, seg->last_line);
      qc_table_str(tab, seg->speaker);
      qc_table_str(tab, any ? d->codes[c].path : "");
      qc_table_end_row(tab);
    }
  }
  free(mark);
  qc_transcript_free(t);
  free(spans);
  xmlFree(name);
  xmlFree(path);
  return s;
}

qc_status qc_qdpx_import(const char *path, const qc_reader_opts *opts,
                         const char *moderators, qc_format format, char **out,
                         size_t *len, qc_error *err) {
  qc_buf raw = QC_BUF_INIT;
  qc_status s = qc_buf_read_file(&raw, path, err);
  if (s == QC_OK)
    s = qc_qdpx_import_mem(raw.ptr ? raw.ptr : "", raw.len,
                           strcmp(path, "-") ? path : "<stdin>", opts,
                           moderators, format, out, len, err);
  qc_buf_release(&raw);
  return s;
}

qc_status qc_qdpx_import_mem(const char *data, size_t data_len,
                             const char *file, const qc_reader_opts *opts,
                             const char *moderators, qc_format format,
                             char **out, size_t *len, qc_error *err) {
  qc_buf table = QC_BUF_INIT, text = QC_BUF_INIT;
  /* a source is plain text whatever its name says (a .docx went in as its
   * extracted text) */
  qc_reader_opts plain = opts ? *opts : (qc_reader_opts){0};
  plain.format = QC_TEXT_PLAIN;
  plain.encoding = NULL;
  opts = &plain;
  qc_refi_doc d;
  memset(&d, 0, sizeof d);
  qc_status s = qc_refi_open(&d, file, data, data_len, err);
  if (s == QC_OK && !d.project)
    s = qc_refi_error(&d, d.root, err,
                      "a codebook, not a project: it has no coded sources");
  if (s == QC_OK && !d.zip)
    s = qc_refi_error(&d, d.root, err,
                      "a project.qde alone: give the .qdpx, which holds the "
                      "sources");
  static const char *const cols[] = {"file",      "segment", "line",
                                     "last_line", "speaker", "code"};
  qc_table tab;
  qc_table_begin(&tab, &table, format, cols, 6);
  const xmlNode *sources = NULL;
  if (s == QC_OK)
    for (const xmlNode *k = d.root->children; k; k = k->next)
      if (qc_refi_is(k, "Sources"))
        sources = k;
  for (const xmlNode *k = sources ? sources->children : NULL;
       k && s == QC_OK; k = k->next)
    if (qc_refi_is(k, "TextSource"))
      s = import_source(&d, k, opts, moderators, &tab, &text, err);
  qc_table_end(&tab);
  qc_refi_close(&d);
  qc_buf_release(&text);
  if (s != QC_OK) {
    qc_buf_release(&table);
    return s;
  }
  *out = qc_buf_detach(&table, len);
  return QC_OK;
}
