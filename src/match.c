/* match.c: the one file that calls PCRE2. Patterns are compiled with UTF
 * and UCP so that \b and \w know Dutch letters, and JIT-compiled when the
 * platform allows; their searches then call pcre2_jit_match. A match
 * limit bounds catastrophic backtracking; the JIT honours only that limit
 * (not the depth limit), and gets a larger stack of its own. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "match.h"
#include "memory.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>

struct qc_regex {
  pcre2_code *code;
  bool jit;      /* JIT code exists: searches take the fast path */
  bool anchored; /* compiled with PCRE2_ANCHORED */
};

struct qc_regex_ctx {
  pcre2_match_data *md;
  pcre2_match_context *mctx;
  pcre2_jit_stack *jit_stack;
};

qc_regex *qc_regex_compile(const char *pat, size_t len, unsigned flags,
                           size_t *erroff, char *msg, size_t msgsize) {
  uint32_t opts = PCRE2_UTF | PCRE2_UCP;
  if (flags & QC_REGEX_CASELESS)
    opts |= PCRE2_CASELESS;
  if (flags & QC_REGEX_MULTILINE)
    opts |= PCRE2_MULTILINE;
  if (flags & QC_REGEX_ANCHORED)
    opts |= PCRE2_ANCHORED;
  int code;
  PCRE2_SIZE off;
  pcre2_code *re =
      pcre2_compile((PCRE2_SPTR)pat, len, opts, &code, &off, NULL);
  if (!re) {
    *erroff = off;
    pcre2_get_error_message(code, (PCRE2_UCHAR *)msg, msgsize);
    return NULL;
  }
  /* Failure leaves the interpreter in charge, which is slower but correct.
   * QC_NO_JIT builds (for valgrind, which cannot see into JIT code) always
   * use the interpreter. */
  qc_regex *r = qc_xmalloc(sizeof *r);
  r->code = re;
  r->jit = false;
  r->anchored = (flags & QC_REGEX_ANCHORED) != 0;
#ifndef QC_NO_JIT
  r->jit = pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) == 0;
#endif
  return r;
}

void qc_regex_free(qc_regex *re) {
  if (!re)
    return;
  pcre2_code_free(re->code);
  free(re);
}

int qc_regex_group(const qc_regex *re, const char *name) {
  int n = pcre2_substring_number_from_name(re->code, (PCRE2_SPTR)name);
  return n > 0 ? n : -1;
}

qc_regex_ctx *qc_regex_ctx_new(void) {
  qc_regex_ctx *c = qc_xcalloc(1, sizeof *c);
  c->md = pcre2_match_data_create(16, NULL);
  c->mctx = pcre2_match_context_create(NULL);
  if (!c->md || !c->mctx) {
    fputs("qcode: fatal: out of memory\n", stderr);
    abort();
  }
  pcre2_set_match_limit(c->mctx, QC_REGEX_MATCH_LIMIT);
  pcre2_set_depth_limit(c->mctx, 100000);
  c->jit_stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
  if (c->jit_stack)
    pcre2_jit_stack_assign(c->mctx, NULL, c->jit_stack);
  return c;
}

void qc_regex_ctx_free(qc_regex_ctx *ctx) {
  if (!ctx)
    return;
  pcre2_match_data_free(ctx->md);
  pcre2_match_context_free(ctx->mctx);
  pcre2_jit_stack_free(ctx->jit_stack);
  free(ctx);
}

static int run(const qc_regex *re, qc_regex_ctx *ctx, const char *s,
               size_t len, size_t from, uint32_t opts) {
  /* The caller guarantees valid UTF-8, so the O(n) check per call (O(n^2)
   * over a segment) is skipped. pcre2_jit_match skips it, and pcre2_match's
   * other set-up, by itself (pcre2jit(3), "JIT fast path API"); a
   * match-time PCRE2_ANCHORED needs the interpreter. */
  if (re->jit && !(opts & PCRE2_ANCHORED))
    return pcre2_jit_match(re->code, (PCRE2_SPTR)s, len, from, opts, ctx->md,
                           ctx->mctx);
  return pcre2_match(re->code, (PCRE2_SPTR)s, len, from,
                     opts | PCRE2_NO_UTF_CHECK, ctx->md, ctx->mctx);
}

static int status_of(int rc, char *msg, size_t msgsize) {
  if (rc == PCRE2_ERROR_NOMATCH)
    return QC_REGEX_NOMATCH;
  if (msg && msgsize)
    pcre2_get_error_message(rc, (PCRE2_UCHAR *)msg, msgsize);
  if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
      rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
    return QC_REGEX_LIMIT;
  return QC_REGEX_ERROR;
}

int qc_regex_search(const qc_regex *re, qc_regex_ctx *ctx, const char *s,
                    size_t len, size_t from, size_t *start, size_t *end,
                    char *msg, size_t msgsize) {
  int rc = run(re, ctx, s, len, from, 0);
  if (rc < 0)
    return status_of(rc, msg, msgsize);
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(ctx->md);
  *start = ov[0];
  *end = ov[1];
  return QC_REGEX_MATCH;
}

int qc_regex_match_group(const qc_regex *re, qc_regex_ctx *ctx, const char *s,
                         size_t len, int group, size_t *end, size_t *gstart,
                         size_t *gend) {
  /* Compiled anchored (as the transcript reader's speaker pattern is), the
   * pattern keeps the JIT path; else anchor it here. */
  int rc = run(re, ctx, s, len, 0, re->anchored ? 0 : PCRE2_ANCHORED);
  if (rc < 0)
    return status_of(rc, NULL, 0);
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(ctx->md);
  *end = ov[1];
  if (group > 0 && (rc == 0 || group < rc) && ov[2 * group] != PCRE2_UNSET) {
    *gstart = ov[2 * group];
    *gend = ov[2 * group + 1];
  } else {
    *gstart = *gend = ov[0];
  }
  return QC_REGEX_MATCH;
}

bool qc_regex_last_group(const qc_regex_ctx *ctx, int group, size_t *gstart,
                         size_t *gend) {
  if (group <= 0 || (uint32_t)group >= pcre2_get_ovector_count(ctx->md))
    return false;
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(ctx->md);
  if (ov[2 * group] == PCRE2_UNSET)
    return false;
  *gstart = ov[2 * group];
  *gend = ov[2 * group + 1];
  return true;
}

bool qc_regex_is_anchored(const qc_regex *re) {
  uint32_t opts = 0;
  return pcre2_pattern_info(re->code, PCRE2_INFO_ALLOPTIONS, &opts) == 0 &&
         (opts & PCRE2_ANCHORED);
}

bool qc_regex_matches_empty(const qc_regex *re, qc_regex_ctx *ctx) {
  /* PCRE2 knows when a pattern can match an empty string anywhere (\b,
   * (?=x), x*); trying "" also catches what that analysis leaves open. */
  uint32_t empty = 0;
  if (pcre2_pattern_info(re->code, PCRE2_INFO_MATCHEMPTY, &empty) == 0 && empty)
    return true;
  return run(re, ctx, "", 0, 0, 0) >= 0;
}

void qc_regex_version(char *buf, size_t size) {
  char v[64] = "";
  uint32_t jit = 0;
  pcre2_config(PCRE2_CONFIG_VERSION, v);
  pcre2_config(PCRE2_CONFIG_JIT, &jit);
  snprintf(buf, size, "%s (JIT: %s)", v, jit ? "yes" : "no");
}
