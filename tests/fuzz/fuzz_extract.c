/* fuzz_extract.c: the .docx, .odt, .vtt and .srt readers. The first byte
 * chooses the format (or AUTO, by content) and the unit; the rest is the
 * file. What is extracted must be valid UTF-8 with a line table in line
 * order inside the text, and every segment the reader makes of it must be
 * the extracted text's own bytes (with labels and cue times blanked). */
#include "fuzz_common.h"
#include "extract.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const qc_text_format formats[] = {QC_TEXT_DOCX, QC_TEXT_ODT,
                                         QC_TEXT_VTT, QC_TEXT_SRT,
                                         QC_TEXT_AUTO};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0)
    return 0;
  qc_text_format f = formats[data[0] % 5];
  const char *in = (const char *)data + 1;
  size_t len = size - 1;
  qc_error err;
  qc_error_clear(&err);
  qc_text_format g = f == QC_TEXT_AUTO ? qc_text_format_sniff(in, len) : f;
  qc_extracted x = {0};
  const char *text = NULL;
  size_t tlen = 0;
  if (g != QC_TEXT_PLAIN) {
    qc_status st = qc_extract(g, "fuzz", in, len, &x, &err);
    if (st != QC_OK) {
      fuzz_check_error(st, &err);
      qc_extracted_free(&x);
      return 0;
    }
    text = x.text.ptr ? x.text.ptr : "";
    tlen = x.text.len;
    FUZZ_CHECK(qc_utf8_check(text, tlen) == tlen);
    FUZZ_CHECK(!memchr(text, '\0', tlen));
    unsigned lines = 0;
    for (size_t i = 0; i < tlen; i++)
      lines += text[i] == '\n';
    for (size_t i = 0; i < x.nlines; i++) {
      FUZZ_CHECK(x.lines[i].line >= 1 && x.lines[i].line <= lines);
      FUZZ_CHECK(i == 0 || x.lines[i].line > x.lines[i - 1].line);
      FUZZ_CHECK(!x.lines[i].turn || x.lines[i].speaker);
      FUZZ_CHECK(x.lines[i].start < 0 || x.lines[i].end >= x.lines[i].start);
    }
  }
  qc_reader_opts ro = {0};
  ro.format = f;
  ro.unit = (qc_unit)((data[0] / 5) % 3);
  qc_transcript *t = NULL;
  qc_status st = qc_transcript_open_mem(&t, in, len, "fuzz", &ro, &err);
  if (st != QC_OK) {
    fuzz_check_error(st, &err);
    qc_extracted_free(&x);
    return 0;
  }
  size_t prev_end = 0;
  for (;;) {
    const qc_segment *seg;
    st = qc_transcript_next(t, &seg, &err);
    if (st != QC_OK) {
      fuzz_check_error(st, &err);
      break;
    }
    if (!seg)
      break;
    FUZZ_CHECK(seg->len > 0);
    FUZZ_CHECK(seg->offset >= prev_end);
    FUZZ_CHECK(seg->line <= seg->last_line);
    FUZZ_CHECK(seg->time_start >= 0 || seg->time_end < 0);
    if (text) { /* plain input is checked by fuzz_transcript */
      FUZZ_CHECK(seg->offset + seg->len <= tlen);
      for (size_t i = 0; i < seg->len; i++)
        FUZZ_CHECK(seg->text[i] == text[seg->offset + i] ||
                   seg->text[i] == ' ');
    }
    prev_end = seg->offset + seg->len;
  }
  qc_transcript_free(t);
  qc_extracted_free(&x);
  return 0;
}
