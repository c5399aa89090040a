#!/usr/bin/env python3
"""gen.py: a deterministic generator of synthetic focus-group transcripts
for benchmarking qcode.

    python3 bench/gen.py --mb N --seed S --out DIR [--corpus corpus/]

Writes transcripts for the five subsectors (zorg, welzijn, thuiszorg,
socio-cultureel, maatwerk) into DIR, N megabytes in all (1 MB = 1,000,000
bytes; N may be fractional), each file 50-500 KB. The transcripts are made
by recombining and varying the turns of the sample corpus: only
corpus/*-fg1.txt and corpus/*-fg4.txt are read (fg2, fg3 and later groups
are a held-out test set and are never used). Per subsector the turns of
both groups are pooled and drawn at random; speaker labels, timestamps and
the moderator's label vary per file; about one participant turn in four is
the start of one turn joined at a sentence boundary to the end of another.
Every file has YAML front matter (subsector, group, date, participants,
synthetic: true, ...) and `LABEL: text` turns as the sample corpus has.

The same --mb and --seed give byte-identical output (random.Random(seed),
sources read in sorted order). Files named <subsector>-genNNNNN.txt that an
earlier run left in DIR are removed first, so that DIR holds exactly this
corpus. Python 3 standard library only.
"""

import argparse
import os
import random
import re
import sys
import time

SUBSECTORS = ["maatwerk", "socio-cultureel", "thuiszorg", "welzijn", "zorg"]
SOURCE_GROUPS = ["fg1", "fg4"]  # never fg2/fg3: held out
MB = 1_000_000
MIN_FILE, MAX_FILE = 50_000, 500_000

# A turn-starting line, as qcode's default speaker pattern sees it (the
# sample corpus is plain Latin script, so [A-Z...] stands in for \p{Lu}).
UPPER = "A-ZÀ-ÖØ-Þ"
LABEL_RE = re.compile(
    r"(?:\[?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\]?[ \t]+)?"
    r"(?P<speaker>(?=[^:\n]{1,40}:)[" + UPPER + r"][\w.'-]*"
    r"(?:[ ][" + UPPER + r"0-9][\w.'-]*){0,2}):(?:[ \t]+|$)")
MODERATORS = {"moderator", "interviewer", "gespreksleider", "facilitator",
              "onderzoeker"}
# A sentence boundary inside a line: end punctuation, a space, and a
# capital (optionally after a quote) starting the next sentence.
SENTENCE_CUT = re.compile(r"[.!?…][\"”')\]]? (?=[\"“']?[" + UPPER + r"])")

PARTICIPANT_STYLES = [
    lambda n: "P%d" % n,
    lambda n: "Deelnemer %d" % n,
    lambda n: "Respondent %d" % n,
    lambda n: "D%d" % n,
    lambda n: "Participant %d" % n,
    lambda n: "Spreker %d" % n,
]
FIRST_NAMES = ["An", "Bart", "Caroline", "Dirk", "Els", "Filip", "Griet",
               "Hilde", "Ilse", "Jan", "Karel", "Lieve", "Marc", "Nathalie",
               "Olivier", "Patrick", "Rita", "Sofie", "Tom", "Veerle",
               "Wim", "Yasmina", "Zeynep", "Mohamed", "Fatima", "Koen"]
MODERATOR_LABELS = ["Moderator", "Interviewer", "Gespreksleider",
                    "Facilitator"]
INTERJECTIONS = ["# gelach", "# korte stilte", "# onverstaanbaar fragment weggelaten",
                 "# iedereen praat door elkaar", "# [lacht]"]


def parse_transcript(path):
    """Returns (participant turns, moderator turns, comment lines) of one
    sample transcript. A turn is its text after the label, continuation
    lines included, without trailing blank or comment lines."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    i = 0
    if lines and lines[0].rstrip(" \t") == "---":
        i = 1
        while i < len(lines) and lines[i].rstrip(" \t") not in ("---", "..."):
            i += 1
        i += 1
    turns, moderator, comments = [], [], []
    speaker, body = None, []

    def flush():
        while body and (not body[-1].strip() or body[-1].startswith("#")):
            body.pop()
        if speaker is not None and body and "".join(body).strip():
            text = "\n".join(body)
            (moderator if speaker.lower() in MODERATORS else turns).append(text)

    for line in lines[i:]:
        m = LABEL_RE.match(line)
        if m:
            flush()
            speaker, body = m.group("speaker"), [line[m.end():]]
        elif line.startswith("#"):
            comments.append(line)
            if speaker is not None:
                body.append(line)
        elif speaker is not None:
            body.append(line)
    flush()
    return turns, moderator, comments


class Turn:
    """A source turn with its byte length and its sentence cuts, as
    (character offset, byte offset) pairs, precomputed once."""
    __slots__ = ("text", "nbytes", "cuts")

    def __init__(self, text):
        self.text = text
        self.nbytes = len(text.encode("utf-8"))
        self.cuts = [(m.end(), len(text[:m.end()].encode("utf-8")))
                     for m in SENTENCE_CUT.finditer(text)]


def load_sources(corpus):
    pools = {}
    for sub in SUBSECTORS:
        turns, moderator, comments = [], [], []
        for g in SOURCE_GROUPS:
            path = os.path.join(corpus, "%s-%s.txt" % (sub, g))
            t, m, c = parse_transcript(path)
            turns += t
            moderator += m
            comments += c
        if not turns or not moderator:
            sys.exit("gen.py: no turns found in %s-{fg1,fg4}.txt" % sub)
        pools[sub] = ([Turn(t) for t in turns], [Turn(t) for t in moderator])
    return pools


def participant_labels(rng, n):
    """n distinct participant labels in one of the styles."""
    if rng.random() < 0.2:
        return rng.sample(FIRST_NAMES, n)
    style = rng.choice(PARTICIPANT_STYLES)
    return [style(k + 1) for k in range(n)]


def make_file(rng, sub, number, target, pools, date):
    """One transcript of about 'target' bytes (never more than a turn
    over). Returns its text as one string."""
    turns, moderator = pools[sub]
    nparts = rng.randint(3, 8)
    labels = participant_labels(rng, nparts)
    mod_label = rng.choice(MODERATOR_LABELS)
    stamp = rng.choice(("[%02d:%02d:%02d] ", "%02d:%02d:%02d ", None))
    sep = "\n\n" if rng.random() < 0.8 else "\n"
    head = ("---\nsubsector: %s\ngroup: GEN%05d\ndate: %s\nparticipants: %d\n"
            "synthetic: true\ngenerator: bench/gen.py\n---\n"
            "# Synthetic transcript generated by bench/gen.py from the sample "
            "corpus (fg1, fg4). Not real data.\n" % (sub, number, date, nparts))
    out = [head]
    size = len(head.encode("utf-8"))
    seconds = rng.randrange(0, 120)
    moderator_next = True
    rand, choice, randrange = rng.random, rng.choice, rng.randrange
    while size < target:
        if moderator_next:
            label, turn = mod_label, choice(moderator)
            text, nbytes = turn.text, turn.nbytes
            moderator_next = False
        else:
            label = labels[randrange(nparts)]
            turn = choice(turns)
            text, nbytes = turn.text, turn.nbytes
            if rand() < 0.25:  # join the start of one turn to the end of another
                other = choice(turns)
                if turn.cuts and other.cuts:
                    ca, ba = turn.cuts[randrange(len(turn.cuts))]
                    cb, bb = other.cuts[randrange(len(other.cuts))]
                    text = text[:ca] + other.text[cb:]
                    nbytes = ba + other.nbytes - bb
            moderator_next = rand() < 0.15
        if stamp:
            seconds += 5 + randrange(90)
            prefix = stamp % (seconds // 3600 % 100, seconds // 60 % 60,
                              seconds % 60) + label + ": "
        else:
            prefix = label + ": "
        if rand() < 0.03:
            prefix = choice(INTERJECTIONS) + "\n" + prefix
        piece = prefix + text + sep
        nb = len(prefix.encode("utf-8")) + nbytes + len(sep)
        if size + nb > target and len(out) > 1:
            # The last turn would overshoot: end with a shortened one.
            prefix = labels[0] + ": "
            short = fill(text.replace("\n", " "),
                         target - size - len(prefix.encode("utf-8")) - 1)
            if short.strip() and not short.startswith("#"):
                out.append(prefix + short + "\n")
            break
        out.append(piece)
        size += nb
    return "".join(out)


def fill(text, need):
    """A text of at most 'need' UTF-8 bytes: 'text' cut at a space."""
    b = text.encode("utf-8")[:max(need, 0)]
    cut = b.rfind(b" ")
    b = b[:cut] if cut > 0 else b
    return b.decode("utf-8", "ignore")


def generate(total, seed, out, corpus):
    rng = random.Random(seed)
    pools = load_sources(corpus)
    os.makedirs(out, exist_ok=True)
    # Files of an earlier run would join the corpus: remove them (only
    # files named as this script names them).
    own = re.compile(r"(?:%s)-gen\d{5,}\.txt$" % "|".join(map(re.escape, SUBSECTORS)))
    for name in os.listdir(out):
        if own.match(name):
            os.remove(os.path.join(out, name))
    written, number, rounds = 0, 0, []
    # Stop when what is left would not hold a header and a turn: the total
    # is then within a few hundred bytes of the target.
    while total - written >= 400:
        remaining = total - written
        target = rng.randint(MIN_FILE, MAX_FILE)
        if remaining - target < MIN_FILE:  # no runt file at the end
            target = remaining
        if not rounds:  # subsectors in shuffled rounds of five: all appear
            rounds = rng.sample(SUBSECTORS, len(SUBSECTORS))
        sub = rounds.pop()
        number += 1
        date = "2026-%02d-%02d" % (rng.randint(1, 12), rng.randint(1, 28))
        text = make_file(rng, sub, number, target, pools, date)
        data = text.encode("utf-8")
        path = os.path.join(out, "%s-gen%05d.txt" % (sub, number))
        with open(path, "wb") as f:
            f.write(data)
        written += len(data)
    return written, number


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, required=True,
                    help="total size in MB (1 MB = 1,000,000 bytes)")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True, help="output directory")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--corpus", default=os.path.join(here, "..", "corpus"),
                    help="the sample corpus (default: corpus/ of the repo)")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    if a.mb <= 0:
        ap.error("--mb must be positive")
    t0 = time.perf_counter()
    written, files = generate(int(round(a.mb * MB)), a.seed, a.out, a.corpus)
    dt = time.perf_counter() - t0
    if a.verbose:
        print("gen.py: %d files, %d bytes in %.2f s (%.1f MB/s)"
              % (files, written, dt, written / MB / dt), file=sys.stderr)


if __name__ == "__main__":
    main()
