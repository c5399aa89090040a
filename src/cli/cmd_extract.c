/* cmd_extract.c: `qcode extract`, the text that qcode codes in a .docx,
 * .odt, .vtt or .srt transcript (or a plain one in another encoding), so
 * that the line numbers and byte offsets of `code` and `kwic` can be looked
 * up in it. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>

static const char usage[] =
    "usage: qcode extract [OPTIONS] FILE\n"
    "\n"
    "Prints the text of transcript FILE as qcode reads it ('-': standard\n"
    "input). For a .docx or .odt: one line per paragraph, a blank line\n"
    "between paragraphs, a speaker label in bold at the start of a\n"
    "paragraph written 'Label: ', front matter from '---' paragraphs at\n"
    "the top. For a .vtt or .srt: one line per line of cue text, with the\n"
    "cue's times in front ('[00:00:01.000 --> 00:00:04.000] '), a WebVTT\n"
    "voice tag written 'Label: ', the 'key: value' lines of a WebVTT header\n"
    "as front matter and NOTE blocks as '#' comments; cues of one speaker\n"
    "in a row are one turn. Plain text is printed as it is, converted to\n"
    "UTF-8 with --encoding. The line numbers and byte offsets that `code`\n"
    "and `kwic` print for FILE refer to this text.\n"
    "\n"
    "Options:\n"
    "      --transcript-format F  txt, docx, odt, vtt or srt (default: by\n"
    "                          the name, then the content)\n"
    "      --encoding ENC      FILE is in ENC (latin1, cp1252, ...), not\n"
    "                          UTF-8 (plain text and subtitles)\n"
    "  -o, --output FILE       write to FILE (replaced only when complete)\n"
    "  -h, --help              show this help\n"
    "\n" QC_EXIT_STATUS_HELP;

enum { OPT_ENCODING = 256, OPT_FORMAT };

static const struct option options[] = {
    {"transcript-format", required_argument, NULL, OPT_FORMAT},
    {"encoding", required_argument, NULL, OPT_ENCODING},
    {"output", required_argument, NULL, 'o'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

int cmd_extract(int argc, char **argv) {
  qc_reader_opts ro = {0};
  const char *output = NULL;
  int c, rc;
  optind = 0;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":o:h", options, NULL)) != -1) {
    switch (c) {
    case OPT_FORMAT:
      if ((rc = cli_transcript_format("extract", optarg, &ro.format)) != 1)
        return rc;
      break;
    case OPT_ENCODING: ro.encoding = optarg; break;
    case 'o': output = optarg; break;
    case 'h': fputs(usage, stdout); return QC_EXIT_OK;
    case ':':
      return cli_usage_error("extract", "option '%s' needs a value",
                             argv[optind - 1]);
    default:
      return cli_usage_error("extract", "unknown option '%s'",
                             argv[optind - 1]);
    }
  }
  if (optind + 1 != argc)
    return cli_usage_error("extract", optind == argc
                                          ? "give the transcript FILE"
                                          : "give one transcript FILE");
  qc_error err;
  qc_error_clear(&err);
  char *text;
  size_t len;
  if (qc_extract_file(argv[optind], NULL, &ro, &text, &len, &err) != QC_OK)
    return cli_report(&err);
  rc = cli_write_output(output, text, len);
  free(text);
  return rc;
}
