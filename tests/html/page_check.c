/* page_check.c: checks an HTML page that qcode writes (qcode report), for
 * the tests: it parses as XML (qcode writes polyglot markup, so a missing
 * end tag or a bad character reference shows), and
 *   - no element loads anything: no src, no href that is not "#...", no
 *     <script>, <link>, <img>, <iframe>, <object>, no "url(" or "@import"
 *     in a style, no "http" in any attribute;
 *   - <html lang>, a <title>, a <meta charset>;
 *   - every <svg> has role="img", aria-labelledby naming a <title> child;
 *   - every <table> has a <caption> and header cells.
 * usage: page_check FILE.html; prints each problem, exits 1 when there is
 * one, 2 when the file does not parse. */
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static int problems;

static void problem(const xmlNode *n, const char *what) {
  printf("line %ld: <%s>: %s\n", xmlGetLineNo(n), (const char *)n->name, what);
  problems++;
}

static const char *prop(const xmlNode *n, const char *name) {
  for (const xmlAttr *a = n->properties; a; a = a->next)
    if (!strcmp((const char *)a->name, name) && a->children)
      return (const char *)a->children->content;
  return NULL;
}

static bool named(const xmlNode *n, const char *name) {
  return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

static const xmlNode *child(const xmlNode *n, const char *name) {
  for (const xmlNode *c = n->children; c; c = c->next)
    if (named(c, name))
      return c;
  return NULL;
}

static bool has_descendant(const xmlNode *n, const char *name) {
  for (const xmlNode *c = n->children; c; c = c->next)
    if (named(c, name) || has_descendant(c, name))
      return true;
  return false;
}

static int titles, charsets;

static void walk(const xmlNode *n) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE)
      continue;
    const char *name = (const char *)n->name;
    static const char *const loaders[] = {"script", "link", "img", "iframe",
                                          "object", "embed", "image", "use"};
    for (size_t i = 0; i < sizeof loaders / sizeof *loaders; i++)
      if (!strcmp(name, loaders[i]))
        problem(n, "an element that loads or runs something");
    for (const xmlAttr *a = n->properties; a; a = a->next) {
      const char *v = a->children ? (const char *)a->children->content : "";
      if (!strcmp((const char *)a->name, "src"))
        problem(n, "a src attribute");
      if (!strcmp((const char *)a->name, "href") && v[0] != '#')
        problem(n, "an href that leaves the page");
      if (strstr(v, "http") || strstr(v, "url("))
        problem(n, "an attribute with a URL");
    }
    if (!strcmp(name, "style") && n->children) {
      const char *css = (const char *)n->children->content;
      if (css && (strstr(css, "url(") || strstr(css, "@import")))
        problem(n, "a style that loads something");
    }
    if (!strcmp(name, "title") && n->parent && named(n->parent, "head"))
      titles++;
    if (!strcmp(name, "meta") && prop(n, "charset"))
      charsets++;
    if (!strcmp(name, "svg")) {
      const char *role = prop(n, "role"), *by = prop(n, "aria-labelledby");
      const xmlNode *t = child(n, "title");
      if (!role || strcmp(role, "img"))
        problem(n, "no role=\"img\"");
      if (!t || !by || !prop(t, "id") || strcmp(prop(t, "id"), by))
        problem(n, "no <title> that aria-labelledby names");
    }
    if (!strcmp(name, "table")) {
      if (!child(n, "caption"))
        problem(n, "no <caption>");
      if (!has_descendant(n, "th"))
        problem(n, "no header cells");
    }
    walk(n->children);
  }
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fputs("usage: page_check FILE.html\n", stderr);
    return 2;
  }
  xmlDocPtr doc = xmlReadFile(argv[1], NULL, XML_PARSE_NONET);
  if (!doc) {
    printf("%s: does not parse as XML\n", argv[1]);
    return 2;
  }
  const xmlNode *root = xmlDocGetRootElement(doc);
  if (!root || !named(root, "html") || !prop(root, "lang"))
    problem(root ? root : (const xmlNode *)doc, "no <html lang>");
  walk(root);
  if (titles != 1)
    printf("%d <title>s in <head>, not 1\n", titles), problems++;
  if (charsets != 1)
    printf("%d <meta charset>, not 1\n", charsets), problems++;
  xmlFreeDoc(doc);
  xmlCleanupParser();
  return problems ? 1 : 0;
}
