/* codebook.h: the compiled codebook. codebook.c owns the model and its
 * validation; codebook_yaml.c reads YAML into it. */
#ifndef QC_CODEBOOK_H
#define QC_CODEBOOK_H

#include "qcode.h"
#include "lexicon.h"
#include "match.h"
#include "strmap.h"

#define QC_NO_PARENT ((size_t)-1)

typedef enum { QC_RULE_WORD, QC_RULE_PHRASE, QC_RULE_REGEX } qc_rule_kind;

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
  char **parts; /* words and phrases: folded word patterns */
  size_t nparts;
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
  char **negators; /* folded word patterns */
  size_t nnegators, negators_cap;
  bool negators_set;
  unsigned neg_before, neg_after;
  /* words that start a new clause after a comma (", maar"): a negation
   * window stops there, as it does at ';', ':' and a sentence end */
  char **contrast; /* folded word patterns */
  size_t ncontrast, contrast_cap;
  bool contrast_set;
  qc_lexicon *words;     /* word rules and first parts of phrase rules */
  qc_lexicon *negation;  /* negators */
  qc_lexicon *contrast_words; /* contrast */
  qc_regex_ctx *rx;      /* for load-time checks */
  struct qc_prefilter *prefilter; /* literals of the regex rules */
  bool no_prefilter;     /* run every regex (tests compare both ways) */
  char fingerprint[32];  /* see qc_codebook_fingerprint */
};

qc_codebook *qc_codebook_new(const char *file);

/* Adds a code under 'parent' (QC_NO_PARENT for top level); fails on an
 * invalid or duplicate id. '*index' receives the new code's index. */
qc_status qc_codebook_add_code(qc_codebook *cb, size_t parent, const char *id,
                               unsigned line, unsigned col, size_t *index,
                               qc_error *err);

/* Adds a words, phrases or regex rule to code 'code'. */
qc_status qc_codebook_add_rule(qc_codebook *cb, size_t code, qc_rule_kind kind,
                               qc_rule_role role, const char *src, unsigned line,
                               unsigned col, qc_error *err);

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
                                 qc_error *err);

/* libyaml's version string. */
const char *qc_yaml_library_version(void);

#endif
