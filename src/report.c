/* report.c: `qcode report`, one self-contained HTML page of a coding run:
 * a group x code heat map of shares, a bar chart per code family, the
 * code x code co-occurrence matrix, the first hits of each code in their
 * context, the codebook and the run. The charts are inline SVG drawn here;
 * every chart has a table with its numbers, so the page reads in print, on
 * a screen reader and without SVG. No script, style sheet, font or image
 * comes from outside the file. */
#include "codebook.h"
#include "buf.h"
#include "memory.h"
#include "table.h"
#include "tally.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A hit shown as evidence. */
typedef struct evidence {
  size_t file; /* index into files */
  char *where, *speaker, *left, *hit, *right;
} evidence;

struct qc_report {
  const qc_codebook *cb;
  qc_report_opts opts;
  qc_tally *total, *file_tally;
  qc_cooccur *co;
  char **files;
  size_t nfiles, files_cap;
  evidence **ev; /* per code, up to opts.top */
  size_t *nev;
};

qc_report *qc_report_new(const qc_codebook *cb, const qc_report_opts *opts) {
  qc_report *r = qc_xcalloc(1, sizeof *r);
  r->cb = cb;
  r->opts = *opts;
  if (!r->opts.top)
    r->opts.top = 3;
  r->total = qc_tally_new(cb);
  qc_cooccur_opts co = {QC_FORMAT_TSV, NULL, true};
  r->co = qc_cooccur_new(cb, &co);
  r->ev = qc_xcalloc(cb->ncodes ? cb->ncodes : 1, sizeof *r->ev);
  r->nev = qc_xcalloc(cb->ncodes ? cb->ncodes : 1, sizeof *r->nev);
  for (size_t i = 0; i < cb->ncodes; i++)
    r->ev[i] = qc_xcalloc(r->opts.top, sizeof **r->ev);
  return r;
}

void qc_report_start_file(qc_report *r, const char *file, const char *group) {
  QC_GROW(r->files, r->files_cap, r->nfiles + 1);
  r->files[r->nfiles++] = qc_xstrdup(file);
  r->file_tally = qc_tally_new(r->cb);
  if (group)
    qc_tally_touch(r->file_tally, group);
  qc_cooccur_mark(r->co);
}

static void free_evidence(evidence *e) {
  free(e->where);
  free(e->speaker);
  free(e->left);
  free(e->hit);
  free(e->right);
}

/* Whitespace runs (line ends, blanked labels) as one space. */
static char *flat(const char *s, size_t n) {
  qc_buf b = QC_BUF_INIT;
  qc_buf_put_flat(&b, s, n);
  qc_buf_putc(&b, '\0');
  return qc_buf_detach(&b, NULL);
}

static bool is_cont(char c) { return ((unsigned char)c & 0xC0) == 0x80; }

void qc_report_add(qc_report *r, const qc_segment *seg, const char *group,
                   const qc_coding *coding) {
  qc_tally_add(r->file_tally, group, coding);
  qc_cooccur_add(r->co, group, coding);
  unsigned line = seg->line;
  size_t counted = 0;
  for (size_t i = 0; i < coding->nspans; i++) {
    const qc_span *sp = &coding->spans[i];
    for (; counted < sp->start; counted++)
      line += seg->text[counted] == '\n';
    size_t lb = sp->start, re = sp->end;
    for (int k = 0; lb > 0 && k < 60; k++) /* 60 characters each side */
      do
        lb--;
      while (lb > 0 && is_cont(seg->text[lb]));
    for (int k = 0; re < seg->len && k < 60; k++)
      do
        re++;
      while (re < seg->len && is_cont(seg->text[re]));
    /* the code whose rule matched, and each ancestor, get it as evidence */
    for (size_t c = sp->code; c != QC_NO_PARENT; c = r->cb->codes[c].parent) {
      if (r->nev[c] == r->opts.top)
        continue;
      evidence *e = &r->ev[c][r->nev[c]++];
      qc_buf w = QC_BUF_INIT;
      qc_buf_printf(&w, "%s:%u", r->files[r->nfiles - 1], line);
      e->where = qc_buf_detach(&w, NULL);
      e->file = r->nfiles - 1;
      e->speaker = qc_xstrdup(seg->speaker);
      e->left = flat(seg->text + lb, sp->start - lb);
      e->hit = flat(seg->text + sp->start, sp->end - sp->start);
      e->right = flat(seg->text + sp->end, re - sp->end);
    }
  }
}

void qc_report_end_file(qc_report *r, bool ok) {
  if (ok) {
    qc_tally_merge(r->total, r->file_tally);
  } else { /* --keep-going: the file is left out entirely */
    qc_cooccur_rollback(r->co);
    for (size_t c = 0; c < r->cb->ncodes; c++)
      while (r->nev[c] && r->ev[c][r->nev[c] - 1].file == r->nfiles - 1)
        free_evidence(&r->ev[c][--r->nev[c]]);
    free(r->files[--r->nfiles]);
  }
  qc_tally_free(r->file_tally);
  r->file_tally = NULL;
}

/* ---- HTML ---- */

/* Text for the page: markup characters as references, and what neither
 * HTML nor XML allows in text (control characters but tab and line ends,
 * U+FFFE, U+FFFF, invalid UTF-8) as U+FFFD. DEL is allowed in XML but
 * not in HTML text, so it goes too. */
static void esc(qc_buf *b, const char *s) {
  size_t len = s ? strlen(s) : 0;
  for (size_t i = 0; i < len;) {
    int32_t cp;
    int n = qc_utf8_decode(s + i, len - i, &cp);
    switch (n && qc_utf8_xml_allowed(cp) ? s[i] : 0) {
    case '&': qc_buf_puts(b, "&amp;"); break;
    case '<': qc_buf_puts(b, "&lt;"); break;
    case '>': qc_buf_puts(b, "&gt;"); break;
    case '"': qc_buf_puts(b, "&quot;"); break;
    case 0x7f:
    case 0: qc_buf_puts(b, "\xEF\xBF\xBD"); break;
    default: qc_buf_put(b, s + i, (size_t)n);
    }
    i += n ? (size_t)n : 1;
  }
}

/* A group's values, joined for display. */
static void group_name(qc_buf *b, const char *g) {
  for (; *g; g++)
    if (*g == QC_GROUP_SEP)
      qc_buf_puts(b, " \xC2\xB7 ");
    else
      qc_buf_putc(b, *g);
}

/* The colour of a share relative to the largest: from #f7fbff (none) to
 * #08306b (the largest), a sequential blue scale (ColorBrewer "Blues"). */
static void colour(qc_buf *b, double rel) {
  static const int lo[3] = {0xf7, 0xfb, 0xff}, hi[3] = {0x08, 0x30, 0x6b};
  if (rel < 0)
    rel = 0;
  if (rel > 1)
    rel = 1;
  qc_buf_putc(b, '#');
  for (int k = 0; k < 3; k++)
    qc_buf_printf(b, "%02x", (int)(lo[k] + (hi[k] - lo[k]) * rel + 0.5));
}

static double share(uint64_t a, uint64_t n) { return n ? (double)a / n : 0; }

static void pct(qc_buf *b, uint64_t a, uint64_t n) {
  if (n)
    qc_buf_printf(b, "%.1f %%", 100.0 * (double)a / (double)n);
  else
    qc_buf_puts(b, "&#8211;");
}

#define CELL_W 46
#define CELL_H 22
#define LABEL_W 210

static void heat_map(qc_buf *b, const qc_report *r, const qc_tally_counts *c) {
  const qc_codebook *cb = r->cb;
  double max = 0;
  for (size_t g = 0; g < c->ngroups; g++)
    for (size_t i = 0; i < cb->ncodes; i++) {
      double s = share(c->segments[g][i], c->group_segments[g]);
      max = s > max ? s : max;
    }
  size_t w = LABEL_W + c->ngroups * CELL_W + 10,
         h = 90 + cb->ncodes * CELL_H + 10;
  qc_buf_puts(b, "<section id=\"heatmap\"><h2>Shares per group</h2>\n"
                 "<p>The share of each group's segments that got a code; "
                 "darker is a larger share (the darkest is the largest, ");
  qc_buf_printf(b, "%.1f %%", 100 * max);
  qc_buf_puts(b, "). The numbers are in the table below.</p>\n");
  qc_buf_printf(b,
                "<svg class=\"chart\" role=\"img\" aria-labelledby=\"hm-t\" "
                "width=\"%zu\" height=\"%zu\" viewBox=\"0 0 %zu %zu\">"
                "<title id=\"hm-t\">Heat map of code shares per group; the "
                "table below has the same numbers</title>\n",
                w, h, w, h);
  for (size_t g = 0; g < c->ngroups; g++) {
    qc_buf_printf(b,
                  "<text class=\"col\" transform=\"translate(%zu,84) "
                  "rotate(-45)\">",
                  LABEL_W + g * CELL_W + CELL_W / 2);
    qc_buf gn = QC_BUF_INIT;
    group_name(&gn, c->names[g]);
    qc_buf_putc(&gn, '\0');
    esc(b, gn.ptr);
    qc_buf_puts(b, "</text>\n");
    qc_buf_release(&gn);
  }
  for (size_t i = 0; i < cb->ncodes; i++) {
    size_t y = 90 + i * CELL_H;
    qc_buf_printf(b, "<text class=\"row\" x=\"%d\" y=\"%zu\">",
                  LABEL_W - 6, y + 15);
    for (size_t d = 0; d < cb->codes[i].depth; d++)
      qc_buf_puts(b, "\xC2\xA0\xC2\xA0");
    esc(b, cb->codes[i].id);
    qc_buf_puts(b, "</text>\n");
    for (size_t g = 0; g < c->ngroups; g++) {
      uint64_t a = c->segments[g][i], n = c->group_segments[g];
      qc_buf_printf(b, "<rect x=\"%zu\" y=\"%zu\" width=\"%d\" height=\"%d\" "
                       "fill=\"",
                    LABEL_W + g * CELL_W, y, CELL_W - 2, CELL_H - 2);
      colour(b, max > 0 ? share(a, n) / max : 0);
      qc_buf_puts(b, "\"><title>");
      qc_buf gn = QC_BUF_INIT;
      group_name(&gn, c->names[g]);
      qc_buf_putc(&gn, '\0');
      esc(b, gn.ptr);
      qc_buf_release(&gn);
      qc_buf_puts(b, ", ");
      esc(b, cb->codes[i].path);
      qc_buf_printf(b, ": %llu of %llu segments (",
                    (unsigned long long)a, (unsigned long long)n);
      pct(b, a, n);
      qc_buf_puts(b, ")</title></rect>\n");
    }
  }
  qc_buf_puts(b, "</svg>\n<table><caption>Segments with each code, per "
                 "group (share of the group's segments)</caption>\n<thead>"
                 "<tr><th scope=\"col\">code</th>");
  for (size_t g = 0; g < c->ngroups; g++) {
    qc_buf_puts(b, "<th scope=\"col\">");
    qc_buf gn = QC_BUF_INIT;
    group_name(&gn, c->names[g]);
    qc_buf_putc(&gn, '\0');
    esc(b, gn.ptr);
    qc_buf_release(&gn);
    qc_buf_printf(b, " <small>(%llu)</small></th>",
                  (unsigned long long)c->group_segments[g]);
  }
  qc_buf_puts(b, "</tr></thead>\n<tbody>\n");
  for (size_t i = 0; i < cb->ncodes; i++) {
    qc_buf_puts(b, "<tr><th scope=\"row\">");
    esc(b, cb->codes[i].path);
    qc_buf_puts(b, "</th>");
    for (size_t g = 0; g < c->ngroups; g++) {
      qc_buf_printf(b, "<td>%llu <small>(",
                    (unsigned long long)c->segments[g][i]);
      pct(b, c->segments[g][i], c->group_segments[g]);
      qc_buf_puts(b, ")</small></td>");
    }
    qc_buf_puts(b, "</tr>\n");
  }
  qc_buf_puts(b, "</tbody></table></section>\n");
}

/* A bar chart per top-level code with children: the share of each child
 * per group, the groups side by side. */
static void families(qc_buf *b, const qc_report *r, const qc_tally_counts *c) {
  const qc_codebook *cb = r->cb;
  qc_buf_puts(b, "<section id=\"families\"><h2>Code families</h2>\n"
                 "<p>For each code with subcodes, the share of each group's "
                 "segments that got each subcode (numbers in the table of "
                 "shares above).</p>\n");
  for (size_t f = 0; f < cb->ncodes; f++) {
    if (cb->codes[f].parent != QC_NO_PARENT)
      continue;
    size_t nkids = 0;
    for (size_t i = 0; i < cb->ncodes; i++)
      nkids += cb->codes[i].parent == f;
    if (!nkids)
      continue;
    size_t bar = 14, block = c->ngroups * bar + 10, w = 620,
           h = 30 + nkids * block + 20;
    qc_buf_printf(b, "<figure><svg class=\"chart\" role=\"img\" "
                     "aria-labelledby=\"fam-%zu\" width=\"%zu\" "
                     "height=\"%zu\" viewBox=\"0 0 %zu %zu\"><title "
                     "id=\"fam-%zu\">",
                  f, w, h, w, h, f);
    esc(b, cb->codes[f].path);
    qc_buf_puts(b, ": shares of its subcodes per group</title>\n");
    size_t y = 20;
    for (size_t i = 0; i < cb->ncodes; i++) {
      if (cb->codes[i].parent != f)
        continue;
      qc_buf_printf(b, "<text class=\"row\" x=\"150\" y=\"%zu\">", y + 12);
      esc(b, cb->codes[i].id);
      qc_buf_puts(b, "</text>\n");
      for (size_t g = 0; g < c->ngroups; g++) {
        uint64_t a = c->segments[g][i], n = c->group_segments[g];
        double len = share(a, n) * 400;
        qc_buf_printf(b, "<rect x=\"160\" y=\"%zu\" width=\"%.1f\" "
                         "height=\"%zu\" fill=\"",
                      y + g * bar, len, bar - 3);
        /* the groups in shades that stop short of the heat map's darkest,
         * which marks its largest share alone */
        colour(b, 0.25 + 0.6 * (c->ngroups > 1 ? (double)g / (c->ngroups - 1)
                                                : 1));
        qc_buf_puts(b, "\"><title>");
        qc_buf gn = QC_BUF_INIT;
        group_name(&gn, c->names[g]);
        qc_buf_putc(&gn, '\0');
        esc(b, gn.ptr);
        qc_buf_puts(b, ", ");
        esc(b, cb->codes[i].path);
        qc_buf_printf(b, ": %llu of %llu (", (unsigned long long)a,
                      (unsigned long long)n);
        pct(b, a, n);
        qc_buf_puts(b, ")</title></rect>");
        qc_buf_printf(b, "<text class=\"val\" x=\"%.1f\" y=\"%zu\">",
                      165 + len, y + g * bar + bar - 4);
        esc(b, gn.ptr);
        qc_buf_release(&gn);
        qc_buf_puts(b, "</text>\n");
      }
      y += block;
    }
    qc_buf_puts(b, "</svg><figcaption>");
    esc(b, cb->codes[f].path);
    qc_buf_puts(b, "</figcaption></figure>\n");
  }
  qc_buf_puts(b, "</section>\n");
}

/* The co-occurrence matrix: the Jaccard index of each pair. */
static void cooccurrence(qc_buf *b, const qc_report *r) {
  const qc_codebook *cb = r->cb;
  size_t n = cb->ncodes;
  unsigned long long *with = qc_xcalloc(n ? n : 1, sizeof *with);
  unsigned long long *both = qc_xcalloc(n ? n * n : 1, sizeof *both);
  qc_cooccur_matrix(r->co, with, both);
  double *jac = qc_xcalloc(n ? n * n : 1, sizeof *jac);
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++) {
      unsigned long long either = with[i] + with[j] - both[i * n + j];
      jac[i * n + j] = either ? (double)both[i * n + j] / (double)either : 0;
    }
  size_t cell = 16, w = LABEL_W + n * cell + 10, h = LABEL_W + n * cell + 10;
  qc_buf_puts(b, "<section id=\"cooccurrence\"><h2>Codes that go "
                 "together</h2>\n<p>For each pair of codes, the Jaccard "
                 "index of the segments they code: segments with both over "
                 "segments with either; darker is more overlap. A code and "
                 "its own parent are left blank (they go together by "
                 "roll-up). The pairs that co-occur are in the table "
                 "below.</p>\n");
  qc_buf_printf(b, "<svg class=\"chart\" role=\"img\" aria-labelledby=\"co-t\" "
                   "width=\"%zu\" height=\"%zu\" viewBox=\"0 0 %zu %zu\">"
                   "<title id=\"co-t\">Co-occurrence matrix of the codes; "
                   "the table below has the numbers</title>\n",
                w, h, w, h);
  for (size_t i = 0; i < n; i++) {
    qc_buf_printf(b, "<text class=\"row\" x=\"%d\" y=\"%zu\">", LABEL_W - 6,
                  LABEL_W + i * cell + 12);
    esc(b, cb->codes[i].path);
    qc_buf_printf(b, "</text><text class=\"col\" transform=\"translate(%zu,"
                     "%d) rotate(-60)\">",
                  LABEL_W + i * cell + 10, LABEL_W - 6);
    esc(b, cb->codes[i].path);
    qc_buf_puts(b, "</text>\n");
  }
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++) {
      if (i == j || !both[i * n + j])
        continue;
      qc_buf_printf(b, "<rect x=\"%zu\" y=\"%zu\" width=\"%zu\" height=\"%zu\" "
                       "fill=\"",
                    LABEL_W + j * cell, LABEL_W + i * cell, cell - 1, cell - 1);
      colour(b, 0.9 * jac[i * n + j]); /* the darkest is the heat map's */
      qc_buf_puts(b, "\"><title>");
      esc(b, cb->codes[i].path);
      qc_buf_puts(b, " and ");
      esc(b, cb->codes[j].path);
      qc_buf_printf(b, ": %llu segments, Jaccard %.3f</title></rect>\n",
                    both[i * n + j], jac[i * n + j]);
    }
  qc_buf_puts(b, "</svg>\n<table><caption>Pairs of codes that code the same "
                 "segment</caption>\n<thead><tr><th scope=\"col\">code</th>"
                 "<th scope=\"col\">with</th><th scope=\"col\">segments with "
                 "both</th><th scope=\"col\">Jaccard</th></tr></thead>\n"
                 "<tbody>\n");
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++) {
      if (!both[i * n + j])
        continue;
      qc_buf_puts(b, "<tr><th scope=\"row\">");
      esc(b, cb->codes[i].path);
      qc_buf_puts(b, "</th><td>");
      esc(b, cb->codes[j].path);
      qc_buf_printf(b, "</td><td>%llu</td><td>%.3f</td></tr>\n",
                    both[i * n + j], jac[i * n + j]);
    }
  qc_buf_puts(b, "</tbody></table></section>\n");
  free(jac);
  free(both);
  free(with);
}

static void evidence_section(qc_buf *b, const qc_report *r) {
  qc_buf_printf(b, "<section id=\"evidence\"><h2>Evidence</h2>\n<p>The first "
                   "%zu hits of each code, in the order of the files, with "
                   "the speaker and where they are (file:line).</p>\n",
                r->opts.top);
  for (size_t i = 0; i < r->cb->ncodes; i++) {
    qc_buf_puts(b, "<h3>");
    esc(b, r->cb->codes[i].path);
    qc_buf_puts(b, "</h3>\n");
    if (!r->nev[i]) {
      qc_buf_puts(b, "<p>No hits.</p>\n");
      continue;
    }
    qc_buf_puts(b, "<ul class=\"kwic\">\n");
    for (size_t k = 0; k < r->nev[i]; k++) {
      const evidence *e = &r->ev[i][k];
      qc_buf_puts(b, "<li><span class=\"who\">");
      esc(b, e->speaker[0] ? e->speaker : "(before the first turn)");
      qc_buf_puts(b, "</span>, <span class=\"where\">");
      esc(b, e->where);
      qc_buf_puts(b, "</span>: <q lang=\"nl\">&#8230;");
      esc(b, e->left);
      qc_buf_puts(b, "<mark>");
      esc(b, e->hit);
      qc_buf_puts(b, "</mark>");
      esc(b, e->right);
      qc_buf_puts(b, "&#8230;</q></li>\n");
    }
    qc_buf_puts(b, "</ul>\n");
  }
  qc_buf_puts(b, "</section>\n");
}

static void codebook_section(qc_buf *b, const qc_report *r) {
  qc_buf_puts(b, "<section id=\"codebook\"><h2>The codebook</h2>\n<dl>\n");
  for (size_t i = 0; i < r->cb->ncodes; i++) {
    const qc_code *c = &r->cb->codes[i];
    qc_buf_puts(b, "<dt>");
    esc(b, c->path);
    if (c->label) {
      qc_buf_puts(b, " &#8212; ");
      esc(b, c->label);
    }
    qc_buf_puts(b, "</dt><dd>");
    esc(b, c->description ? c->description : "");
    qc_buf_puts(b, "</dd>\n");
  }
  qc_buf_puts(b, "</dl></section>\n");
}

static const char style[] =
    "body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:"
    "72em;padding:0 1em;color:#111;background:#fff}"
    "h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}"
    "table{border-collapse:collapse;margin:1em 0;font-size:.9em}"
    "th,td{border:1px solid #ccc;padding:.2em .5em;text-align:right}"
    "th[scope=row],caption{text-align:left}caption{font-weight:bold;"
    "padding:.3em 0}"
    "svg.chart text{font:11px system-ui,sans-serif;fill:#111}"
    "svg.chart text.row{text-anchor:end}"
    "mark{background:#fde68a;color:#111}"
    "ul.kwic{list-style:none;padding-left:0}ul.kwic li{margin:.3em 0}"
    ".where,.who{font-weight:600}dt{font-weight:600;margin-top:.6em}"
    "dl.run dt{display:inline}dl.run dd{display:inline;margin:0 1em 0 .3em}"
    "@media print{body{max-width:none;margin:0}section{break-inside:"
    "avoid-page}svg.chart{max-width:100%;height:auto}a{color:#111}}";

char *qc_report_finish(qc_report *r, size_t *len) {
  qc_keys keys;
  qc_keys_parse(&keys, r->opts.by);
  qc_tally_counts c;
  qc_tally_snapshot(r->total, keys.n, &c);
  qc_buf b = QC_BUF_INIT;
  const char *title = r->opts.title ? r->opts.title : "qcode report";
  qc_buf_puts(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                  "<meta charset=\"utf-8\"/>\n"
                  "<meta name=\"viewport\" content=\"width=device-width, "
                  "initial-scale=1\"/>\n<title>");
  esc(&b, title);
  qc_buf_printf(&b, "</title>\n<style>%s</style>\n</head>\n<body>\n<header>"
                    "<h1>",
                style);
  esc(&b, title);
  qc_buf_puts(&b, "</h1>\n<dl class=\"run\"><dt>qcode</dt><dd>");
  esc(&b, qc_version_string());
  qc_buf_puts(&b, "</dd><dt>codebook</dt><dd>");
  esc(&b, r->cb->file);
  qc_buf_puts(&b, " (");
  esc(&b, qc_codebook_fingerprint(r->cb));
  qc_buf_puts(&b, ")</dd><dt>date</dt><dd>");
  esc(&b, r->opts.date ? r->opts.date : "");
  qc_buf_printf(&b, "</dd><dt>files</dt><dd>%zu</dd><dt>groups by</dt><dd>",
                r->nfiles);
  esc(&b, r->opts.by ? r->opts.by : "subsector");
  qc_buf_puts(&b, "</dd></dl>\n<nav><a href=\"#heatmap\">Shares</a> &#183; "
                  "<a href=\"#families\">Families</a> &#183; <a "
                  "href=\"#cooccurrence\">Co-occurrence</a> &#183; <a "
                  "href=\"#evidence\">Evidence</a> &#183; <a "
                  "href=\"#codebook\">Codebook</a> &#183; <a "
                  "href=\"#files\">Files</a></nav>\n</header>\n<main>\n");
  heat_map(&b, r, &c);
  families(&b, r, &c);
  cooccurrence(&b, r);
  evidence_section(&b, r);
  codebook_section(&b, r);
  qc_buf_puts(&b, "<section id=\"files\"><h2>Files</h2>\n<ol>\n");
  for (size_t i = 0; i < r->nfiles; i++) {
    qc_buf_puts(&b, "<li>");
    esc(&b, r->files[i]);
    qc_buf_puts(&b, "</li>\n");
  }
  qc_buf_puts(&b, "</ol></section>\n</main>\n</body>\n</html>\n");
  size_t colen;
  free(qc_cooccur_finish(r->co, &colen));
  qc_tally_snapshot_release(&c);
  qc_keys_release(&keys);
  for (size_t i = 0; i < r->cb->ncodes; i++) {
    for (size_t k = 0; k < r->nev[i]; k++)
      free_evidence(&r->ev[i][k]);
    free(r->ev[i]);
  }
  free(r->ev);
  free(r->nev);
  for (size_t i = 0; i < r->nfiles; i++)
    free(r->files[i]);
  free(r->files);
  qc_tally_free(r->total);
  free(r);
  return qc_buf_detach(&b, len);
}
