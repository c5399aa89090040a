/* tokenize.c: the Dutch tokenizer, the stage between segmenting and coding.
 * One left-to-right pass cuts the text into tokens (words, abbreviations,
 * numbers, dates, times, URLs, e-mail addresses, punctuation, quotes,
 * symbols, emoji, emoticons); a second pass over the tokens marks sentence
 * ends. The rules are in docs/TOKENIZER.md; ucto's tokconfig-nld is the
 * reference. Every rule looks ahead a bounded distance or consumes what it
 * scans (or remembers where a scan failed), so the time is linear. */
#include "qcode.h"
#include "abbrev.h"
#include "memory.h"
#include "utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Set during the first pass on the token before a blank line; cleared at
 * the end. */
#define TOKF_PARA (1u << 15) /* the top bit of qc_token.flags */

struct qc_tokenizer {
  qc_token *toks;
  size_t n, cap;
  const unsigned char *s; /* the text of the current run */
  size_t len;
  size_t email_fail;  /* no e-mail address starts before this offset */
  size_t domain_fail; /* no bare domain name starts before this offset */
};

/* ---- ASCII classes: the fast path never calls utf8proc ---- */

enum {
  SP = 1,  /* whitespace */
  LO = 2,  /* a-z */
  UP = 4,  /* A-Z */
  DI = 8,  /* 0-9 */
  LC = 16, /* may continue the local part of an e-mail address */
  EN = 32  /* ends a plain word: nothing to look at after it */
};
#define AL (LO | UP)
#define AN (LO | UP | DI)

/* clang-format off */
static const unsigned char ascii[128] = {
    0,     0,     0,     0,     0,     0,     0,     0,     /* */
    0,     SP|EN, SP|EN, SP|EN, SP|EN, SP|EN, 0,     0,     /* */
    0,     0,     0,     0,     0,     0,     0,     0,     /* */
    0,     0,     0,     0,     0,     0,     0,     0,     /* */
    SP|EN, EN,    EN,    0,     0,     LC,    0,     0,     /* !"#$%&' */
    0,     EN,    0,     LC,    EN,    LC,    LC,    0,     /* ()*+,-./ */
    DI,    DI,    DI,    DI,    DI,    DI,    DI,    DI,    /* 0-7 */
    DI,    DI,    0,     EN,    0,     0,     0,     EN,    /* 89:;<=>? */
    LC,    UP,    UP,    UP,    UP,    UP,    UP,    UP,    /* @A-G */
    UP,    UP,    UP,    UP,    UP,    UP,    UP,    UP,    /* H-O */
    UP,    UP,    UP,    UP,    UP,    UP,    UP,    UP,    /* P-W */
    UP,    UP,    UP,    0,     0,     EN,    0,     LC,    /* XYZ[\]^_ */
    0,     LO,    LO,    LO,    LO,    LO,    LO,    LO,    /* `a-g */
    LO,    LO,    LO,    LO,    LO,    LO,    LO,    LO,    /* h-o */
    LO,    LO,    LO,    LO,    LO,    LO,    LO,    LO,    /* p-w */
    LO,    LO,    LO,    0,     0,     EN,    0,     0,     /* xyz{|}~ */
};
/* clang-format on */

/* What a word has seen (scan_run, scan_word). */
enum {
  I_ALPHA = 1,  /* a letter or mark (anything but ASCII digits) */
  I_DIGIT = 2,  /* an ASCII digit */
  I_JOINED = 4, /* more than one run: hyphen, apostrophe, parentheses */
  I_APOS = 8    /* an apostrophe suffix: foto's */
};

/* ---- characters ---- */

/* The byte at i, or -1 past the end (texts may contain NUL). */
static inline int byte_at(const qc_tokenizer *tz, size_t i) {
  return i < tz->len ? tz->s[i] : -1;
}

static inline bool digit_at(const qc_tokenizer *tz, size_t i) {
  return i < tz->len && tz->s[i] >= '0' && tz->s[i] <= '9';
}

/* The code point at i and its length in '*n': -1 with n = 1 for a bad byte,
 * -2 with n = 0 past the end. */
static int32_t cp_at(const qc_tokenizer *tz, size_t i, size_t *n) {
  if (i >= tz->len) {
    *n = 0;
    return -2;
  }
  if (tz->s[i] < 0x80) {
    *n = 1;
    return tz->s[i];
  }
  int32_t cp;
  int k = qc_utf8_decode((const char *)tz->s + i, tz->len - i, &cp);
  *n = k > 0 ? (size_t)k : 1;
  return k > 0 ? cp : -1;
}

static bool is_space_cp(int32_t cp) {
  if (cp < 0)
    return false;
  if (cp < 0x80)
    return (ascii[cp] & SP) != 0;
  /* Zero-width space and a stray byte-order mark separate words too. */
  return cp == 0x200B || cp == 0xFEFF || qc_utf8_class(cp) == QC_CC_SPACE;
}

static bool space_at(const qc_tokenizer *tz, size_t i) {
  size_t n;
  return is_space_cp(cp_at(tz, i, &n));
}

/* Length of the word character (letter, mark, digit) at i, or 0. A format
 * character such as a soft hyphen or a zero-width joiner counts when a
 * letter, mark or digit follows it. */
static size_t word_at(const qc_tokenizer *tz, size_t i) {
  if (i >= tz->len)
    return 0;
  if (tz->s[i] < 0x80)
    return (ascii[tz->s[i]] & AN) ? 1 : 0;
  size_t n;
  int32_t cp = cp_at(tz, i, &n);
  if (cp < 0)
    return 0;
  switch (qc_utf8_class(cp)) {
  case QC_CC_LETTER:
  case QC_CC_MARK:
  case QC_CC_DIGIT:
  case QC_CC_NUMERIC:
    return n;
  case QC_CC_FORMAT: {
    if (cp == 0x200B || cp == 0xFEFF)
      return 0;
    size_t m;
    int32_t next = cp_at(tz, i + n, &m);
    if (next < 0x80)
      return next >= 0 && (ascii[next] & AN) ? n : 0;
    qc_charclass c = qc_utf8_class(next);
    return c == QC_CC_LETTER || c == QC_CC_MARK || c == QC_CC_DIGIT ? n : 0;
  }
  default:
    return 0;
  }
}

/* Length of the letter at i, or 0. */
static size_t alpha_at(const qc_tokenizer *tz, size_t i) {
  if (i >= tz->len)
    return 0;
  if (tz->s[i] < 0x80)
    return (ascii[tz->s[i]] & AL) ? 1 : 0;
  size_t n;
  int32_t cp = cp_at(tz, i, &n);
  return cp >= 0 && qc_utf8_class(cp) == QC_CC_LETTER ? n : 0;
}

static bool upper_at(const qc_tokenizer *tz, size_t i) {
  size_t n;
  int32_t cp = cp_at(tz, i, &n);
  if (cp < 0)
    return false;
  return cp < 0x80 ? (ascii[cp] & UP) != 0 : qc_utf8_is_upper(cp);
}

/* Length of a hyphen that can join a compound at i, or 0: - U+2010 U+2011,
 * the en dash U+2013 (ranges and pairs: 2018–2019, Noord–Zuid), and the
 * look-alikes that exported or converted text puts in a hyphen's place:
 * the figure dash U+2012, the minus sign U+2212, the small and fullwidth
 * hyphen-minus U+FE63 and U+FF0D (ucto joins all of them). */
static size_t hyphen_at(const qc_tokenizer *tz, size_t i) {
  int b = byte_at(tz, i);
  if (b == '-')
    return 1;
  int c = byte_at(tz, i + 1), d = byte_at(tz, i + 2);
  if ((b == 0xE2 && c == 0x80 && d >= 0x90 && d <= 0x93) || /* U+2010-2013 */
      (b == 0xE2 && c == 0x88 && d == 0x92) ||              /* U+2212 */
      (b == 0xEF && c == 0xB9 && d == 0xA3) ||              /* U+FE63 */
      (b == 0xEF && c == 0xBC && d == 0x8D))                /* U+FF0D */
    return 3;
  return 0;
}

/* Where an elliptical compound's hyphen may end (familie- en thuiszorg,
 * land-, tuin- en bosbouw): before a space, a comma or the end. */
static bool elliptic_end(const qc_tokenizer *tz, size_t i) {
  return i == tz->len || byte_at(tz, i) == ',' || space_at(tz, i);
}

/* Length of an apostrophe at i: ' ` ´ ‘ ’, or 0. */
static size_t apos_at(const qc_tokenizer *tz, size_t i) {
  int b = byte_at(tz, i);
  if (b == '\'' || b == '`')
    return 1;
  if (b == 0xC2 && byte_at(tz, i + 1) == 0xB4)
    return 2;
  if (b == 0xE2 && byte_at(tz, i + 1) == 0x80) {
    int c = byte_at(tz, i + 2);
    if (c == 0x98 || c == 0x99)
      return 3;
  }
  return 0;
}

/* True when an apostrophe ends right before offset i. */
static bool apos_before(const qc_tokenizer *tz, size_t i) {
  return (i >= 1 && apos_at(tz, i - 1) == 1) ||
         (i >= 2 && apos_at(tz, i - 2) == 2) ||
         (i >= 3 && apos_at(tz, i - 3) == 3);
}

/* True when the character before p is a space, an opening bracket or an
 * opening quote, or p starts the text. */
static bool opens_at(const qc_tokenizer *tz, size_t p) {
  if (p == 0)
    return true;
  size_t k = p - 1;
  while (k > 0 && p - k < 4 && (tz->s[k] & 0xC0) == 0x80)
    k--;
  size_t n;
  int32_t cp = cp_at(tz, k, &n);
  if (k + n != p)
    return false;
  return is_space_cp(cp) || cp == '(' || cp == '[' || cp == '"' || cp == '\'' ||
         cp == 0x201C || cp == 0x2018 || cp == 0x201E || cp == 0xAB;
}

/* ASCII letters at i, lowercased into 'out' (at most 'max'); returns their
 * number, or max + 1 when there are more. */
static size_t ascii_letters(const qc_tokenizer *tz, size_t i, char *out,
                            size_t max) {
  size_t k = 0;
  while (k <= max && i + k < tz->len && tz->s[i + k] < 0x80 &&
         (ascii[tz->s[i + k]] & AL)) {
    if (k < max)
      out[k] = (char)(tz->s[i + k] | 0x20);
    k++;
  }
  if (k <= max)
    out[k] = '\0';
  return k;
}

/* Case-insensitive: s[i..i+n) equals the lowercase ASCII 'word'. */
static bool ascii_is(const qc_tokenizer *tz, size_t i, size_t n,
                     const char *word) {
  if (strlen(word) != n || i + n > tz->len)
    return false;
  for (size_t k = 0; k < n; k++) {
    unsigned char c = tz->s[i + k];
    if ((c >= 'A' && c <= 'Z' ? c | 0x20 : c) != (unsigned char)word[k])
      return false;
  }
  return true;
}

static bool in_list(const char *w, const char *const *list) {
  for (; *list; list++)
    if (strcmp(w, *list) == 0)
      return true;
  return false;
}

/* ---- words ---- */

/* Scans a run of word characters from i; returns its end. */
static size_t scan_run(const qc_tokenizer *tz, size_t i, unsigned *info) {
  const unsigned char *s = tz->s;
  size_t len = tz->len;
  unsigned seen = 0; /* ORed ascii[] classes: a local, not through 'info' */
  for (;;) {
    while (i < len && s[i] < 0x80 && (ascii[s[i]] & AN))
      seen |= ascii[s[i++]];
    size_t n = word_at(tz, i);
    if (n == 0)
      break;
    seen |= LO;
    i += n;
  }
  *info |= ((seen & AL) ? I_ALPHA : 0) | ((seen & DI) ? I_DIGIT : 0);
  return i;
}

/* Letters after an apostrophe that stay attached to the word before it:
 * foto's, zo'n, d'r, baby'tje, auto'ke, Let's, don't, I'm, we're. */
static const char *const apos_suffixes[] = {
    "s",  "t",  "n",   "r",   "k",    "m",  "d",   "ll", "re",
    "ve", "je", "jes", "tje", "tjes", "ke", "kes", NULL};

/* Length of an apostrophe suffix at i (after the apostrophe), or 0. */
static size_t suffix_at(const qc_tokenizer *tz, size_t i) {
  char w[5];
  size_t k = ascii_letters(tz, i, w, 4);
  if (k == 0 || k > 4 || word_at(tz, i + k))
    return 0;
  return in_list(w, apos_suffixes) ? k : 0;
}

/* A parenthesised affix at i: "(" 1-15 letters, optional "-", ")"; returns
 * the offset after ")", or 0. (samen)werken, (oud-)studenten, koning(in). */
static size_t paren_at(const qc_tokenizer *tz, size_t i) {
  if (byte_at(tz, i) != '(')
    return 0;
  size_t j = i + 1, k = 0, n;
  while (k < 16 && (n = alpha_at(tz, j)) > 0) {
    j += n;
    k++;
  }
  if (k == 0 || k > 15)
    return 0;
  if (byte_at(tz, j) == '-')
    j++;
  return byte_at(tz, j) == ')' ? j + 1 : 0;
}

/* Kees' fiets: a capitalised name ending in s, x or z, an apostrophe and a
 * space, not itself opened by an apostrophe ('Kees' is quoted). */
static bool possessive(const qc_tokenizer *tz, size_t start, size_t end,
                       size_t a, unsigned info) {
  if (end - start < 2 || (info & (I_JOINED | I_DIGIT)) || !upper_at(tz, start))
    return false;
  int last = tz->s[end - 1];
  if (last != 's' && last != 'x' && last != 'z')
    return false;
  return space_at(tz, end + a) && !apos_before(tz, start);
}

/* Scans a word whose token starts at 'start', with its runs starting at
 * 'pos' (after a prefix such as "(samen)" or "'s-"). Runs are joined by a
 * hyphen, an apostrophe suffix, a parenthesised affix or an underscore;
 * digits keep inner . , / (20.000, 2,5, 1/3). A hyphen before a space or a
 * comma stays (familie- en thuiszorg). Returns the end. */
static size_t scan_word(const qc_tokenizer *tz, size_t start, size_t pos,
                        unsigned *info) {
  const unsigned char *s = tz->s;
  size_t len = tz->len, runs = 0, first_end = 0;
  bool want_run = true;
  for (;;) {
    if (want_run) {
      size_t rs = pos;
      pos = scan_run(tz, pos, info);
      while (pos > rs && pos + 1 < len &&
             (s[pos] == '.' || s[pos] == ',' || s[pos] == '/') &&
             digit_at(tz, pos - 1) && digit_at(tz, pos + 1))
        pos = scan_run(tz, pos + 1, info);
      if (pos > rs && ++runs == 1)
        first_end = pos;
    }
    want_run = true;
    size_t h = hyphen_at(tz, pos), a, g;
    /* A soft hyphen (U+00AD) in a hyphen's place ends a word too. */
    if (!h && pos > start && byte_at(tz, pos) == 0xC2 &&
        byte_at(tz, pos + 1) == 0xAD && elliptic_end(tz, pos + 2))
      h = 2;
    if (h) {
      if (word_at(tz, pos + h)) {
        pos += h;
        *info |= I_JOINED;
        continue;
      }
      if (elliptic_end(tz, pos + h)) {
        *info |= I_JOINED;
        return pos + h;
      }
      return pos;
    }
    if ((a = apos_at(tz, pos)) > 0) {
      size_t k = suffix_at(tz, pos + a);
      if (k) {
        pos += a + k;
        *info |= I_JOINED | I_APOS;
        want_run = false;
        continue;
      }
      /* d'Hondt, l'amour, O'Neill: one letter, an apostrophe, a word. */
      if (runs == 1 && first_end == pos && start + alpha_at(tz, start) == pos &&
          alpha_at(tz, pos + a)) {
        pos += a;
        *info |= I_JOINED;
        continue;
      }
      if (runs == 1 && possessive(tz, start, pos, a, *info)) {
        *info |= I_JOINED;
        return pos + a;
      }
      return pos;
    }
    if ((g = paren_at(tz, pos)) > 0) {
      pos = g;
      *info |= I_JOINED;
      continue;
    }
    if (byte_at(tz, pos) == '_' && word_at(tz, pos + 1)) {
      pos++;
      *info |= I_JOINED;
      continue;
    }
    return pos;
  }
}

/* ---- things with dots: abbreviations, URLs, domains, e-mail ---- */

/* An abbreviation by its shape: 2-8 segments of 1-3 letters with periods,
 * at most one segment longer than one letter (o.a. i.p.v. a.d.h.v. Ph.D.).
 * The final period may be missing when all segments are single letters. */
static size_t shape_at(const qc_tokenizer *tz, size_t p) {
  size_t i = p, nseg = 0, nlong = 0;
  bool final = false;
  for (;;) {
    size_t j = i, k = 0, n;
    while (k < 4 && (n = alpha_at(tz, j)) > 0) {
      j += n;
      k++;
    }
    if (k == 0 || k > 3) {
      if (nseg == 0 || !final)
        return 0;
      break; /* o.a.deze: the abbreviation is o.a. */
    }
    nseg++;
    if (k > 1 && ++nlong > 1)
      return 0;
    i = j;
    if (byte_at(tz, i) != '.') {
      final = false;
      break;
    }
    i++;
    final = true;
    if (nseg == 8)
      break;
  }
  if (nseg < 2)
    return 0;
  if (!final && (nlong > 0 || word_at(tz, i)))
    return 0;
  return i;
}

/* The rest of a URL from i: up to a space or a character that cannot be in
 * one, without trailing punctuation or an unmatched closing bracket. */
static size_t url_tail(const qc_tokenizer *tz, size_t start, size_t i) {
  const unsigned char *s = tz->s;
  size_t j = i, n;
  while (j < tz->len) {
    unsigned char b = s[j];
    if (b < 0x80) {
      if ((ascii[b] & SP) || b < 0x20 || b == '"' || b == '<' || b == '>')
        break;
      j++;
    } else if ((n = word_at(tz, j)) > 0) {
      j += n;
    } else {
      break;
    }
  }
  size_t open = 0, close = 0, sopen = 0, sclose = 0;
  for (size_t k = start; k < j; k++) {
    open += s[k] == '(';
    close += s[k] == ')';
    sopen += s[k] == '[';
    sclose += s[k] == ']';
  }
  while (j > i) {
    unsigned char b = s[j - 1];
    if (b == ')' && close > open)
      close--;
    else if (b == ']' && sclose > sopen)
      sclose--;
    else if (!memchr(".,;:!?'*", b, 8))
      break;
    j--;
  }
  return j;
}

/* http://, https://, ftp:// or www. at p, where the first run ends at e. */
static size_t url_at(const qc_tokenizer *tz, size_t p, size_t e) {
  size_t n = e - p;
  int c = byte_at(tz, e);
  if (n < 3 || n > 5 || (c != ':' && c != '.'))
    return 0;
  if ((ascii_is(tz, p, n, "http") || ascii_is(tz, p, n, "https") ||
       ascii_is(tz, p, n, "ftp")) &&
      byte_at(tz, e) == ':' && byte_at(tz, e + 1) == '/' &&
      byte_at(tz, e + 2) == '/' && word_at(tz, e + 3))
    return url_tail(tz, p, e + 3);
  if (ascii_is(tz, p, n, "www") && byte_at(tz, e) == '.' && word_at(tz, e + 1))
    return url_tail(tz, p, e + 1);
  return 0;
}

/* Scans a host name from i: labels of word characters and inner hyphens,
 * joined by periods. Sets '*labels' and '*last' (start of the last label). */
static size_t scan_host(const qc_tokenizer *tz, size_t i, size_t *labels,
                        size_t *last) {
  size_t n;
  *labels = 0;
  for (;;) {
    if ((n = word_at(tz, i)) == 0)
      return i;
    *last = i;
    i += n;
    for (;;) {
      if (byte_at(tz, i) == '-' && word_at(tz, i + 1))
        i++;
      else if ((n = word_at(tz, i)) > 0)
        i += n;
      else
        break;
    }
    ++*labels;
    if (byte_at(tz, i) != '.' || !word_at(tz, i + 1))
      return i;
    i++;
  }
}

/* Top-level domains of bare domain names (vdab.be). Words that often follow
 * a missing space after a period (de, nu, in, is) are left out. */
static const char *const tlds[] = {
    "app", "at", "be",  "biz", "ca", "ch",   "com", "dev", "dk", "edu", "es",
    "eu",  "fi", "fr",  "gov", "ie", "info", "int", "io",  "it", "lu",  "net",
    "nl",  "no", "org", "pl",  "pt", "se",   "tv",  "uk",  "us", NULL};

/* A bare domain name with an optional path at p: vdab.be, vdab.be/jobs. */
static size_t domain_at(qc_tokenizer *tz, size_t p) {
  if (p < tz->domain_fail)
    return 0;
  size_t labels, last = p;
  size_t e = scan_host(tz, p, &labels, &last);
  char tld[8];
  if (labels >= 2 && e - last <= 6 &&
      ascii_letters(tz, last, tld, 6) == e - last && in_list(tld, tlds) &&
      byte_at(tz, e) != '@') {
    if (byte_at(tz, e) == '/')
      return url_tail(tz, p, e);
    return e;
  }
  /* Every later start inside this host name ends at the same e. */
  tz->domain_fail = e;
  return 0;
}

/* An e-mail address at p: jan.peeters@example.be. */
static size_t email_at(qc_tokenizer *tz, size_t p) {
  if (p < tz->email_fail)
    return 0;
  size_t i = p, n;
  for (;;) {
    int b = byte_at(tz, i);
    if (b >= 0 && b < 0x80 && (ascii[b] & (AN | LC)) && b != '@')
      i++;
    else if (b >= 0x80 && (n = word_at(tz, i)) > 0)
      i += n;
    else
      break;
  }
  if (byte_at(tz, i) == '@') {
    size_t labels, last = i + 1;
    size_t e = scan_host(tz, i + 1, &labels, &last);
    char tld[8];
    size_t k = ascii_letters(tz, last, tld, 6);
    if (labels >= 2 && k >= 2 && k == e - last && byte_at(tz, e) != '@')
      return e;
  }
  tz->email_fail = i;
  return 0;
}

/* ---- numbers, dates, times, ordinals ---- */

/* Reads up to max + 1 ASCII digits at '*i' into '*val'; returns how many. */
static size_t digits(const qc_tokenizer *tz, size_t *i, size_t max,
                     unsigned *val) {
  size_t k = 0;
  *val = 0;
  while (k <= max && digit_at(tz, *i)) {
    *val = *val * 10 + (unsigned)(tz->s[*i] - '0');
    ++*i;
    k++;
  }
  return k;
}

/* After a date, time or number: no word character, and no separator that
 * continues the number. */
static bool number_ends(const qc_tokenizer *tz, size_t i) {
  if (word_at(tz, i))
    return false;
  int b = byte_at(tz, i);
  if ((b == '.' || b == ',' || b == '/' || b == ':' || b == '-') &&
      digit_at(tz, i + 1))
    return false;
  return true;
}

/* After a time: as number_ends, but a hyphen may follow (14:30-15:00). */
static bool time_ends(const qc_tokenizer *tz, size_t i) {
  return byte_at(tz, i) == '-' || number_ends(tz, i);
}

/* After a time written with u or h (14u, 9u30, 14h30): as time_ends, but a
 * hyphen only before a digit (13u-14u). Before a letter or as an
 * elliptical hyphen it joins a word, as after any word: 12u-dienst,
 * 10u- en 12u-dienst. */
static bool uh_time_ends(const qc_tokenizer *tz, size_t i) {
  size_t h = hyphen_at(tz, i);
  return h ? digit_at(tz, i + h) : number_ends(tz, i);
}

static bool day_month(unsigned d, unsigned m) {
  return d >= 1 && d <= 31 && m >= 1 && m <= 12;
}

/* 12-03-2024 12/03/2024 12.03.24 2024-03-12 14/11 03/2024. */
static size_t date_at(const qc_tokenizer *tz, size_t p) {
  size_t i = p;
  unsigned a, b, c;
  size_t ka = digits(tz, &i, 4, &a);
  int sep = byte_at(tz, i);
  if (sep != '-' && sep != '/' && sep != '.')
    return 0;
  i++;
  if (ka == 4) { /* ISO */
    size_t kb = digits(tz, &i, 2, &b);
    if (sep != '-' || kb == 0 || kb > 2 || byte_at(tz, i) != '-')
      return 0;
    i++;
    size_t kc = digits(tz, &i, 2, &c);
    return kc >= 1 && kc <= 2 && day_month(c, b) && number_ends(tz, i) ? i : 0;
  }
  if (ka > 2)
    return 0;
  size_t kb = digits(tz, &i, 4, &b);
  if (sep == '/' && kb == 4) /* month/year */
    return a >= 1 && a <= 12 && number_ends(tz, i) ? i : 0;
  if (kb == 0 || kb > 2)
    return 0;
  if (byte_at(tz, i) != sep || !digit_at(tz, i + 1))
    return sep == '/' && day_month(a, b) && number_ends(tz, i) ? i : 0;
  i++;
  size_t kc = digits(tz, &i, 4, &c);
  return (kc == 2 || kc == 4) && day_month(a, b) && number_ends(tz, i) ? i : 0;
}

/* 14:30 14:30:15 10:30u 9u30 14u 14h30 10.30u. */
static size_t time_at(const qc_tokenizer *tz, size_t p) {
  size_t i = p;
  unsigned h, m, sec;
  size_t kh = digits(tz, &i, 2, &h);
  if (kh > 2 || h > 24)
    return 0;
  int sep = byte_at(tz, i);
  if (sep == ':' || sep == '.') {
    i++;
    if (digits(tz, &i, 2, &m) != 2 || m > 59)
      return 0;
    if (sep == ':' && byte_at(tz, i) == ':' && digit_at(tz, i + 1)) {
      i++;
      if (digits(tz, &i, 2, &sec) != 2 || sec > 59)
        return 0;
    }
    int u = byte_at(tz, i);
    if ((u == 'u' || u == 'h') && !word_at(tz, i + 1))
      i++;
    else if (sep == '.') /* 10.30 is a number */
      return 0;
    return time_ends(tz, i) ? i : 0;
  }
  if (sep == 'u' || sep == 'h') {
    i++;
    size_t j = i;
    if (digits(tz, &j, 2, &m) == 2 && m <= 59 && uh_time_ends(tz, j))
      return j;
    return uh_time_ends(tz, i) ? i : 0;
  }
  return 0;
}

/* 1e 2de 21ste 1er, not followed by a letter, digit, hyphenated word or
 * elliptical hyphen (2e-lijns and 1e- en 2e-lijns are words). */
static size_t ordinal_at(const qc_tokenizer *tz, size_t p) {
  size_t i = p;
  while (digit_at(tz, i))
    i++;
  char w[5];
  size_t k = ascii_letters(tz, i, w, 4);
  if (k == 0 || k > 3)
    return 0;
  if (strcmp(w, "e") && strcmp(w, "de") && strcmp(w, "ste") && strcmp(w, "er"))
    return 0;
  i += k;
  size_t h = hyphen_at(tz, i);
  if (word_at(tz, i) || (h && (word_at(tz, i + h) || elliptic_end(tz, i + h))))
    return 0;
  return i;
}

/* t/m (tot en met). */
static size_t tm_at(const qc_tokenizer *tz, size_t p, size_t e) {
  if (e != p + 1 || (tz->s[p] | 0x20) != 't' || byte_at(tz, e) != '/' ||
      (byte_at(tz, e + 1) | 0x20) != 'm' || word_at(tz, e + 2))
    return 0;
  return e + 2;
}

/* ---- emoji and emoticons ---- */

static bool pictograph(int32_t cp) {
  return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) ||
         (cp >= 0x2300 && cp <= 0x23FF) || (cp >= 0x2B00 && cp <= 0x2BFF) ||
         cp == 0x3030 || cp == 0x303D || cp == 0x3297 || cp == 0x3299;
}

/* The extended grapheme cluster that starts at i (UAX #29). */
static size_t cluster(const qc_tokenizer *tz, size_t i) {
  size_t n;
  int32_t prev = cp_at(tz, i, &n), state = 0;
  i += n;
  while (i < tz->len) {
    int32_t cp = cp_at(tz, i, &n);
    if (cp < 0 || qc_utf8_grapheme_break(prev, cp, &state))
      break;
    prev = cp;
    i += n;
  }
  return i;
}

/* A keycap emoji at i: 1️⃣ is a digit (or # or *), VS16 and U+20E3. */
static bool keycap_at(const qc_tokenizer *tz, size_t i) {
  size_t j = i + 1;
  if (byte_at(tz, j) == 0xEF && byte_at(tz, j + 1) == 0xB8 &&
      byte_at(tz, j + 2) == 0x8F)
    j += 3;
  return byte_at(tz, j) == 0xE2 && byte_at(tz, j + 1) == 0x83 &&
         byte_at(tz, j + 2) == 0xA3;
}

/* :-) :) ;-) :( :-( :D :p :'( =) <3 ... standing alone: no letter or digit
 * after it, and a space (or the text edge) on one side or punctuation after
 * it. So a:b and Let op:(samen) are not emoticons. */
static size_t emoticon_at(const qc_tokenizer *tz, size_t p, bool after_space) {
  size_t i = p;
  int c = byte_at(tz, i);
  if (c == '<') {
    if (byte_at(tz, i + 1) != '3')
      return 0;
    i += 2;
  } else {
    if (c != ':' && c != ';' && c != '=')
      return 0;
    i++;
    if (byte_at(tz, i) == '\'')
      i++;
    if (byte_at(tz, i) == '-')
      i++;
    int m = byte_at(tz, i);
    if (m < 0 || !memchr(")(DPpOoSs/|*[]", m, 14))
      return 0;
    i++;
    if (m == ')' || m == '(')
      while (byte_at(tz, i) == m)
        i++;
  }
  if (word_at(tz, i))
    return 0;
  int next = byte_at(tz, i);
  if (after_space || i == tz->len || space_at(tz, i) ||
      (next >= 0 && memchr(".,!?;", next, 5)))
    return i;
  return 0;
}

/* ---- dispatch ---- */

/* True when s[i..e) has an ASCII uppercase letter. */
static bool has_upper(const qc_tokenizer *tz, size_t i, size_t e) {
  for (; i < e; i++)
    if (tz->s[i] < 0x80 && (ascii[tz->s[i]] & UP))
      return true;
  return false;
}

/* A token that starts with a letter or digit; the slow path. */
static size_t lex_alnum(qc_tokenizer *tz, size_t p, qc_token_type *type) {
  unsigned info = 0;
  size_t e = scan_run(tz, p, &info), q;
  int c = byte_at(tz, e);
  bool digit_led = digit_at(tz, p);
  if (!digit_led && (q = url_at(tz, p, e))) {
    *type = QC_TOK_URL;
    return q;
  }
  if (c >= 0 && c < 0x80 && (ascii[c] & LC) && (q = email_at(tz, p))) {
    *type = QC_TOK_EMAIL;
    return q;
  }
  if (digit_led) {
    if (e > p + 1 && tz->s[p + 1] >= 0x80 && keycap_at(tz, p)) {
      *type = QC_TOK_EMOJI;
      return cluster(tz, p);
    }
    if ((q = date_at(tz, p))) {
      *type = QC_TOK_DATE;
      return q;
    }
    if ((q = time_at(tz, p))) {
      *type = QC_TOK_TIME;
      return q;
    }
    if ((q = ordinal_at(tz, p))) {
      *type = QC_TOK_ORDINAL;
      return q;
    }
  } else {
    if ((q = tm_at(tz, p, e)) || (c == '.' && (q = shape_at(tz, p)))) {
      *type = QC_TOK_ABBREV;
      return q;
    }
  }
  if ((c == '.' || c == '-') && (q = domain_at(tz, p))) {
    *type = QC_TOK_URL;
    return q;
  }
  info = 0;
  q = scan_word(tz, p, p, &info);
  *type = (info & I_ALPHA) ? QC_TOK_WORD : QC_TOK_NUMBER;
  /* bijv. Dhr. ca. and initials (J. Peeters, not 20°C.) keep their
   * period; NL. VS. BV. are acronyms ending a sentence. */
  if (byte_at(tz, q) == '.' && !(info & (I_JOINED | I_DIGIT)) &&
      ((qc_abbrev_is_known((const char *)tz->s + p, q - p) &&
        !has_upper(tz, p + 1, q)) ||
       (p + alpha_at(tz, p) == q && upper_at(tz, p) && opens_at(tz, p)))) {
    *type = QC_TOK_ABBREV;
    return q + 1;
  }
  return q;
}

/* A token that starts with a letter or digit: plain words and numbers
 * followed by a space or simple punctuation take the fast path. */
static size_t lex_word(qc_tokenizer *tz, size_t p, qc_token_type *type) {
  unsigned info = 0;
  size_t e = scan_run(tz, p, &info);
  if (e == tz->len || (tz->s[e] < 0x80 && (ascii[tz->s[e]] & EN))) {
    if (!(info & I_DIGIT)) {
      *type = QC_TOK_WORD;
      return e;
    }
    if (info == I_DIGIT && (e == tz->len || tz->s[e] != ',')) {
      *type = QC_TOK_NUMBER;
      return e;
    }
  }
  return lex_alnum(tz, p, type);
}

/* A token that starts with an apostrophe: 's 't 'k 'm 'n 'r 'ie,
 * 's-Hertogenbosch, '80, or a quote mark. A letter with a hyphen after it
 * is no clitic but a compound after an opening quote: ‘T-profielen,
 * 'S-bocht, ‘T- en U-profielen. */
static size_t lex_apos(qc_tokenizer *tz, size_t i, size_t a,
                       qc_token_type *type) {
  size_t j = i + a;
  char w[4];
  size_t k = ascii_letters(tz, j, w, 3);
  if (k == 1 && w[0] == 's' && byte_at(tz, j + 1) == '-' &&
      upper_at(tz, j + 2)) {
    unsigned info = 0;
    *type = QC_TOK_WORD;
    return scan_word(tz, i, j + 2, &info);
  }
  if (((k == 1 && strchr("stkmnr", w[0])) || (k == 2 && !strcmp(w, "ie"))) &&
      !word_at(tz, j + k) && !hyphen_at(tz, j + k)) {
    *type = QC_TOK_WORD;
    return j + k;
  }
  if (digit_at(tz, j) && digit_at(tz, j + 1) && !digit_at(tz, j + 2)) {
    *type = QC_TOK_NUMBER;
    return j + 2;
  }
  *type = QC_TOK_QUOTE;
  return j;
}

/* The end of a run of the byte at i. */
static size_t same_run(const qc_tokenizer *tz, size_t i) {
  unsigned char b = tz->s[i];
  size_t j = i + 1;
  while (j < tz->len && tz->s[j] == b)
    j++;
  return j;
}

/* The cut marker [...] [..] […] (and the same in round brackets). */
static size_t cut_at(const qc_tokenizer *tz, size_t i, int close) {
  size_t j = i + 1, dots = 0;
  while (dots < 6 && byte_at(tz, j) == '.') {
    j++;
    dots++;
  }
  if (dots == 0 && byte_at(tz, j) == 0xE2 && byte_at(tz, j + 1) == 0x80 &&
      byte_at(tz, j + 2) == 0xA6)
    j += 3;
  else if (dots < 2 || dots > 5)
    return 0;
  return byte_at(tz, j) == close ? j + 1 : 0;
}

/* True when the last token is the word 'en', 'of', 'tot' or 'noch'. */
static bool after_conjunction(const qc_tokenizer *tz) {
  if (tz->n == 0 || tz->toks[tz->n - 1].type != QC_TOK_WORD)
    return false;
  const qc_token *t = &tz->toks[tz->n - 1];
  return ascii_is(tz, t->start, t->len, "en") ||
         ascii_is(tz, t->start, t->len, "of") ||
         ascii_is(tz, t->start, t->len, "tot") ||
         ascii_is(tz, t->start, t->len, "noch");
}

/* '-': a negative number (-3), an elliptical word after a conjunction (en
 * -ontslagen), a run (--) or a dash. */
static size_t lex_hyphen(qc_tokenizer *tz, size_t i, bool after_space,
                         qc_token_type *type) {
  unsigned info = 0;
  size_t e;
  if (after_space && digit_at(tz, i + 1)) {
    e = scan_word(tz, i, i + 1, &info);
    if (!(info & I_ALPHA)) {
      *type = QC_TOK_NUMBER;
      return e;
    }
  }
  if (after_space && alpha_at(tz, i + 1) && after_conjunction(tz)) {
    *type = QC_TOK_WORD;
    return scan_word(tz, i, i + 1, &info);
  }
  *type = QC_TOK_PUNCT;
  return same_run(tz, i);
}

static size_t lex_ascii(qc_tokenizer *tz, size_t i, bool after_space,
                        qc_token_type *type) {
  int b = tz->s[i];
  size_t e, g;
  *type = QC_TOK_PUNCT;
  switch (b) {
  case '\'':
  case '`':
    return lex_apos(tz, i, 1, type);
  case '"':
    *type = QC_TOK_QUOTE;
    return i + 1;
  case '.':
    return same_run(tz, i);
  case '?':
  case '!':
    for (e = i + 1; byte_at(tz, e) == '?' || byte_at(tz, e) == '!'; e++)
      ;
    return e;
  case ':':
  case ';':
  case '=':
  case '<':
    if ((e = emoticon_at(tz, i, after_space))) {
      *type = QC_TOK_EMOTICON;
      return e;
    }
    if (b == '=' || b == '<')
      *type = QC_TOK_SYMBOL;
    return b == '=' ? same_run(tz, i) : i + 1;
  case '(':
    if ((e = cut_at(tz, i, ')')))
      return e;
    g = paren_at(tz, i);
    if (g && (word_at(tz, g) || word_at(tz, g + hyphen_at(tz, g)))) {
      unsigned info = 0;
      *type = QC_TOK_WORD;
      return scan_word(tz, i, g, &info);
    }
    return i + 1;
  case '[':
    return (e = cut_at(tz, i, ']')) ? e : i + 1;
  case ',':
  case ')':
  case ']':
  case '{':
  case '}':
    return i + 1;
  case '-':
    return lex_hyphen(tz, i, after_space, type);
  case '#':
  case '*':
    if (keycap_at(tz, i)) {
      *type = QC_TOK_EMOJI;
      return cluster(tz, i);
    }
    *type = QC_TOK_SYMBOL;
    return same_run(tz, i);
  case '_':
  case '~':
    *type = QC_TOK_SYMBOL;
    return same_run(tz, i);
  default:
    *type = QC_TOK_SYMBOL;
    return i + 1;
  }
}

/* Po characters that are symbols rather than punctuation. */
static bool symbol_punct(int32_t cp) {
  return cp == 0xA7 || cp == 0xB6 || cp == 0x2020 || cp == 0x2021 ||
         cp == 0x2030 || cp == 0x2031 || cp == 0x2032 || cp == 0x2033;
}

/* A token that starts with anything but an ASCII letter or digit. */
static size_t lex_other(qc_tokenizer *tz, size_t i, bool after_space,
                        qc_token_type *type) {
  size_t n;
  int32_t cp = cp_at(tz, i, &n);
  *type = QC_TOK_SYMBOL;
  if (cp < 0)
    return i + 1;
  if (cp < 0x80)
    return lex_ascii(tz, i, after_space, type);
  switch (qc_utf8_class(cp)) {
  case QC_CC_LETTER:
  case QC_CC_DIGIT:
  case QC_CC_NUMERIC:
    return lex_word(tz, i, type);
  case QC_CC_DASH:
    *type = QC_TOK_PUNCT;
    for (size_t m, j = i + n;; j += m)
      if (cp_at(tz, j, &m) != cp)
        return j;
  case QC_CC_OPEN:
    *type = cp == 0x201E || cp == 0x201A ? QC_TOK_QUOTE : QC_TOK_PUNCT;
    return i + n;
  case QC_CC_CLOSE:
    *type = QC_TOK_PUNCT;
    return i + n;
  case QC_CC_QUOTE_I:
  case QC_CC_QUOTE_F:
    if (cp == 0x2018 || cp == 0x2019)
      return lex_apos(tz, i, n, type);
    *type = QC_TOK_QUOTE;
    return i + n;
  case QC_CC_PUNCT:
    if (symbol_punct(cp))
      return i + n;
    *type = QC_TOK_PUNCT;
    if (cp == 0x2026) /* … */
      for (size_t m, j = i + n;; j += m)
        if (cp_at(tz, j, &m) != cp)
          return j;
    return i + n;
  case QC_CC_SYMBOL:
    if (cp == 0xB4)
      return lex_apos(tz, i, n, type);
    if (cp == 0x2212 && after_space && digit_at(tz, i + n)) {
      unsigned info = 0;
      size_t e = scan_word(tz, i, i + n, &info);
      if (!(info & I_ALPHA)) {
        *type = QC_TOK_NUMBER;
        return e;
      }
    }
    return i + n;
  case QC_CC_SYMBOL_OTHER: {
    size_t m;
    if (pictograph(cp) || cp_at(tz, i + n, &m) == 0xFE0F) {
      *type = QC_TOK_EMOJI;
      return cluster(tz, i);
    }
    return i + n;
  }
  default: {
    /* A stray mark or format character: keep the marks that follow. */
    size_t j = i + n, m;
    while (j < tz->len) {
      int32_t c = cp_at(tz, j, &m);
      if (c < 0x80 || qc_utf8_class(c) != QC_CC_MARK)
        break;
      j += m;
    }
    return j;
  }
  }
}

/* ---- sentences ---- */

static bool is_closer(const qc_tokenizer *tz, const qc_token *t) {
  const unsigned char *s = tz->s + t->start;
  if (t->type == QC_TOK_PUNCT)
    return t->len == 1 && (s[0] == ')' || s[0] == ']' || s[0] == '}');
  if (t->type != QC_TOK_QUOTE)
    return false;
  /* Not the opening quotes “ „ ‘ « ‹ ‚. */
  size_t n;
  int32_t cp = cp_at(tz, t->start, &n);
  return cp != 0x201C && cp != 0x201E && cp != 0x2018 && cp != 0xAB &&
         cp != 0x2039 && cp != 0x201A;
}

static bool is_bracket(const qc_tokenizer *tz, const qc_token *t) {
  if (t->type == QC_TOK_QUOTE)
    return true;
  if (t->type != QC_TOK_PUNCT || t->len != 1)
    return false;
  return strchr("()[]{}", tz->s[t->start]) != NULL;
}

/* The next word after token i (past quotes and brackets) starts with an
 * uppercase letter, or there is none. */
static bool next_is_upper(const qc_tokenizer *tz, size_t i) {
  size_t k = i + 1;
  while (k < tz->n && is_bracket(tz, &tz->toks[k]))
    k++;
  return k == tz->n || upper_at(tz, tz->toks[k].start);
}

/* Token i ends a sentence (before any closing quotes and brackets). */
static bool terminal(const qc_tokenizer *tz, size_t i) {
  const qc_token *t = &tz->toks[i];
  const unsigned char *s = tz->s + t->start;
  if (t->type == QC_TOK_PUNCT) {
    if (s[0] == '?' || s[0] == '!' || (t->len == 1 && s[0] == '.'))
      return true;
    if (s[0] == '.' || (s[0] == 0xE2 && t->len >= 3 && s[1] == 0x80 &&
                        s[2] == 0xA6)) /* ... … */
      return next_is_upper(tz, i);
    return false;
  }
  if (t->type == QC_TOK_ABBREV && (ascii_is(tz, t->start, t->len, "enz.") ||
                                   ascii_is(tz, t->start, t->len, "etc.") ||
                                   ascii_is(tz, t->start, t->len, "e.d.") ||
                                   ascii_is(tz, t->start, t->len, "e.a.")))
    return i + 1 < tz->n && next_is_upper(tz, i);
  return false;
}

static void mark_sentences(qc_tokenizer *tz) {
  qc_token *t = tz->toks;
  for (size_t i = 0; i < tz->n; i++) {
    if (t[i].flags & TOKF_PARA)
      t[i].flags = (t[i].flags & ~TOKF_PARA) | QC_TOKF_SENTENCE_END;
  }
  for (size_t i = 0; i < tz->n; i++) {
    if (!terminal(tz, i))
      continue;
    while (i + 1 < tz->n && t[i + 1].start == t[i].start + t[i].len &&
           is_closer(tz, &t[i + 1]))
      i++;
    t[i].flags |= QC_TOKF_SENTENCE_END;
  }
  if (tz->n > 0)
    t[tz->n - 1].flags |= QC_TOKF_SENTENCE_END;
}

/* ---- public ---- */

qc_tokenizer *qc_tokenizer_new(void) {
  return qc_xcalloc(1, sizeof(qc_tokenizer));
}

void qc_tokenizer_free(qc_tokenizer *tz) {
  if (!tz)
    return;
  free(tz->toks);
  free(tz);
}

static void push(qc_tokenizer *tz, size_t start, size_t end,
                 qc_token_type type) {
  if (tz->n == tz->cap)
    QC_GROW(tz->toks, tz->cap, tz->n + 1);
  qc_token *t = &tz->toks[tz->n++];
  t->start = start;
  t->len = end - start;
  t->type = type;
  t->flags = 0;
}

size_t qc_tokenizer_run(qc_tokenizer *tz, const char *text, size_t len,
                        const qc_token **tokens) {
  tz->s = (const unsigned char *)text;
  tz->len = len;
  tz->n = 0;
  tz->email_fail = tz->domain_fail = 0;
  size_t i = 0;
  unsigned newlines = 0;
  bool after_space = true;
  while (i < len) {
    unsigned char b = tz->s[i];
    size_t n = 1;
    if (b < 0x80 ? (ascii[b] & SP) != 0 : is_space_cp(cp_at(tz, i, &n))) {
      /* A blank line (two newlines with only spaces between) or a
       * paragraph separator ends the sentence. */
      if (b == '\n' || (b == 0xE2 && n == 3 && tz->s[i + 2] == 0xA9))
        newlines += b == '\n' ? 1 : 2;
      if (newlines >= 2 && tz->n > 0)
        tz->toks[tz->n - 1].flags |= TOKF_PARA;
      i += n;
      after_space = true;
      continue;
    }
    qc_token_type type;
    size_t e = b < 0x80 && (ascii[b] & AN)
                   ? lex_word(tz, i, &type)
                   : lex_other(tz, i, after_space, &type);
    if (e <= i) /* cannot happen; never loop */
      e = i + 1;
    push(tz, i, e, type);
    i = e;
    newlines = 0;
    after_space = false;
  }
  mark_sentences(tz);
  *tokens = tz->toks;
  return tz->n;
}

const char *qc_token_type_name(qc_token_type type) {
  static const char *const names[] = {
      "word",  "abbrev", "number", "ordinal", "date",  "time",    "url",
      "email", "punct",  "quote",  "symbol",  "emoji", "emoticon"};
  return (unsigned)type < sizeof names / sizeof names[0] ? names[type]
                                                         : "unknown";
}

bool qc_token_is_word(qc_token_type type) {
  switch (type) {
  case QC_TOK_WORD:
  case QC_TOK_ABBREV:
  case QC_TOK_NUMBER:
  case QC_TOK_ORDINAL:
  case QC_TOK_DATE:
  case QC_TOK_TIME:
  case QC_TOK_URL:
  case QC_TOK_EMAIL:
    return true;
  default:
    return false;
  }
}
