/* xmlzip.c: one zip entry and one XML document, read safely (xmlzip.h). */
#include "xmlzip.h"
#include "error.h"

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <zip.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Opens the zip in data[0..len) and its entry 'name' for reading, with
 * the entry's stated size; refuses an entry that would inflate past the
 * cap before inflating anything (real documents are far smaller, a zip
 * bomb is not). On success the caller closes *f and discards *z. */
static qc_status open_entry(const char *file, const char *kind,
                            const char *data, size_t len, const char *name,
                            const char *missing_hint, zip_t **z,
                            zip_file_t **f, zip_uint64_t *size,
                            qc_error *err) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
  *z = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze)
           : NULL;
  if (!*z) {
    qc_status s = qc_error_set(err, QC_ERR_DATA, file, 0, 0, 0,
                               "not a readable %s (zip) file: %s", kind,
                               zip_error_strerror(&ze));
    if (src)
      zip_source_free(src);
    zip_error_fini(&ze);
    return s;
  }
  zip_error_fini(&ze);
  qc_status s = QC_OK;
  zip_stat_t st;
  zip_int64_t i = zip_name_locate(*z, name, ZIP_FL_NOCASE);
  if (i < 0 || zip_stat_index(*z, (zip_uint64_t)i, 0, &st) != 0)
    s = qc_error_set(err, QC_ERR_DATA, file, 0, 0, 0, "the %s has no %s%s",
                     kind, name, missing_hint ? missing_hint : "");
  else if (!(st.valid & ZIP_STAT_SIZE) || st.size > QC_ZIP_ENTRY_MAX)
    s = qc_error_set(err, QC_ERR_DATA, file, 0, 0, 0,
                     "%s would inflate to more than %zu MiB", name,
                     QC_ZIP_ENTRY_MAX >> 20);
  else if (!(*f = zip_fopen_index(*z, (zip_uint64_t)i, 0)))
    s = qc_error_set(err, QC_ERR_DATA, file, 0, 0, 0, "cannot read %s: %s",
                     name, zip_strerror(*z));
  if (s != QC_OK) {
    zip_discard(*z);
    *z = NULL;
    return s;
  }
  *size = st.size;
  return QC_OK;
}

qc_status qc_zip_entry(const char *file, const char *kind, const char *data,
                       size_t len, const char *name, const char *missing_hint,
                       qc_buf *out, qc_error *err) {
  zip_t *z = NULL;
  zip_file_t *f = NULL;
  zip_uint64_t size = 0;
  QC_TRY(open_entry(file, kind, data, len, name, missing_hint, &z, &f, &size,
                    err));
  /* read no more than the stated size (plus one byte, to notice a lie):
   * libzip checks the CRC at the end */
  qc_status s = QC_OK;
  qc_buf_clear(out);
  qc_buf_grow(out, (size_t)size + 1);
  zip_int64_t got = zip_fread(f, out->ptr, size + 1);
  if (got < 0 || (zip_uint64_t)got != size)
    s = qc_error_set(err, QC_ERR_DATA, file, 0, 0, 0, "%s is damaged: %s",
                     name,
                     got < 0 ? zip_file_strerror(f)
                             : "its size differs from the zip directory");
  else
    out->len = (size_t)got;
  out->ptr[out->len] = '\0';
  zip_fclose(f);
  zip_discard(z);
  return s;
}

/* The line of "<!DOCTYPE" in the XML text (libxml2 keeps none for it). */
static unsigned doctype_line(const char *data, size_t len) {
  unsigned line = 1;
  for (size_t i = 0; i + 9 <= len; i++) {
    if (data[i] == '\n')
      line++;
    else if (!memcmp(data + i, "<!DOCTYPE", 9))
      return line;
  }
  return 1;
}

static void ignore_message(void *ctx, const char *fmt, ...) {
  (void)ctx;
  (void)fmt;
}

void qc_xml_quiet(void) { xmlSetGenericErrorFunc(NULL, ignore_message); }

qc_status qc_xml_parse(const char *file, const char *data, size_t len,
                       xmlDocPtr *doc, qc_error *err) {
  qc_xml_quiet();
  *doc = NULL;
  xmlParserCtxtPtr ctx = xmlNewParserCtxt();
  if (!ctx)
    return qc_error_set(err, QC_ERR_NOMEM, NULL, 0, 0, 0, "out of memory");
  xmlDocPtr d = xmlCtxtReadMemory(ctx, data, len > INT_MAX ? INT_MAX : (int)len,
                                  file, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR |
                                      XML_PARSE_NOWARNING);
  const xmlError *e = xmlCtxtGetLastError(ctx);
  qc_status s = QC_OK;
  if (!d || (e && e->level >= XML_ERR_ERROR)) {
    char msg[256];
    snprintf(msg, sizeof msg, "%s", e && e->message ? e->message : "unreadable");
    msg[strcspn(msg, "\n")] = '\0';
    s = qc_error_set(err, QC_ERR_DATA, file, e ? (unsigned)e->line : 0,
                     e && e->int2 > 0 ? (unsigned)e->int2 : 1, 0,
                     "not well-formed XML: %s", msg);
  }
  xmlFreeParserCtxt(ctx);
  if (s == QC_OK && d->intSubset)
    s = qc_error_set(err, QC_ERR_DATA, file, doctype_line(data, len), 1, 0,
                     "a DOCTYPE is not allowed (entities could expand "
                     "without bound or read other files)");
  if (s != QC_OK) {
    xmlFreeDoc(d);
    return s;
  }
  *doc = d;
  return QC_OK;
}

bool qc_zip_has(const char *data, size_t len, const char *name) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
  zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
  zip_error_fini(&ze);
  if (!z) {
    if (src)
      zip_source_free(src);
    return false;
  }
  bool has = zip_name_locate(z, name, ZIP_FL_NOCASE) >= 0;
  zip_discard(z);
  return has;
}

struct qc_xml_stream {
  const char *file, *name;
  char where[600]; /* "FILE(entry)", the name in XML messages */
  zip_t *zip;
  zip_file_t *f;
  zip_uint64_t size, read; /* the stated size, and what was inflated */
  bool damaged;
  xmlTextReaderPtr r;
  char attr[256];
  /* the line of "<!DOCTYPE" in the prolog, found as the bytes pass (the
   * reader's own line is wherever it has read ahead to) */
  unsigned line, doctype_line;
  char tail[9]; /* the last bytes of the previous chunk */
};

/* Looks for "<!DOCTYPE" in the first 64 KB, where a prolog is. */
static void scan_prolog(qc_xml_stream *s, const char *buf, size_t n) {
  if (s->doctype_line || s->read > 65536)
    return;
  char joined[9 + 4096];
  for (size_t at = 0; at < n; at += 4096) {
    size_t k = n - at < 4096 ? n - at : 4096, t = strlen(s->tail);
    memcpy(joined, s->tail, t);
    memcpy(joined + t, buf + at, k);
    for (size_t i = 0; i < t + k; i++) {
      if (i >= t && joined[i] == '\n')
        s->line++;
      if (i + 9 <= t + k && !memcmp(joined + i, "<!DOCTYPE", 9)) {
        s->doctype_line = s->line + 1; /* the line ends before i counted */
        return;
      }
    }
    size_t keep = t + k < 8 ? t + k : 8;
    memcpy(s->tail, joined + t + k - keep, keep);
    s->tail[keep] = '\0';
  }
}

/* libxml2 pulls the entry through this: no more than its stated size is
 * inflated (plus one byte, to notice a lie), and libzip checks the CRC at
 * the end. */
static int stream_read(void *ctx, char *buf, int len) {
  qc_xml_stream *s = ctx;
  zip_int64_t got = zip_fread(s->f, buf, (zip_uint64_t)len);
  if (got < 0 || (zip_uint64_t)got > s->size - s->read) {
    s->damaged = true;
    return -1;
  }
  scan_prolog(s, buf, (size_t)got);
  s->read += (zip_uint64_t)got;
  return (int)got;
}

static int stream_close(void *ctx) {
  (void)ctx;
  return 0;
}

qc_status qc_xml_stream_open(qc_xml_stream **out, const char *file,
                             const char *kind, const char *data, size_t len,
                             const char *name, qc_error *err) {
  *out = NULL;
  qc_xml_quiet();
  zip_t *z = NULL;
  zip_file_t *f = NULL;
  zip_uint64_t size = 0;
  QC_TRY(open_entry(file, kind, data, len, name, NULL, &z, &f, &size, err));
  qc_xml_stream *x = calloc(1, sizeof *x);
  if (!x) {
    zip_fclose(f);
    zip_discard(z);
    return qc_error_set(err, QC_ERR_NOMEM, NULL, 0, 0, 0, "out of memory");
  }
  x->file = file;
  x->name = name;
  snprintf(x->where, sizeof x->where, "%s(%s)", file, name);
  x->zip = z;
  x->f = f;
  x->size = size;
  x->r = xmlReaderForIO(stream_read, stream_close, x, x->where, NULL,
                        XML_PARSE_NONET | XML_PARSE_NOERROR |
                            XML_PARSE_NOWARNING);
  if (!x->r) {
    qc_xml_stream_close(x);
    return qc_error_set(err, QC_ERR_NOMEM, NULL, 0, 0, 0, "out of memory");
  }
  *out = x;
  return QC_OK;
}

qc_status qc_xml_stream_next(qc_xml_stream *s, bool *got, int max_depth,
                             qc_error *err) {
  *got = false;
  int rc = xmlTextReaderRead(s->r);
  if (s->damaged)
    return qc_error_set(err, QC_ERR_DATA, s->file, 0, 0, 0,
                        "%s is damaged: it is not what the zip directory "
                        "says",
                        s->name);
  if (rc < 0) {
    const xmlError *e = xmlGetLastError();
    char msg[256];
    snprintf(msg, sizeof msg, "%s", e && e->message ? e->message : "unreadable");
    msg[strcspn(msg, "\n")] = '\0';
    return qc_error_set(err, QC_ERR_DATA, s->where, e ? (unsigned)e->line : 0,
                        e && e->int2 > 0 ? (unsigned)e->int2 : 1, 0,
                        "not well-formed XML: %s", msg);
  }
  if (rc == 0)
    return QC_OK;
  int type = xmlTextReaderNodeType(s->r);
  if (type == XML_READER_TYPE_DOCUMENT_TYPE)
    return qc_error_set(err, QC_ERR_DATA, s->where,
                        s->doctype_line ? s->doctype_line
                                        : (unsigned)xmlTextReaderGetParserLineNumber(s->r),
                        1, 0,
                        "a DOCTYPE is not allowed (entities could expand "
                        "without bound or read other files)");
  if (type == XML_READER_TYPE_ENTITY_REFERENCE)
    return qc_error_set(err, QC_ERR_DATA, s->where,
                        (unsigned)xmlTextReaderGetParserLineNumber(s->r), 1, 0,
                        "an undeclared entity reference");
  if (xmlTextReaderDepth(s->r) > max_depth)
    return qc_error_set(err, QC_ERR_DATA, s->where,
                        (unsigned)xmlTextReaderGetParserLineNumber(s->r), 1, 0,
                        "elements nested more than %d deep", max_depth);
  *got = true;
  return QC_OK;
}

struct _xmlTextReader *qc_xml_stream_reader(qc_xml_stream *s) { return s->r; }

const char *qc_xml_stream_attr(qc_xml_stream *s, const char *name) {
  const char *v = NULL;
  if (xmlTextReaderMoveToFirstAttribute(s->r) != 1)
    return NULL;
  do {
    const char *n = (const char *)xmlTextReaderConstLocalName(s->r);
    if (n && !strcmp(n, name)) {
      const char *val = (const char *)xmlTextReaderConstValue(s->r);
      snprintf(s->attr, sizeof s->attr, "%s", val ? val : "");
      v = s->attr;
      break;
    }
  } while (xmlTextReaderMoveToNextAttribute(s->r) == 1);
  xmlTextReaderMoveToElement(s->r);
  return v;
}

void qc_xml_stream_close(qc_xml_stream *s) {
  if (!s)
    return;
  if (s->r)
    xmlFreeTextReader(s->r);
  if (s->f)
    zip_fclose(s->f);
  if (s->zip)
    zip_discard(s->zip);
  free(s);
}

