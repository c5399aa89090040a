/* fuzz_apply.c: the whole `qcode apply` pipeline. The first byte chooses
 * the options (unit, speaker or file grouping, per-segment table, keyword
 * in context); the rest is split at the first NUL byte, or else at the
 * first "\n===\n" line, into a codebook and a transcript (no separator: the
 * whole rest is the codebook and a fixed text is coded). The codebook must
 * load or fail cleanly; each segment is coded, spans are checked to lie
 * inside the segment text and to equal the coding without the regex
 * prefilter (which decides where regexes are tried), the codings are
 * tallied and the tally is formatted in every format, long and wide. */
#include "codebook.h"
#include "fuzz_common.h"

#include <libxml/parser.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char fixed[] =
    "---\nsubsector: zorg\n---\n"
    "Moderator: Wat levert het EPD op?\n"
    "P1: Eerlijk? Dat geeft tijdswinst, en minder papierwerk.\n"
    "We werken met tablets aan het bed.\n\n"
    "P2: Geen tijdswinst hoor, alleen planlast. Het systeem crasht ook.\n";

static void check_format(const qc_tally *tally, qc_format format, bool wide,
                         qc_value value) {
  qc_table_opts to = {format, wide, value, "speaker"};
  size_t len = (size_t)-1;
  char *out = qc_tally_format(tally, &to, &len);
  FUZZ_CHECK(out != NULL);
  FUZZ_CHECK(strlen(out) == len);
  free(out);
}

/* The report parses as XML (qcode writes polyglot markup) and has no
 * element that runs or loads anything, whatever the input said. */
static void check_tree(const xmlNode *n) {
  static const char *const banned[] = {"script", "img",   "iframe", "object",
                                       "embed",  "link",  "image",  "use"};
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE)
      continue;
    for (size_t i = 0; i < sizeof banned / sizeof *banned; i++)
      FUZZ_CHECK(strcmp((const char *)n->name, banned[i]) != 0);
    for (const xmlAttr *a = n->properties; a; a = a->next) {
      const char *name = (const char *)a->name;
      FUZZ_CHECK(strcmp(name, "src") != 0 && strncmp(name, "on", 2) != 0);
      if (!strcmp(name, "href"))
        FUZZ_CHECK(a->children && a->children->content &&
                   a->children->content[0] == '#');
    }
    check_tree(n->children);
  }
}

static void check_page(const char *page, size_t len) {
  xmlDocPtr doc = xmlReadMemory(page, (int)len, "report.html", NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR |
                                    XML_PARSE_NOWARNING);
  FUZZ_CHECK(doc != NULL);
  check_tree(xmlDocGetRootElement(doc));
  xmlFreeDoc(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0)
    return 0;
  unsigned opt = data[0];
  const char *rest = (const char *)data + 1;
  size_t n = size - 1;
  const char *tr = fixed;
  size_t cb_len = n, tr_len = sizeof fixed - 1;
  const char *nul = memchr(rest, '\0', n);
  if (nul) {
    cb_len = (size_t)(nul - rest);
    tr = nul + 1;
    tr_len = n - cb_len - 1;
  } else {
    for (size_t i = 0; i + 5 <= n; i++)
      if (memcmp(rest + i, "\n===\n", 5) == 0) {
        cb_len = i + 1;
        tr = rest + i + 5;
        tr_len = n - i - 5;
        break;
      }
  }
  /* Copies of exact size, so that reading past either is caught. */
  char *cbtext = malloc(cb_len ? cb_len : 1);
  char *trtext = malloc(tr_len ? tr_len : 1);
  memcpy(cbtext, rest, cb_len);
  memcpy(trtext, tr, tr_len);

  qc_codebook *cb = NULL;
  qc_transcript *t = NULL;
  qc_error err;
  qc_error_clear(&err);
  qc_status st = qc_codebook_load_mem(&cb, cbtext, cb_len, "fuzz.yaml", &err);
  if (st != QC_OK) {
    fuzz_check_error(st, &err);
    goto done;
  }
  size_t ncodes = qc_codebook_code_count(cb);
  qc_reader_opts ro = {0};
  ro.unit = (qc_unit)(opt % 3);
  st = qc_transcript_open_mem(&t, trtext, tr_len, "fuzz.txt", &ro, &err);
  if (st != QC_OK) {
    fuzz_check_error(st, &err);
    goto done;
  }
  bool by_file = opt & 0x04;
  qc_coder *coder = qc_coder_new(cb);
  qc_coder *plain = qc_coder_new(cb); /* the same, every regex scanned */
  qc_tally *tally = qc_tally_new(cb);
  qc_segment_table_opts so = {(qc_format)((opt >> 3) & 3), "speaker",
                              (opt & 0x20) != 0, (opt & 0x20) != 0,
                              (opt & 0x02) != 0, (opt & 0x01) != 0};
  qc_segment_table *segtab = opt & 0x40 ? qc_segment_table_new(cb, &so) : NULL;
  qc_kwic_opts ko = {(qc_format)((opt >> 3) & 3), (opt & 0x20) != 0,
                     (opt & 0x20) != 0, 20, NULL, 0, (opt & 0x02) != 0,
                     (opt & 0x01) != 0};
  qc_kwic *kwic = opt & 0x80 ? qc_kwic_new(cb, &ko) : NULL;
  qc_cooccur_opts co_opts = {(qc_format)((opt >> 3) % 3), "speaker",
                             (opt & 0x10) != 0};
  qc_cooccur *co = qc_cooccur_new(cb, &co_opts);
  qc_report_opts ro2 = {"speaker", "fuzz <report>", "2026-12-04", 2};
  qc_report *rep = qc_report_new(cb, &ro2);
  qc_report_start_file(rep, "fuzz.txt", NULL);
  qc_tally_touch(tally, "fuzz.txt");
  for (;;) {
    const qc_segment *seg;
    st = qc_transcript_next(t, &seg, &err);
    if (st != QC_OK) {
      fuzz_check_error(st, &err);
      break;
    }
    if (!seg)
      break;
    FUZZ_CHECK(seg->offset <= tr_len && seg->len <= tr_len - seg->offset);
    const qc_coding *coding;
    st = qc_coder_code(coder, seg->text, seg->len, &coding, &err);
    if (st != QC_OK) {
      fuzz_check_error(st, &err);
      FUZZ_CHECK(st == QC_ERR_REGEX);
      continue;
    }
    FUZZ_CHECK(coding->tokens <= seg->len);
    /* The prefilter and the anchored starts must not change the coding
     * (a match limit may stop the slower plain scan: then no verdict). */
    const qc_coding *scanned;
    cb->no_prefilter = true;
    qc_status st2 = qc_coder_code(plain, seg->text, seg->len, &scanned, &err);
    cb->no_prefilter = false;
    if (st2 == QC_OK) {
      FUZZ_CHECK(scanned->nspans == coding->nspans);
      FUZZ_CHECK(scanned->tokens == coding->tokens);
      for (size_t i = 0; i < ncodes; i++)
        FUZZ_CHECK(scanned->coded[i] == coding->coded[i] &&
                   scanned->hits[i] == coding->hits[i]);
      FUZZ_CHECK(coding->nspans == 0 ||
                 memcmp(scanned->spans, coding->spans,
                        coding->nspans * sizeof *coding->spans) == 0);
    } else {
      FUZZ_CHECK(st2 == QC_ERR_REGEX);
    }
    for (size_t i = 0; i < coding->nspans; i++) {
      const qc_span *sp = &coding->spans[i];
      FUZZ_CHECK(sp->start <= sp->end && sp->end <= seg->len);
      FUZZ_CHECK(sp->code < ncodes && coding->hits[sp->code] > 0);
      FUZZ_CHECK(coding->coded[sp->code]);
      FUZZ_CHECK(i == 0 || coding->spans[i - 1].start <= sp->start);
    }
    const char *group = by_file ? "fuzz.txt" : seg->speaker;
    qc_tally_add(tally, group, coding);
    if (segtab)
      qc_segment_table_add(segtab, "fuzz.txt", seg, group, coding);
    if (kwic)
      qc_kwic_add(kwic, "fuzz.txt", seg, coding);
    qc_cooccur_add(co, group, coding);
    qc_report_add(rep, seg, group, coding);
  }
  qc_report_end_file(rep, true);
  for (qc_format f = QC_FORMAT_TSV; f <= QC_FORMAT_JSONL; f++) {
    check_format(tally, f, false, QC_VALUE_SEGMENTS);
    check_format(tally, f, true, (qc_value)(opt % 3));
  }
  size_t len;
  if (segtab) {
    char *out = qc_segment_table_finish(segtab, &len);
    FUZZ_CHECK(out && strlen(out) == len);
    free(out);
  }
  if (kwic) {
    char *out = qc_kwic_finish(kwic, &len);
    FUZZ_CHECK(out && strlen(out) == len);
    free(out);
  }
  /* the page escapes what the codebook and transcript say: nothing in
   * them becomes markup that runs or loads */
  char *page = qc_report_finish(rep, &len);
  FUZZ_CHECK(page && strlen(page) == len);
  check_page(page, len);
  free(page);
  char *co_out = qc_cooccur_finish(co, &len);
  FUZZ_CHECK(co_out && strlen(co_out) == len);
  free(co_out);
  /* the statistics of the same counts, per code and per cell */
  for (int cells = 0; cells < 2; cells++) {
    qc_stats_opts so2 = {(qc_format)((opt >> 3) % 3), "speaker", cells != 0,
                         50, 1};
    size_t small;
    char *st_out = qc_stats_format(cb, tally, &so2, &small, &len);
    FUZZ_CHECK(st_out && strlen(st_out) == len);
    FUZZ_CHECK(small <= ncodes);
    free(st_out);
  }
  qc_tally_free(tally);
  qc_coder_free(coder);
  qc_coder_free(plain);
done:
  qc_transcript_free(t);
  qc_codebook_free(cb);
  free(cbtext);
  free(trtext);
  return 0;
}
