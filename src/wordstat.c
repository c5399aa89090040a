/* wordstat.c: a WordStat categorization dictionary (.cat, Provalis
 * Research) as a codebook. The format, as quanteda's read_dict_wordstat
 * reads it and its tests show (docs/INTEROP.md has the sources): one item
 * per line; a line ending in " (N)" is an entry (a word, a pattern with
 * '*', or words separated by spaces), any other line a category; leading
 * tabs give the depth: a category's subcategories and entries are one tab
 * deeper than it. Each category becomes a code (nested: child codes; the
 * name as label, an id made from it), each entry a word or phrase rule of
 * its category's code. WordStat matches without regard to case and
 * knows no negation, so the codes are folded and have negation off.
 *
 * What cannot be mapped exactly is refused with FILE:LINE:COL rather than
 * guessed: weights other than (1), since qcode counts each hit once;
 * WordStat rules (a '#CATEGORY' reference, or one of the operator words
 * in capitals inside an entry); '?' and '_', whose WordStat meaning the
 * public sources do not pin down; and indentation that is not tabs, since
 * quanteda reads spaces there as part of the name (its issue #459). */
#include "codebook.h"
#include "error.h"
#include "memory.h"
#include "strmap.h"
#include "utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* As codebook_yaml.c's MAX_CODE_DEPTH: deeper trees are a mistake or an
 * attack, not a dictionary. */
#define MAX_DEPTH 64

typedef struct {
  size_t code;
  unsigned line, col;
  bool used; /* has an entry or a subcategory */
} level;

typedef struct {
  qc_codebook *cb;
  qc_error *err;
  level open[MAX_DEPTH];
  size_t nopen;  /* categories open: open[d] is the one at depth d */
  qc_strmap seen; /* "code\0folded entry": an entry twice is one rule */
  unsigned line;
} wordstat;

static qc_status ws_error_at(wordstat *w, unsigned line, size_t col,
                             const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static qc_status ws_error_at(wordstat *w, unsigned line, size_t col,
                             const char *fmt, ...) {
  char msg[400];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  return qc_error_set(w->err, QC_ERR_SCHEMA, w->cb->file, line, (unsigned)col,
                      0, "%s", msg);
}

/* The code points before byte 'b' of the line, plus one: its column. */
static size_t column(const char *line, size_t b) {
  return qc_utf8_count(line, b) + 1;
}

/* Closes the categories at depth 'depth' and deeper; one without entries
 * or subcategories is an error, since it could never be coded (quanteda
 * would read it as an entry-less key, WordStat as a category with no
 * items). */
static qc_status close_to(wordstat *w, size_t depth) {
  while (w->nopen > depth) {
    level *lv = &w->open[--w->nopen];
    if (!lv->used)
      return ws_error_at(w, lv->line, lv->col,
                         "category '%s' is empty: give it entries (one tab "
                         "deeper, as 'word (1)') or subcategories",
                         w->cb->codes[lv->code].label);
  }
  return QC_OK;
}

/* Where the " (N)" of an entry starts, or 'n' when the line is a
 * category; '*weight' gets N's text. */
static size_t weight_at(const char *s, size_t n, const char **weight,
                        size_t *wlen) {
  if (n < 4 || s[n - 1] != ')')
    return n;
  size_t i = n - 1;
  while (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
    i--;
  if (i == n - 1 || i < 2 || s[i - 1] != '(' || s[i - 2] != ' ')
    return n;
  *weight = s + i;
  *wlen = n - 1 - i;
  return i - 2;
}

static bool is_operator(const char *w, size_t n) {
  static const char *const ops[] = {"AND", "OR", "NOT", "NEAR", "BEFORE",
                                    "AFTER", NULL};
  for (size_t k = 0; ops[k]; k++)
    if (strlen(ops[k]) == n && !memcmp(ops[k], w, n))
      return true;
  return false;
}

/* The words of an entry: each checked for what qcode would read as its
 * own syntax or cannot map; returns how many there are (0 on error). */
static size_t entry_words(wordstat *w, const char *s, size_t b, size_t e,
                          qc_status *st) {
  size_t words = 0;
  const char *op = NULL;
  size_t opn = 0, opcol = 0;
  for (size_t i = b; i < e;) {
    while (i < e && s[i] == ' ')
      i++;
    if (i == e)
      break;
    size_t w0 = i;
    while (i < e && s[i] != ' ')
      i++;
    size_t wn = i - w0;
    const char *word = s + w0;
    size_t col = column(s, w0);
    words++;
    if (word[0] == '#') {
      *st = ws_error_at(w, w->line, col,
                        "'%.*s' refers to a category: that is a WordStat "
                        "rule, which has no qcode dictionary equivalent; "
                        "write it as a qcode rule (docs/CODEBOOK.md)",
                        (int)(e - b), s + b);
      return 0;
    }
    if (word[0] == '@' || word[0] == '[' || word[0] == '^' ||
        (wn == 1 && word[0] == '*')) {
      *st = ws_error_at(w, w->line, col,
                        "'%.*s': a word starting with '@', '[' or '^', or a "
                        "lone '*', is qcode syntax, not a dictionary word",
                        (int)(e - b), s + b);
      return 0;
    }
    const char *bad = NULL;
    for (size_t k = 0; k < wn && !bad; k++)
      if (word[k] == '?' || word[k] == '_')
        bad = word + k;
    if (bad) {
      *st = ws_error_at(w, w->line, column(s, (size_t)(bad - s)),
                        *bad == '?'
                            ? "'%.*s': '?' (one character?) has no qcode word "
                              "pattern; write the words out, or use '*'"
                            : "'%.*s': what '_' means in a WordStat entry is "
                              "not documented; write a phrase's words with "
                              "spaces",
                        (int)(e - b), s + b);
      return 0;
    }
    if (!op && is_operator(word, wn)) {
      op = word;
      opn = wn;
      opcol = col;
    }
  }
  if (op && words > 1) {
    *st = ws_error_at(w, w->line, opcol,
                      "'%.*s' may be a WordStat rule ('%.*s' in capitals is "
                      "one of its operators); if it is a phrase, write it in "
                      "lower case",
                      (int)(e - b), s + b, (int)opn, op);
    return 0;
  }
  return words;
}

/* An entry line: "PATTERN (1)" at depth 'depth' (> 0). */
static qc_status entry_line(wordstat *w, const char *s, size_t depth,
                            size_t end, const char *weight, size_t wlen) {
  if (!w->nopen)
    return ws_error_at(w, w->line, depth + 1,
                       "an entry before any category: a .cat starts with a "
                       "category line");
  if (depth == 0)
    return ws_error_at(w, w->line, 1,
                       "an entry is indented one tab deeper than its "
                       "category");
  if (depth > w->nopen)
    return ws_error_at(w, w->line, depth + 1,
                       "an entry at indentation level %zu under a category "
                       "at level %zu: an entry is one tab deeper than its "
                       "category",
                       depth, w->nopen - 1);
  if (wlen != 1 || weight[0] != '1')
    return ws_error_at(w, w->line, column(s, (size_t)(weight - s)),
                       "weight (%.*s): qcode counts every match once, so "
                       "only (1) maps exactly",
                       (int)wlen, weight);
  size_t e = end;
  while (e > depth && s[e - 1] == ' ')
    e--;
  if (e == depth)
    return ws_error_at(w, w->line, depth + 1, "an entry without a word");
  qc_status st = close_to(w, depth);
  if (st != QC_OK)
    return st;
  size_t words = entry_words(w, s, depth, e, &st);
  if (!words)
    return st;
  level *cat = &w->open[depth - 1];
  cat->used = true;
  /* one rule per distinct entry of a category, as quanteda merges
   * duplicate values: an entry twice would count each match twice */
  size_t flen;
  char *folded = qc_fold_string(s + depth, e - depth, w->cb->fold_opts, &flen);
  char *key = qc_xmalloc(sizeof cat->code + flen);
  memcpy(key, &cat->code, sizeof cat->code);
  memcpy(key + sizeof cat->code, folded, flen);
  size_t before = w->seen.count;
  qc_strmap_put(&w->seen, key, sizeof cat->code + flen, 0);
  bool fresh = w->seen.count != before;
  free(key);
  free(folded);
  if (!fresh)
    return QC_OK;
  char *pattern = qc_xstrndup(s + depth, e - depth);
  st = qc_codebook_add_rule(w->cb, cat->code,
                            words > 1 ? QC_RULE_PHRASE : QC_RULE_WORD,
                            QC_ROLE_HIT, pattern, w->line,
                            (unsigned)column(s, depth), w->err);
  free(pattern);
  return st;
}

/* A category line: its name at depth 'depth'. */
static qc_status category_line(wordstat *w, const char *s, size_t n,
                               size_t depth) {
  if (depth > w->nopen && !w->nopen)
    return ws_error_at(w, w->line, depth + 1,
                       "the first category is indented: a top-level "
                       "category starts at column 1");
  if (depth > w->nopen)
    return ws_error_at(w, w->line, depth + 1,
                       "a category at indentation level %zu under one at "
                       "level %zu: a subcategory is one tab deeper than its "
                       "parent",
                       depth, w->nopen - 1);
  qc_status st = close_to(w, depth);
  if (st != QC_OK)
    return st;
  size_t parent = QC_NO_PARENT;
  if (depth) {
    w->open[depth - 1].used = true;
    parent = w->open[depth - 1].code;
  }
  char *name = qc_xstrndup(s + depth, n - depth);
  char *id = qc_id_from_name(name);
  unsigned col = (unsigned)column(s, depth);
  size_t code;
  st = qc_codebook_add_code(w->cb, parent, id, w->line, col, &code, w->err);
  free(id);
  if (st != QC_OK) {
    free(name);
    return st;
  }
  qc_code *c = &w->cb->codes[code];
  free(c->label);
  c->label = name;
  c->negation = false;
  w->open[w->nopen++] = (level){code, w->line, col, false};
  return QC_OK;
}

static qc_status one_line(wordstat *w, const char *s, size_t n) {
  size_t depth = 0;
  while (depth < n && s[depth] == '\t')
    depth++;
  if (s[depth] == ' ')
    return ws_error_at(w, w->line, depth + 1,
                       "a space in the indentation: a .cat indents with "
                       "tabs only, one per level");
  if (depth >= MAX_DEPTH)
    return ws_error_at(w, w->line, depth + 1,
                       "categories nested more than %d deep", MAX_DEPTH);
  const char *weight = NULL;
  size_t wlen = 0;
  size_t end = weight_at(s + depth, n - depth, &weight, &wlen) + depth;
  if (end < n)
    return entry_line(w, s, depth, end, weight, wlen);
  return category_line(w, s, n, depth);
}

qc_status qc_codebook_parse_wordstat(qc_codebook *cb, const char *data,
                                     size_t len, qc_error *err) {
  wordstat w;
  memset(&w, 0, sizeof w);
  w.cb = cb;
  w.err = err;
  w.seen = (qc_strmap)QC_STRMAP_INIT;
  size_t bad = qc_utf8_check(data, len);
  const char *nul = memchr(data, '\0', bad < len ? bad : len);
  if (nul)
    bad = (size_t)(nul - data);
  if (bad < len) {
    /* the position of the bad byte, so that an editor can go there */
    unsigned line = 1;
    size_t ls = 0;
    for (size_t k = 0; k < bad; k++)
      if (data[k] == '\n') {
        line++;
        ls = k + 1;
      }
    unsigned col = (unsigned)column(data + ls, bad - ls);
    if (nul)
      return qc_error_set(err, QC_ERR_SCHEMA, cb->file, line, col, bad,
                          "a NUL byte: a .cat is a text file");
    return qc_error_set(err, QC_ERR_UTF8, cb->file, line, col, bad,
                        "invalid UTF-8 at byte %zu: a .cat must be UTF-8 "
                        "(WordStat may write Windows-1252: convert it with "
                        "iconv -f WINDOWS-1252 -t UTF-8)",
                        bad);
  }
  size_t i = len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? 3 : 0;
  qc_status st = QC_OK;
  size_t ncodes = cb->ncodes;
  cb->negators_set = true; /* none: WordStat has no negation */
  while (i < len && st == QC_OK) {
    const char *s = data + i;
    const char *nl = memchr(s, '\n', len - i);
    size_t n = nl ? (size_t)(nl - s) : len - i;
    i += n + (nl != NULL);
    w.line++;
    while (n && (s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
      n--;
    if (n)
      st = one_line(&w, s, n);
  }
  if (st == QC_OK)
    st = close_to(&w, 0);
  if (st == QC_OK && cb->ncodes == ncodes)
    st = qc_error_set(err, QC_ERR_SCHEMA, cb->file, 1, 1, 0,
                      "no category: a .cat holds category lines, and under "
                      "each, tab-indented entries as 'word (1)'");
  qc_strmap_release(&w.seen);
  return st;
}
