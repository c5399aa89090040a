/* refi.c: reading REFI-QDA files (refi.h). */
#include "refi.h"
#include "codebook.h"
#include "error.h"
#include "memory.h"
#include "xmlzip.h"

#include <libxml/parser.h>

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_DEPTH 32

bool qc_refi_is(const xmlNode *n, const char *name) {
  return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

qc_status qc_refi_error(const qc_refi_doc *d, const xmlNode *n, qc_error *err,
                        const char *fmt, ...) {
  char msg[400];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  long line = n ? xmlGetLineNo((xmlNode *)n) : 0;
  return qc_error_set(err, QC_ERR_DATA, d->file,
                      line > 0 ? (unsigned)line : 1, 1, 0, "%s", msg);
}

/* A YAML double-quoted scalar (YAML 1.1, 5.7 escapes). */
void qc_refi_put_quoted(qc_buf *b, const char *s) {
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

/* Splits a Description into label, description and example lists (the
 * layout qc_qdc_export writes; see the top). */
static void read_description(qc_refi_code *c, const char *text) {
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
      qc_refi_put_quoted(into, item);
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

static qc_status read_code(qc_refi_doc *d, const xmlNode *n, size_t parent,
                           unsigned depth, qc_error *err) {
  if (depth >= MAX_DEPTH)
    return qc_refi_error(d, n, err, "codes nested more than %d deep",
                         MAX_DEPTH);
  xmlChar *name = xmlGetProp(n, BAD_CAST "name");
  if (!name || !*name) {
    xmlFree(name);
    return qc_refi_error(d, n, err, "a Code has no 'name' attribute");
  }
  if (d->ncodes == d->codes_cap) {
    d->codes_cap = d->codes_cap ? 2 * d->codes_cap : 32;
    d->codes = qc_xrealloc(d->codes, d->codes_cap * sizeof *d->codes);
  }
  size_t self = d->ncodes++;
  qc_refi_code *c = &d->codes[self];
  memset(c, 0, sizeof *c);
  c->depth = depth;
  c->parent = parent;
  c->name = qc_xstrdup((const char *)name);
  xmlFree(name);
  xmlChar *guid = xmlGetProp(n, BAD_CAST "guid");
  c->guid = guid ? qc_xstrdup((const char *)guid) : NULL;
  xmlFree(guid);
  c->id = qc_id_from_name(c->name);
  for (const xmlNode *k = n->children; k; k = k->next) {
    if (qc_refi_is(k, "Description")) {
      xmlChar *text = xmlNodeGetContent(k);
      read_description(&d->codes[self], text ? (const char *)text : "");
      xmlFree(text);
    }
  }
  c = &d->codes[self];
  /* the name as label where the id could not keep it ("Digitale
   * vaardigheden" -> digitale-vaardigheden) */
  if (!c->label && strcmp(c->name, c->id))
    c->label = qc_xstrdup(c->name);
  for (const xmlNode *k = n->children; k; k = k->next)
    if (qc_refi_is(k, "Code"))
      QC_TRY(read_code(d, k, self, depth + 1, err));
  return QC_OK;
}

/* Sibling codes with the same id get -2, -3, ... (ids must be unique
 * among siblings; REFI-QDA names need not be). */
static void unique_ids(qc_refi_doc *im) {
  for (size_t i = 0; i < im->ncodes; i++) {
    for (unsigned suffix = 2;; suffix++) {
      bool clash = false;
      for (size_t j = 0; j < i && !clash; j++)
        clash = im->codes[j].parent == im->codes[i].parent &&
                !strcmp(im->codes[j].id, im->codes[i].id);
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

/* Each code's path: its ancestors' ids and its own, joined by '/'. */
static void make_paths(qc_refi_doc *d) {
  for (size_t i = 0; i < d->ncodes; i++) {
    qc_refi_code *c = &d->codes[i];
    qc_buf b = QC_BUF_INIT;
    if (c->parent != QC_REFI_NO_PARENT)
      qc_buf_printf(&b, "%s/", d->codes[c->parent].path);
    qc_buf_puts(&b, c->id);
    c->path = qc_buf_detach(&b, NULL);
  }
}

long qc_refi_code_by_guid(const qc_refi_doc *d, const char *guid) {
  for (size_t i = 0; i < d->ncodes; i++)
    if (d->codes[i].guid && !strcasecmp(d->codes[i].guid, guid))
      return (long)i;
  return -1;
}

qc_status qc_refi_zip_entry(const qc_refi_doc *d, const char *name,
                            qc_buf *out, qc_error *err) {
  return qc_zip_entry(d->file, ".qdpx", d->data, d->len, name,
                      strcmp(name, "project.qde")
                          ? ""
                          : " (REFI-QDA 1.5 asks for one at the top of the zip)",
                      out, err);
}

qc_status qc_refi_open(qc_refi_doc *d, const char *file, const char *data,
                       size_t len, qc_error *err) {
  memset(d, 0, sizeof *d);
  d->file = file;
  d->data = data;
  d->len = len;
  if (len >= 4 && !memcmp(data, "PK\3\4", 4)) {
    d->zip = true;
    QC_TRY(qc_refi_zip_entry(d, "project.qde", &d->qde, err));
    data = d->qde.ptr;
    len = d->qde.len;
  }
  QC_TRY(qc_xml_parse(d->file, data, len, &d->doc, err));
  xmlNode *root = d->root = xmlDocGetRootElement(d->doc);
  const char *ns = root && root->ns ? (const char *)root->ns->href : "";
  if (root && qc_refi_is(root, "CodeBook") && !strcmp(ns, QC_NS_CODEBOOK)) {
    d->codebook = root;
  } else if (root && qc_refi_is(root, "Project") &&
             !strcmp(ns, QC_NS_PROJECT)) {
    d->project = true;
    for (const xmlNode *k = root->children; k; k = k->next)
      if (qc_refi_is(k, "CodeBook"))
        d->codebook = k;
    xmlChar *pname = xmlGetProp(root, BAD_CAST "name");
    if (pname && *pname)
      d->name = qc_id_from_name((const char *)pname);
    xmlFree(pname);
  } else {
    return qc_refi_error(d, root ? root : (xmlNode *)d->doc, err,
                         "not a REFI-QDA codebook or project: the root "
                         "element is not CodeBook (" QC_NS_CODEBOOK
                         ") or Project (" QC_NS_PROJECT ")");
  }
  xmlChar *o = xmlGetProp(root, BAD_CAST "origin");
  d->origin = o ? qc_xstrdup((const char *)o) : NULL;
  xmlFree(o);
  if (!d->codebook)
    return QC_OK;
  const xmlNode *codes = NULL;
  for (const xmlNode *k = d->codebook->children; k; k = k->next)
    if (qc_refi_is(k, "Codes"))
      codes = k;
  if (!codes)
    return qc_refi_error(d, d->codebook, err, "the CodeBook has no Codes");
  for (const xmlNode *k = codes->children; k; k = k->next)
    if (qc_refi_is(k, "Code"))
      QC_TRY(read_code(d, k, QC_REFI_NO_PARENT, 0, err));
  if (!d->ncodes)
    return qc_refi_error(d, codes, err, "the CodeBook has no Code");
  unique_ids(d);
  make_paths(d);
  return QC_OK;
}

void qc_refi_close(qc_refi_doc *d) {
  for (size_t i = 0; i < d->ncodes; i++) {
    qc_refi_code *c = &d->codes[i];
    free(c->guid);
    free(c->name);
    free(c->id);
    free(c->path);
    free(c->label);
    free(c->description);
    qc_buf_release(&c->examples);
    qc_buf_release(&c->counterexamples);
  }
  free(d->codes);
  free(d->origin);
  free(d->name);
  if (d->doc)
    xmlFreeDoc(d->doc);
  qc_buf_release(&d->qde);
  memset(d, 0, sizeof *d);
}
