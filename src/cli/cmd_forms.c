/* cmd_forms.c: `qcode forms`, the word forms a Dutch lemma expands to in a
 * codebook rule, so that a codebook's author can check them. */
#include "cli.h"
/* The forms module is private to the library (STYLE rule 1: the CLI sees
 * qcode.h); its one table function is all this command needs of it. */
#include "../forms.h"

#include <stdio.h>
#include <stdlib.h>

static const char usage[] =
    "usage: qcode forms [OPTIONS] WORD...\n"
    "\n"
    "Prints the word forms that each Dutch lemma WORD expands to, as TSV:\n"
    "lemma, pos, tag, form; one row per form, the lemma first. A separable\n"
    "verb's finite forms without the particle follow as 'vult ... in',\n"
    "tagged '(split)'. Mark a separable particle with '|' (door|geven)\n"
    "where it is not recognised: over, onder, door, om, voor, achter, mis,\n"
    "vol and weer are taken as inseparable prefixes unless so marked.\n"
    "Upper-case ASCII letters are folded to lower case.\n"
    "\n"
    "Without --pos the part of speech is guessed: a verb when WORD ends in\n"
    "-en, has a '|' or is an irregular verb (gaan, opstaan), else a noun.\n"
    "Adjectives need --pos adj.\n"
    "\n"
    "Options:\n"
    "      --pos POS           verb, noun or adj (adjective), for every WORD\n"
    "  -f, --format FORMAT     tsv (default), csv or json\n"
    "  -h, --help              show this help\n"
    "\n" QC_EXIT_STATUS_HELP;

enum { OPT_POS = 256 };

static const struct option options[] = {
    {"pos", required_argument, NULL, OPT_POS},
    {"format", required_argument, NULL, 'f'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

static const char *const formats[] = {"tsv", "csv", "json", NULL};

int cmd_forms(int argc, char **argv) {
  qc_pos pos;
  bool have_pos = false;
  qc_format format = QC_FORMAT_TSV;
  int c, i;
  optind = 0;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":f:h", options, NULL)) != -1) {
    switch (c) {
    case OPT_POS:
      if (!qc_pos_parse(optarg, &pos))
        return cli_usage_error("forms", "unknown part of speech '%s'", optarg);
      have_pos = true;
      break;
    case 'f':
      if ((i = cli_choice(optarg, formats)) < 0)
        return cli_usage_error("forms", "unknown format '%s'", optarg);
      format = (qc_format)i;
      break;
    case 'h':
      fputs(usage, stdout);
      return QC_EXIT_OK;
    case ':':
      return cli_usage_error("forms", "option '%s' needs a value",
                             argv[optind - 1]);
    default:
      return cli_usage_error("forms", "unknown option '%s'", argv[optind - 1]);
    }
  }
  if (optind == argc)
    return cli_usage_error("forms", "give at least one word");
  for (int k = optind; k < argc; k++)
    for (char *p = argv[k]; *p; p++)
      if (*p >= 'A' && *p <= 'Z')
        *p = (char)(*p - 'A' + 'a');
  qc_error err;
  qc_error_clear(&err);
  char *out;
  size_t len;
  if (qc_forms_table((const char *const *)argv + optind,
                     (size_t)(argc - optind), have_pos ? &pos : NULL, format,
                     &out, &len, &err) != QC_OK)
    return cli_report(&err);
  int rc = cli_write_output(NULL, out, len);
  free(out);
  return rc;
}
