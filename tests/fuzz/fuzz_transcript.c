/* fuzz_transcript.c: the transcript reader. The first byte chooses the
 * unit (turn, paragraph, sentence) and whether a custom speaker pattern is
 * used; the rest is the transcript. Every segment is checked against the
 * input it came from (offsets, blanked bytes, line numbers, order) and
 * tokenised, with the tokenizer's invariants checked too. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The number of line ends ("\n", "\r\n" or a lone "\r") that end in
 * s[from..to); 's' has 'len' bytes. */
static unsigned line_ends(const uint8_t *s, size_t len, size_t from,
                          size_t to) {
  unsigned n = 0;
  for (size_t i = from; i < to; i++)
    n += s[i] == '\n' || (s[i] == '\r' && (i + 1 >= len || s[i + 1] != '\n'));
  return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0)
    return 0;
  unsigned opt = data[0];
  const uint8_t *text = data + 1;
  size_t len = size - 1;
  qc_reader_opts ro = {0};
  ro.format = QC_TEXT_PLAIN; /* offsets are checked against the input */
  ro.unit = (qc_unit)(opt % 3);
  if (opt & 0x80) /* a label in angle brackets, e.g. "<Jan> tekst" */
    ro.speaker_pattern = "^<(?<speaker>[^>\\n]{1,20})>[ \\t]*";
  qc_error err;
  qc_error_clear(&err);
  qc_transcript *t = NULL;
  qc_status st = qc_transcript_open_mem(&t, (const char *)text, len, "fuzz",
                                        &ro, &err);
  if (st != QC_OK) {
    FUZZ_CHECK(t == NULL);
    fuzz_check_error(st, &err);
    return 0;
  }
  FUZZ_CHECK(strcmp(qc_transcript_name(t), "fuzz") == 0);
  for (size_t i = 0; i < qc_transcript_meta_count(t); i++) {
    const char *k, *v;
    qc_transcript_meta_at(t, i, &k, &v);
    FUZZ_CHECK(k && v);
    FUZZ_CHECK(qc_transcript_meta(t, k) == v); /* keys are unique */
  }
  qc_tokenizer *tz = qc_tokenizer_new();
  size_t prev_end = 0, index = 0, turn = 0;
  unsigned prev_line = 0;
  /* Line ends before prev_end, so that the line check stays linear. */
  size_t counted = 0;
  unsigned counted_line = 1;
  for (;;) {
    const qc_segment *seg;
    qc_error_clear(&err);
    st = qc_transcript_next(t, &seg, &err);
    if (st != QC_OK) {
      fuzz_check_error(st, &err);
      if (err.line)
        FUZZ_CHECK(err.offset <= len);
      break;
    }
    if (!seg)
      break;
    /* Inside the input, after the previous segment, numbered in order. */
    FUZZ_CHECK(seg->len > 0);
    FUZZ_CHECK(seg->offset >= prev_end);
    FUZZ_CHECK(seg->offset <= len && seg->len <= len - seg->offset);
    FUZZ_CHECK(seg->index == ++index);
    FUZZ_CHECK(seg->speaker != NULL);
    FUZZ_CHECK(seg->turn >= turn);
    FUZZ_CHECK((seg->turn == 0) == (seg->speaker[0] == '\0') ||
               ro.speaker_pattern);
    turn = seg->turn;
    /* Byte i of the text is byte offset+i of the input, or a blanked
     * label, comment or CR (a space), or a lone CR turned into LF. */
    const uint8_t *in = text + seg->offset;
    const uint8_t *s = (const uint8_t *)seg->text;
    for (size_t i = 0; i < seg->len; i++) {
      if (s[i] == in[i] || s[i] == ' ' || (s[i] == '\n' && in[i] == '\r'))
        continue;
      fprintf(stderr, "segment %zu byte %zu: 0x%02X, input has 0x%02X\n",
              seg->index, i, s[i], in[i]);
      FUZZ_CHECK(!"segment text is the input's bytes");
    }
    FUZZ_CHECK(s[0] != ' ' && s[0] != '\n' && s[0] != '\t');
    FUZZ_CHECK(s[0] == in[0] && s[seg->len - 1] == in[seg->len - 1]);
    /* Line numbers: those of the first and the last byte. */
    counted_line += line_ends(text, len, counted, seg->offset);
    counted = seg->offset;
    FUZZ_CHECK(seg->line == counted_line);
    FUZZ_CHECK(seg->last_line ==
               counted_line + line_ends(text, len, seg->offset,
                                        seg->offset + seg->len - 1));
    FUZZ_CHECK(seg->line >= prev_line);
    prev_line = seg->last_line;
    prev_end = seg->offset + seg->len;
    /* Tokenise the segment as the coder does. */
    const qc_token *tok;
    size_t n = qc_tokenizer_run(tz, seg->text, seg->len, &tok);
    fuzz_check_tokens(seg->text, seg->len, tok, n, 1);
  }
  qc_tokenizer_free(tz);
  qc_transcript_free(t);
  return 0;
}
