/* xmlzip.c: one zip entry and one XML document, read safely (xmlzip.h). */
#include "xmlzip.h"
#include "error.h"

#include <libxml/parser.h>
#include <zip.h>

#include <limits.h>
#include <stdio.h>
#include <string.h>

qc_status qc_zip_entry(const char *file, const char *kind, const char *data,
                       size_t len, const char *name, const char *missing_hint,
                       qc_buf *out, qc_error *err) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
  zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze)
                 : NULL;
  if (!z) {
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
  zip_int64_t i = zip_name_locate(z, name, ZIP_FL_NOCASE);
  if (i < 0 || zip_stat_index(z, (zip_uint64_t)i, 0, &st) != 0) {
    s = qc_error_set(err, QC_ERR_DATA, file, 0, 0, 0, "the %s has no %s%s",
                     kind, name, missing_hint ? missing_hint : "");
  } else if (!(st.valid & ZIP_STAT_SIZE) || st.size > QC_ZIP_ENTRY_MAX) {
    /* refused before inflating: real documents are far smaller, a zip
     * bomb is not */
    s = qc_error_set(err, QC_ERR_DATA, file, 0, 0, 0,
                     "%s would inflate to more than %zu MiB", name,
                     QC_ZIP_ENTRY_MAX >> 20);
  } else {
    zip_file_t *f = zip_fopen_index(z, (zip_uint64_t)i, 0);
    if (!f) {
      s = qc_error_set(err, QC_ERR_DATA, file, 0, 0, 0, "cannot read %s: %s",
                       name, zip_strerror(z));
    } else {
      /* read no more than the stated size (plus one byte, to notice a
       * lie): libzip checks the CRC at the end */
      qc_buf_clear(out);
      qc_buf_grow(out, (size_t)st.size + 1);
      zip_int64_t got = zip_fread(f, out->ptr, st.size + 1);
      if (got < 0 || (zip_uint64_t)got != st.size)
        s = qc_error_set(err, QC_ERR_DATA, file, 0, 0, 0,
                         "%s is damaged: %s", name,
                         got < 0 ? zip_file_strerror(f)
                                 : "its size differs from the zip directory");
      else
        out->len = (size_t)got;
      out->ptr[out->len] = '\0';
      zip_fclose(f);
    }
  }
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
