/* abbrev.c: Dutch abbreviations that are written with a final period, for
 * the tokenizer (src/tokenize.c). An abbreviation found here keeps its period
 * ("bijv." is one token) and does not end a sentence. Multi-period forms
 * such as "o.a." are also recognised by their shape in the tokenizer; they
 * are listed here too so that the list is complete on its own.
 *
 * Left out on purpose, because they are also ordinary Dutch words or names
 * that often end a sentence: jan (Jan), ma, do, zo, kon, vol, red, ver, tab,
 * ha, ms (MS, the disease), no. */
#include "abbrev.h"

#include <stdlib.h>
#include <string.h>

/* Lowercase, without the final period, sorted bytewise ('.' sorts before
 * the letters) for bsearch. */
static const char *const abbrevs[] = {
    "a.d",   "a.d.h.v", "a.h.w", "a.s",     "a.u.b", "adj",     "afb",
    "afd",   "afk",     "afl",   "alg",     "apr",   "art",     "aug",
    "b.v",   "b.v.b.a", "betr",  "bijv",    "bijz",  "blz",     "br",
    "bv",    "bvb",     "bvba",  "c.a.o",   "c.q",   "c.s",     "ca",
    "cf",    "cfr",     "cie",   "cvba",    "d.d",   "d.i",     "d.m.v",
    "d.w.z", "dec",     "dhr",   "di",      "dl",    "dr",      "drs",
    "ds",    "dwz",     "e.a",   "e.d",     "e.e.a", "e.g",     "e.k",
    "e.v",   "eig",     "enz",   "etc",     "ev",    "evt",     "excl",
    "fam",   "feb",     "fig",   "geb",     "gebr",  "gem",     "gest",
    "herz",  "hfd",     "hfdst", "hr",      "i.c.m", "i.e",     "i.g.v",
    "i.h.a", "i.h.b",   "i.k.v", "i.o",     "i.o.m", "i.o.v",   "i.p.v",
    "i.s.m", "i.t.t",   "i.v.m", "ibid",    "inc",   "incl",    "ing",
    "inz",   "ipv",     "ir",    "ivm",     "jhr",   "jkvr",    "jl",
    "jr",    "jul",     "jun",   "kand",    "l.s",   "lic",     "ll",
    "ln",    "ltd",     "m.a.w", "m.b.t",   "m.b.v", "m.h.o",   "m.i",
    "m.i.v", "m.m",     "m.m.v", "m.n",     "m.u.v", "max",     "mbt",
    "mej",   "mevr",    "mgr",   "min",     "mld",   "mln",     "mr",
    "mrd",   "mrt",     "mvg",   "mw",      "n.a.v", "n.a.w",   "n.b",
    "n.t.b", "n.v",     "n.v.t", "nb",      "ned",   "nl",      "nov",
    "nr",    "nrs",     "nv",    "o.a",     "o.b.v", "o.c.m.w", "o.g.v",
    "o.i",   "o.i.d",   "o.l.v", "o.v.v",   "okt",   "ong",     "overl",
    "p",     "p.a",     "p.j",   "p.m",     "p.p",   "pag",     "pct",
    "penn",  "ph.d",    "plv",   "pp",      "prof",  "prov",    "r.k",
    "resp",  "s.v.p",   "sec",   "secr",    "sep",   "sept",    "sr",
    "st",    "str",     "t.a.p", "t.a.v",   "t.b.v", "t.e.m",   "t.g.v",
    "t.h.v", "t.n.v",   "t.o.v", "t.t.v",   "t.w",   "t.w.v",   "t.z.t",
    "tel",   "tov",     "uitg",  "v.a",     "v.d",   "v.l.n.r", "v.w.b",
    "v.z.w", "vb",      "vert",  "vgl",     "vl",    "vlg",     "vlgs",
    "vnl",   "voorz",   "vr",    "vs",      "vz",    "vzw",     "w.o",
    "weth",  "wnd",     "wo",    "z.g.a.n", "z.i",   "z.o.z",   "z.s.m",
    "za",    "zg",      "zgn",   "zr",
};

#define NABBREVS (sizeof abbrevs / sizeof abbrevs[0])

/* One more than the longest entry (7): a longer word, as most words
 * before a period are, is answered without a search. */
#define MAXLEN 8

static int compare(const void *key, const void *elem) {
  return strcmp((const char *)key, *(const char *const *)elem);
}

bool qc_abbrev_is_known(const char *s, size_t len) {
  if (len > 0 && s[len - 1] == '.')
    len--;
  if (len == 0 || len >= MAXLEN)
    return false;
  char key[MAXLEN];
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 'A' && c <= 'Z')
      c = (unsigned char)(c - 'A' + 'a');
    else if (!((c >= 'a' && c <= 'z') || c == '.'))
      return false;
    key[i] = (char)c;
  }
  key[len] = '\0';
  return bsearch(key, abbrevs, NABBREVS, sizeof abbrevs[0], compare) != NULL;
}

size_t qc_abbrev_count(void) { return NABBREVS; }

const char *qc_abbrev_at(size_t i) { return i < NABBREVS ? abbrevs[i] : NULL; }
