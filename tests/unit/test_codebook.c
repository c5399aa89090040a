/* test_codebook.c: unit tests of src/codebook.c and src/codebook_yaml.c:
 * loading codebooks from memory, the code tree, and every kind of error
 * with its status, 1-based line and column (in code points) and message. */
#include "harness.h"
#include "codebook.h"
#include "qcode.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NONE ((size_t)-1)

static qc_status load(const char *yaml, qc_codebook **cb, qc_error *err) {
  qc_error_clear(err);
  return qc_codebook_load_mem(cb, yaml, strlen(yaml), "cb.yaml", err);
}

/* Loads 'yaml', expects it to fail with 'status' at 'line':'col' and a
 * message containing 'needle'. */
static void expect_error(qc_test *t, const char *what, const char *yaml,
                         qc_status status, unsigned line, unsigned col,
                         const char *needle) {
  qc_codebook *cb = (qc_codebook *)1;
  qc_error err;
  qc_status s = load(yaml, &cb, &err);
  const char *saved = t->current;
  t->current = what;
  INT_EQ(t, s, status, "status");
  OK(t, cb == NULL, "no codebook on error");
  INT_EQ(t, err.code, status, "err.code");
  INT_EQ(t, err.line, line, "line");
  INT_EQ(t, err.col, col, "column");
  STR_EQ(t, err.file, "cb.yaml", "file name in the error");
  if (!qc_test_check(t, strstr(err.msg, needle) != NULL, __FILE__, __LINE__,
                     "message"))
    fprintf(stderr, "  Got:      %s\n  Expected: ...%s...\n", err.msg, needle);
  t->current = saved;
  if (s == QC_OK)
    qc_codebook_free(cb);
}

static void minimal(qc_test *t) {
  qc_codebook *cb = NULL;
  qc_error err;
  INT_EQ(t,
         load("qcode: 1\ncodes:\n  - id: a\n    words: [x]\n", &cb, &err),
         QC_OK, "minimal codebook loads");
  if (!cb)
    return;
  INT_EQ(t, qc_codebook_code_count(cb), 1, "one code");
  STR_EQ(t, qc_codebook_code_path(cb, 0), "a", "path");
  STR_EQ(t, qc_codebook_code_label(cb, 0), "", "no label is \"\"");
  INT_EQ(t, qc_codebook_code_parent(cb, 0), NONE, "top level");
  INT_EQ(t, qc_codebook_code_find(cb, "a"), 0, "find a");
  INT_EQ(t, qc_codebook_code_find(cb, "b"), NONE, "find b");
  INT_EQ(t, qc_codebook_code_find(cb, ""), NONE, "find empty");
  qc_codebook_free(cb);
  qc_codebook_free(NULL);

  cb = (qc_codebook *)1;
  qc_error_clear(&err);
  INT_EQ(t, qc_codebook_load(&cb, "/nonexistent/qcode/cb.yaml", &err),
         QC_ERR_IO, "missing file");
  OK(t, cb == NULL, "no codebook for a missing file");
  OK(t, strstr(err.msg, "/nonexistent/qcode/cb.yaml") != NULL,
     "message names the file");

  cb = NULL;
  INT_EQ(t,
         qc_codebook_load_mem(&cb, "qcode: 1\ncodes: [{id: a, words: [x]}]", 37,
                              NULL, NULL),
         QC_OK, "flow style, no name, no error struct");
  qc_codebook_free(cb);
}

static void tree(qc_test *t) {
  const char *yaml = "qcode: 1\n"
                     "name: toets\n"
                     "title: Een toets\n"
                     "description: Alles.\n"
                     "codes:\n"
                     "  - id: tone\n"
                     "    label: Toon\n"
                     "    description: De toon.\n"
                     "    codes:\n"
                     "      - id: optimist\n"
                     "        label: Optimistisch\n"
                     "        words: [goed]\n"
                     "        codes:\n"
                     "          - id: very\n"
                     "            words: [super]\n"
                     "      - codes:\n"
                     "          - id: deep\n"
                     "            phrases: [heel slecht]\n"
                     "        id: pessimist\n"
                     "        regex: ['\\bslecht']\n"
                     "  - id: other\n"
                     "    words: [anders]\n"
                     "    examples: [Iets anders.]\n"
                     "    counterexamples: [Hetzelfde.]\n";
  qc_codebook *cb = NULL;
  qc_error err;
  INT_EQ(t, load(yaml, &cb, &err), QC_OK, "tree loads");
  if (!cb) {
    fprintf(stderr, "  %u:%u: %s\n", err.line, err.col, err.msg);
    return;
  }
  static const char *const paths[] = {
      "tone", "tone/optimist", "tone/optimist/very", "tone/pessimist",
      "tone/pessimist/deep", "other"};
  static const size_t parents[] = {NONE, 0, 1, 0, 3, NONE};
  INT_EQ(t, qc_codebook_code_count(cb), 6, "six codes");
  for (size_t i = 0; i < 6 && i < qc_codebook_code_count(cb); i++) {
    STR_EQ(t, qc_codebook_code_path(cb, i), paths[i], "pre-order path");
    INT_EQ(t, qc_codebook_code_parent(cb, i), parents[i], "parent");
    INT_EQ(t, qc_codebook_code_find(cb, paths[i]), i, "find by path");
  }
  INT_EQ(t, qc_codebook_code_find(cb, "optimist"), NONE,
         "a child is found by its full path only");
  INT_EQ(t, qc_codebook_code_find(cb, "tone/"), NONE, "trailing slash");
  STR_EQ(t, qc_codebook_code_label(cb, 0), "Toon", "label");
  STR_EQ(t, qc_codebook_code_label(cb, 1), "Optimistisch", "child label");
  STR_EQ(t, qc_codebook_code_label(cb, 5), "", "no label");
  /* Model details behind the API. */
  STR_EQ(t, cb->name, "toets", "name");
  STR_EQ(t, cb->title, "Een toets", "title");
  STR_EQ(t, cb->codes[0].description, "De toon.", "description");
  INT_EQ(t, cb->codes[2].depth, 2, "depth");
  INT_EQ(t, cb->codes[5].nexamples, 2, "examples and counterexamples");
  if (cb->codes[5].nexamples == 2) {
    OK(t, !cb->codes[5].examples[0].counter, "example");
    OK(t, cb->codes[5].examples[1].counter, "counterexample");
    INT_EQ(t, cb->codes[5].examples[1].line, 24, "counterexample line");
  }
  INT_EQ(t, cb->nrules, 5, "five rules");
  OK(t, cb->fold_opts == QC_FOLD_CASE, "default folding: case only");
  INT_EQ(t, cb->nnegators, 11, "default Dutch negation words");
  INT_EQ(t, cb->neg_before, 3, "default window before");
  INT_EQ(t, cb->neg_after, 0, "default window after");
  qc_codebook_free(cb);
}

static void settings(qc_test *t) {
  const char *yaml = "qcode: 1\n"
                     "settings:\n"
                     "  negation:\n"
                     "    words: [Nee, \"g\xC3\xA9\xC3\xA9n\"]\n"
                     "    before: 0\n"
                     "    after: 50\n"
                     "  case: sensitive\n"
                     "  diacritics: fold\n"
                     "codes:\n"
                     "  - id: a\n"
                     "    negation: false\n"
                     "    words: [x]\n";
  qc_codebook *cb = NULL;
  qc_error err;
  INT_EQ(t, load(yaml, &cb, &err), QC_OK, "settings load");
  if (!cb)
    return;
  OK(t, cb->fold_opts == QC_FOLD_MARKS, "case kept, marks folded");
  INT_EQ(t, cb->regex_opts & QC_REGEX_CASELESS, 0, "regex case-sensitive");
  INT_EQ(t, cb->nnegators, 2, "own negation words replace the defaults");
  if (cb->nnegators == 2) {
    STR_EQ(t, cb->negators[0], "Nee", "negator kept in case");
    STR_EQ(t, cb->negators[1], "geen",
           "negator folded with settings written after it");
  }
  INT_EQ(t, cb->neg_before, 0, "before");
  INT_EQ(t, cb->neg_after, 50, "after");
  OK(t, !cb->codes[0].negation, "code opts out of negation");
  qc_codebook_free(cb);
}

static void anchors(qc_test *t) {
  const char *yaml = "qcode: 1\n"
                     "codes:\n"
                     "  - id: a\n"
                     "    words: &shared [goed, fijn]\n"
                     "  - id: b\n"
                     "    words: *shared\n"
                     "    exclude: &ex\n"
                     "      words: [niet]\n"
                     "  - id: c\n"
                     "    phrases: [heel goed]\n"
                     "    exclude: *ex\n";
  qc_codebook *cb = NULL;
  qc_error err;
  INT_EQ(t, load(yaml, &cb, &err), QC_OK, "shared lists through aliases");
  if (!cb)
    return;
  INT_EQ(t, qc_codebook_code_count(cb), 3, "three codes");
  INT_EQ(t, cb->nrules, 7, "aliased rules count for each code");
  qc_codebook_free(cb);
}

/* ---- errors ---- */

static void yaml_errors(qc_test *t) {
  expect_error(t, "mapping value in a scalar", "qcode: 1\nfoo: bar: baz\n",
               QC_ERR_YAML, 2, 9, "mapping values are not allowed");
  /* The column counts code points: "één: " is 5 characters, 7 bytes. */
  expect_error(t, "column in code points",
               "qcode: 1\n\xC3\xA9\xC3\xA9n: bar: baz\n", QC_ERR_YAML, 2, 9,
               "mapping values");
  expect_error(t, "invalid UTF-8", "qcode: 1\nname: caf\xE9\n", QC_ERR_YAML, 2,
               10, "UTF-8");
  qc_codebook *cb;
  qc_error err;
  qc_status s;
  INT_EQ(t, load("qcode: 1\ncodes: [a, b\n", &cb, &err), QC_ERR_YAML,
         "unclosed flow sequence");
  OK(t, err.line >= 2, "unclosed flow sequence has a position");
  INT_EQ(t, load("qcode: 1\ncodes:\n\t- id: a\n", &cb, &err), QC_ERR_YAML,
         "tab indentation");
  INT_EQ(t, err.line, 3, "tab indentation line");
  /* Text after the first document is not ignored. */
  s = load("qcode: 1\ncodes: [{id: a, words: [x]}]\n---\nfoo: bar: baz\n",
           &cb, &err);
  INT_EQ(t, s, QC_ERR_YAML, "broken second document");
  INT_EQ(t, err.line, 4, "broken second document: line");
  INT_EQ(t, err.col, 9, "broken second document: column");
  if (s == QC_OK)
    qc_codebook_free(cb);
  s = load("qcode: 1\ncodes: [{id: a, words: [x]}]\n---\n"
           "qcode: 1\ncodes: [{id: b, words: [y]}]\n",
           &cb, &err);
  OK(t, s == QC_ERR_SCHEMA || s == QC_ERR_YAML,
     "a second document is refused, not silently dropped");
  OK(t, err.line >= 3, "second document: error points at it");
  if (s == QC_OK)
    qc_codebook_free(cb);
  expect_error(t, "empty document", "", QC_ERR_SCHEMA, 1, 1, "empty");
  expect_error(t, "root not a mapping", "- a\n- b\n", QC_ERR_SCHEMA, 1, 1,
               "must be a mapping");
}

static void offsets_are_bytes(qc_test *t) {
  /* qcode.h: offset is a 0-based byte offset. "één: " is 7 bytes. */
  qc_codebook *cb;
  qc_error err;
  load("qcode: 1\n"
       "codes:\n"
       "  - {label: \xC3\xA9\xC3\xA9n, wrods: [x], id: a}\n",
       &cb, &err);
  INT_EQ(t, err.code, QC_ERR_SCHEMA, "unknown key in a flow mapping");
  INT_EQ(t, err.line, 3, "line");
  INT_EQ(t, err.col, 18, "column in code points");
  INT_EQ(t, err.offset, 16 + 19, "offset in bytes");
  load("qcode: 1\n\xC3\xA9\xC3\xA9n: bar: baz\n", &cb, &err);
  INT_EQ(t, err.offset, 9 + 10, "YAML syntax error offset in bytes");
  load("qcode: 1\nname: caf\xE9\n", &cb, &err);
  INT_EQ(t, err.offset, 18, "reader error offset in bytes");
  /* Line ends other than LF, and a byte order mark. */
  load("qcode: 1\r\nfoo: 1\r\ncodes: [{id: a, words: [x]}]\r\n", &cb, &err);
  INT_EQ(t, err.line, 2, "CRLF: line");
  INT_EQ(t, err.offset, 10, "CRLF: offset");
  load("qcode: 1\rfoo: 1\rcodes: [{id: a, words: [x]}]\r", &cb, &err);
  INT_EQ(t, err.line, 2, "CR only: line");
  INT_EQ(t, err.offset, 9, "CR only: offset");
  load("\xEF\xBB\xBFqcode: 2\ncodes: [{id: a, words: [x]}]\n", &cb, &err);
  INT_EQ(t, err.line, 1, "BOM: line");
  INT_EQ(t, err.col, 8, "BOM: column does not count the BOM");
  INT_EQ(t, err.offset, 10, "BOM: offset counts the BOM's bytes");
}

static void version_errors(qc_test *t) {
  expect_error(t, "missing version", "codes:\n  - id: a\n    words: [x]\n",
               QC_ERR_SCHEMA, 1, 1, "qcode: 1");
  expect_error(t, "wrong version",
               "qcode: 2\ncodes:\n  - id: a\n    words: [x]\n", QC_ERR_SCHEMA,
               1, 8, "'2'");
  expect_error(t, "version 1.0", "qcode: 1.0\ncodes: [{id: a, words: [x]}]\n",
               QC_ERR_SCHEMA, 1, 8, "'1.0'");
  expect_error(t, "version a list", "qcode: [1]\ncodes: [{id: a, words: [x]}]\n",
               QC_ERR_SCHEMA, 1, 8, "must be a scalar");
  expect_error(t, "no codes", "qcode: 1\nname: x\n", QC_ERR_SCHEMA, 1, 1,
               "no 'codes'");
  expect_error(t, "empty codes", "qcode: 1\ncodes: []\n", QC_ERR_SCHEMA, 2, 8,
               "empty list");
}

static void unknown_keys(qc_test *t) {
  expect_error(t, "unknown top-level key",
               "qcode: 1\nfoo: 1\ncodes: [{id: a, words: [x]}]\n",
               QC_ERR_SCHEMA, 2, 1, "unknown key 'foo'");
  expect_error(t, "unknown key in a code",
               "qcode: 1\n"
               "codes:\n"
               "  - id: a\n"
               "    wrods: [x]\n",
               QC_ERR_SCHEMA, 4, 5, "unknown key 'wrods'");
  expect_error(t, "unknown key in settings",
               "qcode: 1\n"
               "settings:\n"
               "  kase: sensitive\n"
               "codes:\n"
               "  - id: a\n"
               "    words: [x]\n",
               QC_ERR_SCHEMA, 3, 3, "unknown key 'kase'");
  expect_error(t, "unknown key in exclude",
               "qcode: 1\n"
               "codes:\n"
               "  - id: a\n"
               "    words: [x]\n"
               "    exclude:\n"
               "      woorden: [y]\n",
               QC_ERR_SCHEMA, 6, 7, "unknown key 'woorden'");
  expect_error(t, "unknown key in negation",
               "qcode: 1\n"
               "settings:\n"
               "  negation:\n"
               "    voor: 3\n"
               "codes: [{id: a, words: [x]}]\n",
               QC_ERR_SCHEMA, 4, 5, "unknown key 'voor'");
}

static void type_errors(qc_test *t) {
  expect_error(t, "codes a scalar", "qcode: 1\ncodes: abc\n", QC_ERR_SCHEMA, 2,
               8, "'codes' must be a list");
  expect_error(t, "codes a mapping", "qcode: 1\ncodes:\n  id: a\n",
               QC_ERR_SCHEMA, 3, 3, "'codes' must be a list");
  expect_error(t, "code a scalar", "qcode: 1\ncodes:\n  - a\n", QC_ERR_SCHEMA,
               3, 5, "must be a mapping");
  expect_error(t, "words a scalar",
               "qcode: 1\n"
               "codes:\n"
               "  - id: a\n"
               "    words: goed\n",
               QC_ERR_SCHEMA, 4, 12, "'words' must be a list");
  expect_error(t, "word item a list",
               "qcode: 1\n"
               "codes:\n"
               "  - id: a\n"
               "    words: [goed, [fijn]]\n",
               QC_ERR_SCHEMA, 4, 19, "must be a scalar");
  expect_error(t, "negation not a bool",
               "qcode: 1\n"
               "codes:\n"
               "  - id: a\n"
               "    negation: misschien\n"
               "    words: [x]\n",
               QC_ERR_SCHEMA, 4, 15, "true or false");
  expect_error(t, "before not a number",
               "qcode: 1\n"
               "settings:\n"
               "  negation:\n"
               "    before: drie\n"
               "codes: [{id: a, words: [x]}]\n",
               QC_ERR_SCHEMA, 4, 13, "whole number");
  expect_error(t, "before a fraction",
               "qcode: 1\nsettings: {negation: {before: 2.5}}\n"
               "codes: [{id: a, words: [x]}]\n",
               QC_ERR_SCHEMA, 2, 31, "whole number");
  expect_error(t, "before negative",
               "qcode: 1\nsettings: {negation: {before: -1}}\n"
               "codes: [{id: a, words: [x]}]\n",
               QC_ERR_SCHEMA, 2, 31, "whole number");
  expect_error(t, "after too large",
               "qcode: 1\nsettings: {negation: {after: 51}}\n"
               "codes: [{id: a, words: [x]}]\n",
               QC_ERR_SCHEMA, 2, 30, "whole number");
  expect_error(t, "case not a choice",
               "qcode: 1\nsettings: {case: soms}\n"
               "codes: [{id: a, words: [x]}]\n",
               QC_ERR_SCHEMA, 2, 18, "'insensitive' or 'sensitive'");
  expect_error(t, "settings a list",
               "qcode: 1\nsettings: [a]\ncodes: [{id: a, words: [x]}]\n",
               QC_ERR_SCHEMA, 2, 11, "'settings' must be a mapping");
  expect_error(t, "label a list",
               "qcode: 1\ncodes: [{id: a, label: [x], words: [x]}]\n",
               QC_ERR_SCHEMA, 2, 24, "'label' must be a scalar");
  expect_error(t, "id a list", "qcode: 1\ncodes: [{id: [a], words: [x]}]\n",
               QC_ERR_SCHEMA, 2, 14, "'id' must be a scalar");
  expect_error(t, "mapping key not a scalar",
               "qcode: 1\ncodes: [{id: a, words: [x], [k]: v}]\n",
               QC_ERR_SCHEMA, 2, 29, "keys must be scalars");
}

static void duplicates(qc_test *t) {
  expect_error(t, "duplicate key in a code",
               "qcode: 1\n"
               "codes:\n"
               "  - id: a\n"
               "    words: [x]\n"
               "    words: [y]\n",
               QC_ERR_SCHEMA, 5, 5, "duplicate key 'words'");
  expect_error(t, "duplicate top-level key",
               "qcode: 1\nqcode: 1\ncodes: [{id: a, words: [x]}]\n",
               QC_ERR_SCHEMA, 2, 1, "duplicate key 'qcode'");
  expect_error(t, "duplicate key in settings",
               "qcode: 1\nsettings: {case: sensitive, case: insensitive}\n"
               "codes: [{id: a, words: [x]}]\n",
               QC_ERR_SCHEMA, 2, 29, "duplicate key 'case'");
  expect_error(t, "duplicate code id",
               "qcode: 1\n"
               "codes:\n"
               "  - id: a\n"
               "    words: [x]\n"
               "  - id: a\n"
               "    words: [y]\n",
               QC_ERR_SCHEMA, 5, 9, "duplicate code id");
  expect_error(t, "duplicate child id",
               "qcode: 1\n"
               "codes:\n"
               "  - id: p\n"
               "    codes:\n"
               "      - id: k\n"
               "        words: [x]\n"
               "      - id: k\n"
               "        words: [y]\n",
               QC_ERR_SCHEMA, 7, 13, "'p/k'");
  qc_codebook *cb = NULL;
  qc_error err;
  INT_EQ(t,
         load("qcode: 1\n"
              "codes:\n"
              "  - id: a\n"
              "    codes: [{id: k, words: [x]}]\n"
              "  - id: b\n"
              "    codes: [{id: k, words: [y]}]\n",
              &cb, &err),
         QC_OK, "the same id under different parents");
  if (cb) {
    INT_EQ(t, qc_codebook_code_find(cb, "b/k"), 3, "b/k");
    qc_codebook_free(cb);
  }
}

static void ids(qc_test *t) {
  static const char *const bad[] = {"Hoofdletter", "twee woorden", "-a",
                                    "_a",          "caf\xC3\xA9",  "a/b",
                                    "\"\""};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    char yaml[256];
    snprintf(yaml, sizeof yaml, "qcode: 1\ncodes:\n  - id: %s\n    words: [x]\n",
             bad[i]);
    expect_error(t, bad[i], yaml, QC_ERR_SCHEMA, 3, 9, "invalid code id");
  }
  char yaml[256], id[80];
  memset(id, 'a', 65);
  id[65] = '\0';
  snprintf(yaml, sizeof yaml, "qcode: 1\ncodes:\n  - id: %s\n    words: [x]\n",
           id);
  expect_error(t, "65-character id", yaml, QC_ERR_SCHEMA, 3, 9,
               "invalid code id");
  expect_error(t, "code without id",
               "qcode: 1\ncodes:\n  - label: x\n    words: [x]\n",
               QC_ERR_SCHEMA, 3, 5, "no 'id'");
  qc_codebook *cb = NULL;
  qc_error err;
  INT_EQ(t,
         load("qcode: 1\ncodes: [{id: 0a-b_c.d, words: [x]}]\n", &cb, &err),
         QC_OK, "id with digit, '-', '_' and '.'");
  qc_codebook_free(cb);
  id[64] = '\0';
  snprintf(yaml, sizeof yaml, "qcode: 1\ncodes:\n  - id: %s\n    words: [x]\n",
           id);
  cb = NULL;
  INT_EQ(t, load(yaml, &cb, &err), QC_OK, "64-character id");
  qc_codebook_free(cb);
}

static void rule_errors(qc_test *t) {
  expect_error(t, "empty words list",
               "qcode: 1\ncodes:\n  - id: a\n    words: []\n", QC_ERR_SCHEMA,
               4, 12, "empty list");
  expect_error(t, "invalid regex",
               "qcode: 1\ncodes:\n  - id: a\n    regex: ['(abc']\n",
               QC_ERR_REGEX, 4, 13, "code 'a'");
  expect_error(t, "invalid regex offset",
               "qcode: 1\ncodes:\n  - id: a\n    regex: ['(abc']\n",
               QC_ERR_REGEX, 4, 13, "offset 4");
  expect_error(t, "regex matching the empty string",
               "qcode: 1\ncodes:\n  - id: a\n    regex: ['x*']\n",
               QC_ERR_REGEX, 4, 13, "empty string");
  /* Zero-width patterns match nothing in "" but empty strings elsewhere;
   * they would count hits with empty spans. */
  expect_error(t, "lookahead only",
               "qcode: 1\ncodes:\n  - id: a\n    regex: ['(?=niet)']\n",
               QC_ERR_REGEX, 4, 13, "empty string");
  expect_error(t, "word boundary only",
               "qcode: 1\ncodes:\n  - id: a\n    regex: ['\\b']\n",
               QC_ERR_REGEX, 4, 13, "empty string");
  expect_error(t, "regex matching the empty string, nested code",
               "qcode: 1\ncodes:\n  - id: a\n    codes:\n"
               "      - id: b\n        regex: [ok, '(?:ja)?']\n",
               QC_ERR_REGEX, 6, 21, "code 'a/b'");
  expect_error(t, "word with a space",
               "qcode: 1\ncodes:\n  - id: a\n    words: [goed, 'twee woorden']\n",
               QC_ERR_SCHEMA, 4, 19, "white space");
  expect_error(t, "double star",
               "qcode: 1\ncodes:\n  - id: a\n    words: ['regi**']\n",
               QC_ERR_SCHEMA, 4, 13, "'**'");
  expect_error(t, "only a star",
               "qcode: 1\ncodes:\n  - id: a\n    words: ['*']\n",
               QC_ERR_SCHEMA, 4, 13, "no literal");
  expect_error(t, "double star in a phrase",
               "qcode: 1\ncodes:\n  - id: a\n    phrases: ['heel **']\n",
               QC_ERR_SCHEMA, 4, 15, "'**'");
  expect_error(t, "empty word",
               "qcode: 1\ncodes:\n  - id: a\n    words: ['']\n",
               QC_ERR_SCHEMA, 4, 13, "empty");
  expect_error(t, "blank phrase",
               "qcode: 1\ncodes:\n  - id: a\n    phrases: ['  ']\n",
               QC_ERR_SCHEMA, 4, 15, "empty");
  expect_error(t, "bad negation word",
               "qcode: 1\nsettings:\n  negation:\n    words: [niet, '**']\n"
               "codes: [{id: a, words: [x]}]\n",
               QC_ERR_SCHEMA, 4, 19, "negation word");
  expect_error(t, "empty negation words",
               "qcode: 1\nsettings:\n  negation:\n    words: []\n"
               "codes: [{id: a, words: [x]}]\n",
               QC_ERR_SCHEMA, 4, 12, "empty list");
}

/* A code without rules loads (a draft, or rules removed to see with `qcode
 * diff` what they did); qc_codebook_check flags it at the code's id, and a
 * parent whose children have no rules is flagged too. */
static void rule_less_codes(qc_test *t) {
  qc_codebook *cb = NULL;
  qc_error err;
  INT_EQ(t,
         load("qcode: 1\n"
              "codes:\n"
              "  - id: a\n"
              "    words: [x]\n"
              "  - id: b\n"
              "    label: leeg\n"
              "  - id: c\n"
              "    exclude:\n"
              "      words: [x]\n"
              "  - id: p\n"
              "    codes:\n"
              "      - id: k\n"
              "        label: x\n",
              &cb, &err),
         QC_OK, "codes without rules load");
  if (!cb)
    return;
  qc_check_result *r = NULL;
  size_t n = 0;
  INT_EQ(t, qc_codebook_check(cb, &r, &n, &err), QC_OK, "check runs");
  const char *want[] = {"b", "c", "p", "p/k"};
  unsigned lines[] = {5, 7, 10, 12};
  INT_EQ(t, n, 4, "four codes that are never coded");
  for (size_t i = 0; i < n && i < 4; i++) {
    STR_EQ(t, qc_codebook_code_path(cb, r[i].code), want[i], "flagged code");
    INT_EQ(t, r[i].kind, QC_CHECK_NO_RULES, "kind");
    OK(t, !r[i].passed, "a failure");
    INT_EQ(t, r[i].line, lines[i], "line of the code's id");
  }
  free(r);
  qc_codebook_free(cb);
}

static void recursion(qc_test *t) {
  /* An alias to the list that contains it. */
  qc_codebook *cb = (qc_codebook *)1;
  qc_error err;
  qc_status s = load("qcode: 1\ncodes: &x [*x]\n", &cb, &err);
  OK(t, s == QC_ERR_SCHEMA || s == QC_ERR_YAML,
     "self-referencing list is an error");
  OK(t, cb == NULL, "no codebook");
  OK(t, err.line > 0, "error has a position");
  /* A code whose children are the list it sits in. */
  s = load("qcode: 1\ncodes: &x [{id: a, words: [w], codes: *x}]\n", &cb,
           &err);
  OK(t, s == QC_ERR_SCHEMA || s == QC_ERR_YAML,
     "recursive codes list is an error");
  OK(t, strstr(err.msg, "deep") || strstr(err.msg, "recursive") ||
            strstr(err.msg, "alias"),
     "message explains the recursion");
  /* A code mapping that is its own child. */
  s = load("qcode: 1\ncodes:\n  - &m {id: a, words: [w], codes: [*m]}\n", &cb,
           &err);
  OK(t, s == QC_ERR_SCHEMA || s == QC_ERR_YAML,
     "recursive code mapping is an error");
  /* An alias bomb that passes the schema: each list holds ten codes whose
   * children are the previous list, so z7 would expand to 10^8 codes. */
  char bomb[4096];
  size_t n = (size_t)snprintf(bomb, sizeof bomb,
                              "qcode: 1\ncodes:\n  - id: z0\n    codes: &l0 [");
  for (int c = 0; c < 10; c++)
    n += (size_t)snprintf(bomb + n, sizeof bomb - n, "%s{id: %c, words: [w]}",
                          c ? ", " : "", 'a' + c);
  n += (size_t)snprintf(bomb + n, sizeof bomb - n, "]\n");
  for (int k = 1; k < 8; k++) {
    n += (size_t)snprintf(bomb + n, sizeof bomb - n,
                          "  - id: z%d\n    codes: &l%d [", k, k);
    for (int c = 0; c < 10; c++)
      n += (size_t)snprintf(bomb + n, sizeof bomb - n, "%s{id: %c, codes: *l%d}",
                            c ? ", " : "", 'a' + c, k - 1);
    n += (size_t)snprintf(bomb + n, sizeof bomb - n, "]\n");
  }
  s = load(bomb, &cb, &err);
  INT_EQ(t, s, QC_ERR_SCHEMA, "alias bomb is an error");
  OK(t, strstr(err.msg, "too large") != NULL, "message says too large");
  OK(t, cb == NULL, "no codebook");
}

/* Generates 'levels' nested codes, each with one child, the last with a
 * word rule. */
static char *nested(int levels) {
  size_t cap = (size_t)levels * (size_t)levels * 4 + 4096, n = 0;
  char *s = malloc(cap);
  n += (size_t)snprintf(s + n, cap - n, "qcode: 1\ncodes:\n");
  for (int i = 0; i < levels; i++) {
    int ind = 2 + 4 * i;
    n += (size_t)snprintf(s + n, cap - n, "%*s- id: l%d\n", ind, "", i);
    if (i + 1 < levels)
      n += (size_t)snprintf(s + n, cap - n, "%*s  codes:\n", ind, "");
    else
      n += (size_t)snprintf(s + n, cap - n, "%*s  words: [x]\n", ind, "");
  }
  return s;
}

static void deep_nesting(qc_test *t) {
  qc_codebook *cb = NULL;
  qc_error err;
  char *s = nested(10);
  INT_EQ(t, load(s, &cb, &err), QC_OK, "10 levels load");
  if (cb) {
    INT_EQ(t, qc_codebook_code_count(cb), 10, "10 codes");
    INT_EQ(t, qc_codebook_code_parent(cb, 9), 8, "parent of the deepest");
    qc_codebook_free(cb);
    cb = NULL;
  }
  free(s);
  s = nested(100);
  qc_status st = load(s, &cb, &err);
  INT_EQ(t, st, QC_ERR_SCHEMA, "100 levels refused");
  OK(t, cb == NULL, "no codebook");
  OK(t, strstr(err.msg, "deep") != NULL, "message says too deep");
  OK(t, err.line > 60, "error points into the deep part");
  free(s);
}

/* Ids made from names (REFI-QDA import): ASCII, folded, and stable, so
 * that an id made again from itself is the same id. */
static void ids_from_names(qc_test *t) {
  const char *names[] = {
      "Digitale vaardigheden", "Ëén  twee!", "_start", "---",
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa~~b",
      "_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa~~~~bbbb"};
  const char *want[] = {"digitale-vaardigheden", "een-twee", "code-_start",
                        "code", NULL, NULL};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    char *id = qc_id_from_name(names[i]);
    char *again = qc_id_from_name(id);
    if (want[i])
      STR_EQ(t, id, want[i], names[i]);
    STR_EQ(t, again, id, "an id made from an id is itself");
    size_t n = strlen(id);
    OK(t, n > 0 && n <= 64, "1 to 64 bytes");
    OK(t, id[n - 1] != '-' && id[n - 1] != '.', "no '-' or '.' at the end");
    free(again);
    free(id);
  }
}

int main(void) {
  qc_test t = QC_TEST_INIT;
  QC_RUN(&t, minimal);
  QC_RUN(&t, tree);
  QC_RUN(&t, settings);
  QC_RUN(&t, anchors);
  QC_RUN(&t, yaml_errors);
  QC_RUN(&t, offsets_are_bytes);
  QC_RUN(&t, version_errors);
  QC_RUN(&t, unknown_keys);
  QC_RUN(&t, type_errors);
  QC_RUN(&t, duplicates);
  QC_RUN(&t, ids);
  QC_RUN(&t, rule_errors);
  QC_RUN(&t, rule_less_codes);
  QC_RUN(&t, recursion);
  QC_RUN(&t, deep_nesting);
  QC_RUN(&t, ids_from_names);
  return qc_test_finish(&t);
}
