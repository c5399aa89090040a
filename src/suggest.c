/* suggest.c: `qcode suggest`, candidate rules that raise a code's
 * agreement with a researcher's coding sheet.
 *
 * Per code, the sheet's turns that qcode misses suggest hit rules (the
 * words they share, Dutch lemmas that unite their forms, the codebook's
 * classes, and pairs of those near each other) and the turns qcode codes
 * against the sheet suggest exclusions (words and classes). Every
 * candidate is measured as the YAML it is written as: all candidates of a
 * code go into one probe codebook at once, where the coder's trace says in
 * which turns each one would count; the best are then loaded one at a
 * time into the codebook and every turn is coded again, so that the
 * figures given are what pasting the rule in gives. Agreement is Cohen's
 * kappa (agree.c), with precision and recall of qcode against the sheet.
 */
#include "agree.h"
#include "buf.h"
#include "codebook.h"
#include "delim.h"
#include "error.h"
#include "forms.h"
#include "memory.h"
#include "strmap.h"
#include "table.h"
#include "utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Candidates of one kind and code that a probe measures at most; a
 * frequent word list stays far below this on a sheet of a few hundred
 * turns. */
#define MAX_WORDS 400
/* Words and classes paired into near rules. */
#define MAX_NEAR_ITEMS 24

typedef struct seg {
  char *key;  /* file TAB segment, as a coding sheet names it */
  char *file; /* the transcript's name */
  size_t index;
  char *text;
  size_t len;
} seg;

struct qc_suggest {
  seg *segs;
  size_t n, cap;
};

qc_suggest *qc_suggest_new(void) { return qc_xcalloc(1, sizeof(qc_suggest)); }

void qc_suggest_add(qc_suggest *sg, const char *file, size_t index,
                    const char *text, size_t len) {
  QC_GROW(sg->segs, sg->cap, sg->n + 1);
  seg *s = &sg->segs[sg->n++];
  qc_buf k = QC_BUF_INIT;
  qc_buf_printf(&k, "%s\t%zu", file, index);
  s->key = qc_buf_detach(&k, NULL);
  s->file = qc_xstrdup(file);
  s->index = index;
  s->text = qc_xstrndup(text, len);
  s->len = len;
}

void qc_suggest_free(qc_suggest *sg) {
  if (!sg)
    return;
  for (size_t i = 0; i < sg->n; i++) {
    free(sg->segs[i].key);
    free(sg->segs[i].file);
    free(sg->segs[i].text);
  }
  free(sg->segs);
  free(sg);
}

/* ---- bit sets over the turns the sheet codes ---- */

static size_t nwords_for(size_t n) { return (n + 63) / 64; }
static bool bit(const uint64_t *w, size_t i) { return w[i / 64] >> (i % 64) & 1; }
static void set_bit(uint64_t *w, size_t i) { w[i / 64] |= (uint64_t)1 << (i % 64); }

static size_t popcount_and(const uint64_t *a, const uint64_t *b, size_t nw) {
  size_t c = 0;
  for (size_t i = 0; i < nw; i++)
    c += (size_t)__builtin_popcountll(b ? a[i] & b[i] : a[i]);
  return c;
}

/* ---- what is known of the turns ---- */

typedef enum { KIND_FORM, KIND_CLASS, KIND_WORD, KIND_NEAR } cand_kind;
static const char *const kind_names[] = {"form", "class", "word", "near"};

typedef struct cand {
  cand_kind kind;
  qc_rule_role role;
  char *yaml;        /* the rule as pasted: "{words: [zwaar]}" */
  char *item;        /* a word or '@class' a near rule can pair; or NULL */
  uint64_t *fires;   /* turns where it counts (hit) or excludes */
  size_t right, wrong;
  qc_agreement after;
} cand;

typedef struct cand_list {
  cand *v;
  size_t n, cap;
} cand_list;

typedef struct run {
  const qc_suggest *sg;
  const qc_suggest_opts *opts;
  const char *data, *name; /* the codebook's YAML */
  size_t len;
  qc_codebook *cb;
  size_t *eval; /* indices into sg->segs of the turns on the sheet */
  size_t n, nw;
  char ***words; /* per turn: its distinct folded words, NULL-ended */
  qc_strmap gold; /* key US code, rolled up */
  qc_buf out;
  qc_error *err;
  qc_strmap attested; /* every word of the turns */
  qc_strmap verb_of; /* a form of an irregular verb -> its infinitive */
  char **verb_lemmas;
  size_t nverb_lemmas;
  char unmatched[1200]; /* a sheet file and a file given, for a message */
  const uint64_t *kids; /* the code's turns with a coded descendant */
} run;

static bool gold_has(const run *r, const seg *s, const char *code) {
  char key[4200];
  int n = snprintf(key, sizeof key, "%s\x1f%s", s->key, code);
  size_t v;
  return n > 0 && (size_t)n < sizeof key &&
         qc_strmap_get(&r->gold, key, (size_t)n, &v);
}

/* Reads the sheet: its turns (key -> row) and their codes rolled up with
 * the codebook (a code it has not is an error, as in `agree -c`). */
static qc_status read_sheet(run *r, const char *path, qc_strmap *turns,
                            qc_strmap *used, qc_delim *d) {
  QC_TRY(qc_delim_read(d, path, r->err));
  size_t col[3];
  const char *names[3] = {"file", "segment", "code"};
  for (int i = 0; i < 3; i++)
    if ((col[i] = qc_delim_column(d, names[i])) == (size_t)-1)
      return qc_error_set(r->err, QC_ERR_DATA, path, 1, 1, 0,
                          "coding sheet has no '%s' column", names[i]);
  qc_buf key = QC_BUF_INIT, implied = QC_BUF_INIT;
  qc_status s = QC_OK;
  for (size_t i = 0; i < d->nrows && s == QC_OK; i++) {
    char **row = d->rows[i];
    qc_buf_clear(&key);
    qc_buf_printf(&key, "%s\t%s", row[col[0]], row[col[1]]);
    qc_strmap_put(turns, key.ptr, key.len, i);
    const char *code = row[col[2]];
    if (!*code)
      continue;
    qc_buf_clear(&implied);
    size_t k = qc_agree_rollup(r->cb, code, &implied);
    if (k == 0)
      s = qc_error_set(r->err, QC_ERR_DATA, path, d->lines[i], 1, 0,
                       "no code '%s' in '%s'", code, r->name);
    qc_strmap_put(used, code, strlen(code), qc_codebook_code_find(r->cb, code));
    size_t base = key.len;
    for (const char *c = implied.ptr; k > 0; k--, c += strlen(c) + 1) {
      key.len = base;
      qc_buf_printf(&key, "\x1f%s", c);
      qc_strmap_put(&r->gold, key.ptr, key.len, 1);
    }
  }
  qc_buf_release(&key);
  qc_buf_release(&implied);
  return s;
}

/* The turns to learn from: those of the files given that the sheet has.
 * A sheet turn of a file given that the file does not have is an error
 * (the sheet was made with another segmentation); turns of the sheet in
 * other files, and turns of the files the sheet leaves out, are only
 * counted for the warning. */
static qc_status match_turns(run *r, const char *path, const qc_strmap *turns,
                             const qc_delim *d, size_t *unsheeted,
                             size_t *elsewhere) {
  qc_strmap files = QC_STRMAP_INIT, seen = QC_STRMAP_INIT;
  r->eval = qc_xmalloc((r->sg->n + 1) * sizeof *r->eval);
  *unsheeted = *elsewhere = 0;
  for (size_t i = 0; i < r->sg->n; i++) {
    const seg *s = &r->sg->segs[i];
    size_t v;
    qc_strmap_put(&files, s->file, strlen(s->file), i);
    if (qc_strmap_get(turns, s->key, strlen(s->key), &v)) {
      r->eval[r->n++] = i;
      qc_strmap_put(&seen, s->key, strlen(s->key), i);
    } else {
      ++*unsheeted;
    }
  }
  qc_status st = QC_OK;
  size_t fcol = qc_delim_column(d, "file");
  qc_buf key = QC_BUF_INIT;
  for (size_t i = 0; i < d->nrows && st == QC_OK; i++) {
    size_t v, first;
    qc_buf_clear(&key);
    qc_buf_printf(&key, "%s\t%s", d->rows[i][fcol],
                  d->rows[i][qc_delim_column(d, "segment")]);
    /* each turn once: at its first row */
    if (!qc_strmap_get(turns, key.ptr, key.len, &first) || first != i ||
        qc_strmap_get(&seen, key.ptr, key.len, &v))
      continue;
    const char *file = d->rows[i][fcol];
    if (qc_strmap_get(&files, file, strlen(file), &v))
      st = qc_error_set(r->err, QC_ERR_DATA, path, d->lines[i], 1, 0,
                        "segment %s of '%s' is not a coded segment of that "
                        "file as it was read (check --unit and "
                        "--moderators)",
                        strchr(key.ptr, '\t') + 1, file);
    else if (++*elsewhere == 1 && r->sg->n)
      /* for the message when nothing matches */
      snprintf(r->unmatched, sizeof r->unmatched, "'%s' (the sheet) and "
               "'%s' (given)", file, r->sg->segs[0].file);
  }
  qc_buf_release(&key);
  qc_strmap_release(&files);
  qc_strmap_release(&seen);
  r->nw = nwords_for(r->n);
  return st;
}

/* The distinct folded words of each turn: the tokens the coder sees, as
 * the codebook folds them (its case and diacritics settings). */
static void collect_words(run *r) {
  qc_tokenizer *tz = qc_tokenizer_new();
  r->words = qc_xcalloc(r->n + 1, sizeof *r->words);
  for (size_t i = 0; i < r->n; i++) {
    const seg *s = &r->sg->segs[r->eval[i]];
    size_t flen;
    char *f = qc_fold_string(s->text, s->len, r->cb->fold_opts, &flen);
    const qc_token *t;
    size_t nt = qc_tokenizer_run(tz, f, flen, &t);
    qc_strmap once = QC_STRMAP_INIT;
    char **list = qc_xmalloc((nt + 1) * sizeof *list);
    size_t k = 0, v;
    for (size_t j = 0; j < nt; j++) {
      if (t[j].type != QC_TOK_WORD || t[j].len < 2 ||
          qc_strmap_get(&once, f + t[j].start, t[j].len, &v))
        continue;
      qc_strmap_put(&once, f + t[j].start, t[j].len, k);
      qc_strmap_put(&r->attested, f + t[j].start, t[j].len, i);
      list[k++] = qc_xstrndup(f + t[j].start, t[j].len);
    }
    list[k] = NULL;
    r->words[i] = list;
    qc_strmap_release(&once);
    free(f);
  }
  qc_tokenizer_free(tz);
}

/* ---- writing a rule as YAML ---- */

/* A word as a YAML flow scalar: plain when it is letters, digits and
 * inner hyphens only and no YAML 1.1 reader could take it for a boolean,
 * a null or a number; single-quoted otherwise. */
static void yaml_word(qc_buf *b, const char *w) {
  static const char *const special[] = {
      "y", "n", "yes", "no", "on", "off", "true", "false", "null", NULL};
  bool plain = *w && *w != '-' && !(*w >= '0' && *w <= '9');
  for (const char *p = w; *p && plain; p++) {
    unsigned char c = (unsigned char)*p;
    plain = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
            (c >= '0' && c <= '9') || (c == '-' && p[1]);
  }
  for (size_t i = 0; special[i] && plain; i++)
    plain = strcmp(w, special[i]) != 0;
  if (plain) {
    qc_buf_puts(b, w);
    return;
  }
  qc_buf_putc(b, '\'');
  for (const char *p = w; *p; p++) {
    if (*p == '\'')
      qc_buf_putc(b, '\'');
    qc_buf_putc(b, *p);
  }
  qc_buf_putc(b, '\'');
}

/* Whether a token can be written as a word pattern that matches itself
 * only: no wildcard, no class sign, nothing a pattern reads specially. */
static bool literal_word(const char *w) {
  if (*w == '@')
    return false;
  for (const char *p = w; *p; p++)
    if (*p == '*' || *p == '|' || (unsigned char)*p < 0x20)
      return false;
  return true;
}

/* Dutch function words and fillers (closed classes: articles, pronouns,
 * prepositions, conjunctions, auxiliaries, particles; Algemene
 * Nederlandse Spraakkunst, 1997): never a cue of a code by themselves, so
 * never suggested as a word or paired in a near rule. The modal verbs are
 * not among them: kunnen and willen are what will-can codes are about. */
static const char *const function_words[] = {
    "'n", "'t", "aan", "al", "alle", "allemaal", "allez", "alles", "als", "bij",
    "ben", "bent", "binnen", "dan", "dat", "de", "deze", "die", "dit",
    "door", "dus", "eh", "een", "eens", "elk", "elke", "en", "er", "euh",
    "even", "ge",
    "ga", "gaan", "gaat", "had", "hadden", "haar", "heb", "hebben", "hebt",
    "heeft", "hem", "hen", "het", "hier", "hij", "hm", "hun", "ik", "in",
    "is", "ja", "je", "jij", "jou", "jouw", "jullie", "maar", "me", "met",
    "mij", "mijn", "na", "naar", "ne", "nee", "nog", "nu", "of", "oké",
    "sommige", "sommigen", "via", "ieder", "iedere", "iemand", "iets",
    "ok", "om", "omdat", "ons", "onze", "ook", "op", "over", "te", "toch",
    "toen", "tot", "u", "uh", "uit", "uw", "van", "voor", "waar", "was",
    "waren", "wat", "we", "wel", "werd", "werden", "wie", "wij", "word",
    "wordt", "worden", "zal", "ze", "zich", "zij", "zijn", "zo", "zo'n", "zou",
    "zouden", NULL};

static bool function_word(const char *w) {
  for (size_t i = 0; function_words[i]; i++)
    if (!strcmp(w, function_words[i]))
      return true;
  return false;
}

static cand *add_cand(cand_list *l, cand_kind kind, qc_rule_role role,
                      const char *key, const char *word, const char *item,
                      size_t nw) {
  qc_buf y = QC_BUF_INIT;
  qc_buf_printf(&y, "{%s: [", key);
  yaml_word(&y, word);
  qc_buf_puts(&y, "]}");
  QC_GROW(l->v, l->cap, l->n + 1);
  cand *c = &l->v[l->n++];
  memset(c, 0, sizeof *c);
  c->kind = kind;
  c->role = role;
  c->yaml = qc_buf_detach(&y, NULL);
  c->item = item ? qc_xstrdup(item) : NULL;
  c->fires = qc_xcalloc(nw + 1, sizeof *c->fires);
  return c;
}

static void release_cands(cand_list *l) {
  for (size_t i = 0; i < l->n; i++) {
    free(l->v[i].yaml);
    free(l->v[i].item);
    free(l->v[i].fires);
  }
  free(l->v);
  memset(l, 0, sizeof *l);
}

/* ---- lemmas ---- */

static bool ends(const char *w, size_t n, const char *suf) {
  size_t k = strlen(suf);
  return n > k && !memcmp(w + n - k, suf, k);
}

static bool vowel(char c) { return strchr("aeiou", c) && c; }

/* Adds 'stem' + 'tail' to the guesses, with the two spelling changes of
 * Dutch inflection undone either way: a long vowel written double in a
 * closed syllable (maak / maken) and a doubled consonant after a short
 * vowel (zet / zetten); and f/v, s/z (leef / leven). */
static void guess_from_stem(qc_buf *out, const char *stem, size_t n,
                            const char *tail) {
  char b[QC_FORMS_MAX_LEMMA + 8];
  if (n < 2 || n + 4 + strlen(tail) >= sizeof b)
    return;
  for (int voice = 0; voice < 2; voice++) {
    memcpy(b, stem, n);
    size_t m = n;
    if (voice) {
      if (b[m - 1] == 'f')
        b[m - 1] = 'v';
      else if (b[m - 1] == 's')
        b[m - 1] = 'z';
      else
        continue;
    }
    b[m] = 0;
    qc_buf_printf(out, "%s%s%c", b, tail, 0);
    if (m >= 3 && vowel(b[m - 2]) && b[m - 2] == b[m - 3] && !vowel(b[m - 1]))
      qc_buf_printf(out, "%.*s%s%s%c", (int)(m - 2), b, b + m - 1, tail, 0);
    if (m >= 2 && !vowel(b[m - 1]) && vowel(b[m - 2]) &&
        (m < 3 || !vowel(b[m - 3])))
      qc_buf_printf(out, "%s%c%s%c", b, b[m - 1], tail, 0);
    if (m >= 3 && !vowel(b[m - 1]) && vowel(b[m - 2]) && !vowel(b[m - 3]))
      qc_buf_printf(out, "%.*s%c%s%s%c", (int)(m - 1), b, b[m - 2], b + m - 1,
                    tail, 0);
    if (m >= 3 && b[m - 1] == b[m - 2] && !vowel(b[m - 1]))
      qc_buf_printf(out, "%.*s%s%c", (int)(m - 1), b, tail, 0);
  }
}

/* Lemmas 'w' may be a form of, as NUL-separated guesses: the suffixes of
 * Dutch inflection stripped (Haeseryn et al., Algemene Nederlandse
 * Spraakkunst, 1997) and the stem respelled. Each guess is checked by
 * expanding it (forms.c), so a wrong one costs nothing. */
static void guess_lemmas(const char *w, qc_pos pos, qc_buf *out) {
  size_t n = strlen(w);
  if (pos == QC_POS_VERB) {
    static const char *const suf[] = {"ende", "end", "den", "ten", "de",
                                      "te",   "en",  "t",   "d",   "",
                                      NULL};
    for (int ge = 0; ge < 2; ge++) {
      const char *s = w;
      size_t m = n;
      if (ge) {
        if (n < 5 || memcmp(w, "ge", 2))
          continue;
        s += 2;
        m -= 2;
      }
      for (size_t i = 0; suf[i]; i++)
        if (!*suf[i] || ends(s, m, suf[i]))
          guess_from_stem(out, s, m - strlen(suf[i]), "en");
    }
    if (ends(w, n, "en"))
      qc_buf_printf(out, "%s%c", w, 0);
  } else if (pos == QC_POS_NOUN) {
    static const char *const suf[] = {"etjes", "tjes", "pjes", "kjes", "jes",
                                      "etje",  "tje",  "pje",  "kje",  "je",
                                      "'s",    "en",   "s",    NULL};
    qc_buf_printf(out, "%s%c", w, 0);
    for (size_t i = 0; suf[i]; i++)
      if (ends(w, n, suf[i]))
        guess_from_stem(out, w, n - strlen(suf[i]), "");
  } else {
    static const char *const suf[] = {"ste", "ere", "st", "er", "e", NULL};
    qc_buf_printf(out, "%s%c", w, 0);
    for (size_t i = 0; suf[i]; i++)
      if (ends(w, n, suf[i]))
        guess_from_stem(out, w, n - strlen(suf[i]), "");
  }
}

/* The strong and irregular verbs' forms, whose stems the guesses above
 * cannot reach (won, gewonnen -> winnen). */
static void index_irregular_verbs(run *r) {
  size_t nv = qc_forms_verb_count();
  r->verb_lemmas = qc_xcalloc(nv + 1, sizeof *r->verb_lemmas);
  for (size_t i = 0; i < nv; i++) {
    qc_forms_field col[5];
    qc_forms_verb_at(i, col);
    char *lemma = qc_xstrndup(col[0].s, col[0].len);
    qc_forms f = QC_FORMS_INIT;
    if (qc_forms_expand(&f, lemma, QC_POS_VERB, NULL) == QC_OK) {
      for (size_t j = 0; j < f.n; j++)
        qc_strmap_put(&r->verb_of, f.v[j].text, strlen(f.v[j].text),
                      r->nverb_lemmas);
      r->verb_lemmas[r->nverb_lemmas++] = lemma;
    } else {
      free(lemma);
    }
    qc_forms_release(&f);
  }
}

/* A lemma the words of the target turns suggest, and those words. */
typedef struct lemma_seen {
  qc_pos pos;
  char *lemma;
  uint64_t *turns; /* target turns with one of its forms */
  bool inflected;  /* a form that shows the inflection was seen there */
} lemma_seen;

/* Whether a form tells its lemma's part of speech apart: a verb's bare
 * stem (werk, cursus of a would-be "cursussen") is as likely a noun. */
static bool telling_form(const qc_form *f, const char *lemma) {
  return strcmp(f->text, lemma) && strcmp(f->tag, "present 1sg") &&
         strcmp(f->tag, "present 2sg");
}

static const char *const pos_keys[] = {"verbs", "nouns", "adjectives"};

/* Whether 'lemma' is the bare stem of a verb the turns use (registreer
 * of registreren, win of winnen): then a noun or adjective of that
 * spelling is a misreading of the verb. */
static bool verb_stem(run *r, const char *lemma) {
  qc_buf g = QC_BUF_INIT;
  guess_lemmas(lemma, QC_POS_VERB, &g);
  bool stem = false;
  size_t v;
  for (const char *x = g.ptr; x && x < g.ptr + g.len && !stem;
       x += strlen(x) + 1) {
    if (!qc_strmap_get(&r->attested, x, strlen(x), &v) &&
        !qc_strmap_get(&r->verb_of, x, strlen(x), &v))
      continue;
    qc_forms f = QC_FORMS_INIT;
    if (qc_forms_expand(&f, x, QC_POS_VERB, NULL) == QC_OK)
      for (size_t j = 0; j < f.n && !stem; j++)
        stem = !strcmp(f.v[j].text, lemma) && !strcmp(f.v[j].tag, "present 1sg");
    qc_forms_release(&f);
  }
  qc_buf_release(&g);
  return stem;
}

/* Form candidates: a lemma is worth a rule when it is a word of the turns
 * (or an irregular verb: a guess that is no word is no lemma) and the
 * target turns show it inflected; a bare word it would only rename. */
static void form_candidates(run *r, const uint64_t *target,
                            qc_strmap *word_turns, uint64_t **wturns,
                            char **wlist, size_t nwlist, cand_list *cl,
                            qc_rule_role role) {
  qc_strmap tried = QC_STRMAP_INIT;
  lemma_seen *ls = NULL;
  size_t nls = 0, cap = 0;
  qc_buf guesses = QC_BUF_INIT, key = QC_BUF_INIT;
  for (size_t wi = 0; wi < nwlist; wi++) {
    const char *w = wlist[wi];
    for (int p = 0; p < 3; p++) {
      qc_buf_clear(&guesses);
      guess_lemmas(w, (qc_pos)p, &guesses);
      size_t iv;
      if (p == QC_POS_VERB && qc_strmap_get(&r->verb_of, w, strlen(w), &iv))
        qc_buf_printf(&guesses, "%s%c", r->verb_lemmas[iv], 0);
      for (const char *g = guesses.ptr; g && g < guesses.ptr + guesses.len;
           g += strlen(g) + 1) {
        qc_buf_clear(&key);
        qc_buf_printf(&key, "%d%s", p, g);
        size_t v;
        if (qc_strmap_get(&tried, key.ptr, key.len, &v))
          continue;
        qc_strmap_put(&tried, key.ptr, key.len, 0);
        qc_forms f = QC_FORMS_INIT;
        if (qc_forms_expand(&f, g, (qc_pos)p, NULL) != QC_OK) {
          qc_forms_release(&f);
          continue;
        }
        bool has = false;
        for (size_t j = 0; j < f.n && !has; j++)
          has = !strcmp(f.v[j].text, w);
        size_t v2;
        if (has && !qc_strmap_get(&r->attested, g, strlen(g), &v2) &&
            !(p == QC_POS_VERB && qc_strmap_get(&r->verb_of, g, strlen(g), &v2)))
          has = false;
        if (has) {
          QC_GROW(ls, cap, nls + 1);
          lemma_seen *l = &ls[nls++];
          l->pos = (qc_pos)p;
          l->lemma = qc_xstrdup(g);
          l->turns = qc_xcalloc(r->nw + 1, sizeof *l->turns);
          l->inflected = false;
          for (size_t j = 0; j < f.n; j++) {
            size_t k;
            if (!qc_strmap_get(word_turns, f.v[j].text, strlen(f.v[j].text),
                               &k))
              continue;
            l->inflected |= telling_form(&f.v[j], g);
            for (size_t x = 0; x < r->nw; x++)
              l->turns[x] |= wturns[k][x];
          }
        }
        qc_forms_release(&f);
      }
    }
  }
  for (size_t i = 0; i < nls; i++) {
    lemma_seen *l = &ls[i];
    size_t support = popcount_and(l->turns, target, r->nw);
    if (support >= r->opts->min_turns && l->inflected &&
        (l->pos == QC_POS_VERB || !verb_stem(r, l->lemma)))
      add_cand(cl, KIND_FORM, role, pos_keys[l->pos], l->lemma, NULL, r->nw);
    free(l->lemma);
    free(l->turns);
  }
  free(ls);
  qc_strmap_release(&tried);
  qc_buf_release(&guesses);
  qc_buf_release(&key);
}

/* ---- candidates from the turns to fix ---- */

typedef struct word_count {
  char *w;
  size_t support;
} word_count;

static int by_support(const void *x, const void *y) {
  const word_count *a = x, *b = y;
  if (a->support != b->support)
    return a->support > b->support ? -1 : 1;
  return strcmp(a->w, b->w);
}

/* Word, form and class candidates that would change the 'target' turns
 * (the missed ones for a hit rule, the wrongly coded ones for an
 * exclusion). */
static void base_candidates(run *r, size_t code, const uint64_t *target,
                            qc_rule_role role, cand_list *cl) {
  qc_strmap index = QC_STRMAP_INIT;
  word_count *wc = NULL;
  uint64_t **wturns = NULL;
  size_t nwc = 0, cap = 0, tcap = 0;
  for (size_t i = 0; i < r->n; i++) {
    if (!bit(target, i))
      continue;
    for (char **w = r->words[i]; *w; w++) {
      if (!literal_word(*w) || function_word(*w))
        continue;
      size_t k = qc_strmap_put(&index, *w, strlen(*w), nwc);
      if (k == nwc) {
        QC_GROW(wc, cap, nwc + 1);
        QC_GROW(wturns, tcap, nwc + 1);
        wc[nwc].w = *w;
        wc[nwc].support = 0;
        wturns[nwc] = qc_xcalloc(r->nw + 1, sizeof **wturns);
        nwc++;
      }
      wc[k].support++;
      set_bit(wturns[k], i);
    }
  }
  char **wlist = qc_xmalloc((nwc + 1) * sizeof *wlist);
  for (size_t i = 0; i < nwc; i++)
    wlist[i] = wc[i].w;
  form_candidates(r, target, &index, wturns, wlist, nwc, cl, role);
  if (nwc > 1)
    qsort(wc, nwc, sizeof *wc, by_support);
  for (size_t i = 0; i < nwc && i < MAX_WORDS; i++)
    if (wc[i].support >= r->opts->min_turns)
      add_cand(cl, KIND_WORD, role, "words", wc[i].w, wc[i].w, r->nw);
  /* the classes the code sees: top level, its own and its ancestors' */
  qc_strmap names = QC_STRMAP_INIT;
  for (size_t i = 0; i < r->cb->nclasses; i++) {
    const qc_class *c = &r->cb->classes[i];
    bool visible = c->scope == QC_NO_PARENT;
    for (size_t p = code; p != QC_NO_PARENT && !visible;
         p = r->cb->codes[p].parent)
      visible = c->scope == p;
    size_t v;
    if (!visible || qc_strmap_get(&names, c->name, strlen(c->name), &v))
      continue;
    qc_strmap_put(&names, c->name, strlen(c->name), i);
    qc_buf ref = QC_BUF_INIT;
    qc_buf_printf(&ref, "@%s", c->name);
    add_cand(cl, KIND_CLASS, role, "words", ref.ptr, ref.ptr, r->nw);
    /* a class's words negated: "geen tijdswinst" for a pessimist code */
    if (role == QC_ROLE_HIT && !r->cb->codes[code].invert) {
      cand *neg = add_cand(cl, KIND_CLASS, role, "words", ref.ptr, NULL, r->nw);
      qc_buf t = QC_BUF_INIT;
      qc_buf_printf(&t, "%.*s, negation: invert}",
                    (int)strlen(neg->yaml) - 1, neg->yaml);
      free(neg->yaml);
      neg->yaml = qc_buf_detach(&t, NULL);
    }
    qc_buf_release(&ref);
  }
  qc_strmap_release(&names);
  for (size_t i = 0; i < nwc; i++)
    free(wturns[i]);
  free(wturns);
  free(wlist);
  free(wc);
  qc_strmap_release(&index);
}

/* ---- measuring ---- */

/* The 2x2 table of qcode's coding 'coded' against the sheet's 'gold'. */
static void agreement_of(const run *r, const uint64_t *coded,
                         const uint64_t *gold, qc_agreement *a) {
  memset(a, 0, sizeof *a);
  for (size_t i = 0; i < r->n; i++) {
    bool x = bit(coded, i), y = bit(gold, i);
    if (x && y)
      a->a++;
    else if (x)
      a->b++;
    else if (y)
      a->c++;
    else
      a->d++;
  }
  qc_agreement_compute(a);
}

static double kappa_of(const qc_agreement *a) {
  return a->has_kappa ? a->kappa : 0;
}

/* Codes every turn with 'cb'; sets the bits of the turns that get 'code'
 * as `qcode agree` sees a coding, rolled up: the code itself, or any of
 * its descendants (an exclusion on a parent uncodes the parent only, and
 * the sheet's roll-up brings it back with a coded child); and, when 'kids'
 * is not NULL, the turns where a descendant is coded. When 'first' is not
 * NO_RULE, records in cands[k].fires the turns where rule first+k counts
 * for the code (hit rules: counted, or the same words as another counted
 * hit) or excludes it. */
#define NO_RULE ((size_t)-1)

static qc_status code_turns(run *r, const qc_codebook *cb, size_t code,
                            uint64_t *coded, uint64_t *kids, size_t first,
                            cand_list *cl) {
  qc_coder *coder = qc_coder_new(cb);
  qc_coder_set_trace(coder, first != NO_RULE);
  qc_status s = QC_OK;
  size_t last = code + 1; /* codes are in pre-order: descendants follow */
  while (last < cb->ncodes && cb->codes[last].depth > cb->codes[code].depth)
    last++;
  memset(coded, 0, r->nw * sizeof *coded);
  if (kids)
    memset(kids, 0, r->nw * sizeof *kids);
  for (size_t i = 0; i < r->n && s == QC_OK; i++) {
    const seg *sg = &r->sg->segs[r->eval[i]];
    const qc_coding *cd;
    s = qc_coder_code(coder, sg->text, sg->len, &cd, r->err);
    if (s != QC_OK)
      break;
    bool kid = false;
    for (size_t k = code + 1; k < last && !kid; k++)
      kid = cd->coded[k];
    if (cd->coded[code] || kid)
      set_bit(coded, i);
    if (kid && kids)
      set_bit(kids, i);
    if (first == NO_RULE)
      continue;
    size_t ne;
    const qc_trace_event *ev = qc_coder_trace(coder, &ne);
    for (size_t e = 0; e < ne; e++) {
      if (ev[e].rule < first || ev[e].rule - first >= cl->n)
        continue;
      cand *c = &cl->v[ev[e].rule - first];
      bool counts = c->role == QC_ROLE_EXCLUDE
                        ? ev[e].status == QC_TRACE_EXCLUSION
                        : ev[e].status == QC_TRACE_COUNTED ||
                              ev[e].status == QC_TRACE_DUPLICATE;
      if (counts)
        set_bit(c->fires, i);
    }
  }
  qc_coder_free(coder);
  return s;
}

/* Measures every candidate of 'cl' at once: one codebook with all of them
 * added to 'code'. */
static qc_status load_with(run *r, size_t code, const cand *v, size_t n,
                           qc_codebook **cb, qc_error *err) {
  qc_extra_rule *ex = qc_xcalloc(n + 1, sizeof *ex);
  for (size_t i = 0; i < n; i++)
    ex[i] = (qc_extra_rule){code, v[i].role, v[i].yaml};
  qc_status s =
      qc_codebook_load_extra(cb, r->data, r->len, r->name, ex, n, err);
  free(ex);
  return s;
}

/* Leaves out the candidates the codebook refuses (none should be: each is
 * written to be valid; this keeps one slip from ending the run). */
static void drop_refused(run *r, size_t code, cand_list *cl) {
  size_t kept = 0;
  for (size_t i = 0; i < cl->n; i++) {
    qc_codebook *cb;
    qc_error e;
    if (load_with(r, code, &cl->v[i], 1, &cb, &e) == QC_OK) {
      qc_codebook_free(cb);
      cl->v[kept++] = cl->v[i];
    } else {
      if (r->opts->refused)
        ++*r->opts->refused;
      free(cl->v[i].yaml);
      free(cl->v[i].item);
      free(cl->v[i].fires);
    }
  }
  cl->n = kept;
}

static qc_status probe(run *r, size_t code, cand_list *cl, uint64_t *scratch) {
  if (cl->n == 0)
    return QC_OK;
  qc_codebook *cb;
  qc_error e;
  qc_status s = load_with(r, code, cl->v, cl->n, &cb, &e);
  if (s == QC_ERR_SCHEMA || s == QC_ERR_YAML || s == QC_ERR_REGEX) {
    drop_refused(r, code, cl);
    s = load_with(r, code, cl->v, cl->n, &cb, r->err);
  } else if (s != QC_OK && r->err) {
    *r->err = e;
  }
  if (s != QC_OK)
    return s;
  s = cb->nrules == r->cb->nrules + cl->n
          ? code_turns(r, cb, code, scratch, NULL, r->cb->nrules, cl)
          : qc_error_set(r->err, QC_ERR_DATA, r->name, 0, 0, 0,
                         "a suggested rule made more than one rule");
  qc_codebook_free(cb);
  return s;
}

/* The coding with candidate c, from the turns it fires in: an exclusion
 * keeps the turns where a descendant is coded (r->kids). */
static void apply_fires(const run *r, const cand *c, const uint64_t *base,
                        uint64_t *out) {
  for (size_t x = 0; x < r->nw; x++)
    out[x] = c->role == QC_ROLE_EXCLUDE
                 ? (base[x] & ~c->fires[x]) | r->kids[x]
                 : base[x] | c->fires[x];
}

/* The figures of c from the turns it fires in; c->fires then holds the
 * turns whose coding it changes. */
static void score(run *r, cand *c, const uint64_t *base, const uint64_t *gold,
                  uint64_t *scratch) {
  apply_fires(r, c, base, scratch);
  agreement_of(r, scratch, gold, &c->after);
  c->right = c->wrong = 0;
  for (size_t x = 0; x < r->nw; x++)
    c->fires[x] = scratch[x] ^ base[x];
  for (size_t i = 0; i < r->n; i++)
    if (bit(c->fires, i))
      ++*(bit(scratch, i) == bit(gold, i) ? &c->right : &c->wrong);
}

/* Replaces the probe's figures of c with those of the codebook with only
 * c added, coded afresh. */
static qc_status verify(run *r, size_t code, cand *c, const uint64_t *base,
                        const uint64_t *gold, uint64_t *scratch) {
  qc_codebook *cb;
  QC_TRY(load_with(r, code, c, 1, &cb, r->err));
  qc_status s = code_turns(r, cb, code, scratch, NULL, NO_RULE, NULL);
  qc_codebook_free(cb);
  if (s != QC_OK)
    return s;
  /* the turns that changed, as the role has them: added or removed */
  for (size_t x = 0; x < r->nw; x++)
    c->fires[x] = base[x] ^ scratch[x];
  score(r, c, base, gold, scratch);
  return QC_OK;
}

/* Better first: a larger kappa gain, then fewer wrong changes, then the
 * more general kind of rule, then the text. */
static int by_gain(const void *x, const void *y) {
  const cand *a = x, *b = y;
  double ka = kappa_of(&a->after), kb = kappa_of(&b->after);
  if (ka != kb)
    return ka > kb ? -1 : 1;
  if (a->wrong != b->wrong)
    return a->wrong < b->wrong ? -1 : 1;
  if (a->kind != b->kind)
    return a->kind < b->kind ? -1 : 1;
  return strcmp(a->yaml, b->yaml);
}

/* Whether a and b change the same turns (the later, less general one is
 * then left out). */
static bool same_change(const run *r, const cand *a, const cand *b) {
  return a->role == b->role && !memcmp(a->fires, b->fires, r->nw * 8) &&
         a->right == b->right && a->wrong == b->wrong;
}

/* Near candidates: the items (words and classes) whose own rule fires in
 * the most target turns per turn changed, paired; the pairs that share at
 * least min_turns target turns are measured in a second probe. */
typedef struct near_item {
  const cand *c;
  double worth;
} near_item;

static int by_worth(const void *x, const void *y) {
  const near_item *a = x, *b = y;
  if (a->worth != b->worth)
    return a->worth > b->worth ? -1 : 1;
  return strcmp(a->c->yaml, b->c->yaml);
}

static void near_candidates(run *r, const cand_list *first,
                            const uint64_t *target, cand_list *cl) {
  near_item *items = qc_xcalloc(first->n + 1, sizeof *items);
  size_t ni = 0;
  for (size_t i = 0; i < first->n; i++) {
    const cand *c = &first->v[i];
    size_t hit = popcount_and(c->fires, target, r->nw);
    size_t all = popcount_and(c->fires, NULL, r->nw);
    /* turns fixed, weighted by the share of its changes that fix */
    if (c->item && hit >= r->opts->min_turns)
      items[ni++] = (near_item){c, (double)hit * (double)hit / (double)all};
  }
  qsort(items, ni, sizeof *items, by_worth);
  if (ni > MAX_NEAR_ITEMS)
    ni = MAX_NEAR_ITEMS;
  uint64_t *both = qc_xcalloc(r->nw + 1, sizeof *both);
  for (size_t i = 0; i < ni; i++)
    for (size_t j = i + 1; j < ni; j++) {
      for (size_t x = 0; x < r->nw; x++)
        both[x] = items[i].c->fires[x] & items[j].c->fires[x];
      if (popcount_and(both, target, r->nw) < r->opts->min_turns)
        continue;
      QC_GROW(cl->v, cl->cap, cl->n + 1);
      cand *c = &cl->v[cl->n++];
      memset(c, 0, sizeof *c);
      c->kind = KIND_NEAR;
      c->role = QC_ROLE_HIT;
      qc_buf y = QC_BUF_INIT;
      qc_buf_puts(&y, "{near: [");
      yaml_word(&y, items[i].c->item);
      qc_buf_puts(&y, ", ");
      yaml_word(&y, items[j].c->item);
      qc_buf_printf(&y, "], within: %u}", r->opts->within);
      c->yaml = qc_buf_detach(&y, NULL);
      c->fires = qc_xcalloc(r->nw + 1, sizeof *c->fires);
    }
  free(both);
  free(items);
}

/* ---- output ---- */

typedef struct code_result {
  size_t code;
  qc_agreement before;
  cand_list hit, excl; /* the suggestions kept, best first */
} code_result;

/* The changed turns of c whose new coding the sheet agrees (right) or
 * disagrees with, as file:segment joined by ';'. */
static void turn_list(const run *r, const cand *c, const uint64_t *base,
                      const uint64_t *gold, bool right, qc_buf *b) {
  qc_buf_clear(b);
  for (size_t i = 0; i < r->n; i++) {
    if (!bit(c->fires, i) || (!bit(base, i) == bit(gold, i)) != right)
      continue;
    const seg *s = &r->sg->segs[r->eval[i]];
    qc_buf_printf(b, "%s%s:%zu", b->len ? ";" : "", s->file, s->index);
  }
  if (!b->ptr)
    qc_buf_puts(b, "");
}

static void real(qc_table *t, bool defined, double v) {
  qc_table_real(t, v, 4, defined);
}

static void table_rows(const run *r, qc_table *t, const code_result *cr,
                       const cand_list *l, const uint64_t *base,
                       const uint64_t *gold) {
  qc_buf turns = QC_BUF_INIT;
  for (size_t i = 0; i < l->n; i++) {
    const cand *c = &l->v[i];
    qc_table_str(t, qc_codebook_code_path(r->cb, cr->code));
    qc_table_str(t, c->role == QC_ROLE_HIT ? "rule" : "exclude");
    qc_table_uint(t, i + 1);
    qc_table_str(t, kind_names[c->kind]);
    qc_table_str(t, c->yaml);
    qc_table_uint(t, c->right + c->wrong);
    qc_table_uint(t, c->right);
    qc_table_uint(t, c->wrong);
    real(t, cr->before.has_kappa, cr->before.kappa);
    real(t, c->after.has_kappa, c->after.kappa);
    real(t, true, kappa_of(&c->after) - kappa_of(&cr->before));
    real(t, cr->before.has_precision, cr->before.precision);
    real(t, c->after.has_precision, c->after.precision);
    real(t, cr->before.has_recall, cr->before.recall);
    real(t, c->after.has_recall, c->after.recall);
    turn_list(r, c, base, gold, true, &turns);
    qc_table_str(t, turns.ptr);
    turn_list(r, c, base, gold, false, &turns);
    qc_table_str(t, turns.ptr);
    qc_table_end_row(t);
  }
  qc_buf_release(&turns);
}

static void yaml_num(qc_buf *b, const char *name, bool defined, double v) {
  if (defined)
    qc_buf_printf(b, "%s %.4f", name, v);
  else
    qc_buf_printf(b, "%s -", name);
}

static void yaml_items(const run *r, const code_result *cr,
                       const cand_list *l, const uint64_t *base,
                       const uint64_t *gold, const char *indent,
                       qc_buf *b) {
  qc_buf turns = QC_BUF_INIT;
  for (size_t i = 0; i < l->n; i++) {
    const cand *c = &l->v[i];
    qc_buf_printf(b, "%s- %s\n%s  # ", indent, c->yaml, indent);
    yaml_num(b, "kappa", c->after.has_kappa, c->after.kappa);
    qc_buf_printf(b, " (%+.4f), ",
                  kappa_of(&c->after) - kappa_of(&cr->before));
    yaml_num(b, "precision", c->after.has_precision, c->after.precision);
    qc_buf_puts(b, ", ");
    yaml_num(b, "recall", c->after.has_recall, c->after.recall);
    qc_buf_printf(b, "; %s %zu turn%s: %zu right, %zu wrong\n",
                  c->role == QC_ROLE_HIT ? "codes" : "uncodes",
                  c->right + c->wrong, c->right + c->wrong == 1 ? "" : "s",
                  c->right, c->wrong);
    for (int right = 1; right >= 0; right--) {
      turn_list(r, c, base, gold, right, &turns);
      if (turns.len)
        qc_buf_printf(b, "%s  #   %s: %s\n", indent,
                      right ? "right" : "wrong", turns.ptr);
    }
  }
  qc_buf_release(&turns);
}

/* ---- the run ---- */

static qc_status suggest_code(run *r, size_t code, code_result *cr,
                              uint64_t *base, uint64_t *gold) {
  size_t nw = r->nw;
  uint64_t *missed = qc_xcalloc(nw + 1, 8), *wrong = qc_xcalloc(nw + 1, 8),
           *scratch = qc_xcalloc(nw + 1, 8);
  const char *path = qc_codebook_code_path(r->cb, code);
  for (size_t i = 0; i < r->n; i++) {
    const seg *s = &r->sg->segs[r->eval[i]];
    if (gold_has(r, s, path))
      set_bit(gold, i);
  }
  agreement_of(r, base, gold, &cr->before);
  for (size_t x = 0; x < nw; x++) {
    missed[x] = gold[x] & ~base[x];
    wrong[x] = base[x] & ~gold[x];
  }
  qc_status s = QC_OK;
  for (int role = 0; role < 2 && s == QC_OK; role++) {
    qc_rule_role rr = role ? QC_ROLE_EXCLUDE : QC_ROLE_HIT;
    const uint64_t *target = role ? wrong : missed;
    cand_list cl = {0}, pairs = {0};
    if (popcount_and(target, NULL, nw) >= r->opts->min_turns)
      base_candidates(r, code, target, rr, &cl);
    s = probe(r, code, &cl, scratch);
    if (s == QC_OK && rr == QC_ROLE_HIT) {
      near_candidates(r, &cl, target, &pairs);
      s = probe(r, code, &pairs, scratch);
      for (size_t i = 0; i < pairs.n; i++) {
        QC_GROW(cl.v, cl.cap, cl.n + 1);
        cl.v[cl.n++] = pairs.v[i];
      }
      free(pairs.v);
    }
    for (size_t i = 0; i < cl.n; i++)
      score(r, &cl.v[i], base, gold, scratch);
    if (cl.n > 1)
      qsort(cl.v, cl.n, sizeof *cl.v, by_gain);
    /* the best few, measured afresh one by one, then ranked again */
    cand_list *keep = role ? &cr->excl : &cr->hit;
    size_t want = r->opts->top, tried = 0;
    for (size_t i = 0; i < cl.n && s == QC_OK && tried < want + 3; i++) {
      cand *c = &cl.v[i];
      if (kappa_of(&c->after) <= kappa_of(&cr->before))
        break; /* sorted: no later one gains */
      if (c->right < r->opts->min_turns)
        continue;
      bool dup = false;
      for (size_t k = 0; k < keep->n && !dup; k++)
        dup = same_change(r, &keep->v[k], c);
      if (dup)
        continue;
      tried++;
      s = verify(r, code, c, base, gold, scratch);
      if (s != QC_OK || kappa_of(&c->after) <= kappa_of(&cr->before) ||
          c->right < r->opts->min_turns)
        continue;
      QC_GROW(keep->v, keep->cap, keep->n + 1);
      keep->v[keep->n++] = *c;
      memset(c, 0, sizeof *c); /* moved */
    }
    if (keep->n > 1)
      qsort(keep->v, keep->n, sizeof *keep->v, by_gain);
    for (size_t i = want; i < keep->n; i++) {
      free(keep->v[i].yaml);
      free(keep->v[i].item);
      free(keep->v[i].fires);
    }
    if (keep->n > want)
      keep->n = want;
    release_cands(&cl);
  }
  free(missed);
  free(wrong);
  free(scratch);
  return s;
}

static qc_status codes_to_learn(run *r, const qc_strmap *used, size_t **out,
                                size_t *n) {
  size_t nc = qc_codebook_code_count(r->cb);
  *out = qc_xcalloc(nc + 1, sizeof **out);
  *n = 0;
  if (r->opts->ncodes) {
    for (size_t i = 0; i < r->opts->ncodes; i++) {
      size_t k = qc_codebook_code_find(r->cb, r->opts->codes[i]);
      if (k == (size_t)-1)
        return qc_error_set(r->err, QC_ERR_USAGE, NULL, 0, 0, 0,
                            "no code '%s' in '%s'", r->opts->codes[i],
                            r->name);
      (*out)[(*n)++] = k;
    }
    return QC_OK;
  }
  for (size_t k = 0; k < nc; k++) {
    const char *p = qc_codebook_code_path(r->cb, k);
    size_t v;
    if (qc_strmap_get(used, p, strlen(p), &v))
      (*out)[(*n)++] = k;
  }
  return QC_OK;
}

qc_status qc_suggest_run(const qc_suggest *sg, const char *codebook,
                         const char *sheet, const qc_suggest_opts *opts,
                         char **out, size_t *outlen, qc_error *err) {
  run r = {0};
  r.sg = sg;
  r.opts = opts;
  r.name = codebook;
  r.err = err;
  qc_buf text = QC_BUF_INIT;
  if (opts->warning)
    *opts->warning = NULL;
  if (opts->refused)
    *opts->refused = 0;
  qc_strmap turns = QC_STRMAP_INIT, used = QC_STRMAP_INIT;
  qc_delim d = {0};
  size_t *codes = NULL, ncodes = 0, unsheeted = 0, elsewhere = 0;
  code_result *res = NULL;
  uint64_t **bases = NULL, **golds = NULL;
  qc_status s = qc_buf_read_file(&text, codebook, err);
  r.data = text.ptr ? text.ptr : "";
  r.len = text.len;
  if (s == QC_OK)
    s = qc_codebook_load_extra(&r.cb, r.data, r.len, r.name, NULL, 0, err);
  if (s == QC_OK)
    s = read_sheet(&r, sheet, &turns, &used, &d);
  if (s == QC_OK)
    s = match_turns(&r, sheet, &turns, &d, &unsheeted, &elsewhere);
  if (s == QC_OK && r.n == 0)
    s = qc_error_set(err, QC_ERR_DATA, sheet, 0, 0, 0,
                     "the sheet codes none of the segments of the files "
                     "given: it names files as `qcode code` does in its "
                     "file column (compare %s)",
                     *r.unmatched ? r.unmatched : "its file column");
  if (s == QC_OK)
    s = codes_to_learn(&r, &used, &codes, &ncodes);
  if (s == QC_OK) {
    collect_words(&r);
    index_irregular_verbs(&r);
    res = qc_xcalloc(ncodes + 1, sizeof *res);
    bases = qc_xcalloc(ncodes + 1, sizeof *bases);
    golds = qc_xcalloc(ncodes + 1, sizeof *golds);
    uint64_t *kids = qc_xcalloc(r.nw + 1, 8);
    r.kids = kids;
    for (size_t i = 0; i < ncodes && s == QC_OK; i++) {
      res[i].code = codes[i];
      bases[i] = qc_xcalloc(r.nw + 1, 8);
      golds[i] = qc_xcalloc(r.nw + 1, 8);
      s = code_turns(&r, r.cb, codes[i], bases[i], kids, NO_RULE, NULL);
      if (s == QC_OK)
        s = suggest_code(&r, codes[i], &res[i], bases[i], golds[i]);
    }
    free(kids);
    r.kids = NULL;
  }
  if (s == QC_OK) {
    qc_buf *b = &r.out;
    if (opts->yaml) {
      qc_buf_printf(b,
                    "# qcode suggest: rules for '%s' that raise Cohen's kappa "
                    "against '%s'\n# on its %zu turns in the files given; "
                    "each is measured alone, on the\n# codebook as it is. "
                    "Paste an item under the code's rules: list (or its\n"
                    "# exclude: rules: list), then run suggest again for "
                    "the next round.\n",
                    codebook, sheet, r.n);
      for (size_t i = 0; i < ncodes; i++) {
        const code_result *cr = &res[i];
        qc_buf_printf(b, "%s:\n  # now: ",
                      qc_codebook_code_path(r.cb, cr->code));
        yaml_num(b, "kappa", cr->before.has_kappa, cr->before.kappa);
        qc_buf_puts(b, ", ");
        yaml_num(b, "precision", cr->before.has_precision,
                 cr->before.precision);
        qc_buf_puts(b, ", ");
        yaml_num(b, "recall", cr->before.has_recall, cr->before.recall);
        qc_buf_printf(b, "; %zu turns coded on the sheet, %zu by qcode\n",
                      cr->before.a + cr->before.c, cr->before.a + cr->before.b);
        if (cr->hit.n) {
          qc_buf_puts(b, "  rules:\n");
          yaml_items(&r, cr, &cr->hit, bases[i], golds[i], "    ", b);
        }
        if (cr->excl.n) {
          qc_buf_puts(b, "  exclude:\n    rules:\n");
          yaml_items(&r, cr, &cr->excl, bases[i], golds[i], "      ", b);
        }
        if (!cr->hit.n && !cr->excl.n)
          qc_buf_puts(b, "  # no rule of the kinds tried raises its kappa\n");
      }
    } else {
      static const char *const cols[] = {
          "code",           "action",          "rank",
          "kind",           "rule",            "changed",
          "right",          "wrong",           "kappa_before",
          "kappa_after",    "kappa_change",    "precision_before",
          "precision_after", "recall_before",  "recall_after",
          "right_turns",    "wrong_turns"};
      qc_table t;
      qc_table_begin(&t, b, opts->format, cols, sizeof cols / sizeof *cols);
      for (size_t i = 0; i < ncodes; i++) {
        table_rows(&r, &t, &res[i], &res[i].hit, bases[i], golds[i]);
        table_rows(&r, &t, &res[i], &res[i].excl, bases[i], golds[i]);
      }
      qc_table_end(&t);
    }
    if (opts->warning && (unsheeted || elsewhere)) {
      qc_buf w = QC_BUF_INIT;
      if (unsheeted)
        qc_buf_printf(&w, "%zu segment%s of the files given %s not on the "
                      "sheet and %s left out",
                      unsheeted, unsheeted == 1 ? "" : "s",
                      unsheeted == 1 ? "is" : "are",
                      unsheeted == 1 ? "is" : "are");
      if (elsewhere)
        qc_buf_printf(&w, "%s%zu turn%s of the sheet %s in files not given",
                      w.len ? "; " : "", elsewhere, elsewhere == 1 ? "" : "s",
                      elsewhere == 1 ? "is" : "are");
      *opts->warning = qc_buf_detach(&w, NULL);
    }
    *out = qc_buf_detach(&r.out, outlen);
  }
  for (size_t i = 0; res && i < ncodes; i++) {
    release_cands(&res[i].hit);
    release_cands(&res[i].excl);
    free(bases[i]);
    free(golds[i]);
  }
  free(res);
  free(bases);
  free(golds);
  free(codes);
  for (size_t i = 0; r.words && i < r.n; i++) {
    for (char **w = r.words[i]; *w; w++)
      free(*w);
    free(r.words[i]);
  }
  free(r.words);
  for (size_t i = 0; i < r.nverb_lemmas; i++)
    free(r.verb_lemmas[i]);
  free(r.verb_lemmas);
  qc_strmap_release(&r.verb_of);
  qc_strmap_release(&r.attested);
  free(r.eval);
  qc_strmap_release(&r.gold);
  qc_strmap_release(&turns);
  qc_strmap_release(&used);
  qc_delim_release(&d);
  qc_buf_release(&r.out);
  qc_codebook_free(r.cb);
  qc_buf_release(&text);
  return s;
}
