/* test_prefilter.c: the literal and prefix analysis of regex rules, and the promise
 * that the prefilter never changes a coding: every segment of the sample
 * corpus coded with the pre-rewrite codebook (210 regexes) gives the same codes, hits and
 * spans with and without it. */
#include "codebook.h"
#include "harness.h"
#include "prefilter.h"

#include <glob.h>
#include <stdlib.h>
#include <string.h>

/* The literals of 'pat' (with 'prefix': those matches start with) joined
 * with '|', sorted, or "-" for none. */
static void literals(const char *pat, bool caseless, bool prefix, char *out,
                     size_t size) {
  char **l;
  size_t n;
  if (!qc_regex_literals(pat, strlen(pat), caseless, prefix, &l, &n)) {
    snprintf(out, size, "-");
    return;
  }
  for (size_t i = 1; i < n; i++) /* insertion sort: a handful */
    for (size_t j = i; j > 0 && strcmp(l[j - 1], l[j]) > 0; j--) {
      char *x = l[j];
      l[j] = l[j - 1];
      l[j - 1] = x;
    }
  out[0] = '\0';
  for (size_t i = 0; i < n; i++) {
    if (i)
      strncat(out, "|", size - strlen(out) - 1);
    strncat(out, l[i], size - strlen(out) - 1);
    free(l[i]);
  }
  free(l);
}

#define LITS(t, pat, caseless, want)                                           \
  do {                                                                         \
    char got_[512];                                                            \
    literals((pat), (caseless), false, got_, sizeof got_);                    \
    STR_EQ(t, got_, want, pat);                                                \
  } while (0)

#define PREFIXES(t, pat, want)                                                 \
  do {                                                                         \
    char got_[512];                                                            \
    literals((pat), true, true, got_, sizeof got_);                           \
    STR_EQ(t, got_, want, pat);                                                \
  } while (0)

static void analysis(qc_test *t) {
  LITS(t, "tijdswinst", true, "tijdswinst");
  LITS(t, "\\bgeen\\s+tijdswinst\\b", true, "tijdswinst");
  LITS(t, "\\b(?:app|tablet)s?\\b", true, "app|tablet");
  LITS(t, "winst|verlies", true, "verlies|winst");
  LITS(t, "EPD", true, "epd");
  LITS(t, "EPD", false, "EPD");
  LITS(t, "Cliënt", true, "cliënt");
  LITS(t, "a+b", true, "ab");
  LITS(t, "xa+b", true, "xa");        /* "xa" and "ab" both hold */
  LITS(t, "xa+bc", true, "abc");
  LITS(t, "ge+n{1,2}s", true, "ge");
  LITS(t, "ab*c", true, "a");
  LITS(t, "(?=niet)gaan", true, "gaan");
  LITS(t, "(?<!niet )meer", true, "meer");
  LITS(t, "x{2,3}yz", true, "xyz");
  LITS(t, "x{0,3}yz", true, "yz");
  LITS(t, "foo\\.bar", true, "foo.bar");
  LITS(t, "(?<naam>vrijwillig\\w+)", true, "vrijwillig");
  LITS(t, "[abc]def", true, "def");
  LITS(t, "[]x]yyy", true, "yyy");
  LITS(t, "\\p{L}+heid", true, "heid");
  /* No fixed text, or syntax the reader does not know: no filter. */
  LITS(t, "\\w+", true, "-");
  LITS(t, "a|\\d+", true, "-");
  LITS(t, "(?:a|)", true, "-");
  LITS(t, "x?", true, "-");
  LITS(t, "(?i)abc", true, "-");
  LITS(t, "\\Qa.b\\E", true, "-");
  LITS(t, "(a)\\1", true, "-");
  LITS(t, "(*UTF)abc", true, "-");
  LITS(t, "\\x41bc", true, "abc");
  LITS(t, "collega\\x27s", true, "collega's");
  LITS(t, "caf\\x{e9}", true, "café");
  LITS(t, "\\x{zz}", true, "-");
  LITS(t, "abc(", true, "-");
  LITS(t, "[abc", true, "-");
}

static void prefixes(qc_test *t) {
  PREFIXES(t, "tijdswinst", "tijdswinst");
  PREFIXES(t, "\\bgeen\\s+tijdswinst\\b", "geen");
  PREFIXES(t, "\\b(?:app|tablet)s?\\b", "app|tablet");
  PREFIXES(t, "(?<!niet )(?:meer|minder) tijd", "meer|minder");
  PREFIXES(t, "^(?=x)abc", "abc");
  PREFIXES(t, "winst|(?:ver(?:lies|lizen))", "ver|winst");
  PREFIXES(t, "ab+c", "ab");
  PREFIXES(t, "(?:ab)+c", "ab");
  PREFIXES(t, "Cliënt\\w*", "cliënt");
  /* After a leading \w+ or \w*, the literal carries a marker: the match
   * starts in the word run before it. */
  PREFIXES(t, "\\w+heid", "\x02heid");
  PREFIXES(t, "\\b(?:\\w*applicatie\\w*|app)\\b", "\x01" "applicatie|app");
  /* \b first adds QC_PREFIX_BOUNDARY (0x10) to the marker */
  PREFIXES(t, "\\b\\w+\\s*\\?\\s*nee", "\x13?");
  PREFIXES(t, "\\b\\w*opleiding", "\x11opleiding");
  PREFIXES(t, "\\w+\\s+heid", "\x04heid");
  /* Matches that can start elsewhere: no prefix set. */
  PREFIXES(t, "\\w*\\s+heid", "-");
  PREFIXES(t, "\\w+\\s+\\w+heid", "-");
  PREFIXES(t, "\\w+\\bheid", "-");
  PREFIXES(t, "\\w{2}heid", "-");
  PREFIXES(t, "\\x01abc", "-");
  PREFIXES(t, "x?yz", "x|yz"); /* starts with the optional atom or after it */
  PREFIXES(t, "x*yz", "x|yz");
  PREFIXES(t, "\\b(?:op\\s+)?(?:twee|drie)\\s+plaatsen", "drie|op|twee");
  PREFIXES(t, "(?:a|)?b", "-");
  {
    /* ten thousand optional atoms: the reader gives up, no deep recursion */
    static char many[20004];
    for (int i = 0; i < 10000; i++)
      memcpy(many + 2 * i, "a?", 2);
    memcpy(many + 20000, "bcd", 4);
    PREFIXES(t, many, "-");
  }
  PREFIXES(t, "(?:a|)b", "-");
  PREFIXES(t, "(?:x)?abc", "abc|x");
  PREFIXES(t, "(?:x)?\\w+", "-");
  PREFIXES(t, "[ab]cd", "-");
  PREFIXES(t, "winst|\\d+", "-");
  PREFIXES(t, "\\Gabc", "-"); /* true only at the search's start */
  PREFIXES(t, "(*COMMIT)abc", "-");
}

static void automaton(qc_test *t) {
  qc_prefilter *pf = qc_prefilter_new();
  qc_prefilter_add(pf, "he", 2, 0, false);
  qc_prefilter_add(pf, "she", 3, 1, false);
  qc_prefilter_add(pf, "his", 3, 2, false);
  qc_prefilter_add(pf, "hers", 4, 3, true);
  qc_prefilter_add(pf, "cliënt", strlen("cliënt"), 4, true);
  qc_prefilter_add(pf, "e", 1, 4, true);
  OK(t, qc_prefilter_build(pf), "a small automaton builds");
  bool hit[5] = {false};
  qc_prefilter_found st = {0};
  qc_prefilter_scan(pf, "ushers", 6, hit, &st);
  OK(t, hit[0] && hit[1] && !hit[2] && hit[3] && hit[4],
     "Aho and Corasick's example: ushers has he, she, hers");
  /* u s h e r s: "she" and "he" end at 3 (she first: the longer match is
   * the state's own output), "e" too, "hers" at 5 */
  INT_EQ(t, st.nrules, 4, "four rules listed once each");
  OK(t, st.nrules == 4 && st.rules[3] == 3, "hers listed last");
  INT_EQ(t, st.n, 2, "prefix literals found: e, hers");
  OK(t, st.n == 2 && st.v[0].rule == 4 && st.v[0].at == 3 &&
            st.v[1].rule == 3 && st.v[1].at == 2,
     "starts in the order the literals end");
  memset(hit, 0, sizeof hit);
  qc_prefilter_scan(pf, "de cliënten", strlen("de cliënten"), hit, &st);
  OK(t, hit[4] && !hit[0], "multi-byte literal inside a word");
  /* d e _ c l i ë(2 bytes) n t e n: "e" at 1, cliënt at 3, "e" at 10 */
  INT_EQ(t, st.n, 3, "three prefix starts");
  OK(t, st.n == 3 && st.v[0].at == 1 && st.v[1].at == 3 && st.v[2].at == 10,
     "byte offsets of the starts");
  free(st.v);
  free(st.rules);
  qc_prefilter_free(pf);
  qc_prefilter_free(NULL);
}

/* The pre-rewrite default codebook: some 210 regexes (today's default has
 * two, both anchored at the segment start, which skip the prefilter). */
static qc_codebook *load_default(qc_test *t) {
  const char *src = getenv("QCODE_SOURCE_DIR");
  char path[4096];
  snprintf(path, sizeof path, "%s/tests/fixtures/digitalisering-v1.yaml",
           src ? src : ".");
  qc_codebook *cb = NULL;
  qc_error err;
  qc_error_clear(&err);
  if (qc_codebook_load(&cb, path, &err) != QC_OK)
    fprintf(stderr, "%s:%u: %s\n", err.file, err.line, err.msg);
  OK(t, cb != NULL, "pre-rewrite codebook loads");
  return cb;
}

static bool same_coding(const qc_codebook *cb, const qc_coding *a,
                        const qc_coding *b) {
  if (a->nspans != b->nspans || a->tokens != b->tokens)
    return false;
  for (size_t i = 0; i < cb->ncodes; i++)
    if (a->coded[i] != b->coded[i] || a->hits[i] != b->hits[i])
      return false;
  for (size_t i = 0; i < a->nspans; i++)
    if (memcmp(&a->spans[i], &b->spans[i], sizeof a->spans[i]))
      return false;
  return true;
}

static void corpus_unchanged(qc_test *t) {
  qc_codebook *with = load_default(t), *without = load_default(t);
  if (!with || !without) {
    qc_codebook_free(with);
    qc_codebook_free(without);
    return;
  }
  without->no_prefilter = true;
  size_t filtered = 0, regexes = 0, anchored = 0;
  for (size_t i = 0; i < with->nrules; i++)
    if (with->rules[i].kind == QC_RULE_REGEX) {
      regexes++;
      filtered += with->rules[i].filtered;
      anchored += with->rules[i].anchored != NULL;
    }
  fprintf(stderr, "prefilter: %zu of %zu regex rules filtered, %zu of them "
          "tried only where a prefix literal starts\n", filtered, regexes,
          anchored);
  OK(t, filtered * 2 > regexes, "most regex rules of the codebook filtered");
  const char *src = getenv("QCODE_SOURCE_DIR");
  char pattern[4096];
  snprintf(pattern, sizeof pattern, "%s/corpus/*.txt", src ? src : ".");
  glob_t g;
  OK(t, glob(pattern, 0, NULL, &g) == 0, "corpus found");
  qc_coder *ca = qc_coder_new(with), *cb = qc_coder_new(without);
  size_t segments = 0, differ = 0;
  for (size_t f = 0; f < g.gl_pathc; f++) {
    qc_transcript *tr;
    if (qc_transcript_open(&tr, g.gl_pathv[f], NULL, NULL, NULL) != QC_OK)
      continue;
    const qc_segment *seg;
    while (qc_transcript_next(tr, &seg, NULL) == QC_OK && seg) {
      const qc_coding *x, *y;
      if (qc_coder_code(ca, seg->text, seg->len, &x, NULL) != QC_OK ||
          qc_coder_code(cb, seg->text, seg->len, &y, NULL) != QC_OK) {
        differ++;
        continue;
      }
      segments++;
      /* Both results live in their own coder until its next call. */
      differ += !same_coding(with, x, y);
    }
    qc_transcript_free(tr);
  }
  globfree(&g);
  OK(t, segments > 500, "the whole corpus was coded");
  INT_EQ(t, differ, 0, "segments whose coding the prefilter changed");
  qc_coder_free(ca);
  qc_coder_free(cb);
  qc_codebook_free(with);
  qc_codebook_free(without);
}

/* Texts built to probe the start positions: white space of every kind
 * before a literal, word runs with accents, a run longer than
 * QC_PREFIX_MAX_RUN, overlapping literals. Coded with and without the
 * prefilter, they must give the same spans. */
static void edge_texts(qc_test *t) {
  static const char yaml[] =
      "qcode: 1\nname: edge\ncodes:\n"
      "  - id: vraag\n"
      "    regex: ['\\b\\w+\\s*\\?\\s*(?:nee|neen)\\b']\n"
      "  - id: sp\n"
      "    regex: ['\\w+\\s+winst\\w*']\n"
      "  - id: run\n"
      "    regex: ['\\b\\w+opleiding\\w*', '\\w*app\\b']\n"
      "  - id: opt\n"
      "    regex: ['\\b(?:op\\s+)?(?:twee|drie)\\s+plaatsen']\n"
      /* the same pattern in another code: matched once, counted for both */
      "  - id: dup\n"
      "    regex: ['\\b\\w+\\s*\\?\\s*(?:nee|neen)\\b']\n"
      "    exclude:\n"
      "      regex: ['\\b(?:op\\s+)?(?:twee|drie)\\s+plaatsen']\n";
  qc_codebook *with = NULL, *without = NULL;
  qc_error err;
  OK(t, qc_codebook_load_mem(&with, yaml, sizeof yaml - 1, "e.yaml", &err) ==
            QC_OK, "edge codebook loads");
  OK(t, qc_codebook_load_mem(&without, yaml, sizeof yaml - 1, "e.yaml", &err) ==
            QC_OK, "edge codebook loads twice");
  if (!with || !without) {
    qc_codebook_free(with);
    qc_codebook_free(without);
    return;
  }
  without->no_prefilter = true;
  char longrun[700];
  memset(longrun, 'a', 600);
  strcpy(longrun + 600, "opleiding ? nee");
  const char *texts[] = {
      "Werkt dat ? nee", "Werkt dat?nee", "Werkt dat\u00a0?\u2028nee",
      "dat\u3000? neen", "café\u202f? nee", "é ? nee", "? nee", "a?nee",
      "de tijdswinst en   winst\u2029winsten", "  winst",
      "bijscholingsopleiding, opleiding, herOpleidingen", "webapp app apps",
      "caféopleiding ’sopleiding €opleiding é_opleiding x\u2019opleiding",
      "op twee plaatsen, op  drie plaatsen, tweeplaatsen", longrun,
      "één ?nee ééN ? nee", "Klopt dat? Nee, op twee plaatsen."};
  qc_coder *ca = qc_coder_new(with), *cb = qc_coder_new(without);
  size_t differ = 0, spans = 0;
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
    const qc_coding *x, *y;
    if (qc_coder_code(ca, texts[i], strlen(texts[i]), &x, NULL) != QC_OK ||
        qc_coder_code(cb, texts[i], strlen(texts[i]), &y, NULL) != QC_OK) {
      differ++;
      continue;
    }
    spans += x->nspans;
    size_t vraag = qc_codebook_code_find(with, "vraag"),
           dup = qc_codebook_code_find(with, "dup"),
           opt = qc_codebook_code_find(with, "opt");
    bool excluded = x->hits[opt] > 0;
    if (x->hits[dup] != (excluded ? 0 : x->hits[vraag]) ||
        x->coded[dup] != (!excluded && x->coded[vraag])) {
      differ++;
      fprintf(stderr, "a shared pattern counted differently in: %s\n",
              texts[i]);
    }
    if (!same_coding(with, x, y)) {
      differ++;
      fprintf(stderr, "prefilter changed the coding of: %s\n", texts[i]);
    }
  }
  INT_EQ(t, differ, 0, "edge texts coded the same with the prefilter");
  OK(t, spans >= 15, "the edge texts have matches to compare");
  qc_coder_free(ca);
  qc_coder_free(cb);
  qc_codebook_free(with);
  qc_codebook_free(without);
}

int main(void) {
  qc_test t = QC_TEST_INIT;
  QC_RUN(&t, analysis);
  QC_RUN(&t, prefixes);
  QC_RUN(&t, automaton);
  QC_RUN(&t, corpus_unchanged);
  QC_RUN(&t, edge_texts);
  return qc_test_finish(&t);
}
