/* dicexport.c: a codebook written as a LIWC .dic or a quanteda YAML
 * dictionary, for the parts that map (docs/INTEROP.md). A dictionary
 * entry is a word or a run of adjacent words that counts for its
 * categories; so a code's word rules (their patterns, with classes and
 * word forms written out) and its phrases without gaps (each combination
 * of their words) become entries. Near rules, gapped phrases, phrases
 * with punctuation or '^', regexes, exclusions and masks have no
 * dictionary equivalent and are left out; negation and not-near are
 * dropped (a dictionary counts every match); both are counted in the
 * report. */
#include "qcode.h"
#include "buf.h"
#include "codebook.h"
#include "error.h"
#include "memory.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A phrase with more combinations of its words than this is left out. */
#define MAX_COMBINATIONS 256

typedef struct {
  char *text;
  size_t code;
} entry;

typedef struct {
  const qc_codebook *cb;
  qc_codebook_format format;
  size_t **by_term; /* the entries of each term */
  size_t *nby_term;
  entry *e;
  size_t n, cap;
  qc_dictionary_report *report;
} exporter;

/* LIWC's wildcard is a trailing '*' only; quanteda's glob takes any. */
static bool pattern_maps(const exporter *x, const char *p) {
  const char *star = strchr(p, '*');
  if (x->format == QC_CODEBOOK_LIWC)
    return !star || (star[1] == '\0' && star != p);
  return true;
}

static void add_entry(exporter *x, const char *text, size_t code) {
  QC_GROW(x->e, x->cap, x->n + 1);
  x->e[x->n++] = (entry){qc_xstrdup(text), code};
}

/* Every combination of the items' words, as "w1 w2 ...": false when one
 * does not map or there are too many. */
static bool phrase_entries(exporter *x, const qc_rule *r, size_t code) {
  size_t total = 1;
  for (size_t i = 0; i < r->nitems; i++) {
    const qc_item *it = &r->items[i];
    if (it->kind != QC_ITEM_TERM)
      return false;
    size_t n = x->nby_term[it->term];
    if (!n || (total *= n) > MAX_COMBINATIONS)
      return false;
    for (size_t k = 0; k < n; k++) {
      const qc_entry *en = &x->cb->entries[x->by_term[it->term][k]];
      if (en->particle || !pattern_maps(x, en->pattern))
        return false;
    }
  }
  for (size_t c = 0; c < total; c++) {
    qc_buf b = QC_BUF_INIT;
    size_t rest = c;
    for (size_t i = 0; i < r->nitems; i++) {
      size_t n = x->nby_term[r->items[i].term];
      const qc_entry *en =
          &x->cb->entries[x->by_term[r->items[i].term][rest % n]];
      rest /= n;
      qc_buf_printf(&b, "%s%s", i ? " " : "", en->pattern);
    }
    add_entry(x, b.ptr, code);
    qc_buf_release(&b);
  }
  return true;
}

static void rule_entries(exporter *x, const qc_rule *r) {
  qc_dictionary_report *rep = x->report;
  bool changed = r->has_unless || (r->negation != QC_NEG_OFF &&
                                   (r->negation != QC_NEG_CODE ||
                                    x->cb->codes[r->code].negation));
  if (r->role != QC_ROLE_HIT || r->kind == QC_RULE_REGEX ||
      r->kind == QC_RULE_NEAR || (r->kind == QC_RULE_PHRASE && r->gapped)) {
    rep->left_out++;
    return;
  }
  if (r->kind == QC_RULE_PHRASE) {
    if (!phrase_entries(x, r, r->code)) {
      rep->left_out++;
      return;
    }
  } else {
    size_t t = r->items[0].term, kept = 0;
    for (size_t k = 0; k < x->nby_term[t]; k++) {
      const qc_entry *en = &x->cb->entries[x->by_term[t][k]];
      if (en->particle || !pattern_maps(x, en->pattern)) {
        rep->words_left_out++;
        continue;
      }
      add_entry(x, en->pattern, r->code);
      kept++;
    }
    if (!kept) {
      rep->left_out++;
      return;
    }
  }
  if (changed)
    rep->approximated++;
  else
    rep->exact++;
}

static int cmp_entry(const void *a, const void *b) {
  const entry *x = a, *y = b;
  int c = strcmp(x->text, y->text);
  return c ? c : (x->code > y->code) - (x->code < y->code);
}

/* LIWC: a category per code, numbered in codebook order; an entry lists
 * its code and the code's ancestors, so that a parent counts what its
 * children count, as in qcode. */
static void write_liwc(const exporter *x, qc_buf *out) {
  const qc_codebook *cb = x->cb;
  qc_buf_puts(out, "%\n");
  for (size_t i = 0; i < cb->ncodes; i++)
    qc_buf_printf(out, "%zu\t%s\n", i + 1, cb->codes[i].path);
  qc_buf_puts(out, "%\n");
  bool *cats = qc_xcalloc(cb->ncodes, sizeof *cats);
  for (size_t i = 0; i < x->n;) {
    size_t j = i;
    memset(cats, 0, cb->ncodes * sizeof *cats);
    for (; j < x->n && !strcmp(x->e[j].text, x->e[i].text); j++)
      for (size_t c = x->e[j].code; c != QC_NO_PARENT; c = cb->codes[c].parent)
        cats[c] = true;
    qc_buf_puts(out, x->e[i].text);
    for (size_t c = 0; c < cb->ncodes; c++)
      if (cats[c])
        qc_buf_printf(out, "\t%zu", c + 1);
    qc_buf_putc(out, '\n');
    i = j;
  }
  free(cats);
}

static void put_yaml_string(qc_buf *out, const char *s) {
  qc_buf_putc(out, '\'');
  for (; *s; s++) {
    if (*s == '\'')
      qc_buf_putc(out, '\'');
    qc_buf_putc(out, *s);
  }
  qc_buf_putc(out, '\'');
}

static void put_indent(qc_buf *out, size_t depth) {
  for (size_t i = 0; i < depth; i++)
    qc_buf_puts(out, "  ");
}

/* The values of code c, as a YAML flow list. */
static void put_values(const exporter *x, size_t c, qc_buf *out) {
  qc_buf_putc(out, '[');
  const char *last = NULL;
  for (size_t i = 0; i < x->n; i++) {
    if (x->e[i].code != c || (last && !strcmp(last, x->e[i].text)))
      continue;
    if (last)
      qc_buf_puts(out, ", ");
    put_yaml_string(out, x->e[i].text);
    last = x->e[i].text;
  }
  qc_buf_puts(out, "]\n");
}

/* quanteda: a key per code (its id), nested as the code tree. A key holds
 * values or keys, not both, so a parent's own values go under a child key
 * "(own)". */
static void write_quanteda_code(const exporter *x, size_t c, size_t depth,
                                qc_buf *out) {
  const qc_codebook *cb = x->cb;
  bool children = false, own = false;
  for (size_t k = c + 1; k < cb->ncodes && !children; k++)
    children = cb->codes[k].parent == c;
  for (size_t i = 0; i < x->n && !own; i++)
    own = x->e[i].code == c;
  put_indent(out, depth);
  put_yaml_string(out, cb->codes[c].id);
  if (!children) {
    qc_buf_puts(out, ": ");
    put_values(x, c, out);
    return;
  }
  qc_buf_puts(out, ":\n");
  if (own) {
    put_indent(out, depth + 1);
    qc_buf_puts(out, "'(own)': ");
    put_values(x, c, out);
  }
  for (size_t k = c + 1; k < cb->ncodes; k++)
    if (cb->codes[k].parent == c)
      write_quanteda_code(x, k, depth + 1, out);
}

qc_status qc_dictionary_export(const qc_codebook *cb, qc_codebook_format format,
                               char **out, size_t *len,
                               qc_dictionary_report *report, qc_error *err) {
  if (format != QC_CODEBOOK_LIWC && format != QC_CODEBOOK_QUANTEDA)
    return qc_error_set(err, QC_ERR_USAGE, NULL, 0, 0, 0,
                        "a dictionary is LIWC or quanteda");
  memset(report, 0, sizeof *report);
  exporter x = {cb, format, NULL, NULL, NULL, 0, 0, report};
  x.by_term = qc_xcalloc(cb->nterms ? cb->nterms : 1, sizeof *x.by_term);
  x.nby_term = qc_xcalloc(cb->nterms ? cb->nterms : 1, sizeof *x.nby_term);
  for (size_t i = 0; i < cb->nentries; i++)
    x.nby_term[cb->entries[i].term]++;
  for (size_t t = 0; t < cb->nterms; t++) {
    x.by_term[t] = qc_xmalloc((x.nby_term[t] ? x.nby_term[t] : 1) *
                              sizeof **x.by_term);
    x.nby_term[t] = 0;
  }
  for (size_t i = 0; i < cb->nentries; i++) {
    size_t t = cb->entries[i].term;
    x.by_term[t][x.nby_term[t]++] = i;
  }
  for (size_t i = 0; i < cb->nrules; i++)
    rule_entries(&x, &cb->rules[i]);
  qsort(x.e, x.n, sizeof *x.e, cmp_entry);
  qc_buf b = QC_BUF_INIT;
  if (format == QC_CODEBOOK_LIWC) {
    write_liwc(&x, &b);
  } else {
    qc_buf_printf(&b, "# quanteda dictionary written by qcode %s from %s\n",
                  qc_version_string(), cb->name ? cb->name : "a codebook");
    for (size_t c = 0; c < cb->ncodes; c++)
      if (cb->codes[c].parent == QC_NO_PARENT)
        write_quanteda_code(&x, c, 0, &b);
  }
  for (size_t i = 0; i < x.n; i++)
    free(x.e[i].text);
  free(x.e);
  for (size_t t = 0; t < cb->nterms; t++)
    free(x.by_term[t]);
  free(x.by_term);
  free(x.nby_term);
  *out = qc_buf_detach(&b, len);
  if (!*out) {
    *out = qc_xstrdup("");
    *len = 0;
  }
  return QC_OK;
}
