/* cmd_explain.c: `qcode explain`, the codebook author's debugger: every rule
 * that matched a text, what each match became (counted, or cancelled by a
 * negator, a not-near word, an exclusion or a mask) and why, and the codes
 * the text gets. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: qcode explain -c CODEBOOK [OPTIONS] TEXT|FILE:LINE...\n"
    "       qcode explain -c CODEBOOK --examples [--code PATH]...\n"
    "\n"
    "Codes each TEXT, or the segment of FILE that holds LINE, and lists\n"
    "every rule match: the code, what became of it (counted; duplicate, the\n"
    "same words as a counted hit; negated, by the negator shown; not\n"
    "negated, a 'negation: invert' rule without a negator; not-near, by the\n"
    "word shown; excluded or masked, by the match shown; exclusion and mask,\n"
    "the matches of exclude and mask rules), the rule's codebook line and\n"
    "text, the words matched and what the first of them matched (a class,\n"
    "a lemma's form). A last line gives the codes the text gets. An\n"
    "argument is FILE:LINE when FILE exists, otherwise a text.\n"
    "\n"
    "Options:\n"
    "  -c, --codebook FILE     the codebook (required)\n"
    "      --examples          explain the codebook's examples and\n"
    "                          counterexamples, each marked with its code and\n"
    "                          whether it passes\n"
    "      --code PATH         only matches of this code and its children\n"
    "                          (repeatable)\n"
    "  -f, --format text|tsv   text for reading (default) or TSV with the\n"
    "                          columns input, code, status, line, rule, hit,\n"
    "                          matched, cause, start, end\n"
    "  -h, --help              show this help\n"
    "\n" QC_EXIT_STATUS_HELP;

enum { OPT_EXAMPLES = 256, OPT_CODE };

static const struct option options[] = {
    {"codebook", required_argument, NULL, 'c'},
    {"examples", no_argument, NULL, OPT_EXAMPLES},
    {"code", required_argument, NULL, OPT_CODE},
    {"format", required_argument, NULL, 'f'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

typedef struct explainer {
  const qc_codebook *cb;
  qc_coder *coder;
  bool tsv;
  bool *selected; /* per code: --code asked for it or an ancestor; NULL all */
} explainer;

/* One line of text for a cell: tabs and line breaks become spaces. */
static void put_flat(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    putchar(s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
}

static void put_quoted(const char *s, size_t n) {
  putchar('"');
  put_flat(s, n);
  putchar('"');
}

static void print_event(const explainer *ex, const char *input,
                        const char *text, const qc_trace_event *e) {
  qc_rule_info r;
  qc_codebook_rule(ex->cb, e->rule, &r);
  const char *code = qc_codebook_code_path(ex->cb, r.code);
  const char *status = qc_trace_status_name(e->status);
  size_t clen = e->cause_end - e->cause_start;
  if (ex->tsv) {
    printf("%s\t%s\t%s\t%u\t", input, code, status, r.line);
    put_flat(r.pattern, strlen(r.pattern));
    putchar('\t');
    put_flat(text + e->start, e->end - e->start);
    printf("\t%s\t", e->matched ? e->matched : "");
    put_flat(text + e->cause_start, clen);
    printf("\t%u\t%u\n", e->start, e->end);
    return;
  }
  /* the rule's kind, unless its text starts with it ("near: ..." of a
   * rules: entry), and its role unless it counts hits */
  size_t kl = strlen(r.kind);
  bool named = !strncmp(r.pattern, r.kind, kl) && r.pattern[kl] == ':';
  bool hit = r.role[0] == 'h';
  printf("  %-11s %-26s line %-4u ", status, code, r.line);
  if (!named)
    printf("%s ", r.kind);
  if (!hit)
    printf("%s ", r.role);
  put_flat(r.pattern, strlen(r.pattern));
  fputs("\n              ", stdout);
  put_quoted(text + e->start, e->end - e->start);
  if (e->matched)
    printf(" matched %s", e->matched);
  if (clen) {
    fputs(e->status == QC_TRACE_NEGATED      ? " by negator "
          : e->status == QC_TRACE_NOT_NEAR   ? " by nearby "
                                             : " by ",
          stdout);
    put_quoted(text + e->cause_start, clen);
  }
  putchar('\n');
}

/* Codes one text and prints its trace; 'label' heads it. */
static int explain_text(explainer *ex, const char *input, const char *label,
                        const char *text, size_t len) {
  qc_error err;
  qc_error_clear(&err);
  const qc_coding *coding;
  if (qc_coder_code(ex->coder, text, len, &coding, &err) != QC_OK)
    return cli_report(&err);
  size_t n;
  const qc_trace_event *ev = qc_coder_trace(ex->coder, &n);
  if (!ex->tsv) {
    printf("%s\n  ", label);
    put_quoted(text, len);
    putchar('\n');
  }
  for (size_t i = 0; i < n; i++) {
    qc_rule_info r;
    qc_codebook_rule(ex->cb, ev[i].rule, &r);
    if (!ex->selected || ex->selected[r.code])
      print_event(ex, input, text, &ev[i]);
  }
  if (!ex->tsv) {
    fputs("  codes:", stdout);
    size_t shown = 0;
    for (size_t i = 0; i < qc_codebook_code_count(ex->cb); i++)
      if (coding->coded[i] && (!ex->selected || ex->selected[i])) {
        printf(" %s", qc_codebook_code_path(ex->cb, i));
        shown++;
      }
    fputs(shown ? "\n\n" : " (none)\n\n", stdout);
  }
  return QC_EXIT_OK;
}

/* FILE:LINE when FILE exists: the segment of FILE that holds LINE. */
static int explain_line(explainer *ex, const char *arg, bool *done) {
  const char *colon = strrchr(arg, ':');
  *done = false;
  if (!colon || !colon[1] || strspn(colon + 1, "0123456789") != strlen(colon + 1))
    return QC_EXIT_OK;
  char *path = cli_xcalloc((size_t)(colon - arg) + 1, 1);
  memcpy(path, arg, (size_t)(colon - arg));
  FILE *probe = fopen(path, "rb");
  if (!probe) {
    free(path);
    return QC_EXIT_OK;
  }
  fclose(probe);
  *done = true;
  unsigned long line = strtoul(colon + 1, NULL, 10);
  qc_error err;
  qc_error_clear(&err);
  qc_reader_opts opts = {0};
  qc_transcript *t;
  int rc = QC_EXIT_OK;
  if (qc_transcript_open(&t, path, NULL, &opts, &err) != QC_OK) {
    free(path);
    return cli_report(&err);
  }
  const qc_segment *seg;
  bool found = false;
  while (rc == QC_EXIT_OK) {
    if (qc_transcript_next(t, &seg, &err) != QC_OK) {
      rc = cli_report(&err);
      break;
    }
    if (!seg)
      break;
    if (seg->line <= line && line <= seg->last_line) {
      char label[512];
      snprintf(label, sizeof label, "%s:%u-%u %s (segment %zu)", path,
               seg->line, seg->last_line, seg->speaker, seg->index);
      rc = explain_text(ex, arg, label, seg->text, seg->len);
      found = true;
      break;
    }
  }
  if (rc == QC_EXIT_OK && !found)
    rc = cli_usage_error("explain", "no segment of '%s' holds line %lu",
                         path, line);
  qc_transcript_free(t);
  free(path);
  return rc;
}

static int explain_examples(explainer *ex) {
  qc_error err;
  qc_error_clear(&err);
  qc_check_result *res;
  size_t n;
  if (qc_codebook_check(ex->cb, &res, &n, &err) != QC_OK)
    return cli_report(&err);
  int rc = QC_EXIT_OK;
  for (size_t i = 0; i < n && rc == QC_EXIT_OK; i++) {
    if (res[i].kind == QC_CHECK_NO_RULES ||
        (ex->selected && !ex->selected[res[i].code]))
      continue;
    char label[512], input[64];
    snprintf(label, sizeof label, "%s:%u: %s of %s (%s)",
             qc_codebook_file(ex->cb), res[i].line,
             res[i].kind == QC_CHECK_EXAMPLE ? "example" : "counterexample",
             qc_codebook_code_path(ex->cb, res[i].code),
             res[i].passed ? "passes" : "FAILS");
    snprintf(input, sizeof input, "%s:%u", qc_codebook_file(ex->cb),
             res[i].line);
    rc = explain_text(ex, input, label, res[i].text, strlen(res[i].text));
  }
  free(res);
  return rc;
}

static int run(explainer *ex, bool examples, int nargs, char **args) {
  if (ex->tsv)
    fputs("input\tcode\tstatus\tline\trule\thit\tmatched\tcause\tstart\tend\n",
          stdout);
  if (examples)
    return explain_examples(ex);
  for (int i = 0; i < nargs; i++) {
    bool done;
    int rc = explain_line(ex, args[i], &done);
    if (rc == QC_EXIT_OK && !done)
      rc = explain_text(ex, args[i], "text", args[i], strlen(args[i]));
    if (rc != QC_EXIT_OK)
      return rc;
  }
  return QC_EXIT_OK;
}

/* Marks the --code paths and their descendants (codes are in pre-order). */
static int select_codes(explainer *ex, char **paths, size_t n) {
  size_t ncodes = qc_codebook_code_count(ex->cb);
  ex->selected = cli_xcalloc(ncodes ? ncodes : 1, sizeof *ex->selected);
  for (size_t k = 0; k < n; k++) {
    size_t c = qc_codebook_code_find(ex->cb, paths[k]);
    if (c == (size_t)-1)
      return cli_usage_error("explain", "no code '%s' in '%s'", paths[k],
                             qc_codebook_file(ex->cb));
    ex->selected[c] = true;
  }
  for (size_t i = 0; i < ncodes; i++) {
    size_t p = qc_codebook_code_parent(ex->cb, i);
    if (p != (size_t)-1 && ex->selected[p])
      ex->selected[i] = true;
  }
  return QC_EXIT_OK;
}

int cmd_explain(int argc, char **argv) {
  const char *cbpath = NULL;
  bool examples = false, tsv = false;
  char **codes = cli_xcalloc((size_t)argc + 1, sizeof *codes);
  size_t ncodes = 0;
  int c, rc;
  static const char *const formats[] = {"text", "tsv", NULL};
  optind = 0;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "c:f:h", options, NULL)) != -1) {
    switch (c) {
    case 'c': cbpath = optarg; break;
    case OPT_EXAMPLES: examples = true; break;
    case OPT_CODE: codes[ncodes++] = optarg; break;
    case 'f':
      if ((rc = cli_choice(optarg, formats)) < 0) {
        free(codes);
        return cli_usage_error("explain", "unknown format '%s' (text, tsv)",
                               optarg);
      }
      tsv = rc == 1;
      break;
    case 'h': free(codes); fputs(usage, stdout); return QC_EXIT_OK;
    default:
      free(codes);
      return cli_usage_error("explain", "unknown option '%s'",
                             argv[optind - 1]);
    }
  }
  if (!cbpath || (!examples && optind == argc) || (examples && optind < argc)) {
    free(codes);
    return cli_usage_error("explain", !cbpath ? "no codebook (-c FILE)"
                                      : examples
                                          ? "--examples takes no text"
                                          : "give a text or FILE:LINE");
  }
  qc_error err;
  qc_error_clear(&err);
  qc_codebook *cb;
  if (qc_codebook_load(&cb, cbpath, &err) != QC_OK) {
    free(codes);
    return cli_report(&err);
  }
  explainer ex = {cb, qc_coder_new(cb), tsv, NULL};
  qc_coder_set_trace(ex.coder, true);
  rc = ncodes ? select_codes(&ex, codes, ncodes) : QC_EXIT_OK;
  if (rc == QC_EXIT_OK)
    rc = run(&ex, examples, argc - optind, argv + optind);
  free(ex.selected);
  free(codes);
  qc_coder_free(ex.coder);
  qc_codebook_free(cb);
  if (rc == QC_EXIT_OK && (fflush(stdout) || ferror(stdout)))
    return cli_stdout_failed();
  return rc;
}
