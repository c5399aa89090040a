/* test_table.c: unit tests of src/table.c (TSV, CSV and JSON writers,
 * ratios) and src/tally.c (counting coded segments per group, merging,
 * long and wide tables). */
#include "harness.h"
#include "qcode.h"
#include "table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool starts_with(const char *s, const char *prefix) {
  return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool ends_with(const char *s, const char *suffix) {
  size_t n = s ? strlen(s) : 0, k = strlen(suffix);
  return s && n >= k && strcmp(s + n - k, suffix) == 0;
}

/* ---- table writers ---- */

static void tsv(qc_test *t) {
  qc_buf b = QC_BUF_INIT;
  qc_table tb;
  const char *const cols[] = {"naam", "met\ttab", "n"};
  qc_table_begin(&tb, &b, QC_FORMAT_TSV, cols, 3);
  qc_table_str(&tb, "x\ty");
  qc_table_str(&tb, "regel\neen\r\n");
  qc_table_uint(&tb, 42);
  qc_table_end_row(&tb);
  qc_table_str(&tb, "");
  qc_table_str(&tb, "\xC3\xA9\xC3\xA9n, \"twee\"");
  qc_table_uint(&tb, 18446744073709551615ULL);
  qc_table_end_row(&tb);
  qc_table_end(&tb);
  STR_EQ(t, b.ptr,
         "naam\tmet tab\tn\n"
         "x y\tregel een  \t42\n"
         "\t\xC3\xA9\xC3\xA9n, \"twee\"\t18446744073709551615\n",
         "TSV: header, cells, no quoting, tabs and breaks as spaces");
  INT_EQ(t, tb.rows, 2, "row count excludes the header");
  qc_buf_release(&b);

  qc_table_begin(&tb, &b, QC_FORMAT_TSV, cols, 3);
  qc_table_end(&tb);
  STR_EQ(t, b.ptr, "naam\tmet tab\tn\n", "TSV: empty table is the header");
  qc_buf_release(&b);
}

static void csv(qc_test *t) {
  qc_buf b = QC_BUF_INIT;
  qc_table tb;
  const char *const cols[] = {"groep, naam", "tekst", "n"};
  qc_table_begin(&tb, &b, QC_FORMAT_CSV, cols, 3);
  qc_table_str(&tb, "a,b");
  qc_table_str(&tb, "zei \"ja\"");
  qc_table_uint(&tb, 7);
  qc_table_end_row(&tb);
  qc_table_str(&tb, "twee\nregels");
  qc_table_str(&tb, "cr\rhier");
  qc_table_uint(&tb, 0);
  qc_table_end_row(&tb);
  qc_table_str(&tb, "");
  qc_table_str(&tb, " spatie\tenz. ");
  qc_table_str(&tb, "\"");
  qc_table_end_row(&tb);
  qc_table_end(&tb);
  STR_EQ(t, b.ptr,
         "\"groep, naam\",tekst,n\r\n"
         "\"a,b\",\"zei \"\"ja\"\"\",7\r\n"
         "\"twee\nregels\",\"cr\rhier\",0\r\n"
         ", spatie\tenz. ,\"\"\"\"\r\n",
         "CSV: RFC 4180 quoting and CRLF");
  qc_buf_release(&b);
}

static void json(qc_test *t) {
  qc_buf b = QC_BUF_INIT;
  qc_table tb;
  const char *const cols[] = {"k\"ey", "n", "r"};
  qc_table_begin(&tb, &b, QC_FORMAT_JSON, cols, 3);
  qc_table_str(&tb, "a\"b\\c\n\t\r\x01\x1f\x7f \xC3\xA9\xC3\xA9n/");
  qc_table_uint(&tb, 5);
  qc_table_ratio(&tb, 1, 0, 4);
  qc_table_end_row(&tb);
  qc_table_str(&tb, "");
  qc_table_uint(&tb, 0);
  qc_table_ratio(&tb, 1, 3, 4);
  qc_table_end_row(&tb);
  qc_table_end(&tb);
  STR_EQ(t, b.ptr,
         "[\n"
         "{\"k\\\"ey\":\"a\\\"b\\\\c\\n\\t\\r\\u0001\\u001f\x7f "
         "\xC3\xA9\xC3\xA9n/\",\"n\":5,\"r\":null},\n"
         "{\"k\\\"ey\":\"\",\"n\":0,\"r\":0.3333}\n"
         "]\n",
         "JSON: escapes, numbers unquoted, null ratio");
  qc_buf_release(&b);

  qc_table_begin(&tb, &b, QC_FORMAT_JSON, cols, 3);
  qc_table_end(&tb);
  STR_EQ(t, b.ptr, "[]\n", "JSON: empty table");
  qc_buf_release(&b);
}

/* Formats one ratio as a one-cell TSV row and returns the cell. */
static const char *ratio(qc_format fmt, unsigned long long num,
                         unsigned long long den, int decimals) {
  static char out[64];
  qc_buf b = QC_BUF_INIT;
  qc_table tb;
  const char *const cols[] = {"r"};
  qc_table_begin(&tb, &b, fmt, cols, 1);
  size_t header = b.len;
  qc_table_ratio(&tb, num, den, decimals);
  snprintf(out, sizeof out, "%s", b.ptr + header);
  qc_buf_release(&b);
  return out;
}

static void ratios(qc_test *t) {
  STR_EQ(t, ratio(QC_FORMAT_TSV, 1, 3, 4), "0.3333", "1/3");
  STR_EQ(t, ratio(QC_FORMAT_TSV, 2, 3, 4), "0.6667", "2/3");
  STR_EQ(t, ratio(QC_FORMAT_TSV, 1, 8, 4), "0.1250", "1/8");
  STR_EQ(t, ratio(QC_FORMAT_TSV, 0, 0, 4), "", "0/0 is empty in TSV");
  STR_EQ(t, ratio(QC_FORMAT_CSV, 3, 0, 4), "", "x/0 is empty in CSV");
  STR_EQ(t, ratio(QC_FORMAT_TSV, 0, 7, 4), "0.0000", "0/7");
  STR_EQ(t, ratio(QC_FORMAT_TSV, 7, 7, 4), "1.0000", "7/7");
  STR_EQ(t, ratio(QC_FORMAT_TSV, 3, 2, 4), "1.5000", "3/2");
  STR_EQ(t, ratio(QC_FORMAT_TSV, 1, 20000, 4), "0.0001", "half rounds up");
  STR_EQ(t, ratio(QC_FORMAT_TSV, 1, 20001, 4), "0.0000", "below half");
  STR_EQ(t, ratio(QC_FORMAT_TSV, 1, 200, 2), "0.01", "0.005 at 2 places");
  STR_EQ(t, ratio(QC_FORMAT_TSV, 1, 6, 1), "0.2", "1/6 at 1 place");
  STR_EQ(t, ratio(QC_FORMAT_TSV, 1, 2, 0), "1", "1/2 at 0 places");
  STR_EQ(t, ratio(QC_FORMAT_TSV, 1, 3, 0), "0", "1/3 at 0 places");
  STR_EQ(t, ratio(QC_FORMAT_TSV, 1000000000000ULL, 3000000000000ULL, 4),
         "0.3333", "large counts");
}

/* ---- tally ---- */

static const char cb_yaml[] = "qcode: 1\n"
                              "codes:\n"
                              "  - id: tone\n"
                              "    codes:\n"
                              "      - id: pos\n"
                              "        words: [goed]\n"
                              "      - id: neg\n"
                              "        words: [slecht]\n"
                              "  - id: other\n"
                              "    words: [anders]\n";

/* A coding built by hand: codes tone, tone/pos, tone/neg, other. */
typedef struct coding4 {
  bool coded[4];
  unsigned hits[4];
  uint32_t touched[4];
  qc_coding c;
} coding4;

static const qc_coding *mk(coding4 *k, unsigned h0, unsigned h1, unsigned h2,
                           unsigned h3, size_t tokens) {
  unsigned h[4] = {h0, h1, h2, h3};
  size_t n = 0;
  for (int i = 0; i < 4; i++) {
    k->hits[i] = h[i];
    k->coded[i] = h[i] > 0;
    if (h[i])
      k->touched[n++] = (uint32_t)i;
  }
  k->c = (qc_coding){k->coded, k->hits, NULL, 0, tokens, k->touched, n};
  return &k->c;
}

static qc_codebook *load_cb(qc_test *t) {
  qc_codebook *cb = NULL;
  OK(t,
     qc_codebook_load_mem(&cb, cb_yaml, sizeof cb_yaml - 1, "cb.yaml", NULL) ==
         QC_OK,
     "codebook loads");
  return cb;
}

/* The groups of the tests: "Zorg" and "ä" are touched only; bytewise they
 * sort as "Zorg" < "onderwijs" < "zorg" < "ä". */
static void fill_part1(qc_tally *ty) {
  coding4 k;
  qc_tally_touch(ty, "\xC3\xA4");
  qc_tally_add(ty, "zorg", mk(&k, 1, 1, 0, 0, 5));
  qc_tally_add(ty, "onderwijs", mk(&k, 2, 1, 1, 0, 7));
}

static void fill_part2(qc_tally *ty) {
  coding4 k;
  qc_tally_add(ty, "zorg", mk(&k, 0, 0, 0, 0, 3));
  qc_tally_touch(ty, "Zorg");
  qc_tally_touch(ty, "zorg");
  qc_tally_add(ty, "onderwijs", mk(&k, 0, 0, 0, 2, 4));
}

static char *format(const qc_tally *ty, qc_format fmt, bool wide, qc_value v,
                    const char *by) {
  qc_table_opts o = {fmt, wide, v, by};
  size_t len = 0;
  char *s = qc_tally_format(ty, &o, &len);
  if (s && strlen(s) != len) {
    fprintf(stderr, "qc_tally_format: length %zu, strlen %zu\n", len,
            strlen(s));
    free(s);
    return NULL;
  }
  return s;
}

static const char long_tsv[] =
    "subsector\tcode\tsegments\thits\tshare\tgroup_segments\tgroup_tokens\tcodebook\n"
    "Zorg\ttone\t0\t0\t\t0\t0\t@FP@\n"
    "Zorg\ttone/pos\t0\t0\t\t0\t0\t@FP@\n"
    "Zorg\ttone/neg\t0\t0\t\t0\t0\t@FP@\n"
    "Zorg\tother\t0\t0\t\t0\t0\t@FP@\n"
    "onderwijs\ttone\t1\t2\t0.5000\t2\t11\t@FP@\n"
    "onderwijs\ttone/pos\t1\t1\t0.5000\t2\t11\t@FP@\n"
    "onderwijs\ttone/neg\t1\t1\t0.5000\t2\t11\t@FP@\n"
    "onderwijs\tother\t1\t2\t0.5000\t2\t11\t@FP@\n"
    "zorg\ttone\t1\t1\t0.5000\t2\t8\t@FP@\n"
    "zorg\ttone/pos\t1\t1\t0.5000\t2\t8\t@FP@\n"
    "zorg\ttone/neg\t0\t0\t0.0000\t2\t8\t@FP@\n"
    "zorg\tother\t0\t0\t0.0000\t2\t8\t@FP@\n"
    "\xC3\xA4\ttone\t0\t0\t\t0\t0\t@FP@\n"
    "\xC3\xA4\ttone/pos\t0\t0\t\t0\t0\t@FP@\n"
    "\xC3\xA4\ttone/neg\t0\t0\t\t0\t0\t@FP@\n"
    "\xC3\xA4\tother\t0\t0\t\t0\t0\t@FP@\n";

/* The expected text with @FP@ replaced by the codebook's fingerprint. */
static char *expand(const char *tmpl, const qc_codebook *cb) {
  const char *fp = qc_codebook_fingerprint(cb);
  size_t n = strlen(tmpl) + 1, k = strlen(fp);
  for (const char *p = tmpl; (p = strstr(p, "@FP@")); p += 4)
    n += k;
  char *out = malloc(n), *o = out;
  for (const char *p = tmpl; *p;) {
    if (!strncmp(p, "@FP@", 4)) {
      memcpy(o, fp, k);
      o += k;
      p += 4;
    } else {
      *o++ = *p++;
    }
  }
  *o = '\0';
  return out;
}

#define STR_EQ_FP(t, got, tmpl, cb, what)                                      \
  do {                                                                         \
    char *want_ = expand((tmpl), (cb));                                        \
    STR_EQ(t, got, want_, what);                                               \
    free(want_);                                                               \
  } while (0)

static void tally_long(qc_test *t) {
  qc_codebook *cb = load_cb(t);
  if (!cb)
    return;
  qc_tally *ty = qc_tally_new(cb);
  fill_part1(ty);
  fill_part2(ty);
  char *s = format(ty, QC_FORMAT_TSV, false, QC_VALUE_SEGMENTS, NULL);
  STR_EQ_FP(t, s, long_tsv, cb, "long TSV: sorted groups, every code, zeros");
  free(s);

  s = format(ty, QC_FORMAT_CSV, false, QC_VALUE_SEGMENTS, "file");
  OK(t, starts_with(s, "file,code,segments,hits,share,group_segments,"
                       "group_tokens,codebook\r\nZorg,tone,0,0,,0,0,fnv1a64:"),
     "long CSV: grouping column name, empty share");
  free(s);

  s = format(ty, QC_FORMAT_JSON, false, QC_VALUE_SEGMENTS, "speaker");
  OK(t, starts_with(s, "[\n{\"speaker\":\"Zorg\",\"code\":\"tone\","
                       "\"segments\":0,\"hits\":0,\"share\":null,"
                       "\"group_segments\":0,\"group_tokens\":0,\"codebook\":"),
     "long JSON: first row");
  OK(t, s && strstr(s, "{\"speaker\":\"onderwijs\",\"code\":\"other\","
                       "\"segments\":1,\"hits\":2,\"share\":0.5000,"
                       "\"group_segments\":2,\"group_tokens\":11,\"codebook\":"),
     "long JSON: a counted row");
  OK(t, ends_with(s, "\"}\n]\n"), "long JSON: ending");
  free(s);
  qc_tally_free(ty);
  qc_tally_free(NULL);
  qc_codebook_free(cb);
}

static void tally_wide(qc_test *t) {
  qc_codebook *cb = load_cb(t);
  if (!cb)
    return;
  qc_tally *ty = qc_tally_new(cb);
  fill_part1(ty);
  fill_part2(ty);
  char *s = format(ty, QC_FORMAT_TSV, true, QC_VALUE_SEGMENTS, "subsector");
  STR_EQ_FP(t, s,
         "subsector\tgroup_segments\tgroup_tokens\ttone\ttone/pos\ttone/neg\t"
         "other\tcodebook\n"
         "Zorg\t0\t0\t0\t0\t0\t0\t@FP@\n"
         "onderwijs\t2\t11\t1\t1\t1\t1\t@FP@\n"
         "zorg\t2\t8\t1\t1\t0\t0\t@FP@\n"
         "\xC3\xA4\t0\t0\t0\t0\t0\t0\t@FP@\n",
         cb, "wide segments");
  free(s);
  s = format(ty, QC_FORMAT_TSV, true, QC_VALUE_HITS, "subsector");
  STR_EQ_FP(t, s,
         "subsector\tgroup_segments\tgroup_tokens\ttone\ttone/pos\ttone/neg\t"
         "other\tcodebook\n"
         "Zorg\t0\t0\t0\t0\t0\t0\t@FP@\n"
         "onderwijs\t2\t11\t2\t1\t1\t2\t@FP@\n"
         "zorg\t2\t8\t1\t1\t0\t0\t@FP@\n"
         "\xC3\xA4\t0\t0\t0\t0\t0\t0\t@FP@\n",
         cb, "wide hits");
  free(s);
  s = format(ty, QC_FORMAT_CSV, true, QC_VALUE_SHARE, "subsector");
  STR_EQ_FP(t, s,
         "subsector,group_segments,group_tokens,tone,tone/pos,tone/neg,"
         "other,codebook\r\n"
         "Zorg,0,0,,,,,@FP@\r\n"
         "onderwijs,2,11,0.5000,0.5000,0.5000,0.5000,@FP@\r\n"
         "zorg,2,8,0.5000,0.5000,0.0000,0.0000,@FP@\r\n"
         "\xC3\xA4,0,0,,,,,@FP@\r\n",
         cb, "wide share as CSV");
  free(s);
  qc_tally_free(ty);

  /* No groups at all: the header only. */
  ty = qc_tally_new(cb);
  s = format(ty, QC_FORMAT_TSV, true, QC_VALUE_SEGMENTS, "subsector");
  STR_EQ_FP(t, s,
         "subsector\tgroup_segments\tgroup_tokens\ttone\ttone/pos\ttone/neg\t"
         "other\tcodebook\n",
         cb, "empty wide table");
  free(s);
  s = format(ty, QC_FORMAT_JSON, false, QC_VALUE_SEGMENTS, "subsector");
  STR_EQ(t, s, "[]\n", "empty long JSON table");
  free(s);
  qc_tally_free(ty);
  qc_codebook_free(cb);
}

static void tally_merge(qc_test *t) {
  qc_codebook *cb = load_cb(t);
  if (!cb)
    return;
  qc_tally *a = qc_tally_new(cb), *b = qc_tally_new(cb);
  fill_part1(a);
  fill_part2(b);
  qc_tally_merge(a, b);
  char *s = format(a, QC_FORMAT_TSV, false, QC_VALUE_SEGMENTS, NULL);
  STR_EQ_FP(t, s, long_tsv, cb, "merged tally equals the tally of all segments");
  free(s);
  /* 'b' is unchanged by the merge. */
  s = format(b, QC_FORMAT_TSV, true, QC_VALUE_HITS, "g");
  STR_EQ_FP(t, s,
         "g\tgroup_segments\tgroup_tokens\ttone\ttone/pos\ttone/neg\tother\t"
         "codebook\n"
         "Zorg\t0\t0\t0\t0\t0\t0\t@FP@\n"
         "onderwijs\t1\t4\t0\t0\t0\t2\t@FP@\n"
         "zorg\t1\t3\t0\t0\t0\t0\t@FP@\n",
         cb, "source of the merge");
  free(s);
  /* Merging into an empty tally copies. */
  qc_tally *c = qc_tally_new(cb);
  qc_tally_merge(c, a);
  s = format(c, QC_FORMAT_TSV, false, QC_VALUE_SEGMENTS, NULL);
  STR_EQ_FP(t, s, long_tsv, cb, "merge into an empty tally");
  free(s);
  qc_tally_free(c);
  qc_tally_free(a);
  qc_tally_free(b);
  qc_codebook_free(cb);
}

static void tally_with_coder(qc_test *t) {
  qc_codebook *cb = load_cb(t);
  if (!cb)
    return;
  qc_coder *c = qc_coder_new(cb);
  qc_tally *ty = qc_tally_new(cb);
  const qc_coding *res;
  static const char *const texts[] = {"goed en slecht", "anders",
                                      "niets hiervan", "goed"};
  for (int i = 0; i < 4; i++) {
    res = NULL;
    if (qc_coder_code(c, texts[i], strlen(texts[i]), &res, NULL) == QC_OK &&
        res)
      qc_tally_add(ty, "g", res);
  }
  char *s = format(ty, QC_FORMAT_TSV, false, QC_VALUE_SEGMENTS, NULL);
  STR_EQ_FP(t, s,
         "subsector\tcode\tsegments\thits\tshare\tgroup_segments\tgroup_tokens"
         "\tcodebook\n"
         "g\ttone\t2\t3\t0.5000\t4\t7\t@FP@\n"
         "g\ttone/pos\t2\t2\t0.5000\t4\t7\t@FP@\n"
         "g\ttone/neg\t1\t1\t0.2500\t4\t7\t@FP@\n"
         "g\tother\t1\t1\t0.2500\t4\t7\t@FP@\n",
         cb, "parent counted once per segment, hits summed");
  free(s);
  qc_tally_free(ty);
  qc_coder_free(c);
  qc_codebook_free(cb);
}

/* Several grouping keys: one column each, groups ordered key by key. A
 * tab sorts before QC_GROUP_SEP, so comparing the joined names would put
 * ("a\tb", "y") first; key by key "a" < "a\tb" comes first. */
static void tally_keys(qc_test *t) {
  qc_codebook *cb = load_cb(t);
  if (!cb)
    return;
  qc_tally *ty = qc_tally_new(cb);
  coding4 k;
  qc_tally_add(ty, "a\tb\x1fy", mk(&k, 1, 1, 0, 0, 2));
  qc_tally_add(ty, "a\x1fz", mk(&k, 0, 0, 0, 1, 3));
  qc_tally_touch(ty, "a\x1f");
  char *s = format(ty, QC_FORMAT_TSV, true, QC_VALUE_SEGMENTS, "file,speaker");
  STR_EQ_FP(t, s,
            "file\tspeaker\tgroup_segments\tgroup_tokens\ttone\ttone/pos\t"
            "tone/neg\tother\tcodebook\n"
            "a\t\t0\t0\t0\t0\t0\t0\t@FP@\n"
            "a\tz\t1\t3\t0\t0\t0\t1\t@FP@\n"
            "a b\ty\t1\t2\t1\t1\t0\t0\t@FP@\n",
            cb, "wide TSV: a column per key, sorted key by key");
  free(s);
  s = format(ty, QC_FORMAT_JSON, false, QC_VALUE_SEGMENTS, "file,speaker");
  OK(t, starts_with(s, "[\n{\"file\":\"a\",\"speaker\":\"\",\"code\":"),
     "long JSON: a field per key");
  free(s);
  /* With one key a group is its value, separator included. */
  s = format(ty, QC_FORMAT_TSV, true, QC_VALUE_SEGMENTS, "g");
  OK(t, s && strstr(s, "\na\x1fz\t1\t3\t"), "one key: the name as it is");
  free(s);
  qc_tally_free(ty);
  qc_codebook_free(cb);

  INT_EQ(t, qc_group_cmp("a\x1fz", "a\tb\x1fy", 2) < 0, 1, "key by key");
  INT_EQ(t, qc_group_cmp("a\x1fz", "a\tb\x1fy", 1) > 0, 1, "one key: strcmp");
  INT_EQ(t, qc_group_cmp("x\x1fy", "x\x1fy", 2), 0, "equal groups");
  INT_EQ(t, qc_group_cmp("x", "x\x1f", 2), 0, "a missing value is empty");
  qc_keys keys;
  qc_keys_parse(&keys, "subsector,file,speaker");
  INT_EQ(t, keys.n, 3, "three keys");
  STR_EQ(t, keys.names[2], "speaker", "the last key");
  qc_keys_release(&keys);
  qc_keys_parse(&keys, NULL);
  STR_EQ(t, keys.n == 1 ? keys.names[0] : NULL, "subsector", "the default");
  qc_keys_release(&keys);
}

int main(void) {
  qc_test t = QC_TEST_INIT;
  QC_RUN(&t, tsv);
  QC_RUN(&t, csv);
  QC_RUN(&t, json);
  QC_RUN(&t, ratios);
  QC_RUN(&t, tally_long);
  QC_RUN(&t, tally_wide);
  QC_RUN(&t, tally_merge);
  QC_RUN(&t, tally_with_coder);
  QC_RUN(&t, tally_keys);
  return qc_test_finish(&t);
}
