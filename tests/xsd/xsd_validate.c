/* xsd_validate.c: validates XML files against an XML Schema with libxml2,
 * for the tests of what qcode writes in REFI-QDA formats.
 *
 * usage: xsd_validate SCHEMA.xsd FILE.xml...
 * Prints libxml2's messages; exits 0 when every file is valid, 1 when one
 * is not, 2 when the schema cannot be read. */
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include <stdio.h>

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
    xmlDocPtr doc = xmlReadFile(argv[i], NULL, XML_PARSE_NONET);
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
