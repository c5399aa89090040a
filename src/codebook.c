/* codebook.c: the codebook model. Codes form a tree kept in pre-order (a
 * parent before its children), so roll-up is one backward pass. Word and
 * phrase patterns are folded here with the codebook's folding, the same
 * folding the coder applies to the text, and regexes are compiled once. */
#include "codebook.h"
#include "buf.h"
#include "error.h"
#include "prefilter.h"
#include "strmap.h"
#include "terms.h"
#include "memory.h"
#include "utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

qc_codebook *qc_codebook_new(const char *file) {
  qc_codebook *cb = qc_xcalloc(1, sizeof *cb);
  cb->file = qc_xstrdup(file ? file : "-");
  cb->fold_opts = QC_FOLD_CASE;
  cb->regex_opts = QC_REGEX_CASELESS;
  cb->neg_before = 3;
  cb->neg_after = 0;
  cb->rx = qc_regex_ctx_new();
  return cb;
}

static bool valid_id(const char *id) {
  if (!((*id >= 'a' && *id <= 'z') || (*id >= '0' && *id <= '9')))
    return false;
  for (const char *p = id; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' ||
          *p == '_' || *p == '.'))
      return false;
  return strlen(id) <= 64;
}

/* An id made from a name (of a REFI-QDA code, a dictionary category): lower case, diacritics stripped, runs
 * of other characters as one '-', at most 64 bytes; "code" if nothing is
 * left. Sibling ids are made unique afterwards. */
/* A cut id must not end in '-' or '.': the id made again from it as a
 * name would lose them, and a round trip must give the same id. */
static void trim_id_end(qc_buf *b) {
  while (b->len && (b->ptr[b->len - 1] == '-' || b->ptr[b->len - 1] == '.'))
    b->len--;
}

char *qc_id_from_name(const char *name) {
  utf8proc_uint8_t *folded = NULL;
  utf8proc_ssize_t n = utf8proc_map(
      (const utf8proc_uint8_t *)name, 0, &folded,
      UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
          UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
  qc_buf b = QC_BUF_INIT;
  bool dash = false;
  for (utf8proc_ssize_t i = 0; n > 0 && i < n && b.len < 64; i++) {
    unsigned char ch = folded[i];
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' ||
        ch == '.') {
      if (dash && b.len)
        qc_buf_putc(&b, '-');
      dash = false;
      qc_buf_putc(&b, (char)ch);
    } else {
      dash = true;
    }
  }
  free(folded);
  if (b.len > 64)
    b.len = 64;
  trim_id_end(&b);
  if (!b.len || !((b.ptr[0] >= 'a' && b.ptr[0] <= 'z') ||
                  (b.ptr[0] >= '0' && b.ptr[0] <= '9'))) {
    qc_buf c = QC_BUF_INIT;
    qc_buf_puts(&c, "code");
    if (b.len)
      qc_buf_printf(&c, "-%.*s", (int)(b.len > 59 ? 59 : b.len), b.ptr);
    qc_buf_release(&b);
    b = c;
    trim_id_end(&b);
  }
  qc_buf_putc(&b, '\0');
  return qc_buf_detach(&b, NULL);
}

qc_status qc_codebook_add_code(qc_codebook *cb, size_t parent, const char *id,
                               unsigned line, unsigned col, size_t *index,
                               qc_error *err) {
  if (!valid_id(id))
    return qc_error_set(err, QC_ERR_SCHEMA, cb->file, line, col, 0,
                        "invalid code id '%s' (use a-z, 0-9, '-', '_', '.', "
                        "starting with a letter or digit)",
                        id);
  char *path;
  if (parent == QC_NO_PARENT) {
    path = qc_xstrdup(id);
  } else {
    const char *pp = cb->codes[parent].path;
    size_t n = strlen(pp) + 1 + strlen(id) + 1;
    path = qc_xmalloc(n);
    snprintf(path, n, "%s/%s", pp, id);
  }
  size_t first = qc_strmap_put(&cb->paths, path, strlen(path), cb->ncodes);
  if (first != cb->ncodes) {
    qc_status s = qc_error_set(
        err, QC_ERR_SCHEMA, cb->file, line, col, 0,
        "duplicate code id '%s' (first defined at line %u, column %u); give "
        "one of them another id",
        path, cb->codes[first].line, cb->codes[first].col);
    free(path);
    return s;
  }
  QC_GROW(cb->codes, cb->codes_cap, cb->ncodes + 1);
  qc_code *c = &cb->codes[cb->ncodes];
  memset(c, 0, sizeof *c);
  c->id = qc_xstrdup(id);
  c->path = path;
  c->label = qc_xstrdup("");
  c->description = qc_xstrdup("");
  c->parent = parent;
  c->depth = parent == QC_NO_PARENT ? 0 : cb->codes[parent].depth + 1;
  c->negation = true;
  c->line = line;
  c->col = col;
  *index = cb->ncodes++;
  return QC_OK;
}

/* Checks one folded word pattern: not empty, no white space, not only
 * stars, no two stars in a row. */
const char *qc_word_pattern_problem(const char *p, size_t n) {
  if (n == 0)
    return "is empty";
  bool literal = false;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
      return "contains white space (use a phrase for several words)";
    if (c == '*' && i + 1 < n && p[i + 1] == '*')
      return "has '**' (one '*' already matches any run of characters)";
    if (c != '*')
      literal = true;
  }
  return literal ? NULL : "has no literal character";
}

/* A phrase's items make sense: a gap stands between two items, '^' comes
 * first, and a '*' at an end (any one word), '^' and punctuation marks are
 * for gapless phrases, which need a word pattern or class to start from.
 * Sets r->gapped. */
static qc_status check_phrase(qc_codebook *cb, qc_rule *r, const char *what,
                              qc_error *err) {
  qc_item *it = r->items;
  size_t n = r->nitems;
  bool term = false, tokens = false;
  for (size_t j = 0; j < n; j++) {
    bool edge = j == 0 || j + 1 == n;
    if (it[j].kind == QC_ITEM_GAP && edge && it[j].gap_min == 1 &&
        it[j].gap_max == 1 && n > 1)
      it[j].kind = QC_ITEM_ANY;
    if (it[j].kind == QC_ITEM_GAP && edge)
      return qc_error_set(err, QC_ERR_SCHEMA, cb->file, r->line, r->col, 0,
                          "%s starts or ends with a gap of several words; a "
                          "gap stands between two words",
                          what);
    if (it[j].kind == QC_ITEM_START && j > 0)
      return qc_error_set(err, QC_ERR_SCHEMA, cb->file, r->line, r->col, 0,
                          "%s: '^' (the start of the segment) can only come "
                          "first",
                          what);
    r->gapped = r->gapped || it[j].kind == QC_ITEM_GAP;
    term = term || it[j].kind == QC_ITEM_TERM;
    tokens = tokens || it[j].kind == QC_ITEM_PUNCT ||
             it[j].kind == QC_ITEM_START || it[j].kind == QC_ITEM_ANY;
  }
  if (!term)
    return qc_error_set(err, QC_ERR_SCHEMA, cb->file, r->line, r->col, 0,
                        "%s has no word pattern or class to find it by",
                        what);
  if (tokens && r->gapped)
    return qc_error_set(err, QC_ERR_SCHEMA, cb->file, r->line, r->col, 0,
                        "%s mixes a gap with '^', punctuation or a '*' at "
                        "its end; such a phrase has no gaps",
                        what);
  return QC_OK;
}

/* A words or phrase rule's items from its source: the folded words, each
 * a pattern or a '@class', and in phrases gaps ('*', '[0-4]') between
 * them. */
static qc_status add_word_parts(qc_codebook *cb, qc_rule *r, const char *src,
                                qc_error *err) {
  size_t flen;
  char *folded = qc_fold_string(src, strlen(src), cb->fold_opts, &flen);
  char *save = NULL;
  size_t cap = 0;
  const char *kind = r->kind == QC_RULE_WORD ? "word" : "phrase";
  qc_status s = QC_OK;
  for (char *w = strtok_r(folded, " \t\n\r", &save); w && s == QC_OK;
       w = strtok_r(NULL, " \t\n\r", &save)) {
    QC_GROW(r->items, cap, r->nitems + 1);
    qc_item *it = &r->items[r->nitems];
    bool phrase = r->kind == QC_RULE_PHRASE;
    bool special = w[0] == '@' ||
                   (phrase && (!strcmp(w, "*") || w[0] == '[' ||
                               !strcmp(w, "^") ||
                               strspn(w, ".,;:!?|") == strlen(w)));
    const char *why = special ? NULL : qc_word_pattern_problem(w, strlen(w));
    if (why) {
      s = qc_error_set(err, QC_ERR_SCHEMA, cb->file, r->line, r->col, 0,
                       "invalid wildcard in %s pattern '%s': '%s' %s", kind,
                       src, w, why);
      break;
    }
    s = qc_codebook_parse_item(cb, w, phrase, r->line, r->col, it, err);
    if (s == QC_OK)
      r->nitems++;
  }
  free(folded);
  if (s != QC_OK)
    return s;
  if (r->nitems == 0)
    return qc_error_set(err, QC_ERR_SCHEMA, cb->file, r->line, r->col, 0,
                        "empty %s pattern", kind);
  if (r->kind == QC_RULE_WORD && r->nitems > 1)
    return qc_error_set(err, QC_ERR_SCHEMA, cb->file, r->line, r->col, 0,
                        "word pattern '%s' contains white space (use a phrase "
                        "for several words)",
                        src);
  qc_buf what = QC_BUF_INIT;
  qc_buf_printf(&what, "phrase '%s'", src);
  s = check_phrase(cb, r, what.ptr, err);
  qc_buf_release(&what);
  return s;
}

/* Codes often share a pattern (a codebook that copies one code's rules
 * into another): each rule learns the first rule with its pattern. */
static void link_same_regexes(qc_codebook *cb) {
  qc_strmap first = QC_STRMAP_INIT;
  for (size_t i = 0; i < cb->nrules; i++) {
    qc_rule *r = &cb->rules[i];
    r->same_regex = i;
    if (r->kind != QC_RULE_REGEX)
      continue;
    size_t f = qc_strmap_put(&first, r->source, strlen(r->source), i);
    if (f != i) {
      r->same_regex = f;
      r->shared = cb->rules[f].shared = true;
    }
  }
  qc_strmap_release(&first);
}

static void free_strings(char **v, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(v[i]);
  free(v);
}

static qc_status compile_regex(qc_codebook *cb, qc_rule *r, qc_error *err) {
  /* The text is folded before matching, so the pattern gets the same
   * folding except case (left to PCRE2_CASELESS, since folding the pattern
   * would change escapes such as \D and \W). */
  size_t plen;
  char *pat = qc_fold_string(r->source, strlen(r->source),
                             cb->fold_opts & ~QC_FOLD_CASE, &plen);
  char msg[256];
  size_t off = 0;
  r->re = qc_regex_compile(pat, plen, cb->regex_opts, &off, msg, sizeof msg);
  char **lits;
  size_t nlits;
  bool caseless = cb->regex_opts & QC_REGEX_CASELESS;
  bool prefix = false;
  /* a pattern anchored at the start is tried once a segment: a prefilter
   * would cost more than it saves */
  bool filter = r->re && !qc_regex_is_anchored(r->re);
  if (filter && qc_regex_literals(pat, plen, caseless, true, &lits, &nlits)) {
    r->anchored = qc_regex_compile(pat, plen, cb->regex_opts | QC_REGEX_ANCHORED,
                                   &off, msg, sizeof msg);
    prefix = r->anchored != NULL;
    if (!prefix)
      free_strings(lits, nlits);
  }
  if (filter && (prefix || qc_regex_literals(pat, plen, caseless, false, &lits,
                                             &nlits))) {
    if (!cb->prefilter)
      cb->prefilter = qc_prefilter_new();
    for (size_t i = 0; i < nlits; i++)
      qc_prefilter_add(cb->prefilter, lits[i], strlen(lits[i]),
                       (size_t)(r - cb->rules), prefix);
    free_strings(lits, nlits);
    r->filtered = true;
  }
  free(pat);
  const char *code = cb->codes[r->code].path;
  if (!r->re)
    return qc_error_set(err, QC_ERR_REGEX, cb->file, r->line, r->col, 0,
                        "code '%s': invalid regex '%s' at offset %zu: %s", code,
                        r->source, off, msg);
  if (qc_regex_matches_empty(r->re, cb->rx))
    return qc_error_set(err, QC_ERR_REGEX, cb->file, r->line, r->col, 0,
                        "code '%s': regex '%s' can match the empty string (every "
                        "rule must match at least one character)", code,
                        r->source);
  return QC_OK;
}

/* The name of a control or invisible character that has no place in a
 * pattern (YAML makes them from escapes such as "\b"), or NULL. */
static const char *control_name(int32_t cp) {
  switch (cp) {
  case 0x00: return "a NUL character";
  case 0x07: return "a bell character";
  case 0x08: return "a backspace";
  case 0x09: return "a tab";
  case 0x0A: return "a line break";
  case 0x0B: return "a vertical tab";
  case 0x0C: return "a form feed";
  case 0x0D: return "a carriage return";
  case 0x1B: return "an escape character";
  case 0x85: return "a next-line character";
  case 0x2028: return "a line separator";
  case 0x2029: return "a paragraph separator";
  default:
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ? "a control character"
                                                  : NULL;
  }
}

/* The first control character in 's', as "a backspace (U+0008)". */
static bool find_control(const char *s, char *out, size_t size) {
  size_t n = strlen(s);
  for (size_t i = 0; i < n;) {
    int32_t cp;
    int k = qc_utf8_decode(s + i, n - i, &cp);
    const char *name = k > 0 ? control_name(cp) : NULL;
    if (name) {
      snprintf(out, size, "%s (U+%04X)", name, (unsigned)cp);
      return true;
    }
    i += k > 0 ? (size_t)k : 1;
  }
  return false;
}

static qc_rule *new_rule(qc_codebook *cb, size_t code, qc_rule_kind kind,
                         qc_rule_role role, unsigned line, unsigned col) {
  QC_GROW(cb->rules, cb->rules_cap, cb->nrules + 1);
  qc_rule *r = &cb->rules[cb->nrules++];
  memset(r, 0, sizeof *r);
  r->kind = kind;
  r->role = role;
  r->code = code;
  r->line = line;
  r->col = col;
  r->within = 5;
  r->scope = QC_SCOPE_SENTENCE;
  return r;
}

qc_status qc_codebook_add_rule(qc_codebook *cb, size_t code, qc_rule_kind kind,
                               qc_rule_role role, const char *src, unsigned line,
                               unsigned col, qc_error *err) {
  qc_rule *r = new_rule(cb, code, kind, role, line, col);
  r->source = qc_xstrdup(src);
  char what[64];
  if (find_control(src, what, sizeof what))
    return qc_error_set(err, QC_ERR_SCHEMA, cb->file, line, col, 0,
                        "code '%s': %s contains %s; in YAML write patterns in "
                        "single quotes",
                        cb->codes[code].path,
                        kind == QC_RULE_REGEX    ? "regex"
                        : kind == QC_RULE_PHRASE ? "phrase"
                                                 : "word pattern",
                        what);
  if (kind == QC_RULE_REGEX)
    return compile_regex(cb, r, err);
  return add_word_parts(cb, r, src, err);
}

/* Folds and appends one single-word pattern of a settings list. */
static qc_status add_setting_word(qc_codebook *cb, char ***list, size_t *n,
                                  size_t *cap, const char *what,
                                  const char *word, unsigned line,
                                  unsigned col, qc_error *err) {
  char control[64];
  if (find_control(word, control, sizeof control))
    return qc_error_set(err, QC_ERR_SCHEMA, cb->file, line, col, 0,
                        "invalid %s: it contains %s", what, control);
  size_t len;
  char *f = qc_fold_string(word, strlen(word), cb->fold_opts, &len);
  const char *why = qc_word_pattern_problem(f, len);
  if (why) {
    free(f);
    return qc_error_set(err, QC_ERR_SCHEMA, cb->file, line, col, 0,
                        "invalid %s '%s': %s", what, word, why);
  }
  QC_GROW(*list, *cap, *n + 1);
  (*list)[(*n)++] = f;
  return QC_OK;
}

qc_status qc_codebook_add_token_rule(qc_codebook *cb, size_t code,
                                     qc_rule_kind kind, qc_rule_role role,
                                     qc_item *items, size_t nitems,
                                     unsigned line, unsigned col,
                                     qc_error *err) {
  qc_rule *r = new_rule(cb, code, kind, role, line, col);
  r->items = items;
  r->nitems = nitems;
  r->source = qc_xstrdup("");
  if (nitems == 0)
    return qc_error_set(err, QC_ERR_SCHEMA, cb->file, line, col, 0,
                        "code '%s': a rule needs words", cb->codes[code].path);
  if (kind == QC_RULE_PHRASE) {
    qc_buf b = QC_BUF_INIT;
    qc_buf_printf(&b, "code '%s': a phrase rule", cb->codes[code].path);
    qc_status s = check_phrase(cb, r, b.ptr, err);
    qc_buf_release(&b);
    return s;
  }
  return QC_OK;
}

qc_rule *qc_codebook_last_rule(qc_codebook *cb) {
  return &cb->rules[cb->nrules - 1];
}

qc_status qc_codebook_add_negator(qc_codebook *cb, const char *word,
                                  unsigned line, unsigned col, qc_error *err) {
  return add_setting_word(cb, &cb->negators, &cb->nnegators,
                          &cb->negators_cap, "negation word", word, line, col,
                          err);
}

qc_status qc_codebook_add_contrast(qc_codebook *cb, const char *word,
                                   unsigned line, unsigned col, qc_error *err) {
  return add_setting_word(cb, &cb->contrast, &cb->ncontrast,
                          &cb->contrast_cap, "contrast word", word, line, col,
                          err);
}

void qc_codebook_add_example(qc_codebook *cb, size_t code, const char *text,
                             bool counter, unsigned line, unsigned col) {
  qc_code *c = &cb->codes[code];
  QC_GROW(c->examples, c->examples_cap, c->nexamples + 1);
  c->examples[c->nexamples++] =
      (qc_example){qc_xstrdup(text), counter, line, col};
}

/* The canonical form is one line per setting, code and rule, fields
 * separated by a unit separator, so no source text can fake a boundary. */
static void make_fingerprint(qc_codebook *cb) {
  qc_buf b = QC_BUF_INIT;
  qc_buf_printf(&b, "qcode 1\nfold %u regex %u before %u after %u\n",
                cb->fold_opts, cb->regex_opts, cb->neg_before, cb->neg_after);
  for (size_t i = 0; i < cb->nnegators; i++)
    qc_buf_printf(&b, "negator\x1f%s\n", cb->negators[i]);
  for (size_t i = 0; i < cb->ncontrast; i++)
    qc_buf_printf(&b, "contrast\x1f%s\n", cb->contrast[i]);
  for (size_t i = 0; i < cb->ncodes; i++)
    qc_buf_printf(&b, "code\x1f%s\x1f%d\n", cb->codes[i].path,
                  cb->codes[i].invert ? 2 : cb->codes[i].negation);
  for (size_t i = 0; i < cb->nrules; i++) {
    const qc_rule *r = &cb->rules[i];
    qc_buf_printf(&b, "rule\x1f%s\x1f%d\x1f%d\x1f%s\n",
                  cb->codes[r->code].path, (int)r->kind, (int)r->role,
                  r->source);
  }
  qc_terms_fingerprint(cb, &b);
  uint64_t h = 14695981039346656037ULL; /* FNV-1a, 64-bit */
  for (size_t i = 0; i < b.len; i++) {
    h ^= (unsigned char)b.ptr[i];
    h *= 1099511628211ULL;
  }
  snprintf(cb->fingerprint, sizeof cb->fingerprint, "fnv1a64:%016llx",
           (unsigned long long)h);
  qc_buf_release(&b);
}

/* Default negators when the codebook names none: Dutch negation words
 * (DOMAIN.md, "The Dutch that rules meet"). */
static const char *const default_negators[] = {
    "niet", "geen", "nooit", "niets", "niks", "nergens", "zonder",
    "allerminst", "niemand", "noch", "geenszins"};

/* Default contrast words: after a comma they open a new clause ("geen
 * vergadering, wel stress"), so a negator before the comma does not
 * reach a cue after it. */
static const char *const default_contrast[] = {
    "wel", "maar", "alleen", "toch", "echter", "daarentegen"};

qc_status qc_codebook_finish(qc_codebook *cb, qc_error *err) {
  if (!cb->negators_set)
    for (size_t i = 0; i < sizeof default_negators / sizeof *default_negators;
         i++)
      QC_TRY(qc_codebook_add_negator(cb, default_negators[i], 0, 0, err));
  if (!cb->contrast_set)
    for (size_t i = 0; i < sizeof default_contrast / sizeof *default_contrast;
         i++)
      QC_TRY(qc_codebook_add_contrast(cb, default_contrast[i], 0, 0, err));
  /* A code without rules is allowed (a draft, or rules removed to see what
   * they did with `qcode diff`); `qcode check` reports it. */
  for (size_t i = 0; i < cb->nrules; i++)
    if (cb->rules[i].role == QC_ROLE_HIT)
      cb->codes[cb->rules[i].code].has_rules = true;
  for (size_t i = cb->ncodes; i-- > 0;)
    if (cb->codes[i].has_rules && cb->codes[i].parent != QC_NO_PARENT)
      cb->codes[cb->codes[i].parent].has_rules = true;
  if (cb->ncodes == 0)
    return qc_error_set(err, QC_ERR_SCHEMA, cb->file, 1, 1, 0,
                        "codebook has no codes");
  QC_TRY(qc_terms_resolve(cb, err));
  cb->negation = qc_lexicon_new();
  for (size_t i = 0; i < cb->nnegators; i++)
    qc_lexicon_add(cb->negation, cb->negators[i], strlen(cb->negators[i]), i);
  cb->contrast_words = qc_lexicon_new();
  for (size_t i = 0; i < cb->ncontrast; i++)
    qc_lexicon_add(cb->contrast_words, cb->contrast[i], strlen(cb->contrast[i]),
                   i);
  if (cb->prefilter && !qc_prefilter_build(cb->prefilter)) {
    qc_prefilter_free(cb->prefilter); /* too large: every regex scans */
    cb->prefilter = NULL;
  }
  link_same_regexes(cb);
  make_fingerprint(cb);
  return QC_OK;
}

/* ---- public API ---- */

const char *qc_codebook_fingerprint(const qc_codebook *cb) {
  return cb->fingerprint;
}

static bool ends_with(const char *name, const char *ext) {
  size_t n = name ? strlen(name) : 0;
  return n > 4 && !strcasecmp(name + n - 4, ext);
}

qc_status qc_codebook_load_mem(qc_codebook **out, const char *data,
                               size_t len, const char *name, qc_error *err) {
  return qc_codebook_load_mem_as(out, data, len, name, QC_CODEBOOK_AUTO, err);
}

qc_status qc_codebook_load_mem_as(qc_codebook **out, const char *data,
                                  size_t len, const char *name,
                                  qc_codebook_format format, qc_error *err) {
  *out = NULL;
  qc_codebook *cb = qc_codebook_new(name);
  if (format == QC_CODEBOOK_AUTO && ends_with(name, ".dic"))
    format = QC_CODEBOOK_LIWC;
  if (format == QC_CODEBOOK_AUTO && ends_with(name, ".cat"))
    format = QC_CODEBOOK_WORDSTAT;
  qc_status s = format == QC_CODEBOOK_LIWC
                    ? qc_codebook_parse_liwc(cb, data, len, err)
                : format == QC_CODEBOOK_WORDSTAT
                    ? qc_codebook_parse_wordstat(cb, data, len, err)
                    : qc_codebook_parse_yaml(cb, data, len, format, err);
  if (s == QC_OK)
    s = qc_codebook_finish(cb, err);
  if (s != QC_OK) {
    qc_codebook_free(cb);
    return s;
  }
  *out = cb;
  return QC_OK;
}

qc_status qc_codebook_load_extra(qc_codebook **out, const char *data,
                                 size_t len, const char *name,
                                 const qc_extra_rule *extra, size_t nextra,
                                 qc_error *err) {
  *out = NULL;
  qc_codebook *cb = qc_codebook_new(name);
  qc_status s = qc_codebook_parse_yaml(cb, data, len, QC_CODEBOOK_QCODE, err);
  for (size_t i = 0; i < nextra && s == QC_OK; i++)
    s = extra[i].code < cb->ncodes
            ? qc_codebook_parse_rule_yaml(cb, extra[i].code, extra[i].role,
                                          extra[i].yaml, strlen(extra[i].yaml),
                                          err)
            : qc_error_set(err, QC_ERR_USAGE, name, 0, 0, 0,
                           "no code %zu for an extra rule", extra[i].code);
  if (s == QC_OK)
    s = qc_codebook_finish(cb, err);
  if (s != QC_OK) {
    qc_codebook_free(cb);
    return s;
  }
  *out = cb;
  return QC_OK;
}

qc_status qc_codebook_load(qc_codebook **out, const char *path,
                           qc_error *err) {
  return qc_codebook_load_as(out, path, QC_CODEBOOK_AUTO, err);
}

qc_status qc_codebook_load_as(qc_codebook **out, const char *path,
                              qc_codebook_format format, qc_error *err) {
  *out = NULL;
  qc_buf data = QC_BUF_INIT;
  qc_status s = qc_buf_read_file(&data, path, err);
  if (s == QC_OK)
    s = qc_codebook_load_mem_as(out, data.ptr, data.len, path, format, err);
  qc_buf_release(&data);
  return s;
}

void qc_codebook_free(qc_codebook *cb) {
  if (!cb)
    return;
  for (size_t i = 0; i < cb->ncodes; i++) {
    qc_code *c = &cb->codes[i];
    free(c->id);
    free(c->path);
    free(c->label);
    free(c->description);
    for (size_t j = 0; j < c->nexamples; j++)
      free(c->examples[j].text);
    free(c->examples);
  }
  free(cb->codes);
  for (size_t i = 0; i < cb->nrules; i++) {
    qc_rule *r = &cb->rules[i];
    free(r->source);
    for (size_t j = 0; j < r->nitems; j++)
      qc_item_release(&r->items[j]);
    free(r->items);
    qc_item_release(&r->unless);
    qc_regex_free(r->re);
    qc_regex_free(r->anchored);
  }
  free(cb->rules);
  for (size_t i = 0; i < cb->nnegators; i++)
    free(cb->negators[i]);
  free(cb->negators);
  for (size_t i = 0; i < cb->ncontrast; i++)
    free(cb->contrast[i]);
  free(cb->contrast);
  qc_lexicon_free(cb->contrast_words);
  qc_strmap_release(&cb->paths);
  qc_terms_release(cb);
  qc_lexicon_free(cb->words);
  qc_lexicon_free(cb->negation);
  qc_regex_ctx_free(cb->rx);
  qc_prefilter_free(cb->prefilter);
  free(cb->file);
  free(cb->name);
  free(cb->title);
  free(cb->description);
  free(cb);
}

size_t qc_codebook_rule_count(const qc_codebook *cb) { return cb->nrules; }

void qc_codebook_rule(const qc_codebook *cb, size_t i, qc_rule_info *out) {
  static const char *const kinds[] = {"word", "phrase", "regex", "near"};
  static const char *const roles[] = {"hit", "exclude", "mask"};
  const qc_rule *r = &cb->rules[i];
  *out = (qc_rule_info){r->code, kinds[r->kind], roles[r->role], r->source,
                        r->line};
}

size_t qc_codebook_code_count(const qc_codebook *cb) { return cb->ncodes; }

const char *qc_codebook_code_path(const qc_codebook *cb, size_t i) {
  return cb->codes[i].path;
}

const char *qc_codebook_code_label(const qc_codebook *cb, size_t i) {
  return cb->codes[i].label;
}

size_t qc_codebook_code_parent(const qc_codebook *cb, size_t i) {
  return cb->codes[i].parent;
}

size_t qc_codebook_code_find(const qc_codebook *cb, const char *path) {
  size_t idx;
  return qc_strmap_get(&cb->paths, path, strlen(path), &idx) ? idx
                                                              : (size_t)-1;
}
