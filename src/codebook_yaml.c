/* codebook_yaml.c: reads a codebook's YAML into the model of codebook.c,
 * and a quanteda dictionary in YAML as a codebook (parse_dictionary).
 * The one file that calls libyaml. It loads the document graph, then walks
 * it with a schema check on every key, so that each error points at its
 * node. libyaml marks are 0-based and count code points; they become 1-based
 * here and nowhere else. Aliases share nodes, so the walk caps both the
 * nesting depth and the number of nodes visited: a self-referencing alias
 * or an alias bomb ends in an error, not in a blow-up. */
#include "codebook.h"
#include "buf.h"
#include "error.h"
#include "memory.h"
#include "utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#define MAX_CODE_DEPTH 64
#define MAX_VISITS 1000000

typedef struct loader {
  qc_codebook *cb;
  const char *data; /* the YAML text, to turn marks into byte offsets */
  size_t len;
  yaml_document_t *doc;
  qc_error *err;
  size_t visits;
} loader;

static unsigned line_of(const yaml_node_t *n) {
  return (unsigned)n->start_mark.line + 1;
}
static unsigned col_of(const yaml_node_t *n) {
  return (unsigned)n->start_mark.column + 1;
}

/* libyaml counts marks in code points, after a byte order mark, with
 * "\r\n", "\r" and "\n" as line breaks; messages carry byte offsets. */
static size_t byte_offset(const char *data, size_t len, yaml_mark_t m) {
  size_t i = len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? 3 : 0;
  size_t line = 0, col = 0;
  while (i < len && line < m.line) {
    char c = data[i++];
    if (c == '\r' && i < len && data[i] == '\n')
      i++;
    if (c == '\n' || c == '\r')
      line++;
  }
  while (i < len && col < m.column) {
    i++;
    while (i < len && ((unsigned char)data[i] & 0xC0) == 0x80)
      i++;
    col++;
  }
  return i;
}

static qc_status node_error(loader *ld, const yaml_node_t *n, qc_status code,
                            const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static qc_status node_error(loader *ld, const yaml_node_t *n, qc_status code,
                            const char *fmt, ...) {
  char msg[400];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  return qc_error_set(ld->err, code, ld->cb->file, line_of(n), col_of(n),
                      byte_offset(ld->data, ld->len, n->start_mark), "%s",
                      msg);
}

static yaml_node_t *get(loader *ld, int id) {
  return yaml_document_get_node(ld->doc, id);
}

static qc_status visit(loader *ld, const yaml_node_t *n) {
  if (++ld->visits > MAX_VISITS)
    return node_error(ld, n, QC_ERR_SCHEMA,
                      "codebook too large: more than %d YAML nodes after "
                      "expanding aliases",
                      MAX_VISITS);
  return QC_OK;
}

static const char *type_name(const yaml_node_t *n) {
  switch (n->type) {
  case YAML_SCALAR_NODE: return "a scalar";
  case YAML_SEQUENCE_NODE: return "a list";
  case YAML_MAPPING_NODE: return "a mapping";
  default: return "nothing";
  }
}

static qc_status expect(loader *ld, const yaml_node_t *n, yaml_node_type_t t,
                        const char *what) {
  QC_TRY(visit(ld, n));
  if (n->type == t)
    return QC_OK;
  const char *want = t == YAML_SCALAR_NODE     ? "a scalar"
                     : t == YAML_SEQUENCE_NODE ? "a list"
                                               : "a mapping";
  return node_error(ld, n, QC_ERR_SCHEMA, "'%s' must be %s, not %s", what,
                    want, type_name(n));
}

static const char *scalar(const yaml_node_t *n) {
  return (const char *)n->data.scalar.value;
}

/* Rejects keys that are not scalars, and duplicate keys, which libyaml
 * accepts silently. */
static qc_status check_keys(loader *ld, const yaml_node_t *map) {
  yaml_node_pair_t *b = map->data.mapping.pairs.start;
  yaml_node_pair_t *e = map->data.mapping.pairs.top;
  for (yaml_node_pair_t *p = b; p < e; p++) {
    yaml_node_t *k = get(ld, p->key);
    if (k->type != YAML_SCALAR_NODE)
      return node_error(ld, k, QC_ERR_SCHEMA, "mapping keys must be scalars");
    for (yaml_node_pair_t *q = b; q < p; q++)
      if (strcmp(scalar(get(ld, q->key)), scalar(k)) == 0)
        return node_error(ld, k, QC_ERR_SCHEMA, "duplicate key '%s'",
                          scalar(k));
  }
  return QC_OK;
}

static qc_status unknown_key(loader *ld, const yaml_node_t *k,
                             const char *where, const char *known) {
  return node_error(ld, k, QC_ERR_SCHEMA, "unknown key '%s' in %s (known: %s)",
                    scalar(k), where, known);
}

static yaml_node_t *lookup(loader *ld, const yaml_node_t *map,
                           const char *key) {
  for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
       p < map->data.mapping.pairs.top; p++)
    if (strcmp(scalar(get(ld, p->key)), key) == 0)
      return get(ld, p->value);
  return NULL;
}

static qc_status parse_uint(loader *ld, const yaml_node_t *n, const char *what,
                            unsigned max, unsigned *out) {
  QC_TRY(expect(ld, n, YAML_SCALAR_NODE, what));
  const char *s = scalar(n);
  char *end;
  unsigned long v = strtoul(s, &end, 10);
  if (!*s || *end || *s == '-' || *s == '+' || v > max)
    return node_error(ld, n, QC_ERR_SCHEMA,
                      "'%s' must be a whole number from 0 to %u, not '%s'",
                      what, max, s);
  *out = (unsigned)v;
  return QC_OK;
}

static qc_status parse_bool(loader *ld, const yaml_node_t *n, const char *what,
                            bool *out) {
  QC_TRY(expect(ld, n, YAML_SCALAR_NODE, what));
  const char *s = scalar(n);
  if (!strcmp(s, "true") || !strcmp(s, "yes") || !strcmp(s, "on")) {
    *out = true;
  } else if (!strcmp(s, "false") || !strcmp(s, "no") || !strcmp(s, "off")) {
    *out = false;
  } else {
    return node_error(ld, n, QC_ERR_SCHEMA,
                      "'%s' must be true or false, not '%s'", what, s);
  }
  return QC_OK;
}

static qc_status parse_choice(loader *ld, const yaml_node_t *n,
                              const char *what, const char *a, const char *b,
                              bool *is_b) {
  QC_TRY(expect(ld, n, YAML_SCALAR_NODE, what));
  if (strcmp(scalar(n), a) && strcmp(scalar(n), b))
    return node_error(ld, n, QC_ERR_SCHEMA, "'%s' must be '%s' or '%s', not '%s'",
                      what, a, b, scalar(n));
  *is_b = strcmp(scalar(n), b) == 0;
  return QC_OK;
}

/* Calls 'each' on every scalar item of a list of strings. */
typedef qc_status (*item_fn)(loader *ld, const yaml_node_t *item, void *arg);

static qc_status each_string(loader *ld, const yaml_node_t *n,
                             const char *what, item_fn each, void *arg) {
  QC_TRY(expect(ld, n, YAML_SEQUENCE_NODE, what));
  if (n->data.sequence.items.start == n->data.sequence.items.top)
    return node_error(ld, n, QC_ERR_SCHEMA, "'%s' is an empty list", what);
  for (yaml_node_item_t *i = n->data.sequence.items.start;
       i < n->data.sequence.items.top; i++) {
    yaml_node_t *item = get(ld, *i);
    QC_TRY(expect(ld, item, YAML_SCALAR_NODE, what));
    QC_TRY(each(ld, item, arg));
  }
  return QC_OK;
}

static qc_status add_negator(loader *ld, const yaml_node_t *item, void *arg) {
  (void)arg;
  return qc_codebook_add_negator(ld->cb, scalar(item), line_of(item),
                                 col_of(item), ld->err);
}

static qc_status parse_negation(loader *ld, const yaml_node_t *n) {
  QC_TRY(expect(ld, n, YAML_MAPPING_NODE, "negation"));
  QC_TRY(check_keys(ld, n));
  for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
       p < n->data.mapping.pairs.top; p++) {
    yaml_node_t *k = get(ld, p->key), *v = get(ld, p->value);
    const char *key = scalar(k);
    if (!strcmp(key, "words")) {
      ld->cb->negators_set = true;
      QC_TRY(each_string(ld, v, "negation words", add_negator, NULL));
    } else if (!strcmp(key, "before")) {
      QC_TRY(parse_uint(ld, v, "before", 50, &ld->cb->neg_before));
    } else if (!strcmp(key, "after")) {
      QC_TRY(parse_uint(ld, v, "after", 50, &ld->cb->neg_after));
    } else {
      return unknown_key(ld, k, "negation", "words, before, after");
    }
  }
  return QC_OK;
}

static qc_status add_contrast(loader *ld, const yaml_node_t *item, void *arg) {
  (void)arg;
  return qc_codebook_add_contrast(ld->cb, scalar(item), line_of(item),
                                  col_of(item), ld->err);
}

static qc_status parse_clauses(loader *ld, const yaml_node_t *n) {
  QC_TRY(expect(ld, n, YAML_MAPPING_NODE, "clauses"));
  QC_TRY(check_keys(ld, n));
  for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
       p < n->data.mapping.pairs.top; p++) {
    yaml_node_t *k = get(ld, p->key), *v = get(ld, p->value);
    if (strcmp(scalar(k), "contrast"))
      return unknown_key(ld, k, "clauses", "contrast");
    ld->cb->contrast_set = true;
    QC_TRY(each_string(ld, v, "contrast", add_contrast, NULL));
  }
  return QC_OK;
}

static qc_status parse_settings(loader *ld, const yaml_node_t *n) {
  QC_TRY(expect(ld, n, YAML_MAPPING_NODE, "settings"));
  QC_TRY(check_keys(ld, n));
  qc_codebook *cb = ld->cb;
  const yaml_node_t *negation = NULL, *clauses = NULL;
  for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
       p < n->data.mapping.pairs.top; p++) {
    yaml_node_t *k = get(ld, p->key), *v = get(ld, p->value);
    const char *key = scalar(k);
    bool b = false;
    if (!strcmp(key, "case")) {
      QC_TRY(parse_choice(ld, v, "case", "insensitive", "sensitive", &b));
      cb->fold_opts = b ? cb->fold_opts & ~QC_FOLD_CASE
                        : cb->fold_opts | QC_FOLD_CASE;
      cb->regex_opts = b ? 0 : QC_REGEX_CASELESS;
    } else if (!strcmp(key, "diacritics")) {
      QC_TRY(parse_choice(ld, v, "diacritics", "keep", "fold", &b));
      cb->fold_opts = b ? cb->fold_opts | QC_FOLD_MARKS
                        : cb->fold_opts & ~QC_FOLD_MARKS;
    } else if (!strcmp(key, "negation")) {
      negation = v;
    } else if (!strcmp(key, "clauses")) {
      clauses = v;
    } else {
      return unknown_key(ld, k, "settings",
                         "case, diacritics, negation, clauses");
    }
  }
  /* Word lists are folded, so they wait for case and diacritics. */
  if (negation)
    QC_TRY(parse_negation(ld, negation));
  return clauses ? parse_clauses(ld, clauses) : QC_OK;
}

typedef struct rule_arg {
  size_t code;
  qc_rule_kind kind;
  qc_rule_role role;
  bool counter;     /* examples: a counterexample */
  qc_alt_kind lemma; /* verbs, nouns, adjectives */
} rule_arg;

/* What YAML makes of the escape "\c" in double quotes, for a message. */
static const char *escape_name(char c) {
  switch (c) {
  case '0': return "a NUL character (U+0000)";
  case 'a': return "a bell character (U+0007)";
  case 'b': return "a backspace (U+0008)";
  case 't': return "a tab (U+0009)";
  case 'n': return "a line break (U+000A)";
  case 'v': return "a vertical tab (U+000B)";
  case 'f': return "a form feed (U+000C)";
  case 'r': return "a carriage return (U+000D)";
  case 'e': return "an escape character (U+001B)";
  case 'N': return "a next-line character (U+0085)";
  case '_': return "a no-break space (U+00A0)";
  case 'L': return "a line separator (U+2028)";
  case 'P': return "a paragraph separator (U+2029)";
  case ' ': return "a space";
  default: return "the character it encodes";
  }
}

/* A regex in double quotes with a backslash escape other than \\, \" or
 * \/ is not what its author typed: YAML turns "\b" into a backspace,
 * and the rule then never matches. The message quotes the regex as typed,
 * in single quotes, which is how to write it. */
static qc_status check_regex_escapes(loader *ld, const yaml_node_t *n,
                                     size_t code) {
  if (n->data.scalar.style != YAML_DOUBLE_QUOTED_SCALAR_STYLE)
    return QC_OK;
  size_t b = byte_offset(ld->data, ld->len, n->start_mark) + 1;
  size_t e = byte_offset(ld->data, ld->len, n->end_mark);
  if (e <= b || e > ld->len)
    return QC_OK;
  const char *raw = ld->data + b;
  size_t len = e - b - 1; /* without the closing quote */
  char bad = 0;
  qc_buf typed = QC_BUF_INIT;
  for (size_t i = 0; i < len; i++) {
    char c = raw[i];
    if (c == '\\' && i + 1 < len) {
      char x = raw[++i];
      if (x == '\\' || x == '"' || x == '/') {
        qc_buf_putc(&typed, x);
        continue;
      }
      if (!bad)
        bad = x;
      qc_buf_putc(&typed, '\\');
      c = x;
    }
    if (c == '\'')
      qc_buf_putc(&typed, '\'');
    qc_buf_putc(&typed, c);
  }
  qc_status s = QC_OK;
  if (bad)
    s = node_error(ld, n, QC_ERR_SCHEMA,
                   "code '%s': regex contains %s, YAML's reading of '\\%c' "
                   "in double quotes; in YAML write regexes in single "
                   "quotes: '%.*s'",
                   ld->cb->codes[code].path, escape_name(bad), bad,
                   (int)(typed.len < 200 ? typed.len : 200), typed.ptr);
  qc_buf_release(&typed);
  return s;
}

static qc_status add_rule(loader *ld, const yaml_node_t *item, void *arg) {
  const rule_arg *ra = arg;
  if (ra->kind == QC_RULE_REGEX)
    QC_TRY(check_regex_escapes(ld, item, ra->code));
  return qc_codebook_add_rule(ld->cb, ra->code, ra->kind, ra->role,
                              scalar(item), line_of(item), col_of(item),
                              ld->err);
}

static bool rule_kind(const char *key, qc_rule_kind *kind) {
  if (!strcmp(key, "words"))
    *kind = QC_RULE_WORD;
  else if (!strcmp(key, "phrases"))
    *kind = QC_RULE_PHRASE;
  else if (!strcmp(key, "regex"))
    *kind = QC_RULE_REGEX;
  else
    return false;
  return true;
}

/* ---- the token-rule language: classes, forms, rules ---- */

static bool alt_kind(const char *key, qc_alt_kind *kind) {
  if (!strcmp(key, "verbs"))
    *kind = QC_ALT_VERB;
  else if (!strcmp(key, "nouns"))
    *kind = QC_ALT_NOUN;
  else if (!strcmp(key, "adjectives"))
    *kind = QC_ALT_ADJ;
  else
    return false;
  return true;
}

/* One alternative of a list: a word pattern or '@class', or (kind not
 * QC_ALT_PATTERN) a lemma. */
static qc_status add_alt(loader *ld, const yaml_node_t *n, qc_alt_kind kind,
                         qc_item *it) {
  QC_TRY(expect(ld, n, YAML_SCALAR_NODE, "word"));
  qc_alt a;
  if (kind == QC_ALT_PATTERN) {
    qc_item one;
    QC_TRY(qc_codebook_parse_item(ld->cb, scalar(n), false, line_of(n),
                                  col_of(n), &one, ld->err));
    a = one.alts[0];
    free(one.alts);
  } else {
    if (!*scalar(n) || strchr(scalar(n), ' '))
      return node_error(ld, n, QC_ERR_SCHEMA,
                        "a lemma is one word, not '%s'", scalar(n));
    a = (qc_alt){kind, qc_xstrdup(scalar(n)), line_of(n), col_of(n)};
  }
  it->alts = qc_xrealloc(it->alts, (it->nalts + 1) * sizeof *it->alts);
  it->alts[it->nalts++] = a;
  return QC_OK;
}

/* An item of alternatives from a scalar or a list of scalars. */
static qc_status parse_alts(loader *ld, const yaml_node_t *n, qc_alt_kind kind,
                            const char *what, qc_item *it) {
  memset(it, 0, sizeof *it);
  it->term = QC_NO_TERM;
  QC_TRY(visit(ld, n));
  qc_status s = QC_OK;
  if (n->type == YAML_SCALAR_NODE) {
    s = add_alt(ld, n, kind, it);
  } else if (n->type == YAML_SEQUENCE_NODE) {
    for (yaml_node_item_t *i = n->data.sequence.items.start;
         i < n->data.sequence.items.top && s == QC_OK; i++)
      s = add_alt(ld, get(ld, *i), kind, it);
    if (s == QC_OK && it->nalts == 0)
      s = node_error(ld, n, QC_ERR_SCHEMA, "'%s' is an empty list", what);
  } else {
    s = node_error(ld, n, QC_ERR_SCHEMA,
                   "'%s' must be a word or a list of words, not %s", what,
                   type_name(n));
  }
  if (s != QC_OK)
    qc_item_release(it);
  return s;
}

/* classes: {name: [words...]} or {name: {words: [...], verbs: [...]}} */
static qc_status parse_classes(loader *ld, const yaml_node_t *n,
                               size_t scope) {
  QC_TRY(expect(ld, n, YAML_MAPPING_NODE, "classes"));
  QC_TRY(check_keys(ld, n));
  qc_codebook *cb = ld->cb;
  for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
       p < n->data.mapping.pairs.top; p++) {
    yaml_node_t *k = get(ld, p->key), *v = get(ld, p->value);
    size_t cls;
    QC_TRY(qc_codebook_add_class(cb, scope, scalar(k), line_of(k), col_of(k),
                                 &cls, ld->err));
    QC_TRY(visit(ld, v));
    /* a list is words; a mapping says what each list is */
    const yaml_node_t *lists[4] = {v, NULL, NULL, NULL};
    qc_alt_kind kinds[4] = {QC_ALT_PATTERN};
    size_t nlists = 1;
    if (v->type == YAML_MAPPING_NODE) {
      QC_TRY(check_keys(ld, v));
      nlists = 0;
      for (yaml_node_pair_t *q = v->data.mapping.pairs.start;
           q < v->data.mapping.pairs.top; q++) {
        yaml_node_t *qk = get(ld, q->key);
        qc_alt_kind kind = QC_ALT_PATTERN;
        if (strcmp(scalar(qk), "words") && !alt_kind(scalar(qk), &kind))
          return unknown_key(ld, qk, "class",
                             "words, verbs, nouns, adjectives");
        lists[nlists] = get(ld, q->value);
        kinds[nlists++] = kind;
      }
    }
    for (size_t l = 0; l < nlists; l++) {
      qc_item it;
      QC_TRY(expect(ld, lists[l], YAML_SEQUENCE_NODE, "class"));
      QC_TRY(parse_alts(ld, lists[l], kinds[l], scalar(k), &it));
      for (size_t i = 0; i < it.nalts; i++)
        qc_codebook_add_class_alt(cb, cls, it.alts[i].kind, it.alts[i].text,
                                  it.alts[i].line, it.alts[i].col);
      qc_item_release(&it);
    }
  }
  return QC_OK;
}

/* The items of a phrase: its words, '@class'es and gaps. */
static qc_status phrase_items(loader *ld, const yaml_node_t *n, qc_item **out,
                              size_t *nout) {
  QC_TRY(expect(ld, n, YAML_SCALAR_NODE, "phrase"));
  char *text = qc_xstrdup(scalar(n)), *save = NULL;
  qc_item *items = NULL;
  size_t count = 0;
  qc_status s = QC_OK;
  for (char *w = strtok_r(text, " \t\n\r", &save); w && s == QC_OK;
       w = strtok_r(NULL, " \t\n\r", &save)) {
    items = qc_xrealloc(items, (count + 1) * sizeof *items);
    s = qc_codebook_parse_item(ld->cb, w, true, line_of(n), col_of(n),
                               &items[count], ld->err);
    if (s == QC_OK)
      count++;
  }
  free(text);
  *out = items;
  *nout = count;
  return s;
}

static void free_items(qc_item *items, size_t n) {
  for (size_t i = 0; i < n; i++)
    qc_item_release(&items[i]);
  free(items);
}

#define RULE_KEYS                                                              \
  "words, phrase, near, regex, verbs, nouns, adjectives, within, ordered, "  \
  "scope, not-near, negation"

/* The options of a rule mapping, set on rule r; 'src' gets their text. */
static qc_status rule_options(loader *ld, const yaml_node_t *n, qc_rule *r,
                              qc_buf *src) {
  for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
       p < n->data.mapping.pairs.top; p++) {
    yaml_node_t *k = get(ld, p->key), *v = get(ld, p->value);
    const char *key = scalar(k);
    bool b;
    if (!strcmp(key, "within")) {
      QC_TRY(parse_uint(ld, v, "within", 50, &r->within));
      if (r->within == 0)
        return node_error(ld, v, QC_ERR_SCHEMA,
                          "'within' counts words: 1 means adjacent");
      qc_buf_printf(src, "; within %u", r->within);
    } else if (!strcmp(key, "ordered")) {
      QC_TRY(parse_bool(ld, v, "ordered", &r->ordered));
      if (r->ordered)
        qc_buf_puts(src, "; ordered");
    } else if (!strcmp(key, "scope")) {
      QC_TRY(expect(ld, v, YAML_SCALAR_NODE, "scope"));
      const char *sc = scalar(v);
      if (!strcmp(sc, "clause"))
        r->scope = QC_SCOPE_CLAUSE;
      else if (!strcmp(sc, "sentence"))
        r->scope = QC_SCOPE_SENTENCE;
      else if (!strcmp(sc, "segment"))
        r->scope = QC_SCOPE_SEGMENT;
      else
        return node_error(ld, v, QC_ERR_SCHEMA,
                          "'scope' must be clause, sentence or segment, not "
                          "'%s'",
                          sc);
      qc_buf_printf(src, "; scope %s", sc);
    } else if (!strcmp(key, "not-near")) {
      if (r->kind == QC_RULE_REGEX)
        return node_error(ld, k, QC_ERR_SCHEMA,
                          "'not-near' works on words; a regex rule has none");
      QC_TRY(parse_alts(ld, v, QC_ALT_PATTERN, "not-near", &r->unless));
      r->has_unless = true;
      qc_buf_puts(src, "; not-near");
      for (size_t i = 0; i < r->unless.nalts; i++)
        qc_buf_printf(src, " %s%s",
                      r->unless.alts[i].kind == QC_ALT_CLASS ? "@" : "",
                      r->unless.alts[i].text);
    } else if (!strcmp(key, "negation")) {
      QC_TRY(expect(ld, v, YAML_SCALAR_NODE, "negation"));
      const char *m = scalar(v);
      if (!strcmp(m, "invert")) {
        r->negation = QC_NEG_INVERT;
      } else {
        QC_TRY(parse_bool(ld, v, "negation", &b));
        r->negation = b ? QC_NEG_ON : QC_NEG_OFF;
      }
      qc_buf_printf(src, "; negation %s",
                    r->negation == QC_NEG_INVERT ? "invert"
                    : r->negation == QC_NEG_ON   ? "on"
                                                 : "off");
    }
  }
  return QC_OK;
}

/* One mapping of a 'rules' list: a kind key with its words, and options. */
static qc_status parse_rule(loader *ld, const yaml_node_t *n, size_t code,
                            qc_rule_role role) {
  QC_TRY(expect(ld, n, YAML_MAPPING_NODE, "rule"));
  QC_TRY(check_keys(ld, n));
  const yaml_node_t *kind_key = NULL, *kind_val = NULL;
  for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
       p < n->data.mapping.pairs.top; p++) {
    yaml_node_t *k = get(ld, p->key);
    const char *key = scalar(k);
    qc_alt_kind ak;
    bool kind = !strcmp(key, "words") || !strcmp(key, "phrase") ||
                !strcmp(key, "near") || !strcmp(key, "regex") ||
                alt_kind(key, &ak);
    bool option = !strcmp(key, "within") || !strcmp(key, "ordered") ||
                  !strcmp(key, "scope") || !strcmp(key, "not-near") ||
                  !strcmp(key, "negation");
    if (!kind && !option)
      return unknown_key(ld, k, "rule", RULE_KEYS);
    if (kind && kind_key)
      return node_error(ld, k, QC_ERR_SCHEMA,
                        "a rule has one of words, phrase, near, regex, verbs, "
                        "nouns, adjectives; this one also has '%s'",
                        scalar(kind_key));
    if (kind) {
      kind_key = k;
      kind_val = get(ld, p->value);
    }
  }
  if (!kind_key)
    return node_error(ld, n, QC_ERR_SCHEMA,
                      "a rule needs one of words, phrase, near, regex, verbs, "
                      "nouns, adjectives");
  const char *key = scalar(kind_key);
  qc_codebook *cb = ld->cb;
  qc_buf src = QC_BUF_INIT;
  qc_status s;
  unsigned line = line_of(kind_key), col = col_of(kind_key);
  qc_alt_kind ak = QC_ALT_PATTERN;
  if (!strcmp(key, "regex")) {
    QC_TRY(expect(ld, kind_val, YAML_SCALAR_NODE, "regex"));
    QC_TRY(check_regex_escapes(ld, kind_val, code));
    s = qc_codebook_add_rule(cb, code, QC_RULE_REGEX, role, scalar(kind_val),
                             line_of(kind_val), col_of(kind_val), ld->err);
    qc_buf_puts(&src, scalar(kind_val));
  } else if (!strcmp(key, "phrase")) {
    qc_item *items = NULL;
    size_t n_items = 0;
    s = phrase_items(ld, kind_val, &items, &n_items);
    if (s == QC_OK)
      s = qc_codebook_add_token_rule(cb, code, QC_RULE_PHRASE, role, items,
                                     n_items, line, col, ld->err);
    else
      free_items(items, n_items);
    qc_buf_printf(&src, "phrase: %s", scalar(kind_val));
  } else if (!strcmp(key, "near")) {
    QC_TRY(expect(ld, kind_val, YAML_SEQUENCE_NODE, "near"));
    yaml_node_item_t *b = kind_val->data.sequence.items.start;
    if (kind_val->data.sequence.items.top - b != 2)
      return node_error(ld, kind_val, QC_ERR_SCHEMA,
                        "'near' takes two words or lists: [A, B]");
    qc_item *items = qc_xcalloc(2, sizeof *items);
    s = parse_alts(ld, get(ld, b[0]), QC_ALT_PATTERN, "near", &items[0]);
    if (s == QC_OK)
      s = parse_alts(ld, get(ld, b[1]), QC_ALT_PATTERN, "near", &items[1]);
    if (s != QC_OK) {
      free_items(items, 2);
      return s;
    }
    qc_buf_puts(&src, "near:");
    for (size_t i = 0; i < 2; i++)
      for (size_t j = 0; j < items[i].nalts; j++)
        qc_buf_printf(&src, "%s%s%s", j ? " | " : i ? ", " : " ",
                      items[i].alts[j].kind == QC_ALT_CLASS ? "@" : "",
                      items[i].alts[j].text);
    s = qc_codebook_add_token_rule(cb, code, QC_RULE_NEAR, role, items, 2,
                                   line, col, ld->err);
  } else {
    alt_kind(key, &ak);
    qc_item *it = qc_xcalloc(1, sizeof *it);
    s = parse_alts(ld, kind_val, ak, key, it);
    if (s != QC_OK) {
      free(it);
      return s;
    }
    qc_buf_printf(&src, "%s:", key);
    for (size_t j = 0; j < it->nalts; j++)
      qc_buf_printf(&src, " %s%s", it->alts[j].kind == QC_ALT_CLASS ? "@" : "",
                    it->alts[j].text);
    s = qc_codebook_add_token_rule(cb, code, QC_RULE_WORD, role, it, 1, line,
                                   col, ld->err);
  }
  qc_rule *r = qc_codebook_last_rule(cb);
  if (s == QC_OK)
    s = rule_options(ld, n, r, &src);
  if (s == QC_OK) {
    free(r->source);
    r->source = qc_buf_detach(&src, NULL);
  }
  qc_buf_release(&src);
  return s;
}

static qc_status parse_rules(loader *ld, const yaml_node_t *n, size_t code,
                             qc_rule_role role) {
  QC_TRY(expect(ld, n, YAML_SEQUENCE_NODE, "rules"));
  if (n->data.sequence.items.start == n->data.sequence.items.top)
    return node_error(ld, n, QC_ERR_SCHEMA, "'rules' is an empty list");
  for (yaml_node_item_t *i = n->data.sequence.items.start;
       i < n->data.sequence.items.top; i++)
    QC_TRY(parse_rule(ld, get(ld, *i), code, role));
  return QC_OK;
}

/* verbs: [winnen, besparen] on a code: one word rule per lemma. */
static qc_status add_lemma_rule(loader *ld, const yaml_node_t *item,
                                void *arg) {
  const rule_arg *ra = arg;
  qc_item *it = qc_xcalloc(1, sizeof *it);
  qc_status s = parse_alts(ld, item, ra->lemma, "lemma", it);
  if (s != QC_OK) {
    free(it);
    return s;
  }
  qc_buf src = QC_BUF_INIT;
  static const char *const names[] = {"", "", "verbs", "nouns", "adjectives"};
  qc_buf_printf(&src, "%s: %s", names[it->alts[0].kind], scalar(item));
  s = qc_codebook_add_token_rule(ld->cb, ra->code, QC_RULE_WORD, ra->role, it,
                                 1, line_of(item), col_of(item), ld->err);
  qc_rule *r = qc_codebook_last_rule(ld->cb);
  free(r->source);
  r->source = qc_buf_detach(&src, NULL);
  return s;
}

/* The keys a code shares with exclude and mask blocks. */
static qc_status parse_rule_key(loader *ld, const char *key,
                                const yaml_node_t *v, size_t code,
                                qc_rule_role role, bool *done) {
  rule_arg ra = {code, QC_RULE_WORD, role, false, QC_ALT_PATTERN};
  *done = true;
  if (rule_kind(key, &ra.kind))
    return each_string(ld, v, key, add_rule, &ra);
  if (alt_kind(key, &ra.lemma))
    return each_string(ld, v, key, add_lemma_rule, &ra);
  if (!strcmp(key, "rules"))
    return parse_rules(ld, v, code, role);
  *done = false;
  return QC_OK;
}

/* An exclude or mask block: lists of words, phrases and regexes. */
static qc_status parse_block(loader *ld, const yaml_node_t *n, size_t code,
                             qc_rule_role role, const char *what) {
  QC_TRY(expect(ld, n, YAML_MAPPING_NODE, what));
  QC_TRY(check_keys(ld, n));
  for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
       p < n->data.mapping.pairs.top; p++) {
    yaml_node_t *k = get(ld, p->key);
    bool done;
    QC_TRY(parse_rule_key(ld, scalar(k), get(ld, p->value), code, role, &done));
    if (!done)
      return unknown_key(ld, k, what,
                         "words, phrases, regex, verbs, nouns, adjectives, "
                         "rules");
  }
  return QC_OK;
}

static qc_status add_example(loader *ld, const yaml_node_t *item, void *arg) {
  const rule_arg *ra = arg;
  qc_codebook_add_example(ld->cb, ra->code, scalar(item), ra->counter,
                          line_of(item), col_of(item));
  return QC_OK;
}

static qc_status parse_codes(loader *ld, const yaml_node_t *n, size_t parent,
                             size_t depth);

static void set_text(char **field, const yaml_node_t *v) {
  free(*field);
  *field = qc_xstrdup(scalar(v));
}

#define CODE_KEYS                                                              \
  "id, label, description, codes, classes, words, phrases, regex, verbs, "     \
  "nouns, adjectives, rules, exclude, mask, negation, examples, "              \
  "counterexamples"

/* One code: its id first (the path is needed for messages), then the rest
 * in file order. */
static qc_status parse_code(loader *ld, const yaml_node_t *n, size_t parent,
                            size_t depth) {
  QC_TRY(expect(ld, n, YAML_MAPPING_NODE, "code"));
  QC_TRY(check_keys(ld, n));
  const yaml_node_t *id = lookup(ld, n, "id");
  if (!id)
    return node_error(ld, n, QC_ERR_SCHEMA, "code has no 'id'");
  QC_TRY(expect(ld, id, YAML_SCALAR_NODE, "id"));
  size_t code;
  QC_TRY(qc_codebook_add_code(ld->cb, parent, scalar(id), line_of(id),
                              col_of(id), &code, ld->err));
  const yaml_node_t *children = NULL, *classes = lookup(ld, n, "classes");
  if (classes)
    QC_TRY(parse_classes(ld, classes, code));
  for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
       p < n->data.mapping.pairs.top; p++) {
    yaml_node_t *k = get(ld, p->key), *v = get(ld, p->value);
    const char *key = scalar(k);
    qc_code *c = &ld->cb->codes[code];
    rule_arg ra = {code, QC_RULE_WORD, QC_ROLE_HIT, false, QC_ALT_PATTERN};
    if (!strcmp(key, "id")) {
      continue;
    } else if (!strcmp(key, "label") || !strcmp(key, "description")) {
      QC_TRY(expect(ld, v, YAML_SCALAR_NODE, key));
      set_text(key[0] == 'l' ? &c->label : &c->description, v);
    } else if (!strcmp(key, "codes")) {
      children = v;
    } else if (!strcmp(key, "classes")) {
      continue; /* read first, below */
    } else if (!strcmp(key, "words") || !strcmp(key, "phrases") ||
               !strcmp(key, "regex") || !strcmp(key, "verbs") ||
               !strcmp(key, "nouns") || !strcmp(key, "adjectives") ||
               !strcmp(key, "rules")) {
      bool done;
      QC_TRY(parse_rule_key(ld, key, v, code, QC_ROLE_HIT, &done));
    } else if (!strcmp(key, "exclude")) {
      QC_TRY(parse_block(ld, v, code, QC_ROLE_EXCLUDE, "exclude"));
    } else if (!strcmp(key, "mask")) {
      QC_TRY(parse_block(ld, v, code, QC_ROLE_MASK, "mask"));
    } else if (!strcmp(key, "negation")) {
      QC_TRY(expect(ld, v, YAML_SCALAR_NODE, "negation"));
      c->invert = !strcmp(scalar(v), "invert");
      if (c->invert)
        c->negation = true;
      else
        QC_TRY(parse_bool(ld, v, "negation", &c->negation));
    } else if (!strcmp(key, "examples") || !strcmp(key, "counterexamples")) {
      ra.counter = key[0] == 'c';
      QC_TRY(each_string(ld, v, key, add_example, &ra));
    } else {
      return unknown_key(ld, k, "code", CODE_KEYS);
    }
  }
  return children ? parse_codes(ld, children, code, depth + 1) : QC_OK;
}

static qc_status parse_codes(loader *ld, const yaml_node_t *n, size_t parent,
                             size_t depth) {
  if (depth > MAX_CODE_DEPTH)
    return node_error(ld, n, QC_ERR_SCHEMA,
                      "codes nested more than %d deep (or a recursive alias)",
                      MAX_CODE_DEPTH);
  QC_TRY(expect(ld, n, YAML_SEQUENCE_NODE, "codes"));
  if (n->data.sequence.items.start == n->data.sequence.items.top)
    return node_error(ld, n, QC_ERR_SCHEMA, "'codes' is an empty list");
  for (yaml_node_item_t *i = n->data.sequence.items.start;
       i < n->data.sequence.items.top; i++)
    QC_TRY(parse_code(ld, get(ld, *i), parent, depth));
  return QC_OK;
}

#define TOP_KEYS "qcode, name, title, description, settings, classes, codes"

static qc_status parse_root(loader *ld, const yaml_node_t *root) {
  QC_TRY(expect(ld, root, YAML_MAPPING_NODE, "codebook"));
  QC_TRY(check_keys(ld, root));
  qc_codebook *cb = ld->cb;
  const yaml_node_t *version = lookup(ld, root, "qcode");
  if (!version)
    return node_error(ld, root, QC_ERR_SCHEMA,
                      "missing format version: add 'qcode: 1' at the top");
  QC_TRY(expect(ld, version, YAML_SCALAR_NODE, "qcode"));
  if (strcmp(scalar(version), "1"))
    return node_error(ld, version, QC_ERR_SCHEMA,
                      "unsupported codebook format version '%s' (this qcode "
                      "reads version 1)",
                      scalar(version));
  /* Settings decide how patterns are folded, so they come first. */
  const yaml_node_t *settings = lookup(ld, root, "settings");
  if (settings)
    QC_TRY(parse_settings(ld, settings));
  const yaml_node_t *codes = NULL;
  for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
       p < root->data.mapping.pairs.top; p++) {
    yaml_node_t *k = get(ld, p->key), *v = get(ld, p->value);
    const char *key = scalar(k);
    if (!strcmp(key, "qcode") || !strcmp(key, "settings")) {
      continue;
    } else if (!strcmp(key, "classes")) {
      QC_TRY(parse_classes(ld, v, QC_NO_PARENT));
    } else if (!strcmp(key, "name") || !strcmp(key, "title") ||
               !strcmp(key, "description")) {
      QC_TRY(expect(ld, v, YAML_SCALAR_NODE, key));
      set_text(key[0] == 'n' ? &cb->name
               : key[0] == 't' ? &cb->title
                               : &cb->description,
               v);
    } else if (!strcmp(key, "codes")) {
      codes = v;
    } else {
      return unknown_key(ld, k, "codebook", TOP_KEYS);
    }
  }
  if (!codes)
    return node_error(ld, root, QC_ERR_SCHEMA, "codebook has no 'codes'");
  return parse_codes(ld, codes, QC_NO_PARENT, 0);
}

/* Line and column (1-based, code points) of a byte offset, for reader
 * errors, which libyaml reports as an offset only. */
static void position_of(const char *data, size_t len, size_t off,
                        unsigned *line, unsigned *col) {
  *line = 1;
  *col = 1;
  for (size_t i = 0; i < off && i < len; i++) {
    if (data[i] == '\n') {
      ++*line;
      *col = 1;
    } else if (((unsigned char)data[i] & 0xC0) != 0x80) {
      ++*col;
    }
  }
}

static qc_status parser_error(qc_codebook *cb, const yaml_parser_t *p,
                              const char *data, size_t len, qc_error *err) {
  if (p->error == YAML_MEMORY_ERROR)
    return qc_error_set(err, QC_ERR_NOMEM, cb->file, 0, 0, 0,
                        "out of memory while reading YAML");
  unsigned line, col;
  size_t off;
  if (p->error == YAML_READER_ERROR) {
    off = p->problem_offset;
    position_of(data, len, off, &line, &col);
    return qc_error_set(err, QC_ERR_YAML, cb->file, line, col, off,
                        "%s (byte offset %zu)", p->problem, off);
  }
  line = (unsigned)p->problem_mark.line + 1;
  col = (unsigned)p->problem_mark.column + 1;
  off = byte_offset(data, len, p->problem_mark);
  /* libyaml's words for the two slips a newcomer makes most */
  if (p->problem && strstr(p->problem, "tab character"))
    return qc_error_set(err, QC_ERR_YAML, cb->file, line, col, off,
                        "tab character used for indentation; YAML indents "
                        "with spaces");
  if (p->problem && off < len &&
      !strcmp(p->problem, "found character that cannot start any token")) {
    if (data[off] == '\t')
      return qc_error_set(err, QC_ERR_YAML, cb->file, line, col, off,
                          "tab character used for indentation; YAML indents "
                          "with spaces");
    if (data[off] == '@' || data[off] == '`')
      return qc_error_set(err, QC_ERR_YAML, cb->file, line, col, off,
                          "'%c' cannot start a plain YAML value; put the "
                          "value in quotes: '%c...'",
                          data[off], data[off]);
  }
  if (p->context)
    return qc_error_set(err, QC_ERR_YAML, cb->file, line, col, off,
                        "%s %s (started at line %u, column %u)", p->problem,
                        p->context, (unsigned)p->context_mark.line + 1,
                        (unsigned)p->context_mark.column + 1);
  return qc_error_set(err, QC_ERR_YAML, cb->file, line, col, off, "%s",
                      p->problem ? p->problem : "invalid YAML");
}

/* A codebook is one YAML document; a second one would be ignored silently,
 * so it is an error (and so is a syntax error after the first). */
static qc_status expect_end(qc_codebook *cb, yaml_parser_t *parser,
                            const char *data, size_t len, qc_error *err) {
  yaml_document_t doc;
  if (!yaml_parser_load(parser, &doc))
    return parser_error(cb, parser, data, len, err);
  yaml_node_t *root = yaml_document_get_root_node(&doc);
  qc_status s = QC_OK;
  if (root) {
    yaml_mark_t m = doc.start_mark;
    s = qc_error_set(err, QC_ERR_SCHEMA, cb->file, (unsigned)m.line + 1,
                     (unsigned)m.column + 1, byte_offset(data, len, m),
                     "codebook has a second YAML document; a codebook is one "
                     "document");
  }
  yaml_document_delete(&doc);
  return s;
}

/* libyaml slows down badly on deeply nested flow collections ([[[[...),
 * so an absurd nesting depth is refused before it parses: a cheap scan
 * that skips quoted scalars and comments. */
#define MAX_FLOW_DEPTH 200

static qc_status check_flow_depth(qc_codebook *cb, const char *data,
                                  size_t len, qc_error *err) {
  size_t depth = 0;
  unsigned line = 1, col = 1;
  char quote = 0;
  for (size_t i = 0; i < len; i++, col++) {
    char c = data[i];
    if (c == '\n') {
      line++;
      col = 0;
      if (quote == '#')
        quote = 0;
    } else if (quote) {
      if (c == quote && quote != '#' && !(quote == '"' && data[i - 1] == '\\'))
        quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#' && (i == 0 || data[i - 1] == ' ' || data[i - 1] == '\t')) {
      quote = '#';
    } else if (c == '[' || c == '{') {
      if (++depth > MAX_FLOW_DEPTH)
        return qc_error_set(err, QC_ERR_SCHEMA, cb->file, line, col, i,
                            "collections nested more than %d deep",
                            MAX_FLOW_DEPTH);
    } else if ((c == ']' || c == '}') && depth > 0) {
      depth--;
    }
  }
  return QC_OK;
}

/* ---- quanteda dictionaries ----
 * quanteda's dictionary() in YAML (quanteda.io, ?dictionary): a mapping of
 * keys to lists of values or to mappings of further keys. Each key is a
 * code (nested keys, child codes; the key as its label), each value a
 * glob pattern on one token ('*': any run of characters) or, with spaces,
 * a multi-word pattern on adjacent tokens: a qcode word or phrase rule.
 * quanteda matches without regard to case and knows no negation, so the
 * codes are folded and have negation off. '?' (one character) has no
 * qcode equivalent and is refused, as are values that qcode would read as
 * its own syntax ('@class', gaps). */

static qc_status dictionary_value(loader *ld, const yaml_node_t *v,
                                  size_t code) {
  QC_TRY(expect(ld, v, YAML_SCALAR_NODE, "dictionary value"));
  const char *text = scalar(v);
  size_t words = 0;
  bool space = true;
  for (const char *p = text; *p; p++) {
    if (*p == '?')
      return node_error(ld, v, QC_ERR_SCHEMA,
                        "'%s': the glob '?' (one character) has no qcode "
                        "word pattern; write the words out, or use '*'",
                        text);
    bool sp = *p == ' ' || *p == '\t';
    if (!sp && space)
      words++;
    space = sp;
  }
  if (!words)
    return node_error(ld, v, QC_ERR_SCHEMA, "an empty dictionary value");
  for (const char *w = text; *w;) {
    while (*w == ' ' || *w == '\t')
      w++;
    if (*w == '@' || *w == '[' || *w == '^' || (w[0] == '*' && (!w[1] || w[1] == ' ')))
      return node_error(ld, v, QC_ERR_SCHEMA,
                        "'%s': a word starting with '@', '[' or '^', or a "
                        "lone '*', is qcode syntax, not a dictionary word",
                        text);
    while (*w && *w != ' ' && *w != '\t')
      w++;
  }
  return qc_codebook_add_rule(ld->cb, code,
                              words > 1 ? QC_RULE_PHRASE : QC_RULE_WORD,
                              QC_ROLE_HIT, text, line_of(v), col_of(v),
                              ld->err);
}

static qc_status dictionary_keys(loader *ld, const yaml_node_t *map,
                                 size_t parent, size_t depth) {
  if (depth > MAX_CODE_DEPTH)
    return node_error(ld, map, QC_ERR_SCHEMA,
                      "dictionary keys nested more than %d deep (or a "
                      "recursive alias)",
                      MAX_CODE_DEPTH);
  QC_TRY(check_keys(ld, map));
  for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
       p < map->data.mapping.pairs.top; p++) {
    yaml_node_t *k = get(ld, p->key), *v = get(ld, p->value);
    QC_TRY(visit(ld, v));
    char *id = qc_id_from_name(scalar(k));
    size_t code;
    qc_status s = qc_codebook_add_code(ld->cb, parent, id, line_of(k),
                                       col_of(k), &code, ld->err);
    free(id);
    QC_TRY(s);
    qc_code *c = &ld->cb->codes[code];
    free(c->label);
    c->label = qc_xstrdup(scalar(k));
    c->negation = false;
    if (v->type == YAML_MAPPING_NODE) {
      QC_TRY(dictionary_keys(ld, v, code, depth + 1));
    } else if (v->type == YAML_SEQUENCE_NODE) {
      for (yaml_node_item_t *i = v->data.sequence.items.start;
           i < v->data.sequence.items.top; i++)
        QC_TRY(dictionary_value(ld, get(ld, *i), code));
    } else {
      QC_TRY(dictionary_value(ld, v, code));
    }
  }
  return QC_OK;
}

/* A YAML root that is a quanteda dictionary rather than a qcode codebook:
 * a mapping with neither 'qcode' nor 'codes', whose values are lists or
 * mappings. */
static bool looks_like_dictionary(loader *ld, const yaml_node_t *root) {
  if (root->type != YAML_MAPPING_NODE ||
      root->data.mapping.pairs.start == root->data.mapping.pairs.top)
    return false;
  for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
       p < root->data.mapping.pairs.top; p++) {
    yaml_node_t *k = get(ld, p->key), *v = get(ld, p->value);
    if (k->type == YAML_SCALAR_NODE &&
        (!strcmp(scalar(k), "qcode") || !strcmp(scalar(k), "codes")))
      return false;
    if (v->type != YAML_SEQUENCE_NODE && v->type != YAML_MAPPING_NODE)
      return false;
  }
  return true;
}

static qc_status parse_dictionary(loader *ld, const yaml_node_t *root) {
  QC_TRY(expect(ld, root, YAML_MAPPING_NODE, "dictionary"));
  ld->cb->negators_set = true; /* none: quanteda has no negation */
  return dictionary_keys(ld, root, QC_NO_PARENT, 0);
}

/* What is read from the one document of a YAML text: a codebook (or a
 * quanteda dictionary), or one rule of a code. */
typedef struct doc_reader {
  qc_codebook_format format; /* a codebook's */
  bool rule;                 /* one rule instead */
  size_t code;
  qc_rule_role role;
} doc_reader;

static qc_status read_root(loader *ld, yaml_node_t *root,
                           const doc_reader *dr) {
  if (dr->rule)
    return parse_rule(ld, root, dr->code, dr->role);
  if (dr->format == QC_CODEBOOK_QUANTEDA ||
      (dr->format == QC_CODEBOOK_AUTO && looks_like_dictionary(ld, root)))
    return parse_dictionary(ld, root);
  return parse_root(ld, root);
}

/* Loads the YAML document of data[0..len) and reads it as 'dr' says; a
 * second document is an error. */
static qc_status read_document(qc_codebook *cb, const char *data, size_t len,
                               const doc_reader *dr, qc_error *err) {
  QC_TRY(check_flow_depth(cb, data, len, err));
  yaml_parser_t parser;
  yaml_document_t doc;
  if (!yaml_parser_initialize(&parser))
    return qc_error_set(err, QC_ERR_NOMEM, cb->file, 0, 0, 0,
                        "out of memory while reading YAML");
  yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
  if (!yaml_parser_load(&parser, &doc)) {
    qc_status s = parser_error(cb, &parser, data, len, err);
    yaml_parser_delete(&parser);
    return s;
  }
  qc_status s;
  yaml_node_t *root = yaml_document_get_root_node(&doc);
  if (!root) {
    s = qc_error_set(err, QC_ERR_SCHEMA, cb->file, 1, 1, 0, "%s is empty",
                     dr->rule ? "rule" : "codebook");
  } else {
    loader ld = {cb, data, len, &doc, err, 0};
    s = read_root(&ld, root, dr);
  }
  yaml_document_delete(&doc);
  if (s == QC_OK)
    s = expect_end(cb, &parser, data, len, err);
  yaml_parser_delete(&parser);
  return s;
}

qc_status qc_codebook_parse_yaml(qc_codebook *cb, const char *data, size_t len,
                                 qc_codebook_format format, qc_error *err) {
  doc_reader dr = {format, false, 0, QC_ROLE_HIT};
  return read_document(cb, data, len, &dr, err);
}

qc_status qc_codebook_parse_rule_yaml(qc_codebook *cb, size_t code,
                                      qc_rule_role role, const char *data,
                                      size_t len, qc_error *err) {
  doc_reader dr = {QC_CODEBOOK_QCODE, true, code, role};
  return read_document(cb, data, len, &dr, err);
}

const char *qc_yaml_library_version(void) { return yaml_get_version_string(); }
