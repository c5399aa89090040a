/* coder.c: codes one segment with a compiled codebook. The segment is
 * folded once and tokenised once. Each running word gets its terms (the
 * word lists it belongs to) from one lexicon lookup, cached per distinct
 * word across segments; a token rule is tried only at the words of its
 * anchor term, and only when the other terms it needs occur in the
 * segment. Regex rules run on the folded text, behind a literal
 * prefilter. A hit with a negator within the window (same clause) does
 * not count unless the rule says otherwise; an exclude rule removes its
 * code from the segment, a mask rule only the hits it overlaps; finally
 * children roll up into their parents. All buffers live in the coder and
 * are reused, so coding allocates nothing in the steady state, and a
 * segment costs its words and the codes it touches, not the codebook. */
#include "codebook.h"
#include "error.h"
#include "prefilter.h"
#include "memory.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

/* A running word of the segment, in 16 bytes: a segment may be a whole
 * 100 MB file. 32-bit fields suffice (texts are at most QC_TEXT_MAX
 * bytes); its folded end is computed where it is needed. */
typedef struct word {
  uint32_t fstart; /* start in the folded text */
  uint32_t tok;    /* index in the token array */
  uint32_t list;   /* its terms: a count at pool[list], then the terms */
  /* a one-word Bloom filter of its terms (bit term % 29): most questions
   * "did word k match term t" are answered no here */
  uint32_t bloom : 29;
  uint32_t sentence_start : 1; /* a sentence ends before this word */
  uint32_t clause_start : 1;   /* a clause ends before it (or a sentence) */
  uint32_t negator : 1;
} word;

/* One term of a word, with the entry that gave it (for a separable verb's
 * particle and for tracing) and two flags that spare the rule loop a look
 * into the codebook: the entry has a particle, the term starts rules. */
typedef struct wterm {
  uint32_t term;
  uint32_t entry : 30;
  uint32_t particle : 1;
  uint32_t triggers : 1;
} wterm;

/* The lexicons' answer for each distinct folded word, kept between
 * segments: text repeats its words (Zipf), and a lookup costs a probe per
 * prefix and suffix length. The slots are direct-mapped; the term lists
 * live in a pool that only grows during a segment (words point into it)
 * and starts over between segments once it passes WCACHE_POOL, so memory
 * stays bounded. 65536 slots (4 MB) and a pool of 2^20 terms (8 MB): a
 * corpus's vocabulary fits, where 16384 slots and 2^18 missed 1.7 % of
 * the words of a 200 MB corpus and starting over ten times cost ~10 %. */
#define WCACHE_SLOTS 65536
#define WCACHE_WORD_MAX 40
#define WCACHE_POOL (1u << 20)

typedef struct wslot {
  uint64_t hash;
  uint32_t list, bloom;
  uint8_t len;
  bool negator;
  char s[WCACHE_WORD_MAX];
} wslot;

typedef struct wcache {
  wslot *slots;
  wterm *pool;
  size_t npool, pool_cap;
} wcache;

static void wcache_reset(wcache *wc) {
  if (!wc->slots)
    wc->slots = qc_xcalloc(WCACHE_SLOTS, sizeof *wc->slots);
  else
    memset(wc->slots, 0, WCACHE_SLOTS * sizeof *wc->slots);
  /* pool[0]: the empty list, shared by the words without terms */
  QC_GROW(wc->pool, wc->pool_cap, 1);
  wc->pool[0] = (wterm){0, 0, 0, 0};
  wc->npool = 1;
}

static void wcache_free(wcache *wc) {
  free(wc->slots);
  free(wc->pool);
}

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
  /* the codes coded[] and hits[] may be set for (each once: tstamp is the
   * segment's epoch), and the excluded codes: cleared at the next segment,
   * so a segment costs its own codes, not the codebook's */
  uint32_t *touched, *tstamp, tepoch, *own, *excl;
  size_t ntouched, nexcl;
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
  wcache wc;
  /* per term: the segment's epoch when one of its words is in it. A rule
   * is tried only when every term it needs is present: most tries of a
   * phrase at a common word would fail further on. */
  uint32_t *present, pepoch;
  /* per rule: the terms of its items but the anchor, rarest-looking
   * first, need[need_first[i] .. need_first[i + 1]) */
  uint32_t *need, *need_first;
  /* per term: the rules it anchors, trig[trig_first[t] .. trig_first[t +
   * 1]), each with its first needed term (nterms, always present, when it
   * needs none) so that most tries stop at one look */
  struct trig { uint32_t rule, need0; } *trig;
  uint32_t *trig_first;
  /* per rule, what coding a match asks, so that a word rule's hit reads
   * eight bytes instead of the whole rule */
  struct rinfo {
    uint32_t code;
    uint8_t kind, role, negation; /* negation: the mode in force */
    uint8_t inside : 1; /* a negator may sit inside the match */
    uint8_t gapped : 1, unless : 1;
  } *ri;
  bool tracing;
  qc_trace_event *trace;
  size_t ntrace, trace_cap;
  unsigned *hits;
  qc_span *spans;
  size_t nspans, spans_cap;
  qc_span *masks; /* matches of mask rules */
  size_t nmasks, masks_cap;
  qc_coding result;
};

/* The negation mode in force for rule r: its own, else its code's (for
 * the hits of token rules). */
static qc_negation negation_of(const qc_codebook *cb, const qc_rule *r) {
  if (r->negation != QC_NEG_CODE)
    return r->negation;
  const qc_code *code = &cb->codes[r->code];
  if (r->kind == QC_RULE_REGEX || r->role != QC_ROLE_HIT)
    return QC_NEG_OFF;
  return code->invert ? QC_NEG_INVERT
         : code->negation ? QC_NEG_ON
                          : QC_NEG_OFF;
}

/* How rare a term's words look (terms.c chooses anchors the same way): the
 * literal length of a one-pattern term, 2 for a list. */
static size_t term_rarity(const qc_codebook *cb, size_t t) {
  if (cb->terms[t].nentries != 1)
    return 2;
  size_t n = 0;
  for (const char *p = cb->entries[cb->terms[t].first].pattern; *p; p++)
    n += *p != '*';
  return n;
}

/* Lists each rule's needed terms (its items' but the anchor's), rarest
 * first. */
static void build_needs(qc_coder *c) {
  const qc_codebook *cb = c->cb;
  c->need_first = qc_xcalloc(cb->nrules + 1, sizeof *c->need_first);
  size_t nneed = 0;
  for (size_t i = 0; i < cb->nrules; i++)
    nneed += cb->rules[i].nitems;
  c->need = qc_xcalloc(nneed + 1, sizeof *c->need);
  nneed = 0;
  for (size_t i = 0; i < cb->nrules; i++) {
    const qc_rule *r = &cb->rules[i];
    c->need_first[i] = (uint32_t)nneed;
    for (size_t j = 0; r->kind != QC_RULE_REGEX && j < r->nitems; j++)
      if (j != r->anchor && r->items[j].kind == QC_ITEM_TERM)
        c->need[nneed++] = (uint32_t)r->items[j].term;
  }
  c->need_first[cb->nrules] = (uint32_t)nneed;
  for (size_t i = 0; i < cb->nrules; i++) {
    uint32_t *v = c->need + c->need_first[i];
    size_t n = c->need_first[i + 1] - c->need_first[i];
    for (size_t a = 1; a < n; a++)
      for (size_t b = a; b > 0 && term_rarity(cb, v[b]) >
                                      term_rarity(cb, v[b - 1]); b--) {
        uint32_t x = v[b];
        v[b] = v[b - 1];
        v[b - 1] = x;
      }
  }
}

/* Lays out the rules each term anchors, each with its first needed term
 * (after build_needs). */
static void build_triggers(qc_coder *c) {
  const qc_codebook *cb = c->cb;
  c->trig_first = qc_xcalloc(cb->nterms + 1, sizeof *c->trig_first);
  size_t n = 0;
  for (size_t t = 0; t < cb->nterms; t++)
    n += cb->terms[t].ntriggers;
  c->trig = qc_xcalloc(n + 1, sizeof *c->trig);
  n = 0;
  for (size_t t = 0; t < cb->nterms; t++) {
    c->trig_first[t] = (uint32_t)n;
    for (size_t y = 0; y < cb->terms[t].ntriggers; y++) {
      uint32_t i = cb->terms[t].triggers[y];
      uint32_t need0 = c->need_first[i] < c->need_first[i + 1]
                           ? c->need[c->need_first[i]]
                           : (uint32_t)cb->nterms;
      c->trig[n++] = (struct trig){i, need0};
    }
  }
  c->trig_first[cb->nterms] = (uint32_t)n;
}

qc_coder *qc_coder_new(const qc_codebook *cb) {
  qc_coder *c = qc_xcalloc(1, sizeof *c);
  c->cb = cb;
  c->tz = qc_tokenizer_new();
  c->fold = (qc_fold)QC_FOLD_INIT(cb->fold_opts);
  c->rx = qc_regex_ctx_new();
  wcache_reset(&c->wc);
  c->coded = qc_xcalloc(cb->ncodes, sizeof *c->coded);
  c->excluded = qc_xcalloc(cb->ncodes, sizeof *c->excluded);
  c->hits = qc_xcalloc(cb->ncodes, sizeof *c->hits);
  c->touched = qc_xcalloc(cb->ncodes + 1, sizeof *c->touched);
  c->tstamp = qc_xcalloc(cb->ncodes + 1, sizeof *c->tstamp);
  c->own = qc_xcalloc(cb->ncodes + 1, sizeof *c->own);
  c->excl = qc_xcalloc(cb->ncodes + 1, sizeof *c->excl);
  c->candidate = qc_xcalloc(cb->nrules + 1, sizeof *c->candidate);
  c->head = qc_xcalloc(cb->nrules + 1, sizeof *c->head);
  c->tail = qc_xcalloc(cb->nrules + 1, sizeof *c->tail);
  c->stamp = qc_xcalloc(cb->nrules + 1, sizeof *c->stamp);
  c->mfirst = qc_xcalloc(cb->nrules + 1, sizeof *c->mfirst);
  c->mcount = qc_xcalloc(cb->nrules + 1, sizeof *c->mcount);
  c->mstamp = qc_xcalloc(cb->nrules + 1, sizeof *c->mstamp);
  c->regex_all = qc_xcalloc(cb->nrules + 1, sizeof *c->regex_all);
  c->regex_always = qc_xcalloc(cb->nrules + 1, sizeof *c->regex_always);
  c->present = qc_xcalloc(cb->nterms + 1, sizeof *c->present);
  build_needs(c);
  build_triggers(c);
  c->ri = qc_xcalloc(cb->nrules + 1, sizeof *c->ri);
  for (size_t i = 0; i < cb->nrules; i++) {
    const qc_rule *r = &cb->rules[i];
    c->ri[i] = (struct rinfo){(uint32_t)r->code, (uint8_t)r->kind,
                              (uint8_t)r->role, (uint8_t)negation_of(cb, r),
                              r->kind == QC_RULE_NEAR || r->gapped, r->gapped,
                              r->has_unless};
  }
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
  free(c->touched);
  free(c->tstamp);
  free(c->own);
  free(c->excl);
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
  wcache_free(&c->wc);
  free(c->present);
  free(c->need);
  free(c->need_first);
  free(c->trig);
  free(c->trig_first);
  free(c->ri);
  free(c->trace);
  free(c->hits);
  free(c->spans);
  free(c->masks);
  free(c);
}

/* Word w's terms (w->list, w->bloom) and whether it is a negator, from
 * the cache or the lexicons; its folded length is 'len'. */
static void lookup_word(qc_coder *c, word *w, size_t len) {
  const char *s = c->fold.out + w->fstart;
  wcache *wc = &c->wc;
  uint64_t h = 14695981039346656037ULL;
  for (size_t i = 0; i < len; i++)
    h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
  wslot *sl = &wc->slots[h & (WCACHE_SLOTS - 1)];
  if (sl->hash == h && sl->len == len && len && !memcmp(sl->s, s, len)) {
    w->list = sl->list;
    w->bloom = sl->bloom;
    w->negator = sl->negator;
    return;
  }
  c->nids = 0;
  qc_lexicon_lookup(c->cb->negation, s, len, &c->ids, &c->nids, &c->ids_cap);
  bool negator = c->nids > 0;
  c->nids = 0;
  qc_lexicon_lookup(c->cb->words, s, len, &c->ids, &c->nids, &c->ids_cap);
  /* one entry per term (a plain one before a separable verb's form, which
   * needs its particle): classes that copy one another repeat words */
  size_t kept = 0;
  for (size_t i = 0; i < c->nids; i++) {
    const qc_entry *e = &c->cb->entries[c->ids[i]];
    size_t j = 0;
    while (j < kept && c->cb->entries[c->ids[j]].term != e->term)
      j++;
    if (j == kept)
      c->ids[kept++] = c->ids[i];
    else if (c->cb->entries[c->ids[j]].particle && !e->particle)
      c->ids[j] = c->ids[i];
    else if (e->particle && c->cb->entries[c->ids[j]].particle)
      c->ids[kept++] = c->ids[i]; /* two particles: both may be tried */
  }
  uint32_t list = 0, bloom = 0;
  if (kept) {
    QC_GROW(wc->pool, wc->pool_cap, wc->npool + kept + 1);
    list = (uint32_t)wc->npool;
    wc->pool[list] = (wterm){(uint32_t)kept, 0, 0, 0};
    for (size_t i = 0; i < kept; i++) {
      const qc_entry *e = &c->cb->entries[c->ids[i]];
      uint32_t t = (uint32_t)e->term;
      wc->pool[list + 1 + i] =
          (wterm){t, (uint32_t)c->ids[i], e->particle != NULL,
                  c->cb->terms[t].ntriggers > 0};
      bloom |= 1u << (t % 29);
    }
    wc->npool += kept + 1;
  }
  w->list = list;
  w->bloom = bloom;
  w->negator = negator;
  if (len <= WCACHE_WORD_MAX && len) {
    *sl = (wslot){h, list, bloom, (uint8_t)len, negator, {0}};
    memcpy(sl->s, s, len);
  }
}

static bool in_lexicon(qc_coder *c, const qc_lexicon *lx, const word *w,
                       size_t len) {
  c->nids = 0;
  qc_lexicon_lookup(lx, c->fold.out + w->fstart, len, &c->ids,
                    &c->nids, &c->ids_cap);
  return c->nids > 0;
}

/* The running words with their sentence and clause starts. A clause ends
 * at a sentence end, at ';' and ':', and at a comma followed by a contrast
 * word ("geen vergadering, wel stress"). */
static void find_words(qc_coder *c) {
  c->nwords = 0;
  if (++c->pepoch == 0) { /* wrapped: old stamps could look current */
    memset(c->present, 0, c->cb->nterms * sizeof *c->present);
    c->pepoch = 1;
  }
  c->present[c->cb->nterms] = c->pepoch; /* the rules that need nothing */
  bool sentence = true, clause = true, comma = false;
  size_t at = 0; /* the fold map's anchor reached */
  QC_GROW(c->words, c->words_cap, c->ntoks + 1);
  for (size_t i = 0; i < c->ntoks; i++) {
    const qc_token *t = &c->toks[i];
    if (qc_token_is_word(t->type)) {
      word *w = &c->words[c->nwords++];
      w->fstart = (uint32_t)qc_fold_to_folded_next(&c->fold, t->start, &at);
      size_t len =
          qc_fold_to_folded_next(&c->fold, t->start + t->len, &at) - w->fstart;
      w->tok = (uint32_t)i;
      lookup_word(c, w, len);
      const wterm *x = c->wc.pool + w->list;
      for (size_t n = 1; n <= x[0].term; n++)
        c->present[x[n].term] = c->pepoch;
      w->sentence_start = sentence;
      w->clause_start =
          clause || (comma && in_lexicon(c, c->cb->contrast_words, w, len));
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

/* The negator within the window around words [first, last], in the same
 * clause, or between the words of a phrase or near hit ("winnen geen
 * tijd"): its word index, or -1. */
static long negator_at(const qc_coder *c, size_t first, size_t last,
                       bool inside) {
  unsigned before = c->cb->neg_before, after = c->cb->neg_after;
  for (size_t k = first + 1; inside && k < last; k++)
    if (c->words[k].negator)
      return (long)k;
  for (size_t k = 1; k <= before && k <= first; k++) {
    if (c->words[first - k + 1].clause_start)
      break;
    if (c->words[first - k].negator)
      return (long)(first - k);
  }
  for (size_t k = 1; k <= after && last + k < c->nwords; k++) {
    const word *w = &c->words[last + k];
    if (w->clause_start)
      break;
    if (w->negator)
      return (long)(last + k);
  }
  return -1;
}

static uint32_t word_start(const qc_coder *c, size_t k) {
  return c->toks[c->words[k].tok].start;
}
static uint32_t word_end(const qc_coder *c, size_t k) {
  const qc_token *t = &c->toks[c->words[k].tok];
  return t->start + t->len;
}
static size_t word_fend(const qc_coder *c, size_t k) {
  return qc_fold_to_folded(&c->fold, word_end(c, k));
}

static void trace(qc_coder *c, size_t rule, size_t start, size_t end,
                  qc_trace_status st, long cause, size_t entry) {
  if (!c->tracing)
    return;
  QC_GROW(c->trace, c->trace_cap, c->ntrace + 1);
  qc_trace_event *e = &c->trace[c->ntrace++];
  *e = (qc_trace_event){(uint32_t)rule, (uint32_t)start, (uint32_t)end, st,
                        0, 0, NULL};
  if (cause >= 0) {
    e->cause_start = word_start(c, (size_t)cause);
    e->cause_end = word_end(c, (size_t)cause);
  }
  if (entry != QC_NO_TERM)
    e->matched = c->cb->entries[entry].origin;
}

static void count_hit(qc_coder *c, size_t rule, size_t start, size_t end,
                      size_t entry) {
  const struct rinfo *r = &c->ri[rule];
  switch ((qc_rule_role)r->role) {
  case QC_ROLE_EXCLUDE:
    if (!c->excluded[r->code])
      c->excl[c->nexcl++] = (uint32_t)r->code;
    c->excluded[r->code] = true;
    trace(c, rule, start, end, QC_TRACE_EXCLUSION, -1, entry);
    break;
  case QC_ROLE_MASK:
    QC_GROW(c->masks, c->masks_cap, c->nmasks + 1);
    c->masks[c->nmasks++] = (qc_span){r->code, rule, start, end};
    trace(c, rule, start, end, QC_TRACE_MASK, -1, entry);
    break;
  case QC_ROLE_HIT:
    QC_GROW(c->spans, c->spans_cap, c->nspans + 1);
    c->spans[c->nspans++] = (qc_span){r->code, rule, start, end};
    trace(c, rule, start, end, QC_TRACE_COUNTED, -1, entry);
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

/* ---- token rules ---- */

/* A separable verb's finite form counts with its particle later in the
 * clause ("vult het formulier in") or as "in te vullen". */
#define PARTICLE_WINDOW 12

static bool word_is(const qc_coder *c, size_t k, const char *s) {
  const word *w = &c->words[k];
  size_t n = strlen(s);
  /* the bytes first: the folded end costs a search of the fold map */
  return w->fstart + n <= c->fold.len &&
         !memcmp(c->fold.out + w->fstart, s, n) &&
         word_fend(c, k) - w->fstart == n;
}

static bool particle_found(const qc_coder *c, size_t k, const char *particle) {
  for (size_t j = k + 1; j < c->nwords && j <= k + PARTICLE_WINDOW; j++) {
    if (c->words[j].clause_start)
      break;
    if (word_is(c, j, particle))
      return true;
  }
  return k >= 2 && !c->words[k].clause_start &&
         !c->words[k - 1].clause_start && word_is(c, k - 1, "te") &&
         word_is(c, k - 2, particle);
}

/* True when item x of word k counts: a separable verb's form only with
 * its particle. */
static bool item_counts(const qc_coder *c, size_t k, const wterm *x) {
  return !x->particle ||
         particle_found(c, k, c->cb->entries[x->entry].particle);
}

/* True when word k matched term t. */
static inline bool has_term(const qc_coder *c, size_t k, size_t t) {
  const word *w = &c->words[k];
  if (!(w->bloom & (1u << (t % 29))))
    return false;
  const wterm *x = c->wc.pool + w->list;
  for (size_t i = 1; i <= x[0].term; i++)
    if (x[i].term == t && item_counts(c, k, &x[i]))
      return true;
  return false;
}

/* True when a scope boundary lies between word k and the next one
 * outwards (dir +1: word k+1 starts a clause/sentence; -1: word k does). */
static bool boundary(const qc_coder *c, size_t k, int dir, qc_scope scope) {
  const word *w = dir > 0 ? &c->words[k + 1] : &c->words[k];
  return scope == QC_SCOPE_CLAUSE     ? w->clause_start
         : scope == QC_SCOPE_SENTENCE ? w->sentence_start
                                      : false;
}

/* Phrase items from item i on, the next word at 'pos'; 'gapped' after a
 * gap, where the word need not be adjacent but stays in the clause.
 * Returns the last word of the match, or -1. Leftmost, shortest gaps. */
static long phrase_from(const qc_coder *c, const qc_rule *r, size_t i,
                        size_t pos, bool gapped) {
  if (i == r->nitems)
    return (long)pos - 1;
  const qc_item *it = &r->items[i];
  if (it->kind == QC_ITEM_GAP) {
    for (unsigned g = 0; g <= it->gap_max; g++) {
      if (g > 0 && (pos + g - 1 >= c->nwords || c->words[pos + g - 1].clause_start))
        break;
      if (g < it->gap_min)
        continue;
      long end = phrase_from(c, r, i + 1, pos + g, true);
      if (end >= 0)
        return end;
    }
    return -1;
  }
  if (pos >= c->nwords)
    return -1;
  const word *w = &c->words[pos];
  if (gapped ? w->clause_start : w->tok != c->words[pos - 1].tok + 1)
    return -1;
  if (!has_term(c, pos, it->term))
    return -1;
  return phrase_from(c, r, i + 1, pos + 1, false);
}

/* True when token 'tok' is punctuation made only of the marks in 'set'
 * ("?" for '?', "..." for '.|!'). */
static bool punct_is(const qc_coder *c, size_t tok, const char *set) {
  const qc_token *t = &c->toks[tok];
  if (t->type != QC_TOK_PUNCT)
    return false;
  for (size_t i = 0; i < t->len; i++)
    if (c->text[t->start + i] == '|' || !strchr(set, c->text[t->start + i]))
      return false;
  return true;
}

/* True when word k is what a word item of a gapless phrase asks for. */
static bool item_word(const qc_coder *c, size_t k, const qc_item *it) {
  return it->kind == QC_ITEM_ANY || has_term(c, k, it->term);
}

/* A gapless phrase tried at its anchor item on word k: each other item on
 * the token next to the one before it, words and punctuation marks alike,
 * '^' before the segment's first token. Returns the last word and sets
 * '*first', or returns -1. */
static long phrase_at(const qc_coder *c, const qc_rule *r, size_t k,
                      size_t *first) {
  size_t w = k, tok = c->words[k].tok;
  for (size_t j = r->anchor; j-- > 0;) {
    const qc_item *it = &r->items[j];
    if (it->kind == QC_ITEM_START) {
      if (tok != 0)
        return -1;
      continue;
    }
    if (tok == 0)
      return -1;
    tok--;
    if (it->kind == QC_ITEM_PUNCT) {
      if (!punct_is(c, tok, it->punct))
        return -1;
      continue;
    }
    if (w == 0 || c->words[w - 1].tok != tok || !item_word(c, w - 1, it))
      return -1;
    w--;
  }
  *first = w;
  w = k;
  tok = c->words[k].tok;
  for (size_t j = r->anchor + 1; j < r->nitems; j++) {
    const qc_item *it = &r->items[j];
    if (++tok >= c->ntoks)
      return -1;
    if (it->kind == QC_ITEM_PUNCT) {
      if (!punct_is(c, tok, it->punct))
        return -1;
      continue;
    }
    if (w + 1 >= c->nwords || c->words[w + 1].tok != tok ||
        !item_word(c, w + 1, it))
      return -1;
    w++;
  }
  return (long)w;
}

/* The nearest word of the second term within the window of word k (after
 * it only when ordered), inside the scope; -1 when none. */
static long near_partner(const qc_coder *c, const qc_rule *r, size_t k) {
  size_t b = r->items[1].term;
  bool fwd = true, back = !r->ordered;
  for (size_t d = 1; d <= r->within && (fwd || back); d++) {
    if (fwd && (k + d >= c->nwords || boundary(c, k + d - 1, +1, r->scope)))
      fwd = false;
    if (fwd && has_term(c, k + d, b))
      return (long)(k + d);
    if (back && (d > k || boundary(c, k - d + 1, -1, r->scope)))
      back = false;
    if (back && has_term(c, k - d, b))
      return (long)(k - d);
  }
  return -1;
}

/* A word of the rule's not-near term within its window of the hit
 * [first, last] or inside it; its index or -1. */
static long unless_near(const qc_coder *c, const qc_rule *r, size_t first,
                        size_t last) {
  size_t u = r->unless.term;
  for (size_t k = first; k <= last; k++)
    if (has_term(c, k, u))
      return (long)k;
  bool fwd = true, back = true;
  for (size_t d = 1; d <= r->within && (fwd || back); d++) {
    if (back && (d > first || boundary(c, first - d + 1, -1, r->scope)))
      back = false;
    if (back && has_term(c, first - d, u))
      return (long)(first - d);
    if (fwd && (last + d >= c->nwords || boundary(c, last + d - 1, +1, r->scope)))
      fwd = false;
    if (fwd && has_term(c, last + d, u))
      return (long)(last + d);
  }
  return -1;
}

/* A match of rule i on words [first, last]: negation and not-near decide
 * whether it counts. An inverted rule's hit includes its negator. */
static void word_hit(qc_coder *c, size_t i, size_t first, size_t last,
                     size_t start, size_t end, size_t entry) {
  const struct rinfo *r = &c->ri[i];
  qc_negation mode = (qc_negation)r->negation;
  if (mode != QC_NEG_OFF) {
    /* a phrase of format 1 ("helemaal niet efficiënt") keeps the words
     * it spells out; near rules and gaps may have a negator inside */
    long neg = negator_at(c, first, last, r->inside);
    if (mode == QC_NEG_ON && neg >= 0) {
      trace(c, i, start, end, QC_TRACE_NEGATED, neg, entry);
      return;
    }
    if (mode == QC_NEG_INVERT && neg < 0) {
      trace(c, i, start, end, QC_TRACE_NOT_NEGATED, -1, entry);
      return;
    }
    if (mode == QC_NEG_INVERT) {
      start = start < word_start(c, (size_t)neg) ? start : word_start(c, (size_t)neg);
      end = end > word_end(c, (size_t)neg) ? end : word_end(c, (size_t)neg);
    }
  }
  if (r->unless) {
    long u = unless_near(c, &c->cb->rules[i], first, last);
    if (u >= 0) {
      trace(c, i, start, end, QC_TRACE_NOT_NEAR, u, entry);
      return;
    }
  }
  count_hit(c, i, start, end, entry);
}

/* True when an earlier item of word k's list, before 'i', already counted
 * for the same term (two separable verbs of one term, both particles). */
static bool counted_before(const qc_coder *c, size_t k, const wterm *x,
                           size_t i) {
  for (size_t j = 1; j < i; j++)
    if (x[j].term == x[i].term && item_counts(c, k, &x[j]))
      return true;
  return false;
}

/* True when every term rule i needs besides its anchor is in the segment. */
static bool needs_present(const qc_coder *c, size_t i) {
  for (uint32_t j = c->need_first[i]; j < c->need_first[i + 1]; j++)
    if (c->present[c->need[j]] != c->pepoch)
      return false;
  return true;
}

/* Every token rule, driven by the terms the words matched: a rule is
 * tried only at the words that matched its anchor item, and only when
 * its other terms occur in the segment. */
static void match_words(qc_coder *c) {
  const qc_codebook *cb = c->cb;
  for (size_t k = 0; k < c->nwords; k++) {
    const word *w = &c->words[k];
    /* the pool does not move while rules run: they only read it */
    const wterm *x = c->wc.pool + w->list;
    for (size_t n = 1; n <= x[0].term; n++) {
      if (!x[n].triggers ||
          (x[n].particle &&
           (!item_counts(c, k, &x[n]) || counted_before(c, k, x, n))))
        continue;
      uint32_t t = x[n].term;
      for (uint32_t y = c->trig_first[t]; y < c->trig_first[t + 1]; y++) {
        size_t i = c->trig[y].rule;
        if (c->present[c->trig[y].need0] != c->pepoch || !needs_present(c, i))
          continue;
        long first = (long)k, last = (long)k;
        const qc_rule *r = &cb->rules[i]; /* read only for phrases, near */
        if (c->ri[i].kind == QC_RULE_PHRASE && !c->ri[i].gapped) {
          size_t f = k;
          last = phrase_at(c, r, k, &f);
          first = (long)f;
        } else if (c->ri[i].kind == QC_RULE_PHRASE) {
          last = phrase_from(c, r, 1, k + 1, false);
        } else if (c->ri[i].kind == QC_RULE_NEAR) {
          long j = near_partner(c, r, k);
          if (j < 0)
            continue;
          first = j < first ? j : first;
          last = j > last ? j : last;
        }
        if (last < 0)
          continue;
        word_hit(c, i, (size_t)first, (size_t)last,
                 word_start(c, (size_t)first), word_end(c, (size_t)last),
                 c->tracing ? x[n].entry : QC_NO_TERM);
      }
    }
  }
}

/* A regex rule that asks for negation: the words its match covers. */
static void regex_hit(qc_coder *c, size_t i, size_t fstart, size_t fend) {
  size_t start = qc_fold_to_orig(&c->fold, fstart),
         end = qc_fold_to_orig_end(&c->fold, fend);
  if ((qc_negation)c->ri[i].negation == QC_NEG_OFF) {
    count_hit(c, i, start, end, QC_NO_TERM);
    return;
  }
  size_t lo = 0, hi = c->nwords;
  while (lo < hi) { /* the first word ending after the match starts */
    size_t mid = lo + (hi - lo) / 2;
    if (word_fend(c, mid) <= fstart)
      lo = mid + 1;
    else
      hi = mid;
  }
  size_t last = lo;
  while (last + 1 < c->nwords && c->words[last + 1].fstart < fend)
    last++;
  if (lo >= c->nwords) { /* no word in it: negation cannot apply */
    if ((qc_negation)c->ri[i].negation != QC_NEG_INVERT)
      count_hit(c, i, start, end, QC_NO_TERM);
    return;
  }
  word_hit(c, i, lo, last, start, end, QC_NO_TERM);
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
  if (n > 32) {
    qsort(c->todo, n, sizeof *c->todo, rule_cmp);
  } else { /* a few rules: insertion sort, without qsort's calls */
    for (size_t i = 1; i < n; i++) {
      uint32_t x = c->todo[i];
      size_t j = i;
      for (; j > 0 && c->todo[j - 1] > x; j--)
        c->todo[j] = c->todo[j - 1];
      c->todo[j] = x;
    }
  }
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
  regex_hit(c, i, start, end);
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
    regex_hit(c, i, c->m[c->mfirst[f] + k].start, c->m[c->mfirst[f] + k].end);
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
static void touch(qc_coder *c, size_t code) {
  if (c->tstamp[code] != c->tepoch) {
    c->tstamp[code] = c->tepoch;
    c->touched[c->ntouched++] = (uint32_t)code;
  }
}

static void finish(qc_coder *c) {
  const qc_codebook *cb = c->cb;
  /* token rules' spans come nearly in order (by the word they were tried
   * at): insertion sort is linear on them; a long list goes to qsort */
  if (c->nspans > 64) {
    qsort(c->spans, c->nspans, sizeof *c->spans, span_cmp);
  } else {
    for (size_t i = 1; i < c->nspans; i++) {
      qc_span x = c->spans[i];
      size_t j = i;
      for (; j > 0 && span_cmp(&c->spans[j - 1], &x) > 0; j--)
        c->spans[j] = c->spans[j - 1];
      c->spans[j] = x;
    }
  }
  size_t kept = 0;
  for (size_t i = 0; i < c->nspans; i++) {
    const qc_span *sp = &c->spans[i];
    if (c->excluded[sp->code] || (kept && same_hit(&c->spans[kept - 1], sp)) ||
        masked(c, sp))
      continue;
    c->spans[kept++] = *sp;
    c->hits[sp->code]++;
    touch(c, sp->code);
  }
  c->nspans = kept;
  /* roll-up: each code's own hits go to every ancestor up to the first
   * excluded one (an excluded code passes nothing on) */
  size_t nown = c->ntouched;
  for (size_t k = 0; k < nown; k++) {
    c->own[k] = c->hits[c->touched[k]];
    c->coded[c->touched[k]] = true;
  }
  for (size_t k = 0; k < nown; k++) {
    for (size_t p = cb->codes[c->touched[k]].parent;
         p != QC_NO_PARENT && !c->excluded[p]; p = cb->codes[p].parent) {
      c->hits[p] += c->own[k];
      c->coded[p] = true;
      touch(c, p);
    }
  }
}

/* The fate of each counted match once the segment is done, as finish()
 * decides it: its code excluded, the match masked, or the same words as
 * an earlier counted hit of the code. The exclusion or mask is the cause. */
static void settle_trace(qc_coder *c) {
  for (size_t i = 0; i < c->ntrace; i++) {
    qc_trace_event *e = &c->trace[i];
    if (e->status != QC_TRACE_COUNTED)
      continue;
    size_t code = c->cb->rules[e->rule].code;
    for (size_t j = 0; j < c->ntrace; j++) {
      const qc_trace_event *x = &c->trace[j];
      size_t xc = c->cb->rules[x->rule].code;
      bool cancels =
          xc == code && (x->status == QC_TRACE_EXCLUSION ||
                         (x->status == QC_TRACE_MASK && x->start < e->end &&
                          e->start < x->end));
      if (cancels) {
        e->status = x->status == QC_TRACE_EXCLUSION ? QC_TRACE_EXCLUDED
                                                    : QC_TRACE_MASKED;
        e->cause_start = x->start;
        e->cause_end = x->end;
        break;
      }
    }
    for (size_t j = 0; j < i && e->status == QC_TRACE_COUNTED; j++) {
      const qc_trace_event *x = &c->trace[j];
      if (x->status == QC_TRACE_COUNTED && x->start == e->start &&
          x->end == e->end && c->cb->rules[x->rule].code == code)
        e->status = QC_TRACE_DUPLICATE;
    }
  }
}

void qc_coder_set_trace(qc_coder *c, bool on) { c->tracing = on; }

const qc_trace_event *qc_coder_trace(const qc_coder *c, size_t *n) {
  *n = c->ntrace;
  return c->trace;
}

const char *qc_trace_status_name(qc_trace_status st) {
  static const char *const names[] = {
      "counted", "duplicate", "negated", "not negated", "not-near",
      "excluded", "masked", "exclusion", "mask"};
  return (size_t)st < sizeof names / sizeof *names ? names[st] : "?";
}

qc_status qc_coder_code(qc_coder *c, const char *text, size_t len,
                        const qc_coding **out, qc_error *err) {
  size_t n = c->cb->ncodes;
  c->ntrace = 0;
  for (size_t k = 0; k < c->ntouched; k++) {
    c->hits[c->touched[k]] = 0;
    c->coded[c->touched[k]] = false;
  }
  for (size_t k = 0; k < c->nexcl; k++)
    c->excluded[c->excl[k]] = false;
  c->ntouched = c->nexcl = 0;
  if (++c->tepoch == 0) { /* wrapped: old stamps could look current */
    memset(c->tstamp, 0, n * sizeof *c->tstamp);
    c->tepoch = 1;
  }
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
  if (c->wc.npool > WCACHE_POOL)
    wcache_reset(&c->wc);
  c->ntoks = qc_tokenizer_run(c->tz, text, len, &c->toks);
  find_words(c);
  match_words(c);
  QC_TRY(match_regexes(c, err));
  finish(c);
  if (c->tracing)
    settle_trace(c);
  c->result = (qc_coding){c->coded, c->hits, c->spans, c->nspans, c->nwords,
                          c->touched, c->ntouched};
  *out = &c->result;
  return QC_OK;
}
