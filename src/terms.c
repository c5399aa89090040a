/* terms.c: the word sets that token rules refer to. A rule item is made of
 * alternatives (word patterns, '@class' references, lemmas whose Dutch forms
 * are asked for); qc_terms_resolve turns each distinct item into a term,
 * expands classes (scoped: a code's classes are seen by it and its
 * descendants, then the top level's) and forms, and fills the lexicon with
 * one entry per word of a term. So every term is looked up once per running
 * word, however many rules use it. */
#include "terms.h"
#include "buf.h"
#include "error.h"
#include "forms.h"
#include "memory.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool valid_class_name(const char *s) {
  if (!*s || strlen(s) > 64)
    return false;
  for (const char *p = s; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' ||
          *p == '_'))
      return false;
  return true;
}

static void class_key(qc_buf *b, const char *name, size_t scope) {
  b->len = 0;
  qc_buf_printf(b, "%s\x1f%zu", name, scope);
}

qc_status qc_codebook_add_class(qc_codebook *cb, size_t scope,
                                const char *name, unsigned line, unsigned col,
                                size_t *index, qc_error *err) {
  if (!valid_class_name(name))
    return qc_error_set(err, QC_ERR_SCHEMA, cb->file, line, col, 0,
                        "invalid class name '%s' (use a-z, 0-9, '-', '_')",
                        name);
  qc_buf key = QC_BUF_INIT;
  class_key(&key, name, scope);
  size_t first = qc_strmap_put(&cb->class_names, key.ptr, key.len,
                               cb->nclasses);
  qc_buf_release(&key);
  if (first != cb->nclasses)
    return qc_error_set(err, QC_ERR_SCHEMA, cb->file, line, col, 0,
                        "duplicate class '%s' (first defined at line %u, "
                        "column %u)",
                        name, cb->classes[first].line, cb->classes[first].col);
  QC_GROW(cb->classes, cb->classes_cap, cb->nclasses + 1);
  qc_class *c = &cb->classes[cb->nclasses];
  memset(c, 0, sizeof *c);
  c->name = qc_xstrdup(name);
  c->scope = scope;
  c->line = line;
  c->col = col;
  c->term = QC_NO_TERM;
  *index = cb->nclasses++;
  return QC_OK;
}

void qc_codebook_add_class_alt(qc_codebook *cb, size_t cls, qc_alt_kind kind,
                               const char *text, unsigned line, unsigned col) {
  qc_class *c = &cb->classes[cls];
  QC_GROW(c->alts, c->alts_cap, c->nalts + 1);
  c->alts[c->nalts++] = (qc_alt){kind, qc_xstrdup(text), line, col};
}

/* "[3]" or "[0-4]": a gap of that many words. */
static bool parse_gap(const char *w, unsigned *lo, unsigned *hi) {
  size_t n = strlen(w);
  if (n < 3 || w[0] != '[' || w[n - 1] != ']')
    return false;
  char *end;
  unsigned long a = strtoul(w + 1, &end, 10), b = a;
  if (end == w + 1)
    return false;
  if (*end == '-') {
    const char *q = end + 1;
    b = strtoul(q, &end, 10);
    if (end == q)
      return false;
  }
  if (*end != ']' || a > b || b > 50)
    return false;
  *lo = (unsigned)a;
  *hi = (unsigned)b;
  return true;
}

/* The punctuation marks a phrase item may be made of ('.', '?', '.|!'):
 * ASCII marks, alternatives separated by '|'. */
#define PUNCT_MARKS ".,;:!?"

static bool is_punct_item(const char *w) {
  if (!*w || *w == '|')
    return false;
  for (const char *p = w; *p; p++)
    if (!strchr(PUNCT_MARKS "|", *p) || (*p == '|' && (!p[1] || p[1] == '|')))
      return false;
  return true;
}

qc_status qc_codebook_parse_item(qc_codebook *cb, const char *word,
                                 bool gaps, unsigned line, unsigned col,
                                 qc_item *item, qc_error *err) {
  memset(item, 0, sizeof *item);
  item->term = QC_NO_TERM;
  if (gaps && !strcmp(word, "*")) {
    item->kind = QC_ITEM_GAP;
    item->gap_min = item->gap_max = 1;
    return QC_OK;
  }
  if (gaps && !strcmp(word, "^")) {
    item->kind = QC_ITEM_START;
    return QC_OK;
  }
  if (gaps && is_punct_item(word)) {
    item->kind = QC_ITEM_PUNCT;
    item->punct = qc_xstrdup(word);
    return QC_OK;
  }
  if (gaps && word[0] == '[') {
    item->kind = QC_ITEM_GAP;
    if (!parse_gap(word, &item->gap_min, &item->gap_max))
      return qc_error_set(err, QC_ERR_SCHEMA, cb->file, line, col, 0,
                          "invalid gap '%s' (write [N] or [N-M] words, N <= "
                          "M <= 50)",
                          word);
    return QC_OK;
  }
  qc_alt a = {QC_ALT_PATTERN, NULL, line, col};
  if (word[0] == '@') {
    if (!valid_class_name(word + 1))
      return qc_error_set(err, QC_ERR_SCHEMA, cb->file, line, col, 0,
                          "invalid class reference '%s' (a class name uses "
                          "a-z, 0-9, '-', '_')",
                          word);
    a.kind = QC_ALT_CLASS;
    a.text = qc_xstrdup(word + 1);
  } else {
    const char *why = qc_word_pattern_problem(word, strlen(word));
    if (why)
      return qc_error_set(err, QC_ERR_SCHEMA, cb->file, line, col, 0,
                          "invalid word pattern '%s': %s", word, why);
    a.text = qc_xstrdup(word);
  }
  item->alts = qc_xmalloc(sizeof *item->alts);
  item->alts[0] = a;
  item->nalts = 1;
  return QC_OK;
}

void qc_item_release(qc_item *item) {
  for (size_t i = 0; i < item->nalts; i++)
    free(item->alts[i].text);
  free(item->alts);
  free(item->punct);
  item->alts = NULL;
  item->punct = NULL;
  item->nalts = 0;
}

/* ---- resolution ---- */

typedef struct resolver {
  qc_codebook *cb;
  qc_error *err;
  qc_strmap seen; /* per term being built: "pattern\x1fparticle" */
} resolver;

static const char *const kind_key[] = {"", "@", "verbs: ", "nouns: ",
                                       "adjectives: "};

/* The class 'name' as seen from code 'scope': the code's own, then its
 * ancestors', then the top level's. */
static bool find_class(const qc_codebook *cb, const char *name, size_t scope,
                       size_t *out) {
  qc_buf key = QC_BUF_INIT;
  bool found = false;
  for (;;) {
    class_key(&key, name, scope);
    if (qc_strmap_get(&cb->class_names, key.ptr, key.len, out)) {
      found = true;
      break;
    }
    if (scope == QC_NO_PARENT)
      break;
    scope = cb->codes[scope].parent;
  }
  qc_buf_release(&key);
  return found;
}

static size_t new_term(qc_codebook *cb, const char *name) {
  QC_GROW(cb->terms, cb->terms_cap, cb->nterms + 1);
  qc_term *t = &cb->terms[cb->nterms];
  memset(t, 0, sizeof *t);
  t->name = qc_xstrdup(name);
  return cb->nterms++;
}

static void add_entry(resolver *rs, size_t term, const char *folded,
                      const char *particle, const char *origin) {
  qc_codebook *cb = rs->cb;
  qc_buf key = QC_BUF_INIT;
  qc_buf_printf(&key, "%s\x1f%s", folded, particle ? particle : "");
  size_t n = cb->nentries;
  bool fresh = qc_strmap_put(&rs->seen, key.ptr, key.len, n) == n;
  qc_buf_release(&key);
  if (!fresh)
    return;
  QC_GROW(cb->entries, cb->entries_cap, n + 1);
  cb->entries[n] = (qc_entry){term, qc_xstrdup(folded),
                              particle ? qc_xstrdup(particle) : NULL,
                              origin ? qc_xstrdup(origin) : NULL};
  cb->nentries++;
}

static char *fold(const qc_codebook *cb, const char *s) {
  size_t n;
  return qc_fold_string(s, strlen(s), cb->fold_opts, &n);
}

static qc_status resolve_class(resolver *rs, size_t cls);

/* The forms of a lemma; a leading '*' ("*winst") is kept on every form,
 * so compounds are found too. */
static qc_status add_forms(resolver *rs, size_t term, const qc_alt *a) {
  qc_codebook *cb = rs->cb;
  qc_pos pos = a->kind == QC_ALT_VERB   ? QC_POS_VERB
               : a->kind == QC_ALT_NOUN ? QC_POS_NOUN
                                        : QC_POS_ADJ;
  char *lemma = fold(cb, a->text);
  bool star = lemma[0] == '*';
  qc_forms f = QC_FORMS_INIT;
  qc_error e;
  qc_error_clear(&e);
  qc_status s = qc_forms_expand(&f, lemma + star, pos, &e);
  if (s != QC_OK) {
    s = qc_error_set(rs->err, s, cb->file, a->line, a->col, 0,
                     "%s%s: %s", kind_key[a->kind], a->text, e.msg);
    free(lemma);
    return s;
  }
  qc_buf w = QC_BUF_INIT, origin = QC_BUF_INIT;
  for (size_t pass = 0; pass < 2; pass++) {
    const qc_form *v = pass ? f.split : f.v;
    size_t n = pass ? f.nsplit : f.n;
    for (size_t i = 0; i < n; i++) {
      w.len = origin.len = 0;
      qc_buf_printf(&w, "%s%s", star ? "*" : "", v[i].text);
      qc_buf_printf(&origin, "%s%s (%s)", kind_key[a->kind], a->text,
                    v[i].tag);
      add_entry(rs, term, w.ptr, pass ? f.particle : NULL, origin.ptr);
    }
  }
  qc_buf_release(&w);
  qc_buf_release(&origin);
  qc_forms_release(&f);
  free(lemma);
  return QC_OK;
}

/* Adds the words of one alternative to 'term'. */
static qc_status add_alt(resolver *rs, size_t term, const qc_alt *a,
                         size_t scope) {
  qc_codebook *cb = rs->cb;
  switch (a->kind) {
  case QC_ALT_PATTERN: {
    char *f = fold(cb, a->text);
    const char *why = qc_word_pattern_problem(f, strlen(f));
    qc_status s = QC_OK;
    if (why)
      s = qc_error_set(rs->err, QC_ERR_SCHEMA, cb->file, a->line, a->col, 0,
                       "invalid word pattern '%s': %s", a->text, why);
    else
      add_entry(rs, term, f, NULL, f);
    free(f);
    return s;
  }
  case QC_ALT_CLASS: {
    size_t cls;
    if (!find_class(cb, a->text, scope, &cls))
      return qc_error_set(rs->err, QC_ERR_SCHEMA, cb->file, a->line, a->col,
                          0, "unknown class '@%s'", a->text);
    QC_TRY(resolve_class(rs, cls));
    /* copy the class's words; their origin names the class */
    const qc_class *c = &cb->classes[cls];
    size_t n = cb->nentries;
    qc_buf origin = QC_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
      if (cb->entries[i].term != c->term)
        continue;
      qc_entry e = cb->entries[i];
      origin.len = 0;
      qc_buf_printf(&origin, "@%s", c->name);
      if (e.origin)
        qc_buf_printf(&origin, " > %s", e.origin);
      char *pat = qc_xstrdup(e.pattern);
      char *par = e.particle ? qc_xstrdup(e.particle) : NULL;
      add_entry(rs, term, pat, par, origin.ptr);
      free(pat);
      free(par);
    }
    qc_buf_release(&origin);
    return QC_OK;
  }
  default:
    return add_forms(rs, term, a);
  }
}

/* Builds the term of a list of alternatives under a fresh 'seen' set. */
static qc_status build_term(resolver *rs, size_t term, const qc_alt *alts,
                            size_t n, size_t scope) {
  qc_strmap saved = rs->seen;
  rs->seen = (qc_strmap)QC_STRMAP_INIT;
  qc_status s = QC_OK;
  for (size_t i = 0; i < n && s == QC_OK; i++)
    s = add_alt(rs, term, &alts[i], scope);
  qc_strmap_release(&rs->seen);
  rs->seen = saved;
  return s;
}

static qc_status resolve_class(resolver *rs, size_t cls) {
  qc_codebook *cb = rs->cb;
  qc_class *c = &cb->classes[cls];
  if (c->state == 2)
    return QC_OK;
  if (c->state == 1)
    return qc_error_set(rs->err, QC_ERR_SCHEMA, cb->file, c->line, c->col, 0,
                        "class '@%s' contains itself (through its classes)",
                        c->name);
  if (c->nalts == 0)
    return qc_error_set(rs->err, QC_ERR_SCHEMA, cb->file, c->line, c->col, 0,
                        "class '@%s' is empty", c->name);
  c->state = 1;
  qc_buf name = QC_BUF_INIT;
  qc_buf_printf(&name, "@%s", c->name);
  size_t term = new_term(cb, name.ptr);
  qc_buf_release(&name);
  /* class alternatives are seen from the class's own scope */
  qc_status s = build_term(rs, term, c->alts, c->nalts, c->scope);
  c = &cb->classes[cls];
  c->term = term;
  c->state = 2;
  return s;
}

/* The canonical text of an item: its alternatives with their kinds, and
 * for a class the class it resolves to (names are scoped). */
static qc_status item_key(resolver *rs, const qc_item *it, size_t scope,
                          qc_buf *key, qc_buf *name) {
  key->len = name->len = 0;
  for (size_t i = 0; i < it->nalts; i++) {
    const qc_alt *a = &it->alts[i];
    if (i) {
      qc_buf_putc(key, '\x1e');
      qc_buf_puts(name, " | ");
    }
    qc_buf_printf(key, "%d\x1f%s", (int)a->kind, a->text);
    qc_buf_printf(name, "%s%s", kind_key[a->kind], a->text);
    if (a->kind == QC_ALT_CLASS) {
      size_t cls;
      if (!find_class(rs->cb, a->text, scope, &cls))
        return qc_error_set(rs->err, QC_ERR_SCHEMA, rs->cb->file, a->line,
                            a->col, 0, "unknown class '@%s'", a->text);
      qc_buf_printf(key, "\x1f%zu", cls);
    }
  }
  return QC_OK;
}

static qc_status resolve_item(resolver *rs, qc_item *it, size_t scope) {
  if (it->kind != QC_ITEM_TERM)
    return QC_OK; /* a gap, a mark, the start, any word */
  qc_codebook *cb = rs->cb;
  /* an item that is one class is that class's term */
  if (it->nalts == 1 && it->alts[0].kind == QC_ALT_CLASS) {
    size_t cls;
    if (!find_class(cb, it->alts[0].text, scope, &cls))
      return qc_error_set(rs->err, QC_ERR_SCHEMA, cb->file, it->alts[0].line,
                          it->alts[0].col, 0, "unknown class '@%s'",
                          it->alts[0].text);
    QC_TRY(resolve_class(rs, cls));
    it->term = cb->classes[cls].term;
    return QC_OK;
  }
  qc_buf key = QC_BUF_INIT, name = QC_BUF_INIT;
  qc_status s = item_key(rs, it, scope, &key, &name);
  if (s == QC_OK &&
      !qc_strmap_get(&cb->term_keys, key.ptr, key.len, &it->term)) {
    it->term = new_term(cb, name.ptr);
    qc_strmap_put(&cb->term_keys, key.ptr, key.len, it->term);
    s = build_term(rs, it->term, it->alts, it->nalts, scope);
  }
  qc_buf_release(&key);
  qc_buf_release(&name);
  return s;
}

/* How rare an item's words look: the literal length of a one-pattern
 * term (long words are rare words, Zipf), a class counts as short. */
static size_t rarity(const qc_codebook *cb, const qc_item *it) {
  const qc_term *t = &cb->terms[it->term];
  if (t->nentries != 1)
    return 2;
  size_t n = 0;
  for (const char *p = cb->entries[t->first].pattern; *p; p++)
    n += *p != '*';
  return n;
}

/* The item a rule is tried at: a gapless phrase's rarest-looking term,
 * otherwise the first item (a term). */
static size_t choose_anchor(const qc_codebook *cb, const qc_rule *r) {
  if (r->kind != QC_RULE_PHRASE || r->gapped)
    return 0;
  size_t best = SIZE_MAX, score = 0;
  for (size_t j = 0; j < r->nitems; j++) {
    if (r->items[j].kind != QC_ITEM_TERM)
      continue;
    size_t x = rarity(cb, &r->items[j]);
    if (best == SIZE_MAX || x > score) {
      best = j;
      score = x;
    }
  }
  return best;
}

static void add_trigger(qc_codebook *cb, size_t term, size_t rule) {
  qc_term *t = &cb->terms[term];
  QC_GROW(t->triggers, t->triggers_cap, t->ntriggers + 1);
  t->triggers[t->ntriggers++] = (uint32_t)rule;
}

qc_status qc_terms_resolve(qc_codebook *cb, qc_error *err) {
  resolver rs = {cb, err, QC_STRMAP_INIT};
  qc_status s = QC_OK;
  /* every class is checked, used or not */
  for (size_t i = 0; i < cb->nclasses && s == QC_OK; i++)
    s = resolve_class(&rs, i);
  for (size_t i = 0; i < cb->nrules && s == QC_OK; i++) {
    qc_rule *r = &cb->rules[i];
    if (r->kind == QC_RULE_REGEX)
      continue;
    for (size_t j = 0; j < r->nitems && s == QC_OK; j++)
      s = resolve_item(&rs, &r->items[j], r->code);
    if (s == QC_OK && r->has_unless)
      s = resolve_item(&rs, &r->unless, r->code);
  }
  qc_strmap_release(&rs.seen);
  if (s != QC_OK)
    return s;
  if (cb->nentries >= (1u << 30)) /* the coder keeps entry ids in 30 bits */
    return qc_error_set(err, QC_ERR_SCHEMA, cb->file, 0, 0, 0,
                        "the codebook's rules expand to %zu words; the limit "
                        "is 2^30",
                        cb->nentries);
  for (size_t i = cb->nentries; i-- > 0;) {
    cb->terms[cb->entries[i].term].nentries++;
    cb->terms[cb->entries[i].term].first = i;
  }
  for (size_t i = 0; i < cb->nrules; i++) {
    qc_rule *r = &cb->rules[i];
    if (r->kind == QC_RULE_REGEX)
      continue;
    r->anchor = choose_anchor(cb, r);
    add_trigger(cb, r->items[r->anchor].term, i);
  }
  cb->words = qc_lexicon_new();
  for (size_t i = 0; i < cb->nentries; i++)
    qc_lexicon_add(cb->words, cb->entries[i].pattern,
                   strlen(cb->entries[i].pattern), i);
  return QC_OK;
}

void qc_terms_release(qc_codebook *cb) {
  for (size_t i = 0; i < cb->nclasses; i++) {
    qc_class *c = &cb->classes[i];
    free(c->name);
    for (size_t j = 0; j < c->nalts; j++)
      free(c->alts[j].text);
    free(c->alts);
  }
  free(cb->classes);
  qc_strmap_release(&cb->class_names);
  for (size_t i = 0; i < cb->nterms; i++) {
    free(cb->terms[i].name);
    free(cb->terms[i].triggers);
  }
  free(cb->terms);
  qc_strmap_release(&cb->term_keys);
  for (size_t i = 0; i < cb->nentries; i++) {
    free(cb->entries[i].pattern);
    free(cb->entries[i].particle);
    free(cb->entries[i].origin);
  }
  free(cb->entries);
}

/* A canonical text of the classes for the fingerprint: what each class is
 * made of, as written. */
void qc_terms_fingerprint(const qc_codebook *cb, qc_buf *b) {
  for (size_t i = 0; i < cb->nclasses; i++) {
    const qc_class *c = &cb->classes[i];
    qc_buf_printf(b, "class\x1f%s\x1f%zu", c->name, c->scope);
    for (size_t j = 0; j < c->nalts; j++)
      qc_buf_printf(b, "\x1f%d\x1f%s", (int)c->alts[j].kind, c->alts[j].text);
    qc_buf_putc(b, '\n');
  }
}
