/* extract.h: the text of a Word, OpenDocument, WebVTT or SRT transcript
 * as plain text in qcode's transcript layout, with what the plain text
 * cannot say (a bold speaker label, a cue's times) in a table of lines
 * that the transcript reader follows. */
#ifndef QC_EXTRACT_H
#define QC_EXTRACT_H

#include "qcode.h"
#include "buf.h"

/* A line of the extracted text that the reader must not take at face
 * value: its first 'prefix' bytes (cue times, a label) are not text; when
 * 'turn' is set it starts a turn of 'speaker', else the reader looks for a
 * label after the prefix as on any line. */
typedef struct qc_xline {
  unsigned line; /* 1-based, in the extracted text */
  unsigned prefix;
  bool turn;
  char *speaker;
  long long start, end; /* ms, -1 when not known */
} qc_xline;

typedef struct qc_extracted {
  qc_buf text;
  qc_xline *lines; /* in line order */
  size_t nlines, cap;
  unsigned lineno; /* lines written so far */
  /* Subtitles: consecutive cues of one speaker are one turn. */
  bool join_speakers;
} qc_extracted;

/* The format of a file from its name's extension, or QC_TEXT_AUTO. */
qc_text_format qc_text_format_of_name(const char *path);

/* The format of a file from its first bytes (a zip is looked into), or
 * QC_TEXT_PLAIN. */
qc_text_format qc_text_format_sniff(const char *data, size_t len);

/* Extracts data[0..len) of format 'f' (not AUTO or PLAIN) into '*x'
 * (zero-initialised by the caller, freed with qc_extracted_free). 'file'
 * names the input in messages. */
qc_status qc_extract(qc_text_format f, const char *file, const char *data,
                     size_t len, qc_extracted *x, qc_error *err);

void qc_extracted_free(qc_extracted *x);

/* The length of the cue times that start line s[0..n) as qcode extract
 * writes them ("[00:00:01.000 --> 00:00:04.000] "), with the times in
 * *start and *end; 0 when the line does not start so. */
size_t qc_cue_prefix(const char *s, size_t n, long long *start,
                     long long *end);

/* A timestamp as a turn line has it ("00:12:34", "12:34", "1:02:03.5"),
 * in ms; -1 when it is not one. */
long long qc_time_parse(const char *s, size_t n);

#endif
