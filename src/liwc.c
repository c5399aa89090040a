/* liwc.c: a LIWC dictionary (.dic, the format of LIWC2001 to LIWC2015) as a
 * codebook. The file is a header between two lines holding '%', one
 * category per line ("NUMBER<tab>name", the name's first word), then one
 * entry per line: a word pattern, and the numbers of its categories, the
 * fields separated by tabs (or, without tabs, by spaces: the numbers at
 * the end). A trailing '*' matches any ending; an entry of several words
 * matches them on adjacent tokens. Each category becomes a top-level code
 * (its name made an id, the name as label), each entry a word or phrase
 * rule of its categories' codes. LIWC matches without regard to case and
 * knows no negation, so the codes are folded and have negation off.
 * LIWC2007's conditional entries ("like<tab>(02 134)125/464") and a
 * category number the header does not define are errors. */
#include "codebook.h"
#include "buf.h"
#include "error.h"
#include "memory.h"
#include "utf8.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  unsigned long number;
  size_t code;
} category;

typedef struct {
  qc_codebook *cb;
  qc_error *err;
  category *cats;
  size_t ncats, cap;
  unsigned line;
} liwc;

static qc_status liwc_error(liwc *l, size_t col, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static qc_status liwc_error(liwc *l, size_t col, const char *fmt, ...) {
  char msg[400];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  return qc_error_set(l->err, QC_ERR_SCHEMA, l->cb->file, l->line,
                      (unsigned)col, 0, "%s", msg);
}

/* The code points before byte 'b' of the line, plus one: its column. */
static size_t column(const char *line, size_t b) {
  return qc_utf8_count(line, b) + 1;
}

static bool is_number(const char *s, size_t n) {
  if (!n)
    return false;
  for (size_t i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9')
      return false;
  return true;
}

/* The number in the digits s[0..n), read without looking past them (the
 * text need not end in a NUL); a number too large for the type is the
 * largest, which no header defines. */
static unsigned long span_number(const char *s, size_t n) {
  unsigned long v = 0;
  for (size_t i = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++)
    v = v > (ULONG_MAX - 9) / 10 ? ULONG_MAX : v * 10 + (unsigned long)(s[i] - '0');
  return v;
}

/* A header line: "NUMBER name [description]". */
static qc_status header_line(liwc *l, const char *s, size_t n) {
  size_t i = 0;
  while (i < n && s[i] >= '0' && s[i] <= '9')
    i++;
  if (!i || i == n || (s[i] != '\t' && s[i] != ' '))
    return liwc_error(l, 1, "a category line is a number and a name, as "
                            "'1<tab>posemo'");
  unsigned long number = span_number(s, i);
  while (i < n && (s[i] == '\t' || s[i] == ' '))
    i++;
  size_t name0 = i;
  while (i < n && s[i] != '\t' && s[i] != ' ')
    i++;
  if (i == name0)
    return liwc_error(l, 1, "category %lu has no name", number);
  for (size_t k = 0; k < l->ncats; k++)
    if (l->cats[k].number == number)
      return liwc_error(l, 1, "category %lu is defined twice", number);
  char *name = qc_xstrndup(s + name0, i - name0);
  char *id = qc_id_from_name(name);
  size_t code;
  qc_status st = qc_codebook_add_code(l->cb, QC_NO_PARENT, id, l->line,
                                      (unsigned)column(s, name0), &code,
                                      l->err);
  free(id);
  if (st == QC_OK) {
    qc_code *c = &l->cb->codes[code];
    free(c->label);
    c->label = name;
    c->negation = false;
    QC_GROW(l->cats, l->cap, l->ncats + 1);
    l->cats[l->ncats++] = (category){number, code};
  } else {
    free(name);
  }
  return st;
}

static long category_code(liwc *l, unsigned long number) {
  for (size_t k = 0; k < l->ncats; k++)
    if (l->cats[k].number == number)
      return (long)l->cats[k].code;
  return -1;
}

/* An entry line: the pattern, then its category numbers. */
static qc_status entry_line(liwc *l, const char *s, size_t n) {
  /* where the numbers start: after the first tab, or, without tabs,
   * after the last word that is not a number */
  const char *tab = memchr(s, '\t', n);
  size_t end; /* of the pattern */
  if (tab) {
    end = (size_t)(tab - s);
  } else {
    end = n;
    for (;;) {
      size_t e = end;
      while (e > 0 && s[e - 1] == ' ')
        e--;
      size_t b = e;
      while (b > 0 && s[b - 1] != ' ')
        b--;
      if (b == 0 || !is_number(s + b, e - b))
        break;
      end = b;
    }
  }
  while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t'))
    end--;
  if (!end)
    return liwc_error(l, 1, "an entry line starts with its word");
  if (memchr(s, '(', n) && tab)
    return liwc_error(l, column(s, (size_t)(tab - s)) + 1,
                      "a conditional entry (LIWC2007's \"(02 134)125/464\") "
                      "has no qcode equivalent; write it as separate entries");
  char *pattern = qc_xstrndup(s, end);
  size_t words = 0;
  bool space = true;
  for (const char *p = pattern; *p; p++) {
    bool sp = *p == ' ';
    if (!sp && space) {
      if (*p == '@' || *p == '[' || *p == '^' ||
          (*p == '*' && (p[1] == ' ' || !p[1])))
        words = (size_t)-1;
      if (words != (size_t)-1)
        words++;
    }
    space = sp;
  }
  qc_status st = QC_OK;
  if (words == (size_t)-1)
    st = liwc_error(l, 1, "'%s': a word starting with '@', '[' or '^', or a "
                          "lone '*', is qcode syntax, not a dictionary word",
                    pattern);
  size_t ncat = 0;
  for (size_t i = end; i < n && st == QC_OK;) {
    while (i < n && (s[i] == '\t' || s[i] == ' '))
      i++;
    if (i == n)
      break;
    size_t b = i;
    while (i < n && s[i] != '\t' && s[i] != ' ')
      i++;
    if (!is_number(s + b, i - b)) {
      st = liwc_error(l, column(s, b), "'%.*s' is not a category number",
                      (int)(i - b), s + b);
      break;
    }
    long code = category_code(l, span_number(s + b, i - b));
    if (code < 0) {
      st = liwc_error(l, column(s, b),
                      "category %.*s is not defined in the header",
                      (int)(i - b), s + b);
      break;
    }
    st = qc_codebook_add_rule(l->cb, (size_t)code,
                              words > 1 ? QC_RULE_PHRASE : QC_RULE_WORD,
                              QC_ROLE_HIT, pattern, l->line, 1, l->err);
    ncat++;
  }
  if (st == QC_OK && !ncat)
    st = liwc_error(l, column(s, end) + 1, "'%s' has no category", pattern);
  free(pattern);
  return st;
}

qc_status qc_codebook_parse_liwc(qc_codebook *cb, const char *data, size_t len,
                                 qc_error *err) {
  liwc l = {cb, err, NULL, 0, 0, 0};
  size_t bad = qc_utf8_check(data, len);
  if (bad < len)
    return qc_error_set(err, QC_ERR_UTF8, cb->file, 0, 0, bad,
                        "invalid UTF-8 at byte %zu: a .dic must be UTF-8",
                        bad);
  size_t i = len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? 3 : 0;
  int part = 0; /* 0 before the header, 1 in it, 2 the entries */
  qc_status st = QC_OK;
  cb->negators_set = true; /* none: LIWC has no negation */
  while (i < len && st == QC_OK) {
    const char *s = data + i;
    const char *nl = memchr(s, '\n', len - i);
    size_t n = nl ? (size_t)(nl - s) : len - i;
    i += n + (nl != NULL);
    l.line++;
    while (n && (s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
      n--;
    if (!n)
      continue;
    if (n == 1 && s[0] == '%') {
      if (part == 2)
        st = liwc_error(&l, 1, "a third '%%' line: the header is already over");
      part++;
      continue;
    }
    if (part == 0)
      st = liwc_error(&l, 1, "a .dic starts with a line holding '%%', then "
                             "the categories, then another '%%'");
    else if (part == 1)
      st = header_line(&l, s, n);
    else
      st = entry_line(&l, s, n);
  }
  if (st == QC_OK && part < 2)
    st = qc_error_set(err, QC_ERR_SCHEMA, cb->file, l.line ? l.line : 1, 1, 0,
                      "the header does not end: a second '%%' line is missing");
  if (st == QC_OK && !l.ncats)
    st = qc_error_set(err, QC_ERR_SCHEMA, cb->file, 1, 1, 0,
                      "the header defines no category");
  free(l.cats);
  return st;
}
