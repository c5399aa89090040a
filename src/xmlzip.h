/* xmlzip.h: the two safe readers that zip-based formats share (a .qdpx
 * project, a .docx or .odt transcript): one entry of a zip in memory, with
 * a cap on what it may inflate to, and XML parsed without network, DTD or
 * entity expansion. */
#ifndef QC_XMLZIP_H
#define QC_XMLZIP_H

#include "qcode.h"
#include "buf.h"

#include <libxml/tree.h>

/* An entry inflates to at most this many bytes (a zip bomb is refused). */
#define QC_ZIP_ENTRY_MAX ((size_t)256 << 20)

/* Inflates the entry 'name' (compared without case) of the zip in
 * data[0..len) into 'out'. 'file' names the zip in messages and 'kind' says
 * what it should be (".qdpx", ".docx"). 'missing_hint' is added to the
 * message when there is no such entry. Errors: QC_ERR_DATA. */
qc_status qc_zip_entry(const char *file, const char *kind, const char *data,
                       size_t len, const char *name, const char *missing_hint,
                       qc_buf *out, qc_error *err);

/* True when data[0..len) is a readable zip with an entry 'name'. */
bool qc_zip_has(const char *data, size_t len, const char *name);

/* Parses XML: no network, no external DTD or entity, no entity
 * substitution, nothing printed on stderr; a document with a DOCTYPE is
 * refused (entities could expand without bound or read other files).
 * 'file' names the document in messages. Errors: QC_ERR_DATA, with the
 * line and column of the fault. */
qc_status qc_xml_parse(const char *file, const char *data, size_t len,
                       xmlDocPtr *doc, qc_error *err);

/* An XML entry of a zip read as a stream of nodes (libxml2's
 * xmlTextReader), inflated as it is read: memory does not grow with the
 * document, so a document as large as the cap is read in a few MB. The
 * same safety as qc_xml_parse: no network, no entity substitution, a
 * DOCTYPE refused. */
typedef struct qc_xml_stream qc_xml_stream;

/* Opens entry 'name' of the zip in data[0..len) ('file' and 'kind' as for
 * qc_zip_entry). The entry must be there. Errors: QC_ERR_DATA. */
qc_status qc_xml_stream_open(qc_xml_stream **out, const char *file,
                             const char *kind, const char *data, size_t len,
                             const char *name, qc_error *err);

/* Moves to the next node; '*got' is false at the end of the document.
 * Errors (QC_ERR_DATA, with the line and column where there is one): XML
 * that is not well-formed, a DOCTYPE, an entry that is damaged or larger
 * than its zip directory says, nesting deeper than 'max_depth'. */
qc_status qc_xml_stream_next(qc_xml_stream *s, bool *got, int max_depth,
                             qc_error *err);

/* The reader, for the current node's type, name, depth, value and
 * attributes. */
struct _xmlTextReader *qc_xml_stream_reader(qc_xml_stream *s);

/* The value of the current element's attribute with local name 'name' (any
 * namespace), borrowed until the next node, or NULL. */
const char *qc_xml_stream_attr(qc_xml_stream *s, const char *name);

void qc_xml_stream_close(qc_xml_stream *s);

/* Keeps libxml2 from printing its own messages on stderr in this thread
 * (encoding and I/O errors bypass the parser's options); qcode reports
 * the error it returns instead. */
void qc_xml_quiet(void);

#endif
