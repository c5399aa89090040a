#!/usr/bin/env python3
"""peer.py: the coding of `qcode apply`, as a researcher would script it.

    python3 bench/peer.py -c codebooks/digitalisering.yaml FILE... > peer.tsv

Reads a qcode codebook (YAML, format 1) and codes the transcripts turn by
turn, printing the same long TSV table as `qcode apply` with its default
options (--by subsector, --unit turn, moderator turns not coded): one row
per subsector and code with segments, hits, share, group_segments,
group_tokens and the codebook fingerprint.

Python 3 standard library only, one straightforward pass: per file, read
the front matter and the turns; per turn, fold the text (NFKC + case
folding + qcode's quote/dash/soft-hyphen mapping), cut it into tokens with
regexes, then try every rule: words and phrases on the running words (with
the negation window), regexes (Python `re`) on the folded text; drop
excluded codes and masked hits, count distinct spans, roll children up
into their parents. It is the benchmark's honest peer, not an engine: no
prefilter, no automaton, just `re` and dictionaries (a dictionary caches
which word patterns a word matches).

The semantics follow qcode's sources: transcript.c (front matter, turns),
utf8.c (folding), tokenize.c (running words, sentence ends), codebook*.c
(rules, fingerprint), lexicon.c (wildcards), coder.c (negation windows
within a clause, exclude, mask, de-duplication, roll-up), tally.c and
table.c (the table).
"""

import argparse
import re
import sys
import unicodedata

# ======================================================================
# A reader for the YAML that codebooks use: block mappings and sequences,
# flow sequences and mappings, plain, single- and double-quoted scalars,
# block scalars (| and >), comments, anchors and aliases. Scalars stay
# strings, as libyaml hands them to qcode.
# ======================================================================


class YamlError(Exception):
    pass


KEY_RE = re.compile(
    r"""(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|"""
    r"""((?:[^\s\-?:,\[\]{}#&*!|>'"%@`]|[-?:](?=\S))[^\n]*?))[ \t]*:(?=[ \t]|$)""")
DQ_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t",
              "n": "\n", "v": "\v", "f": "\f", "r": "\r", "e": "\x1b",
              " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85",
              "_": "\xa0", "L": "\u2028", "P": "\u2029"}


class Yaml:
    def __init__(self, text):
        if text.startswith("\ufeff"):
            text = text[1:]
        self.text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.lines = self.text.split("\n")
        self.starts = []
        off = 0
        for line in self.lines:
            self.starts.append(off)
            off += len(line) + 1
        self.i = 0           # current line
        self.indent_of = {}  # line -> column where its content starts ("- " items)
        self.anchors = {}

    # ---- lines ----
    def indent(self, i):
        if i in self.indent_of:
            return self.indent_of[i]
        line = self.lines[i]
        return len(line) - len(line.lstrip(" "))

    def content(self, i):
        return self.lines[i][self.indent(i):]

    def skip_blank(self):
        while self.i < len(self.lines):
            c = self.content(self.i).strip()
            if c and not c.startswith("#"):
                break
            self.i += 1

    def rest_of_line(self, off):
        nl = self.text.find("\n", off)
        return self.text[off:nl if nl >= 0 else len(self.text)]

    def line_at(self, off):
        lo, hi = 0, len(self.starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.starts[mid] <= off:
                lo = mid
            else:
                hi = mid - 1
        return lo

    # ---- documents ----
    def document(self):
        self.skip_blank()
        while self.i < len(self.lines) and self.lines[self.i].startswith("%"):
            self.i += 1   # %YAML 1.1, %TAG: nothing to do for these codebooks
            self.skip_blank()
        if self.i < len(self.lines) and re.match(r"---(\s|$)", self.lines[self.i]):
            rest = self.lines[self.i][3:].strip()
            if rest and not rest.startswith("#"):
                raise YamlError("content after '---' is not supported")
            self.i += 1
        # The document ends at a "..." or "---" line; nothing but comments
        # may follow (a codebook is one document).
        for k in range(self.i, len(self.lines)):
            if re.match(r"(?:\.\.\.|---)(?:[ \t]|$)", self.lines[k]):
                rest = self.lines[k + 1:] if self.lines[k].startswith(".") else self.lines[k:]
                if any(x.strip() and not x.lstrip().startswith("#") for x in rest):
                    raise YamlError("a second YAML document at line %d" % (k + 1))
                self.lines = self.lines[:k]
                break
        value = self.node(-1)
        self.skip_blank()
        if self.i < len(self.lines):
            raise YamlError("unexpected content at line %d" % (self.i + 1))
        return value

    def node(self, parent):
        """The block node on the next lines, indented more than 'parent'."""
        self.skip_blank()
        if self.i >= len(self.lines) or self.indent(self.i) <= parent:
            return ""
        return self.block_at(self.indent(self.i))

    def block_at(self, ind):
        c = self.content(self.i)
        if c == "-" or c.startswith("- ") or c.startswith("-\t"):
            return self.sequence(ind)
        if KEY_RE.match(c):
            return self.mapping(ind)
        # a scalar or flow node on its own line(s)
        value = self.value_at(self.starts[self.i] + ind, ind - 1)
        return value

    def sequence(self, ind):
        items = []
        while True:
            self.skip_blank()
            if self.i >= len(self.lines) or self.indent(self.i) < ind:
                break
            c = self.content(self.i)
            if self.indent(self.i) > ind or not (c == "-" or c[:2] in ("- ", "-\t")):
                if self.indent(self.i) == ind:
                    break
                raise YamlError("bad indentation at line %d" % (self.i + 1))
            rest = c[1:]
            col = ind + 1 + len(rest) - len(rest.lstrip(" \t"))
            rest = rest.lstrip(" \t")
            if not rest or rest.startswith("#"):
                self.i += 1
                items.append(self.node(ind))
            elif rest == "-" or rest.startswith("- ") or KEY_RE.match(rest):
                self.indent_of[self.i] = col   # "- key: v" is a mapping at col
                items.append(self.block_at(col))
            else:
                value = self.value_at(self.starts[self.i] + col, ind)
                items.append(value)
        return items

    def mapping(self, ind):
        result = {}
        while True:
            self.skip_blank()
            if self.i >= len(self.lines) or self.indent(self.i) < ind:
                break
            if self.indent(self.i) > ind:
                raise YamlError("bad indentation at line %d" % (self.i + 1))
            c = self.content(self.i)
            m = KEY_RE.match(c)
            if not m:
                if c == "-" or c[:2] in ("- ", "-\t"):
                    break
                raise YamlError("expected 'key: value' at line %d" % (self.i + 1))
            if m.group(1) is not None:
                key = self.unescape(m.group(1))
            elif m.group(2) is not None:
                key = m.group(2).replace("''", "'")
            else:
                key = m.group(3).rstrip()
            if key in result:
                raise YamlError("duplicate key '%s' at line %d" % (key, self.i + 1))
            off = self.starts[self.i] + ind + m.end()
            result[key] = self.value_after_key(off, ind)
        return result

    def value_after_key(self, off, ind):
        rest = self.rest_of_line(off)
        stripped = rest.strip(" \t")
        if not stripped or stripped.startswith("#"):
            self.i += 1
            self.skip_blank()
            if (self.i < len(self.lines) and self.indent(self.i) == ind
                    and (self.content(self.i) == "-" or self.content(self.i)[:2] in ("- ", "-\t"))):
                return self.sequence(ind)
            return self.node(ind)
        off += len(rest) - len(rest.lstrip(" \t"))
        value = self.value_at(off, ind)
        return value

    def value_at(self, off, ind):
        """A node that starts at text offset 'off' on the current line, in a
        block whose parent is indented 'ind'. Moves self.i past it."""
        t = self.text
        ch = t[off] if off < len(t) else ""
        if ch == "!":   # a tag: scalars stay strings anyway
            m = re.compile(r"!\S*[ \t]*").match(t, off)
            rest = self.rest_of_line(m.end())
            if not rest.strip() or rest.strip().startswith("#"):
                self.i += 1
                return self.node(ind)
            return self.value_at(m.end(), ind)
        if ch == "&":
            m = re.compile(r"&(\S+)[ \t]*").match(t, off)
            name = m.group(1)
            rest = self.rest_of_line(m.end())
            if not rest.strip() or rest.strip().startswith("#"):
                self.i += 1
                value = self.node(ind)
            else:
                value = self.value_at(m.end(), ind)
            self.anchors[name] = value
            return value
        if ch == "*":
            m = re.compile(r"\*([^\s,\[\]{}]+)").match(t, off)
            if m.group(1) not in self.anchors:
                raise YamlError("unknown alias '%s'" % m.group(1))
            self.finish_line(m.end())
            return self.anchors[m.group(1)]
        if ch in "[{":
            value, end = self.flow(off)
            self.finish_line(end)
            return value
        if ch in "'\"":
            value, end = self.quoted(off)
            self.finish_line(end)
            return value
        if ch in "|>":
            return self.block_scalar(off, ind)
        # a plain scalar: up to a " #" comment, continued by more-indented lines
        first, comment = self.cut_comment(self.rest_of_line(off))
        parts = [first]
        self.i += 1
        while not comment and self.i < len(self.lines):
            line = self.lines[self.i]
            s = line.strip()
            if s and (len(line) - len(line.lstrip(" ")) <= ind or s.startswith("#")):
                break
            s, comment = self.cut_comment(s)
            parts.append(s)
            self.i += 1
        while parts and parts[-1] == "":
            parts.pop()
        return self.fold_lines(parts)

    @staticmethod
    def cut_comment(s):
        """A plain scalar's text before a " #" comment, and whether there
        was one."""
        m = re.search(r"(?:^|[ \t])#", s)
        return (s[:m.start()].strip(), True) if m else (s.strip(), False)

    def finish_line(self, end):
        """After a flow or quoted node ending at 'end': only a comment may
        follow on its line."""
        nl = self.text.find("\n", end)
        nl = len(self.text) if nl < 0 else nl
        rest = self.text[end:nl].strip(" \t")
        if rest and not rest.startswith("#"):
            raise YamlError("unexpected '%s' at line %d" % (rest, self.line_at(end) + 1))
        self.i = self.line_at(end) + 1

    @staticmethod
    def fold_lines(parts):
        """Line folding of plain and quoted scalars: a single line break is
        a space, each further (empty) line a newline."""
        out, pending = "", 0
        for k, p in enumerate(parts):
            if k == 0:
                out = p
                continue
            if p == "":
                pending += 1
                continue
            out += ("\n" * pending) if pending else " "
            out += p
            pending = 0
        return out

    def unescape(self, s):
        out, k = [], 0
        while k < len(s):
            c = s[k]
            if c != "\\":
                out.append(c)
                k += 1
                continue
            e = s[k + 1]
            if e in DQ_ESCAPES:
                out.append(DQ_ESCAPES[e])
                k += 2
            elif e in "xuU":
                n = {"x": 2, "u": 4, "U": 8}[e]
                out.append(chr(int(s[k + 2:k + 2 + n], 16)))
                k += 2 + n
            else:
                raise YamlError("unknown escape '\\%s'" % e)
        return "".join(out)

    def quoted(self, off):
        t = self.text
        q = t[off]
        k = off + 1
        lines, cur = [], []
        while True:
            if k >= len(t):
                raise YamlError("unterminated quoted scalar")
            c = t[k]
            if q == "'" and c == "'":
                if t[k + 1:k + 2] == "'":
                    cur.append("'")
                    k += 2
                    continue
                break
            if q == '"' and c == '"':
                break
            if q == '"' and c == "\\":
                if t[k + 1] == "\n":   # escaped line break: join, no space
                    k += 2
                    while k < len(t) and t[k] in " \t":
                        k += 1
                    continue
                n = {"x": 2, "u": 4, "U": 8}.get(t[k + 1], 0)
                cur.append(self.unescape(t[k:k + 2 + n]))
                k += 2 + n
                continue
            if c == "\n":
                lines.append("".join(cur))
                cur = []
                k += 1
                while k < len(t) and t[k] in " \t":
                    k += 1
                continue
            cur.append(c)
            k += 1
        lines.append("".join(cur))
        if len(lines) > 1:
            lines = [lines[0].rstrip(" \t")] + [x.strip(" \t") for x in lines[1:-1]] + [lines[-1]]
            return self.fold_lines(lines), k + 1
        return lines[0], k + 1

    def flow(self, off):
        t = self.text
        close = "]" if t[off] == "[" else "}"
        seq = close == "]"
        items = [] if seq else {}
        k = off + 1
        while True:
            k = self.flow_space(k)
            if k >= len(t):
                raise YamlError("unterminated flow collection")
            if t[k] == close:
                return items, k + 1
            key, k = self.flow_node(k)
            k = self.flow_space(k)
            value = None
            if k < len(t) and t[k] == ":":
                value, k = self.flow_node(self.flow_space(k + 1))
                k = self.flow_space(k)
            if seq:
                items.append(key if value is None else {key: value})
            else:
                if key in items:
                    raise YamlError("duplicate key '%s'" % key)
                items[key] = "" if value is None else value
            if k < len(t) and t[k] == ",":
                k += 1
            elif k < len(t) and t[k] != close:
                raise YamlError("expected ',' or '%s' at line %d" % (close, self.line_at(k) + 1))

    def flow_space(self, k):
        t = self.text
        while k < len(t):
            if t[k] in " \t\n":
                k += 1
            elif t[k] == "#" and (k == 0 or t[k - 1] in " \t\n"):
                while k < len(t) and t[k] != "\n":
                    k += 1
            else:
                break
        return k

    def flow_node(self, k):
        t = self.text
        if k < len(t) and t[k] in "[{":
            return self.flow(k)
        if k < len(t) and t[k] in "'\"":
            return self.quoted(k)
        if k < len(t) and t[k] in ",]}":
            return "", k
        if k < len(t) and t[k] == "*":
            m = re.compile(r"\*([^\s,\[\]{}]+)").match(t, k)
            if m.group(1) not in self.anchors:
                raise YamlError("unknown alias '%s'" % m.group(1))
            return self.anchors[m.group(1)], m.end()
        if k < len(t) and t[k] in "&!":   # an anchor or a tag before a node
            m = re.compile(r"([&!])([^\s,\[\]{}]*)[ \t]*").match(t, k)
            value, end = self.flow_node(self.flow_space(m.end()))
            if m.group(1) == "&":
                self.anchors[m.group(2)] = value
            return value, end
        m = re.compile(r"(?:[^,\[\]{}:#\n]|:(?![\s,\[\]{}])|(?<=\S)#|\n(?![ \t]*#))*").match(t, k)
        raw = m.group()
        parts = [x.strip(" \t") for x in raw.split("\n")]
        return self.fold_lines(parts).strip(), m.end()

    def block_scalar(self, off, ind):
        t = self.text
        nl = t.find("\n", off)
        header = t[off:nl if nl >= 0 else len(t)]
        m = re.match(r"([|>])([+-]?)([1-9]?)([+-]?)[ \t]*(#.*)?$", header)
        if not m:
            raise YamlError("bad block scalar header at line %d" % (self.i + 1))
        literal = m.group(1) == "|"
        chomp = m.group(2) or m.group(4)
        self.i += 1
        block = None if not m.group(3) else max(ind, 0) + int(m.group(3))
        lines = []
        while self.i < len(self.lines):
            line = self.lines[self.i]
            if line.strip() == "":
                lines.append(line)
                self.i += 1
                continue
            n = len(line) - len(line.lstrip(" "))
            if block is None:
                if n <= ind:
                    break
                block = n
            if n < block:
                break
            lines.append(line)
            self.i += 1
        block = block or 0
        body = [ln[block:] if len(ln) >= block else "" for ln in lines]
        trail = 0
        while body and body[-1].strip() == "" and len(lines[len(body) - 1]) <= block:
            body.pop()
            trail += 1
        if literal:
            text = "\n".join(body)
        else:
            text, prev_more = "", False
            for k, ln in enumerate(body):
                more = ln.startswith((" ", "\t"))
                if k == 0:
                    text = ln
                elif ln == "":
                    text += "\n"
                elif text.endswith("\n") or more or prev_more:
                    text += ("" if text.endswith("\n") else "\n") + ln
                else:
                    text += " " + ln
                prev_more = more
            text = re.sub(r"(?<=[^\n]) \n", "\n", text)
        if not body:
            return ""
        if chomp == "-":
            return text
        if chomp == "+":
            return text + "\n" * (trail + 1)
        return text + "\n"


def load_yaml(text):
    return Yaml(text).document()


# ======================================================================
# Folding (utf8.c): utf8proc's DECOMPOSE|COMPAT|IGNORE|LUMP|CASEFOLD and
# COMPOSE, i.e. NFKC of the case folding, with default-ignorable
# characters (soft hyphen, zero-width characters) removed, curly quotes
# and apostrophes turned into ' and ", all dashes into -, spaces into ' '.
# ======================================================================

FOLD_CASE, FOLD_MARKS = 1, 2


def _lump_table():
    table = {}
    for cp in list(range(0x80, 0x10000)) + [0x10EAD]:
        cat = unicodedata.category(chr(cp))
        if cat == "Zs":
            table[cp] = " "
        elif cat == "Pd":
            table[cp] = "-"
        elif cat == "Pc":
            table[cp] = "_"
    for cps, to in (((0x2018, 0x2019, 0x02BC, 0x02C8), "'"), ((0x2212,), "-"),
                    ((0x2044, 0x2215), "/"), ((0x2236,), ":"),
                    ((0x2039, 0x2329, 0x3008), "<"), ((0x203A, 0x232A, 0x3009), ">"),
                    ((0x2216,), "\\"), ((0x02C4, 0x02C6, 0x2038, 0x2303), "^"),
                    ((0x02CD,), "_"), ((0x02CB,), "`"), ((0x2223,), "|"),
                    ((0x223C,), "~")):
        for cp in cps:
            table[cp] = to
    ignorable = [0xAD, 0x34F, 0x61C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFEFF, 0xFFA0]
    ignorable += list(range(0x180B, 0x1810)) + list(range(0x200B, 0x2010))
    ignorable += list(range(0x202A, 0x202F)) + list(range(0x2060, 0x2070))
    ignorable += list(range(0xFE00, 0xFE10)) + list(range(0xFFF0, 0xFFF9))
    ignorable += list(range(0x1BCA0, 0x1BCA4)) + list(range(0x1D173, 0x1D17B))
    ignorable += list(range(0xE0000, 0xE1000))
    for cp in ignorable:
        table[cp] = None
    return table


LUMP = _lump_table()
DOUBLE_QUOTES = {cp: '"' for cp in (0x201C, 0x201D, 0x201E, 0x201F, 0xAB, 0xBB, 0x2033)}


def fold(s, opts=FOLD_CASE):
    """Folds a text for matching, as qcode does."""
    if s.isascii():
        return s.lower() if opts & FOLD_CASE else s
    s = s.translate(LUMP)
    if opts & FOLD_CASE:
        s = s.casefold()
    if opts & FOLD_MARKS:
        s = "".join(c for c in unicodedata.normalize("NFKD", s)
                    if not unicodedata.category(c).startswith("M"))
    s = unicodedata.normalize("NFKC", s).translate(LUMP)
    return s.translate(DOUBLE_QUOTES)


def fold_with_offsets(text, opts):
    """The folded text and, per offset of 'text', the offset in the folded
    text (identity when folding kept every character's length)."""
    folded = fold(text, opts)
    if len(folded) == len(text):
        return folded, None
    # Fold cluster by cluster (a character and its combining marks).
    offsets, out, pos = [0] * (len(text) + 1), [], 0
    for m in re.finditer(r".[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]*",
                         text, re.S):
        for k in range(m.start(), m.end()):
            offsets[k] = pos
        f = fold(m.group(), opts)
        out.append(f)
        pos += len(f)
    offsets[len(text)] = pos
    return "".join(out), offsets


# ======================================================================
# The codebook (codebook.c, codebook_yaml.c): codes in pre-order, rules
# in the order qcode adds them, the fingerprint.
# ======================================================================

WORD, PHRASE, REGEX = 0, 1, 2
HIT, EXCLUDE, MASK = 0, 1, 2
RULE_KINDS = {"words": WORD, "phrases": PHRASE, "regex": REGEX}
DEFAULT_NEGATORS = ["niet", "geen", "nooit", "niets", "niks", "nergens", "zonder",
                    "allerminst", "niemand", "noch", "geenszins"]
# after a comma these open a new clause ("geen vergadering, wel stress"),
# so a negator before the comma does not reach a cue after it
DEFAULT_CONTRAST = ["wel", "maar", "alleen", "toch", "echter", "daarentegen"]


TOP_KEYS = {"qcode", "name", "title", "description", "settings", "codes"}
CODE_KEYS = {"id", "label", "description", "codes", "words", "phrases", "regex",
             "exclude", "mask", "negation", "examples", "counterexamples"}


class CodebookError(Exception):
    pass


def unsupported(key, where):
    """A codebook key the peer does not know: refused, not ignored, so that
    a codebook in a newer rule language cannot give a silently wrong table."""
    return CodebookError("%s key '%s' is not implemented by bench/peer.py" % (where, key))


def glob_regex(pattern):
    """A word pattern with * wildcards as a regex for one whole word."""
    return re.compile("".join(".*" if c == "*" else re.escape(c) for c in pattern), re.S)


def pcre_to_python(pattern):
    """The few PCRE spellings that Python's re writes differently."""
    pattern = re.sub(r"\(\?<(?=[A-Za-z_])", "(?P<", pattern)
    pattern = re.sub(r"(?<!\\)((?:\\\\)*)\\z", r"\1\\Z", pattern)
    return pattern


class Rule:
    def __init__(self, kind, role, code, source):
        self.kind, self.role, self.code, self.source = kind, role, code, source
        self.parts, self.globs, self.regex = [], [], None


NEG_OFF, NEG_ON, NEG_INVERT = 0, 1, 2


class Code:
    def __init__(self, path, parent):
        # negation: NEG_ON (a negated cue does not count), NEG_OFF, or
        # NEG_INVERT (a cue counts only when negated, with its negator)
        self.path, self.parent, self.negation = path, parent, NEG_ON


class Codebook:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            doc = load_yaml(f.read())
        if not isinstance(doc, dict) or str(doc.get("qcode")) != "1":
            raise CodebookError("not a qcode codebook (format 1)")
        for key in doc:
            if key not in TOP_KEYS:
                raise unsupported(key, "codebook")
        self.fold_opts, self.caseless = FOLD_CASE, True
        self.before, self.after = 3, 0
        self.codes, self.rules, self.negators, self.contrast = [], [], [], []
        negators = contrast = None
        settings = doc.get("settings") or {}
        for key, value in settings.items():
            if key == "case":
                self.caseless = value == "insensitive"
                self.fold_opts = (self.fold_opts | FOLD_CASE) if self.caseless \
                    else (self.fold_opts & ~FOLD_CASE)
            elif key == "diacritics":
                self.fold_opts = (self.fold_opts | FOLD_MARKS) if value == "fold" \
                    else (self.fold_opts & ~FOLD_MARKS)
            elif key not in ("negation", "clauses"):
                raise CodebookError("unknown setting '%s'" % key)
        for key, value in (settings.get("negation") or {}).items():
            if key == "words":
                negators = value
            elif key == "before":
                self.before = int(value)
            elif key == "after":
                self.after = int(value)
        for word in (DEFAULT_NEGATORS if negators is None else negators):
            self.negators.append(fold(word, self.fold_opts))
        self.negator_globs = [glob_regex(n) for n in self.negators]
        for key, value in (settings.get("clauses") or {}).items():
            if key == "contrast":
                contrast = value
            else:
                raise CodebookError("unknown clauses setting '%s'" % key)
        for word in (DEFAULT_CONTRAST if contrast is None else contrast):
            self.contrast.append(fold(word, self.fold_opts))
        self.contrast_globs = [glob_regex(n) for n in self.contrast]
        self.add_codes(doc["codes"], None)
        self.fingerprint = self.make_fingerprint()
        self.word_rules = [r for r in self.rules if r.kind != REGEX]
        self.regex_rules = [r for r in self.rules if r.kind == REGEX]

    def add_codes(self, codes, parent):
        for c in codes:
            path = c["id"] if parent is None else self.codes[parent].path + "/" + c["id"]
            if any(x.path == path for x in self.codes):
                raise CodebookError("duplicate code id '%s'" % path)
            index = len(self.codes)
            self.codes.append(Code(path, parent))
            for key, value in c.items():
                if key not in CODE_KEYS:
                    raise unsupported(key, "code '%s':" % path)
                if key in RULE_KINDS:
                    for src in value:
                        self.add_rule(RULE_KINDS[key], HIT, index, src)
                elif key in ("exclude", "mask"):
                    for kind, srcs in value.items():
                        if kind not in RULE_KINDS:
                            raise unsupported(kind, "code '%s': %s" % (path, key))
                        for src in srcs:
                            self.add_rule(RULE_KINDS[kind],
                                          EXCLUDE if key == "exclude" else MASK, index, src)
                elif key == "negation":
                    self.codes[index].negation = (
                        NEG_INVERT if value == "invert"
                        else NEG_ON if value in ("true", "yes") else NEG_OFF)
            if "codes" in c:
                self.add_codes(c["codes"], index)

    def add_rule(self, kind, role, code, source):
        r = Rule(kind, role, code, source)
        if kind == REGEX:
            flags = re.IGNORECASE if self.caseless else 0
            pattern = fold(source, self.fold_opts & ~FOLD_CASE)
            r.regex = re.compile(pcre_to_python(pattern), flags)
        else:
            r.parts = fold(source, self.fold_opts).split()
            r.globs = [glob_regex(p) for p in r.parts]
        self.rules.append(r)

    def make_fingerprint(self):
        lines = ["qcode 1\nfold %d regex %d before %d after %d\n"
                 % (self.fold_opts, 1 if self.caseless else 0, self.before, self.after)]
        lines += ["negator\x1f%s\n" % n for n in self.negators]
        lines += ["contrast\x1f%s\n" % n for n in self.contrast]
        lines += ["code\x1f%s\x1f%d\n" % (c.path, c.negation) for c in self.codes]
        lines += ["rule\x1f%s\x1f%d\x1f%d\x1f%s\n"
                  % (self.codes[r.code].path, r.kind, r.role, r.source) for r in self.rules]
        h = 14695981039346656037
        for b in "".join(lines).encode("utf-8"):
            h = ((h ^ b) * 1099511628211) & 0xFFFFFFFFFFFFFFFF
        return "fnv1a64:%016x" % h


# ======================================================================
# Transcripts (transcript.c): front matter, then turns. A turn starts
# with a line "LABEL: ..." (optionally after a timestamp); other lines
# continue it; '#' lines are comments, blanked to spaces.
# ======================================================================


def char_class(pred, limit=0x10000):
    """A regex character class of the code points below 'limit' whose
    general category satisfies pred(category, code point), as ranges."""
    ranges, start, prev = [], None, None
    for cp in range(limit):
        if pred(unicodedata.category(chr(cp)), cp):
            if start is None:
                start = cp
            prev = cp
        elif start is not None:
            ranges.append((start, prev))
            start = None
    if start is not None:
        ranges.append((start, prev))
    return "[" + "".join(re.escape(chr(a)) if a == b else
                         re.escape(chr(a)) + "-" + re.escape(chr(b)) for a, b in ranges) + "]"


UPPER = char_class(lambda c, cp: c == "Lu")
SPEAKER_RE = re.compile(
    r"(?:\[?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\]?[ \t]+)?"
    r"(?P<speaker>(?=[^:\n]{1,40}:)" + UPPER + r"[\w.'-]*"
    r"(?:[ ](?:" + UPPER + r"|\d)[\w.'-]*){0,2}):(?:[ \t]+|$)")
MODERATORS = {"moderator", "interviewer", "gespreksleider", "facilitator", "onderzoeker"}


class TranscriptError(Exception):
    pass


def read_transcript(path):
    """Returns (front matter dict, [(speaker, text)]) for the turns of a
    transcript; a turn's text is trimmed of spaces, tabs and newlines."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise TranscriptError("%s: file is UTF-16" % path)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\0" in data:
        raise TranscriptError("%s: NUL byte" % path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise TranscriptError("%s: invalid UTF-8 at byte %d" % (path, e.start))
    pieces = re.split(r"(\r\n|\r|\n)", text)
    lines = [(pieces[k], pieces[k + 1] if k + 1 < len(pieces) else "")
             for k in range(0, len(pieces), 2)]
    if lines and lines[-1] == ("", ""):
        lines.pop()
    meta, turns = {}, []
    k = 0
    if lines and lines[0][0].rstrip(" \t") == "---":
        k = 1
        while True:
            if k >= len(lines):
                raise TranscriptError("%s: front matter is never closed" % path)
            line = lines[k][0]
            k += 1
            if line.rstrip(" \t") in ("---", "..."):
                break
            if not line.strip(" \t\f\v") or line.startswith("#"):
                continue
            m = re.match(r"([A-Za-z0-9_.-]+):(?:[ \t](.*))?$", line)
            if not m or line[0] in " \t":
                raise TranscriptError("%s: expected 'key: value' in front matter" % path)
            if m.group(1) in meta:
                raise TranscriptError("%s: duplicate front-matter key" % path)
            value = (m.group(2) or "").strip(" \t")
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            meta[m.group(1)] = value
    speaker, buf, open_ = "", [], False

    def close():
        body = "".join(buf).strip(" \n\t")
        if open_ and body:
            turns.append((speaker, body))

    for line, term in lines[k:]:
        end = " \n" if term == "\r\n" else ("\n" if term else "")
        if line.startswith("#"):
            if open_:
                buf.append(" " * len(line.encode("utf-8")) + end)
            continue
        m = SPEAKER_RE.match(line)
        if m:
            close()
            speaker, buf, open_ = m.group("speaker"), [line[m.end():] + end], True
        elif not line.strip(" \t\f\v"):
            if open_:
                buf.append(line + end)
        else:
            open_ = True
            buf.append(line + end)
    close()
    return meta, turns


# ======================================================================
# Tokens (tokenize.c): words, abbreviations, numbers, dates, times, URLs
# and e-mail addresses are running words; punctuation, quotes and symbols
# are not, but they break phrases. Sentence ends (with ';', ':' and a comma
# before a contrast word, in the coder) bound the negation window.
# ======================================================================

SP = "[ \\t\\n\\v\\f\\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\u200b\ufeff]"
MARK = char_class(lambda c, cp: c[0] == "M")
FORMAT = char_class(lambda c, cp: c == "Cf" and cp not in (0x200B, 0xFEFF))
# a word character: letter, digit, mark, or a format character (soft hyphen,
# zero-width joiner) before a letter, digit or mark
W = r"(?:[^\W_]|" + MARK + "|" + FORMAT + r"(?=[^\W_]|" + MARK + "))"
L = r"[^\W\d_]"                                            # letter
# joins a compound: - U+2010 U+2011, the en dash U+2013, and the look-alikes
# U+2012 (figure dash), U+2212 (minus), U+FE63 and U+FF0D (small and
# fullwidth hyphen-minus)
HY = "[-\u2010-\u2013\u2212\ufe63\uff0d]"
ELLIPTIC_END = "(?=" + SP + "|,|$)"                         # familie- en
APOS = "['`\u00b4\u2018\u2019]"
SUFFIX = r"(?i:tjes|tje|jes|kes|je|ke|ll|re|ve|[stnrkmd])(?![A-Za-z])(?!" + W + ")"
RUN = W + r"+(?:(?<=[0-9])[.,/](?=[0-9])" + W + "+)*"
PAREN = r"\(" + L + r"{1,15}-?\)"
# a final hyphen (or soft hyphen) before a space, a comma or the end stays
TAIL = "(?:" + HY + RUN + "|" + APOS + SUFFIX + "|" + PAREN + "(?:" + RUN + ")?|_" + RUN + ")*" \
       "(?:(?:" + HY + "|\u00ad)" + ELLIPTIC_END + ")?"

SPACE_RE = re.compile(SP + "+")
RUN_RE = re.compile(RUN)
RUN_OPT_RE = re.compile("(?:" + RUN + ")?")
W_RE = re.compile(W)
WORD_START_RE = re.compile(r"(?:" + L + APOS + "(?=" + L + "))?(?:" + RUN + ")?")
TAIL_RE = re.compile(TAIL)
SUFFIX_RE = re.compile(SUFFIX)
LABEL_RE = re.compile(r"(" + W + r"(?:" + W + r"|-(?=" + W + r"))*)")
UPPER_RE = re.compile(UPPER)
EN_CHARS = set(" \t\n\v\f\r!\"),;?]}")
OPENERS = set(" \t\n\v\f\r([\"'\u201c\u2018\u201e\u00ab\u00a0\u200b\ufeff\u2028\u2029")
ABBREVIATIONS = set("""
a.d a.d.h.v a.h.w a.s a.u.b adj afb afd afk afl alg apr art aug b.v b.v.b.a betr
bijv bijz blz br bv bvb bvba c.a.o c.q c.s ca cf cfr cie cvba d.d d.i d.m.v d.w.z
dec dhr di dl dr drs ds dwz e.a e.d e.e.a e.g e.k e.v eig enz etc ev evt excl fam
feb fig geb gebr gem gest herz hfd hfdst hr i.c.m i.e i.g.v i.h.a i.h.b i.k.v i.o
i.o.m i.o.v i.p.v i.s.m i.t.t i.v.m ibid inc incl ing inz ipv ir ivm jhr jkvr jl jr
jul jun kand l.s lic ll ln ltd m.a.w m.b.t m.b.v m.h.o m.i m.i.v m.m m.m.v m.n m.u.v
max mbt mej mevr mgr min mld mln mr mrd mrt mvg mw n.a.v n.a.w n.b n.t.b n.v n.v.t
nb ned nl nov nr nrs nv o.a o.b.v o.c.m.w o.g.v o.i o.i.d o.l.v o.v.v okt ong overl
p p.a p.j p.m p.p pag pct penn ph.d plv pp prof prov r.k resp s.v.p sec secr sep
sept sr st str t.a.p t.a.v t.b.v t.e.m t.g.v t.h.v t.n.v t.o.v t.t.v t.w t.w.v
t.z.t tel tov uitg v.a v.d v.l.n.r v.w.b v.z.w vb vert vgl vl vlg vlgs vnl voorz vr
vs vz vzw w.o weth wnd wo z.g.a.n z.i z.o.z z.s.m za zg zgn zr""".split())
TLDS = set("app at be biz ca ch com dev dk edu es eu fi fr gov ie info int io it lu net "
           "nl no org pl pt se tv uk us".split())

# token types (only some matter: which tokens are words, which end sentences)
TWORD, TNUMBER, TABBREV, TOTHER = "word", "number", "abbrev", "other"   # running words
TPUNCT, TQUOTE, TEMOTICON = "punct", "quote", "emoticon"                  # not words
WORD_TYPES = {TWORD, TNUMBER, TABBREV, TOTHER}
# the one-character tokens that qcode calls punctuation (the other ASCII
# ones are symbols); only these end a comma's reach or a clause
PUNCT_1 = set(".?!:;([,)]{}-")


class Token:
    __slots__ = ("start", "end", "type", "sentence_end")

    def __init__(self, start, end, type_):
        self.start, self.end, self.type, self.sentence_end = start, end, type_, False


def is_word_char(text, i):
    return i < len(text) and W_RE.match(text, i) is not None


def is_upper(ch):
    return unicodedata.category(ch) in ("Lu", "Lt")


def ascii_letters(text, i, limit):
    """The ASCII letters at i (lowercased), at most limit + 1 of them."""
    m = re.compile(r"[A-Za-z]{1,%d}" % (limit + 1)).match(text, i)
    return m.group().lower() if m else ""


def number_ends(text, i):
    if is_word_char(text, i):
        return False
    return not (text[i:i + 1] in (".", ",", "/", ":", "-") and text[i + 1:i + 2].isascii()
                and text[i + 1:i + 2].isdigit())


def scan_word(text, start, pos):
    """A word from its first run at 'pos' (the token starts at 'start'):
    runs joined by hyphens, apostrophe suffixes (foto's), parenthesised
    affixes, underscores; a hyphen before a space stays (familie- en)."""
    m = WORD_START_RE.match(text, pos) if start == pos else RUN_OPT_RE.match(text, pos)
    p = m.end()
    word = text[start:p]
    joined = "'" in word or any(a in word for a in "`\u00b4\u2018\u2019")
    # Kees' fiets: a capitalised name in s, x or z, an apostrophe, a space
    if (start == pos and not joined and p < len(text) and re.match(APOS, text[p])
            and not SUFFIX_RE.match(text, p + 1) and len(word.encode()) >= 2
            and is_upper(word[0]) and word[-1] in "sxz" and not re.search("[0-9]", word)
            and re.match(SP, text[p + 1:p + 2] or "x")
            and not (start > 0 and re.match(APOS, text[start - 1]))):
        return p + 1, True
    e = TAIL_RE.match(text, p).end()
    return e, joined or e > p


def shape_at(text, p):
    """o.a. i.p.v. a.d.h.v. Ph.D.: 2-8 letter groups of 1-3 letters with
    periods, at most one longer than one letter."""
    i, nseg, nlong, final = p, 0, 0, False
    while True:
        m = re.compile(L + "{1,4}").match(text, i)
        k = len(m.group()) if m else 0
        if k == 0 or k > 3:
            if nseg == 0 or not final:
                return 0
            break
        nseg += 1
        if k > 1:
            nlong += 1
            if nlong > 1:
                return 0
        i = m.end()
        if text[i:i + 1] != ".":
            final = False
            break
        i += 1
        final = True
        if nseg == 8:
            break
    if nseg < 2 or (not final and (nlong > 0 or is_word_char(text, i))):
        return 0
    return i


def url_tail(text, start, i):
    j = i
    while j < len(text):
        c = text[j]
        if c.isascii():
            if c in " \t\n\v\f\r\"<>" or ord(c) < 0x20:
                break
            j += 1
        elif is_word_char(text, j):
            j += 1
        else:
            break
    seg = text[start:j]
    opened, closed = seg.count("("), seg.count(")")
    sopen, sclosed = seg.count("["), seg.count("]")
    while j > i:
        c = text[j - 1]
        if c == ")" and closed > opened:
            closed -= 1
        elif c == "]" and sclosed > sopen:
            sclosed -= 1
        elif c not in ".,;:!?'*":
            break
        j -= 1
    return j


def scan_host(text, i):
    """Host labels from i joined by periods: (end, number of labels, start
    of the last label)."""
    labels, last = 0, i
    while True:
        m = LABEL_RE.match(text, i)
        if not m:
            return i, labels, last
        last, i = i, m.end()
        labels += 1
        if text[i:i + 1] != "." or not is_word_char(text, i + 1):
            return i, labels, last
        i += 1


def special_word(text, p, e):
    """URLs, e-mail addresses, dates, times, ordinals, t/m, abbreviations
    by shape and domain names starting at p (its first run ends at e)."""
    c = text[e:e + 1]
    digit_led = text[p] in "0123456789"
    run = text[p:e].lower()
    if not digit_led:
        if run in ("http", "https", "ftp") and text[e:e + 3] == "://" and is_word_char(text, e + 3):
            return url_tail(text, p, e + 3), TOTHER
        if run == "www" and c == "." and is_word_char(text, e + 1):
            return url_tail(text, p, e + 1), TOTHER
    if c and c in "%+-./@_":
        m = re.compile(r"(?:[A-Za-z0-9%+\-./_]|(?![\x00-\x7f])" + W + ")*").match(text, p)
        i = m.end()
        if text[i:i + 1] == "@":
            end, labels, last = scan_host(text, i + 1)
            tld = ascii_letters(text, last, 6)
            if labels >= 2 and len(tld) >= 2 and len(tld) == end - last and text[end:end + 1] != "@":
                return end, TOTHER
    if digit_led:
        for f in (date_at, time_at, ordinal_at):
            q = f(text, p)
            if q:
                return q, TOTHER
    else:
        if (e == p + 1 and text[p] in "tT" and text[e:e + 1] == "/"
                and text[e + 1:e + 2] in ("m", "M") and not is_word_char(text, e + 2)):
            return e + 2, TABBREV
        if c == ".":
            q = shape_at(text, p)
            if q:
                return q, TABBREV
    if c in (".", "-") and c:
        end, labels, last = scan_host(text, p)
        tld = ascii_letters(text, last, 6)
        if (labels >= 2 and end - last <= 6 and len(tld) == end - last and tld in TLDS
                and text[end:end + 1] != "@"):
            return (url_tail(text, p, end) if text[end:end + 1] == "/" else end), TOTHER
    return 0, None


def date_at(text, p):
    m = re.compile(r"([0-9]{1,5})([-/.])").match(text, p)
    if not m:
        return 0
    a, sep, i = m.group(1), m.group(2), m.end()
    if len(a) == 4:  # ISO: 2024-03-12
        m = re.compile(r"([0-9]{1,3})-([0-9]{0,3})").match(text, i)
        if sep != "-" or not m or len(m.group(1)) > 2 or not 1 <= len(m.group(2)) <= 2:
            return 0
        d, mo = int(m.group(2)), int(m.group(1))
        return m.end() if 1 <= d <= 31 and 1 <= mo <= 12 and number_ends(text, m.end()) else 0
    if len(a) > 2:
        return 0
    a = int(a)
    m = re.compile(r"[0-9]{0,5}").match(text, i)
    b, i = m.group(), m.end()
    if sep == "/" and len(b) == 4:
        return i if 1 <= a <= 12 and number_ends(text, i) else 0
    if not 1 <= len(b) <= 2:
        return 0
    b = int(b)
    day_month = 1 <= a <= 31 and 1 <= b <= 12
    if text[i:i + 1] != sep or not text[i + 1:i + 2].isascii() or not text[i + 1:i + 2].isdigit():
        return i if sep == "/" and day_month and number_ends(text, i) else 0
    m = re.compile(r"[0-9]{0,5}").match(text, i + 1)
    return m.end() if len(m.group()) in (2, 4) and day_month and number_ends(text, m.end()) else 0


def time_ends(text, i):
    return True if text[i:i + 1] == "-" else number_ends(text, i)


def uh_time_ends(text, i):
    """After 14u, 9u30, 14h30: a hyphen only before a digit (13u-14u); 12u-dienst
    and 10u- en 12u-dienst are words."""
    if re.match(HY, text[i:i + 1] or "x"):
        return text[i + 1:i + 2].isascii() and text[i + 1:i + 2].isdigit()
    return number_ends(text, i)


ELLIPTIC_END_RE = re.compile(ELLIPTIC_END)


def time_at(text, p):
    m = re.compile(r"([0-9]{1,3})").match(text, p)
    h, i = m.group(1), m.end()
    if len(h) > 2 or int(h) > 24:
        return 0
    sep = text[i:i + 1]
    if sep in (":", "."):
        m = re.compile(r"[0-9]{0,3}").match(text, i + 1)
        if len(m.group()) != 2 or int(m.group()) > 59:
            return 0
        i = m.end()
        if sep == ":" and text[i:i + 1] == ":" and text[i + 1:i + 2].isascii() and text[i + 1:i + 2].isdigit():
            m = re.compile(r"[0-9]{0,3}").match(text, i + 1)
            if len(m.group()) != 2 or int(m.group()) > 59:
                return 0
            i = m.end()
        if text[i:i + 1] in ("u", "h") and not is_word_char(text, i + 1):
            i += 1
        elif sep == ".":
            return 0
        return i if time_ends(text, i) else 0
    if sep in ("u", "h"):
        i += 1
        m = re.compile(r"[0-9]{0,3}").match(text, i)
        if len(m.group()) == 2 and int(m.group()) <= 59 and uh_time_ends(text, m.end()):
            return m.end()
        return i if uh_time_ends(text, i) else 0
    return 0


def ordinal_at(text, p):
    i = re.compile(r"[0-9]*").match(text, p).end()
    w = ascii_letters(text, i, 4)
    if w not in ("e", "de", "ste", "er"):
        return 0
    i += len(w)
    if is_word_char(text, i) or (re.match(HY, text[i:i + 1] or "x") and (
            is_word_char(text, i + 1) or ELLIPTIC_END_RE.match(text, i + 1))):
        return 0   # 2e-lijns, and 1e- in 1e- en 2e-lijns, are words
    return i


def lex_word(text, p):
    """A token that starts with a letter or digit."""
    e = RUN_RE.match(text, p).end()
    run = text[p:e]
    has_digit = any("0" <= ch <= "9" for ch in run)
    nxt = text[e] if e < len(text) else ""
    if nxt == "" or nxt in EN_CHARS:       # the common case: a plain word
        if not has_digit:
            return e, TWORD
        if run.isascii() and run.isdigit() and nxt != ",":
            return e, TNUMBER
    q, typ = special_word(text, p, e)
    if q:
        return q, typ
    q, joined = scan_word(text, p, p)
    word = text[p:q]
    # bijv. dhr. ca. and initials (J. Peeters) keep their period
    if text[q:q + 1] == "." and not joined and not re.search("[0-9]", word):
        known = word.lower() in ABBREVIATIONS and word.isascii() and not re.search("[A-Z]", word[1:])
        initial = (len(word) == 1 and word.isalpha() and is_upper(word)
                   and (p == 0 or text[p - 1] in OPENERS or re.match(SP, text[p - 1])))
        if known or initial:
            return q + 1, TABBREV
    return q, TWORD


def lex_apos(text, i, a):
    """'s 't 'k 'm 'n 'r 'ie, 's-Hertogenbosch, '80, or a quote."""
    j = i + a
    w = ascii_letters(text, j, 3)
    if w == "s" and text[j + 1:j + 2] == "-" and UPPER_RE.match(text[j + 2:j + 3] or "x"):
        return scan_word(text, i, j + 2)[0], TWORD
    # a letter and a hyphen is a compound after a quote: 'T-profielen
    if (((len(w) == 1 and w in "stkmnr") or w == "ie") and not is_word_char(text, j + len(w))
            and not re.match(HY, text[j + len(w):j + len(w) + 1] or "x")):
        return j + len(w), TWORD
    if re.compile(r"[0-9]{2}(?![0-9])").match(text, j):
        return j + 2, TNUMBER
    return j, TQUOTE


def run_of(text, i, chars):
    j = i + 1
    while j < len(text) and text[j] in chars:
        j += 1
    return j


EMOTICON_RE = re.compile(r"<3|[:;=]'?-?(?:\)+|\(+|[DPpOoSs/|*\[\]])")


def lex_other(text, i, after_space, toks):
    """A token that does not start with a letter or digit."""
    c = text[i]
    if c in "'`\u00b4\u2018\u2019":
        return lex_apos(text, i, 1)
    if c == '"':
        return i + 1, TQUOTE
    if c == ".":
        return run_of(text, i, "."), TPUNCT
    if c in "?!":
        return run_of(text, i, "?!"), TPUNCT
    if c in ":;=<":
        m = EMOTICON_RE.match(text, i)
        if m and not is_word_char(text, m.end()):
            e = m.end()
            if after_space or e == len(text) or re.match(SP, text[e]) or text[e] in ".,!?;":
                return e, TEMOTICON
        return (run_of(text, i, "=") if c == "=" else i + 1), TPUNCT
    if c in "([":
        close = ")" if c == "(" else "]"
        m = re.compile(r"\%s(?:\.{2,5}|\u2026)\%s" % (c, close)).match(text, i)
        if m:
            return m.end(), TPUNCT
        if c == "(":
            m = re.compile(PAREN).match(text, i)
            if m and (is_word_char(text, m.end()) or
                      (re.match(HY, text[m.end():m.end() + 1] or "x") and is_word_char(text, m.end() + 1))):
                return scan_word(text, i, m.end())[0], TWORD
        return i + 1, TPUNCT
    if c == "-":
        if after_space and text[i + 1:i + 2].isascii() and text[i + 1:i + 2].isdigit():
            e, _ = scan_word(text, i, i + 1)
            if not re.search(L, text[i:e]):
                return e, TNUMBER
        if (after_space and re.match(L, text[i + 1:i + 2] or "0") and toks
                and toks[-1].type == TWORD
                and text[toks[-1].start:toks[-1].end].lower() in ("en", "of", "tot", "noch")):
            return scan_word(text, i, i + 1)[0], TWORD
        return run_of(text, i, "-"), TPUNCT
    if c in "#*_~":
        return run_of(text, i, c), TPUNCT
    if c.isascii():
        return i + 1, TPUNCT
    cat = unicodedata.category(c)
    if cat == "Pd":
        return run_of(text, i, c), TPUNCT
    if cat in ("Ps", "Pe"):
        return i + 1, TQUOTE if c in "\u201e\u201a" else TPUNCT
    if cat in ("Pi", "Pf"):
        return i + 1, TQUOTE
    if c == "\u2026":
        return run_of(text, i, c), TPUNCT
    if c == "\u2212" and after_space and text[i + 1:i + 2].isascii() and text[i + 1:i + 2].isdigit():
        e, _ = scan_word(text, i, i + 1)
        if not re.search(L, text[i:e]):
            return e, TNUMBER
    if cat == "So":   # emoji: the pictograph with its modifiers and joiners, or a flag
        m = re.compile("[\U0001F1E6-\U0001F1FF]{2}|.(?:[\ufe0f\u20e3\U0001F3FB-\U0001F3FF]|\u200d.)*",
                       re.S).match(text, i)
        return m.end(), TPUNCT
    if cat.startswith("P") or cat.startswith("S"):
        return i + 1, TPUNCT
    m = re.compile(MARK + "*").match(text, i + 1)   # a stray mark keeps the marks after it
    return m.end(), TPUNCT


def tokenize(text):
    """The tokens of a turn, with sentence ends marked."""
    toks, i, n = [], 0, len(text)
    after_space, para = True, set()
    while i < n:
        m = SPACE_RE.match(text, i)
        if m:
            ws = m.group()
            if toks and ws.count("\n") + 2 * ws.count("\u2029") >= 2:
                para.add(len(toks) - 1)   # a blank line ends a sentence
            i, after_space = m.end(), True
            continue
        c = text[i]
        if c.isalnum():
            e, typ = lex_word(text, i)
        else:
            e, typ = lex_other(text, i, after_space, toks)
        toks.append(Token(i, max(e, i + 1), typ))
        i, after_space = max(e, i + 1), False
    mark_sentences(text, toks, para)
    return toks


def is_bracket(text, t):
    return t.type == TQUOTE or (t.type == TPUNCT and t.end - t.start == 1
                                and text[t.start] in "()[]{}")


def is_closer(text, t):
    if t.type == TPUNCT:
        return t.end - t.start == 1 and text[t.start] in ")]}"
    return t.type == TQUOTE and text[t.start] not in "\u201c\u201e\u2018\u00ab\u2039\u201a"


def next_is_upper(text, toks, i):
    k = i + 1
    while k < len(toks) and is_bracket(text, toks[k]):
        k += 1
    return k == len(toks) or is_upper(text[toks[k].start])


def terminal(text, toks, i):
    t = toks[i]
    s = text[t.start:t.end]
    if t.type == TPUNCT:
        if s[0] in "?!" or s == ".":
            return True
        if s[0] in ".\u2026":
            return next_is_upper(text, toks, i)
        return False
    if t.type == TABBREV and s.lower() in ("enz.", "etc.", "e.d.", "e.a."):
        return i + 1 < len(toks) and next_is_upper(text, toks, i)
    return False


def mark_sentences(text, toks, para):
    for i in para:
        toks[i].sentence_end = True
    i = 0
    while i < len(toks):
        if terminal(text, toks, i):
            while (i + 1 < len(toks) and toks[i + 1].start == toks[i].end
                   and is_closer(text, toks[i + 1])):
                i += 1
            toks[i].sentence_end = True
        i += 1
    if toks:
        toks[-1].sentence_end = True


# ======================================================================
# Coding a turn (coder.c).
# ======================================================================


class Coder:
    def __init__(self, cb):
        self.cb = cb
        self.word_cache = {}
        self.negator_cache = {}
        self.contrast_cache = {}

    def rules_for(self, word):
        """The word and phrase rules whose first part matches this folded
        word (cached: a corpus has far fewer distinct words than words)."""
        rules = self.word_cache.get(word)
        if rules is None:
            rules = [r for r in self.cb.word_rules if r.globs[0].fullmatch(word)]
            self.word_cache[word] = rules
        return rules

    def is_negator(self, word):
        neg = self.negator_cache.get(word)
        if neg is None:
            neg = any(g.fullmatch(word) for g in self.cb.negator_globs)
            self.negator_cache[word] = neg
        return neg

    def is_contrast(self, word):
        con = self.contrast_cache.get(word)
        if con is None:
            con = any(g.fullmatch(word) for g in self.cb.contrast_globs)
            self.contrast_cache[word] = con
        return con

    def negator_at(self, words, first, last):
        """The running word that negates words [first, last]: a negator
        within the window before them, then after them, in their clause;
        or -1."""
        s = words[first][3]
        for k in range(1, self.cb.before + 1):
            if first - k < 0 or words[first - k][3] != s:
                break
            if words[first - k][4]:
                return first - k
        for k in range(1, self.cb.after + 1):
            if last + k >= len(words) or words[last + k][3] != s:
                break
            if words[last + k][4]:
                return last + k
        return -1

    def code(self, text):
        """Returns (hits per code, coded per code, running words)."""
        cb = self.cb
        folded, offsets = fold_with_offsets(text, cb.fold_opts)
        toks = tokenize(text)
        # running words: (folded start, folded end, token index, clause,
        # negator). A clause ends at a sentence end, at ';' and ':', and at
        # a comma followed by a contrast word ("geen vergadering, wel
        # stress"); a negation window stays in its clause.
        words, clause, new_clause, comma = [], -1, True, False
        for k, t in enumerate(toks):
            if t.type in WORD_TYPES:
                fs, fe = (t.start, t.end) if offsets is None else (offsets[t.start], offsets[t.end])
                w = folded[fs:fe]
                if new_clause or (comma and self.is_contrast(w)):
                    clause += 1
                words.append((fs, fe, k, clause, self.is_negator(w)))
                new_clause = comma = False
            elif t.type == TPUNCT and t.end - t.start == 1 and text[t.start] in PUNCT_1:
                comma = text[t.start] == ","
                new_clause = new_clause or text[t.start] in ";:"
            if t.sentence_end:
                new_clause = True
        spans, masks, excluded = set(), [], set()

        def count(rule, start, end):
            if rule.role == EXCLUDE:
                excluded.add(rule.code)
            elif rule.role == MASK:
                masks.append((rule.code, start, end))
            else:
                spans.add((rule.code, start, end))

        # words and phrases, on the running words
        for k, (fs, fe, tok, _, _) in enumerate(words):
            for rule in self.rules_for(folded[fs:fe]):
                n = len(rule.parts)
                if n > 1:
                    if k + n > len(words) or any(
                            words[k + j][2] != tok + j or
                            not rule.globs[j].fullmatch(folded[words[k + j][0]:words[k + j][1]])
                            for j in range(1, n)):
                        continue
                start, end = fs, words[k + n - 1][1]
                mode = cb.codes[rule.code].negation if rule.role == HIT else NEG_OFF
                if mode != NEG_OFF:
                    neg = self.negator_at(words, k, k + n - 1)
                    if mode == NEG_ON and neg >= 0:
                        continue
                    if mode == NEG_INVERT:
                        if neg < 0:
                            continue
                        start, end = min(start, words[neg][0]), max(end, words[neg][1])
                count(rule, start, end)
        # regexes, on the folded text
        for rule in cb.regex_rules:
            for m in rule.regex.finditer(folded):
                count(rule, m.start(), m.end())
                if rule.role == EXCLUDE:
                    break
        # exclude, mask, distinct spans, roll-up
        ncodes = len(cb.codes)
        hits = [0] * ncodes
        for code, start, end in spans:
            if code in excluded:
                continue
            if any(mc == code and ms < end and start < me for mc, ms, me in masks):
                continue
            hits[code] += 1
        coded = [h > 0 for h in hits]
        for i in range(ncodes - 1, -1, -1):
            p = cb.codes[i].parent
            if p is None or p in excluded:
                continue
            hits[p] += hits[i]
            coded[p] = coded[p] or coded[i]
        return hits, coded, len(words)


# ======================================================================
# The table (tally.c, table.c).
# ======================================================================


def share(num, den):
    if den == 0:
        return ""
    v = (num * 10000 * 2 + den) // (den * 2)
    return "%d.%04d" % (v // 10000, v % 10000)


def main():
    ap = argparse.ArgumentParser(description="Code transcripts as `qcode apply` does.")
    ap.add_argument("-c", "--codebook", required=True)
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    try:
        cb = Codebook(a.codebook)
    except (YamlError, CodebookError, KeyError, re.error) as e:
        sys.exit("peer.py: %s: %s" % (a.codebook, e))
    coder = Coder(cb)
    ncodes = len(cb.codes)
    groups = {}   # name -> [segments per code, hits per code, group segments, group tokens]
    for path in a.files:
        try:
            meta, turns = read_transcript(path)
        except (OSError, TranscriptError) as e:
            sys.exit("peer.py: %s" % e)
        name = meta.get("subsector")
        if name is None:
            print("peer.py: warning: %s: no 'subsector'; counted under '(none)'" % path,
                  file=sys.stderr)
            name = "(none)"
        g = groups.setdefault(name, [[0] * ncodes, [0] * ncodes, 0, 0])
        for speaker, text in turns:
            if speaker.encode().lower().decode() in MODERATORS:
                continue
            hits, coded, nwords = coder.code(text)
            g[2] += 1
            g[3] += nwords
            for i in range(ncodes):
                g[0][i] += coded[i]
                g[1][i] += hits[i]
    out = ["subsector\tcode\tsegments\thits\tshare\tgroup_segments\tgroup_tokens\tcodebook\n"]
    for name in sorted(groups, key=lambda s: s.encode("utf-8")):
        segs, hits, gseg, gtok = groups[name]
        for i, c in enumerate(cb.codes):
            out.append("%s\t%s\t%d\t%d\t%s\t%d\t%d\t%s\n" % (
                name.replace("\t", " ").replace("\n", " ").replace("\r", " "), c.path,
                segs[i], hits[i], share(segs[i], gseg), gseg, gtok, cb.fingerprint))
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main()
