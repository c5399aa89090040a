/* test_transcript.c: unit tests of src/transcript.c: front matter, speaker
 * turns, comment lines, line ends, encodings and the three coding units.
 * Each test writes its transcript to a file in a private temporary
 * directory and reads it back through the public API. */
#include "harness.h"
#include "qcode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char tmpdir[64];
static int nfiles;

/* Writes 'len' bytes to a new file in tmpdir; returns its path (static). */
static const char *write_file(const char *data, size_t len) {
  static char path[128];
  snprintf(path, sizeof path, "%s/t%03d.txt", tmpdir, nfiles++);
  FILE *fp = fopen(path, "wb");
  if (!fp || fwrite(data, 1, len, fp) != len || fclose(fp) != 0) {
    fprintf(stderr, "cannot write '%s'\n", path);
    exit(2);
  }
  return path;
}

/* A copy of a segment, which is borrowed only until the next call. */
typedef struct seg_copy {
  char *text;
  size_t len, offset;
  unsigned line, last_line;
  char speaker[64];
  size_t turn, index;
} seg_copy;

#define MAX_SEGS 16

typedef struct result {
  qc_status open_status, next_status;
  qc_error err;
  qc_transcript *tr; /* kept open for meta queries; NULL on open failure */
  seg_copy segs[MAX_SEGS];
  size_t nsegs;
  char *file; /* the file's bytes */
  size_t file_len;
} result;

/* Writes 'data', opens it with 'opts' and reads every segment. */
static void read_mem(result *r, const char *data, size_t len,
                     const qc_reader_opts *opts) {
  memset(r, 0, sizeof *r);
  r->file = malloc(len + 1);
  memcpy(r->file, data, len);
  r->file_len = len;
  const char *path = write_file(data, len);
  qc_error_clear(&r->err);
  r->open_status = qc_transcript_open(&r->tr, path, "test.txt", opts, &r->err);
  if (r->open_status != QC_OK)
    return;
  for (;;) {
    const qc_segment *seg = (const qc_segment *)1;
    r->next_status = qc_transcript_next(r->tr, &seg, &r->err);
    if (r->next_status != QC_OK || !seg || r->nsegs == MAX_SEGS)
      break;
    seg_copy *c = &r->segs[r->nsegs++];
    c->text = malloc(seg->len + 1);
    memcpy(c->text, seg->text, seg->len);
    c->text[seg->len] = '\0';
    c->len = seg->len;
    c->offset = seg->offset;
    c->line = seg->line;
    c->last_line = seg->last_line;
    snprintf(c->speaker, sizeof c->speaker, "%s",
             seg->speaker ? seg->speaker : "(null)");
    c->turn = seg->turn;
    c->index = seg->index;
  }
}

#define READ(r, lit, opts) read_mem((r), (lit), sizeof(lit) - 1, (opts))

static void release(result *r) {
  for (size_t i = 0; i < r->nsegs; i++)
    free(r->segs[i].text);
  free(r->file);
  qc_transcript_free(r->tr);
  r->tr = NULL;
}

/* True when every byte of the segment text is the file's byte at the same
 * offset, or a blank (space or newline) standing for a CR, a comment line or
 * a label. */
static bool text_in_place(const result *r, const seg_copy *s) {
  if (s->offset + s->len > r->file_len)
    return false;
  for (size_t i = 0; i < s->len; i++) {
    char f = r->file[s->offset + i], c = s->text[i];
    if (c != f && !(c == ' ' || (c == '\n' && f == '\r')))
      return false;
  }
  return true;
}

static void check_seg(qc_test *t, const result *r, size_t i,
                      const char *speaker, size_t turn, const char *text,
                      unsigned line, unsigned last_line) {
  if (!OK(t, i < r->nsegs, "segment exists"))
    return;
  const seg_copy *s = &r->segs[i];
  STR_EQ(t, s->speaker, speaker, "segment speaker");
  INT_EQ(t, s->turn, turn, "segment turn");
  STR_EQ(t, s->text, text, "segment text");
  INT_EQ(t, s->len, strlen(text), "segment length");
  INT_EQ(t, s->line, line, "segment first line");
  INT_EQ(t, s->last_line, last_line, "segment last line");
  INT_EQ(t, s->index, i + 1, "segment index");
  OK(t, text_in_place(r, s), "segment text sits at its file offset");
}

/* ---- front matter ---- */

static void front_matter(qc_test *t) {
  result r;
  READ(&r,
       "---\n"
       "subsector: zorg\n"
       "group: \"FG 1\"\n"
       "title: 'Een, twee'  \n"
       "tijd: 12:30\n"
       "\n"
       "# een opmerking\n"
       "leeg:\n"
       "---\n"
       "P1: Hallo.\n",
       NULL);
  INT_EQ(t, r.open_status, QC_OK, "open succeeds");
  if (!r.tr) {
    release(&r);
    return;
  }
  INT_EQ(t, qc_transcript_meta_count(r.tr), 5, "five entries");
  STR_EQ(t, qc_transcript_meta(r.tr, "subsector"), "zorg", "plain value");
  STR_EQ(t, qc_transcript_meta(r.tr, "group"), "FG 1", "double-quoted value");
  STR_EQ(t, qc_transcript_meta(r.tr, "title"), "Een, twee",
         "single-quoted value, trailing blanks trimmed");
  STR_EQ(t, qc_transcript_meta(r.tr, "tijd"), "12:30", "value with a colon");
  STR_EQ(t, qc_transcript_meta(r.tr, "leeg"), "", "empty value");
  STR_EQ(t, qc_transcript_meta(r.tr, "ontbreekt"), NULL, "unknown key");
  const char *k, *v;
  qc_transcript_meta_at(r.tr, 0, &k, &v);
  STR_EQ(t, k, "subsector", "entry 0 key (file order)");
  qc_transcript_meta_at(r.tr, 3, &k, &v);
  STR_EQ(t, k, "tijd", "entry 3 key");
  STR_EQ(t, v, "12:30", "entry 3 value");
  STR_EQ(t, qc_transcript_name(r.tr), "test.txt", "name as given");
  INT_EQ(t, r.nsegs, 1, "one segment after the front matter");
  check_seg(t, &r, 0, "P1", 1, "Hallo.", 10, 10);
  INT_EQ(t, r.segs[0].offset, 98, "offset counts the front matter");
  release(&r);

  /* "..." also closes; a file can be front matter only. */
  READ(&r, "---\na: b\n...\n", NULL);
  INT_EQ(t, r.open_status, QC_OK, "'...' closes the front matter");
  INT_EQ(t, r.next_status, QC_OK, "reading an empty body succeeds");
  INT_EQ(t, r.nsegs, 0, "front matter only: no segments");
  if (r.tr)
    STR_EQ(t, qc_transcript_meta(r.tr, "a"), "b", "value read");
  release(&r);

  READ(&r, "---\nkey: value\n---", NULL);
  INT_EQ(t, r.open_status, QC_OK, "closing line without newline");
  INT_EQ(t, r.nsegs, 0, "no segments");
  if (r.tr)
    STR_EQ(t, qc_transcript_meta(r.tr, "key"), "value", "value read");
  release(&r);
}

static void front_matter_errors(qc_test *t) {
  result r;
  READ(&r, "---\na: 1\nb: 2\na: 3\n---\nP1: x\n", NULL);
  INT_EQ(t, r.open_status, QC_ERR_TRANSCRIPT, "duplicate key refused");
  OK(t, r.tr == NULL, "no transcript on error");
  INT_EQ(t, r.err.line, 4, "duplicate key line");
  OK(t, strstr(r.err.msg, "'a'") != NULL, "message names the key");
  STR_EQ(t, r.err.file, "test.txt", "error names the file");
  release(&r);

  READ(&r, "---\na: 1\nb: 2\n", NULL);
  INT_EQ(t, r.open_status, QC_ERR_TRANSCRIPT, "unclosed front matter");
  INT_EQ(t, r.err.line, 1, "unclosed front matter points at its opening");
  OK(t, strstr(r.err.msg, "never closed") != NULL, "message says so");
  release(&r);

  READ(&r, "---\n", NULL);
  INT_EQ(t, r.open_status, QC_ERR_TRANSCRIPT, "lone '---' is unclosed");
  release(&r);

  READ(&r, "---\nouder:\n  kind: 1\n---\n", NULL);
  INT_EQ(t, r.open_status, QC_ERR_TRANSCRIPT, "nested value refused");
  INT_EQ(t, r.err.line, 3, "nested value line");
  INT_EQ(t, r.err.col, 1, "nested value column");
  OK(t, strstr(r.err.msg, "nested") != NULL, "message says nested");
  release(&r);

  READ(&r, "---\na: 1\nzomaar wat tekst\n---\n", NULL);
  INT_EQ(t, r.open_status, QC_ERR_TRANSCRIPT, "line without key refused");
  INT_EQ(t, r.err.line, 3, "bad line number");
  INT_EQ(t, r.err.col, 7, "column of the character where ':' was expected");
  INT_EQ(t, r.err.offset, 15, "byte offset of that character");
  release(&r);
}

/* ---- turns ---- */

static void turns(qc_test *t) {
  result r;
  READ(&r,
       "Moderator: Welkom allemaal.\n"
       "P1: Dank je.\n"
       "Deelnemer 3: Ik begin.\n"
       "[00:12:34] P2: Later iets.\n"
       "00:13:05 P1: Zonder haken.\n"
       "[1:02:03.5] Deelnemer 12: Met fractie.\n"
       "\xC3\x96mer: Met umlaut.\n",
       NULL);
  INT_EQ(t, r.open_status, QC_OK, "open");
  INT_EQ(t, r.next_status, QC_OK, "read");
  INT_EQ(t, r.nsegs, 7, "seven turns");
  check_seg(t, &r, 0, "Moderator", 1, "Welkom allemaal.", 1, 1);
  check_seg(t, &r, 1, "P1", 2, "Dank je.", 2, 2);
  check_seg(t, &r, 2, "Deelnemer 3", 3, "Ik begin.", 3, 3);
  check_seg(t, &r, 3, "P2", 4, "Later iets.", 4, 4);
  check_seg(t, &r, 4, "P1", 5, "Zonder haken.", 5, 5);
  check_seg(t, &r, 5, "Deelnemer 12", 6, "Met fractie.", 6, 6);
  check_seg(t, &r, 6, "\xC3\x96mer", 7, "Met umlaut.", 7, 7);
  INT_EQ(t, r.segs[0].offset, 11, "text starts after 'Moderator: '");
  INT_EQ(t, r.segs[3].offset, 28 + 13 + 23 + 15, "after timestamp and label");
  release(&r);
}

static void not_labels(qc_test *t) {
  result r;
  READ(&r,
       "P1: Eerste zin.\n"
       "Wat ik bedoel: iets anders.\n"
       "moderator: kleine letter.\n"
       "P2:zonder spatie.\n"
       "Dit Is Veel Te Lang: vier woorden.\n"
       "P3: Ja.\n",
       NULL);
  INT_EQ(t, r.nsegs, 2, "only P1 and P3 start turns");
  check_seg(t, &r, 0, "P1", 1,
            "Eerste zin.\nWat ik bedoel: iets anders.\nmoderator: kleine "
            "letter.\nP2:zonder spatie.\nDit Is Veel Te Lang: vier woorden.",
            1, 5);
  check_seg(t, &r, 1, "P3", 2, "Ja.", 6, 6);
  release(&r);
}

static void continuation_lines(qc_test *t) {
  result r;
  READ(&r,
       "P1:\n"
       "Op de volgende regel.\n"
       "En nog een.\n"
       "\n"
       "\n"
       "P2: Kort.\n"
       "\n",
       NULL);
  INT_EQ(t, r.nsegs, 2, "two turns");
  check_seg(t, &r, 0, "P1", 1, "Op de volgende regel.\nEn nog een.", 2, 3);
  check_seg(t, &r, 1, "P2", 2, "Kort.", 6, 6);
  release(&r);
}

static void before_first_turn(qc_test *t) {
  result r;
  READ(&r, "Inleiding zonder spreker.\nTweede regel.\nP1: Hallo.\n", NULL);
  INT_EQ(t, r.nsegs, 2, "two segments");
  check_seg(t, &r, 0, "", 0, "Inleiding zonder spreker.\nTweede regel.", 1, 2);
  check_seg(t, &r, 1, "P1", 1, "Hallo.", 3, 3);
  INT_EQ(t, r.segs[0].offset, 0, "offset 0");
  release(&r);
}

static void comment_lines(qc_test *t) {
  result r;
  READ(&r,
       "# kop van het bestand\n"
       "P1: Eerste regel.\n"
       "# opmerking van de transcribent\n"
       "Tweede regel.\n"
       "#\n"
       "P2: Ander.\n",
       NULL);
  INT_EQ(t, r.nsegs, 2, "comments are not segments");
  const char *want = "Eerste regel.\n"
                     "                               \n"
                     "Tweede regel.";
  check_seg(t, &r, 0, "P1", 1, want, 2, 4);
  OK(t, r.nsegs && !strstr(r.segs[0].text, "opmerking"),
     "comment text is blanked");
  INT_EQ(t, r.segs[0].offset, 26, "offset in the file");
  check_seg(t, &r, 1, "P2", 2, "Ander.", 6, 6);
  release(&r);
}

/* ---- line ends and encodings ---- */

static void crlf(qc_test *t) {
  result r;
  READ(&r, "P1: Een.\r\nNog een.\r\nP2: Twee.\r\n", NULL);
  INT_EQ(t, r.nsegs, 2, "CRLF: two turns");
  check_seg(t, &r, 0, "P1", 1, "Een. \nNog een.", 1, 2);
  check_seg(t, &r, 1, "P2", 2, "Twee.", 3, 3);
  OK(t, r.nsegs && !strchr(r.segs[0].text, '\r'), "no CR in the text");
  release(&r);

  READ(&r, "P1: Een.\rNog een.\rP2: Twee.\r", NULL);
  INT_EQ(t, r.nsegs, 2, "CR only: two turns");
  if (r.nsegs == 2) {
    OK(t, !strchr(r.segs[0].text, '\r'), "no CR in the text");
    INT_EQ(t, r.segs[0].line, 1, "CR only: first line");
    INT_EQ(t, r.segs[0].last_line, 2, "CR only: last line");
    INT_EQ(t, r.segs[1].line, 3, "CR only: third line");
    OK(t, text_in_place(&r, &r.segs[0]), "CR only: text in place");
    STR_EQ(t, r.segs[1].text, "Twee.", "CR only: second turn");
  }
  release(&r);

  /* A comment line with CRLF is blanked, CR included. */
  READ(&r, "P1: a\r\n# c\r\nb\r\n", NULL);
  INT_EQ(t, r.nsegs, 1, "CRLF with a comment: one turn");
  check_seg(t, &r, 0, "P1", 1, "a \n    \nb", 1, 3);
  release(&r);

  /* Mixed, and a missing final line end. */
  READ(&r, "P1: a\r\nb\rc\nd", NULL);
  INT_EQ(t, r.nsegs, 1, "mixed: one turn");
  if (r.nsegs == 1) {
    INT_EQ(t, r.segs[0].last_line, 4, "mixed: four lines");
    INT_EQ(t, r.segs[0].len, 8, "mixed: up to the last byte");
    OK(t, text_in_place(&r, &r.segs[0]), "mixed: text in place");
  }
  release(&r);
}

static void bom(qc_test *t) {
  result r;
  READ(&r, "\xEF\xBB\xBFP1: Hallo.\n", NULL);
  INT_EQ(t, r.open_status, QC_OK, "UTF-8 BOM accepted");
  INT_EQ(t, r.nsegs, 1, "one turn");
  check_seg(t, &r, 0, "P1", 1, "Hallo.", 1, 1);
  if (r.nsegs)
    INT_EQ(t, r.segs[0].offset, 7, "offset counts the BOM");
  release(&r);

  READ(&r, "\xEF\xBB\xBF---\na: b\n---\nTekst.\n", NULL);
  INT_EQ(t, r.open_status, QC_OK, "BOM before front matter");
  if (r.tr)
    STR_EQ(t, qc_transcript_meta(r.tr, "a"), "b", "front matter after BOM");
  check_seg(t, &r, 0, "", 0, "Tekst.", 4, 4);
  release(&r);

  /* Columns and offsets after a BOM: the BOM is no character, but its
   * bytes count in the offset. */
  READ(&r, "\xEF\xBB\xBFP1: caf\xE9\n", NULL);
  INT_EQ(t, r.open_status, QC_ERR_UTF8, "invalid UTF-8 after a BOM");
  INT_EQ(t, r.err.line, 1, "line");
  INT_EQ(t, r.err.col, 8, "column after a BOM");
  INT_EQ(t, r.err.offset, 10, "offset after a BOM");
  release(&r);

  READ(&r, "\xFF\xFEP\0001\000:\000", NULL);
  INT_EQ(t, r.open_status, QC_ERR_UTF8, "UTF-16LE refused");
  OK(t, strstr(r.err.msg, "UTF-16") != NULL, "message names UTF-16");
  INT_EQ(t, r.err.line, 1, "UTF-16 error on line 1");
  release(&r);

  READ(&r, "\xFE\xFF\000P\0001", NULL);
  INT_EQ(t, r.open_status, QC_ERR_UTF8, "UTF-16BE refused");
  release(&r);
}

static void invalid_utf8(qc_test *t) {
  result r;
  /* Latin-1 é on line 2: "P2: Caf" is 7 characters. */
  READ(&r, "P1: Goed.\nP2: Caf\xE9 au lait.\n", NULL);
  INT_EQ(t, r.open_status, QC_OK, "first line is fine");
  INT_EQ(t, r.next_status, QC_ERR_UTF8, "invalid byte refused");
  INT_EQ(t, r.err.line, 2, "line");
  INT_EQ(t, r.err.col, 8, "column");
  INT_EQ(t, r.err.offset, 17, "byte offset");
  OK(t, strstr(r.err.msg, "0xE9") != NULL, "message names the byte");
  STR_EQ(t, r.err.file, "test.txt", "file");
  release(&r);

  /* Columns count code points: "P2: Één " is 8 characters, 10 bytes. */
  READ(&r, "P1: Goed.\nP2: \xC3\x89\xC3\xA9n \xED\xA0\x80.\n", NULL);
  INT_EQ(t, r.next_status, QC_ERR_UTF8, "surrogate refused");
  INT_EQ(t, r.err.line, 2, "line");
  INT_EQ(t, r.err.col, 9, "column in code points");
  INT_EQ(t, r.err.offset, 20, "byte offset");
  release(&r);

  READ(&r, "P1: \xC0\xAF\n", NULL);
  INT_EQ(t, r.open_status, QC_ERR_UTF8, "overlong on the first line");
  INT_EQ(t, r.err.line, 1, "line");
  INT_EQ(t, r.err.col, 5, "column");
  INT_EQ(t, r.err.offset, 4, "byte offset");
  OK(t, r.tr == NULL, "no transcript");
  release(&r);

  READ(&r, "---\nnaam: Jos\xE9\n---\n", NULL);
  INT_EQ(t, r.open_status, QC_ERR_UTF8, "invalid UTF-8 in front matter");
  INT_EQ(t, r.err.line, 2, "line");
  INT_EQ(t, r.err.col, 10, "column");
  INT_EQ(t, r.err.offset, 13, "byte offset");
  release(&r);

  /* A truncated sequence at the very end of the file. */
  READ(&r, "P1: ok \xE2\x82", NULL);
  INT_EQ(t, r.open_status, QC_ERR_UTF8, "truncated at end of file");
  INT_EQ(t, r.err.offset, 7, "byte offset");
  release(&r);
}

static void nul_byte(qc_test *t) {
  result r;
  READ(&r, "P1: Goed.\nP2: a\000b\n", NULL);
  OK(t, r.next_status == QC_ERR_TRANSCRIPT || r.next_status == QC_ERR_UTF8,
     "NUL byte refused");
  INT_EQ(t, r.err.line, 2, "line");
  INT_EQ(t, r.err.col, 6, "column");
  INT_EQ(t, r.err.offset, 15, "byte offset");
  release(&r);

  READ(&r, "\000", NULL);
  OK(t, r.open_status != QC_OK, "file of one NUL refused");
  release(&r);
}

static void empty_files(qc_test *t) {
  result r;
  READ(&r, "", NULL);
  INT_EQ(t, r.open_status, QC_OK, "empty file opens");
  INT_EQ(t, r.next_status, QC_OK, "empty file reads");
  INT_EQ(t, r.nsegs, 0, "empty file: no segments");
  if (r.tr)
    INT_EQ(t, qc_transcript_meta_count(r.tr), 0, "no front matter");
  release(&r);

  READ(&r, "\n\n   \n\t\n", NULL);
  INT_EQ(t, r.nsegs, 0, "blank lines: no segments");
  release(&r);

  READ(&r, "P1:\n\nP2:   \n", NULL);
  INT_EQ(t, r.nsegs, 0, "labels without text: no segments");
  release(&r);

  READ(&r, "# alleen commentaar\n", NULL);
  INT_EQ(t, r.nsegs, 0, "comment only: no segments");
  release(&r);

  qc_transcript *tr = (qc_transcript *)1;
  qc_error err;
  qc_error_clear(&err);
  char path[128];
  snprintf(path, sizeof path, "%s/bestaat-niet.txt", tmpdir);
  INT_EQ(t, qc_transcript_open(&tr, path, NULL, NULL, &err), QC_ERR_IO,
         "missing file");
  OK(t, tr == NULL, "no transcript for a missing file");
  OK(t, strstr(err.msg, "bestaat-niet.txt") != NULL, "message names the file");
  INT_EQ(t, qc_transcript_open(&tr, path, NULL, NULL, NULL), QC_ERR_IO,
         "NULL error pointer accepted");
  qc_transcript_free(NULL);
}

static void name_defaults_to_path(qc_test *t) {
  const char *path = write_file("P1: x\n", 6);
  qc_transcript *tr = NULL;
  INT_EQ(t, qc_transcript_open(&tr, path, NULL, NULL, NULL), QC_OK, "open");
  if (tr)
    STR_EQ(t, qc_transcript_name(tr), path, "name is the path");
  qc_transcript_free(tr);
}

/* ---- units ---- */

static const char units_text[] = "P1: Eerste alinea. Nog een zin.\n"
                                 "Doorlopend.\n"
                                 "\n"
                                 "Tweede alinea.\n"
                                 "P2: Ander.\n";

static void unit_turn(qc_test *t) {
  result r;
  READ(&r, units_text, NULL);
  INT_EQ(t, r.nsegs, 2, "turns");
  check_seg(t, &r, 0, "P1", 1,
            "Eerste alinea. Nog een zin.\nDoorlopend.\n\nTweede alinea.", 1,
            4);
  check_seg(t, &r, 1, "P2", 2, "Ander.", 5, 5);
  release(&r);
}

static void unit_paragraph(qc_test *t) {
  result r;
  qc_reader_opts o = {QC_UNIT_PARAGRAPH, NULL, NULL, QC_TEXT_AUTO};
  READ(&r, units_text, &o);
  INT_EQ(t, r.nsegs, 3, "paragraphs");
  check_seg(t, &r, 0, "P1", 1, "Eerste alinea. Nog een zin.\nDoorlopend.", 1,
            2);
  check_seg(t, &r, 1, "P1", 1, "Tweede alinea.", 4, 4);
  check_seg(t, &r, 2, "P2", 2, "Ander.", 5, 5);
  release(&r);

  /* A label alone on its line, then a blank line: the speaker carries
   * over to the next paragraph. */
  READ(&r, "P1:\n\nTekst hier.\nP2: x\n", &o);
  INT_EQ(t, r.nsegs, 2, "label-only line");
  check_seg(t, &r, 0, "P1", 1, "Tekst hier.", 3, 3);
  check_seg(t, &r, 1, "P2", 2, "x", 4, 4);
  release(&r);

  /* Several blank lines and a comment between paragraphs. */
  READ(&r, "P1: a\n\n\n# c\nb\n", &o);
  INT_EQ(t, r.nsegs, 2, "paragraphs across blank and comment lines");
  check_seg(t, &r, 0, "P1", 1, "a", 1, 1);
  check_seg(t, &r, 1, "P1", 1, "b", 5, 5);
  release(&r);
}

static void unit_sentence(qc_test *t) {
  result r;
  qc_reader_opts o = {QC_UNIT_SENTENCE, NULL, NULL, QC_TEXT_AUTO};
  READ(&r, units_text, &o);
  INT_EQ(t, r.nsegs, 5, "sentences");
  check_seg(t, &r, 0, "P1", 1, "Eerste alinea.", 1, 1);
  check_seg(t, &r, 1, "P1", 1, "Nog een zin.", 1, 1);
  check_seg(t, &r, 2, "P1", 1, "Doorlopend.", 2, 2);
  check_seg(t, &r, 3, "P1", 1, "Tweede alinea.", 4, 4);
  check_seg(t, &r, 4, "P2", 2, "Ander.", 5, 5);
  if (r.nsegs == 5)
    INT_EQ(t, r.segs[1].offset, 19, "second sentence offset");
  release(&r);

  READ(&r, "P1: Dit gaat\nover twee regels. Kort! Echt?\nP2: Ja\n", &o);
  INT_EQ(t, r.nsegs, 4, "sentences over lines");
  check_seg(t, &r, 0, "P1", 1, "Dit gaat\nover twee regels.", 1, 2);
  check_seg(t, &r, 1, "P1", 1, "Kort!", 2, 2);
  check_seg(t, &r, 2, "P1", 1, "Echt?", 2, 2);
  check_seg(t, &r, 3, "P2", 2, "Ja", 3, 3);
  release(&r);
}

/* ---- speaker patterns ---- */

static void speaker_patterns(qc_test *t) {
  result r;
  qc_reader_opts o = {QC_UNIT_TURN, "^(?<speaker>[A-Z]+)> ", NULL, QC_TEXT_AUTO};
  READ(&r, "MOD> hallo daar\nJAN> hoi\nP1: geen label hier\n", &o);
  INT_EQ(t, r.open_status, QC_OK, "custom pattern accepted");
  INT_EQ(t, r.nsegs, 2, "two turns");
  check_seg(t, &r, 0, "MOD", 1, "hallo daar", 1, 1);
  check_seg(t, &r, 1, "JAN", 2, "hoi\nP1: geen label hier", 2, 3);
  release(&r);

  o.speaker_pattern = "^(?<speaker>[A-Z";
  READ(&r, "P1: x\n", &o);
  INT_EQ(t, r.open_status, QC_ERR_REGEX, "invalid pattern");
  OK(t, r.tr == NULL, "no transcript");
  release(&r);

  o.speaker_pattern = "^[A-Z]+: ";
  READ(&r, "P1: x\n", &o);
  INT_EQ(t, r.open_status, QC_ERR_USAGE, "pattern without a speaker group");
  OK(t, strstr(r.err.msg, "speaker") != NULL, "message names the group");
  release(&r);
}

/* ---- chunk boundaries ---- */

static void chunk_boundaries(qc_test *t) {
  /* The reader reads 64 KiB at a time: put a CRLF and a two-byte character
   * across that boundary. */
  size_t chunk = 65536;
  char *buf = malloc(chunk + 64);
  memcpy(buf, "P1: ", 4);
  memset(buf + 4, 'a', chunk - 5);
  memcpy(buf + chunk - 1, "\r\nP2: b\r\n", 9);
  result r;
  read_mem(&r, buf, chunk + 8, NULL);
  INT_EQ(t, r.nsegs, 2, "CRLF across the boundary is one line end");
  if (r.nsegs == 2) {
    INT_EQ(t, r.segs[0].len, chunk - 5, "first turn length");
    INT_EQ(t, r.segs[0].last_line, 1, "first turn is one line");
    INT_EQ(t, r.segs[1].line, 2, "second turn on line 2");
    INT_EQ(t, r.segs[1].offset, chunk + 5, "second turn offset");
  }
  release(&r);

  memcpy(buf + chunk - 1, "\xC3\xA9 ok\n", 6);
  read_mem(&r, buf, chunk + 5, NULL);
  INT_EQ(t, r.next_status, QC_OK, "character across the boundary is valid");
  INT_EQ(t, r.nsegs, 1, "one turn");
  release(&r);
  free(buf);
}

int main(void) {
  snprintf(tmpdir, sizeof tmpdir, "/tmp/qc_test_transcript.XXXXXX");
  if (!mkdtemp(tmpdir)) {
    perror("mkdtemp");
    return 2;
  }
  qc_test t = QC_TEST_INIT;
  QC_RUN(&t, front_matter);
  QC_RUN(&t, front_matter_errors);
  QC_RUN(&t, turns);
  QC_RUN(&t, not_labels);
  QC_RUN(&t, continuation_lines);
  QC_RUN(&t, before_first_turn);
  QC_RUN(&t, comment_lines);
  QC_RUN(&t, crlf);
  QC_RUN(&t, bom);
  QC_RUN(&t, invalid_utf8);
  QC_RUN(&t, nul_byte);
  QC_RUN(&t, empty_files);
  QC_RUN(&t, name_defaults_to_path);
  QC_RUN(&t, unit_turn);
  QC_RUN(&t, unit_paragraph);
  QC_RUN(&t, unit_sentence);
  QC_RUN(&t, speaker_patterns);
  QC_RUN(&t, chunk_boundaries);
  /* Clean up the temporary files. */
  for (int i = 0; i < nfiles; i++) {
    char path[128];
    snprintf(path, sizeof path, "%s/t%03d.txt", tmpdir, i);
    remove(path);
  }
  rmdir(tmpdir);
  return qc_test_finish(&t);
}
