/* codebook.h: the compiled codebook. codebook.c owns the model and its
 * validation; codebook_yaml.c reads YAML into it. */
#ifndef QC_CODEBOOK_H
#define QC_CODEBOOK_H

#include "qcode.h"
#include "lexicon.h"
#include "match.h"
#include "strmap.h"

#define QC_NO_PARENT ((size_t)-1)

/* Rule kinds: the three of codebook format 1 as first written (words,
 * phrases, regex) and a proximity rule (near). Word, phrase and near rules
 * are token rules: their items are terms (sets of words) looked up once
 * per running word. */
typedef enum {
  QC_RULE_WORD,
  QC_RULE_PHRASE,
  QC_RULE_REGEX,
  QC_RULE_NEAR
} qc_rule_kind;

/* How a rule treats a negator in its window: as its code says (words,
 * phrases and near: the code's 'negation'; regex and exclusions: off),
 * cancel the hit, ignore it, or count the hit only when negated. */
typedef enum {
  QC_NEG_CODE,
  QC_NEG_ON,
  QC_NEG_OFF,
  QC_NEG_INVERT
} qc_negation;

/* How far a near rule or a not-near list reaches. */
typedef enum { QC_SCOPE_CLAUSE, QC_SCOPE_SENTENCE, QC_SCOPE_SEGMENT } qc_scope;

#define QC_NO_TERM ((size_t)-1)

/* What a class, or one item of a rule, is made of: word patterns, class
 * references and lemmas whose forms are asked for. */
typedef enum {
  QC_ALT_PATTERN,
  QC_ALT_CLASS,
  QC_ALT_VERB,
  QC_ALT_NOUN,
  QC_ALT_ADJ
} qc_alt_kind;

typedef struct qc_alt {
  qc_alt_kind kind;
  char *text; /* as written (a class without its '@') */
  unsigned line, col;
} qc_alt;

/* What a phrase item stands for: words of a term, a gap of gap_min to
 * gap_max words, one punctuation token, the segment's start ('^'), or any
 * one word ('*' at a phrase's end). Near and words rules have terms only. */
typedef enum {
  QC_ITEM_TERM,
  QC_ITEM_GAP,
  QC_ITEM_PUNCT,
  QC_ITEM_START,
  QC_ITEM_ANY
} qc_item_kind;

/* One item of a token rule. */
typedef struct qc_item {
  qc_item_kind kind;
  qc_alt *alts; /* a term's alternatives; none for the other kinds */
  size_t nalts;
  unsigned gap_min, gap_max;
  char *punct; /* the punctuation marks a QC_ITEM_PUNCT token is made of */
  size_t term; /* resolved by qc_codebook_finish; QC_NO_TERM but for terms */
} qc_item;

/* A set of words that rules refer to: a class, or the patterns of one rule
 * item. 'triggers' are the rules whose first item it is. */
typedef struct qc_term {
  char *name;
  uint32_t *triggers;
  size_t ntriggers, triggers_cap;
  size_t nentries, first; /* its entries, and the first of them */
} qc_term;

/* One word of a term, as a lexicon entry. A separable verb's finite form
 * ("vult" of invullen) counts only with its particle later in the clause,
 * or as "in te vullen". */
typedef struct qc_entry {
  size_t term;
  char *pattern;  /* folded */
  char *particle; /* folded, or NULL */
  char *origin;   /* where the word comes from, for qcode explain */
} qc_entry;

/* A named class (settings-free list of words), top level (scope
 * QC_NO_PARENT) or of a code and its descendants. */
typedef struct qc_class {
  char *name;
  size_t scope;
  unsigned line, col;
  qc_alt *alts;
  size_t nalts, alts_cap;
  size_t term;
  int state; /* 0 unresolved, 1 being resolved (a cycle), 2 resolved */
} qc_class;

/* What a match of the rule does: count as a hit for its code; remove the
 * code from the whole segment (exclude); or cancel the code's hits that
 * overlap the match (mask), for false friends such as "als een robot". */
typedef enum { QC_ROLE_HIT, QC_ROLE_EXCLUDE, QC_ROLE_MASK } qc_rule_role;

typedef struct qc_rule {
  qc_rule_kind kind;
  qc_rule_role role;
  size_t code;
  char *source; /* as written in the codebook */
  unsigned line, col;
  /* token rules: the items (word: one, phrase: several, near: two), the
   * not-near item, the window, the order and the scope */
  qc_item *items;
  size_t nitems;
  qc_item unless;
  bool has_unless, ordered;
  unsigned within;
  qc_scope scope;
  qc_negation negation;
  /* a phrase without gaps is tried where its rarest-looking item matched
   * (the longest literal word): items[anchor] */
  size_t anchor;
  bool gapped; /* a phrase with a gap: matched from its first item on */
  qc_regex *re;  /* regex */
  bool filtered; /* regex: runs only when the prefilter says it can match */
  /* regex whose every match starts with a prefilter literal: compiled
   * anchored, tried only where such a literal starts */
  qc_regex *anchored;
  /* regex: the first regex rule with the same pattern (this one when it
   * is the first), whose matches the coder finds once for all of them;
   * 'shared' when there is more than one */
  size_t same_regex;
  bool shared;
} qc_rule;

/* A codebook test: a text that must (example) or must not (counterexample)
 * get its code. */
typedef struct qc_example {
  char *text;
  bool counter;
  unsigned line, col;
} qc_example;

typedef struct qc_code {
  char *id, *path, *label, *description;
  size_t parent, depth;
  bool negation;
  bool invert; /* negation: invert, token rules count only when negated */
  bool has_rules; /* a hit rule of its own or in a descendant */
  unsigned line, col;
  qc_example *examples;
  size_t nexamples, examples_cap;
} qc_code;

struct qc_codebook {
  char *file;
  char *name, *title, *description;
  unsigned fold_opts;  /* QC_FOLD_* for text and word patterns */
  unsigned regex_opts; /* QC_REGEX_* */
  qc_code *codes;
  size_t ncodes, codes_cap;
  qc_rule *rules;
  size_t nrules, rules_cap;
  qc_strmap paths; /* full path -> code index */
  qc_class *classes;
  size_t nclasses, classes_cap;
  qc_strmap class_names; /* "name\x1fscope" -> class index */
  qc_term *terms;
  size_t nterms, terms_cap;
  qc_strmap term_keys; /* canonical item text -> term */
  qc_entry *entries;
  size_t nentries, entries_cap;
  char **negators; /* folded word patterns */
  size_t nnegators, negators_cap;
  bool negators_set;
  unsigned neg_before, neg_after;
  /* words that start a new clause after a comma (", maar"): a negation
   * window stops there, as it does at ';', ':' and a sentence end */
  char **contrast; /* folded word patterns */
  size_t ncontrast, contrast_cap;
  bool contrast_set;
  qc_lexicon *words;     /* every term's words -> entry index */
  qc_lexicon *negation;  /* negators */
  qc_lexicon *contrast_words; /* contrast */
  qc_regex_ctx *rx;      /* for load-time checks */
  struct qc_prefilter *prefilter; /* literals of the regex rules */
  bool no_prefilter;     /* run every regex (tests compare both ways) */
  char fingerprint[32];  /* see qc_codebook_fingerprint */
};

qc_codebook *qc_codebook_new(const char *file);

/* A valid code id made from any name: case-folded, diacritics stripped,
 * every run of other characters than a-z, 0-9, '_' and '.' one '-', at
 * most 64 bytes, "code-" in front when it would not start with a letter or
 * digit, "code" when nothing is left (docs/INTEROP.md). Caller frees. */
char *qc_id_from_name(const char *name);

/* Adds a code under 'parent' (QC_NO_PARENT for top level); fails on an
 * invalid or duplicate id. '*index' receives the new code's index. */
qc_status qc_codebook_add_code(qc_codebook *cb, size_t parent, const char *id,
                               unsigned line, unsigned col, size_t *index,
                               qc_error *err);

/* Adds a words, phrases or regex rule to code 'code': one word pattern
 * (or '@class'), one phrase (words, '@class', gaps '*' and '[N-M]'), or
 * one regex. */
qc_status qc_codebook_add_rule(qc_codebook *cb, size_t code, qc_rule_kind kind,
                               qc_rule_role role, const char *src, unsigned line,
                               unsigned col, qc_error *err);

/* Adds a token rule of any kind from items the caller built (ownership of
 * 'items' and of 'unless' passes to the codebook); the options are set on
 * the rule that qc_codebook_last_rule returns. */
qc_status qc_codebook_add_token_rule(qc_codebook *cb, size_t code,
                                     qc_rule_kind kind, qc_rule_role role,
                                     qc_item *items, size_t nitems,
                                     unsigned line, unsigned col,
                                     qc_error *err);
qc_rule *qc_codebook_last_rule(qc_codebook *cb);

/* Parses one word of a phrase or list as written ("tijd*", "@time", "*",
 * "[0-4]") into 'item'. Lists of alternatives are built by the caller. */
qc_status qc_codebook_parse_item(qc_codebook *cb, const char *word,
                                 bool gaps, unsigned line, unsigned col,
                                 qc_item *item, qc_error *err);
void qc_item_release(qc_item *item);

/* Adds a class of 'scope' (a code, or QC_NO_PARENT for the top level) and
 * its alternatives. */
qc_status qc_codebook_add_class(qc_codebook *cb, size_t scope,
                                const char *name, unsigned line, unsigned col,
                                size_t *index, qc_error *err);
void qc_codebook_add_class_alt(qc_codebook *cb, size_t cls, qc_alt_kind kind,
                               const char *text, unsigned line, unsigned col);

/* Why a folded word pattern is invalid, or NULL: empty, white space, no
 * literal character, '**'. */
const char *qc_word_pattern_problem(const char *p, size_t n);

qc_status qc_codebook_add_negator(qc_codebook *cb, const char *word,
                                  unsigned line, unsigned col, qc_error *err);

/* Adds a contrast word (settings.clauses.contrast). */
qc_status qc_codebook_add_contrast(qc_codebook *cb, const char *word,
                                   unsigned line, unsigned col, qc_error *err);

void qc_codebook_add_example(qc_codebook *cb, size_t code, const char *text,
                             bool counter, unsigned line, unsigned col);

/* Finishes the codebook once everything is added: default negators, which
 * codes can be coded at all, the lookup structures, the fingerprint. */
qc_status qc_codebook_finish(qc_codebook *cb, qc_error *err);

/* Loader entry point of codebook_yaml.c. */
qc_status qc_codebook_parse_yaml(qc_codebook *cb, const char *data, size_t len,
                                 qc_codebook_format format, qc_error *err);

/* One rule, a YAML mapping as an item of a 'rules' list is written
 * ("{words: [zwaar]}", "{near: ['@gain', tijd], within: 5}"), added to
 * code 'code' as a hit (QC_ROLE_HIT) or as an exclusion of the code
 * (QC_ROLE_EXCLUDE: an item of its 'exclude: {rules: [...]}'), before
 * qc_codebook_finish. For `qcode suggest`, which measures a rule as it
 * would be pasted in. */
qc_status qc_codebook_parse_rule_yaml(qc_codebook *cb, size_t code,
                                      qc_rule_role role, const char *data,
                                      size_t len, qc_error *err);

/* A codebook from YAML plus extra rules (each as
 * qc_codebook_parse_rule_yaml takes it), compiled. Errors as
 * qc_codebook_load_mem; a bad extra rule is an error at its position in
 * its own text. */
typedef struct qc_extra_rule {
  size_t code; /* a code index of the codebook the YAML makes */
  qc_rule_role role;
  const char *yaml;
} qc_extra_rule;

qc_status qc_codebook_load_extra(qc_codebook **out, const char *data,
                                 size_t len, const char *name,
                                 const qc_extra_rule *extra, size_t nextra,
                                 qc_error *err);

/* Loader entry point of liwc.c: a LIWC dictionary (.dic). */
qc_status qc_codebook_parse_liwc(qc_codebook *cb, const char *data, size_t len,
                                 qc_error *err);

/* Loader entry point of wordstat.c: a WordStat dictionary (.cat). */
qc_status qc_codebook_parse_wordstat(qc_codebook *cb, const char *data,
                                     size_t len, qc_error *err);

/* libyaml's version string. */
const char *qc_yaml_library_version(void);

#endif
