/* coder.c: codes one segment with a compiled codebook. The segment is
 * folded once and tokenised once; words and phrase rules are looked up per
 * running word in the lexicon, regex rules run on the folded text. A words
 * or phrase hit with a negation word within the codebook's window (same
 * sentence) does not count; an exclude rule removes its code from the
 * segment, a mask rule only the hits it overlaps; finally children roll up into their parents. All buffers live in
 * the coder and are reused, so coding allocates nothing in the steady
 * state. */
#include "codebook.h"
#include "error.h"
#include "prefilter.h"
#include "memory.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

/* A running word of the segment. 32-bit fields (texts are at most
 * QC_TEXT_MAX bytes) halve the memory of a very long segment. */
typedef struct word {
  uint32_t fstart, fend; /* span in the folded text */
  uint32_t tok;          /* index in the token array */
  uint32_t sentence_start : 1; /* a sentence ends before this word */
  uint32_t clause_start : 1;   /* a clause ends before it (or a sentence) */
  uint32_t negator : 1;
} word;

struct qc_coder {
  const qc_codebook *cb;
  qc_tokenizer *tz;
  qc_fold fold;
  qc_regex_ctx *rx;
  const char *text; /* the segment being coded */
  const qc_token *toks;
  size_t ntoks;
  word *words;
  size_t nwords, words_cap;
  size_t *ids;
  size_t nids, ids_cap;
  bool *coded, *excluded;
  bool *candidate; /* per rule: the prefilter found one of its literals */
  qc_prefilter_found found; /* rules the prefilter let through, and starts */
  size_t *regex_all, nregex_all;   /* the regex rules, in order */
  size_t *regex_always, nregex_always; /* those the prefilter cannot skip */
  uint32_t *todo;                  /* the regex rules to run on a segment */
  size_t todo_cap;
  /* the starts of each rule as a chain through 'found', built per segment;
   * a rule's head is valid when its stamp is the segment's epoch */
  uint32_t *head, *tail, *stamp, *chain;
  size_t chain_cap;
  uint32_t epoch;
  qc_prefilter_start *at; /* one rule's starts, sorted */
  size_t at_cap;
  /* matches of shared patterns (fold offsets), kept for the segment under
   * the pattern's first rule: m[mfirst[r] .. + mcount[r]) when
   * mstamp[r] is the epoch */
  struct { uint32_t start, end; } *m;
  size_t nm, m_cap;
  uint32_t *mfirst, *mcount, *mstamp;
  unsigned *hits;
  qc_span *spans;
  size_t nspans, spans_cap;
  qc_span *masks; /* matches of mask rules */
  size_t nmasks, masks_cap;
  qc_coding result;
};

qc_coder *qc_coder_new(const qc_codebook *cb) {
  qc_coder *c = qc_xcalloc(1, sizeof *c);
  c->cb = cb;
  c->tz = qc_tokenizer_new();
  c->fold = (qc_fold)QC_FOLD_INIT(cb->fold_opts);
  c->rx = qc_regex_ctx_new();
  c->coded = qc_xcalloc(cb->ncodes, sizeof *c->coded);
  c->excluded = qc_xcalloc(cb->ncodes, sizeof *c->excluded);
  c->hits = qc_xcalloc(cb->ncodes, sizeof *c->hits);
  c->candidate = qc_xcalloc(cb->nrules + 1, sizeof *c->candidate);
  c->head = qc_xcalloc(cb->nrules + 1, sizeof *c->head);
  c->tail = qc_xcalloc(cb->nrules + 1, sizeof *c->tail);
  c->stamp = qc_xcalloc(cb->nrules + 1, sizeof *c->stamp);
  c->mfirst = qc_xcalloc(cb->nrules + 1, sizeof *c->mfirst);
  c->mcount = qc_xcalloc(cb->nrules + 1, sizeof *c->mcount);
  c->mstamp = qc_xcalloc(cb->nrules + 1, sizeof *c->mstamp);
  c->regex_all = qc_xcalloc(cb->nrules + 1, sizeof *c->regex_all);
  c->regex_always = qc_xcalloc(cb->nrules + 1, sizeof *c->regex_always);
  for (size_t i = 0; i < cb->nrules; i++)
    if (cb->rules[i].kind == QC_RULE_REGEX) {
      c->regex_all[c->nregex_all++] = i;
      if (!cb->rules[i].filtered)
        c->regex_always[c->nregex_always++] = i;
    }
  return c;
}

void qc_coder_free(qc_coder *c) {
  if (!c)
    return;
  qc_tokenizer_free(c->tz);
  qc_fold_release(&c->fold);
  qc_regex_ctx_free(c->rx);
  free(c->words);
  free(c->ids);
  free(c->coded);
  free(c->excluded);
  free(c->candidate);
  free(c->found.v);
  free(c->found.rules);
  free(c->regex_all);
  free(c->regex_always);
  free(c->todo);
  free(c->head);
  free(c->tail);
  free(c->stamp);
  free(c->chain);
  free(c->at);
  free(c->m);
  free(c->mfirst);
  free(c->mcount);
  free(c->mstamp);
  free(c->hits);
  free(c->spans);
  free(c->masks);
  free(c);
}

static bool in_lexicon(qc_coder *c, const qc_lexicon *lx, const word *w) {
  c->nids = 0;
  qc_lexicon_lookup(lx, c->fold.out + w->fstart, w->fend - w->fstart, &c->ids,
                    &c->nids, &c->ids_cap);
  return c->nids > 0;
}

/* The running words with their sentence and clause starts. A clause ends
 * at a sentence end, at ';' and ':', and at a comma followed by a contrast
 * word ("geen vergadering, wel stress"). */
static void find_words(qc_coder *c) {
  c->nwords = 0;
  bool sentence = true, clause = true, comma = false;
  for (size_t i = 0; i < c->ntoks; i++) {
    const qc_token *t = &c->toks[i];
    if (qc_token_is_word(t->type)) {
      QC_GROW(c->words, c->words_cap, c->nwords + 1);
      word *w = &c->words[c->nwords++];
      w->fstart = qc_fold_to_folded(&c->fold, t->start);
      w->fend = qc_fold_to_folded(&c->fold, t->start + t->len);
      w->tok = i;
      w->negator = in_lexicon(c, c->cb->negation, w);
      w->sentence_start = sentence;
      w->clause_start =
          clause || (comma && in_lexicon(c, c->cb->contrast_words, w));
      sentence = clause = comma = false;
    } else if (t->type == QC_TOK_PUNCT && t->len == 1) {
      char p = c->text[t->start];
      comma = p == ',';
      clause = clause || p == ';' || p == ':';
    }
    if (t->flags & QC_TOKF_SENTENCE_END)
      sentence = clause = true;
  }
}

/* True when a negation word stands within the window around words
 * [first, last], in the same clause. */
static bool negated(const qc_coder *c, size_t first, size_t last) {
  unsigned before = c->cb->neg_before, after = c->cb->neg_after;
  for (size_t k = 1; k <= before && k <= first; k++) {
    if (c->words[first - k + 1].clause_start)
      break;
    if (c->words[first - k].negator)
      return true;
  }
  for (size_t k = 1; k <= after && last + k < c->nwords; k++) {
    const word *w = &c->words[last + k];
    if (w->clause_start)
      break;
    if (w->negator)
      return true;
  }
  return false;
}

static void count_hit(qc_coder *c, size_t rule, size_t start, size_t end) {
  const qc_rule *r = &c->cb->rules[rule];
  switch (r->role) {
  case QC_ROLE_EXCLUDE:
    c->excluded[r->code] = true;
    break;
  case QC_ROLE_MASK:
    QC_GROW(c->masks, c->masks_cap, c->nmasks + 1);
    c->masks[c->nmasks++] = (qc_span){r->code, rule, start, end};
    break;
  case QC_ROLE_HIT:
    QC_GROW(c->spans, c->spans_cap, c->nspans + 1);
    c->spans[c->nspans++] = (qc_span){r->code, rule, start, end};
    break;
  }
}

/* True when a mask rule of the span's code matched text overlapping it. */
static bool masked(const qc_coder *c, const qc_span *sp) {
  for (size_t i = 0; i < c->nmasks; i++) {
    const qc_span *m = &c->masks[i];
    if (m->code == sp->code && m->start < sp->end && sp->start < m->end)
      return true;
  }
  return false;
}

/* Length in words of phrase rule 'r' starting at word 'k', or 0. The words
 * must be adjacent tokens: punctuation between them breaks the phrase. */
static size_t phrase_at(const qc_coder *c, const qc_rule *r, size_t k) {
  if (k + r->nparts > c->nwords)
    return 0;
  for (size_t j = 1; j < r->nparts; j++) {
    const word *w = &c->words[k + j];
    if (w->tok != c->words[k].tok + j ||
        !qc_glob_match(r->parts[j], strlen(r->parts[j]),
                       c->fold.out + w->fstart, w->fend - w->fstart))
      return 0;
  }
  return r->nparts;
}

static void match_words(qc_coder *c) {
  for (size_t k = 0; k < c->nwords; k++) {
    const word *w = &c->words[k];
    c->nids = 0;
    qc_lexicon_lookup(c->cb->words, c->fold.out + w->fstart,
                      w->fend - w->fstart, &c->ids, &c->nids, &c->ids_cap);
    for (size_t i = 0; i < c->nids; i++) {
      const qc_rule *r = &c->cb->rules[c->ids[i]];
      size_t n = r->kind == QC_RULE_PHRASE ? phrase_at(c, r, k) : 1;
      if (n == 0)
        continue;
      if (r->role == QC_ROLE_HIT && c->cb->codes[r->code].negation &&
          negated(c, k, k + n - 1))
        continue;
      const qc_token *first = &c->toks[w->tok];
      const qc_token *last = &c->toks[c->words[k + n - 1].tok];
      count_hit(c, c->ids[i], first->start, last->start + last->len);
    }
  }
}

static int rule_cmp(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

/* The regex rules to run on the segment, in codebook order (so that the
 * first rule to fail is the one reported): those the prefilter let
 * through and those it cannot skip. Clears their candidate flags. */
static size_t regex_todo(qc_coder *c) {
  const qc_prefilter_found *f = &c->found;
  size_t n = f->nrules + c->nregex_always;
  QC_GROW(c->todo, c->todo_cap, n + 1);
  for (size_t i = 0; i < f->nrules; i++) {
    c->todo[i] = f->rules[i];
    c->candidate[f->rules[i]] = false;
  }
  for (size_t i = 0; i < c->nregex_always; i++)
    c->todo[f->nrules + i] = (uint32_t)c->regex_always[i];
  qsort(c->todo, n, sizeof *c->todo, rule_cmp);
  return n;
}

/* Links the starts of each rule into a chain, in the order found. */
static void chain_starts(qc_coder *c) {
  const qc_prefilter_found *f = &c->found;
  QC_GROW(c->chain, c->chain_cap, f->n + 1);
  for (size_t k = 0; k < f->n; k++) {
    uint32_t r = f->v[k].rule;
    if (c->stamp[r] != c->epoch) {
      c->stamp[r] = c->epoch;
      c->head[r] = (uint32_t)k;
    } else {
      c->chain[c->tail[r]] = (uint32_t)k;
    }
    c->tail[r] = (uint32_t)k;
    c->chain[k] = UINT32_MAX;
  }
}

/* The starts of rule r sorted by position into c->at: they come in the
 * order their literals end, nearly sorted, so insertion sort is linear. */
static size_t rule_starts(qc_coder *c, uint32_t r) {
  size_t n = 0;
  if (c->stamp[r] != c->epoch)
    return 0;
  for (uint32_t k = c->head[r]; k != UINT32_MAX; k = c->chain[k]) {
    QC_GROW(c->at, c->at_cap, n + 1);
    qc_prefilter_start x = c->found.v[k];
    size_t j = n++;
    for (; j > 0 && c->at[j - 1].at > x.at; j--)
      c->at[j] = c->at[j - 1];
    c->at[j] = x;
  }
  return n;
}

static qc_status regex_failed(const qc_coder *c, const qc_rule *r,
                              const char *msg, qc_error *err) {
  return qc_error_set(err, QC_ERR_REGEX, c->cb->file, r->line, r->col, 0,
                      "code '%s': regex '%s' stopped on a segment: %s",
                      c->cb->codes[r->code].path, r->source, msg);
}

/* A match of rule i: counted, and for a shared pattern also kept for
 * the other rules with it. Returns whether to look for more. */
static bool found(qc_coder *c, size_t i, size_t start, size_t end) {
  const qc_rule *r = &c->cb->rules[i];
  count_hit(c, i, qc_fold_to_orig(&c->fold, start),
            qc_fold_to_orig_end(&c->fold, end));
  if (r->shared) {
    QC_GROW(c->m, c->m_cap, c->nm + 1);
    c->m[c->nm].start = (uint32_t)start;
    c->m[c->nm++].end = (uint32_t)end;
    c->mcount[r->same_regex]++;
  }
  /* one match is enough to exclude, unless others share the pattern */
  return r->role != QC_ROLE_EXCLUDE || r->shared;
}

/* Every match of rule 'i' in order: each leftmost match from the end of
 * the last one, as a plain search loop finds them. */
static qc_status scan_regex(qc_coder *c, size_t i, qc_error *err) {
  const qc_rule *r = &c->cb->rules[i];
  const char *s = c->fold.out;
  size_t len = c->fold.len, from = 0, start, end;
  char msg[200];
  while (from <= len) {
    int rc = qc_regex_search(r->re, c->rx, s, len, from, &start, &end, msg,
                             sizeof msg);
    if (rc == QC_REGEX_NOMATCH)
      break;
    if (rc != QC_REGEX_MATCH)
      return regex_failed(c, r, msg, err);
    if (!found(c, i, start, end))
      break;
    /* After an empty match, step over one whole character. */
    from = end > start ? end : end + 1;
    while (from < len && ((unsigned char)s[from] & 0xC0) == 0x80)
      from++;
  }
  return QC_OK;
}

/* The same matches for a rule whose matches all start where one of its
 * prefix literals starts: a search from 'from' finds its match at the
 * first such start at or after 'from' where an anchored match succeeds,
 * so trying those starts in order is the same loop without the scan.
 * 'at' holds the sorted starts. */
static qc_status match_at_starts(qc_coder *c, size_t i,
                                 const qc_prefilter_start *at, size_t n,
                                 qc_error *err) {
  const qc_rule *r = &c->cb->rules[i];
  const char *s = c->fold.out;
  size_t len = c->fold.len, from = 0, start, end;
  char msg[200];
  for (size_t k = 0; k < n; k++) {
    if (at[k].at < from || (k > 0 && at[k].at == at[k - 1].at))
      continue;
    int rc = qc_regex_search(r->anchored, c->rx, s, len, at[k].at, &start,
                             &end, msg, sizeof msg);
    if (rc == QC_REGEX_NOMATCH)
      continue;
    if (rc != QC_REGEX_MATCH)
      return regex_failed(c, r, msg, err);
    if (!found(c, i, start, end))
      break;
    from = end; /* rules never match the empty string */
  }
  return QC_OK;
}

/* For a rule whose pattern an earlier rule shares and has matched on
 * this segment: counts those matches again for rule i and returns true. */
static bool reuse_matches(qc_coder *c, size_t i) {
  const qc_rule *r = &c->cb->rules[i];
  if (!r->shared)
    return false;
  size_t f = r->same_regex;
  if (c->mstamp[f] != c->epoch) { /* the first of them: start the list */
    c->mstamp[f] = c->epoch;
    c->mfirst[f] = (uint32_t)c->nm;
    c->mcount[f] = 0;
    return false;
  }
  for (uint32_t k = 0; k < c->mcount[f]; k++) {
    const size_t start = c->m[c->mfirst[f] + k].start;
    count_hit(c, i, qc_fold_to_orig(&c->fold, start),
              qc_fold_to_orig_end(&c->fold, c->m[c->mfirst[f] + k].end));
    if (r->role == QC_ROLE_EXCLUDE)
      break;
  }
  return true;
}

/* With r->shared, found() appends to the list reuse_matches started; the
 * list must not be appended to by a later rule, so it only grows while
 * its first rule runs. */
static qc_status match_regexes(qc_coder *c, qc_error *err) {
  const qc_codebook *cb = c->cb;
  c->nm = 0;
  if (++c->epoch == 0) { /* wrapped: old stamps could look current */
    memset(c->stamp, 0, cb->nrules * sizeof *c->stamp);
    memset(c->mstamp, 0, cb->nrules * sizeof *c->mstamp);
    c->epoch = 1;
  }
  if (!cb->prefilter || cb->no_prefilter) {
    for (size_t k = 0; k < c->nregex_all; k++) {
      size_t i = c->regex_all[k];
      if (!reuse_matches(c, i))
        QC_TRY(scan_regex(c, i, err));
    }
    return QC_OK;
  }
  qc_prefilter_scan(cb->prefilter, c->fold.out, c->fold.len, c->candidate,
                    &c->found);
  chain_starts(c);
  size_t n = regex_todo(c);
  for (size_t t = 0; t < n; t++) {
    uint32_t i = c->todo[t];
    if (reuse_matches(c, i))
      continue;
    if (cb->rules[i].anchored) {
      size_t m = rule_starts(c, i);
      /* A word run too long to search start by start: scan instead. */
      if (m > 0 && c->at[m - 1].at == QC_PREFILTER_SCAN)
        QC_TRY(scan_regex(c, i, err));
      else
        QC_TRY(match_at_starts(c, i, c->at, m, err));
    } else {
      QC_TRY(scan_regex(c, i, err));
    }
  }
  return QC_OK;
}

static int span_cmp(const void *a, const void *b) {
  const qc_span *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  if (x->code != y->code)
    return x->code < y->code ? -1 : 1;
  return x->rule < y->rule ? -1 : x->rule > y->rule;
}

static bool same_hit(const qc_span *a, const qc_span *b) {
  return a->code == b->code && a->start == b->start && a->end == b->end;
}

/* Drops excluded codes' spans and masked hits, and counts each distinct span of a code once
 * (two rules of one code that match the same words make one hit), then
 * rolls children up into their parents (codes are in pre-order, so one
 * backward pass suffices). */
static void finish(qc_coder *c) {
  const qc_codebook *cb = c->cb;
  if (c->nspans > 1)
    qsort(c->spans, c->nspans, sizeof *c->spans, span_cmp);
  size_t kept = 0;
  for (size_t i = 0; i < c->nspans; i++) {
    const qc_span *sp = &c->spans[i];
    if (c->excluded[sp->code] || (kept && same_hit(&c->spans[kept - 1], sp)) ||
        masked(c, sp))
      continue;
    c->spans[kept++] = *sp;
    c->hits[sp->code]++;
  }
  c->nspans = kept;
  for (size_t i = 0; i < cb->ncodes; i++)
    c->coded[i] = c->hits[i] > 0;
  for (size_t i = cb->ncodes; i-- > 0;) {
    size_t p = cb->codes[i].parent;
    if (p == QC_NO_PARENT || c->excluded[p])
      continue;
    c->hits[p] += c->hits[i];
    c->coded[p] = c->coded[p] || c->coded[i];
  }
}

qc_status qc_coder_code(qc_coder *c, const char *text, size_t len,
                        const qc_coding **out, qc_error *err) {
  size_t n = c->cb->ncodes;
  memset(c->hits, 0, n * sizeof *c->hits);
  memset(c->excluded, 0, n * sizeof *c->excluded);
  c->nspans = c->nmasks = 0;
  qc_fold_run(&c->fold, text, len);
  /* Folding can lengthen a text (NFKC expands some characters many
   * times), and words and spans keep 32-bit offsets. */
  if (len > QC_TEXT_MAX || c->fold.len > QC_TEXT_MAX)
    return qc_error_set(err, QC_ERR_DATA, NULL, 0, 0, 0,
                        "segment too long to code (%zu bytes, %zu folded; "
                        "the limit is %zu)",
                        len, c->fold.len, QC_TEXT_MAX);
  c->text = text;
  c->ntoks = qc_tokenizer_run(c->tz, text, len, &c->toks);
  find_words(c);
  match_words(c);
  QC_TRY(match_regexes(c, err));
  finish(c);
  c->result = (qc_coding){c->coded, c->hits, c->spans, c->nspans, c->nwords};
  *out = &c->result;
  return QC_OK;
}
