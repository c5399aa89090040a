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
#include "memory.h"
#include "utf8.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <zip.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define NS_CODEBOOK "urn:QDA-XML:codebook:1.0"
#define NS_PROJECT "urn:QDA-XML:project:1.0"

/* A project.qde larger than this is refused before it is inflated: a
 * project's XML, without its sources, is far smaller (a zip bomb is not). */
#define QDE_MAX ((zip_uint64_t)256 << 20)

/* ---- export ---- */

/* 'text' with the characters XML 1.0 cannot hold (C0 controls other than
 * tab, newline and carriage return) replaced by U+FFFD. */
static void put_xml_text(qc_buf *b, const char *text) {
  for (const char *p = text; *p; p++) {
    unsigned char ch = (unsigned char)*p;
    if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r')
      qc_buf_puts(b, "\xEF\xBF\xBD");
    else
      qc_buf_putc(b, *p);
  }
}

/* A code's Description: label, description, examples (see the top). */
static void description_of(const qc_code *c, qc_buf *b) {
  if (c->label && *c->label) {
    qc_buf_puts(b, "Label: ");
    put_xml_text(b, c->label);
    qc_buf_putc(b, '\n');
  }
  if (c->description && *c->description) {
    if (b->len)
      qc_buf_putc(b, '\n');
    size_t start = b->len;
    put_xml_text(b, c->description);
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
      put_xml_text(b, ex->text);
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

qc_status qc_qdc_export(const qc_codebook *cb, char **out, size_t *len,
                        qc_error *err) {
  xmlBufferPtr xb = xmlBufferCreate();
  xmlTextWriterPtr w = xb ? xmlNewTextWriterMemory(xb, 0) : NULL;
  if (!w) {
    if (xb)
      xmlBufferFree(xb);
    return qc_error_set(err, QC_ERR_NOMEM, NULL, 0, 0, 0, "out of memory");
  }
  char origin[64];
  snprintf(origin, sizeof origin, "qcode %s", qc_version_string());
  int rc = 0;
  rc |= xmlTextWriterSetIndent(w, 1) < 0;
  rc |= xmlTextWriterSetIndentString(w, BAD_CAST "  ") < 0;
  rc |= xmlTextWriterStartDocument(w, "1.0", "utf-8", NULL) < 0;
  rc |= xmlTextWriterStartElement(w, BAD_CAST "CodeBook") < 0;
  rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns",
                                    BAD_CAST NS_CODEBOOK) < 0;
  rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "origin", BAD_CAST origin) < 0;
  rc |= xmlTextWriterStartElement(w, BAD_CAST "Codes") < 0;
  for (size_t i = 0; i < cb->ncodes && !rc; i++)
    if (cb->codes[i].parent == QC_NO_PARENT)
      rc |= write_code(w, cb, i);
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

/* One imported code, in document order; depth 0 is top level. */
typedef struct {
  char *id, *name, *label, *description;
  qc_buf examples, counterexamples; /* YAML list items, already quoted */
  unsigned depth;
} icode;

typedef struct {
  const char *file;
  icode *codes;
  size_t n, cap;
  qc_error *err;
} importer;

/* A YAML double-quoted scalar (YAML 1.1, 5.7 escapes). */
static void put_quoted(qc_buf *b, const char *s) {
  qc_buf_putc(b, '"');
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '"' || *p == '\\')
      qc_buf_printf(b, "\\%c", *p);
    else if (*p == '\n')
      qc_buf_puts(b, "\\n");
    else if (*p == '\t')
      qc_buf_puts(b, "\\t");
    else if (*p < 0x20 || *p == 0x7f)
      qc_buf_printf(b, "\\x%02x", *p);
    else
      qc_buf_putc(b, (char)*p);
  }
  qc_buf_putc(b, '"');
}

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

/* An id made from a REFI-QDA name: lower case, diacritics stripped, runs
 * of other characters as one '-', at most 64 bytes; "code" if nothing is
 * left. Sibling ids are made unique afterwards. */
static char *id_from_name(const char *name) {
  utf8proc_uint8_t *folded = NULL;
  utf8proc_ssize_t n = utf8proc_map(
      (const utf8proc_uint8_t *)name, 0, &folded,
      UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
          UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
  qc_buf b = QC_BUF_INIT;
  bool dash = false;
  for (utf8proc_ssize_t i = 0; n > 0 && i < n && b.len < 64; i++) {
    unsigned char ch = folded[i];
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' ||
        ch == '.') {
      if (dash && b.len)
        qc_buf_putc(&b, '-');
      dash = false;
      qc_buf_putc(&b, (char)ch);
    } else {
      dash = true;
    }
  }
  free(folded);
  while (b.len && (b.ptr[b.len - 1] == '-' || b.ptr[b.len - 1] == '.'))
    b.len--;
  if (b.len > 64)
    b.len = 64;
  if (!b.len || !((b.ptr[0] >= 'a' && b.ptr[0] <= 'z') ||
                  (b.ptr[0] >= '0' && b.ptr[0] <= '9'))) {
    qc_buf c = QC_BUF_INIT;
    qc_buf_puts(&c, "code");
    if (b.len)
      qc_buf_printf(&c, "-%.*s", (int)(b.len > 59 ? 59 : b.len), b.ptr);
    qc_buf_release(&b);
    b = c;
  }
  qc_buf_putc(&b, '\0');
  return qc_buf_detach(&b, NULL);
}

/* Splits a Description into label, description and example lists (the
 * layout qc_qdc_export writes; see the top). */
static void read_description(icode *c, const char *text) {
  const char *p = text;
  if (!strncmp(p, "Label: ", 7)) {
    const char *eol = strchr(p, '\n');
    size_t n = eol ? (size_t)(eol - p - 7) : strlen(p + 7);
    free(c->label);
    c->label = qc_xstrndup(p + 7, n);
    p = eol ? eol + 1 : p + 7 + n;
    if (*p == '\n')
      p++;
  }
  /* the example lists, where the text ends with them */
  const char *lists = NULL;
  for (const char *q = p; q; q = strchr(q, '\n') ? strchr(q, '\n') + 1 : NULL) {
    if ((q == p || q[-1] == '\n') &&
        (!strncmp(q, "Examples:\n", 10) ||
         !strncmp(q, "Counterexamples:\n", 17))) {
      lists = q;
      break;
    }
    if (!*q)
      break;
  }
  qc_buf *into = NULL;
  for (const char *q = lists; q && *q;) {
    const char *eol = strchr(q, '\n');
    size_t n = eol ? (size_t)(eol - q) : strlen(q);
    if (n == 9 && !strncmp(q, "Examples:", 9)) {
      into = &c->examples;
    } else if (n == 16 && !strncmp(q, "Counterexamples:", 16)) {
      into = &c->counterexamples;
    } else if (n >= 2 && !strncmp(q, "- ", 2) && into) {
      char *item = qc_xstrndup(q + 2, n - 2);
      qc_buf_puts(into, "- ");
      put_quoted(into, item);
      qc_buf_putc(into, '\n');
      free(item);
    } else if (n) {
      /* not the layout after all: keep the whole text as description */
      qc_buf_clear(&c->examples);
      qc_buf_clear(&c->counterexamples);
      lists = NULL;
      break;
    }
    q = eol ? eol + 1 : q + n;
  }
  size_t n = lists ? (size_t)(lists - p) : strlen(p);
  while (n && (p[n - 1] == '\n' || p[n - 1] == ' '))
    n--;
  free(c->description);
  c->description = n ? qc_xstrndup(p, n) : NULL;
}

static bool is_element(const xmlNode *n, const char *name) {
  return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

static qc_status node_error(importer *im, const xmlNode *n, const char *msg) {
  return qc_error_set(im->err, QC_ERR_DATA, im->file,
                      (unsigned)xmlGetLineNo((xmlNode *)n), 1, 0, "%s", msg);
}

#define MAX_DEPTH 32

static qc_status read_codes(importer *im, const xmlNode *codes,
                            unsigned depth);

static qc_status read_code(importer *im, const xmlNode *n, unsigned depth) {
  if (depth >= MAX_DEPTH)
    return node_error(im, n, "codes nested more than 32 deep");
  xmlChar *name = xmlGetProp(n, BAD_CAST "name");
  if (!name || !*name) {
    xmlFree(name);
    return node_error(im, n, "a Code has no 'name' attribute");
  }
  if (im->n == im->cap) {
    im->cap = im->cap ? 2 * im->cap : 32;
    im->codes = qc_xrealloc(im->codes, im->cap * sizeof *im->codes);
  }
  icode *c = &im->codes[im->n++];
  memset(c, 0, sizeof *c);
  c->depth = depth;
  c->name = qc_xstrdup((const char *)name);
  xmlFree(name);
  c->id = id_from_name(c->name);
  size_t self = im->n - 1;
  for (const xmlNode *k = n->children; k; k = k->next) {
    if (is_element(k, "Description")) {
      xmlChar *text = xmlNodeGetContent(k);
      read_description(&im->codes[self], text ? (const char *)text : "");
      xmlFree(text);
    }
  }
  /* the name as label where the id could not keep it ("Digitale
   * vaardigheden" -> digitale-vaardigheden) */
  if (!im->codes[self].label && strcmp(im->codes[self].name, im->codes[self].id))
    im->codes[self].label = qc_xstrdup(im->codes[self].name);
  for (const xmlNode *k = n->children; k; k = k->next)
    if (is_element(k, "Code"))
      QC_TRY(read_code(im, k, depth + 1));
  return QC_OK;
}

static qc_status read_codes(importer *im, const xmlNode *codes,
                            unsigned depth) {
  for (const xmlNode *k = codes->children; k; k = k->next)
    if (is_element(k, "Code"))
      QC_TRY(read_code(im, k, depth));
  return QC_OK;
}

/* Sibling codes with the same id get -2, -3, ... (ids must be unique
 * among siblings; REFI-QDA names need not be). */
static void unique_ids(importer *im) {
  for (size_t i = 0; i < im->n; i++) {
    for (unsigned suffix = 2;; suffix++) {
      bool clash = false;
      /* the earlier siblings: same depth, no shallower code in between */
      for (size_t j = i; j-- > 0;) {
        if (im->codes[j].depth < im->codes[i].depth)
          break;
        if (im->codes[j].depth == im->codes[i].depth &&
            !strcmp(im->codes[j].id, im->codes[i].id)) {
          clash = true;
          break;
        }
      }
      if (!clash)
        break;
      char *base = im->codes[i].id;
      size_t n = strlen(base);
      char *dash = strrchr(base, '-');
      if (suffix > 2 && dash)
        n = (size_t)(dash - base);
      if (n > 58)
        n = 58;
      qc_buf b = QC_BUF_INIT;
      qc_buf_printf(&b, "%.*s-%u", (int)n, base, suffix);
      free(base);
      im->codes[i].id = qc_buf_detach(&b, NULL);
    }
  }
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
    put_quoted(b, text);
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

static void write_yaml(const importer *im, const char *cbname,
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
  put_quoted(b, cbname);
  qc_buf_puts(b, "\ncodes:\n");
  for (size_t i = 0; i < im->n; i++) {
    const icode *c = &im->codes[i];
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
  char *id = id_from_name(stem);
  free(stem);
  return id;
}

/* Inflates project.qde of the .qdpx zip in 'data'. */
static qc_status read_qdpx(const char *file, const char *data, size_t len,
                           qc_buf *out, qc_error *err) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
  zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze)
                 : NULL;
  if (!z) {
    qc_status s = qc_error_set(err, QC_ERR_DATA, file, 0, 0, 0,
                               "not a readable .qdpx (zip) file: %s",
                               zip_error_strerror(&ze));
    if (src)
      zip_source_free(src);
    zip_error_fini(&ze);
    return s;
  }
  zip_error_fini(&ze);
  qc_status s = QC_OK;
  zip_stat_t st;
  zip_int64_t i = zip_name_locate(z, "project.qde", ZIP_FL_NOCASE);
  if (i < 0 || zip_stat_index(z, (zip_uint64_t)i, 0, &st) != 0) {
    s = qc_error_set(err, QC_ERR_DATA, file, 0, 0, 0,
                     "the .qdpx has no project.qde (REFI-QDA 1.5 asks for "
                     "one at the top of the zip)");
  } else if (!(st.valid & ZIP_STAT_SIZE) || st.size > QDE_MAX) {
    s = qc_error_set(err, QC_ERR_DATA, file, 0, 0, 0,
                     "project.qde would inflate to more than %llu MiB",
                     (unsigned long long)(QDE_MAX >> 20));
  } else {
    zip_file_t *f = zip_fopen_index(z, (zip_uint64_t)i, 0);
    if (!f) {
      s = qc_error_set(err, QC_ERR_DATA, file, 0, 0, 0,
                       "cannot read project.qde: %s", zip_strerror(z));
    } else {
      /* read no more than the stated size (plus one byte, to notice a
       * lie): libzip checks the CRC at the end */
      qc_buf_grow(out, (size_t)st.size + 1);
      zip_int64_t got = zip_fread(f, out->ptr, st.size + 1);
      if (got < 0 || (zip_uint64_t)got != st.size)
        s = qc_error_set(err, QC_ERR_DATA, file, 0, 0, 0,
                         "project.qde is damaged: %s",
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

qc_status qc_qdc_import_mem(const char *input, size_t input_len,
                            const char *file, char **yaml, size_t *len,
                            qc_error *err) {
  qc_buf xml = QC_BUF_INIT, out = QC_BUF_INIT;
  qc_status s = QC_OK;
  const char *data = input;
  size_t dlen = input_len;
  if (s == QC_OK && dlen >= 4 && !memcmp(data, "PK\3\4", 4)) {
    s = read_qdpx(file, data, dlen, &xml, err);
    data = xml.ptr ? xml.ptr : "";
    dlen = xml.len;
  }
  xmlDocPtr doc = NULL;
  if (s == QC_OK) {
    xmlParserCtxtPtr ctx = xmlNewParserCtxt();
    if (!ctx)
      return qc_error_set(err, QC_ERR_NOMEM, NULL, 0, 0, 0, "out of memory");
    /* no network, no external DTD or entity, no entity substitution, no
     * messages on stderr (the error is reported below); a document with a
     * DOCTYPE is refused after parsing */
    doc = xmlCtxtReadMemory(ctx, data, dlen > INT_MAX ? INT_MAX : (int)dlen,
                            file, NULL,
                            XML_PARSE_NONET | XML_PARSE_NOERROR |
                                XML_PARSE_NOWARNING);
    const xmlError *e = xmlCtxtGetLastError(ctx);
    if (!doc || (e && e->level >= XML_ERR_ERROR)) {
      char msg[256];
      snprintf(msg, sizeof msg, "%s",
               e && e->message ? e->message : "unreadable");
      msg[strcspn(msg, "\n")] = '\0';
      s = qc_error_set(err, QC_ERR_DATA, file, e ? (unsigned)e->line : 0,
                       e && e->int2 > 0 ? (unsigned)e->int2 : 1, 0,
                       "not well-formed XML: %s", msg);
    }
    xmlFreeParserCtxt(ctx);
  }
  importer im = {file, NULL, 0, 0, err};
  char *origin = NULL, *cbname = NULL;
  if (s == QC_OK && doc->intSubset)
    s = qc_error_set(err, QC_ERR_DATA, file, doctype_line(data, dlen), 1, 0,
                     "a DOCTYPE is not allowed in a REFI-QDA file (entities "
                     "could expand without bound or read other files)");
  if (s == QC_OK) {
    xmlNode *root = xmlDocGetRootElement(doc);
    const xmlNode *codebook = NULL;
    const char *ns = root && root->ns ? (const char *)root->ns->href : "";
    if (root && is_element(root, "CodeBook") && !strcmp(ns, NS_CODEBOOK)) {
      codebook = root;
    } else if (root && is_element(root, "Project") &&
               !strcmp(ns, NS_PROJECT)) {
      for (const xmlNode *k = root->children; k; k = k->next)
        if (is_element(k, "CodeBook"))
          codebook = k;
      xmlChar *pname = xmlGetProp(root, BAD_CAST "name");
      if (pname && *pname)
        cbname = id_from_name((const char *)pname);
      xmlFree(pname);
      if (!codebook)
        s = node_error(&im, root, "the project has no CodeBook");
    } else {
      s = node_error(&im, root ? root : (xmlNode *)doc,
                     "not a REFI-QDA codebook or project: the root element "
                     "is not CodeBook (" NS_CODEBOOK ") or Project (" NS_PROJECT
                     ")");
    }
    if (s == QC_OK) {
      xmlChar *o = xmlGetProp(root, BAD_CAST "origin");
      origin = o ? qc_xstrdup((const char *)o) : NULL;
      xmlFree(o);
      const xmlNode *codes = NULL;
      for (const xmlNode *k = codebook->children; k; k = k->next)
        if (is_element(k, "Codes"))
          codes = k;
      if (!codes)
        s = node_error(&im, codebook, "the CodeBook has no Codes");
      else
        s = read_codes(&im, codes, 0);
      if (s == QC_OK && !im.n)
        s = node_error(&im, codes, "the CodeBook has no Code");
    }
  }
  if (s == QC_OK) {
    unique_ids(&im);
    if (!cbname)
      cbname = name_from_file(strcmp(file, "<stdin>") ? file : "codebook");
    write_yaml(&im, cbname, origin, &out);
    /* what qcode writes, qcode reads: load it once, so a skeleton that
     * would not load is an error here and not in the researcher's hands */
    qc_codebook *cb = NULL;
    s = qc_codebook_load_mem(&cb, out.ptr, out.len, file, err);
    qc_codebook_free(cb);
  }
  for (size_t i = 0; i < im.n; i++) {
    free(im.codes[i].id);
    free(im.codes[i].name);
    free(im.codes[i].label);
    free(im.codes[i].description);
    qc_buf_release(&im.codes[i].examples);
    qc_buf_release(&im.codes[i].counterexamples);
  }
  free(im.codes);
  free(origin);
  free(cbname);
  if (doc)
    xmlFreeDoc(doc);
  qc_buf_release(&xml);
  if (s != QC_OK) {
    qc_buf_release(&out);
    return s;
  }
  *yaml = qc_buf_detach(&out, len);
  return QC_OK;
}
