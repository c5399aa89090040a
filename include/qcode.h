/* qcode.h: the one public header of the qcode library.
 *
 * The pipeline: a transcript is read and split into segments
 * (qc_transcript), each segment is folded and tokenised (qc_tokenizer),
 * coded with a compiled codebook (qc_codebook, qc_coder), counted per group
 * (qc_tally) and written as a table.
 *
 * Conventions. Functions that can fail return qc_status (QC_OK is 0) and fill
 * an optional qc_error. Positions in messages are 1-based lines and columns
 * counted in code points; `offset` is a 0-based byte offset. The library
 * never prints, never exits and never reads the environment. Allocation
 * failure aborts (see src/memory.c). qc_X_free(NULL) is a no-op.
 */
#ifndef QCODE_H
#define QCODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** ## Status and errors */

typedef enum {
  QC_OK = 0,
  QC_ERR_NOMEM,      /* out of memory */
  QC_ERR_IO,         /* open, read, write or close failed */
  QC_ERR_YAML,       /* codebook is not well-formed YAML */
  QC_ERR_SCHEMA,     /* codebook is YAML but not a valid codebook */
  QC_ERR_REGEX,      /* a regex rule does not compile or hit a limit */
  QC_ERR_UTF8,       /* input is not valid UTF-8 */
  QC_ERR_TRANSCRIPT, /* transcript is malformed (front matter, ...) */
  QC_ERR_DATA,       /* other invalid input data (metadata tables, ...) */
  QC_ERR_USAGE       /* invalid argument from the caller */
} qc_status;

/** A diagnostic: where (file, 1-based line and column in code points, byte
 * offset) and what. line == 0 means no position is known. */
typedef struct qc_error {
  qc_status code;
  char file[512];
  unsigned line, col;
  size_t offset;
  char msg[512];
} qc_error;

/** Resets 'err' to "no error". Accepts NULL. */
void qc_error_clear(qc_error *err);

/** Returns a constant English name for a status, such as "invalid UTF-8". */
const char *qc_status_str(qc_status status);

/** ## Versions */

/** Returns qcode's version, "MAJOR.MINOR.PATCH"; a constant string. */
const char *qc_version_string(void);

/** Writes the versions of libyaml, PCRE2 (with JIT availability) and
 * utf8proc into 'buf' as one line, for `qcode --version`. */
void qc_library_versions(char *buf, size_t size);

/** ## Tokens */

typedef enum {
  QC_TOK_WORD,     /* letters, digits, inner hyphens and apostrophes */
  QC_TOK_ABBREV,   /* abbreviation with its period(s): bv. o.a. i.p.v. */
  QC_TOK_NUMBER,   /* 20.000 2,5 3 2018-2019 */
  QC_TOK_ORDINAL,  /* 2e 21ste 3de */
  QC_TOK_DATE,     /* 12-03-2024 14/11 */
  QC_TOK_TIME,     /* 14:30 14u30 */
  QC_TOK_URL,      /* https://... www.... */
  QC_TOK_EMAIL,    /* jan@example.org */
  QC_TOK_PUNCT,    /* . , ; ... ?! [...] */
  QC_TOK_QUOTE,    /* " ' “ ” ‘ ’ „ */
  QC_TOK_SYMBOL,   /* % € & + = */
  QC_TOK_EMOJI,    /* one emoji grapheme cluster */
  QC_TOK_EMOTICON  /* :-) :) ;-) :( :D */
} qc_token_type;

/** The token ends a sentence. */
#define QC_TOKF_SENTENCE_END (1u << 0)

/** A token: a span of the tokenised text. 32-bit offsets keep a token at 12
 * bytes, which bounds the memory of very long segments; texts are limited to
 * QC_TEXT_MAX bytes. */
typedef struct qc_token {
  uint32_t start; /* byte offset in the text given to the tokenizer */
  uint32_t len;   /* length in bytes */
  uint16_t type;  /* qc_token_type */
  uint16_t flags; /* QC_TOKF_* */
} qc_token;

/** The longest text the tokenizer and the coder take, in bytes; the
 * transcript reader refuses a longer segment. */
#define QC_TEXT_MAX ((size_t)UINT32_MAX)

/** Returns the lowercase name of a token type ("word", "abbrev", ...). */
const char *qc_token_type_name(qc_token_type type);

/** True for the token types that count as running words: word, abbrev,
 * number, ordinal, date, time, url, email. Word rules match these. */
bool qc_token_is_word(qc_token_type type);

typedef struct qc_tokenizer qc_tokenizer;

/** Returns a new Dutch tokenizer; caller frees with qc_tokenizer_free. */
qc_tokenizer *qc_tokenizer_new(void);
void qc_tokenizer_free(qc_tokenizer *tz);

/** Tokenises 'len' bytes of valid UTF-8 text and sets '*tokens' to the
 * tokens found, in order. Returns their number. The array is borrowed; valid
 * until the next call or qc_tokenizer_free(tz). The last token of the text is
 * always marked QC_TOKF_SENTENCE_END. len must not exceed QC_TEXT_MAX. */
size_t qc_tokenizer_run(qc_tokenizer *tz, const char *text, size_t len,
                        const qc_token **tokens);

/** ## Transcripts */

typedef enum {
  QC_UNIT_TURN,      /* a speaker turn (default) */
  QC_UNIT_PARAGRAPH, /* a turn split at blank lines */
  QC_UNIT_SENTENCE   /* a paragraph split at sentence ends */
} qc_unit;

/** What a transcript file is. AUTO goes by the file name's extension
 * (.docx, .odt, .vtt, .srt; anything else is plain text), and for standard
 * input or another extension by the content (a zip with word/document.xml
 * or an OpenDocument text mimetype, a first line "WEBVTT", a first block
 * that is a number and an SRT cue timing). Every format but plain text is
 * extracted to plain text first (qc_extract); offsets and lines then refer
 * to the extracted text. */
typedef enum {
  QC_TEXT_AUTO,
  QC_TEXT_PLAIN,
  QC_TEXT_DOCX, /* Word (Office Open XML, ECMA-376) */
  QC_TEXT_ODT,  /* OpenDocument text (OASIS ODF 1.2) */
  QC_TEXT_VTT,  /* WebVTT (W3C) */
  QC_TEXT_SRT   /* SubRip subtitles */
} qc_text_format;

/** How a transcript is read. Zero-initialise, then set what differs. */
typedef struct qc_reader_opts {
  qc_unit unit;
  /* PCRE2 pattern that recognises a turn-starting line; its named group
   * "speaker" is the label and the turn text starts at the match's end.
   * NULL means QC_DEFAULT_SPEAKER_PATTERN. */
  const char *speaker_pattern;
  /* The file's encoding when it is not UTF-8, as iconv names it ("latin1",
   * "cp1252", "UTF-16", ...): the text is converted to UTF-8 first, and
   * offsets refer to the converted text. NULL means UTF-8. */
  const char *encoding;
  qc_text_format format; /* AUTO: by extension and content */
} qc_reader_opts;

/** A line starts a turn when it begins with an optional timestamp
 * ("[00:12:34] " or "00:12:34 "; its named group "time" gives the turn its
 * start time), then a label of one to three words (the
 * first starting with an uppercase letter, the others with an uppercase
 * letter or a digit; at most 40 characters), then a colon and a space or the
 * line end. "P1:", "Moderator:", "Deelnemer 3:" start turns; "Wat ik bedoel:"
 * does not. */
#define QC_DEFAULT_SPEAKER_PATTERN                                             \
  "^(?:\\[?(?<time>\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d+)?)\\]?[ \\t]+)?"       \
  "(?<speaker>(?=[^:\\n]{1,40}:)\\p{Lu}[\\p{L}\\p{N}._'-]*"                    \
  "(?:[ ][\\p{Lu}\\p{N}][\\p{L}\\p{N}._'-]*){0,2}):(?:[ \\t]+|$)"

/** The time of a line of a transcript, in milliseconds from the start of
 * the recording: a subtitle cue's start and end, or the timestamp of a turn
 * line (end -1: not known). */
typedef struct qc_line_time {
  unsigned line;
  long long start, end;
} qc_line_time;

/** One coding unit of a transcript. All pointers are borrowed; valid until
 * the next qc_transcript_next or qc_transcript_free. */
typedef struct qc_segment {
  const char *text; /* the file's bytes of this unit, with the label,
                       comment lines and the CR of a CRLF blanked to
                       spaces and a lone CR (old Mac line end) turned into
                       LF, so that byte i of text is byte offset+i of the
                       file */
  size_t len;
  size_t offset;      /* byte offset of text[0] in the file */
  unsigned line;      /* first line (1-based) */
  unsigned last_line; /* last line with text */
  const char *speaker; /* label without colon; "" before the first turn */
  size_t turn;         /* 1-based turn number; 0 before the first turn */
  size_t index;        /* 1-based segment number in the file */
  /* The start of its first timed line (-1 when no line of its unit has a
   * time) and the end of its last (-1 when not known, as for a turn
   * line's timestamp). */
  long long time_start, time_end;
  /* The timed lines of its unit, in line order, for the time of one line
   * (qc_segment_time_at). */
  const qc_line_time *times;
  size_t ntimes;
} qc_segment;

/** The time of line 'line' of 'seg': that of the last timed line at or
 * before it in the unit (a cue's continuation line has its cue's time).
 * Returns false, with -1 in both, when there is none. */
bool qc_segment_time_at(const qc_segment *seg, unsigned line, long long *start,
                        long long *end);

/** Writes 'ms' as "HH:MM:SS.mmm" into out (at least 24 bytes); "" for -1. */
void qc_time_format(long long ms, char *out, size_t size);

/** Reads the file at 'path' (NULL or "-": standard input), converts it
 * from opts->encoding, and extracts its text as the transcript reader sees
 * it: plain text as it is, a .docx or .odt as one line per paragraph with
 * blank lines between (a bold label at the start of a paragraph written
 * "Label: "), subtitles as one line per cue text line with the cue's
 * times in front ("[00:00:01.000 --> 00:00:04.000] "), a voice tag written
 * "Label: ". Front matter comes first, from the "---" paragraphs of a
 * document or the "key: value" header lines of a WebVTT file. Caller frees
 * '*text'. Errors: QC_ERR_IO, QC_ERR_UTF8, QC_ERR_TRANSCRIPT (a malformed
 * cue, with the line and column in the subtitle file), QC_ERR_DATA (a
 * damaged zip or XML), QC_ERR_USAGE (--encoding on a .docx or .odt). */
qc_status qc_extract_file(const char *path, const char *name,
                          const qc_reader_opts *opts, char **text, size_t *len,
                          qc_error *err);

/** The name of a format ("txt", "docx", ...), and the format of a name;
 * false when 'name' is not one. */
const char *qc_text_format_name(qc_text_format f);
bool qc_text_format_parse(const char *name, qc_text_format *f);

typedef struct qc_transcript qc_transcript;

/** Opens a transcript and reads its front matter. 'path' NULL or "-" reads
 * standard input; 'name' is the name used in messages and as the `file`
 * grouping value (NULL: the path, or "-"). Caller frees with
 * qc_transcript_free. Errors: QC_ERR_IO, QC_ERR_UTF8, QC_ERR_TRANSCRIPT,
 * QC_ERR_REGEX (a bad speaker_pattern). */
qc_status qc_transcript_open(qc_transcript **out, const char *path,
                             const char *name, const qc_reader_opts *opts,
                             qc_error *err);

/** The same for a transcript in memory ('data' must outlive the
 * transcript); 'name' is used in messages. */
qc_status qc_transcript_open_mem(qc_transcript **out, const char *data,
                                 size_t len, const char *name,
                                 const qc_reader_opts *opts, qc_error *err);

/** Reads the next segment into '*seg'; sets '*seg' to NULL at the end of
 * the file. Errors: QC_ERR_IO, QC_ERR_UTF8 (with line, column and byte
 * offset of the first bad byte), QC_ERR_TRANSCRIPT (a NUL byte),
 * QC_ERR_REGEX (the speaker pattern hit its match limit). */
qc_status qc_transcript_next(qc_transcript *t, const qc_segment **seg,
                             qc_error *err);

/** Returns the value of front-matter key 'key', or NULL; borrowed. */
const char *qc_transcript_meta(const qc_transcript *t, const char *key);

/** Number of front-matter entries, and entry i (in file order). */
size_t qc_transcript_meta_count(const qc_transcript *t);
void qc_transcript_meta_at(const qc_transcript *t, size_t i, const char **key,
                           const char **value);

/** Returns the name given to qc_transcript_open; borrowed. */
const char *qc_transcript_name(const qc_transcript *t);

/** True when 'speaker' is one of the comma-separated labels of 'list',
 * compared without regard to ASCII case (the --moderators list). */
bool qc_speaker_listed(const char *list, const char *speaker);

void qc_transcript_free(qc_transcript *t);

/** ## Metadata tables */

/** A table of metadata per transcript (--meta): TSV, or CSV when the name
 * ends in ".csv", with a header line that has a `file` column. */
typedef struct qc_metatable qc_metatable;

/** Loads a metadata table; caller frees with qc_metatable_free. Errors:
 * QC_ERR_IO, QC_ERR_UTF8, QC_ERR_DATA (no `file` column, ragged rows,
 * a file listed twice). */
qc_status qc_metatable_load(qc_metatable **out, const char *path,
                            qc_error *err);

/** Returns the value of column 'key' for transcript 'file', matched by the
 * path as given, else by its last path component; NULL when the file or
 * column is not in the table, or the cell is empty. Borrowed. */
const char *qc_metatable_get(const qc_metatable *m, const char *file,
                             const char *key);

void qc_metatable_free(qc_metatable *m);

/** ## Codebooks */

typedef struct qc_codebook qc_codebook;

/** What a codebook file is: a qcode codebook (YAML), a LIWC dictionary
 * (.dic), a quanteda dictionary (YAML) or a WordStat dictionary (.cat);
 * AUTO tells them apart by the name (.dic, .cat) and, for YAML, by the
 * content (docs/INTEROP.md). */
typedef enum {
  QC_CODEBOOK_AUTO,
  QC_CODEBOOK_QCODE,
  QC_CODEBOOK_LIWC,
  QC_CODEBOOK_QUANTEDA,
  QC_CODEBOOK_WORDSTAT
} qc_codebook_format;

/** Loads and compiles a codebook from a YAML file ("-" reads standard
 * input). Caller frees with qc_codebook_free. Errors: QC_ERR_IO, QC_ERR_YAML,
 * QC_ERR_SCHEMA, QC_ERR_REGEX, each at the offending node's position. */
qc_status qc_codebook_load(qc_codebook **out, const char *path, qc_error *err);

/** The same from memory; 'name' is the file name used in messages. */
qc_status qc_codebook_load_mem(qc_codebook **out, const char *data,
                               size_t len, const char *name, qc_error *err);

/** What a dictionary export kept: rules written exactly, rules written
 * without their negation or not-near, rules left out (near, gapped
 * phrases, regexes, exclusions, masks, phrases of too many combinations),
 * and single words left out (a separable verb's split forms, a wildcard
 * LIWC cannot say). */
typedef struct qc_dictionary_report {
  size_t exact, approximated, left_out, words_left_out;
} qc_dictionary_report;

/** The codebook as a LIWC .dic (format QC_CODEBOOK_LIWC) or a quanteda
 * YAML dictionary (QC_CODEBOOK_QUANTEDA), for the parts that map
 * (docs/INTEROP.md). Caller frees *out with free(). */
qc_status qc_dictionary_export(const qc_codebook *cb, qc_codebook_format format,
                               char **out, size_t *len,
                               qc_dictionary_report *report, qc_error *err);

/** qc_codebook_load and qc_codebook_load_mem for a given format. */
qc_status qc_codebook_load_as(qc_codebook **out, const char *path,
                              qc_codebook_format format, qc_error *err);
qc_status qc_codebook_load_mem_as(qc_codebook **out, const char *data,
                                  size_t len, const char *name,
                                  qc_codebook_format format, qc_error *err);

void qc_codebook_free(qc_codebook *cb);

/** Number of codes; codes are numbered 0..n-1 in codebook order (a parent
 * before its children, siblings in file order). */
size_t qc_codebook_code_count(const qc_codebook *cb);

/** Full path of code i, such as "tone/optimist"; borrowed. */
const char *qc_codebook_code_path(const qc_codebook *cb, size_t i);

/** Label of code i ("" when none); borrowed. */
const char *qc_codebook_code_label(const qc_codebook *cb, size_t i);

/** Index of the parent of code i, or (size_t)-1 for a top-level code. */
size_t qc_codebook_code_parent(const qc_codebook *cb, size_t i);

/** A rule of a codebook, as `qcode codes --rules` lists it. */
typedef struct qc_rule_info {
  size_t code;         /* the code it belongs to */
  const char *kind;    /* "word", "phrase", "regex" or "near" */
  const char *role;    /* "hit", "exclude" or "mask" */
  const char *pattern; /* as written in the codebook (a rule of a 'rules'
                          list: its kind, words and options on one line);
                          borrowed */
  unsigned line;       /* its line in the codebook */
} qc_rule_info;

/** Number of rules; rules are numbered in codebook order. */
size_t qc_codebook_rule_count(const qc_codebook *cb);

/** Describes rule i. */
void qc_codebook_rule(const qc_codebook *cb, size_t i, qc_rule_info *out);

/** A fingerprint of everything that decides the coding (settings, code
 * paths, rules; not labels, descriptions or examples): "fnv1a64:" and 16
 * hex digits of the 64-bit FNV-1a hash of a canonical text form. Tables
 * carry it so that `merge` refuses tables of different codebooks.
 * Borrowed; valid until qc_codebook_free(cb). */
const char *qc_codebook_fingerprint(const qc_codebook *cb);

/** Index of the code with full path 'path', or (size_t)-1. */
size_t qc_codebook_code_find(const qc_codebook *cb, const char *path);

/** ## Coding */

/** A rule match kept as evidence: byte span in the segment text. */
typedef struct qc_span {
  uint32_t code;  /* the code whose rule matched (not its parents) */
  uint32_t rule;  /* rule index in the codebook */
  uint32_t start; /* byte offset in the segment text */
  uint32_t end;
} qc_span;

/** The coding of one segment; every array has one entry per code. */
typedef struct qc_coding {
  const bool *coded;       /* segment gets the code (after roll-up) */
  const unsigned *hits;    /* rule matches, children's included */
  const qc_span *spans;    /* the counted matches, in text order */
  size_t nspans;
  size_t tokens;           /* running words (qc_token_is_word) */
  /* the codes that are coded (every other code is uncoded, with no hits),
   * each once, in no particular order: a segment's cost need not grow
   * with the codebook */
  const uint32_t *touched;
  size_t ntouched;
} qc_coding;

typedef struct qc_coder qc_coder;

/** Returns a coder for 'cb', which must outlive it; caller frees with
 * qc_coder_free. A coder is not thread-safe; make one per thread. */
qc_coder *qc_coder_new(const qc_codebook *cb);
void qc_coder_free(qc_coder *coder);

/** Codes 'len' bytes of valid UTF-8 text. The result is borrowed; valid
 * until the next call or qc_coder_free. Errors: QC_ERR_REGEX when a regex
 * hits PCRE2's match limit (the message names the code and rule). */
qc_status qc_coder_code(qc_coder *coder, const char *text, size_t len,
                        const qc_coding **out, qc_error *err);

/** What became of one rule match, for `qcode explain`: counted, or
 * cancelled and why. */
typedef enum {
  QC_TRACE_COUNTED,     /* a hit of its code */
  QC_TRACE_DUPLICATE,   /* the same words as a counted hit of the code */
  QC_TRACE_NEGATED,     /* a negator in the window cancelled it */
  QC_TRACE_NOT_NEGATED, /* a negation: invert rule without a negator */
  QC_TRACE_NOT_NEAR,    /* a word of the rule's not-near list was near */
  QC_TRACE_EXCLUDED,    /* an exclude rule removed the code */
  QC_TRACE_MASKED,      /* a mask match overlapped it */
  QC_TRACE_EXCLUSION,   /* a match of an exclude rule */
  QC_TRACE_MASK         /* a match of a mask rule */
} qc_trace_status;

typedef struct qc_trace_event {
  uint32_t rule;           /* rule index in the codebook */
  uint32_t start, end;     /* byte span in the segment text */
  qc_trace_status status;
  uint32_t cause_start, cause_end; /* the negator, the not-near word or
                                      the exclusion; equal when none */
  const char *matched;     /* what the first word matched: a pattern, or
                              where it comes from ("@gain > verbs: winnen
                              (participle)"); NULL for regexes; borrowed
                              from cb */
} qc_trace_event;

/** Makes the coder record every rule match with its fate (off by default;
 * it costs time). */
void qc_coder_set_trace(qc_coder *coder, bool on);

/** The events of the last qc_coder_code call, in the order the rules
 * matched; borrowed, valid until the next call. */
const qc_trace_event *qc_coder_trace(const qc_coder *coder, size_t *n);

/** The lowercase name of a trace status ("counted", "negated", ...). */
const char *qc_trace_status_name(qc_trace_status status);

/** ## Codebook tests */

typedef enum {
  QC_CHECK_EXAMPLE,        /* a text that must get its code */
  QC_CHECK_COUNTEREXAMPLE, /* a text that must not get its code */
  QC_CHECK_NO_RULES,       /* the code has no rules, nor children with any */
  QC_CHECK_REGEX_TOKENS,   /* a warning: a regex that token rules can say
                              ('text' says which); always passed */
  QC_CHECK_UNMATCHABLE     /* a warning: a word pattern ('text') with a
                              character no word token has, such as '"' left
                              by a YAML quoting slip; 'code' is (size_t)-1
                              for a top-level class; always passed */
} qc_check_kind;

/** The outcome of one test a codebook carries. */
typedef struct qc_check_result {
  size_t code;
  qc_check_kind kind;
  const char *text; /* the example, or the advice for a regex; NULL for
                       QC_CHECK_NO_RULES; borrowed */
  bool passed;
  unsigned line, col; /* the example's, or the code's, codebook position */
} qc_check_result;

/** Runs the tests a codebook carries: codes every example and
 * counterexample as one segment each, and flags codes that can never be
 * coded (no rules of their own or in children). Sets '*results' to the
 * outcomes in codebook order (caller frees the array with free(); texts
 * stay borrowed from 'cb') and '*n' to their number. Errors: QC_ERR_REGEX
 * when a regex hits its match limit. */
qc_status qc_codebook_check(const qc_codebook *cb, qc_check_result **results,
                            size_t *n, qc_error *err);

/** The codebook's file name as given to qc_codebook_load; borrowed. */
const char *qc_codebook_file(const qc_codebook *cb);

/** ## REFI-QDA codebooks */

/** The codebook as a REFI-QDA codebook (.qdc; namespace
 * urn:QDA-XML:codebook:1.0): the code tree, each code named by its id, with
 * a GUID made from its path (a UUID of version 5, the same on every
 * export) and a Description holding its label, description, examples and
 * counterexamples (docs/INTEROP.md). Caller frees *out with free(). */
qc_status qc_qdc_export(const qc_codebook *cb, char **out, size_t *len,
                        qc_error *err);

/** A qcode YAML codebook skeleton from the REFI-QDA codebook in 'path': a
 * .qdc, a project.qde, or a .qdpx project (a zip with project.qde). The
 * code tree, labels, descriptions and examples come across; the codes
 * have no rules. Errors: QC_ERR_IO; QC_ERR_DATA for a damaged zip, XML
 * that is not well-formed or has a DOCTYPE, or no codebook. Caller frees
 * *yaml with free(). */
qc_status qc_qdc_import(const char *path, char **yaml, size_t *len,
                        qc_error *err);

/** qc_qdc_import on 'len' bytes in memory; 'name' is the file name for
 * messages and the codebook's name. */
qc_status qc_qdc_import_mem(const char *data, size_t data_len,
                            const char *name, char **yaml, size_t *len,
                            qc_error *err);

/** ## Tallies and tables */

/* JSON: one array of row objects; JSONL: one row object per line. */
typedef enum {
  QC_FORMAT_TSV,
  QC_FORMAT_CSV,
  QC_FORMAT_JSON,
  QC_FORMAT_JSONL
} qc_format;

/** ## REFI-QDA projects */

/** What a coded selection of an exported project covers: a coded
 * segment's text (with each of its codes that has no coded child) or one
 * rule match (with the match's code). */
typedef enum { QC_QDPX_SEGMENTS, QC_QDPX_HITS } qc_qdpx_unit;

/** A project being written: the codebook, the transcripts as text
 * sources, their front matter as variables, a case per group, and the
 * coding as selections (docs/INTEROP.md). */
typedef struct qc_qdpx qc_qdpx;

qc_qdpx *qc_qdpx_new(const qc_codebook *cb, qc_qdpx_unit unit);

/** Starts a source: the transcript 'name' with its whole text (copied;
 * UTF-8, a byte order mark left out), the front matter of 't' as
 * variables, and the case 'group' (NULL: a case per segment's group, as
 * with --by speaker). Errors: QC_ERR_UTF8. */
qc_status qc_qdpx_add_source(qc_qdpx *p, const char *name, const char *text,
                             size_t len, const qc_transcript *t,
                             const char *group, qc_error *err);

/** qc_qdpx_add_source with the text of the file at 'path', which is also
 * the source's name, as the reader sees it with 'opts' (qc_extract_file:
 * a .docx or .vtt gives its extracted text, --encoding the converted
 * text). Errors: those of qc_extract_file. */
qc_status qc_qdpx_add_file(qc_qdpx *p, const char *path,
                           const qc_reader_opts *opts, const qc_transcript *t,
                           const char *group, qc_error *err);

/** Drops the last source and its selections (a transcript that failed
 * midway, with --keep-going). */
void qc_qdpx_drop_source(qc_qdpx *p);

/** Adds the selections of one coded segment of the last source. */
void qc_qdpx_add_segment(qc_qdpx *p, const qc_segment *seg, const char *group,
                         const qc_coding *coding);

/** Writes the .qdpx to 'path' (a temporary file renamed into place, so a
 * failure leaves what was there), as project 'name'. Errors: QC_ERR_IO. */
qc_status qc_qdpx_write(qc_qdpx *p, const char *path, const char *name,
                        qc_error *err);
void qc_qdpx_free(qc_qdpx *p);

/** The coded selections of the .qdpx in 'path' as a coding sheet (file,
 * segment, line, last_line, speaker, code: one row per segment and code,
 * one with an empty code for a segment without), the segments read from
 * the project's sources as `qcode code` reads them with 'opts', the
 * speakers in 'moderators' left out. A selection codes every segment it
 * overlaps. Caller frees *out with free(). */
qc_status qc_qdpx_import(const char *path, const qc_reader_opts *opts,
                         const char *moderators, qc_format format, char **out,
                         size_t *len, qc_error *err);

/** qc_qdpx_import on 'data_len' bytes in memory named 'name'. */
qc_status qc_qdpx_import_mem(const char *data, size_t data_len,
                             const char *name, const qc_reader_opts *opts,
                             const char *moderators, qc_format format,
                             char **out, size_t *len, qc_error *err);

typedef enum { QC_VALUE_SEGMENTS, QC_VALUE_HITS, QC_VALUE_SHARE } qc_value;

/** A group is the values of the grouping keys, in the order of 'by', joined
 * with QC_GROUP_SEP ("zorg\x1fP1" for "subsector,speaker"); with one key,
 * just its value. Tables write one column per key and sort groups by their
 * values, key by key, bytewise. */
#define QC_GROUP_SEP '\x1f'

typedef struct qc_table_opts {
  qc_format format;
  bool wide;          /* group x code matrix instead of long rows */
  qc_value value;     /* the cell value of a wide table */
  const char *by;     /* the grouping columns' names, comma-separated, such
                         as "subsector" or "file,speaker"; NULL: subsector */
} qc_table_opts;

typedef struct qc_tally qc_tally;

/** Returns an empty tally over the codes of 'cb', which must outlive it;
 * caller frees with qc_tally_free. */
qc_tally *qc_tally_new(const qc_codebook *cb);
void qc_tally_free(qc_tally *tally);

/** Counts one coded segment under 'group' (copied; see QC_GROUP_SEP). */
void qc_tally_add(qc_tally *tally, const char *group, const qc_coding *coding);

/** Makes sure 'group' has rows even when none of its segments is counted. */
void qc_tally_touch(qc_tally *tally, const char *group);

/** Adds every count of 'src' to 'dst' (same codebook). */
void qc_tally_merge(qc_tally *dst, const qc_tally *src);

/** Formats the tally as a table; returns a NUL-terminated string the caller
 * frees with free(), its length in '*len'. Groups are sorted by their key
 * values, codes are in codebook order, every group x code pair has a row. */
char *qc_tally_format(const qc_tally *tally, const qc_table_opts *opts,
                      size_t *len);

/** Sums frequency tables written by separate `qcode apply` runs (long
 * format, TSV or CSV by file name, with the codebook column) into one, as
 * if one run had coded all their transcripts: counts are added, shares
 * recomputed. The grouping columns are those before `code`. Tables of
 * different codebooks (fingerprints), groupings or code lists are refused
 * with QC_ERR_DATA. Returns the table formatted with 'opts' (its 'by' is
 * ignored: the tables' grouping columns are kept); caller frees with
 * free(). */
qc_status qc_merge_tables(const char *const *paths, size_t n,
                          const qc_table_opts *opts, char **out, size_t *len,
                          qc_error *err);

/** ## Agreement between two codings */

typedef enum {
  QC_MISSING_ERROR, /* a segment in one coding only is an error */
  QC_MISSING_ABSENT /* ... counts as coded with nothing in the other */
} qc_missing;

typedef struct qc_agree_opts {
  qc_format format;
  qc_missing missing;
  const char *const *codes; /* NULL: every code either file uses */
  size_t ncodes;
  bool disagreements; /* list the differing segments, not the statistics */
  const qc_codebook *codebook; /* NULL: the tree of the sheets' code paths */
  char **warning; /* if not NULL, set to a warning message or NULL */
} qc_agree_opts;

/** Compares coding A (the coder under test, e.g. qcode) with coding B (the
 * reference, e.g. a human), each a TSV or CSV table with at least the
 * columns file, segment and code (one row per segment and code; a row with
 * an empty code lists a segment coded with nothing). Per code, with the
 * code present or absent in each segment: percent agreement, Cohen's
 * kappa, Krippendorff's alpha (nominal), and precision, recall and F1 of A
 * against B; then the macro averages. Each sheet is rolled up first: a
 * segment coded with a code counts as coded with its ancestors, taken from
 * 'codebook' (which must then have every code of both sheets) or else from
 * the paths ("tone/optimist" implies "tone"). With 'disagreements',
 * instead one row per segment and code where the two differ: file,
 * segment, code, a, b (1 or 0), and segment_text when either table has
 * that column; segments sorted by file and then by number. Returns the
 * table (caller frees with free()).
 * When 'warning' is set and the statistics name codes that one coding never
 * uses and the other does, '*warning' is a message naming them (caller
 * frees with free()), else NULL. Errors: QC_ERR_IO, QC_ERR_UTF8,
 * QC_ERR_DATA (missing column, segments in one file only, a code that
 * 'codebook' has not). */
qc_status qc_agree(const char *path_a, const char *path_b,
                   const qc_agree_opts *opts, char **out, size_t *len,
                   qc_error *err);

/** ## Per-segment coding tables */

/** A table with one row per coded segment and code: file, segment, line,
 * last_line, speaker, one column per grouping key, code, hits, spans (byte
 * offsets into the file, "start-end;start-end"), text (the matched texts
 * joined with " | "). A parent's spans are its descendants'. */
typedef struct qc_segment_table qc_segment_table;

typedef struct qc_segment_table_opts {
  qc_format format;
  const char *by; /* the grouping keys, as in qc_table_opts (copied) */
  bool all;       /* segments without a code get one row, code empty */
  bool text;      /* add a column segment_text with the whole segment */
  bool times;     /* add columns start_time and end_time after last_line */
  bool uncoded;   /* only the segments that got no code, code empty */
} qc_segment_table_opts;

/** Starts a table; caller ends it with qc_segment_table_finish. */
qc_segment_table *qc_segment_table_new(const qc_codebook *cb,
                                       const qc_segment_table_opts *opts);

/** Adds the rows of one coded segment of transcript 'file'. */
void qc_segment_table_add(qc_segment_table *st, const char *file,
                          const qc_segment *seg, const char *group,
                          const qc_coding *coding);

/** A point to return to: what was added after it can be dropped. */
typedef struct qc_mark {
  size_t bytes, rows;
} qc_mark;

/** Marks the table's current end, and drops the rows added after 'mark'
 * (a transcript that failed midway, with --keep-going). */
qc_mark qc_segment_table_mark(const qc_segment_table *st);
void qc_segment_table_rollback(qc_segment_table *st, qc_mark mark);

/** Frees 'st' and returns the table text (caller frees with free()), its
 * length in '*len'. */
char *qc_segment_table_finish(qc_segment_table *st, size_t *len);

/** ## Comparing two codebooks on a corpus */

/** What two versions of a codebook do differently on the same segments:
 * per code, whether it was added, removed, relabelled or had its rules
 * changed, and per group and code the old and new counts. */
typedef struct qc_compare qc_compare;

/** Starts a comparison of 'old' with 'new' (both must outlive it); caller
 * frees with qc_compare_free. */
qc_compare *qc_compare_new(const qc_codebook *old, const qc_codebook *new_cb);

/** Adds one segment of transcript 'file' under 'group', as coded by the
 * old and by the new codebook. With 'listing', a segment whose set of codes
 * changed is also written to the listing (see qc_compare_listing). */
void qc_compare_add(qc_compare *c, const char *file, const qc_segment *seg,
                    const char *group, const qc_coding *old_coding,
                    const qc_coding *new_coding, bool listing);

/** True when some segment got another set of codes, or the code lists
 * differ. */
bool qc_compare_differs(const qc_compare *c);

/** The table: GROUP, code, change (added, removed, relabelled, rules,
 * settings, or empty; several joined with '+'), old_segments,
 * new_segments, delta_segments, old_hits, new_hits, delta_hits; codes in
 * the new codebook's order, then removed ones. Caller frees with free(). */
char *qc_compare_format(const qc_compare *c, const qc_table_opts *opts,
                        size_t *len);

/** The changed segments as a unified-diff-like listing, borrowed; valid
 * until qc_compare_free. */
const char *qc_compare_listing(const qc_compare *c);

void qc_compare_free(qc_compare *c);

/** ## Keyword in context */

/** ## Statistics for a paper */

/** Per code, Pearson's chi-square test of independence of group and
 * coded (Pearson 1900; no continuity correction, as R's chisq.test with
 * correct = FALSE), with Cramer's V (Cramer 1946) and, where an expected
 * count is under 5, a Monte Carlo p-value from 'sims' random tables with
 * the same margins (seeded by 'seed', so repeatable): columns code,
 * groups, segments, coded, chi2, df, p, p_method (asymptotic or
 * monte-carlo), cramers_v, min_expected, small_cells. With 'cells', one
 * row per group and code instead: the keys, code, segments, coded, share,
 * ci95_low, ci95_high (Wilson 1927), expected and residual (the adjusted
 * standardized residual, Haberman 1973). A statistic that is not defined
 * (one group; a code never or always given) is empty, null in JSON. */
typedef struct qc_stats_opts {
  qc_format format;
  const char *by; /* the tally's grouping keys, as in qc_table_opts */
  bool cells;
  unsigned sims;
  uint64_t seed;
} qc_stats_opts;

/** The table for the counts of 'tally' (over the codes of 'cb');
 * '*small_codes' is set to the number of codes tested by Monte Carlo.
 * Caller frees with free(). */
char *qc_stats_format(const qc_codebook *cb, const qc_tally *tally,
                      const qc_stats_opts *opts, size_t *small_codes,
                      size_t *len);

/** ## Co-occurrence */

/** Code by code co-occurrence within segments: per group (the --by keys,
 * or one pooled group when 'by' is NULL), one row per pair of codes in
 * codebook order, neither the other's ancestor: the keys, code_a, code_b,
 * segments, segments_a, segments_b, both, jaccard (both / segments with
 * either), p_b_given_a (both / segments_a), p_a_given_b; only pairs that
 * co-occur at least once unless 'all'. */
typedef struct qc_cooccur_opts {
  qc_format format;
  const char *by; /* grouping keys, or NULL */
  bool all;
} qc_cooccur_opts;

typedef struct qc_cooccur qc_cooccur;

qc_cooccur *qc_cooccur_new(const qc_codebook *cb, const qc_cooccur_opts *opts);
/** Counts one coded segment under 'group' (joined with QC_GROUP_SEP). */
void qc_cooccur_add(qc_cooccur *c, const char *group, const qc_coding *coding);
/** Marks the counts, and takes back the segments added after the mark (a
 * transcript that failed midway, with --keep-going). */
void qc_cooccur_mark(qc_cooccur *c);
void qc_cooccur_rollback(qc_cooccur *c);
/** The counts pooled over the groups: with[i], the segments with code i,
 * and both[i * n + j], those with codes i and j (0 for a code and its
 * ancestor), for the n codes of the codebook. */
void qc_cooccur_matrix(const qc_cooccur *c, unsigned long long *with,
                       unsigned long long *both);
/** Frees 'c' and returns the table (caller frees with free()). */
char *qc_cooccur_finish(qc_cooccur *c, size_t *len);

/** ## Suggestions from a coding sheet */

/** Which rules would raise a code's agreement with a researcher's coding
 * sheet (`qcode suggest`). Per code: hit rules (a word, a lemma's Dutch
 * forms, a class, two of those near each other) from the turns the sheet
 * codes and qcode does not, and exclusions (a word or class) from the
 * turns qcode codes and the sheet does not. Each is measured as pasted
 * into the codebook alone: the codebook is loaded with it and every turn
 * coded again, so its kappa, precision and recall are what `qcode agree`
 * reports after the paste. */
typedef struct qc_suggest_opts {
  qc_format format; /* TSV, CSV or JSON table */
  bool yaml;        /* instead: the suggestions as YAML to paste */
  const char *const *codes; /* NULL: every code the sheet uses */
  size_t ncodes;
  size_t top;       /* suggestions per code and kind of change */
  size_t min_turns; /* a suggestion fixes at least this many turns */
  unsigned within;  /* the 'within' of near suggestions */
  char **warning;   /* if not NULL: turns left out, or NULL */
  /* if not NULL: the candidates left out because the codebook refused
   * them; 0 unless a rule was written wrong (the fuzz test checks it) */
  size_t *refused;
} qc_suggest_opts;

typedef struct qc_suggest qc_suggest;

qc_suggest *qc_suggest_new(void);
/** Adds a coded segment of transcript 'file' (its 1-based number and
 * text), as `qcode code` reads it; the text is copied. */
void qc_suggest_add(qc_suggest *sg, const char *file, size_t index,
                    const char *text, size_t len);
/** Suggests rules for the qcode YAML codebook at 'codebook' (read again
 * for each rule tried, so not standard input),
 * learnt from the coding sheet at 'sheet' (columns file, segment, code, as
 * `qcode agree` reads them, rolled up with the codebook) on the segments
 * added that the sheet has. The table has per suggestion: code, action
 * (rule or exclude), rank, kind (form, class, word, near), rule (one YAML
 * flow mapping), changed, right, wrong (turns whose coding changes, and
 * those the sheet then agrees and disagrees with), kappa_before,
 * kappa_after, kappa_change, precision_before, precision_after,
 * recall_before, recall_after, right_turns, wrong_turns (file:segment
 * joined by ';'). Errors: those of loading the codebook and reading the
 * sheet; QC_ERR_DATA for a sheet segment its file does not have, a code
 * the codebook has not, or no segment in common; QC_ERR_USAGE for an
 * unknown code in opts->codes. Caller frees *out with free(). */
qc_status qc_suggest_run(const qc_suggest *sg, const char *codebook,
                         const char *sheet,
                         const qc_suggest_opts *opts, char **out,
                         size_t *outlen, qc_error *err);
void qc_suggest_free(qc_suggest *sg);

/** ## The HTML report */

/** One self-contained HTML page of a run: a group x code heat map of
 * shares, a bar chart per code family, the co-occurrence matrix, the
 * first 'top' hits of each code with speaker, file and line, the codebook
 * and the run (qcode's version, the codebook's fingerprint, 'date', the
 * files). The charts are inline SVG, each with a table of its numbers. */
typedef struct qc_report_opts {
  const char *by;    /* the grouping keys, as in qc_table_opts */
  const char *title; /* NULL: "qcode report" */
  const char *date;  /* shown as the run's date; NULL: none */
  size_t top;        /* evidence per code; 0: 3 */
} qc_report_opts;

typedef struct qc_report qc_report;

qc_report *qc_report_new(const qc_codebook *cb, const qc_report_opts *opts);
/** A transcript starts ('group' NULL when a key is the speaker) and ends;
 * a transcript that ends not 'ok' is left out entirely. */
void qc_report_start_file(qc_report *r, const char *file, const char *group);
void qc_report_add(qc_report *r, const qc_segment *seg, const char *group,
                   const qc_coding *coding);
void qc_report_end_file(qc_report *r, bool ok);
/** Frees 'r' and returns the page (caller frees with free()). */
char *qc_report_finish(qc_report *r, size_t *len);

/** One line per counted hit: file:line, speaker, code, left context, the
 * hit, right context. QC_FORMAT_TSV and QC_FORMAT_JSONL give the columns
 * file, line, speaker, code, left, hit, right, start, end (byte offsets
 * into the file); 'aligned' text (for a terminal) pads the columns and
 * right-aligns the left context so the hits line up. */
typedef struct qc_kwic_opts {
  qc_format format;
  bool aligned;  /* aligned text instead of 'format' */
  bool color;    /* aligned text: the hit in bold (ANSI) */
  size_t width;  /* characters of context on each side */
  const size_t *codes; /* only these codes and their descendants; NULL: all */
  size_t ncodes;
  /* the time of the hit's line: columns start_time and end_time after
   * line (aligned text: one column after file:line) */
  bool times;
  /* instead of hits, one line per segment that got no code: the code
   * empty, the segment's text as the hit (aligned text: its first
   * 3 x width characters), start and end its span */
  bool uncoded;
} qc_kwic_opts;

typedef struct qc_kwic qc_kwic;

/** Starts a listing; caller ends it with qc_kwic_finish. */
qc_kwic *qc_kwic_new(const qc_codebook *cb, const qc_kwic_opts *opts);
/** Adds the hits of one coded segment of transcript 'file'. */
void qc_kwic_add(qc_kwic *k, const char *file, const qc_segment *seg,
                 const qc_coding *coding);
/** Marks the listing's current end, and drops the hits added after it. */
qc_mark qc_kwic_mark(const qc_kwic *k);
void qc_kwic_rollback(qc_kwic *k, qc_mark mark);

/** Frees 'k' and returns the listing (caller frees with free()). */
char *qc_kwic_finish(qc_kwic *k, size_t *len);

#ifdef __cplusplus
}
#endif
#endif
