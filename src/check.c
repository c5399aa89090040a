/* check.c: runs the tests a codebook carries: every example must get its
 * code and every counterexample must not, each coded as a segment of its
 * own with the same coder that `qcode apply` uses; and every code must be
 * codable (a rule of its own or in a child). */
#include "codebook.h"
#include "memory.h"

#include <stdlib.h>
#include <string.h>

const char *qc_codebook_file(const qc_codebook *cb) { return cb->file; }

/* Whether a regex says only what token rules say: words (with \w* or \w+
 * for a wildcard), alternatives, optional groups, white space between
 * words, and bounded word gaps such as (?:\w+\s+){0,3}. Lookarounds,
 * classes, anchors, digits and any other construct need the regex. Returns
 * the advice, or NULL. */
static const char *token_advice(const char *p) {
  static const char *const gaps[] = {"(?:\\w+\\s+){", "(?:\\S+\\s+){",
                                     "(?:\\w+\\W+){"};
  static const char *const seps[] = {"\\s+", "\\s*", "\\s", "\\W+", " "};
  bool gap = false, sep = false;
  size_t depth = 0;
  while (*p) {
    bool matched = false;
    for (size_t i = 0; i < sizeof gaps / sizeof *gaps && !matched; i++)
      if (!strncmp(p, gaps[i], strlen(gaps[i]))) {
        const char *q = p + strlen(gaps[i]);
        q += strspn(q, "0123456789,");
        if (*q != '}')
          return NULL;
        p = q + 1;
        gap = matched = true;
      }
    for (size_t i = 0; i < sizeof seps / sizeof *seps && !matched; i++)
      if (!strncmp(p, seps[i], strlen(seps[i]))) {
        p += strlen(seps[i]);
        sep = matched = true;
      }
    if (matched)
      continue;
    if (!strncmp(p, "\\b", 2) || !strncmp(p, "\\w*", 3) ||
        !strncmp(p, "\\w+", 3)) {
      p += p[2] == '*' || p[2] == '+' ? 3 : 2;
    } else if (!strncmp(p, "(?:", 3)) {
      depth++;
      p += 3;
    } else if (*p == '(' && p[1] != '?') {
      depth++;
      p++;
    } else if (*p == ')' && depth > 0) {
      depth--;
      p++;
    } else if (*p == '|' || *p == '?' || *p == '-' || *p == '\'' ||
               (unsigned char)*p >= 0x80 || (*p >= 'a' && *p <= 'z') ||
               (*p >= 'A' && *p <= 'Z')) {
      p++;
    } else {
      return NULL;
    }
  }
  return gap   ? "a phrase with a gap ('[0-3]') or a near rule says this"
         : sep ? "phrases (or a near rule) say this"
               : "words with '*' wildcards say this";
}

/* A word pattern with a character that the tokenizer never puts inside a
 * word (a double quote, white space) matches no word at all. */
static bool unmatchable(const qc_alt *a) {
  return a->kind == QC_ALT_PATTERN && strpbrk(a->text, "\" \t") != NULL;
}

/* Warnings for the unmatchable patterns of 'alts', for code 'code'. */
static size_t flag_unmatchable(const qc_alt *alts, size_t nalts, size_t code,
                               qc_check_result *r) {
  size_t k = 0;
  for (size_t i = 0; i < nalts; i++)
    if (unmatchable(&alts[i]))
      r[k++] = (qc_check_result){code, QC_CHECK_UNMATCHABLE, alts[i].text,
                                 true, alts[i].line, alts[i].col};
  return k;
}

qc_status qc_codebook_check(const qc_codebook *cb, qc_check_result **results,
                            size_t *n, qc_error *err) {
  size_t total = 0;
  for (size_t i = 0; i < cb->ncodes; i++)
    total += cb->codes[i].nexamples + 1;
  total += cb->nrules;
  for (size_t i = 0; i < cb->nclasses; i++)
    total += cb->classes[i].nalts;
  for (size_t i = 0; i < cb->nrules; i++) {
    for (size_t j = 0; j < cb->rules[i].nitems; j++)
      total += cb->rules[i].items[j].nalts;
    total += cb->rules[i].unless.nalts;
  }
  qc_check_result *r = qc_xcalloc(total, sizeof *r);
  qc_coder *coder = qc_coder_new(cb);
  qc_status s = QC_OK;
  size_t k = 0;
  for (size_t i = 0; i < cb->ncodes && s == QC_OK; i++) {
    const qc_code *c = &cb->codes[i];
    if (!c->has_rules)
      r[k++] = (qc_check_result){i, QC_CHECK_NO_RULES, NULL, false, c->line,
                                 c->col};
    for (size_t j = 0; j < c->nexamples && s == QC_OK; j++) {
      const qc_example *ex = &c->examples[j];
      const qc_coding *coding;
      s = qc_coder_code(coder, ex->text, strlen(ex->text), &coding, err);
      if (s == QC_OK)
        r[k++] = (qc_check_result){
            i, ex->counter ? QC_CHECK_COUNTEREXAMPLE : QC_CHECK_EXAMPLE,
            ex->text, coding->coded[i] != ex->counter, ex->line, ex->col};
    }
  }
  for (size_t i = 0; i < cb->nrules && s == QC_OK; i++) {
    const qc_rule *rule = &cb->rules[i];
    const char *advice =
        rule->kind == QC_RULE_REGEX ? token_advice(rule->source) : NULL;
    if (advice)
      r[k++] = (qc_check_result){rule->code, QC_CHECK_REGEX_TOKENS, advice,
                                 true, rule->line, rule->col};
    for (size_t j = 0; j < rule->nitems; j++)
      k += flag_unmatchable(rule->items[j].alts, rule->items[j].nalts,
                            rule->code, r + k);
    k += flag_unmatchable(rule->unless.alts, rule->unless.nalts, rule->code,
                          r + k);
  }
  for (size_t i = 0; i < cb->nclasses && s == QC_OK; i++)
    k += flag_unmatchable(cb->classes[i].alts, cb->classes[i].nalts,
                          cb->classes[i].scope, r + k);
  qc_coder_free(coder);
  if (s != QC_OK) {
    free(r);
    r = NULL;
    k = 0;
  }
  *results = r;
  *n = k;
  return s;
}
