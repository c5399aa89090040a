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

/* Keeps libxml2 from printing its own messages on stderr in this thread
 * (encoding and I/O errors bypass the parser's options); qcode reports
 * the error it returns instead. */
void qc_xml_quiet(void);

#endif
