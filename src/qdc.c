/* qdc.c: codebooks in the REFI-QDA exchange standard (REFI-QDA 1.5,
 * qdasoftware.org): a codebook written as a .qdc file, and a YAML codebook
 * skeleton read from a .qdc codebook, a project.qde or a .qdpx project.
 *
 * A code's REFI-QDA name is its qcode id, so that paths in a QDA program
 * match the paths of qcode's tables; its GUID is the name-based UUID of
 * its path (guid.c), the same on every export. The Description holds what
 * a coder reads: the label on a first line "Label: ...", the description
 * (definition, include, exclude), then "Examples:" and "Counterexamples:"
 * as lists of "- " lines. Reading a Description, qcode takes those parts
 * back where it finds them; any other text is the description. */
#include "qcode.h"
#include "buf.h"
#include "codebook.h"
#include "error.h"
#include "guid.h"
#include "refi.h"
#include "xmlzip.h"
#include "memory.h"
#include "utf8.h"

#include <libxml/xmlwriter.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- export ---- */

/* A code's Description: label, description, examples (see the top). */
static void description_of(const qc_code *c, qc_buf *b) {
  if (c->label && *c->label) {
    /* one line: a line break in a label would end it */
    qc_buf_puts(b, "Label: ");
    size_t start = b->len;
    qc_utf8_put_xml(b, c->label);
    for (size_t i = start; i < b->len; i++)
      if (b->ptr[i] == '\n' || b->ptr[i] == '\r')
        b->ptr[i] = ' ';
    qc_buf_putc(b, '\n');
  }
  if (c->description && *c->description) {
    if (b->len)
      qc_buf_putc(b, '\n');
    size_t start = b->len;
    qc_utf8_put_xml(b, c->description);
    while (b->len > start && b->ptr[b->len - 1] == '\n')
      b->len--;
    qc_buf_putc(b, '\n');
  }
  for (int counter = 0; counter < 2; counter++) {
    bool any = false;
    for (size_t j = 0; j < c->nexamples; j++) {
      const qc_example *ex = &c->examples[j];
      if (ex->counter != (bool)counter || strchr(ex->text, '\n'))
        continue;
      if (!any) {
        qc_buf_puts(b, b->len ? "\n" : "");
        qc_buf_puts(b, counter ? "Counterexamples:\n" : "Examples:\n");
        any = true;
      }
      qc_buf_puts(b, "- ");
      qc_utf8_put_xml(b, ex->text);
      qc_buf_putc(b, '\n');
    }
  }
  if (b->len)
    b->len--; /* no final newline */
  if (b->ptr)
    b->ptr[b->len] = '\0';
}

static int write_code(xmlTextWriterPtr w, const qc_codebook *cb, size_t i) {
  const qc_code *c = &cb->codes[i];
  char guid[37];
  qc_uuid5(qc_uuid_ns_code, c->path, guid);
  int rc = 0;
  rc |= xmlTextWriterStartElement(w, BAD_CAST "Code") < 0;
  rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "guid", BAD_CAST guid) < 0;
  rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "name", BAD_CAST c->id) < 0;
  rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "isCodable",
                                    BAD_CAST "true") < 0;
  qc_buf d = QC_BUF_INIT;
  description_of(c, &d);
  if (d.len)
    rc |= xmlTextWriterWriteElement(w, BAD_CAST "Description",
                                    BAD_CAST d.ptr) < 0;
  qc_buf_release(&d);
  /* children follow their parent in codebook order */
  for (size_t k = i + 1; k < cb->ncodes && !rc; k++)
    if (cb->codes[k].parent == i)
      rc |= write_code(w, cb, k);
  rc |= xmlTextWriterEndElement(w) < 0;
  return rc;
}

int qc_refi_write_codes(xmlTextWriterPtr w, const qc_codebook *cb) {
  int rc = xmlTextWriterStartElement(w, BAD_CAST "Codes") < 0;
  for (size_t i = 0; i < cb->ncodes && !rc; i++)
    if (cb->codes[i].parent == QC_NO_PARENT)
      rc |= write_code(w, cb, i);
  rc |= xmlTextWriterEndElement(w) < 0;
  return rc;
}

xmlTextWriterPtr qc_refi_writer(xmlBufferPtr *xb) {
  qc_xml_quiet();
  *xb = xmlBufferCreate();
  xmlTextWriterPtr w = *xb ? xmlNewTextWriterMemory(*xb, 0) : NULL;
  if (!w && *xb) {
    xmlBufferFree(*xb);
    *xb = NULL;
  }
  return w;
}

int qc_refi_start(xmlTextWriterPtr w, const char *root, const char *ns) {
  char origin[64];
  snprintf(origin, sizeof origin, "qcode %s", qc_version_string());
  int rc = 0;
  rc |= xmlTextWriterSetIndent(w, 1) < 0;
  rc |= xmlTextWriterSetIndentString(w, BAD_CAST "  ") < 0;
  rc |= xmlTextWriterStartDocument(w, "1.0", "utf-8", NULL) < 0;
  rc |= xmlTextWriterStartElement(w, BAD_CAST root) < 0;
  rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns", BAD_CAST ns) < 0;
  rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "origin", BAD_CAST origin) < 0;
  return rc;
}

qc_status qc_qdc_export(const qc_codebook *cb, char **out, size_t *len,
                        qc_error *err) {
  xmlBufferPtr xb;
  xmlTextWriterPtr w = qc_refi_writer(&xb);
  if (!w)
    return qc_error_set(err, QC_ERR_NOMEM, NULL, 0, 0, 0, "out of memory");
  int rc = qc_refi_start(w, "CodeBook", QC_NS_CODEBOOK);
  rc |= qc_refi_write_codes(w, cb);
  rc |= xmlTextWriterEndDocument(w) < 0;
  xmlFreeTextWriter(w); /* flushes into xb */
  if (rc) {
    xmlBufferFree(xb);
    return qc_error_set(err, QC_ERR_NOMEM, NULL, 0, 0, 0,
                        "writing the codebook's XML failed");
  }
  *len = (size_t)xmlBufferLength(xb);
  *out = qc_xmalloc(*len + 1);
  memcpy(*out, xmlBufferContent(xb), *len);
  (*out)[*len] = '\0';
  xmlBufferFree(xb);
  return QC_OK;
}

/* ---- import ---- */

/* True when 'text' can be written as a literal block scalar at any
 * indentation and read back unchanged (no tabs, no trailing blanks, no
 * leading blank on its first line, no control characters, no CR). */
static bool block_safe(const char *text) {
  if (*text == ' ' || *text == '\n' || !*text)
    return false;
  for (const char *p = text; *p; p++) {
    unsigned char ch = (unsigned char)*p;
    if ((ch < 0x20 && ch != '\n') || ch == 0x7f)
      return false;
    if (ch == ' ' && (p[1] == '\n' || !p[1]))
      return false;
  }
  return true;
}

static void put_indent(qc_buf *b, unsigned n) {
  for (unsigned i = 0; i < n; i++)
    qc_buf_putc(b, ' ');
}

/* A text field: a literal block where that reads back unchanged. */
static void put_text_field(qc_buf *b, unsigned indent, const char *key,
                           const char *text) {
  put_indent(b, indent);
  qc_buf_printf(b, "%s: ", key);
  if (strchr(text, '\n') && block_safe(text)) {
    qc_buf_puts(b, "|-\n");
    for (const char *p = text; *p;) {
      const char *eol = strchr(p, '\n');
      size_t n = eol ? (size_t)(eol - p) : strlen(p);
      if (n)
        put_indent(b, indent + 2);
      qc_buf_put(b, p, n);
      qc_buf_putc(b, '\n');
      p = eol ? eol + 1 : p + n;
    }
  } else {
    qc_refi_put_quoted(b, text);
    qc_buf_putc(b, '\n');
  }
}

static void put_list(qc_buf *b, unsigned indent, const char *key,
                     const qc_buf *items) {
  if (!items->len)
    return;
  put_indent(b, indent);
  qc_buf_printf(b, "%s:\n", key);
  for (const char *p = items->ptr; *p;) {
    const char *eol = strchr(p, '\n');
    put_indent(b, indent + 2);
    qc_buf_put(b, p, (size_t)(eol - p) + 1);
    p = eol + 1;
  }
}

static void write_yaml(const qc_refi_doc *im, const char *cbname,
                       const char *origin, qc_buf *b) {
  qc_buf_printf(b,
                "# A qcode codebook skeleton, imported by qcode %s from a\n"
                "# REFI-QDA codebook",
                qc_version_string());
  if (origin && *origin) {
    qc_buf_puts(b, " written by ");
    for (const char *p = origin; *p; p++)
      qc_buf_putc(b, *p == '\n' || *p == '\r' ? ' ' : *p);
  }
  qc_buf_puts(b, ".\n# The codes have no rules yet, so `qcode check` lists "
                 "every one: give\n# each code words, phrases, classes or "
                 "rules (docs/CODEBOOK.md).\n\nqcode: 1\nname: ");
  qc_refi_put_quoted(b, cbname);
  qc_buf_puts(b, "\ncodes:\n");
  for (size_t i = 0; i < im->ncodes; i++) {
    const qc_refi_code *c = &im->codes[i];
    unsigned ind = 2 + 4 * c->depth;
    if (i && c->depth > im->codes[i - 1].depth) {
      put_indent(b, ind - 2);
      qc_buf_puts(b, "codes:\n");
    }
    put_indent(b, ind);
    qc_buf_printf(b, "- id: %s\n", c->id);
    if (c->label)
      put_text_field(b, ind + 2, "label", c->label);
    if (c->description)
      put_text_field(b, ind + 2, "description", c->description);
    put_list(b, ind + 2, "examples", &c->examples);
    put_list(b, ind + 2, "counterexamples", &c->counterexamples);
  }
}

/* The codebook name from the file name: its base name without the
 * extension, made an id. */
static char *name_from_file(const char *path) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  char *stem = qc_xstrdup(base);
  char *dot = strrchr(stem, '.');
  if (dot && dot != stem)
    *dot = '\0';
  char *id = qc_id_from_name(stem);
  free(stem);
  return id;
}

qc_status qc_qdc_import(const char *path, char **yaml, size_t *len,
                        qc_error *err) {
  qc_buf raw = QC_BUF_INIT;
  qc_status s = qc_buf_read_file(&raw, path, err);
  if (s == QC_OK)
    s = qc_qdc_import_mem(raw.ptr ? raw.ptr : "", raw.len,
                          strcmp(path, "-") ? path : "<stdin>", yaml, len,
                          err);
  qc_buf_release(&raw);
  return s;
}

qc_status qc_qdc_import_mem(const char *data, size_t data_len,
                            const char *file, char **yaml, size_t *len,
                            qc_error *err) {
  qc_refi_doc d;
  qc_buf out = QC_BUF_INIT;
  qc_status s = qc_refi_open(&d, file, data, data_len, err);
  if (s == QC_OK && !d.codebook)
    s = qc_refi_error(&d, d.root, err, "the project has no CodeBook");
  if (s == QC_OK) {
    char *cbname = d.name ? NULL
                          : name_from_file(strcmp(file, "<stdin>") ? file
                                                                   : "codebook");
    write_yaml(&d, d.name ? d.name : cbname, d.origin, &out);
    free(cbname);
    /* what qcode writes, qcode reads: load it once, so a skeleton that
     * would not load is an error here and not in the researcher's hands */
    qc_codebook *cb = NULL;
    s = qc_codebook_load_mem(&cb, out.ptr, out.len, file, err);
    qc_codebook_free(cb);
  }
  qc_refi_close(&d);
  if (s != QC_OK) {
    qc_buf_release(&out);
    return s;
  }
  *yaml = qc_buf_detach(&out, len);
  return QC_OK;
}
