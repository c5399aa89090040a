/* forms.h: the word forms of a Dutch lemma (verbs, nouns, adjectives), for
 * codebook rules that name a lemma instead of listing its forms, and for
 * `qcode forms`. */
#ifndef QC_FORMS_H
#define QC_FORMS_H

#include "qcode.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum { QC_POS_VERB, QC_POS_NOUN, QC_POS_ADJ } qc_pos;

/* One form: its text (owned by the qc_forms) and a static tag such as
 * "present 3sg", "past plural", "participle", "plural", "diminutive
 * plural", "comparative". */
typedef struct qc_form {
  char *text;
  const char *tag;
} qc_form;

typedef struct qc_forms {
  /* One-token forms, each text once (the first tag kept), in paradigm
   * order, the lemma first. */
  qc_form *v;
  size_t n, cap;
  /* A separable verb's particle ("in" for invullen); NULL otherwise. */
  char *particle;
  /* A separable verb's finite forms that stand apart from the particle in
   * a main clause ("vult ... in"): the verb part only (vul, vult, vullen,
   * vulde, vulden), each text once. */
  qc_form *split;
  size_t nsplit, split_cap;
} qc_forms;

#define QC_FORMS_INIT                                                          \
  { 0 }

/* Parses "verb", "noun", "adj" or "adjective". */
bool qc_pos_parse(const char *name, qc_pos *out);

/* "verb", "noun" or "adj". */
const char *qc_pos_name(qc_pos pos);

/* A guess for a lemma given without a part of speech: a verb when it has a
 * '|', ends in -en or is a verb of the irregular table (gaan, opstaan),
 * else a noun. Adjectives are never guessed. */
qc_pos qc_forms_guess(const char *lemma);

/* Expands a lowercase UTF-8 lemma (the caller folds case) into its forms.
 * A verb may mark its separable particle with '|' ("door|geven"); without
 * one, the particles that are nearly always separable (aan, af, in, op,
 * uit, mee, terug, toe, weg, samen, bij, na, vast, los, ...) are
 * recognised, and over, onder, door, om, voor, achter, mis, vol and weer
 * are taken as inseparable prefixes. Errors (QC_ERR_SCHEMA, no position:
 * the caller positions it): an empty lemma, white space, a misplaced '|',
 * a lemma over QC_FORMS_MAX_LEMMA bytes, invalid UTF-8, a verb not ending
 * in -n. '*out' is overwritten (release an earlier result first); the
 * result is owned by 'out': release it with qc_forms_release, which is
 * also safe after an error. */
qc_status qc_forms_expand(qc_forms *out, const char *lemma, qc_pos pos,
                          qc_error *err);

/* Frees the forms and resets 'f' to QC_FORMS_INIT. */
void qc_forms_release(qc_forms *f);

#define QC_FORMS_MAX_LEMMA 100

/* The table `qcode forms` prints: columns lemma, pos, tag, form; one row
 * per one-token form in order, then one per split form written as
 * "vult ... in" with the tag suffixed " (split)". 'pos' NULL guesses each
 * lemma's part of speech (qc_forms_guess). Returns the table in '*out'
 * (caller frees with free()), its length in '*len'. Errors: those of
 * qc_forms_expand (the first bad lemma; nothing is returned). */
qc_status qc_forms_table(const char *const *lemmas, size_t n, const qc_pos *pos,
                         qc_format format, char **out, size_t *len,
                         qc_error *err);

/* The irregular verbs of src/forms-verbs.tsv, for tests: their number,
 * and row i's columns (infinitive, past singular, past plural, participle,
 * present) as borrowed strings without NUL termination, with lengths. */
typedef struct qc_forms_field {
  const char *s;
  size_t len;
} qc_forms_field;

size_t qc_forms_verb_count(void);
void qc_forms_verb_at(size_t i, qc_forms_field cols[5]);

#endif
