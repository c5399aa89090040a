#!/usr/bin/env python3
"""gencb.py: a generated codebook of N codes for bench/run --scaling.

    python3 bench/gencb.py --codes N [--seed S] [--corpus corpus/] > cb.yaml

Each code gets five word rules drawn from the vocabulary of the
development transcripts (corpus/*-fg1.txt and *-fg4.txt; never the held-out
groups), one in three of them a prefix wildcard ("registr*"), and every
third code a regex of two words at most two words apart. Codes come in
groups of ten under a parent, so that roll-up is exercised too. The same
N and S give the same codebook (random.Random(S)).
"""
import argparse
import glob
import os
import random
import re


def vocabulary(corpus):
    words = set()
    for path in sorted(glob.glob(os.path.join(corpus, "*-fg[14].txt"))):
        with open(path, encoding="utf-8") as f:
            for w in re.findall(r"[a-zà-ÿ]{5,}", f.read().lower()):
                words.add(w)
    return sorted(words)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--codes", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--corpus", default="corpus")
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    vocab = vocabulary(a.corpus)
    out = ["qcode: 1", "name: generated-%d" % a.codes, "codes:"]
    for g in range((a.codes + 9) // 10):
        out.append("  - id: g%04d" % g)
        out.append("    codes:")
        for k in range(min(10, a.codes - g * 10)):
            n = g * 10 + k
            words = []
            for w in rnd.sample(vocab, 5):
                words.append('"%s*"' % w[:6] if rnd.random() < 1 / 3 else w)
            out.append("      - id: c%05d" % n)
            out.append("        words: [%s]" % ", ".join(words))
            if n % 3 == 0:
                x, y = rnd.sample(vocab, 2)
                out.append("        regex: ['\\b%s\\s+(?:\\w+\\s+){0,2}%s\\b']"
                           % (x, y))
    print("\n".join(out))


if __name__ == "__main__":
    main()
