/* test_utf8.c: unit tests of src/utf8.c: decoding and validation, character
 * classes, grapheme breaks, folding for matching and the offset map between
 * original and folded text. */
#include "harness.h"
#include "utf8.h"
#include "buf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Decodes the string literal 's' (without its NUL) and checks the length
 * and code point. */
#define DECODE_EQ(t, s, want_n, want_cp)                                       \
  do {                                                                         \
    int32_t cp_ = 12345;                                                       \
    int n_ = qc_utf8_decode((s), sizeof(s) - 1, &cp_);                         \
    INT_EQ((t), n_, (want_n), "decode length of " #s);                         \
    INT_EQ((t), cp_, (want_cp), "decoded code point of " #s);                  \
  } while (0)

static void decode_valid(qc_test *t) {
  DECODE_EQ(t, "A", 1, 0x41);
  DECODE_EQ(t, "\x7F", 1, 0x7F);
  DECODE_EQ(t, "\xC3\xA9", 2, 0xE9);          /* é */
  DECODE_EQ(t, "\xC2\x80", 2, 0x80);          /* smallest 2-byte form */
  DECODE_EQ(t, "\xE2\x82\xAC", 3, 0x20AC);    /* € */
  DECODE_EQ(t, "\xE2\x80\x99", 3, 0x2019);    /* ’ */
  DECODE_EQ(t, "\xEF\xBF\xBD", 3, 0xFFFD);
  DECODE_EQ(t, "\xF0\x9F\x98\x80", 4, 0x1F600); /* 😀 */
  DECODE_EQ(t, "\xF4\x8F\xBF\xBF", 4, 0x10FFFF);
  /* Only the first code point is decoded. */
  DECODE_EQ(t, "\xC3\xABren", 2, 0xEB);
  int32_t cp = 0;
  INT_EQ(t, qc_utf8_decode("x", 0, &cp), 0, "empty input decodes nothing");
  INT_EQ(t, cp, -1, "empty input gives cp -1");
}

static void decode_invalid(qc_test *t) {
  DECODE_EQ(t, "\xC0\xAF", 0, -1);             /* overlong '/' */
  DECODE_EQ(t, "\xC1\xBF", 0, -1);             /* overlong */
  DECODE_EQ(t, "\xE0\x80\xAF", 0, -1);         /* overlong 3-byte '/' */
  DECODE_EQ(t, "\xF0\x80\x80\xAF", 0, -1);     /* overlong 4-byte '/' */
  DECODE_EQ(t, "\xED\xA0\x80", 0, -1);         /* surrogate U+D800 */
  DECODE_EQ(t, "\xED\xBF\xBF", 0, -1);         /* surrogate U+DFFF */
  DECODE_EQ(t, "\xF4\x90\x80\x80", 0, -1);     /* above U+10FFFF */
  DECODE_EQ(t, "\xF5\x80\x80\x80", 0, -1);
  DECODE_EQ(t, "\xFF", 0, -1);
  DECODE_EQ(t, "\x80", 0, -1);                 /* stray continuation */
  /* Truncated sequences. */
  DECODE_EQ(t, "\xC3", 0, -1);
  DECODE_EQ(t, "\xE2\x82", 0, -1);
  DECODE_EQ(t, "\xF0\x9F\x98", 0, -1);
  /* The length limit is respected even when more bytes follow in memory. */
  int32_t cp = 0;
  INT_EQ(t, qc_utf8_decode("\xE2\x82\xAC", 2, &cp), 0,
         "3-byte sequence cut at 2 bytes");
  INT_EQ(t, cp, -1, "cut sequence gives cp -1");
  /* Invalid continuation bytes. */
  DECODE_EQ(t, "\xC3\x28", 0, -1);
  DECODE_EQ(t, "\xE2\x28\xA1", 0, -1);
  DECODE_EQ(t, "\xE2\x82\x28", 0, -1);
  DECODE_EQ(t, "\xF0\x9F\x98\x41", 0, -1);
}

#define CHECK_EQ(t, s, want)                                                   \
  INT_EQ((t), qc_utf8_check((s), sizeof(s) - 1), (want), "check of " #s)

static void check(qc_test *t) {
  CHECK_EQ(t, "", 0);
  CHECK_EQ(t, "gewoon tekst", 12);
  CHECK_EQ(t, "cli\xC3\xABnt \xE2\x80\x99s \xF0\x9F\x98\x80", 17);
  CHECK_EQ(t, "a\0b", 3); /* NUL is valid UTF-8 */
  CHECK_EQ(t, "ab\xC0\xAF" "cd", 2);
  CHECK_EQ(t, "h\xC3\xA9llo\xED\xA0\x80", 6);
  CHECK_EQ(t, "ab\xE2\x82", 2);
  CHECK_EQ(t, "\xC3\xA9\xC3\x28", 2);
  CHECK_EQ(t, "abc\x80", 3);
  CHECK_EQ(t, "\xFE", 0);
}

static void count_and_encode(qc_test *t) {
  INT_EQ(t, qc_utf8_count("", 0), 0, "count of empty");
  INT_EQ(t, qc_utf8_count("cli\xC3\xABnt", 7), 6, "count of cliënt");
  INT_EQ(t, qc_utf8_count("\xF0\x9F\x98\x80!", 5), 2, "count of emoji + !");
  /* Invalid bytes count one each (utf8.h). */
  INT_EQ(t, qc_utf8_count("a\x80" "b", 3), 3,
         "stray continuation byte counts as one");
  INT_EQ(t, qc_utf8_count("\xC0\xAF", 2), 2,
         "overlong pair is two invalid bytes");

  char out[4];
  INT_EQ(t, qc_utf8_encode(0x41, out), 1, "encode A length");
  INT_EQ(t, (unsigned char)out[0], 0x41, "encode A byte");
  INT_EQ(t, qc_utf8_encode(0xEB, out), 2, "encode ë length");
  OK(t, memcmp(out, "\xC3\xAB", 2) == 0, "encode ë bytes");
  INT_EQ(t, qc_utf8_encode(0x201E, out), 3, "encode „ length");
  OK(t, memcmp(out, "\xE2\x80\x9E", 3) == 0, "encode „ bytes");
  INT_EQ(t, qc_utf8_encode(0x1F600, out), 4, "encode emoji length");
  OK(t, memcmp(out, "\xF0\x9F\x98\x80", 4) == 0, "encode emoji bytes");
  OK(t, strstr(qc_utf8_library_version(), "Unicode") != NULL,
     "library version names the Unicode version");
}

/* XML 1.0 section 2.2 [2] Char, at its edges */
static void xml_chars(qc_test *t) {
  static const struct {
    int32_t cp;
    bool ok;
  } edges[] = {{0x9, true},     {0xA, true},      {0xD, true},
               {0x0, false},    {0x1, false},     {0x1F, false},
               {0x20, true},    {0x85, true},     {0xD7FF, true},
               {0xD800, false}, {0xDFFF, false},  {0xE000, true},
               {0xFFFD, true},  {0xFFFE, false},  {0xFFFF, false},
               {0x10000, true}, {0x10FFFF, true}, {0x110000, false}};
  for (size_t i = 0; i < sizeof edges / sizeof *edges; i++) {
    char what[32];
    snprintf(what, sizeof what, "U+%04X", (unsigned)edges[i].cp);
    OK(t, qc_utf8_xml_allowed(edges[i].cp) == edges[i].ok, what);
  }

  qc_buf b = QC_BUF_INIT;
  qc_utf8_put_xml(&b, "a\x01" "b\xEF\xBF\xBF" "c\xFF" "d\xC3\xAB" "\xED\xA0\x80");
  OK(t, b.ptr && !strcmp(b.ptr, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD"
                               "d\xC3\xAB\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"),
     "put_xml: a refused character is one U+FFFD, an invalid byte too");
  qc_buf_release(&b);
}

static void classes(qc_test *t) {
  INT_EQ(t, qc_utf8_class('a'), QC_CC_LETTER, "a");
  INT_EQ(t, qc_utf8_class('Z'), QC_CC_LETTER, "Z");
  INT_EQ(t, qc_utf8_class(0xEB), QC_CC_LETTER, "ë");
  INT_EQ(t, qc_utf8_class(0xC9), QC_CC_LETTER, "É");
  INT_EQ(t, qc_utf8_class(0x133), QC_CC_LETTER, "ĳ");
  INT_EQ(t, qc_utf8_class(0xDF), QC_CC_LETTER, "ß");
  INT_EQ(t, qc_utf8_class(0x301), QC_CC_MARK, "combining acute");
  INT_EQ(t, qc_utf8_class('0'), QC_CC_DIGIT, "0");
  INT_EQ(t, qc_utf8_class('9'), QC_CC_DIGIT, "9");
  INT_EQ(t, qc_utf8_class(0x663), QC_CC_DIGIT, "arabic-indic three");
  INT_EQ(t, qc_utf8_class(0xBD), QC_CC_NUMERIC, "½");
  INT_EQ(t, qc_utf8_class(0x2163), QC_CC_NUMERIC, "roman numeral four");
  INT_EQ(t, qc_utf8_class(' '), QC_CC_SPACE, "space");
  INT_EQ(t, qc_utf8_class('\t'), QC_CC_SPACE, "tab");
  INT_EQ(t, qc_utf8_class('\n'), QC_CC_SPACE, "newline");
  INT_EQ(t, qc_utf8_class('\r'), QC_CC_SPACE, "CR");
  INT_EQ(t, qc_utf8_class(0xA0), QC_CC_SPACE, "no-break space");
  INT_EQ(t, qc_utf8_class(0x2029), QC_CC_SPACE, "paragraph separator");
  INT_EQ(t, qc_utf8_class('-'), QC_CC_DASH, "hyphen-minus");
  INT_EQ(t, qc_utf8_class(0x2011), QC_CC_DASH, "non-breaking hyphen");
  INT_EQ(t, qc_utf8_class(0x2013), QC_CC_DASH, "en dash");
  INT_EQ(t, qc_utf8_class('('), QC_CC_OPEN, "(");
  INT_EQ(t, qc_utf8_class(']'), QC_CC_CLOSE, "]");
  INT_EQ(t, qc_utf8_class(0x201E), QC_CC_OPEN, "„ is Ps");
  INT_EQ(t, qc_utf8_class(0x201C), QC_CC_QUOTE_I, "“ is Pi");
  INT_EQ(t, qc_utf8_class(0x2018), QC_CC_QUOTE_I, "‘ is Pi");
  INT_EQ(t, qc_utf8_class(0x2019), QC_CC_QUOTE_F, "’ is Pf");
  INT_EQ(t, qc_utf8_class(0x201D), QC_CC_QUOTE_F, "” is Pf");
  INT_EQ(t, qc_utf8_class('.'), QC_CC_PUNCT, ".");
  INT_EQ(t, qc_utf8_class('\''), QC_CC_PUNCT, "apostrophe");
  INT_EQ(t, qc_utf8_class('_'), QC_CC_PUNCT, "underscore (Pc)");
  INT_EQ(t, qc_utf8_class('+'), QC_CC_SYMBOL, "+");
  INT_EQ(t, qc_utf8_class(0x20AC), QC_CC_SYMBOL, "€");
  INT_EQ(t, qc_utf8_class('^'), QC_CC_SYMBOL, "^ (Sk)");
  INT_EQ(t, qc_utf8_class(0x1F600), QC_CC_SYMBOL_OTHER, "😀");
  INT_EQ(t, qc_utf8_class(0x1F44D), QC_CC_SYMBOL_OTHER, "👍");
  INT_EQ(t, qc_utf8_class(0x2764), QC_CC_SYMBOL_OTHER, "❤");
  INT_EQ(t, qc_utf8_class(0xAD), QC_CC_FORMAT, "soft hyphen");
  INT_EQ(t, qc_utf8_class(0x200D), QC_CC_FORMAT, "ZWJ");
  INT_EQ(t, qc_utf8_class(0x01), QC_CC_OTHER, "control");
  INT_EQ(t, qc_utf8_class(0xE000), QC_CC_OTHER, "private use");

  OK(t, qc_utf8_is_upper('A'), "A is upper");
  OK(t, !qc_utf8_is_upper('a'), "a is not upper");
  OK(t, qc_utf8_is_upper(0xC9), "É is upper");
  OK(t, !qc_utf8_is_upper(0xEB), "ë is not upper");
  OK(t, qc_utf8_is_upper(0x1C5), "ǅ (titlecase) counts as upper");
  OK(t, !qc_utf8_is_upper('1'), "digit is not upper");
}

static void grapheme_breaks(qc_test *t) {
  int32_t st = 0;
  OK(t, qc_utf8_grapheme_break('a', 'b', &st), "break between letters");
  st = 0;
  OK(t, !qc_utf8_grapheme_break('e', 0x301, &st),
     "no break before a combining mark");
  st = 0;
  OK(t, !qc_utf8_grapheme_break('\r', '\n', &st), "no break inside CRLF");
  /* 👩‍💻: woman, ZWJ, laptop is one cluster. */
  st = 0;
  OK(t, !qc_utf8_grapheme_break(0x1F469, 0x200D, &st), "no break before ZWJ");
  OK(t, !qc_utf8_grapheme_break(0x200D, 0x1F4BB, &st),
     "no break after ZWJ in an emoji sequence");
  OK(t, qc_utf8_grapheme_break(0x1F4BB, 'x', &st), "break after the cluster");
  /* 🇳🇱🇧: a flag, then a lone regional indicator. */
  st = 0;
  OK(t, !qc_utf8_grapheme_break(0x1F1F3, 0x1F1F1, &st),
     "no break inside a flag");
  OK(t, qc_utf8_grapheme_break(0x1F1F1, 0x1F1E7, &st),
     "break after a regional-indicator pair");
}

/* Folds the literal 's' with 'opts' and compares the whole result. */
#define FOLD_EQ(t, s, opts, want)                                              \
  do {                                                                         \
    size_t n_ = 999;                                                           \
    char *f_ = qc_fold_string((s), sizeof(s) - 1, (opts), &n_);                \
    STR_EQ((t), f_, (want), "fold of " #s);                                    \
    INT_EQ((t), n_, sizeof(want) - 1, "folded length of " #s);                 \
    free(f_);                                                                  \
  } while (0)

static void fold_strings(qc_test *t) {
  FOLD_EQ(t, "Cli\xC3\xABnt", QC_FOLD_CASE, "cli\xC3\xABnt");
  FOLD_EQ(t, "CLI\xC3\x8BNT", QC_FOLD_CASE, "cli\xC3\xABnt"); /* CLIËNT */
  FOLD_EQ(t, "Cli\xC3\xABnt", 0, "Cli\xC3\xABnt"); /* case kept */
  FOLD_EQ(t, "", QC_FOLD_CASE, "");
  FOLD_EQ(t, "Hallo Wereld 42", QC_FOLD_CASE, "hallo wereld 42");
  /* Compatibility: ligature, full-width, no-break space. */
  FOLD_EQ(t, "\xEF\xAC\x81", QC_FOLD_CASE, "fi");                 /* ﬁ */
  FOLD_EQ(t, "\xEF\xAC\x81" "ets", 0, "fiets");
  FOLD_EQ(t, "\xEF\xBC\xA1", QC_FOLD_CASE, "a");                  /* Ａ */
  FOLD_EQ(t, "a\xC2\xA0" "b", QC_FOLD_CASE, "a b");
  FOLD_EQ(t, "Stra\xC3\x9F" "e", QC_FOLD_CASE, "strasse");        /* ß */
  /* Curly single quotes become the ASCII apostrophe. */
  FOLD_EQ(t, "dat\xE2\x80\x99s", QC_FOLD_CASE, "dat's");
  FOLD_EQ(t, "\xE2\x80\x98ja\xE2\x80\x99", QC_FOLD_CASE, "'ja'");
  /* Curly double quotes become '"' (utf8.h: "curly quotes to ' and \""). */
  FOLD_EQ(t, "\xE2\x80\x9Cja\xE2\x80\x9D", QC_FOLD_CASE, "\"ja\"");
  /* Dashes become '-'. */
  FOLD_EQ(t, "e\xE2\x80\x91mail", QC_FOLD_CASE, "e-mail");        /* U+2011 */
  FOLD_EQ(t, "1\xE2\x80\x93" "2", QC_FOLD_CASE, "1-2");           /* – */
  /* Soft hyphens are removed. */
  FOLD_EQ(t, "regi\xC2\xADstratie", QC_FOLD_CASE, "registratie");
  FOLD_EQ(t, "\xC2\xAD", QC_FOLD_CASE, "");
  /* Marks are kept unless QC_FOLD_MARKS. */
  FOLD_EQ(t, "cre\xC3\xABren", QC_FOLD_CASE, "cre\xC3\xABren");
  FOLD_EQ(t, "cre\xC3\xABren", QC_FOLD_CASE | QC_FOLD_MARKS, "creeren");
  FOLD_EQ(t, "Cre\xC3\xABren", QC_FOLD_MARKS, "Creeren");
  FOLD_EQ(t, "\xC3\xA9\xC3\xA9n", QC_FOLD_CASE | QC_FOLD_MARKS, "een");
  /* A decomposed e + U+0301 composes to é (NFKC). */
  FOLD_EQ(t, "e\xCC\x81", QC_FOLD_CASE, "\xC3\xA9");
  FOLD_EQ(t, "Cafe\xCC\x81!", QC_FOLD_CASE, "caf\xC3\xA9!");
  FOLD_EQ(t, "E\xCC\x81", 0, "\xC3\x89");
  FOLD_EQ(t, "e\xCC\x81", QC_FOLD_CASE | QC_FOLD_MARKS, "e");
  /* Invalid bytes are copied unchanged. */
  FOLD_EQ(t, "A\xFF" "B", QC_FOLD_CASE, "a\xFF" "b");
  FOLD_EQ(t, "\xC3", QC_FOLD_CASE, "\xC3");
}

static void fold_reuse(qc_test *t) {
  qc_fold f = QC_FOLD_INIT(QC_FOLD_CASE);
  qc_fold_run(&f, "Een \xEF\xAC\x81" "ets", 10);
  STR_EQ(t, f.out, "een fiets", "first run");
  INT_EQ(t, f.len, 9, "first run length");
  qc_fold_run(&f, "OK", 2);
  STR_EQ(t, f.out, "ok", "second run replaces the first");
  INT_EQ(t, f.len, 2, "second run length");
  INT_EQ(t, qc_fold_to_orig(&f, 1), 1, "map of second run is linear");
  qc_fold_run(&f, "", 0);
  STR_EQ(t, f.out, "", "empty run");
  INT_EQ(t, qc_fold_to_folded(&f, 0), 0, "empty run maps 0 to 0");
  INT_EQ(t, qc_fold_to_orig(&f, 0), 0, "empty run maps 0 back to 0");
  qc_fold_release(&f);
  OK(t, f.out == NULL && f.anchors == NULL, "release frees the buffers");
  qc_fold_release(&f); /* twice is harmless */
}

static void map_ascii(qc_test *t) {
  const char *s = "Hallo Wereld, HOE gaat het?";
  size_t n = strlen(s);
  qc_fold f = QC_FOLD_INIT(QC_FOLD_CASE);
  qc_fold_run(&f, s, n);
  INT_EQ(t, f.len, n, "ASCII folds to the same length");
  int bad_to = 0, bad_back = 0;
  for (size_t i = 0; i <= n; i++) {
    if (qc_fold_to_folded(&f, i) != i)
      bad_to++;
    if (qc_fold_to_orig(&f, i) != i)
      bad_back++;
  }
  INT_EQ(t, bad_to, 0, "ASCII offsets map to themselves");
  INT_EQ(t, bad_back, 0, "ASCII offsets map back to themselves");
  qc_fold_release(&f);
}

static void map_quote(qc_test *t) {
  /* "Dat’s goed, zeg" : ’ is 3 bytes in the original, 1 folded. */
  const char *s = "Dat\xE2\x80\x99s goed, zeg";
  size_t n = strlen(s); /* 17 */
  qc_fold f = QC_FOLD_INIT(QC_FOLD_CASE);
  qc_fold_run(&f, s, n);
  STR_EQ(t, f.out, "dat's goed, zeg", "folded text");
  INT_EQ(t, f.len, n - 2, "folded length");
  /* Before the quote, offsets run in step. */
  for (size_t i = 0; i <= 3; i++) {
    INT_EQ(t, qc_fold_to_folded(&f, i), i, "offset before ’ to folded");
    INT_EQ(t, qc_fold_to_orig(&f, i), i, "offset before ’ to orig");
  }
  /* After it, they differ by 2 both ways: "s" at 6 -> 4, "goed" 8..12 ->
   * 6..10, "zeg" 14..17 -> 12..15. */
  INT_EQ(t, qc_fold_to_folded(&f, 6), 4, "'s' to folded");
  INT_EQ(t, qc_fold_to_orig(&f, 4), 6, "'s' to orig");
  INT_EQ(t, qc_fold_to_folded(&f, 8), 6, "'goed' start to folded");
  INT_EQ(t, qc_fold_to_folded(&f, 12), 10, "'goed' end to folded");
  INT_EQ(t, qc_fold_to_orig(&f, 6), 8, "'goed' start to orig");
  INT_EQ(t, qc_fold_to_orig(&f, 10), 12, "'goed' end to orig");
  INT_EQ(t, qc_fold_to_folded(&f, 14), 12, "'zeg' start to folded");
  INT_EQ(t, qc_fold_to_orig(&f, 12), 14, "'zeg' start to orig");
  INT_EQ(t, qc_fold_to_folded(&f, n), n - 2, "end to folded");
  INT_EQ(t, qc_fold_to_orig(&f, n - 2), n, "end to orig");
  /* Every offset after the quote round-trips. */
  int bad = 0;
  for (size_t i = 6; i <= n; i++)
    if (qc_fold_to_orig(&f, qc_fold_to_folded(&f, i)) != i)
      bad++;
  INT_EQ(t, bad, 0, "round trip after ’");
  /* Offsets inside the quote map to its start; its folded byte maps back
   * to the start of the original character. */
  INT_EQ(t, qc_fold_to_folded(&f, 4), 3, "inside ’ maps to its start");
  INT_EQ(t, qc_fold_to_orig(&f, 3), 3, "folded ' maps to start of ’");
  qc_fold_release(&f);
}

static void map_other_clusters(qc_test *t) {
  qc_fold f = QC_FOLD_INIT(QC_FOLD_CASE);
  /* ﬁ: 3 bytes -> 2. "ﬁets en" */
  qc_fold_run(&f, "\xEF\xAC\x81" "ets en", 9);
  STR_EQ(t, f.out, "fiets en", "ligature folded");
  INT_EQ(t, qc_fold_to_folded(&f, 3), 2, "'e' after ﬁ to folded");
  INT_EQ(t, qc_fold_to_folded(&f, 7), 6, "'en' to folded");
  INT_EQ(t, qc_fold_to_orig(&f, 6), 7, "'en' to orig");
  INT_EQ(t, qc_fold_to_orig(&f, 2), 3, "'e' after ﬁ to orig");
  INT_EQ(t, qc_fold_to_orig(&f, 0), 0, "ligature start to orig");
  /* Soft hyphen: 2 bytes -> 0. "ab<SHY>cd ef" */
  qc_fold_run(&f, "ab\xC2\xAD" "cd ef", 9);
  STR_EQ(t, f.out, "abcd ef", "soft hyphen removed");
  INT_EQ(t, qc_fold_to_folded(&f, 4), 2, "'c' after SHY to folded");
  INT_EQ(t, qc_fold_to_folded(&f, 7), 5, "'ef' to folded");
  INT_EQ(t, qc_fold_to_orig(&f, 5), 7, "'ef' to orig");
  INT_EQ(t, qc_fold_to_orig(&f, 1), 1, "'b' to orig");
  /* Decomposed é: 3 bytes -> 2. "Ce\u0301 x" */
  qc_fold_run(&f, "Ce\xCC\x81 x", 6);
  STR_EQ(t, f.out, "c\xC3\xA9 x", "decomposed é composed");
  INT_EQ(t, qc_fold_to_folded(&f, 4), 3, "space after é to folded");
  INT_EQ(t, qc_fold_to_folded(&f, 5), 4, "'x' to folded");
  INT_EQ(t, qc_fold_to_orig(&f, 4), 5, "'x' to orig");
  INT_EQ(t, qc_fold_to_orig(&f, 1), 1, "é to orig");
  /* Two clusters in a row: ’’ then a word. */
  qc_fold_run(&f, "\xE2\x80\x99\xE2\x80\x99" "ok", 8);
  STR_EQ(t, f.out, "''ok", "two quotes folded");
  INT_EQ(t, qc_fold_to_folded(&f, 3), 1, "second quote to folded");
  INT_EQ(t, qc_fold_to_orig(&f, 1), 3, "second quote to orig");
  INT_EQ(t, qc_fold_to_folded(&f, 6), 2, "'ok' to folded");
  INT_EQ(t, qc_fold_to_orig(&f, 2), 6, "'ok' to orig");
  qc_fold_release(&f);
}

static void map_same_length_clusters(qc_test *t) {
  /* ß folds to "ss" and ĳ to "ij": the same number of bytes, but two
   * characters for one. A folded offset between the two must not map into
   * the middle of the original character. */
  qc_fold f = QC_FOLD_INIT(QC_FOLD_CASE);
  qc_fold_run(&f, "Stra\xC3\x9F" "e", 7);
  STR_EQ(t, f.out, "strasse", "ß folded");
  INT_EQ(t, qc_fold_to_orig(&f, 4), 4, "first s of ß maps to ß");
  INT_EQ(t, qc_fold_to_orig(&f, 5), 4, "second s of ß maps to the start of ß");
  INT_EQ(t, qc_fold_to_orig(&f, 6), 6, "'e' after ß");
  INT_EQ(t, qc_fold_to_folded(&f, 6), 6, "'e' after ß to folded");
  INT_EQ(t, qc_fold_to_folded(&f, 4), 4, "ß to folded");
  qc_fold_run(&f, "b\xC4\xB3na", 5); /* bĳna */
  STR_EQ(t, f.out, "bijna", "ĳ folded");
  INT_EQ(t, qc_fold_to_orig(&f, 2), 1, "j of ĳ maps to the start of ĳ");
  INT_EQ(t, qc_fold_to_orig(&f, 3), 3, "'n' after ĳ");
  /* Same length and the same structure: É -> é maps one to one. */
  qc_fold_run(&f, "\xC3\x89\xC3\xA9n", 5);
  STR_EQ(t, f.out, "\xC3\xA9\xC3\xA9n", "ÉÉN folded");
  INT_EQ(t, qc_fold_to_orig(&f, 2), 2, "second é");
  INT_EQ(t, qc_fold_to_orig(&f, 4), 4, "'n'");
  qc_fold_release(&f);
}

int main(void) {
  qc_test t = QC_TEST_INIT;
  QC_RUN(&t, decode_valid);
  QC_RUN(&t, decode_invalid);
  QC_RUN(&t, check);
  QC_RUN(&t, count_and_encode);
  QC_RUN(&t, xml_chars);
  QC_RUN(&t, classes);
  QC_RUN(&t, grapheme_breaks);
  QC_RUN(&t, fold_strings);
  QC_RUN(&t, fold_reuse);
  QC_RUN(&t, map_ascii);
  QC_RUN(&t, map_quote);
  QC_RUN(&t, map_other_clusters);
  QC_RUN(&t, map_same_length_clusters);
  return qc_test_finish(&t);
}
