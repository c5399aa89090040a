/* test_coder.c: unit tests of src/coder.c with src/lexicon.c and src/match.c
 * behind it: word, wildcard, phrase and regex rules, case and diacritics
 * folding, exclude rules, negation, roll-up, spans and token counts.
 * Texts are plain words, spaces and simple punctuation, so the expectations
 * hold for any reasonable tokenizer. */
#include "harness.h"
#include "qcode.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fixture {
  qc_codebook *cb;
  qc_coder *coder;
  const qc_coding *res;
  const char *text;
  qc_status status;
} fixture;

static bool setup(qc_test *t, fixture *f, const char *yaml) {
  memset(f, 0, sizeof *f);
  qc_error err;
  qc_error_clear(&err);
  qc_status s = qc_codebook_load_mem(&f->cb, yaml, strlen(yaml), "cb.yaml", &err);
  if (!OK(t, s == QC_OK, "codebook loads")) {
    fprintf(stderr, "  %u:%u: %s\n", err.line, err.col, err.msg);
    return false;
  }
  f->coder = qc_coder_new(f->cb);
  return true;
}

static void teardown(fixture *f) {
  qc_coder_free(f->coder);
  qc_codebook_free(f->cb);
}

static const qc_coding *code(fixture *f, const char *text) {
  qc_error err;
  f->text = text;
  f->res = NULL;
  f->status = qc_coder_code(f->coder, text, strlen(text), &f->res, &err);
  return f->res;
}

static size_t idx(const fixture *f, const char *path) {
  size_t i = qc_codebook_code_find(f->cb, path);
  if (i == (size_t)-1) {
    fprintf(stderr, "no code '%s' in the test codebook\n", path);
    exit(2);
  }
  return i;
}

static long hits(const fixture *f, const char *path) {
  return f->res ? (long)f->res->hits[idx(f, path)] : -1;
}

static bool coded(const fixture *f, const char *path) {
  return f->res && f->res->coded[idx(f, path)];
}

/* Codes 'text' and checks whether code 'path' gets 'want' hits (coded when
 * want > 0). */
#define HITS(t, f, text, path, want)                                           \
  do {                                                                         \
    code((f), (text));                                                         \
    INT_EQ((t), hits((f), (path)), (want), path " hits in: " text);            \
    INT_EQ((t), coded((f), (path)), (want) > 0, path " coded in: " text);      \
  } while (0)

/* The segment text of span i. */
static void span_text(const fixture *f, size_t i, char *out, size_t size) {
  const qc_span *s = &f->res->spans[i];
  size_t n = s->end - s->start;
  if (n >= size)
    n = size - 1;
  memcpy(out, f->text + s->start, n);
  out[n] = '\0';
}

#define SPAN_EQ(t, f, i, want)                                                 \
  do {                                                                         \
    char buf_[128] = "(no span)";                                              \
    if ((f)->res && (i) < (f)->res->nspans)                                    \
      span_text((f), (i), buf_, sizeof buf_);                                  \
    STR_EQ((t), buf_, (want), "span text");                                    \
  } while (0)

/* ---- words and wildcards ---- */

static void words_exact(qc_test *t) {
  fixture f;
  if (!setup(t, &f,
             "qcode: 1\ncodes:\n"
             "  - id: winst\n    words: [tijdswinst, registratie]\n"
             "  - id: ander\n    words: [anders]\n"))
    return;
  HITS(t, &f, "Dat geeft tijdswinst.", "winst", 1);
  INT_EQ(t, f.res->nspans, 1, "one span");
  if (f.res->nspans == 1) {
    INT_EQ(t, f.res->spans[0].start, 10, "span start");
    INT_EQ(t, f.res->spans[0].end, 20, "span end");
    INT_EQ(t, f.res->spans[0].code, idx(&f, "winst"), "span code");
    INT_EQ(t, f.res->spans[0].rule, 0, "span rule");
  }
  OK(t, !coded(&f, "ander"), "other code not coded");
  INT_EQ(t, f.status, QC_OK, "status");
  HITS(t, &f, "tijdswinst en registratie en tijdswinst", "winst", 3);
  HITS(t, &f, "tijdswinsten", "winst", 0);
  HITS(t, &f, "extratijdswinst", "winst", 0);
  HITS(t, &f, "tijds winst", "winst", 0);
  HITS(t, &f, "", "winst", 0);
  INT_EQ(t, f.res->nspans, 0, "no spans for empty text");
  INT_EQ(t, f.res->tokens, 0, "no tokens in empty text");
  /* The coder is reused: nothing leaks from one segment into the next. */
  HITS(t, &f, "registratie", "winst", 1);
  HITS(t, &f, "anders", "winst", 0);
  INT_EQ(t, hits(&f, "ander"), 1, "second code hit");
  INT_EQ(t, f.res->nspans, 1, "spans reset between segments");
  teardown(&f);
}

static void wildcards(qc_test *t) {
  fixture f;
  if (!setup(t, &f,
             "qcode: 1\ncodes:\n"
             "  - id: prefix\n    words: ['registr*']\n"
             "  - id: suffix\n    words: ['*dossier']\n"
             "  - id: infix\n    words: ['*plan*']\n"
             "  - id: inner\n    words: ['zorg*plan']\n"
             "  - id: multi\n    words: ['cli\xC3\xABnt*', 'co*rdinatie']\n"))
    return;
  HITS(t, &f, "we registreren alles", "prefix", 1);
  HITS(t, &f, "de registratie", "prefix", 1);
  HITS(t, &f, "Registr", "prefix", 1);
  HITS(t, &f, "preregistratie", "prefix", 0);
  HITS(t, &f, "regist", "prefix", 0);
  HITS(t, &f, "het pati\xC3\xABntdossier", "suffix", 1);
  HITS(t, &f, "dossier", "suffix", 1);
  HITS(t, &f, "dossiers", "suffix", 0);
  HITS(t, &f, "zorgplannen", "infix", 1);
  HITS(t, &f, "plan", "infix", 1);
  HITS(t, &f, "planning en behandelplan", "infix", 2);
  HITS(t, &f, "plaan", "infix", 0);
  HITS(t, &f, "zorgbehandelplan", "inner", 1);
  HITS(t, &f, "zorgplan", "inner", 1);
  HITS(t, &f, "zorgplannen", "inner", 0);
  HITS(t, &f, "plan", "inner", 0);
  HITS(t, &f, "Cli\xC3\xABnten", "multi", 1);
  HITS(t, &f, "cli\xC3\xABnt", "multi", 1);
  HITS(t, &f, "clienten", "multi", 0);
  HITS(t, &f, "co\xC3\xB6rdinatie", "multi", 1); /* coördinatie */
  HITS(t, &f, "coordinatie", "multi", 1);
  HITS(t, &f, "co\xC3\xB6rdinaties", "multi", 0);
  teardown(&f);
}

/* ---- folding ---- */

static void case_folding(qc_test *t) {
  fixture f;
  if (!setup(t, &f,
             "qcode: 1\ncodes:\n"
             "  - id: a\n    words: [Zorg, '\xC3\xA9\xC3\xA9n']\n"
             "  - id: r\n    regex: ['Planlast']\n"))
    return;
  HITS(t, &f, "zorg", "a", 1);
  HITS(t, &f, "ZORG", "a", 1);
  HITS(t, &f, "Zorg", "a", 1);
  HITS(t, &f, "\xC3\x89\xC3\x89N", "a", 1); /* ÉÉN */
  HITS(t, &f, "planlast en PLANLAST", "r", 2);
  teardown(&f);

  if (!setup(t, &f,
             "qcode: 1\nsettings:\n  case: sensitive\ncodes:\n"
             "  - id: a\n    words: [Zorg]\n"
             "  - id: r\n    regex: ['Planlast']\n"))
    return;
  HITS(t, &f, "Zorg", "a", 1);
  HITS(t, &f, "zorg", "a", 0);
  HITS(t, &f, "ZORG", "a", 0);
  HITS(t, &f, "Planlast", "r", 1);
  HITS(t, &f, "planlast", "r", 0);
  teardown(&f);
}

static void diacritics(qc_test *t) {
  fixture f;
  /* Default: diacritics are kept. */
  if (!setup(t, &f,
             "qcode: 1\ncodes:\n"
             "  - id: plain\n    words: [creeren]\n"
             "  - id: marked\n    words: ['cre\xC3\xABren']\n"))
    return;
  HITS(t, &f, "cre\xC3\xABren", "plain", 0);
  HITS(t, &f, "cre\xC3\xABren", "marked", 1);
  HITS(t, &f, "creeren", "marked", 0);
  HITS(t, &f, "creeren", "plain", 1);
  /* A decomposed ë (e + U+0308) is the same word. */
  HITS(t, &f, "cre\x65\xCC\x88ren", "marked", 1);
  HITS(t, &f, "CRE\xC3\x8BREN", "marked", 1);
  teardown(&f);

  /* diacritics: fold, here after the codes (settings apply anyway). */
  if (!setup(t, &f,
             "qcode: 1\ncodes:\n"
             "  - id: plain\n    words: [creeren]\n"
             "  - id: marked\n    words: ['cre\xC3\xABren']\n"
             "  - id: rx\n    regex: ['\\bcre\xC3\xABren\\b']\n"
             "settings:\n  diacritics: fold\n"))
    return;
  HITS(t, &f, "cre\xC3\xABren", "plain", 1);
  HITS(t, &f, "creeren", "marked", 1);
  HITS(t, &f, "cre\xC3\xABren", "marked", 1);
  HITS(t, &f, "creeren", "rx", 1);
  HITS(t, &f, "cre\xC3\xABren", "rx", 1);
  HITS(t, &f, "cr\xC3\xA9\xC3\xA9ren", "plain", 1);
  teardown(&f);
}

/* ---- phrases ---- */

static void phrases(qc_test *t) {
  fixture f;
  if (!setup(t, &f,
             "qcode: 1\ncodes:\n"
             "  - id: p\n    phrases: [minder papierwerk]\n"
             "  - id: w\n    phrases: ['minder papier*', '*der regels']\n"
             "  - id: three\n    phrases: [heel erg goed]\n"))
    return;
  HITS(t, &f, "Dat is minder papierwerk.", "p", 1);
  SPAN_EQ(t, &f, 0, "minder papierwerk");
  HITS(t, &f, "Minder  PAPIERWERK", "p", 1);
  HITS(t, &f, "minder\npapierwerk", "p", 1);
  HITS(t, &f, "minder, papierwerk", "p", 0);
  HITS(t, &f, "minder. Papierwerk", "p", 0);
  HITS(t, &f, "minder veel papierwerk", "p", 0);
  HITS(t, &f, "papierwerk minder", "p", 0);
  HITS(t, &f, "minder", "p", 0);
  HITS(t, &f, "minder papierwerk en minder papierwerk", "p", 2);
  HITS(t, &f, "minder papiertjes", "w", 1);
  HITS(t, &f, "minder regels", "w", 1);
  HITS(t, &f, "ander regels", "w", 1);
  HITS(t, &f, "minder formulieren", "w", 0);
  HITS(t, &f, "het is heel erg goed", "three", 1);
  SPAN_EQ(t, &f, 0, "heel erg goed");
  HITS(t, &f, "heel erg, goed", "three", 0);
  HITS(t, &f, "heel erg", "three", 0);
  teardown(&f);
}

/* ---- regex ---- */

static void regexes(qc_test *t) {
  fixture f;
  if (!setup(t, &f,
             "qcode: 1\ncodes:\n"
             "  - id: een\n    regex: ['\\b\xC3\xA9\xC3\xA9n\\b']\n"
             "  - id: last\n    regex: ['planlast', 'fiets']\n"))
    return;
  HITS(t, &f, "Er is \xC3\xA9\xC3\xA9n ding.", "een", 1);
  SPAN_EQ(t, &f, 0, "\xC3\xA9\xC3\xA9n");
  /* With Unicode word characters, "géén" and "ééntje" have no word
   * boundary around "één". */
  HITS(t, &f, "g\xC3\xA9\xC3\xA9n", "een", 0);
  HITS(t, &f, "\xC3\xA9\xC3\xA9ntje", "een", 0);
  HITS(t, &f, "\xC3\x89\xC3\x89N", "een", 1);
  HITS(t, &f, "\xC3\xA9\xC3\xA9n, twee, \xC3\xA9\xC3\xA9n", "een", 2);
  INT_EQ(t, f.res->nspans, 2, "two spans");

  /* Spans are in the original text, also after a 3-byte ’. */
  const char *s = "Dat\xE2\x80\x99s planlast en nog eens PLANLAST";
  HITS(t, &f, "Dat\xE2\x80\x99s planlast en nog eens PLANLAST", "last", 2);
  if (f.res->nspans == 2) {
    INT_EQ(t, f.res->spans[0].start, 8, "first span start");
    INT_EQ(t, f.res->spans[0].end, 16, "first span end");
    INT_EQ(t, f.res->spans[1].start, 29, "second span start");
    INT_EQ(t, f.res->spans[1].end, 37, "second span end");
    INT_EQ(t, f.res->spans[1].end, strlen(s), "ends at the text's end");
  }
  SPAN_EQ(t, &f, 1, "PLANLAST");
  /* A ligature in the text: the span covers the original bytes. */
  HITS(t, &f, "De \xEF\xAC\x81" "ets staat buiten", "last", 1);
  SPAN_EQ(t, &f, 0, "\xEF\xAC\x81" "ets");
  /* A soft hyphen inside the match. */
  HITS(t, &f, "veel plan\xC2\xADlast hier", "last", 1);
  SPAN_EQ(t, &f, 0, "plan\xC2\xADlast");
  teardown(&f);
}

static void regex_limit(qc_test *t) {
  fixture f;
  if (!setup(t, &f, "qcode: 1\ncodes:\n  - id: slow\n    regex: ['(a|a)+b']\n"))
    return;
  char text[64];
  memset(text, 'a', 40);
  memcpy(text + 40, "!b", 3);
  qc_error err;
  qc_error_clear(&err);
  const qc_coding *res = NULL;
  qc_status s = qc_coder_code(f.coder, text, strlen(text), &res, &err);
  INT_EQ(t, s, QC_ERR_REGEX, "catastrophic backtracking stops");
  OK(t, strstr(err.msg, "slow") != NULL, "message names the code");
  OK(t, strstr(err.msg, "(a|a)+b") != NULL, "message names the rule");
  INT_EQ(t, err.line, 4, "position of the rule");
  /* The coder still works afterwards. */
  HITS(t, &f, "ab", "slow", 1);
  teardown(&f);
}

/* ---- exclude ---- */

static void excludes(qc_test *t) {
  fixture f;
  if (!setup(t, &f,
             "qcode: 1\ncodes:\n"
             "  - id: zorg\n"
             "    words: ['zorg*']\n"
             "    exclude:\n"
             "      words: [zorgverzekeraar]\n"
             "      regex: ['grap(je)?']\n"
             "  - id: ander\n"
             "    words: [zorgverzekeraar, grapje]\n"))
    return;
  HITS(t, &f, "de zorgverlening", "zorg", 1);
  HITS(t, &f, "zorgverlening en zorgverzekeraar", "zorg", 0);
  INT_EQ(t, f.res->nspans, 1, "only the other code's span remains");
  if (f.res->nspans == 1)
    INT_EQ(t, f.res->spans[0].code, idx(&f, "ander"), "span of 'ander'");
  INT_EQ(t, hits(&f, "ander"), 1, "other code unaffected");
  HITS(t, &f, "zorgverlening, maar een grapje", "zorg", 0);
  HITS(t, &f, "zorgverlening, maar een GRAP", "zorg", 0);
  INT_EQ(t, f.res->nspans, 0, "no spans of an excluded code");
  HITS(t, &f, "zorgverlening", "zorg", 1);
  teardown(&f);

  /* An excluded child does not count for its parent; its sibling does. */
  if (!setup(t, &f,
             "qcode: 1\ncodes:\n"
             "  - id: p\n    codes:\n"
             "      - id: a\n        words: [goed]\n"
             "        exclude:\n          phrases: [niet zo goed]\n"
             "      - id: b\n        words: [fijn]\n"))
    return;
  HITS(t, &f, "niet zo goed", "p/a", 0);
  INT_EQ(t, hits(&f, "p"), 0, "parent not coded through an excluded child");
  OK(t, !coded(&f, "p"), "parent not coded");
  HITS(t, &f, "niet zo goed maar fijn", "p", 1);
  INT_EQ(t, hits(&f, "p/a"), 0, "excluded child");
  INT_EQ(t, hits(&f, "p/b"), 1, "sibling");
  teardown(&f);
}

/* A mask cancels only the hits it overlaps; other hits of the code in the
 * same segment still count, and other codes are not touched. */
static void masks(qc_test *t) {
  fixture f;
  if (!setup(t, &f,
             "qcode: 1\ncodes:\n"
             "  - id: robot\n"
             "    words: ['robot*']\n"
             "    mask:\n"
             "      phrases: ['als een robot']\n"
             "      regex: ['robot\\s*stofzuiger']\n"
             "  - id: ander\n"
             "    words: [robot]\n"))
    return;
  HITS(t, &f, "ik werk als een robot", "robot", 0);
  INT_EQ(t, hits(&f, "ander"), 1, "another code's hit on the masked word");
  HITS(t, &f, "als een robot, naast de robotarm", "robot", 1);
  if (f.res->nspans >= 1)
    INT_EQ(t, f.res->spans[f.res->nspans - 1].code, idx(&f, "robot"),
           "the robotarm hit stays");
  HITS(t, &f, "een robotstofzuiger", "robot", 0);
  HITS(t, &f, "de robot", "robot", 1);
  teardown(&f);
}

/* ---- negation ---- */

static void negation(qc_test *t) {
  fixture f;
  if (!setup(t, &f,
             "qcode: 1\ncodes:\n"
             "  - id: pos\n    words: [goed]\n    phrases: [minder papierwerk]\n"
             "  - id: rx\n    regex: ['\\bgoed\\b']\n"
             "  - id: opt\n    negation: false\n    words: [fijn]\n"))
    return;
  HITS(t, &f, "goed", "pos", 1);
  HITS(t, &f, "niet goed", "pos", 0);
  HITS(t, &f, "NIET goed", "pos", 0);
  HITS(t, &f, "geen goed idee", "pos", 0);
  HITS(t, &f, "nooit echt goed", "pos", 0);
  HITS(t, &f, "niet echt heel goed", "pos", 0);     /* 3 words before */
  HITS(t, &f, "niet echt heel erg goed", "pos", 1); /* 4 words before */
  HITS(t, &f, "goed niet", "pos", 1);               /* after: 0 */
  HITS(t, &f, "Niet dus. Goed.", "pos", 1);         /* other sentence */
  HITS(t, &f, "Echt niet! Goed zo.", "pos", 1);
  HITS(t, &f, "niet goed, maar wel heel goed", "pos", 1);
  HITS(t, &f, "niet minder papierwerk", "pos", 0);
  HITS(t, &f, "minder papierwerk", "pos", 1);
  HITS(t, &f, "niet goed", "rx", 1); /* negation is for words and phrases */
  HITS(t, &f, "niet fijn", "opt", 1); /* negation: false */
  teardown(&f);

  if (!setup(t, &f,
             "qcode: 1\nsettings:\n  negation:\n"
             "    words: [nooit, 'nie*']\n    before: 1\n    after: 2\n"
             "codes:\n  - id: pos\n    words: [goed]\n"))
    return;
  HITS(t, &f, "geen goed idee", "pos", 1); /* not in the list any more */
  HITS(t, &f, "nooit goed", "pos", 0);
  HITS(t, &f, "niemand goed", "pos", 0); /* wildcard negator */
  HITS(t, &f, "nooit echt goed", "pos", 1); /* before: 1 */
  HITS(t, &f, "goed is nooit", "pos", 0);   /* after: 2 */
  HITS(t, &f, "goed is het nooit", "pos", 1);
  HITS(t, &f, "goed. Nooit", "pos", 1); /* not across a sentence end */
  teardown(&f);
}

/* ---- roll-up ---- */

static void rollup(qc_test *t) {
  fixture f;
  if (!setup(t, &f,
             "qcode: 1\ncodes:\n"
             "  - id: tone\n"
             "    words: [prima]\n"
             "    codes:\n"
             "      - id: pos\n"
             "        words: [goed]\n"
             "        codes:\n"
             "          - id: very\n"
             "            words: [super]\n"
             "      - id: neg\n"
             "        words: [slecht]\n"
             "  - id: other\n"
             "    words: [anders]\n"))
    return;
  HITS(t, &f, "goed en slecht", "tone", 2);
  INT_EQ(t, hits(&f, "tone/pos"), 1, "child pos");
  INT_EQ(t, hits(&f, "tone/neg"), 1, "child neg");
  OK(t, !coded(&f, "other"), "unrelated code");
  INT_EQ(t, f.res->nspans, 2, "spans belong to the children only");
  for (size_t i = 0; i < f.res->nspans; i++)
    OK(t, f.res->spans[i].code != idx(&f, "tone"), "no span for the parent");
  HITS(t, &f, "prima, goed", "tone", 2); /* own rule plus child */
  HITS(t, &f, "prima", "tone", 1);
  OK(t, !coded(&f, "tone/pos"), "parent's own rule does not code a child");
  HITS(t, &f, "super goed", "tone", 2);
  INT_EQ(t, hits(&f, "tone/pos"), 2, "grandchild rolls into child");
  INT_EQ(t, hits(&f, "tone/pos/very"), 1, "grandchild");
  HITS(t, &f, "super", "tone", 1);
  OK(t, coded(&f, "tone/pos"), "grandchild codes its parent");
  HITS(t, &f, "anders", "tone", 0);
  teardown(&f);
}

/* ---- tokens and spans ---- */

static void tokens(qc_test *t) {
  fixture f;
  if (!setup(t, &f, "qcode: 1\ncodes:\n  - id: a\n    words: [goed]\n"))
    return;
  code(&f, "Dit is, zeg maar, goed!");
  INT_EQ(t, f.res->tokens, 5, "five running words");
  code(&f, "...");
  INT_EQ(t, f.res->tokens, 0, "punctuation only");
  code(&f, "een twee\ndrie");
  INT_EQ(t, f.res->tokens, 3, "words over lines");
  teardown(&f);
}

static void spans(qc_test *t) {
  fixture f;
  if (!setup(t, &f,
             "qcode: 1\ncodes:\n"
             "  - id: r\n    regex: [fijn]\n"
             "  - id: w\n    words: [goed, 'zo''n']\n"
             "  - id: p\n    phrases: [en goed]\n"))
    return;
  const char *s = "fijn en goed, zo\xE2\x80\x99n goed en fijn";
  code(&f, s);
  INT_EQ(t, f.res->nspans, 6, "six spans");
  int sorted = 1, inside = 1;
  for (size_t i = 0; i < f.res->nspans; i++) {
    const qc_span *sp = &f.res->spans[i];
    if (sp->start >= sp->end || sp->end > strlen(s))
      inside = 0;
    if (i && sp->start < f.res->spans[i - 1].start)
      sorted = 0;
  }
  OK(t, sorted, "spans sorted by start");
  OK(t, inside, "spans inside the text");
  SPAN_EQ(t, &f, 0, "fijn");
  SPAN_EQ(t, &f, 1, "en goed");
  SPAN_EQ(t, &f, 2, "goed");
  SPAN_EQ(t, &f, 3, "zo\xE2\x80\x99n");
  SPAN_EQ(t, &f, 4, "goed");
  SPAN_EQ(t, &f, 5, "fijn");
  if (f.res->nspans == 6) {
    INT_EQ(t, f.res->spans[1].code, idx(&f, "p"), "phrase span code");
    INT_EQ(t, f.res->spans[2].code, idx(&f, "w"), "word span code");
    INT_EQ(t, f.res->spans[4].start, 21, "word after ’ in original offsets");
  }
  INT_EQ(t, hits(&f, "w"), 3, "word hits");
  teardown(&f);
}

static void distinct_hits(qc_test *t) {
  fixture f;
  if (!setup(t, &f,
             "qcode: 1\ncodes:\n"
             "  - id: a\n    words: [goed, 'go*']\n    regex: ['\\bgoed']\n"
             "  - id: b\n    words: [goed]\n    phrases: [heel goed]\n"))
    return;
  /* Three rules of 'a' match the same word: one hit, one span. */
  HITS(t, &f, "goed", "a", 1);
  INT_EQ(t, hits(&f, "b"), 1, "another code matching the same word");
  INT_EQ(t, f.res->nspans, 2, "one span per code");
  HITS(t, &f, "goed en goed", "a", 2);
  /* Different spans of one code are different hits. */
  HITS(t, &f, "heel goed", "b", 2);
  teardown(&f);
}

/* True when every span is non-empty, inside the text and cut at character
 * boundaries. */
static bool spans_whole(const fixture *f) {
  size_t len = strlen(f->text);
  for (size_t i = 0; i < f->res->nspans; i++) {
    const qc_span *sp = &f->res->spans[i];
    if (sp->start >= sp->end || sp->end > len ||
        qc_utf8_check(f->text + sp->start, sp->end - sp->start) !=
            sp->end - sp->start)
      return false;
  }
  return true;
}

static void regex_spans_in_clusters(qc_test *t) {
  fixture f;
  if (!setup(t, &f,
             "qcode: 1\ncodes:\n"
             "  - id: f\n    regex: ['f']\n"
             "  - id: s\n    regex: ['s']\n"
             "  - id: j\n    regex: ['j']\n"))
    return;
  /* A match of part of a ligature covers the whole ligature. */
  HITS(t, &f, "De \xEF\xAC\x81" "ets", "f", 1);
  SPAN_EQ(t, &f, 0, "\xEF\xAC\x81");
  OK(t, spans_whole(&f), "ﬁ: spans are whole characters");
  /* ß folds to "ss", ĳ to "ij": same length, two characters for one. */
  code(&f, "Stra\xC3\x9F" "e");
  OK(t, coded(&f, "s"), "s in Straße");
  OK(t, spans_whole(&f), "ß: spans are whole characters");
  code(&f, "b\xC4\xB3na");
  OK(t, coded(&f, "j"), "j in bĳna");
  SPAN_EQ(t, &f, 0, "\xC4\xB3");
  OK(t, spans_whole(&f), "ĳ: spans are whole characters");
  teardown(&f);
}

/* ---- the rule language: classes, gaps, near, negation modes ---- */

static void classes(qc_test *t) {
  fixture f;
  if (!setup(t, &f,
             "qcode: 1\nclasses:\n"
             "  time: [tijd, 'uur*']\n"
             "  all: ['@time', minuten]\n"
             "codes:\n"
             "  - id: a\n    words: ['@all']\n"
             "  - id: b\n    classes:\n      time: [dag]\n"
             "    words: ['@time']\n"
             "    codes:\n      - id: c\n        words: ['@time']\n"))
    return;
  HITS(t, &f, "veel tijd en uurtjes en minuten", "a", 3);
  HITS(t, &f, "een dag", "a", 0);
  HITS(t, &f, "een dag", "b/c", 1); /* the parent's class hides the top's */
  HITS(t, &f, "veel tijd", "b", 0);
  teardown(&f);
  /* errors: unknown class, a class that contains itself */
  const char *bad[] = {
      "qcode: 1\ncodes:\n  - id: a\n    words: ['@nope']\n",
      "qcode: 1\nclasses:\n  x: ['@y']\n  y: ['@x']\n"
      "codes:\n  - id: a\n    words: ['@x']\n",
      "qcode: 1\ncodes:\n  - id: a\n    phrases: ['[0-2] tijd']\n",
      "qcode: 1\ncodes:\n  - id: a\n    phrases: ['win [3-1] tijd']\n"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    qc_codebook *cb = NULL;
    qc_error err;
    qc_error_clear(&err);
    OK(t, qc_codebook_load_mem(&cb, bad[i], strlen(bad[i]), "x", &err) ==
              QC_ERR_SCHEMA,
       "bad class or gap refused");
    qc_codebook_free(cb);
  }
}

static void gaps(qc_test *t) {
  fixture f;
  if (!setup(t, &f,
             "qcode: 1\ncodes:\n"
             "  - id: g\n    phrases: ['tijd [0-2] over']\n"
             "  - id: s\n    phrases: ['win * tijd']\n"))
    return;
  HITS(t, &f, "tijd over", "g", 1);
  HITS(t, &f, "tijd voor hen over", "g", 1);
  HITS(t, &f, "tijd voor al hen over", "g", 0); /* three words */
  HITS(t, &f, "tijd, maar over", "g", 0);       /* a clause ends */
  HITS(t, &f, "win wat tijd", "s", 1);
  HITS(t, &f, "win tijd", "s", 0); /* '*' is one word */
  HITS(t, &f, "tijd niet over", "g", 0); /* a negator inside a gap */
  code(&f, "zo blijft er tijd voor hen over");
  SPAN_EQ(t, &f, 0, "tijd voor hen over");
  teardown(&f);
}

/* Punctuation marks, the segment's start and any word at a phrase's end
 * are tokens too. */
static void token_items(qc_test *t) {
  fixture f;
  if (!setup(t, &f,
             "qcode: 1\nclasses:\n  denial: [allerminst, nee]\n"
             "codes:\n"
             "  - id: v\n    phrases: ['dat werkt .|!']\n"
             "  - id: q\n    phrases: ['* ? @denial']\n"
             "  - id: s\n    phrases: ['^ minder *', '^ voor mij : minder']\n"))
    return;
  HITS(t, &f, "En dat werkt.", "v", 1);
  HITS(t, &f, "Ja dat werkt!", "v", 1);
  HITS(t, &f, "Ja dat werkt...", "v", 1); /* made of '.' only */
  HITS(t, &f, "Dat werkt goed.", "v", 0);
  HITS(t, &f, "Dat werkt?", "v", 0);
  HITS(t, &f, "Dat werkt", "v", 0); /* no mark at all */
  HITS(t, &f, "Sneller? Allerminst.", "q", 1);
  HITS(t, &f, "Sneller, allerminst.", "q", 0);
  HITS(t, &f, "? Nee.", "q", 0); /* '*' needs a word */
  HITS(t, &f, "Minder vinkjes.", "s", 1);
  HITS(t, &f, "Minder.", "s", 0); /* '*' needs a word after it */
  HITS(t, &f, "We willen minder vinkjes.", "s", 0);
  HITS(t, &f, "Voor mij: minder.", "s", 1);
  HITS(t, &f, "Voor mij minder.", "s", 0);
  code(&f, "Sneller? Allerminst.");
  SPAN_EQ(t, &f, 0, "Sneller? Allerminst");
  teardown(&f);
}

static void near_rules(qc_test *t) {
  fixture f;
  if (!setup(t, &f,
             "qcode: 1\nclasses:\n  gain: [winnen, wint]\n"
             "  time: [tijd, uren]\n  plan: [idee]\n"
             "codes:\n"
             "  - id: n\n    rules:\n"
             "      - near: ['@gain', '@time']\n        within: 3\n"
             "  - id: o\n    rules:\n"
             "      - near: ['@gain', '@time']\n        ordered: true\n"
             "        scope: clause\n"
             "  - id: u\n    rules:\n"
             "      - near: ['@gain', '@time']\n        not-near: '@plan'\n"))
    return;
  HITS(t, &f, "we winnen veel tijd", "n", 1);
  HITS(t, &f, "tijd winnen we", "n", 1); /* either order */
  HITS(t, &f, "we winnen er heel veel tijd", "n", 0); /* 4 words apart */
  HITS(t, &f, "we winnen. Tijd", "n", 0); /* another sentence */
  HITS(t, &f, "we winnen geen tijd", "n", 0); /* negator between them */
  HITS(t, &f, "tijd winnen we", "o", 0);
  HITS(t, &f, "winnen, maar tijd", "o", 0); /* clause scope */
  HITS(t, &f, "winnen en tijd", "o", 1);
  HITS(t, &f, "het idee: winnen en tijd", "u", 0); /* scope: sentence */
  HITS(t, &f, "het idee was winnen en tijd", "u", 0);
  HITS(t, &f, "het idee is goed en zo en dan winnen en tijd", "u", 1);
  HITS(t, &f, "het idee. Winnen en tijd", "u", 1);
  code(&f, "we winnen veel tijd");
  SPAN_EQ(t, &f, 0, "winnen veel tijd");
  teardown(&f);
}

static void negation_modes(qc_test *t) {
  fixture f;
  if (!setup(t, &f,
             "qcode: 1\nclasses:\n  gain: [tijdswinst, sneller]\n"
             "codes:\n"
             "  - id: opt\n    words: ['@gain']\n"
             "  - id: pes\n    rules:\n"
             "      - words: ['@gain']\n        negation: invert\n"
             "  - id: inv\n    negation: invert\n    words: [snel]\n"
             "  - id: rx\n    rules:\n"
             "      - regex: '\\bgoed\\b'\n        negation: on\n"))
    return;
  HITS(t, &f, "geen tijdswinst", "opt", 0);
  HITS(t, &f, "geen tijdswinst", "pes", 1);
  HITS(t, &f, "tijdswinst", "pes", 0);
  HITS(t, &f, "niet snel", "inv", 1);
  HITS(t, &f, "snel", "inv", 0);
  HITS(t, &f, "niet goed", "rx", 0);
  HITS(t, &f, "goed", "rx", 1);
  code(&f, "dat is niet sneller");
  SPAN_EQ(t, &f, 0, "niet sneller"); /* an inverted hit holds its negator */
  teardown(&f);
}

static void separable_verbs(qc_test *t) {
  fixture f;
  if (!setup(t, &f,
             "qcode: 1\ncodes:\n  - id: v\n    verbs: [invullen]\n"))
    return;
  HITS(t, &f, "ze vult het formulier in", "v", 1);
  HITS(t, &f, "het is ingevuld", "v", 1);
  HITS(t, &f, "om het in te vullen", "v", 1);
  HITS(t, &f, "ze vult het formulier", "v", 0); /* no particle */
  HITS(t, &f, "ze vult het, maar in", "v", 0);  /* not in the clause */
  teardown(&f);
}

static void tracing(qc_test *t) {
  fixture f;
  if (!setup(t, &f,
             "qcode: 1\nclasses:\n  gain: {verbs: [winnen]}\n"
             "codes:\n  - id: a\n    words: ['@gain']\n"
             "    mask:\n      phrases: ['winnen is']\n"))
    return;
  qc_coder_set_trace(f.coder, true);
  code(&f, "we wonnen niet. Niet gewonnen. Winnen is fijn.");
  size_t n;
  const qc_trace_event *e = qc_coder_trace(f.coder, &n);
  INT_EQ(t, n, 4, "events: one counted, one negated, one masked, one mask");
  if (n == 4) {
    INT_EQ(t, e[0].status, QC_TRACE_COUNTED, "wonnen counted");
    STR_EQ(t, e[0].matched ? e[0].matched : "", "verbs: winnen (past plural)",
           "what wonnen matched");
    INT_EQ(t, e[1].status, QC_TRACE_NEGATED, "gewonnen negated");
    INT_EQ(t, e[1].cause_end - e[1].cause_start, 4, "by 'Niet'");
    INT_EQ(t, e[2].status, QC_TRACE_MASKED, "winnen masked");
    INT_EQ(t, e[3].status, QC_TRACE_MASK, "the mask's own match");
  }
  teardown(&f);
}

int main(void) {
  qc_test t = QC_TEST_INIT;
  QC_RUN(&t, words_exact);
  QC_RUN(&t, wildcards);
  QC_RUN(&t, case_folding);
  QC_RUN(&t, diacritics);
  QC_RUN(&t, phrases);
  QC_RUN(&t, regexes);
  QC_RUN(&t, regex_limit);
  QC_RUN(&t, excludes);
  QC_RUN(&t, masks);
  QC_RUN(&t, negation);
  QC_RUN(&t, rollup);
  QC_RUN(&t, tokens);
  QC_RUN(&t, spans);
  QC_RUN(&t, distinct_hits);
  QC_RUN(&t, regex_spans_in_clusters);
  QC_RUN(&t, classes);
  QC_RUN(&t, gaps);
  QC_RUN(&t, token_items);
  QC_RUN(&t, near_rules);
  QC_RUN(&t, negation_modes);
  QC_RUN(&t, separable_verbs);
  QC_RUN(&t, tracing);
  return qc_test_finish(&t);
}
