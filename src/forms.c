/* forms.c: the word forms of a Dutch lemma, for codebook rules that name a
 * lemma and for `qcode forms`.
 *
 * Verbs follow the spelling rules of the regular verbs (ANS 2.3.2): the
 * stem from the infinitive (a vowel doubled in an open syllable, a double
 * consonant made single, final v and z devoiced), 't kofschip for -te or
 * -de, ge- except after an unstressed prefix. The strong and irregular verbs
 * come from src/forms-verbs.tsv (ANS 2.3.5 and 2.3.6), also for their
 * prefixed and separable compounds. Nouns get their plurals (-en, -s, -'s,
 * and src/forms-nouns.tsv) and diminutives (-je, -tje, -pje, -etje, -kje, as
 * in e-ANS 12.4.2.2.3.1), adjectives their inflected, comparative and
 * superlative forms.
 *
 * The rules see spelling, not pronunciation: stress and schwa are guessed
 * from the letters (tafel has a schwa, so tafeltje; hotel gets the same
 * and is wrong), and so is a foreign -eren verb (registreren, registreer)
 * against a native one (leveren, lever). `qcode forms` shows the result.
 */
#include "forms.h"
#include "buf.h"
#include "error.h"
#include "memory.h"
#include "table.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

/* The tables, one string per row, columns separated by tabs; generated
 * from the .tsv files (see the top of each .inc). */
static const char *const verb_rows[] = {
#include "forms-verbs.inc"
    NULL};
static const char *const noun_rows[] = {
#include "forms-nouns.inc"
    NULL};

/* ---- words: small strings on the stack. A lemma is at most
 * QC_FORMS_MAX_LEMMA bytes and no rule adds more than a few dozen. ---- */

#define MAXW (QC_FORMS_MAX_LEMMA + 64)

typedef struct word {
  char s[MAXW];
  size_t n;
} word;

static void w_add(word *w, const char *s, size_t n) {
  if (w->n >= MAXW - 1) /* cannot happen within the lemma limit */
    return;
  if (n > MAXW - 1 - w->n)
    n = MAXW - 1 - w->n;
  memcpy(w->s + w->n, s, n);
  w->n += n;
  w->s[w->n] = '\0';
}

static void w_set(word *w, const char *s, size_t n) {
  w->n = 0;
  w_add(w, s, n);
}

static void w_addz(word *w, const char *s) { w_add(w, s, strlen(s)); }

static void w_cut(word *w, size_t n) {
  w->n = n < w->n ? n : w->n;
  w->s[w->n] = '\0';
}

static char w_last(const word *w, size_t back) {
  return w->n > back ? w->s[w->n - 1 - back] : '\0';
}

static bool ends(const char *s, size_t n, const char *suf) {
  size_t k = strlen(suf);
  return n >= k && memcmp(s + n - k, suf, k) == 0;
}

static bool starts(const char *s, size_t n, const char *pre) {
  size_t k = strlen(pre);
  return n >= k && memcmp(s, pre, k) == 0;
}

static bool ends_any(const char *s, size_t n, const char *const *list) {
  for (; *list; list++)
    if (ends(s, n, *list))
      return true;
  return false;
}

static bool in_list(const char *s, size_t n, const char *const *list) {
  for (; *list; list++)
    if (strlen(*list) == n && memcmp(*list, s, n) == 0)
      return true;
  return false;
}

/* Letters that spell vowels; the bytes of ë, é, ï, ü and the like count
 * as vowels, which is what the rules need of them. */
static bool vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' ||
         (unsigned char)c >= 0x80;
}

static bool consonant(char c) { return c >= 'a' && c <= 'z' && !vowel(c); }

static bool has_vowel(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (vowel(s[i]))
      return true;
  return false;
}

/* s[i] is a single vowel of 'set' (not part of a digraph such as oe or
 * ij), as the a of maken; s[lo] counts as the start of the word. */
static bool single_vowel_from(const char *s, size_t i, const char *set,
                              size_t lo) {
  return s[i] && strchr(set, s[i]) && (i <= lo || !vowel(s[i - 1])) &&
         !vowel(s[i + 1]) && !(s[i] == 'i' && s[i + 1] == 'j');
}

static bool single_vowel(const char *s, size_t i, const char *set) {
  return single_vowel_from(s, i, set, 0);
}

static bool in_set(char c, const char *set) { return c && strchr(set, c); }

/* ---- the tables ---- */

#define MAXCOLS 5

typedef struct row {
  qc_forms_field col[MAXCOLS];
} row;

/* Splits table row 'line' into its columns. */
static void read_row(const char *line, row *r) {
  memset(r, 0, sizeof *r);
  for (size_t c = 0; c < MAXCOLS; c++) {
    size_t k = strcspn(line, "\t");
    r->col[c] = (qc_forms_field){line, k};
    if (!line[k])
      break;
    line += k + 1;
  }
}

static bool field_is(qc_forms_field f, const char *s) {
  return f.len == strlen(s) && memcmp(f.s, s, f.len) == 0;
}

static bool find_row(const char *const *table, const char *w, size_t n,
                     row *r) {
  for (; *table; table++)
    if (strncmp(*table, w, n) == 0 && (*table)[n] == '\t') {
      read_row(*table, r);
      return true;
    }
  return false;
}

static bool find_verb(const char *v, size_t n, row *r) {
  return find_row(verb_rows, v, n, r);
}

size_t qc_forms_verb_count(void) {
  return sizeof verb_rows / sizeof *verb_rows - 1;
}

void qc_forms_verb_at(size_t i, qc_forms_field cols[5]) {
  row r;
  read_row(i < qc_forms_verb_count() ? verb_rows[i] : "", &r);
  memcpy(cols, r.col, 5 * sizeof *cols);
}

/* ---- collecting forms ---- */

static void push(qc_form **arr, size_t *n, size_t *cap, const char *text,
                 size_t len, const char *tag) {
  for (size_t i = 0; i < *n; i++)
    if (strlen((*arr)[i].text) == len && !memcmp((*arr)[i].text, text, len))
      return;
  QC_GROW(*arr, *cap, *n + 1);
  (*arr)[(*n)++] = (qc_form){qc_xstrndup(text, len), tag};
}

static void add(qc_forms *f, const word *w, const char *tag) {
  if (w->n)
    push(&f->v, &f->n, &f->cap, w->s, w->n, tag);
}

static void add_split(qc_forms *f, const word *w, const char *tag) {
  if (w->n)
    push(&f->split, &f->nsplit, &f->split_cap, w->s, w->n, tag);
}

/* A form with up to MAXALT alternatives (vroeg, vraagde). */
#define MAXALT 4

typedef struct slot {
  word w[MAXALT];
  int n;
} slot;

static word *slot_new(slot *sl) {
  if (sl->n == MAXALT)
    return &sl->w[MAXALT - 1]; /* overwrite: no table cell has more */
  word *w = &sl->w[sl->n++];
  w->n = 0;
  w->s[0] = '\0';
  return w;
}

/* Adds each '/'-separated alternative of 'f' after 'pre' (a prefix of the
 * lemma); 'strip_ge' drops a participle's ge- (begrijpen: begrepen). */
static void slot_field(slot *sl, const word *pre, const char *s, size_t n,
                       bool strip_ge) {
  const char *end = s + n;
  while (s < end) {
    const char *e = memchr(s, '/', (size_t)(end - s));
    e = e ? e : end;
    size_t k = (size_t)(e - s), skip = strip_ge && starts(s, k, "ge") ? 2 : 0;
    word *w = slot_new(sl);
    *w = *pre;
    w_add(w, s + skip, k - skip);
    s = e < end ? e + 1 : end;
  }
}

static void add_slot(qc_forms *f, const word *pre, const slot *sl,
                     const char *tag) {
  for (int i = 0; i < sl->n; i++) {
    word w = *pre;
    w_add(&w, sl->w[i].s, sl->w[i].n);
    add(f, &w, tag);
  }
}

static void split_slot(qc_forms *f, const slot *sl, const char *tag) {
  for (int i = 0; i < sl->n; i++)
    add_split(f, &sl->w[i], tag);
}

/* ---- adjective -e, shared by the inflected participle ---- */

static bool schwa_end(const char *s, size_t n);

/* Devoiced f and s of the singular become v and z before a vowel after a
 * long vowel or diphthong (lief, lieve; huis, huizen). */
static void voice(word *w) {
  char c = w_last(w, 0);
  if (c == 'f')
    w->s[w->n - 1] = 'v';
  else if (c == 's')
    w->s[w->n - 1] = 'z';
}

/* The stem of 'w' before a vowel ending (-e, -er, -en): a long vowel
 * written double becomes single (groot, grot-), a short stressed one gets
 * its consonant doubled (snel, snell-), f/s are voiced after a long vowel
 * or diphthong when 'voiced'. 'w' ends in a consonant. */
static void open_stem(word *w, bool voiced) {
  size_t n = w->n;
  const char *s = w->s;
  if (n < 2 || !consonant(s[n - 1]) || ends(s, n, "ij"))
    return;
  bool long_vowel = n >= 3 && ((vowel(s[n - 2]) && vowel(s[n - 3])) ||
                               (s[n - 2] == 'j' && s[n - 3] == 'i'));
  if (long_vowel) {
    if (s[n - 2] == s[n - 3] && strchr("aeou", s[n - 2]) &&
        (n < 4 || !vowel(s[n - 4]))) { /* aa ee oo uu: write one */
      char c = s[n - 1];
      w_cut(w, n - 2);
      w_add(w, &c, 1);
    }
    if (voiced)
      voice(w);
    return;
  }
  bool suffix = (ends(s, n, "ig") || ends(s, n, "ik")) && has_vowel(s, n - 2);
  if (single_vowel(s, n - 2, "aeiou") && !in_set(s[n - 1], "wxy") &&
      !schwa_end(s, n) && !suffix) { /* nuttige, monniken; not dikke */
    char c = s[n - 1];
    w_add(w, &c, 1);
  }
}

/* The final e of s[0..n) (before an optional l, m, n or r) is a schwa: a
 * single e after a consonant, with a vowel before it (tafel, keuken,
 * ziekte; not spel or idee). */
static bool schwa_end(const char *s, size_t n) {
  size_t e = n;
  if (n && in_set(s[n - 1], "lmnr"))
    e = n - 1;
  if (e < 2 || s[e - 1] != 'e' || !consonant(s[e - 2]))
    return false;
  return has_vowel(s, e - 2);
}

/* The inflected form of an adjective or participle: groot, grote; snel,
 * snelle; lief, lieve; gevuld, gevulde. Nothing for one that ends in -e
 * or a schwa -en (moe, open, gesloten). */
static bool inflect(const word *base, word *out) {
  const char *s = base->s;
  size_t n = base->n;
  if (!n || s[n - 1] == 'e' || (ends(s, n, "en") && schwa_end(s, n)))
    return false;
  *out = *base;
  if (!ends(s, n, "isch")) {
    bool after_lr = n >= 2 && (s[n - 2] == 'l' || s[n - 2] == 'r');
    open_stem(out, true);
    if (after_lr && s[n - 1] == 'f') /* half, halve */
      voice(out);
  }
  w_addz(out, "e");
  return true;
}

/* ---- verbs ---- */

/* Unstressed and inseparable prefixes; the second group is separable in
 * some verbs and not in others (voorkomen), and taken as inseparable
 * unless the lemma marks it with '|'. Longest first. */
static const char *const prefixes[] = {
    "achter", "onder", "over", "door", "voor", "weer", "ver", "her",
    "ont",    "mis",   "vol",  "be",   "ge",   "er",   "om",  NULL};

/* Verbs that look prefixed and are not (herbergen: geherbergd). */
static const char *const not_prefixed[] = {"ergeren", "herbergen", NULL};

/* Verbs whose aan- is an inseparable prefix (aanvaarden: aanvaard). */
static const char *const inseparable_aan[] = {"aanbidden", "aanschouwen",
                                              "aanvaarden", NULL};

static bool foreign_root(const char *v, size_t n);

/* Prefixed verbs that are weak although their base is in the table
 * (ontmoeten: ontmoette, not like moeten). */
static const char *const not_from_table[] = {"ontmoeten", NULL};

/* The root 's[0..n)' after a prefix looks like a verb of its own: it ends
 * in -en with a vowel before, or is a verb of the table (gaan). After be-
 * and ge- it does not start with e, i or u, which would make a digraph
 * (beuken, geeuwen are no prefixed verbs). */
static bool verb_like(const char *s, size_t n) {
  row r;
  if (find_verb(s, n, &r))
    return true;
  return n >= 4 && ends(s, n, "en") && has_vowel(s, n - 2);
}

/* Length of the one prefix at the start of v[0..n), or 0. A foreign verb
 * takes be-, her- and the like (bestuderen) but starts with ge-, ver-,
 * ont- or er- of its own (genereren, verifiëren). */
static size_t one_prefix(const char *v, size_t n) {
  for (const char *const *p = prefixes; *p; p++) {
    size_t k = strlen(*p);
    if (!starts(v, n, *p) || !verb_like(v + k, n - k))
      continue;
    if ((*p)[k - 1] == 'e' && in_set(v[k], "eiu"))
      continue;
    if (foreign_root(v + k, n - k) &&
        in_list(*p, k, (const char *const[]){"ge", "ver", "ont", "er", NULL}))
      continue;
    return k;
  }
  return 0;
}

/* Length of all prefixes at the start of v (verontschuldigen: 6). */
static size_t prefix_len(const char *v, size_t n) {
  if (in_list(v, n, not_prefixed))
    return 0;
  size_t off = in_list(v, n, inseparable_aan) ? 3 : 0, k;
  while ((k = one_prefix(v + off, n - off)) > 0)
    off += k;
  return off;
}

/* Foreign verbs in -eren with a stressed, long e (registreren, registreer)
 * against native ones with a schwa (leveren, lever), by their endings.
 * 'v' ends in -eren. */
static bool foreign_eren(const char *v, size_t n) {
  static const char *const endings[] = {
      "seren",    "ceren",    "reren",  "xeren",  "ueren",  "leren",
      "nteren",   "pteren",   "cteren", "kteren", "rteren", "iteren",
      "oteren",   "uteren",   "ineren", "oneren", "eneren", "aneren",
      "ageren",   "egeren",   "igeren", "ogeren", "ideren", "uderen",
      "rmeren",   "umeren",   "oberen", "rberen", "rveren", "iveren",
      "noveren",  "okkeren",  "rkeren", "iperen", "cheren", "reteren",
      "aarderen", "rammeren", NULL};
  static const char *const native[] = {"slenteren", NULL};
  if (ends(v, n, "eigeren") || ends_any(v, n, native))
    return false;
  if (ends_any(v, n, endings))
    return true;
  /* investeren, protesteren; not luisteren, fluisteren */
  return n >= 8 && ends(v, n, "steren") && vowel(v[n - 7]) && !vowel(v[n - 8]);
}

/* A foreign verb in stressed -eren or -ëren (verifiëren, registreren). */
static bool foreign_root(const char *v, size_t n) {
  return ends(v, n, "\xc3\xabren") ||
         (n >= 6 && ends(v, n, "eren") && consonant(v[n - 5]) &&
          has_vowel(v, n - 4) && foreign_eren(v, n));
}

/* The infinitive root (after its prefixes) ends in a schwa syllable, so
 * that its stem is the infinitive without -en: tekenen, wandelen,
 * veranderen, ademen; not delen, spelen or registreren, nor a compound
 * ending in one (oordelen: oordeel; but wandelen, bundelen). */
static bool schwa_stem(const char *v, size_t n) {
  if (n < 5 || !ends(v, n, "en") || !in_set(v[n - 3], "lmnr") ||
      v[n - 4] != 'e' || !consonant(v[n - 5]) || !has_vowel(v, n - 5))
    return false;
  if (ends(v, n, "spelen") || ends(v, n, "stelen") ||
      (ends(v, n, "delen") && v[n - 6] != 'n'))
    return false;
  return v[n - 3] != 'r' || !foreign_eren(v, n);
}

/* The stem of a regular verb (maken: maak; zetten: zet; leven: leef;
 * tekenen: teken; registreren: registreer) and whether its past takes -te
 * ('t kofschip, judged before devoicing: leven, leefde). */
static void weak_stem(const char *v, size_t n, word *stem, bool *voiceless) {
  size_t root = prefix_len(v, n);
  if (ends(v, n, "\xc3\xabn")) /* skiën: ski */
    w_set(stem, v, n - 3);
  else if (ends(v, n, "en"))
    w_set(stem, v, n - 2);
  else
    w_set(stem, v, n - 1);
  char *s = stem->s;
  size_t k = stem->n;
  if (ends(s, k, "i\xc3\xabr")) { /* kopiëren: kopieer */
    w_cut(stem, k - 3);
    w_addz(stem, "eer");
  } else if (ends(s, k, "\xc3\xabr")) { /* creëren: creëer */
    w_cut(stem, k - 1);
    w_addz(stem, "er");
  } else if (ends(s, k, "uer")) { /* evalueren: evalueer */
    w_cut(stem, k - 1);
    w_addz(stem, "er");
  } else if (!schwa_stem(v + root, n - root)) {
    if (k >= 2 && s[k - 1] == s[k - 2] && consonant(s[k - 1]))
      w_cut(stem, k - 1);
    else if (k >= 2 && consonant(s[k - 1]) && !in_set(s[k - 1], "wx") &&
             single_vowel_from(s, k - 2, "aeou", root)) {
      char c = s[k - 1];
      w_cut(stem, k - 1);
      w_add(stem, &s[k - 2], 1);
      w_add(stem, &c, 1);
    }
  }
  k = stem->n;
  char last = w_last(stem, 0), before = w_last(stem, 1);
  *voiceless = in_set(last, "tkfspx") ||
               (last == 'h' && (before == 'c' || before == 's')); /* ch, sh */
  if (last == 'v')
    s[k - 1] = 'f';
  else if (last == 'z')
    s[k - 1] = 's';
}

/* The principal parts of a verb without its separable particle. */
typedef struct paradigm {
  slot pres1, pres2, pres3, past_sg, past_pl, part;
  bool inflect_part; /* the participle + -e is a form (not: gehad) */
  bool silent_e;     /* a loan whose stem ends in -e (update) */
} paradigm;

/* "ge" and the stem, with a diaeresis where the vowels would merge
 * (geëist, geïnd, geüpdatet; but geuit, geijkt). */
static void ge_join(word *w, const word *stem) {
  const char *s = stem->s;
  w_set(w, "ge", 2);
  if (s[0] == 'e') {
    w_addz(w, "\xc3\xab");
    s++;
  } else if (s[0] == 'i' && s[1] != 'j') {
    w_addz(w, "\xc3\xaf");
    s++;
  } else if (s[0] == 'u' && s[1] != 'i') {
    w_addz(w, "\xc3\xbc");
    s++;
  }
  w_addz(w, s);
}

/* The stem before the endings -t, -de, -te, -d: with an e after a final
 * i (ski, skiet, skiede, geskied). */
static word ending_base(const word *stem) {
  word w = *stem;
  if (w_last(stem, 0) == 'i' && !vowel(w_last(stem, 1)))
    w_addz(&w, "e");
  return w;
}

static void weak_present(paradigm *p, const word *stem) {
  *slot_new(&p->pres1) = *stem;
  word *w = slot_new(&p->pres3);
  *w = ending_base(stem);
  if (w_last(stem, 0) != 't')
    w_addz(w, "t");
}

static void weak(paradigm *p, const char *v, size_t n) {
  word stem;
  bool voiceless;
  weak_stem(v, n, &stem, &voiceless);
  weak_present(p, &stem);
  word base = ending_base(&stem);
  word *w = slot_new(&p->past_sg);
  *w = base;
  w_addz(w, voiceless ? "te" : "de");
  w = slot_new(&p->past_pl);
  *w = base;
  w_addz(w, voiceless ? "ten" : "den");
  w = slot_new(&p->part);
  if (prefix_len(v, n) > 0)
    *w = base;
  else
    ge_join(w, &base);
  char last = w_last(&stem, 0);
  if (last != 't' && last != 'd')
    w_addz(w, voiceless ? "t" : "d");
  p->inflect_part = true;
}

/* The present column of the table: "ik jij hij", each with '/'
 * alternatives. */
static void table_present(paradigm *p, const word *pre, qc_forms_field f) {
  slot *slots[] = {&p->pres1, &p->pres2, &p->pres3};
  const char *s = f.s, *end = f.s + f.len;
  for (int i = 0; i < 3 && s < end; i++) {
    const char *e = memchr(s, ' ', (size_t)(end - s));
    e = e ? e : end;
    slot_field(slots[i], pre, s, (size_t)(e - s), false);
    s = e < end ? e + 1 : end;
  }
}

/* The auxiliaries and modals, whose participle has no inflected form. */
static const char *const no_inflected_part[] = {
    "hebben", "zijn", "kunnen", "mogen", "moeten", "zullen", NULL};

/* Fills 'p' from table row 'r' for v[0..n), whose first 'plen' bytes are
 * prefixes before the table's verb (be+grijpen). */
static void from_table(paradigm *p, const char *v, size_t n, const row *r,
                       size_t plen) {
  word pre;
  w_set(&pre, v, plen);
  slot_field(&p->past_sg, &pre, r->col[1].s, r->col[1].len, false);
  slot_field(&p->past_pl, &pre, r->col[2].s, r->col[2].len, false);
  /* be+grijpen: begrepen, ver+geven: vergeven; but a table verb whose own
   * ge- is no prefix keeps it (genieten, genoten) */
  bool own_ge = starts(r->col[0].s, r->col[0].len, "ge") &&
                !starts(r->col[3].s, r->col[3].len, "gege");
  if (!field_is(r->col[3], "-"))
    slot_field(&p->part, &pre, r->col[3].s, r->col[3].len, plen > 0 && !own_ge);
  if (field_is(r->col[4], "-") || r->col[4].len == 0) {
    word stem;
    bool voiceless;
    weak_stem(v, n, &stem, &voiceless);
    weak_present(p, &stem);
  } else {
    table_present(p, &pre, r->col[4]);
  }
  p->inflect_part = !in_list(r->col[0].s, r->col[0].len, no_inflected_part);
  p->silent_e = p->pres1.n && w_last(&p->pres1.w[0], 0) == 'e';
}

/* Finds the table row of v or of the verb after its prefixes
 * (overwinnen: winnen); '*plen' is the prefixes' length. */
static bool find_base(const char *v, size_t n, row *r, size_t *plen) {
  *plen = 0;
  if (find_verb(v, n, r))
    return true;
  if (in_list(v, n, not_from_table) || in_list(v, n, not_prefixed))
    return false;
  size_t off = in_list(v, n, inseparable_aan) ? 3 : 0, k;
  if (off && find_verb(v + off, n - off, r)) { /* aanbidden: aanbad */
    *plen = off;
    return true;
  }
  while ((k = one_prefix(v + off, n - off)) > 0) {
    off += k;
    if (find_verb(v + off, n - off, r)) {
      *plen = off;
      return true;
    }
  }
  return false;
}

static void conjugate(const char *v, size_t n, paradigm *p) {
  memset(p, 0, sizeof *p);
  row r;
  size_t plen;
  if (find_base(v, n, &r, &plen))
    from_table(p, v, n, &r, plen);
  else
    weak(p, v, n);
}

/* Separable particles, longest first. Left out, because they are also
 * inseparable prefixes or too often the start of other verbs: over,
 * onder, door, om, voor, achter, mis, vol, weer. */
static const char *const particles[] = {
    "achteruit", "tegemoet", "terecht", "voorbij", "vooruit", "bekend",
    "bijeen",    "binnen",   "buiten",  "kennis",  "omhoog",  "omlaag",
    "plaats",    "schoon",   "tekort",  "teleur",  "teniet",  "teweeg",
    "tewerk",    "uiteen",   "dicht",   "kapot",   "klaar",   "kwijt",
    "langs",     "samen",    "tegen",   "terug",   "thuis",   "voort",
    "adem",      "deel",     "gade",    "goed",    "heen",    "mede",
    "neer",      "open",     "rond",    "stil",    "stuk",    "vast",
    "vrij",      "aan",      "bij",     "les",     "los",     "mee",
    "toe",       "uit",      "weg",     "af",      "in",      "na",
    "op",        NULL};

/* Verbs that start like a particle and are not separable. */
static const char *const not_separable[] = {
    "aanbidden", "aanschouwen", "aanvaarden", "afficheren", "interviewen",
    "naaien",    "naderen",     "nagelen",    "openbaren",  "openen",
    "opperen",   "opteren",     "toeteren",   "vrijwaren",  NULL};

/* Length of the separable particle of v[0..n), or 0. */
static size_t particle_len(const char *v, size_t n) {
  row r;
  if (find_verb(v, n, &r) || in_list(v, n, not_separable))
    return 0;
  for (const char *const *p = particles; *p; p++) {
    size_t k = strlen(*p);
    if (!starts(v, n, *p) || !verb_like(v + k, n - k))
      continue;
    /* informeren, opereren, navigeren, interpreteren: a Latin in-, not
     * the particle */
    bool latin = !strcmp(*p, "in") || !strcmp(*p, "op") || !strcmp(*p, "na");
    if (latin && (foreign_root(v + k, n - k) || starts(v, n, "inter")))
      continue;
    return k;
  }
  return 0;
}

static void emit_verb(qc_forms *f, const word *particle, const char *base,
                      size_t n, const paradigm *p) {
  word inf = *particle, w;
  w_add(&inf, base, n);
  add(f, &inf, "infinitive");
  add_slot(f, particle, &p->pres1, "present 1sg");
  add_slot(f, particle, &p->pres3, "present 3sg");
  add_slot(f, particle, &p->pres2, "present 2sg");
  add(f, &inf, "present plural");
  add_slot(f, particle, &p->past_sg, "past singular");
  add_slot(f, particle, &p->past_pl, "past plural");
  add_slot(f, particle, &p->part, "participle");
  for (int i = 0; i < p->part.n && p->inflect_part; i++) {
    word part = *particle;
    w_add(&part, p->part.w[i].s, p->part.w[i].n);
    char last = w_last(&part, 0);
    if (last != 't' && last != 'd')
      continue;
    if (p->silent_e) {
      w = part;
      w_addz(&w, "e");
      add(f, &w, "participle inflected");
    } else if (inflect(&part, &w)) {
      add(f, &w, "participle inflected");
    }
  }
  w = inf;
  w_addz(&w, "d");
  add(f, &w, "present participle");
  w_addz(&w, "e");
  add(f, &w, "present participle inflected");
}

static void emit_split(qc_forms *f, const char *base, size_t n,
                       const paradigm *p) {
  word inf;
  w_set(&inf, base, n);
  split_slot(f, &p->pres1, "present 1sg");
  split_slot(f, &p->pres3, "present 3sg");
  split_slot(f, &p->pres2, "present 2sg");
  add_split(f, &inf, "present plural");
  split_slot(f, &p->past_sg, "past singular");
  split_slot(f, &p->past_pl, "past plural");
}

static qc_status expand_verb(qc_forms *f, const char *lemma, qc_error *err) {
  size_t n = strlen(lemma), plen;
  const char *bar = strchr(lemma, '|');
  if (bar) {
    plen = (size_t)(bar - lemma);
    if (plen == 0 || !bar[1])
      return qc_error_set(err, QC_ERR_SCHEMA, NULL, 0, 0, 0,
                          "lemma '%s' needs a particle before '|' and a "
                          "verb after it",
                          lemma);
  } else {
    plen = particle_len(lemma, n);
  }
  const char *base = bar ? bar + 1 : lemma + plen;
  size_t bn = n - (size_t)(base - lemma);
  if (lemma[n - 1] != 'n')
    return qc_error_set(err, QC_ERR_SCHEMA, NULL, 0, 0, 0,
                        "verb lemma '%s' does not end in -n", lemma);
  paradigm p;
  conjugate(base, bn, &p);
  word particle;
  w_set(&particle, lemma, plen);
  emit_verb(f, &particle, base, bn, &p);
  if (plen) {
    f->particle = qc_xstrndup(lemma, plen);
    emit_split(f, base, bn, &p);
  }
  return QC_OK;
}

/* ---- nouns ---- */

/* Plurals of a noun ending in -ie: stressed -ie takes -ieën (categorie,
 * industrie, knie), unstressed -ies (informatie, familie) or -iën
 * (bacterie); where the ending does not tell, both -ies and -ieën. */
static void plural_ie(const char *s, size_t n, slot *pl) {
  static const char *const stressed[] = {"cratie", "asie", "gie",  "fie",
                                         "pie",    "trie", "orie", "nie",
                                         "mie",    "zie",  "odie", NULL};
  static const char *const unstressed[] = {"tie", "sie", "cie", "lie", NULL};
  word w;
  w_set(&w, s, n);
  bool ieen = !has_vowel(s, n - 2) || ends_any(s, n, stressed);
  bool ies = !ieen && (ends_any(s, n, unstressed) || ends(s, n, "erie"));
  if (ends(s, n, "erie")) { /* bacteriën; series */
    word *x = slot_new(pl);
    w_set(x, s, n - 1);
    w_addz(x, "\xc3\xabn");
  }
  if (!ieen) {
    word *x = slot_new(pl);
    *x = w;
    w_addz(x, "s");
  }
  if (!ies) {
    word *x = slot_new(pl);
    *x = w;
    w_addz(x, "\xc3\xabn");
  }
}

/* Plurals of a noun that ends in a vowel. */
static void plural_vowel(const char *s, size_t n, slot *pl) {
  word *w = slot_new(pl);
  w_set(w, s, n);
  char c = s[n - 1], b = n >= 2 ? s[n - 2] : '\0';
  if (ends(s, n, "ee")) {
    w_addz(w, "\xc3\xabn"); /* zeeën, ideeën */
  } else if (ends(s, n, "ij") || ends(s, n, "ei") || ends(s, n, "ui")) {
    w_addz(w, "en");                  /* partijen, uien */
  } else if (c == 'e' && !vowel(b)) { /* ziekte: ziektes, ziekten */
    w_addz(w, "s");
    w = slot_new(pl);
    w_set(w, s, n);
    w_addz(w, "n");
  } else if (in_set(c, "aiouy") && !vowel(b)) {
    w_addz(w, "'s"); /* foto's, menu's, baby's */
  } else {
    w_addz(w, "s"); /* cafés, bureaus, milieus */
  }
}

/* The -en plural with its spelling: uur, uren; bus, bussen; brief,
 * brieven; huis, huizen. Where s or f may stay voiceless (after l or r:
 * halzen, polsen), both are given. */
static void plural_en(const char *s, size_t n, slot *pl) {
  word w;
  w_set(&w, s, n);
  char c = s[n - 1], b = n >= 2 ? s[n - 2] : '\0';
  if (ends(s, n, "graaf") || ends(s, n, "soof")) { /* fotografen */
    w_cut(&w, n - 3);
    w_add(&w, s + n - 2, 2);
  } else if (ends(s, n, "ing") || ends(s, n, "ik")) {
    /* koningen, monniken: no doubling */
  } else if ((c == 's' || c == 'f') && in_set(b, "lnr")) {
    word voiced = w;
    voice(&voiced);
    w_addz(&voiced, "en");
    w_addz(&w, "en");
    if (c == 'f') { /* golven, werven */
      *slot_new(pl) = voiced;
    } else if (b == 'n') { /* mensen, kansen (grenzen is in the table) */
      *slot_new(pl) = w;
    } else { /* halzen, beurzen; polsen, koersen */
      *slot_new(pl) = voiced;
      *slot_new(pl) = w;
    }
    return;
  } else {
    open_stem(&w, true);
  }
  w_addz(&w, "en");
  *slot_new(pl) = w;
}

static void plural_rules(const char *s, size_t n, slot *pl) {
  word *w;
  if (ends(s, n, "je") || (schwa_end(s, n) && strchr("lmnr", s[n - 1]))) {
    w = slot_new(pl); /* huisjes; tafels, keukens, medewerkers */
    w_set(w, s, n);
    w_addz(w, "s");
    if (ends(s, n, "el")) { /* middels, middelen */
      w = slot_new(pl);
      w_set(w, s, n);
      w_addz(w, "en");
    }
  } else if (ends(s, n, "heid")) {
    w = slot_new(pl);
    w_set(w, s, n - 3);
    w_addz(w, "eden");
  } else if (ends(s, n, "ie")) {
    plural_ie(s, n, pl);
  } else if (vowel(s[n - 1]) || ends(s, n, "ij")) {
    plural_vowel(s, n, pl);
  } else if ((ends(s, n, "aar") || ends(s, n, "eur") ||
              (ends(s, n, "or") && single_vowel(s, n - 2, "o"))) &&
             has_vowel(s, n - 3)) {
    if (ends(s, n, "aar")) {
      plural_en(s, n, pl); /* leraren, leraars */
    } else {
      w = slot_new(pl); /* sectoren, sectors; directeuren, directeurs */
      w_set(w, s, n);
      w_addz(w, "en");
    }
    w = slot_new(pl);
    w_set(w, s, n);
    w_addz(w, "s");
  } else if (ends(s, n, "um") && has_vowel(s, n - 2)) {
    w = slot_new(pl); /* museums, musea; datums */
    w_set(w, s, n);
    w_addz(w, "s");
    if (ends(s, n, "ium") || ends(s, n, "eum") || ends(s, n, "trum")) {
      w = slot_new(pl);
      w_set(w, s, n - 2);
      w_addz(w, "a");
    }
  } else {
    plural_en(s, n, pl);
  }
}

/* The last vowel of s[0..n), before its final consonant, is short and
 * stressed: a single vowel, not a schwa (bal, pen, ster; not tafel). */
static bool short_stressed(const char *s, size_t n) {
  if (ends(s, n, "or") && has_vowel(s, n - 2))
    return false; /* sector, motor */
  return n >= 2 && consonant(s[n - 1]) && single_vowel(s, n - 2, "aeiou") &&
         !schwa_end(s, n);
}

/* s[0..n) + "en" is a verb with a schwa stem (teken-ing, verander-ing),
 * after which -ing keeps a secondary stress: tekeningetje. */
static bool after_schwa_verb(const char *s, size_t n) {
  word v;
  w_set(&v, s, n);
  w_addz(&v, "en");
  return schwa_stem(v.s, v.n);
}

/* The diminutive by the rules (e-ANS 12.4.2.2.3.1). */
static void diminutive(const char *s, size_t n, slot *dim) {
  word *w = slot_new(dim);
  w_set(w, s, n);
  char c = s[n - 1], b = n >= 2 ? s[n - 2] : '\0';
  if (ends(s, n, "ing") && has_vowel(s, n - 3) && !ends(s, n, "ling") &&
      !after_schwa_verb(s, n - 3)) {
    w_cut(w, n - 1); /* koninkje, woninkje, digitaliserinkje */
    w_addz(w, "kje");
  } else if (ends(s, n, "ng")) {
    w_addz(w, "etje"); /* ringetje, leerlingetje, tekeningetje */
  } else if (ends(s, n, "\xc3\xa9")) {
    w_cut(w, n - 2); /* cafeetje */
    w_addz(w, "eetje");
  } else if (vowel(c) || ends(s, n, "ij")) {
    if (in_set(c, "aou") && !vowel(b))
      w_add(w, &c, 1); /* autootje, omaatje, menuutje */
    w_addz(w, c == 'i' && !vowel(b)   ? "etje"
              : c == 'y' && !vowel(b) ? "'tje"
                                      : "tje");
  } else if (c == 'm') {
    if (short_stressed(s, n) && !(ends(s, n, "um") && has_vowel(s, n - 2))) {
      w_add(w, &c, 1); /* kammetje */
      w_addz(w, "etje");
    } else {
      w_addz(w, "pje"); /* boompje, bezempje, armpje, museumpje */
    }
  } else if (in_set(c, "lnr")) {
    if (short_stressed(s, n)) {
      w_add(w, &c, 1); /* balletje, pannetje, sterretje */
      w_addz(w, "etje");
    } else {
      w_addz(w, "tje"); /* stoeltje, uurtje, tafeltje, keukentje */
    }
  } else if (c == 'w') {
    w_addz(w, "tje"); /* vrouwtje */
  } else {
    w_addz(w, "je"); /* huisje, boekje, katje */
  }
}

/* The table row for noun s, or for the noun it ends in when at least
 * three letters come before (four before a noun of two: paasei, not
 * sprei); '*head' is where that noun starts. */
static bool find_noun(const char *s, size_t n, row *r, size_t *head) {
  row cur;
  bool found = false;
  *head = 0;
  for (const char *const *p = noun_rows; *p; p++) {
    read_row(*p, &cur);
    size_t k = cur.col[0].len;
    if (k > n || memcmp(s + n - k, cur.col[0].s, k) != 0)
      continue;
    size_t before = n - k;
    if (before != 0 && (before < 3 || (k <= 2 && before < 4)))
      continue;
    if (!found || before < *head) {
      *r = cur;
      *head = before;
      found = true;
    }
  }
  return found;
}

static void expand_noun(qc_forms *f, const char *s, size_t n) {
  word w, none = {{0}, 0};
  w_set(&w, s, n);
  add(f, &w, "singular");
  slot pl = {0}, dim = {0};
  row r;
  size_t head;
  if (find_noun(s, n, &r, &head)) {
    w_set(&w, s, head);
    slot_field(&pl, &w, r.col[1].s, r.col[1].len, false);
    if (field_is(r.col[2], "-"))
      diminutive(s, n, &dim);
    else
      slot_field(&dim, &w, r.col[2].s, r.col[2].len, false);
  } else {
    plural_rules(s, n, &pl);
    if (!ends(s, n, "je") && !ends(s, n, "heid") && !ends(s, n, "ende"))
      diminutive(s, n, &dim);
  }
  add_slot(f, &none, &pl, "plural");
  add_slot(f, &none, &dim, "diminutive");
  for (int i = 0; i < dim.n; i++) {
    w = dim.w[i];
    w_addz(&w, "s");
    add(f, &w, "diminutive plural");
  }
}

/* ---- adjectives ---- */

/* Adjectives with irregular degrees: the inflected, comparative,
 * comparative inflected, superlative and superlative inflected forms;
 * NULL where there is none. */
static const struct {
  const char *lemma, *forms[5];
} irregular_adj[] = {
    {"goed", {"goede", "beter", "betere", "best", "beste"}},
    {"graag", {NULL, "liever", NULL, "liefst", NULL}},
    {"grof", {"grove", "grover", "grovere", "grofst", "grofste"}},
    {"veel", {"vele", "meer", NULL, "meest", "meeste"}},
    {"weinig", {"weinige", "minder", "mindere", "minst", "minste"}},
};

static const char *const adj_tags[] = {"inflected", "comparative",
                                       "comparative inflected", "superlative",
                                       "superlative inflected"};

static bool irregular_adjective(qc_forms *f, const char *s, size_t n) {
  for (size_t i = 0; i < sizeof irregular_adj / sizeof *irregular_adj; i++) {
    if (strlen(irregular_adj[i].lemma) != n ||
        memcmp(irregular_adj[i].lemma, s, n))
      continue;
    for (size_t k = 0; k < 5; k++) {
      if (!irregular_adj[i].forms[k])
        continue;
      word w;
      w_set(&w, irregular_adj[i].forms[k], strlen(irregular_adj[i].forms[k]));
      add(f, &w, adj_tags[k]);
    }
    return true;
  }
  return false;
}

static void expand_adj(qc_forms *f, const char *s, size_t n) {
  word base, w, cmp;
  w_set(&base, s, n);
  add(f, &base, "base");
  if (irregular_adjective(f, s, n))
    return;
  bool infl = inflect(&base, &w);
  if (infl)
    add(f, &w, "inflected");
  cmp = base;
  if (s[n - 1] == 'r')
    w_addz(&cmp, "der"); /* duurder, lekkerder, verder */
  else if (s[n - 1] == 'e')
    w_addz(&cmp, n >= 2 && vowel(s[n - 2]) ? "\xc3\xabr" : "r"); /* moeër */
  else if (infl) {
    cmp = w;
    w_addz(&cmp, "r"); /* groter, sneller, liever */
  } else {
    w_addz(&cmp, "er"); /* opener */
  }
  add(f, &cmp, "comparative");
  w_addz(&cmp, "e");
  add(f, &cmp, "comparative inflected");
  if (ends(s, n, "isch"))
    return; /* praktisch: het meest praktisch */
  w = base;
  w_addz(&w, s[n - 1] == 's' ? "t" : "st"); /* viest, grootst */
  add(f, &w, "superlative");
  w_addz(&w, "e");
  add(f, &w, "superlative inflected");
}

/* ---- the interface ---- */

bool qc_pos_parse(const char *name, qc_pos *out) {
  if (!strcmp(name, "verb"))
    *out = QC_POS_VERB;
  else if (!strcmp(name, "noun"))
    *out = QC_POS_NOUN;
  else if (!strcmp(name, "adj") || !strcmp(name, "adjective"))
    *out = QC_POS_ADJ;
  else
    return false;
  return true;
}

const char *qc_pos_name(qc_pos pos) {
  switch (pos) {
  case QC_POS_VERB:
    return "verb";
  case QC_POS_NOUN:
    return "noun";
  case QC_POS_ADJ:
    return "adj";
  }
  return "?";
}

qc_pos qc_forms_guess(const char *lemma) {
  size_t n = strlen(lemma);
  if (strchr(lemma, '|') || ends(lemma, n, "en"))
    return QC_POS_VERB;
  if (!ends(lemma, n, "n"))
    return QC_POS_NOUN;
  size_t k = particle_len(lemma, n), plen;
  row r;
  return find_base(lemma + k, n - k, &r, &plen) ? QC_POS_VERB : QC_POS_NOUN;
}

/* The checks every lemma passes: not empty, not too long, valid UTF-8,
 * no white space or control characters, '|' only once inside a verb. */
static qc_status check_lemma(const char *lemma, qc_pos pos, qc_error *err) {
  size_t n = strlen(lemma);
  if (n == 0)
    return qc_error_set(err, QC_ERR_SCHEMA, NULL, 0, 0, 0, "empty lemma");
  if (n > QC_FORMS_MAX_LEMMA)
    return qc_error_set(err, QC_ERR_SCHEMA, NULL, 0, 0, 0,
                        "lemma '%.40s...' is longer than %d bytes", lemma,
                        QC_FORMS_MAX_LEMMA);
  if (qc_utf8_check(lemma, n) != n)
    return qc_error_set(err, QC_ERR_SCHEMA, NULL, 0, 0, 0,
                        "lemma is not valid UTF-8");
  for (size_t i = 0; i < n;) {
    int32_t cp;
    int k = qc_utf8_decode(lemma + i, n - i, &cp);
    qc_charclass cc = qc_utf8_class(cp);
    if (cc == QC_CC_SPACE)
      return qc_error_set(err, QC_ERR_SCHEMA, NULL, 0, 0, 0,
                          "lemma '%s' contains white space", lemma);
    if (cc == QC_CC_OTHER || cc == QC_CC_FORMAT)
      return qc_error_set(err, QC_ERR_SCHEMA, NULL, 0, 0, 0,
                          "lemma contains a control or format character");
    i += (size_t)k;
  }
  const char *bar = strchr(lemma, '|');
  if (bar && pos != QC_POS_VERB)
    return qc_error_set(err, QC_ERR_SCHEMA, NULL, 0, 0, 0,
                        "'|' in '%s' marks a separable particle, which only "
                        "a verb has",
                        lemma);
  if (bar && strchr(bar + 1, '|'))
    return qc_error_set(err, QC_ERR_SCHEMA, NULL, 0, 0, 0,
                        "lemma '%s' has more than one '|'", lemma);
  return QC_OK;
}

qc_status qc_forms_expand(qc_forms *out, const char *lemma, qc_pos pos,
                          qc_error *err) {
  *out = (qc_forms)QC_FORMS_INIT;
  QC_TRY(check_lemma(lemma, pos, err));
  size_t n = strlen(lemma);
  switch (pos) {
  case QC_POS_VERB: {
    qc_status s = expand_verb(out, lemma, err);
    if (s != QC_OK)
      qc_forms_release(out);
    return s;
  }
  case QC_POS_NOUN:
    expand_noun(out, lemma, n);
    break;
  case QC_POS_ADJ:
    expand_adj(out, lemma, n);
    break;
  }
  return QC_OK;
}

void qc_forms_release(qc_forms *f) {
  for (size_t i = 0; i < f->n; i++)
    free(f->v[i].text);
  for (size_t i = 0; i < f->nsplit; i++)
    free(f->split[i].text);
  free(f->v);
  free(f->split);
  free(f->particle);
  *f = (qc_forms)QC_FORMS_INIT;
}

static void table_rows(qc_table *t, const char *lemma, qc_pos pos,
                       const qc_forms *f) {
  for (size_t i = 0; i < f->n + f->nsplit; i++) {
    bool split = i >= f->n;
    const qc_form *form = split ? &f->split[i - f->n] : &f->v[i];
    qc_table_str(t, lemma);
    qc_table_str(t, qc_pos_name(pos));
    word w;
    w_set(&w, form->tag, strlen(form->tag));
    if (split)
      w_addz(&w, " (split)");
    qc_table_str(t, w.s);
    qc_buf cell = QC_BUF_INIT;
    qc_buf_puts(&cell, form->text);
    if (split)
      qc_buf_printf(&cell, " ... %s", f->particle);
    qc_table_str(t, cell.ptr);
    qc_buf_release(&cell);
    qc_table_end_row(t);
  }
}

qc_status qc_forms_table(const char *const *lemmas, size_t n, const qc_pos *pos,
                         qc_format format, char **out, size_t *len,
                         qc_error *err) {
  static const char *const cols[] = {"lemma", "pos", "tag", "form"};
  qc_buf b = QC_BUF_INIT;
  qc_table t;
  qc_table_begin(&t, &b, format, cols, 4);
  for (size_t i = 0; i < n; i++) {
    qc_pos p = pos ? *pos : qc_forms_guess(lemmas[i]);
    qc_forms f;
    qc_status s = qc_forms_expand(&f, lemmas[i], p, err);
    if (s != QC_OK) {
      qc_buf_release(&b);
      return s;
    }
    table_rows(&t, lemmas[i], p, &f);
    qc_forms_release(&f);
  }
  qc_table_end(&t);
  *out = qc_buf_detach(&b, len);
  return QC_OK;
}
