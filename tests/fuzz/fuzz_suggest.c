/* fuzz_suggest.c: `qcode suggest` on any transcript. The first byte
 * chooses the options (top, min-turns, within, YAML or a table); the rest
 * is a transcript. A coding sheet is made from its segments (each turn's
 * codes from a hash of its text) and the suggestions are learnt on it with
 * a fixed codebook. Whatever the words, every candidate written must be
 * one the codebook accepts (none refused), the run must succeed, every
 * table row must have its 17 cells, and each suggested rule must load. */
#include "buf.h"
#include "codebook.h"
#include "fuzz_common.h"

#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char codebook[] =
    "qcode: 1\n"
    "classes:\n"
    "  gain: {words: [tijdswinst, sneller], verbs: [winnen]}\n"
    "  tool: [tablet, app, systeem]\n"
    "codes:\n"
    "  - id: tone\n"
    "    codes:\n"
    "      - id: optimist\n"
    "        words: ['@gain']\n"
    "      - id: pessimist\n"
    "        rules:\n"
    "          - words: ['@gain']\n"
    "            negation: invert\n"
    "        exclude:\n"
    "          words: [grap]\n"
    "  - id: tech\n"
    "    words: ['@tool']\n";

static const char *const codes[] = {"tone/optimist", "tone/pessimist", "tech"};

static char cb_path[64], sheet_path[64];

static void write_file(const char *path, const char *s, size_t n) {
  FILE *fp = fopen(path, "wb");
  FUZZ_CHECK(fp != NULL);
  FUZZ_CHECK(fwrite(s, 1, n, fp) == n);
  FUZZ_CHECK(fclose(fp) == 0);
}

static void temp_path(char *path, size_t size, const char *name) {
  snprintf(path, size, "/tmp/qcode-fuzz-%s-XXXXXX", name);
  int fd = mkstemp(path);
  FUZZ_CHECK(fd >= 0);
  close(fd);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0)
    return 0;
  if (!*cb_path) {
    temp_path(cb_path, sizeof cb_path, "cb");
    temp_path(sheet_path, sizeof sheet_path, "sheet");
    write_file(cb_path, codebook, sizeof codebook - 1);
  }
  unsigned opt = data[0];
  const char *text = (const char *)data + 1;
  size_t len = size - 1;
  qc_error err;
  qc_error_clear(&err);
  qc_transcript *t;
  qc_reader_opts ro = {0};
  if (qc_transcript_open_mem(&t, text, len, "fuzz.txt", &ro, &err) != QC_OK)
    return 0;
  qc_suggest *sg = qc_suggest_new();
  qc_buf sheet = QC_BUF_INIT;
  qc_buf_puts(&sheet, "file\tsegment\tcode\n");
  size_t nsegs = 0;
  for (;;) {
    const qc_segment *seg;
    if (qc_transcript_next(t, &seg, &err) != QC_OK || !seg)
      break;
    qc_suggest_add(sg, "fuzz.txt", seg->index, seg->text, seg->len);
    size_t h = QC_STRMAP_HASH_INIT;
    for (size_t i = 0; i < seg->len; i++)
      h = QC_STRMAP_HASH_STEP(h, seg->text[i]);
    bool any = false;
    for (int c = 0; c < 3; c++)
      if (h >> (8 + c) & 1) {
        qc_buf_printf(&sheet, "fuzz.txt\t%zu\t%s\n", seg->index, codes[c]);
        any = true;
      }
    if (!any)
      qc_buf_printf(&sheet, "fuzz.txt\t%zu\t\n", seg->index);
    nsegs++;
  }
  qc_transcript_free(t);
  write_file(sheet_path, sheet.ptr, sheet.len);
  qc_buf_release(&sheet);
  size_t refused = 99;
  char *warning = NULL;
  qc_suggest_opts so = {QC_FORMAT_TSV, (opt & 0x80) != 0, NULL, 0,
                        1 + (opt & 3), 1 + ((opt >> 2) & 1),
                        1 + ((opt >> 3) & 7), &warning, &refused};
  char *out = NULL;
  size_t outlen = 0;
  qc_status st = qc_suggest_run(sg, cb_path, sheet_path, &so, &out, &outlen,
                                &err);
  /* a transcript with no segment leaves nothing in common */
  FUZZ_CHECK(st == QC_OK || (st == QC_ERR_DATA && nsegs == 0));
  if (st == QC_OK) {
    FUZZ_CHECK(refused == 0);
    FUZZ_CHECK(strlen(out) == outlen);
    if (!so.yaml) {
      size_t rows = 0;
      for (char *line = out; *line; rows++) {
        char *nl = strchr(line, '\n');
        FUZZ_CHECK(nl != NULL);
        *nl = 0;
        size_t cells = 1;
        char *cell[17] = {line};
        for (char *p = line; *p; p++)
          if (*p == '\t') {
            *p = 0;
            if (cells < 17)
              cell[cells] = p + 1;
            cells++;
          }
        FUZZ_CHECK(cells == 17);
        if (rows > 0) { /* the rule loads as pasted */
          size_t code = QC_NO_PARENT;
          for (int c = 0; c < 3; c++)
            if (!strcmp(cell[0], codes[c]))
              code = (size_t)c;
          FUZZ_CHECK(code != QC_NO_PARENT);
          qc_codebook *probe;
          qc_codebook *base;
          FUZZ_CHECK(qc_codebook_load_mem(&base, codebook, sizeof codebook - 1,
                                          "fuzz.yaml", &err) == QC_OK);
          code = qc_codebook_code_find(base, codes[code]);
          qc_codebook_free(base);
          qc_extra_rule ex = {code,
                              !strcmp(cell[1], "rule") ? QC_ROLE_HIT
                                                       : QC_ROLE_EXCLUDE,
                              cell[4]};
          FUZZ_CHECK(qc_codebook_load_extra(&probe, codebook,
                                            sizeof codebook - 1, "fuzz.yaml",
                                            &ex, 1, &err) == QC_OK);
          qc_codebook_free(probe);
        }
        line = nl + 1;
      }
      FUZZ_CHECK(rows >= 1);
    }
  }
  free(out);
  free(warning);
  qc_suggest_free(sg);
  return 0;
}
