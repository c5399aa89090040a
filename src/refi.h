/* refi.h: REFI-QDA files (REFI-QDA 1.5, qdasoftware.org), what qdc.c
 * (codebooks) and qdpx.c (projects) share: reading (refi.c: the zip of a
 * .qdpx, the XML parsed without network, DTDs or entities, the code tree)
 * and writing (qdc.c: the XML writer, the code tree). */
#ifndef QC_REFI_H
#define QC_REFI_H

#include "qcode.h"
#include "buf.h"

#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#define QC_NS_CODEBOOK "urn:QDA-XML:codebook:1.0"
#define QC_NS_PROJECT "urn:QDA-XML:project:1.0"

/* A code of the file, in document order (a parent before its children). */
typedef struct qc_refi_code {
  char *guid, *name; /* as in the file (guid may be NULL) */
  char *id, *path;   /* made from the names, unique among siblings */
  char *label;       /* a "Label: " line, or the name where the id differs */
  char *description; /* the rest of the Description, or NULL */
  qc_buf examples, counterexamples; /* YAML list items, already quoted */
  unsigned depth;
  size_t parent; /* index, or QC_REFI_NO_PARENT at the top */
} qc_refi_code;

#define QC_REFI_NO_PARENT ((size_t)-1)

/* A REFI-QDA document: a .qdc, a project.qde, or a .qdpx (its
 * project.qde). */
typedef struct qc_refi_doc {
  const char *file;
  const char *data; /* the input, borrowed: a .qdpx's zip for its sources */
  size_t len;
  bool zip;
  qc_buf qde; /* the inflated project.qde of a .qdpx */
  xmlDocPtr doc;
  xmlNode *root;
  const xmlNode *codebook; /* NULL when a project has none */
  bool project;
  char *origin; /* the root's origin attribute, or NULL */
  char *name;   /* a project's name made an id, or NULL */
  qc_refi_code *codes;
  size_t ncodes, codes_cap;
} qc_refi_doc;

/* Reads the document in data[0..len) (borrowed until qc_refi_close) named
 * 'file' in messages, and its code tree. Errors: QC_ERR_DATA (a damaged
 * zip, XML that is not well-formed or has a DOCTYPE, another root
 * element, a Code without a name, codes nested too deep). */
qc_status qc_refi_open(qc_refi_doc *d, const char *file, const char *data,
                       size_t len, qc_error *err);
void qc_refi_close(qc_refi_doc *d);


/* Inflates the zip entry 'name' (compared without case) of a .qdpx into
 * 'out', refusing one that would inflate to more than 256 MiB. */
qc_status qc_refi_zip_entry(const qc_refi_doc *d, const char *name,
                            qc_buf *out, qc_error *err);

/* The code whose guid is 'guid' (compared without case), or -1. */
long qc_refi_code_by_guid(const qc_refi_doc *d, const char *guid);

bool qc_refi_is(const xmlNode *n, const char *name);

/* An error at node n: "FILE:LINE:1: error: ..." */
qc_status qc_refi_error(const qc_refi_doc *d, const xmlNode *n, qc_error *err,
                        const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The writing side, in qdc.c: a writer into a new buffer (NULL when out
 * of memory); the XML declaration and the root element with its
 * namespace and origin="qcode VERSION", indented by two spaces. */
xmlTextWriterPtr qc_refi_writer(xmlBufferPtr *xb);
int qc_refi_start(xmlTextWriterPtr w, const char *root, const char *ns);

/* Writes the codebook's code tree as a Codes element (qdc.c; the GUIDs
 * and Descriptions of docs/INTEROP.md). Returns non-zero on failure. */
int qc_refi_write_codes(xmlTextWriterPtr w, const qc_codebook *cb);

/* A YAML double-quoted scalar. */
void qc_refi_put_quoted(qc_buf *b, const char *s);

#endif
