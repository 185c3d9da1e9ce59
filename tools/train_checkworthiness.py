#!/usr/bin/env python3
"""Train claimdesk's check-worthiness model and write its weights.

Usage (from the repository root):
  python3 tools/train_checkworthiness.py [TRAIN.tsv] [--dev DEV.tsv]
                                         [--out src/extract/lexicon/checkworthiness.tsv]
                                         [--fixture src/extract/learned_fixture.tsv]

TRAIN.tsv (default ../shared/corpus/checkworthiness/train.tsv) has the columns Sentence_id,
Text, class_label (Yes/No). Needs numpy, scipy and scikit-learn.

The model is a logistic regression over
  * the passage's word unigrams and bigrams, each occurrence counted, divided by the square
    root of the number of unigram and bigram occurrences in the passage (so no vocabulary is
    needed to normalise, and unknown terms simply add nothing);
  * a few rule features read from the same tokens and the word lists in
    src/extract/lexicon/score.lst: a figure, a year, named actors, a question, opinion
    wording, a short passage, the passage's length.
A passage that holds newsroom boilerplate (score.lst [boilerplate]) is capped at 0.2 after
the model: it is never check-worthy.

Tokens (src/extract/learned.rs does exactly the same): maximal runs of characters that are
alphanumeric or "_", each lowercased character by character, each run of ASCII digits
replaced by "0"; "$" and "%" are tokens of their own; everything else separates tokens.

The output is deterministic: the same input gives the same file, byte for byte. Weights
below --prune in absolute value are dropped; the rest are written with four decimals. The
figures printed for --dev are computed from the written (pruned, rounded) weights, with the
same arithmetic as the Rust side, and with the scorer's rounding of the score to two
decimals.
"""
import argparse
import csv
import hashlib
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SCORE_LST = os.path.join(REPO, "src", "extract", "lexicon", "score.lst")

RULES = ["figure", "year", "names", "question", "opinion", "short", "length"]
BOILERPLATE_CAP = 0.2

# Invented sentences (not corpus text) whose probabilities the Rust tests check.
FIXTURE_SENTENCES = [
    "Unemployment in Marlow County fell to 4.2 percent in March, the lowest since 2009.",
    "Governor Ellen Park signed a $12 million budget for the harbour district last week.",
    "I think we can all do better, and I believe the people of this state want that.",
    "We will build a brighter future together, I promise you that.",
    "The mayor's office did not respond to a request for comment.",
    "Is that really what you want for your children?",
    "Thank you very much.",
    "The Trevane Group employs 3,400 people across 12 sites, more than any rival.",
    "Crime rose by a third between 2015 and 2019, according to police records.",
    "She should have known better.",
    "Ça coûte 30 % de plus à Zürich — ΣΟΦΊΑ said so_called things!",
    "",
]


def read_section(name):
    """The entries of section [name] of score.lst, as src/extract/lexicon/lists.rs reads
    them."""
    out, current = [], None
    with open(SCORE_LST, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line.startswith("[") and line.endswith("]"):
                current = line[1:-1]
                continue
            if current == name and line and not line.startswith("#"):
                out.append(line)
    return out


CURRENCY = set(read_section("currency_words"))
SCALE = set(read_section("scale_words"))
OPINION = set(read_section("opinion_words"))
BOILERPLATE = read_section("boilerplate")


def is_word_char(ch):
    # Rust: char::is_alphanumeric() || ch == '_'
    return ch.isalnum() or ch == "_"


def norm_token(raw):
    out, in_digits = [], False
    for ch in raw:
        if "0" <= ch <= "9":
            if not in_digits:
                out.append("0")
            in_digits = True
        else:
            in_digits = False
            out.append(ch.lower())
    return "".join(out)


def tokens(text):
    """(normalised, raw) tokens of text."""
    out, cur = [], []
    for ch in text:
        if is_word_char(ch):
            cur.append(ch)
            continue
        if cur:
            raw = "".join(cur)
            out.append((norm_token(raw), raw))
            cur = []
        if ch in "$%":
            out.append((ch, ch))
    if cur:
        raw = "".join(cur)
        out.append((norm_token(raw), raw))
    return out


def is_year(raw):
    return len(raw) == 4 and raw.isascii() and raw.isdigit() and 1800 <= int(raw) <= 2100


def is_question(text):
    for ch in reversed(text):
        if ch.isspace() or ch in "\"'\u201d\u2019)":
            continue
        return ch == "?"
    return False


def is_boilerplate(toks):
    joined = " " + " ".join(t for t, _ in toks) + " "
    return any(" " + b + " " in joined for b in BOILERPLATE)


def rule_values(text, toks):
    figure = year = opinion = 0.0
    caps = 0
    for i, (t, raw) in enumerate(toks):
        if raw.isascii() and raw.isdigit():
            if is_year(raw):
                year = 1.0
            else:
                figure = 1.0
        if t in ("%", "$", "percent") or t in CURRENCY or t in SCALE:
            figure = 1.0
        if t in OPINION:
            opinion = 1.0
        if i > 0 and raw[0].isupper():
            caps += 1
    n = len(toks)
    return {
        "figure": figure,
        "year": year,
        "names": min(caps, 3) / 3.0,
        "question": 1.0 if is_question(text) else 0.0,
        "opinion": opinion,
        "short": 1.0 if n < 6 else 0.0,
        "length": min(n, 40) / 40.0,
    }


def terms(toks):
    ws = [t for t, _ in toks]
    return ws + [a + " " + b for a, b in zip(ws, ws[1:])]


def load(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [r["Text"].strip() for r in rows], [r["class_label"].strip().lower() == "yes" for r in rows]


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        h.update(f.read())
    return h.hexdigest()


class Model:
    """The written model, scored with the same arithmetic as src/extract/learned.rs."""

    def __init__(self, bias, rules, weights):
        self.bias, self.rules, self.weights = bias, rules, weights

    def probability(self, text):
        toks = tokens(text)
        z = self.bias
        ts = terms(toks)
        if ts:
            s = sum(self.weights.get(t, 0.0) for t in ts)
            z += s / math.sqrt(len(ts))
        for name, v in rule_values(text, toks).items():
            z += self.rules[name] * v
        p = 1.0 / (1.0 + math.exp(-z))
        if is_boilerplate(toks):
            p = min(p, BOILERPLATE_CAP)
        return p


def score2(p):
    # The Rust side rounds to two decimals: (p * 100).round() / 100, half away from zero.
    return math.floor(p * 100.0 + 0.5) / 100.0


def evaluate(model, texts, labels):
    scores = [score2(model.probability(t)) for t in texts]
    tp = sum(1 for s, l in zip(scores, labels) if s >= 0.5 and l)
    fp = sum(1 for s, l in zip(scores, labels) if s >= 0.5 and not l)
    fn = sum(1 for s, l in zip(scores, labels) if s < 0.5 and l)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    hits, apsum = 0, 0.0
    for k, i in enumerate(order, 1):
        if labels[i]:
            hits += 1
            apsum += hits / k
    return f1, p, r, apsum / max(1, sum(labels))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("train", nargs="?", default=os.path.join("..", "shared", "corpus", "checkworthiness", "train.tsv"))
    ap.add_argument("--dev", help="labelled sentences to report figures on")
    ap.add_argument("--out", default=os.path.join(REPO, "src", "extract", "lexicon", "checkworthiness.tsv"))
    ap.add_argument("--fixture", default=os.path.join(REPO, "src", "extract", "learned_fixture.tsv"))
    ap.add_argument("--c", type=float, default=4.0, help="inverse regularisation strength")
    ap.add_argument("--min-df", type=int, default=2, help="terms in fewer training sentences are left out")
    ap.add_argument("--prune", type=float, default=0.12, help="weights smaller than this are dropped")
    a = ap.parse_args()

    import numpy as np
    import scipy.sparse as sp
    from sklearn.linear_model import LogisticRegression

    texts, labels = load(a.train)
    toks = [tokens(t) for t in texts]
    df = {}
    for ts in toks:
        for t in set(terms(ts)):
            df[t] = df.get(t, 0) + 1
    vocab_terms = sorted(t for t, k in df.items() if k >= a.min_df)
    vocab = {t: i for i, t in enumerate(vocab_terms)}
    nv = len(vocab)
    rows, cols, vals = [], [], []
    for i, (text, ts) in enumerate(zip(texts, toks)):
        tt = terms(ts)
        counts = {}
        for t in tt:
            if t in vocab:
                counts[vocab[t]] = counts.get(vocab[t], 0) + 1
        root = math.sqrt(len(tt)) if tt else 1.0
        for j, k in sorted(counts.items()):
            rows.append(i)
            cols.append(j)
            vals.append(k / root)
        rv = rule_values(text, ts)
        for r, name in enumerate(RULES):
            rows.append(i)
            cols.append(nv + r)
            vals.append(rv[name])
    x = sp.csr_matrix((vals, (rows, cols)), shape=(len(texts), nv + len(RULES)))
    y = np.array(labels)
    lr = LogisticRegression(C=a.c, max_iter=5000, class_weight="balanced", solver="lbfgs")
    lr.fit(x, y)
    coef = lr.coef_[0]
    bias = round(float(lr.intercept_[0]), 4)
    rules = {name: round(float(coef[nv + r]), 4) for r, name in enumerate(RULES)}
    weights = {}
    for t, j in vocab.items():
        w = round(float(coef[j]), 4)
        if abs(w) >= a.prune:
            weights[t] = w
    model = Model(bias, rules, weights)

    with open(a.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# claimdesk check-worthiness model, format 1. Written by tools/train_checkworthiness.py; do not edit.\n")
        f.write(f"# trained on {os.path.basename(a.train)}: {len(texts)} sentences, {sum(labels)} check-worthy, sha256 {sha256(a.train)}\n")
        f.write(f"# logistic regression (lbfgs, C={a.c}, balanced classes) over word unigrams and bigrams "
                f"(min_df {a.min_df}, counts / sqrt(terms)) and rule features; weights below {a.prune} dropped\n")
        f.write(f"# {len(weights)} of {nv} terms kept\n")
        f.write("# lines: bias <tab> w | rule <tab> name <tab> w | term <tab> words <tab> w\n")
        f.write(f"bias\t{bias:.4f}\n")
        for name in RULES:
            f.write(f"rule\t{name}\t{rules[name]:.4f}\n")
        for t in sorted(weights):
            f.write(f"term\t{t}\t{weights[t]:.4f}\n")
    print(f"wrote {a.out}: {len(weights)} of {nv} terms, {os.path.getsize(a.out)} bytes")
    print("rules: " + ", ".join(f"{k} {v}" for k, v in rules.items()) + f"; bias {bias}")

    if a.fixture:
        with open(a.fixture, "w", encoding="utf-8", newline="\n") as f:
            f.write("# Probabilities tools/train_checkworthiness.py computes for invented sentences with the\n")
            f.write("# committed weights; src/extract/learned.rs checks it computes the same. Do not edit.\n")
            for s in FIXTURE_SENTENCES:
                f.write(f"{model.probability(s):.6f}\t{s}\n")
        print(f"wrote {a.fixture}")

    f1, p, r, avp = evaluate(model, texts, labels)
    print(f"train F1 {f1:.3f} P {p:.3f} R {r:.3f} AP {avp:.3f}")
    if a.dev:
        dtexts, dlabels = load(a.dev)
        f1, p, r, avp = evaluate(model, dtexts, dlabels)
        print(f"dev F1 {f1:.3f} P {p:.3f} R {r:.3f} AP {avp:.3f} over {len(dtexts)} sentences (threshold 0.5)")


if __name__ == "__main__":
    sys.exit(main())
