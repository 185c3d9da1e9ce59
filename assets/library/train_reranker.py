#!/usr/bin/env python3
"""Trains the claim library's re-ranker (src/library/rank.rs) on the CheckThat! train split.

    cargo build --release --no-default-features
    python3 assets/library/train_reranker.py [--corpus ../shared/corpus/claim-matching]

It runs `claimdesk match --features` on train/queries.tsv, which writes every BM25
candidate's features, then fits a pairwise logistic model (each relevant candidate should
score above each other candidate of its query) and writes the weights to
assets/library/reranker.json, keeping that file's candidate-search settings. Pure Python,
no packages; it reads only the train split (`--eval dev` also reports MAP@5 on dev, without
fitting on it).
"""

import argparse
import json
import math
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
WEIGHTS = os.path.join(HERE, "reranker.json")


def features(binary, corpus, split):
    """{qid: [(key, [floats])]} for the split's queries, in BM25 order."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "features.tsv")
        subprocess.run(
            [binary, "match", "--features", out,
             os.path.join(corpus, split, "queries.tsv"),
             os.path.join(corpus, "vclaims.jsonl")],
            check=True, stdout=subprocess.DEVNULL)
        rows = {}
        with open(out, encoding="utf-8") as f:
            header = f.readline().rstrip("\n").split("\t")[2:]
            for line in f:
                cols = line.rstrip("\n").split("\t")
                rows.setdefault(cols[0], []).append((cols[1], [float(x) for x in cols[2:]]))
        return header, rows


def qrels(corpus, split):
    rel = {}
    with open(os.path.join(corpus, split, "qrels.tsv"), encoding="utf-8") as f:
        for line in f:
            q, _, key, grade = line.split()
            if int(grade) > 0:
                rel.setdefault(q, set()).add(key)
    return rel


def map_at_5(rows, rel, w):
    total = 0.0
    for q, keys in rel.items():
        cands = sorted(rows.get(q, []), key=lambda r: -sum(a * b for a, b in zip(w, r[1])))
        hits, ap = 0, 0.0
        for i, (key, _) in enumerate(cands[:5]):
            if key in keys:
                hits += 1
                ap += hits / (i + 1)
        total += ap / len(keys)
    return total / len(rel)


def fit(rows, rel, n, epochs, l2, seed):
    # Standardise, train on pair differences, map the weights back to raw features.
    allx = [x for cands in rows.values() for _, x in cands]
    mean = [sum(x[i] for x in allx) / len(allx) for i in range(n)]
    sd = [max(1e-6, math.sqrt(sum((x[i] - mean[i]) ** 2 for x in allx) / len(allx)))
          for i in range(n)]
    pairs = []
    for q, cands in rows.items():
        pos = [x for key, x in cands if key in rel.get(q, ())]
        neg = [x for key, x in cands if key not in rel.get(q, ())]
        for p in pos:
            for m in neg:
                pairs.append([(p[i] - m[i]) / sd[i] for i in range(n)])
    rng = random.Random(seed)
    w = [0.0] * n
    w[0] = 1.0
    lr, m1, m2 = 0.05, [0.0] * n, [0.0] * n
    for epoch in range(1, epochs + 1):
        rng.shuffle(pairs)
        g = [l2 * wi for wi in w]
        for d in pairs:
            z = sum(a * b for a, b in zip(w, d))
            s = -1.0 / (1.0 + math.exp(min(50.0, z)))
            for i in range(n):
                g[i] += s * d[i] / len(pairs)
        for i in range(n):  # Adam
            m1[i] = 0.9 * m1[i] + 0.1 * g[i]
            m2[i] = 0.999 * m2[i] + 0.001 * g[i] * g[i]
            mh, vh = m1[i] / (1 - 0.9 ** epoch), m2[i] / (1 - 0.999 ** epoch)
            w[i] -= lr * mh / (math.sqrt(vh) + 1e-8)
    return [w[i] / sd[i] for i in range(n)], len(pairs)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus", "claim-matching"))
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "claimdesk"))
    ap.add_argument("--epochs", type=int, default=300)
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--eval", default=None, help="also report MAP@5 of the candidates on this split")
    ap.add_argument("--dry-run", action="store_true", help="do not write the weights")
    args = ap.parse_args()

    names, rows = features(args.binary, args.corpus, "train")
    rel = qrels(args.corpus, "train")
    with open(WEIGHTS, encoding="utf-8") as f:
        model = json.load(f)
    if names != model["features"]:
        sys.exit("the binary's features differ from reranker.json's: update the file's list first")
    base = [1.0] + [0.0] * (len(names) - 1)
    w, npairs = fit(rows, rel, len(names), args.epochs, args.l2, seed=11)
    print(f"train: {len(rows)} queries, {npairs} pairs; MAP@5 bm25 {map_at_5(rows, rel, base):.4f} "
          f"-> re-ranked {map_at_5(rows, rel, w):.4f}")
    for name, wi in sorted(zip(names, w), key=lambda t: -abs(t[1])):
        print(f"  {name:14} {wi:+.4f}")
    if args.eval:
        _, erows = features(args.binary, args.corpus, args.eval)
        erel = qrels(args.corpus, args.eval)
        print(f"{args.eval}: MAP@5 bm25 {map_at_5(erows, erel, base):.4f} "
              f"-> re-ranked {map_at_5(erows, erel, w):.4f}")
    if not args.dry_run:
        model["weights"] = [round(x, 5) for x in w]
        with open(WEIGHTS, "w", encoding="utf-8") as f:
            f.write(json.dumps(model, indent=2) + "\n")
        print(f"wrote {WEIGHTS}")


if __name__ == "__main__":
    main()
