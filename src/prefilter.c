/* prefilter.c: skips regex rules that cannot match a segment. Each
 * pattern is read (not compiled: that is PCRE2's job) for a set of literal
 * strings one of which every match must contain: "\bgeen\s+tijdswinst"
 * needs "tijdswinst" (or "geen"), "\b(?:app|tablet)s?\b" needs "app" or
 * "tablet". All literals of all rules go into one Aho-Corasick automaton
 * (Aho and Corasick 1975, "Efficient string matching"), which finds in a
 * single pass over the folded segment which rules can match at all; only
 * those run. The analysis is conservative: any syntax it does not know
 * makes the rule run always, so the filter never changes a result.
 *
 * Many rules also start every match with one of their literals
 * ("\b(?:app|tablet)s?\b"): for those the automaton reports where each
 * literal starts, and the coder tries an anchored match only there instead
 * of scanning the whole segment. */
#include "prefilter.h"
#include "buf.h"
#include "memory.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

/* ---- literal analysis ---- */

#define MAX_LITERALS 128
#define MAX_DEPTH 64

/* A set of literals, one of which every match contains. 'none' means no
 * such set is known (the part can match without any fixed text). */
typedef struct litset {
  char **lits;
  size_t n;
  bool none;
} litset;

typedef struct parser {
  const char *p, *end;
  bool fail;   /* syntax this reader does not know: no filter */
  bool fold;   /* literals are lowercased (caseless rule) */
  bool prefix; /* looking for the literals matches start with */
  int depth;
} parser;

static void set_free(litset *s) {
  for (size_t i = 0; i < s->n; i++)
    free(s->lits[i]);
  free(s->lits);
  s->lits = NULL;
  s->n = 0;
}

static litset set_none(void) { return (litset){NULL, 0, true}; }

static litset set_one(const char *s, size_t n) {
  litset r = {qc_xmalloc(sizeof(char *)), 1, false};
  r.lits[0] = qc_xstrndup(s, n);
  return r;
}

/* The shortest literal of a set: a set is as selective as its weakest. */
static size_t set_score(const litset *s) {
  if (s->none || s->n == 0)
    return 0;
  size_t m = (size_t)-1;
  for (size_t i = 0; i < s->n; i++) {
    size_t l = strlen(s->lits[i]);
    m = l < m ? l : m;
  }
  return m;
}

/* Keeps the better of 'best' and 'cand' in 'best'. */
static void keep_best(litset *best, litset *cand) {
  size_t a = set_score(best), b = set_score(cand);
  if (b > a || (b == a && b > 0 && cand->n < best->n)) {
    set_free(best);
    *best = *cand;
  } else {
    set_free(cand);
  }
}

static void set_union(litset *a, litset *b) {
  if (a->none || b->none || a->n + b->n > MAX_LITERALS) {
    set_free(a);
    set_free(b);
    *a = set_none();
    return;
  }
  a->lits = qc_xrealloc(a->lits, (a->n + b->n) * sizeof *a->lits);
  memcpy(a->lits + a->n, b->lits, b->n * sizeof *b->lits);
  a->n += b->n;
  free(b->lits);
}

static litset parse_alt(parser *ps);

/* Skips a character class "[...]", which matches one unknown character. */
static void skip_class(parser *ps) {
  const char *p = ps->p + 1;
  if (p < ps->end && *p == '^')
    p++;
  if (p < ps->end && *p == ']')
    p++;
  while (p < ps->end && *p != ']') {
    if (*p == '\\')
      p++;
    else if (*p == '[' && p + 1 < ps->end && p[1] == ':') {
      const char *e = memchr(p + 2, ']', (size_t)(ps->end - p - 2));
      if (!e) {
        ps->fail = true;
        return;
      }
      p = e;
    }
    p++;
  }
  if (p >= ps->end)
    ps->fail = true;
  ps->p = p + 1;
}

/* What an atom is: a literal character (in 'lit'), a zero-width assertion,
 * something that matches text not known in advance, or a group with its
 * own set. */
enum { A_LITERAL, A_ZERO, A_ANY, A_GROUP };

static int hexval(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static int parse_hex(parser *ps, char *lit, size_t *litlen) {
  const char *p = ps->p;
  int32_t cp = 0;
  int digits = 0;
  bool braced = p < ps->end && *p == '{';
  if (braced)
    p++;
  while (p < ps->end && hexval(*p) >= 0 && digits < (braced ? 6 : 2)) {
    cp = cp * 16 + hexval(*p++);
    digits++;
  }
  if (braced && (p >= ps->end || *p++ != '}'))
    digits = 0;
  if (digits == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ps->fail = true;
    return A_ANY;
  }
  ps->p = p;
  *litlen = (size_t)qc_utf8_encode(cp, lit);
  return A_LITERAL;
}

static int parse_escape(parser *ps, char *lit, size_t *litlen) {
  const char *p = ps->p + 1;
  if (p >= ps->end) {
    ps->fail = true;
    return A_ANY;
  }
  char c = *p;
  ps->p = p + 1;
  if (c == 'G' && ps->prefix) { /* true only at the search's start */
    ps->fail = true;
    return A_ANY;
  }
  if (strchr("bBAzZG", c))
    return A_ZERO;
  if (strchr("sSwWdDhHvVRNX", c))
    return A_ANY;
  if (c == 'p' || c == 'P') { /* \pL or \p{...} */
    if (ps->p < ps->end && *ps->p == '{') {
      const char *e = memchr(ps->p, '}', (size_t)(ps->end - ps->p));
      if (!e) {
        ps->fail = true;
        return A_ANY;
      }
      ps->p = e + 1;
    } else if (ps->p < ps->end) {
      ps->p++;
    }
    return A_ANY;
  }
  if (c == 'n' || c == 't') {
    lit[0] = c == 'n' ? '\n' : '\t';
    *litlen = 1;
    return A_LITERAL;
  }
  if (c == 'x') /* \xHH or \x{HHHH}: a code point */
    return parse_hex(ps, lit, litlen);
  /* An escaped ASCII punctuation character stands for itself; letters and
   * digits here are escapes this reader does not know (\Q, \x, \1, \K). */
  if ((unsigned char)c < 0x80 &&
      !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        (c >= '0' && c <= '9'))) {
    lit[0] = c;
    *litlen = 1;
    return A_LITERAL;
  }
  ps->fail = true;
  return A_ANY;
}

/* Parses a group after its '('; returns A_GROUP with its set, or A_ZERO for
 * a lookaround (which consumes no text and may not be relied on). */
static int parse_group(parser *ps, litset *inner) {
  const char *p = ps->p + 1;
  bool look = false;
  if (p < ps->end && *p == '?') {
    p++;
    if (p < ps->end && (*p == ':' || *p == '>' || *p == '|')) {
      p++;
    } else if (p < ps->end && (*p == '=' || *p == '!')) {
      p++;
      look = true;
    } else if (p + 1 < ps->end && *p == '<' && (p[1] == '=' || p[1] == '!')) {
      p += 2;
      look = true;
    } else if (p < ps->end && (*p == '<' || *p == '\'' || *p == 'P')) {
      if (*p == 'P')
        p++;
      char close = p < ps->end && *p == '\'' ? '\'' : '>';
      const char *e = memchr(p, close, (size_t)(ps->end - p));
      if (!e) {
        ps->fail = true;
        return A_ANY;
      }
      p = e + 1;
    } else { /* inline options, conditionals, callouts: not known */
      ps->fail = true;
      return A_ANY;
    }
  } else if (p < ps->end && *p == '*') {
    ps->fail = true; /* (*VERB) */
    return A_ANY;
  }
  ps->p = p;
  if (++ps->depth > MAX_DEPTH) {
    ps->fail = true;
    return A_ANY;
  }
  *inner = parse_alt(ps);
  ps->depth--;
  if (ps->p >= ps->end || *ps->p != ')') {
    ps->fail = true;
    set_free(inner);
    return A_ANY;
  }
  ps->p++;
  if (look) {
    set_free(inner);
    return A_ZERO;
  }
  return A_GROUP;
}

/* Reads a quantifier after an atom; returns its minimum count (1 when
 * there is none), and whether there was one. */
static size_t parse_quantifier(parser *ps, bool *quantified) {
  *quantified = false;
  if (ps->p >= ps->end)
    return 1;
  size_t min = 1;
  char c = *ps->p;
  if (c == '*' || c == '?') {
    min = 0;
    ps->p++;
  } else if (c == '+') {
    ps->p++;
  } else if (c == '{') {
    const char *q = ps->p + 1;
    size_t v = 0;
    bool digits = false;
    while (q < ps->end && *q >= '0' && *q <= '9') {
      v = v * 10 + (size_t)(*q++ - '0');
      digits = true;
    }
    if (!digits) /* a literal '{' */
      return 1;
    while (q < ps->end && *q != '}')
      q++;
    if (q >= ps->end) {
      ps->fail = true;
      return 1;
    }
    min = v;
    ps->p = q + 1;
  } else {
    return 1;
  }
  *quantified = true;
  if (ps->p < ps->end && (*ps->p == '?' || *ps->p == '+'))
    ps->p++; /* lazy or possessive */
  return min;
}

/* Appends literal bytes to the current run, lowercasing ASCII when the rule
 * is caseless (the text is case-folded; the rest is folded at the end). */
static void run_put(qc_buf *run, const char *s, size_t n, bool fold) {
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (fold && c >= 'A' && c <= 'Z')
      c = (char)(c + 32);
    QC_GROW(run->ptr, run->cap, run->len + 2);
    run->ptr[run->len++] = c;
  }
}

static void run_flush(qc_buf *run, litset *best) {
  if (run->len) {
    litset cand = set_one(run->ptr, run->len);
    keep_best(best, &cand);
  }
  run->len = 0;
}

/* Reads one atom (without its quantifier): a literal character into 'lit',
 * a group with its set in 'inner', or a class, escape or anchor; returns
 * its kind. */
static int read_atom(parser *ps, char lit[4], size_t *litlen, litset *inner) {
  const char *start = ps->p;
  unsigned char c = (unsigned char)*ps->p;
  if (c == '\\')
    return parse_escape(ps, lit, litlen);
  if (c == '[') {
    skip_class(ps);
    return A_ANY;
  }
  if (c == '(')
    return parse_group(ps, inner);
  if (c == '^' || c == '$' || c == '.') {
    ps->p++;
    return c == '.' ? A_ANY : A_ZERO;
  }
  if (c == '*' || c == '+' || c == '?') {
    ps->fail = true; /* a quantifier with nothing before it */
    return A_ANY;
  }
  size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (start + n > ps->end)
    n = 1;
  memcpy(lit, start, n);
  *litlen = n;
  ps->p += n;
  return A_LITERAL;
}

/* A sequence: literal characters next to each other form one literal; the
 * best literal or group set of the sequence is its set. */
static litset parse_seq(parser *ps) {
  litset best = set_none();
  qc_buf run = QC_BUF_INIT;
  while (!ps->fail && ps->p < ps->end && *ps->p != '|' && *ps->p != ')') {
    char lit[4];
    size_t litlen = 0;
    litset inner = set_none();
    int kind = read_atom(ps, lit, &litlen, &inner);
    if (ps->fail) {
      set_free(&inner); /* a group may hold a set though it failed inside */
      break;
    }
    bool quantified;
    size_t min = parse_quantifier(ps, &quantified);
    if (kind == A_LITERAL && !quantified) {
      run_put(&run, lit, litlen, ps->fold);
      continue;
    }
    if (kind == A_ZERO && !quantified)
      continue; /* \b, ^, lookarounds: the run goes on */
    if (kind == A_LITERAL && min >= 1) {
      /* "xa+b": the text has "xa", and its last a is followed by "b". */
      run_put(&run, lit, litlen, ps->fold);
      run_flush(&run, &best);
      run_put(&run, lit, litlen, ps->fold);
      continue;
    }
    run_flush(&run, &best);
    if (kind == A_GROUP && min >= 1)
      keep_best(&best, &inner);
    else
      set_free(&inner);
  }
  run_flush(&run, &best);
  free(run.ptr);
  return best;
}

/* A sequence read for its prefix: after zero-width assertions, the run of
 * literal characters it starts with, or the prefix set of a group it starts
 * with; 'none' when it starts with anything else. A run may follow a
 * leading \w+ or \w* ("\w+opleiding"): the literal then carries the
 * marker QC_PREFIX_WORDS_1 or QC_PREFIX_WORDS_0 as its first byte, since
 * the match starts inside the word run that ends where the literal starts.
 * The rest of the sequence is parsed only to move past it. */
static litset prefix_seq(parser *ps) {
  litset res = set_none();
  bool done = false;
  char words = 0;        /* a leading \w+ or \w* was read: its marker */
  bool boundary = false; /* a \b before it */
  qc_buf run = QC_BUF_INIT;
  while (!ps->fail && ps->p < ps->end && *ps->p != '|' && *ps->p != ')') {
    char lit[4];
    size_t litlen = 0;
    litset inner = set_none();
    const char *start = ps->p;
    int kind = read_atom(ps, lit, &litlen, &inner);
    if (ps->fail) {
      set_free(&inner); /* a group may hold a set though it failed inside */
      break;
    }
    bool quantified;
    const char *q = ps->p;
    size_t min = parse_quantifier(ps, &quantified);
    if (!done && kind == A_ZERO && !quantified && !words && !run.len &&
        start[0] == '\\' && start[1] == 'b')
      boundary = true;
    if (done || (kind == A_ZERO && !words)) {
      set_free(&inner);
      continue;
    }
    if (kind == A_LITERAL && litlen == 1 &&
        QC_PREFIX_IS_MARK(lit[0])) {
      ps->fail = true; /* a marker byte in the pattern itself */
      break;
    }
    if (quantified && min == 0 && !run.len && !words &&
        (kind == A_LITERAL || kind == A_GROUP)) {
      /* "(?:op\s+)?twee", "x*yz": a match starts with the optional atom
       * or with what follows it. */
      litset first = set_none();
      if (kind == A_GROUP) {
        first = inner;
      } else {
        run_put(&run, lit, litlen, ps->fold);
        first = set_one(run.ptr, run.len);
        run.len = 0;
      }
      /* one level per optional atom: bounded like nested groups */
      litset rest = set_none();
      if (++ps->depth > MAX_DEPTH)
        ps->fail = true;
      else
        rest = prefix_seq(ps);
      ps->depth--;
      set_union(&first, &rest);
      set_free(&res);
      res = first;
      done = true;
      break;
    }
    if (kind == A_LITERAL && (!quantified || min >= 1)) {
      if (!run.len && words)
        run_put(&run, &words, 1, false);
      run_put(&run, lit, litlen, ps->fold);
      if (quantified) /* "ab+": matches start with "ab" */
        done = true;
      continue;
    }
    if (kind == A_ANY && !words && !run.len && q - start == 2 &&
        start[1] == 'w' && quantified && (*q == '+' || *q == '*') &&
        ps->p == q + 1) {
      words = (char)((*q == '+' ? QC_PREFIX_WORDS_1 : QC_PREFIX_WORDS_0) |
                     (boundary ? QC_PREFIX_BOUNDARY : 0));
      continue;
    }
    if (kind == A_ANY && QC_PREFIX_KIND(words) == QC_PREFIX_WORDS_1 &&
        !run.len &&
        q - start == 2 && start[1] == 's' && quantified &&
        (*q == '+' || *q == '*') && ps->p == q + 1) {
      words = (char)((*q == '+' ? QC_PREFIX_WORDS_SPACES_1
                                : QC_PREFIX_WORDS_SPACES_0) |
                     (words & QC_PREFIX_BOUNDARY));
      continue;
    }
    done = true;
    if (run.len == 0 && !words && kind == A_GROUP && min >= 1)
      res = inner; /* the group's own prefixes */
    else
      set_free(&inner);
  }
  if (run.len > (words ? 1u : 0u)) {
    set_free(&res);
    res = set_one(run.ptr, run.len);
  }
  free(run.ptr);
  return res;
}

static litset parse_alt(parser *ps) {
  litset all = ps->prefix ? prefix_seq(ps) : parse_seq(ps);
  while (!ps->fail && ps->p < ps->end && *ps->p == '|') {
    ps->p++;
    litset next = ps->prefix ? prefix_seq(ps) : parse_seq(ps);
    set_union(&all, &next);
  }
  return all;
}

bool qc_regex_literals(const char *pat, size_t len, bool caseless,
                       bool prefix, char ***lits, size_t *n) {
  parser ps = {pat, pat + len, false, caseless, prefix, 0};
  litset s = parse_alt(&ps);
  if (ps.fail || ps.p != ps.end || s.none || s.n == 0 || set_score(&s) == 0) {
    set_free(&s);
    *lits = NULL;
    *n = 0;
    return false;
  }
  /* The text is case-folded for a caseless rule: fold the literals the
   * same way (ASCII was lowered on the way; this covers the rest). */
  for (size_t i = 0; caseless && i < s.n; i++) {
    const char *l = s.lits[i];
    size_t mark = QC_PREFIX_IS_MARK(l[0]);
    char *f = qc_fold_string(l + mark, strlen(l + mark), QC_FOLD_CASE, NULL);
    if (mark) {
      char *m = qc_xmalloc(strlen(f) + 2);
      m[0] = l[0];
      strcpy(m + 1, f);
      free(f);
      f = m;
    }
    free(s.lits[i]);
    s.lits[i] = f;
  }
  *lits = s.lits;
  *n = s.n;
  return true;
}

/* ---- the automaton ---- */

/* Aho-Corasick over bytes with a full transition table, built once per
 * codebook; a state's outputs are the rules whose literal ends there
 * (including through failure links, merged at build time). */
typedef struct output {
  uint32_t rule;
  uint32_t len;  /* a prefix literal's length; 0: containment only */
  uint32_t words; /* 0, or the marker: starts in the word run before it */
} output;

struct qc_prefilter {
  int32_t *next; /* nstates x 256, while literals are added */
  size_t nstates, cap;
  /* built: bytes that occur in no literal all act alike, so the scan's
   * table has a column per byte class, not per byte (a table a few times
   * smaller stays in the cache). An entry is the next state's row
   * offset (state * ncls) shifted left once, its low bit set when that
   * state has outputs: the scan needs no multiply and no second table. */
  bool used[256];
  uint8_t cls[256];
  size_t ncls;
  uint32_t *tab;
  output **out;  /* per state */
  size_t *nout, *outcap;
  bool built;
};

static size_t new_state(qc_prefilter *pf) {
  if (pf->nstates == pf->cap) {
    size_t cap = pf->cap ? pf->cap * 2 : 64;
    pf->next = qc_xrealloc(pf->next, cap * 256 * sizeof *pf->next);
    pf->out = qc_xrealloc(pf->out, cap * sizeof *pf->out);
    pf->nout = qc_xrealloc(pf->nout, cap * sizeof *pf->nout);
    pf->outcap = qc_xrealloc(pf->outcap, cap * sizeof *pf->outcap);
    pf->cap = cap;
  }
  size_t s = pf->nstates++;
  for (int i = 0; i < 256; i++)
    pf->next[s * 256 + (size_t)i] = -1;
  pf->out[s] = NULL;
  pf->nout[s] = pf->outcap[s] = 0;
  return s;
}

static void add_out(qc_prefilter *pf, size_t state, output o) {
  for (size_t i = 0; i < pf->nout[state]; i++)
    if (pf->out[state][i].rule == o.rule && pf->out[state][i].len == o.len &&
        pf->out[state][i].words == o.words)
      return;
  QC_GROW(pf->out[state], pf->outcap[state], pf->nout[state] + 1);
  pf->out[state][pf->nout[state]++] = o;
}

qc_prefilter *qc_prefilter_new(void) {
  qc_prefilter *pf = qc_xcalloc(1, sizeof *pf);
  new_state(pf);
  return pf;
}

void qc_prefilter_add(qc_prefilter *pf, const char *lit, size_t len,
                      size_t id, bool prefix) {
  uint32_t words = 0;
  if (prefix && len > 1 &&
      QC_PREFIX_IS_MARK(lit[0])) {
    words = (unsigned char)lit[0];
    lit++;
    len--;
  }
  size_t s = 0;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)lit[i];
    pf->used[c] = true;
    int32_t t = pf->next[s * 256 + c];
    if (t < 0) {
      size_t ns = new_state(pf);
      pf->next[s * 256 + c] = (int32_t)ns;
      t = (int32_t)ns;
    }
    s = (size_t)t;
  }
  add_out(pf, s, (output){(uint32_t)id, prefix ? (uint32_t)len : 0, words});
}

/* Breadth-first: failure links become plain transitions, and each state
 * inherits the outputs of its failure state. */
bool qc_prefilter_build(qc_prefilter *pf) {
  size_t *queue = qc_xmalloc(pf->nstates * sizeof *queue);
  size_t *fail = qc_xcalloc(pf->nstates, sizeof *fail);
  size_t head = 0, tail = 0;
  for (int c = 0; c < 256; c++) {
    int32_t t = pf->next[c];
    if (t < 0) {
      pf->next[c] = 0;
    } else {
      fail[t] = 0;
      queue[tail++] = (size_t)t;
    }
  }
  while (head < tail) {
    size_t s = queue[head++];
    for (size_t i = 0; i < pf->nout[fail[s]]; i++)
      add_out(pf, s, pf->out[fail[s]][i]);
    for (int c = 0; c < 256; c++) {
      int32_t t = pf->next[s * 256 + (size_t)c];
      if (t < 0) {
        pf->next[s * 256 + (size_t)c] = pf->next[fail[s] * 256 + (size_t)c];
      } else {
        fail[t] = (size_t)pf->next[fail[s] * 256 + (size_t)c];
        queue[tail++] = (size_t)t;
      }
    }
  }
  free(queue);
  free(fail);
  /* class 0: the bytes of no literal, which lead every state to the root */
  size_t nused = 0;
  for (int c = 0; c < 256; c++)
    nused += pf->used[c];
  pf->ncls = nused == 256 ? 0 : 1; /* every byte used: no class 0 */
  for (int c = 0; c < 256; c++)
    pf->cls[c] = pf->used[c] ? (uint8_t)pf->ncls++ : 0;
  if (pf->nstates > (UINT32_MAX >> 1) / pf->ncls)
    return false;
  pf->tab = qc_xcalloc(pf->nstates * pf->ncls, sizeof *pf->tab);
  for (size_t st = 0; st < pf->nstates; st++)
    for (int c = 0; c < 256; c++) {
      size_t t = (size_t)pf->next[st * 256 + (size_t)c];
      pf->tab[st * pf->ncls + pf->cls[c]] =
          (uint32_t)(t * pf->ncls) << 1 | (pf->nout[t] > 0);
    }
  free(pf->next);
  pf->next = NULL;
  pf->built = true;
  return true;
}

static void push_start(qc_prefilter_found *st, uint32_t rule, size_t at) {
  QC_GROW(st->v, st->cap, st->n + 1);
  st->v[st->n++] = (qc_prefilter_start){rule, (uint32_t)at};
}

/* A byte that can be part of a \w character: ASCII letters, digits and
 * '_', and every byte of a non-ASCII character (a superset is safe: more
 * starts are tried, each by an exact anchored match). */
static bool wordish(unsigned char b) {
  return b >= 0x80 || b == '_' || (b >= '0' && b <= '9') ||
         ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
}

/* The length of the white-space character (\s under PCRE2_UCP: \t-\r,
 * space and the Unicode separators; NFKC folding has turned most of them
 * into a space) that ends at text[end - 1], or 0. None of them is a \w
 * character, which keeps the word run before them exact. */
static size_t space_before(const char *text, size_t end) {
  const unsigned char *t = (const unsigned char *)text;
  if (end >= 1 && (t[end - 1] == ' ' || (t[end - 1] >= 9 && t[end - 1] <= 13)))
    return 1;
  if (end >= 2 && t[end - 2] == 0xC2 && (t[end - 1] == 0x85 || t[end - 1] == 0xA0))
    return 2;
  if (end < 3)
    return 0;
  unsigned a = t[end - 3], b = t[end - 2], c = t[end - 1];
  if ((a == 0xE1 && b == 0x9A && c == 0x80) || (a == 0xE3 && b == 0x80 && c == 0x80) ||
      (a == 0xE2 && b == 0x81 && c == 0x9F) ||
      (a == 0xE2 && b == 0x80 &&
       (c <= 0x8A || c == 0xA8 || c == 0xA9 || c == 0xAF)))
    return 3;
  return 0;
}

/* The starts a literal found at 'at' allows: 'at' itself, or for a literal
 * after \w+ / \w* every character start in the word run before it, and
 * after \w+\s* / \w+\s+ in the word run before the white space before
 * it. */
static void add_starts(qc_prefilter_found *st, const output *o,
                       const char *text, size_t at) {
  if (!o->words) {
    push_start(st, o->rule, at);
    return;
  }
  size_t end = at; /* where the word run must end */
  unsigned kind = QC_PREFIX_KIND(o->words);
  if (kind == QC_PREFIX_WORDS_SPACES_0 || kind == QC_PREFIX_WORDS_SPACES_1) {
    size_t n;
    while (at - end <= QC_PREFIX_MAX_RUN && (n = space_before(text, end)))
      end -= n;
    if (end == at && kind == QC_PREFIX_WORDS_SPACES_1)
      return; /* \s+ needs one */
  }
  size_t run = end;
  while (run > 0 && at - run <= QC_PREFIX_MAX_RUN &&
         wordish((unsigned char)text[run - 1]))
    run--;
  if (at - run > QC_PREFIX_MAX_RUN) {
    push_start(st, o->rule, QC_PREFILTER_SCAN);
    return;
  }
  size_t last = kind == QC_PREFIX_WORDS_0 ? end + 1 : end;
  bool boundary = o->words & QC_PREFIX_BOUNDARY;
  for (size_t p = run; p < last; p++) {
    unsigned char b = (unsigned char)text[p];
    if ((b & 0xC0) == 0x80)
      continue; /* inside a character */
    if (boundary && p > run && b < 0x80 && (unsigned char)text[p - 1] < 0x80)
      continue; /* between two ASCII word characters: no \b */
    push_start(st, o->rule, p);
  }
}

void qc_prefilter_scan(const qc_prefilter *pf, const char *text, size_t len,
                       bool *hit, qc_prefilter_found *st) {
  size_t row = 0; /* the state's row offset in tab */
  const uint32_t *tab = pf->tab;
  st->n = st->nrules = 0;
  for (size_t i = 0; i < len; i++) {
    uint32_t e = tab[row + pf->cls[(unsigned char)text[i]]];
    row = (size_t)(e >> 1);
    if (!(e & 1))
      continue;
    size_t s = row / pf->ncls;
    for (size_t k = 0; k < pf->nout[s]; k++) {
      const output *o = &pf->out[s][k];
      if (!hit[o->rule]) {
        hit[o->rule] = true;
        QC_GROW(st->rules, st->rules_cap, st->nrules + 1);
        st->rules[st->nrules++] = o->rule;
      }
      if (o->len)
        add_starts(st, o, text, i + 1 - o->len);
    }
  }
}

void qc_prefilter_free(qc_prefilter *pf) {
  if (!pf)
    return;
  for (size_t i = 0; i < pf->nstates; i++)
    free(pf->out[i]);
  free(pf->out);
  free(pf->nout);
  free(pf->outcap);
  free(pf->next);
  free(pf->tab);
  free(pf);
}
