/* cmd_apply.c: `qcode apply`, code transcripts with a codebook and write
 * code frequencies per group. Output is built in memory and written only
 * when every file was read and coded, so an error never leaves a partial
 * table on stdout or in -o. */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char usage[] =
    "usage: qcode apply -c CODEBOOK [OPTIONS] [FILE...|-]\n"
    "\n"
    "Codes every segment of the transcripts (standard input when no FILE or\n"
    "'-') and prints a table of code frequencies per group: one row per\n"
    "group and code with the columns GROUP, code, segments, hits, share,\n"
    "group_segments, group_tokens.\n"
    "\n"
    "Options:\n"
    "  -c, --codebook FILE     the YAML codebook (required)\n"
    "      --by KEY            group by a metadata key, or by 'speaker' or\n"
    "                          'file' (default: subsector)\n"
    "      --unit UNIT         coding unit: turn (default), paragraph,\n"
    "                          sentence\n"
    "  -f, --format FORMAT     tsv (default), csv or json\n"
    "      --wide              one row per group, one column per code\n"
    "      --value VALUE       cell of a wide table: segments (default), hits,\n"
    "                          share\n"
    "  -o, --output FILE       write the table to FILE atomically\n"
    "      --meta FILE         metadata per transcript from a TSV/CSV table\n"
    "                          with a 'file' column\n"
    "      --set KEY=VALUE     set metadata for every transcript (repeatable)\n"
    "      --moderators LIST   comma-separated speaker labels not coded\n"
    "                          (default: " QC_DEFAULT_MODERATORS ");\n"
    "                          '' codes every speaker\n"
    "      --speaker-pattern RE  PCRE2 pattern for a turn-starting line, with\n"
    "                          a group (?<speaker>...)\n"
    "  -h, --help              show this help\n"
    "\n"
    "Metadata precedence: --set, then --meta, then the front matter.\n"
    "A transcript without the grouping key is counted under '(none)'.\n"
    "\n" QC_EXIT_STATUS_HELP;

enum { OPT_BY = 256, OPT_UNIT, OPT_WIDE, OPT_VALUE, OPT_META, OPT_SET,
       OPT_MODERATORS, OPT_SPEAKER_PATTERN };

static const struct option options[] = {
    {"codebook", required_argument, NULL, 'c'},
    {"by", required_argument, NULL, OPT_BY},
    {"unit", required_argument, NULL, OPT_UNIT},
    {"format", required_argument, NULL, 'f'},
    {"wide", no_argument, NULL, OPT_WIDE},
    {"value", required_argument, NULL, OPT_VALUE},
    {"output", required_argument, NULL, 'o'},
    {"meta", required_argument, NULL, OPT_META},
    {"set", required_argument, NULL, OPT_SET},
    {"moderators", required_argument, NULL, OPT_MODERATORS},
    {"speaker-pattern", required_argument, NULL, OPT_SPEAKER_PATTERN},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

static const char *const units[] = {"turn", "paragraph", "sentence", NULL};
static const char *const formats[] = {"tsv", "csv", "json", NULL};
static const char *const values[] = {"segments", "hits", "share", NULL};

typedef struct apply_args {
  const char *codebook, *output, *meta, *moderators;
  qc_reader_opts reader;
  qc_table_opts table;
  char **sets; /* "key=value" */
  size_t nsets;
} apply_args;

static int parse_args(int argc, char **argv, apply_args *a) {
  int c, i;
  optind = 0;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":c:f:o:h", options, NULL)) != -1) {
    switch (c) {
    case 'c': a->codebook = optarg; break;
    case 'o': a->output = optarg; break;
    case OPT_BY: a->table.by = optarg; break;
    case OPT_WIDE: a->table.wide = true; break;
    case OPT_META: a->meta = optarg; break;
    case OPT_MODERATORS: a->moderators = optarg; break;
    case OPT_SPEAKER_PATTERN: a->reader.speaker_pattern = optarg; break;
    case OPT_SET:
      if (!strchr(optarg, '=') || optarg[0] == '=')
        return cli_usage_error("apply", "--set wants KEY=VALUE, not '%s'",
                               optarg);
      a->sets[a->nsets++] = optarg;
      break;
    case OPT_UNIT:
      if ((i = cli_choice(optarg, units)) < 0)
        return cli_usage_error("apply", "unknown unit '%s'", optarg);
      a->reader.unit = (qc_unit)i;
      break;
    case 'f':
      if ((i = cli_choice(optarg, formats)) < 0)
        return cli_usage_error("apply", "unknown format '%s'", optarg);
      a->table.format = (qc_format)i;
      break;
    case OPT_VALUE:
      if ((i = cli_choice(optarg, values)) < 0)
        return cli_usage_error("apply", "unknown value '%s'", optarg);
      a->table.value = (qc_value)i;
      break;
    case 'h': fputs(usage, stdout); return -1;
    case ':':
      return cli_usage_error("apply", "option '%s' needs a value",
                             argv[optind - 1]);
    default:
      return cli_usage_error("apply", "unknown option '%s'", argv[optind - 1]);
    }
  }
  if (!a->codebook)
    return cli_usage_error("apply", "no codebook: give one with -c CODEBOOK");
  return QC_EXIT_OK;
}

/* The value of metadata 'key' for a transcript: --set, --meta, then the
 * front matter. */
static const char *meta_value(const apply_args *a, const qc_metatable *meta,
                              const qc_transcript *t, const char *key) {
  size_t klen = strlen(key);
  for (size_t i = a->nsets; i-- > 0;)
    if (!strncmp(a->sets[i], key, klen) && a->sets[i][klen] == '=')
      return a->sets[i] + klen + 1;
  const char *v = meta ? qc_metatable_get(meta, qc_transcript_name(t), key)
                       : NULL;
  return v ? v : qc_transcript_meta(t, key);
}

static bool is_moderator(const char *list, const char *speaker) {
  size_t n = strlen(speaker);
  for (const char *p = list; *p;) {
    const char *e = strchr(p, ',');
    size_t len = e ? (size_t)(e - p) : strlen(p);
    if (len == n && n && strncasecmp(p, speaker, n) == 0)
      return true;
    p += len + (e != NULL);
  }
  return false;
}

static int code_file(const apply_args *a, const char *path,
                     const qc_metatable *meta, qc_coder *coder,
                     qc_tally *tally) {
  qc_error err;
  qc_error_clear(&err);
  qc_transcript *t;
  if (qc_transcript_open(&t, path, NULL, &a->reader, &err) != QC_OK)
    return cli_report(&err);
  const char *by = a->table.by;
  bool per_segment = !strcmp(by, "speaker");
  const char *group = !strcmp(by, "file") ? qc_transcript_name(t)
                                           : meta_value(a, meta, t, by);
  if (!per_segment && !group) {
    cli_warning("%s: no '%s' in --set, --meta or front matter; counted "
                "under '(none)'",
                qc_transcript_name(t), by);
    group = "(none)";
  }
  if (!per_segment)
    qc_tally_touch(tally, group);
  const qc_segment *seg;
  const qc_coding *coding;
  qc_status s;
  while ((s = qc_transcript_next(t, &seg, &err)) == QC_OK && seg) {
    if (is_moderator(a->moderators, seg->speaker))
      continue;
    if ((s = qc_coder_code(coder, seg->text, seg->len, &coding, &err)))
      break;
    qc_tally_add(tally, per_segment ? (*seg->speaker ? seg->speaker : "(none)")
                                    : group,
                 coding);
  }
  int rc = s == QC_OK ? QC_EXIT_OK : cli_report(&err);
  if (s != QC_OK && err.code == QC_ERR_REGEX)
    fprintf(stderr, "qcode: note: in segment %zu of '%s' (line %u)\n",
            seg ? seg->index : 0, qc_transcript_name(t), seg ? seg->line : 0);
  qc_transcript_free(t);
  return rc;
}

static int run(const apply_args *a, int nfiles, char **files) {
  qc_error err;
  qc_error_clear(&err);
  qc_codebook *cb = NULL;
  qc_metatable *meta = NULL;
  if (qc_codebook_load(&cb, a->codebook, &err) != QC_OK)
    return cli_report(&err);
  if (a->meta && qc_metatable_load(&meta, a->meta, &err) != QC_OK) {
    qc_codebook_free(cb);
    return cli_report(&err);
  }
  qc_coder *coder = qc_coder_new(cb);
  qc_tally *tally = qc_tally_new(cb);
  int rc = QC_EXIT_OK;
  char *stdin_only[] = {"-"};
  if (nfiles == 0) {
    files = stdin_only;
    nfiles = 1;
  }
  for (int i = 0; i < nfiles && rc == QC_EXIT_OK; i++)
    rc = code_file(a, files[i], meta, coder, tally);
  if (rc == QC_EXIT_OK) {
    size_t len;
    char *out = qc_tally_format(tally, &a->table, &len);
    rc = cli_write_output(a->output, out, len);
    free(out);
  }
  qc_tally_free(tally);
  qc_coder_free(coder);
  qc_metatable_free(meta);
  qc_codebook_free(cb);
  return rc;
}

int cmd_apply(int argc, char **argv) {
  apply_args a = {0};
  a.table.by = "subsector";
  a.moderators = QC_DEFAULT_MODERATORS;
  a.sets = calloc((size_t)argc, sizeof *a.sets);
  if (!a.sets)
    return QC_EXIT_IO;
  int rc = parse_args(argc, argv, &a);
  if (rc == QC_EXIT_OK)
    rc = run(&a, argc - optind, argv + optind);
  free(a.sets);
  return rc < 0 ? QC_EXIT_OK : rc;
}
