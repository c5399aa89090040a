#!/usr/bin/env python3
"""supervised-baseline.py: could a model trained on the hand coding do
better than the codebook's rules? Reads the DEVELOPMENT half only (the
*-fg1, *-fg4 and *-fg5 transcripts and their gold coding); the held-out
half is never opened.

A logistic regression per core code (L2-regularised, trained by
stochastic gradient descent, deterministic) on the character 4- and
5-grams of each word of a turn (a common baseline for short texts in a
compounding language), optionally with the codebook's codes of the turn as
extra features. Evaluated on whole focus groups it has not seen:

  groups   train on FG1+FG4, test on FG5 (FG5 is the group written last, in
           new voices); also the codebook itself on FG5
  curve    leave one group out, trained on one or on two of the others:
           how kappa grows with the amount of hand coding

usage: python3 tools/supervised-baseline.py [--qcode BIN] [--codebook YAML]
Give --codebook the version of the codebook tuned before FG5 was used,
e.g. <(git show af7ae29:codebooks/digitalisering.yaml), for a fair
comparison on FG5 (the default codebook has been tuned on FG5 too).
"""
import argparse
import collections
import csv
import glob
import json
import math
import random
import re
import subprocess
import unicodedata

CORE = ["tone/optimist", "tone/pessimist", "competence/job-specific",
        "competence/digital", "competence/soft", "will-can/will",
        "will-can/can"]
GROUPS = {"fg1": "corpus/gold/dev.tsv", "fg4": "corpus/gold/dev-fg4.tsv",
          "fg5": "corpus/gold/dev-fg5.tsv"}


def read_turns(qcode, codebook):
    """Every coded development turn: group, text, codebook codes, gold."""
    files = sorted(f for g in GROUPS for f in glob.glob("corpus/*-%s.txt" % g))
    out = subprocess.run([qcode, "code", "-c", codebook, "--all", "--text",
                          "-f", "jsonl"] + files, check=True,
                         capture_output=True, text=True,
                         close_fds=False).stdout  # for <(git show ...)
    turns = {}
    for line in out.splitlines():
        row = json.loads(line)
        key = (row["file"], str(row["segment"]))
        turn = turns.setdefault(key, {"text": row["segment_text"],
                                      "rules": set(), "gold": None})
        if row["code"]:
            turn["rules"].add(row["code"])
    for group, path in GROUPS.items():
        with open(path, newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                turn = turns[(row["file"], row["segment"])]
                turn["group"] = group
                if turn["gold"] is None:
                    turn["gold"] = set()
                if row["code"]:
                    turn["gold"].add(row["code"])
    return [t for t in turns.values() if t["gold"] is not None]


def fold(text):
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def features(turn, with_rules):
    feats = set()
    for word in re.findall(r"\w+", fold(turn["text"])):
        w = "<" + word + ">"
        for n in (4, 5):
            for i in range(len(w) - n + 1):
                feats.add(w[i:i + n])
    if with_rules:
        feats.update("rule:" + c for c in turn["rules"])
    return feats


def sigmoid(z):
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def train(xs, ys, l2=1.0, epochs=30, rate=0.3):
    w = collections.defaultdict(float)
    bias = 0.0
    order = list(range(len(xs)))
    rng = random.Random(1)
    for epoch in range(epochs):
        rng.shuffle(order)
        eta = rate / (1 + 0.1 * epoch)
        for i in order:
            g = sigmoid(bias + sum(w[f] for f in xs[i])) - ys[i]
            bias -= eta * g
            for f in xs[i]:
                w[f] -= eta * (g + l2 / len(xs) * w[f])
    return lambda x: sigmoid(bias + sum(w.get(f, 0.0) for f in x)) > 0.5


def kappa(a, b):
    """Cohen's kappa of two binary codings (Cohen 1960)."""
    n = len(a)
    po = sum(x == y for x, y in zip(a, b)) / n
    pa, pb = sum(a) / n, sum(b) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    return 1.0 if pe == 1 else (po - pe) / (1 - pe)


def evaluate(train_turns, test_turns, with_rules):
    xs = [features(t, with_rules) for t in train_turns]
    xt = [features(t, with_rules) for t in test_turns]
    result = []
    for code in CORE:
        model = train(xs, [int(code in t["gold"]) for t in train_turns])
        result.append(kappa([int(model(x)) for x in xt],
                            [int(code in t["gold"]) for t in test_turns]))
    return result


def row(name, kappas):
    print("%s\t%s\t%.3f" % (name, "\t".join("%.3f" % k for k in kappas),
                            sum(kappas) / len(kappas)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--qcode", default="build/qcode")
    ap.add_argument("--codebook", default="codebooks/digitalisering.yaml")
    args = ap.parse_args()
    turns = read_turns(args.qcode, args.codebook)
    by_group = {g: [t for t in turns if t["group"] == g] for g in GROUPS}
    print("# %d development turns (%s)" % (len(turns), ", ".join(
        "%s %d" % (g, len(v)) for g, v in by_group.items())))
    print("coder\t" + "\t".join(CORE) + "\tmean")
    train_turns = by_group["fg1"] + by_group["fg4"]
    test_turns = by_group["fg5"]
    row("fg5: codebook", [kappa([int(c in t["rules"]) for t in test_turns],
                                [int(c in t["gold"]) for t in test_turns])
                          for c in CORE])
    row("fg5: model, text", evaluate(train_turns, test_turns, False))
    row("fg5: model, text+codebook", evaluate(train_turns, test_turns, True))
    for size in (1, 2):
        means = []
        for test in GROUPS:
            others = [g for g in GROUPS if g != test]
            sets = [[g] for g in others] if size == 1 else [others]
            for s in sets:
                ks = evaluate([t for g in s for t in by_group[g]],
                              by_group[test], False)
                means.append(sum(ks) / len(ks))
        print("curve: model, text, trained on %d group(s)\tmean of %d runs\t"
              "%.3f" % (size, len(means), sum(means) / len(means)))


if __name__ == "__main__":
    main()
