/* xsd_validate.c: validates XML files against an XML Schema with libxml2,
 * for the tests of what qcode writes in REFI-QDA formats.
 *
 * usage: xsd_validate SCHEMA.xsd FILE...
 * A FILE ending in .qdpx is a zip: its project.qde is validated. Prints
 * libxml2's messages; exits 0 when every file is valid, 1 when one is not,
 * 2 when the schema cannot be read. */
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <zip.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* project.qde of a .qdpx, parsed, or NULL. */
static xmlDocPtr read_qdpx(const char *path) {
  int e;
  zip_t *z = zip_open(path, ZIP_RDONLY, &e);
  if (!z)
    return NULL;
  zip_stat_t st;
  xmlDocPtr doc = NULL;
  if (zip_stat(z, "project.qde", 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE)) {
    char *buf = malloc(st.size + 1);
    zip_file_t *f = zip_fopen(z, "project.qde", 0);
    if (buf && f && zip_fread(f, buf, st.size) == (zip_int64_t)st.size)
      doc = xmlReadMemory(buf, (int)st.size, "project.qde", NULL,
                          XML_PARSE_NONET);
    if (f)
      zip_fclose(f);
    free(buf);
  }
  zip_discard(z);
  return doc;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fputs("usage: xsd_validate SCHEMA.xsd FILE.xml...\n", stderr);
    return 2;
  }
  xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(argv[1]);
  xmlSchemaPtr schema = pc ? xmlSchemaParse(pc) : NULL;
  if (!schema) {
    fprintf(stderr, "xsd_validate: cannot read the schema %s\n", argv[1]);
    return 2;
  }
  xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
  int rc = 0;
  for (int i = 2; i < argc; i++) {
    size_t n = strlen(argv[i]);
    xmlDocPtr doc = n > 5 && !strcmp(argv[i] + n - 5, ".qdpx")
                        ? read_qdpx(argv[i])
                        : xmlReadFile(argv[i], NULL, XML_PARSE_NONET);
    int r = doc ? xmlSchemaValidateDoc(vc, doc) : -1;
    if (r != 0) {
      fprintf(stderr, "xsd_validate: %s: not valid against %s\n", argv[i],
              argv[1]);
      rc = 1;
    }
    xmlFreeDoc(doc);
  }
  xmlSchemaFreeValidCtxt(vc);
  xmlSchemaFree(schema);
  xmlSchemaFreeParserCtxt(pc);
  xmlCleanupParser();
  return rc;
}
