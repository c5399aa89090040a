/* utf8.c: the utf8proc wrapper. Decoding, character classes, grapheme
 * breaks (UAX #29) and folding for caseless matching with an offset map, so
 * that a match in folded text can be traced back to the original bytes. */
#include "utf8.h"
#include "memory.h"
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

int qc_utf8_decode(const char *s, size_t len, int32_t *cp) {
  if (len == 0) {
    *cp = -1;
    return 0;
  }
  unsigned char c = (unsigned char)s[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  utf8proc_int32_t v;
  utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s,
                                        len > 4 ? 4 : (utf8proc_ssize_t)len, &v);
  if (n <= 0) {
    *cp = -1;
    return 0;
  }
  *cp = v;
  return (int)n;
}

size_t qc_utf8_check(const char *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    if ((unsigned char)s[i] < 0x80) {
      i++;
      continue;
    }
    int32_t cp;
    int n = qc_utf8_decode(s + i, len - i, &cp);
    if (n == 0)
      return i;
    i += (size_t)n;
  }
  return len;
}

size_t qc_utf8_count(const char *s, size_t len) {
  size_t n = 0;
  for (size_t i = 0; i < len; n++) {
    int32_t cp;
    int k = (unsigned char)s[i] < 0x80 ? 1 : qc_utf8_decode(s + i, len - i, &cp);
    i += k > 0 ? (size_t)k : 1;
  }
  return n;
}

bool qc_utf8_xml_allowed(int32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

void qc_utf8_put_xml(qc_buf *b, const char *s) {
  size_t len = s ? strlen(s) : 0;
  for (size_t i = 0; i < len;) {
    int32_t cp;
    int n = qc_utf8_decode(s + i, len - i, &cp);
    if (n && qc_utf8_xml_allowed(cp))
      qc_buf_put(b, s + i, (size_t)n);
    else
      qc_buf_puts(b, "\xEF\xBF\xBD");
    i += n ? (size_t)n : 1;
  }
}

int qc_utf8_encode(int32_t cp, char out[4]) {
  return (int)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
}

const char *qc_utf8_library_version(void) {
  static char v[64];
  snprintf(v, sizeof v, "%s (Unicode %s)", utf8proc_version(),
           utf8proc_unicode_version());
  return v;
}

qc_charclass qc_utf8_class(int32_t cp) {
  if (cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f')
    return QC_CC_SPACE;
  switch (utf8proc_category(cp)) {
  case UTF8PROC_CATEGORY_LU:
  case UTF8PROC_CATEGORY_LL:
  case UTF8PROC_CATEGORY_LT:
  case UTF8PROC_CATEGORY_LM:
  case UTF8PROC_CATEGORY_LO: return QC_CC_LETTER;
  case UTF8PROC_CATEGORY_MN:
  case UTF8PROC_CATEGORY_MC:
  case UTF8PROC_CATEGORY_ME: return QC_CC_MARK;
  case UTF8PROC_CATEGORY_ND: return QC_CC_DIGIT;
  case UTF8PROC_CATEGORY_NL:
  case UTF8PROC_CATEGORY_NO: return QC_CC_NUMERIC;
  case UTF8PROC_CATEGORY_ZS:
  case UTF8PROC_CATEGORY_ZL:
  case UTF8PROC_CATEGORY_ZP: return QC_CC_SPACE;
  case UTF8PROC_CATEGORY_PD: return QC_CC_DASH;
  case UTF8PROC_CATEGORY_PS: return QC_CC_OPEN;
  case UTF8PROC_CATEGORY_PE: return QC_CC_CLOSE;
  case UTF8PROC_CATEGORY_PI: return QC_CC_QUOTE_I;
  case UTF8PROC_CATEGORY_PF: return QC_CC_QUOTE_F;
  case UTF8PROC_CATEGORY_PC:
  case UTF8PROC_CATEGORY_PO: return QC_CC_PUNCT;
  case UTF8PROC_CATEGORY_SM:
  case UTF8PROC_CATEGORY_SC:
  case UTF8PROC_CATEGORY_SK: return QC_CC_SYMBOL;
  case UTF8PROC_CATEGORY_SO: return QC_CC_SYMBOL_OTHER;
  case UTF8PROC_CATEGORY_CF: return QC_CC_FORMAT;
  default: return QC_CC_OTHER;
  }
}

bool qc_utf8_is_upper(int32_t cp) {
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool qc_utf8_grapheme_break(int32_t a, int32_t b, int32_t *state) {
  return utf8proc_grapheme_break_stateful(a, b, state);
}

/* ---- folding ---- */

static utf8proc_option_t decompose_options(unsigned opts) {
  utf8proc_option_t o = UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT |
                        UTF8PROC_IGNORE | UTF8PROC_LUMP | UTF8PROC_STABLE;
  if (opts & QC_FOLD_CASE)
    o |= UTF8PROC_CASEFOLD;
  if (opts & QC_FOLD_MARKS)
    o |= UTF8PROC_STRIPMARK;
  return o;
}

static void out_put(qc_fold *f, const char *p, size_t n) {
  qc_xgrow((void **)&f->out, &f->cap, f->len + n + 1, 1);
  memcpy(f->out + f->len, p, n);
  f->len += n;
}

static void add_anchor(qc_fold *f, size_t orig, size_t fold, bool linear) {
  QC_GROW(f->anchors, f->anchors_cap, f->nanchors + 1);
  f->anchors[f->nanchors++] = (qc_fold_anchor){orig, fold, linear};
}

/* utf8proc's LUMP turns single curly quotes into ' but leaves the double
 * ones (checked with utf8proc 2.8), so they are lumped here. */
static bool is_double_quote(int32_t cp) {
  return cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0x201F ||
         cp == 0x00AB || cp == 0x00BB || cp == 0x2033;
}

/* Folds one cluster (a starter and the combining marks after it). */
static void fold_cluster(qc_fold *f, const char *s, size_t n) {
  utf8proc_option_t o = decompose_options(f->opts);
  utf8proc_ssize_t cps;
  for (;;) {
    cps = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
                             f->scratch, (utf8proc_ssize_t)f->scratch_cap, o);
    if (cps < 0) { /* cannot happen on valid input: copy it through */
      out_put(f, s, n);
      return;
    }
    if ((size_t)cps <= f->scratch_cap)
      break;
    QC_GROW(f->scratch, f->scratch_cap, (size_t)cps);
  }
  cps = utf8proc_normalize_utf32(f->scratch, cps, UTF8PROC_COMPOSE |
                                                     UTF8PROC_STABLE);
  for (utf8proc_ssize_t i = 0; i < cps; i++)
    if (is_double_quote(f->scratch[i]))
      f->scratch[i] = '"';
  for (utf8proc_ssize_t i = 0; i < cps; i++) {
    char enc[4];
    out_put(f, enc, (size_t)qc_utf8_encode(f->scratch[i], enc));
  }
}

static bool is_starter(int32_t cp) {
  return utf8proc_get_property(cp)->combining_class == 0;
}

/* Length of the cluster at s[0..len): one code point and the non-starters
 * that follow it. 0 if s starts with an invalid byte. */
static size_t cluster_len(const char *s, size_t len) {
  int32_t cp;
  int n = qc_utf8_decode(s, len, &cp);
  if (n == 0)
    return 0;
  size_t i = (size_t)n;
  while (i < len && (unsigned char)s[i] >= 0xCC) {
    n = qc_utf8_decode(s + i, len - i, &cp);
    if (n == 0 || is_starter(cp))
      break;
    i += (size_t)n;
  }
  return i;
}

void qc_fold_run(qc_fold *f, const char *s, size_t len) {
  bool lower = f->opts & QC_FOLD_CASE;
  f->len = 0;
  f->nanchors = 0;
  f->orig_len = len;
  add_anchor(f, 0, 0, true);
  qc_xgrow((void **)&f->out, &f->cap, len + 1, 1);
  size_t i = 0;
  while (i < len) {
    unsigned char c = (unsigned char)s[i];
    /* A run of ASCII folds to itself or its lowercase, but for its last
     * byte when a combining mark may follow: the fast path for most
     * transcript text, copied a run at a time. */
    if (c < 0x80) {
      size_t j = i + 1;
      while (j < len && (unsigned char)s[j] < 0x80)
        j++;
      if (j < len && (unsigned char)s[j] >= 0xCC)
        j--;
      if (j > i) {
        qc_xgrow((void **)&f->out, &f->cap, f->len + (j - i) + 1, 1);
        char *o = f->out + f->len;
        for (size_t k = i; k < j; k++) {
          unsigned char b = (unsigned char)s[k];
          o[k - i] = (char)(lower && b >= 'A' && b <= 'Z' ? b + 32 : b);
        }
        f->len += j - i;
        i = j;
        continue;
      }
    }
    size_t n = cluster_len(s + i, len - i);
    size_t start = f->len;
    if (n == 0) {
      out_put(f, s + i, 1);
      n = 1;
    } else {
      fold_cluster(f, s + i, n);
    }
    /* Offsets inside a cluster that folded to other bytes ("ß" -> "ss")
     * map to the cluster's start, so spans never split a character. */
    if (f->len - start != n || memcmp(f->out + start, s + i, n) != 0) {
      add_anchor(f, i, start, false);
      add_anchor(f, i + n, f->len, true);
    }
    i += n;
  }
  f->out[f->len] = '\0';
}

/* Finds the last anchor whose coordinate (orig or fold) is <= x. */
static const qc_fold_anchor *find_anchor(const qc_fold *f, size_t x,
                                         bool by_orig) {
  size_t lo = 0, hi = f->nanchors;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    size_t v = by_orig ? f->anchors[mid].orig : f->anchors[mid].fold;
    if (v <= x)
      lo = mid;
    else
      hi = mid;
  }
  return &f->anchors[lo];
}

size_t qc_fold_to_folded_next(const qc_fold *f, size_t orig, size_t *at) {
  if (orig >= f->orig_len)
    return f->len;
  if (f->nanchors == 1) /* nothing folded to other bytes */
    return orig < f->len ? orig : f->len;
  size_t a = *at < f->nanchors ? *at : 0;
  if (f->anchors[a].orig > orig)
    a = 0;
  while (a + 1 < f->nanchors && f->anchors[a + 1].orig <= orig)
    a++;
  *at = a;
  const qc_fold_anchor *x = &f->anchors[a];
  if (!x->linear)
    return x->fold;
  size_t r = x->fold + (orig - x->orig);
  return r > f->len ? f->len : r;
}

size_t qc_fold_to_folded(const qc_fold *f, size_t orig) {
  if (orig >= f->orig_len)
    return f->len;
  const qc_fold_anchor *a = find_anchor(f, orig, true);
  if (!a->linear)
    return a->fold;
  size_t r = a->fold + (orig - a->orig);
  return r > f->len ? f->len : r;
}

size_t qc_fold_to_orig(const qc_fold *f, size_t fold) {
  if (fold >= f->len)
    return f->orig_len;
  const qc_fold_anchor *a = find_anchor(f, fold, false);
  if (!a->linear)
    return a->orig;
  size_t r = a->orig + (fold - a->fold);
  return r > f->orig_len ? f->orig_len : r;
}

size_t qc_fold_to_orig_end(const qc_fold *f, size_t fold) {
  if (fold >= f->len)
    return f->orig_len;
  const qc_fold_anchor *a = find_anchor(f, fold, false);
  if (!a->linear && fold > a->fold && a + 1 < f->anchors + f->nanchors)
    return a[1].orig; /* inside a cluster: round up to its end */
  return qc_fold_to_orig(f, fold);
}

void qc_fold_release(qc_fold *f) {
  free(f->out);
  free(f->anchors);
  free(f->scratch);
  f->out = NULL;
  f->anchors = NULL;
  f->scratch = NULL;
  f->len = f->cap = f->nanchors = f->anchors_cap = f->scratch_cap = 0;
}

char *qc_fold_string(const char *s, size_t len, unsigned opts, size_t *outlen) {
  qc_fold f = QC_FOLD_INIT(opts);
  qc_fold_run(&f, s, len);
  char *r = f.out;
  if (outlen)
    *outlen = f.len;
  f.out = NULL;
  qc_fold_release(&f);
  return r;
}
