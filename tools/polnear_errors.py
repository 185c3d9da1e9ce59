#!/usr/bin/env python3
"""Error analysis of claimdesk's attributions on a PolNeAR split, by category.

Usage (from the repository root, after `cargo build --release`):
  python3 tools/polnear_errors.py ../shared/corpus/polnear/dev [--cmd CMD]

Uses the scorer's own matching (../shared/tools/score_polnear.py) and sorts every gold
attribution into one category:
  right                 span and source right
  matched, no source    the content is found, but as a claim without a source
  matched, wrong source the content is found with another source
  inside sourceless     no match; a claim without a source overlaps the content
  longer attributed     no match; an attributed claim overlaps, too long for Dice >= 0.5
  two-in-one            no match; the overlapping attributed claim matched another one
  shorter attributed    no match; an attributed claim overlaps but is much shorter
  no overlapping claim  nothing was output over the content
and prints recall of right attributions by the class of the gold cue (the lexicon's
class of its first word; "according to"; or "not in lexicon"), and the unmatched
attributed claims (false positives). Reads the corpus at run time; copies nothing.
"""
import argparse
import collections
import csv
import glob
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(REPO, "..", "shared", "tools"))
import score_polnear as S  # noqa: E402


def cue_classes():
    classes = {}
    path = os.path.join(REPO, "src", "extract", "lexicon", "cues.tsv")
    for row in csv.reader(open(path, encoding="utf-8"), delimiter="\t"):
        if not row or row[0].startswith("#") or len(row) < 3:
            continue
        lemma, cls = row[0], row[1]
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        forms = {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing"}
        forms.update(f for f in row[2].split(",") if f)
        for f in forms:
            classes.setdefault(f.strip().lower(), cls)
    return classes


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("split")
    ap.add_argument("--cmd", default=os.path.join(REPO, "target", "release", "claimdesk") + " extract {article} --format json")
    ap.add_argument("--cues", type=int, default=0, metavar="N",
                    help="also print the N commonest gold cues (lowercased) not got right, with their categories")
    ap.add_argument("--fp", action="store_true",
                    help="print every attributed claim that matches no gold attribution")
    ap.add_argument("--category", metavar="CAT", action="append", default=[],
                    help="show every miss of this category (e.g. 'matched, no source')")
    ap.add_argument("--show", metavar="CUE", action="append", default=[],
                    help="print each gold attribution with this cue (lowercased) not got right, with the claim over it")
    a = ap.parse_args()
    classes = cue_classes()
    cats = collections.Counter()
    by_class = collections.defaultdict(lambda: [0, 0])
    missed_cues = collections.defaultdict(collections.Counter)
    fps = 0
    for txt in sorted(glob.glob(os.path.join(a.split, "text", "*.txt"))):
        name = os.path.splitext(os.path.basename(txt))[0]
        anns = sorted(glob.glob(os.path.join(a.split, "attributions", name + "_*.ann")))
        if not anns:
            continue
        gold = S.parse_ann(anns[0])
        # parse_ann keeps the events that have a content, in file order; so does this.
        cues = gold_cues(anns[0])
        file_text = open(txt, encoding="utf-8").read()
        out = subprocess.run(a.cmd.replace("{article}", txt).split(), capture_output=True, text=True)
        data = json.loads(out.stdout)
        pred = S.locate(data.get("claims", []), data.get("text", file_text), file_text)
        _, matched, right = S.score_article(pred, gold)
        m_of_g = {j: i for i, j in matched}
        right_g = {j for _, j in right}
        matched_p = {i for i, _ in matched}
        for j, g in enumerate(gold):
            gs = S.charset(g["content"])
            if j in right_g:
                cat = "right"
            elif j in m_of_g:
                cat = "matched, wrong source" if pred[m_of_g[j]]["has_source"] else "matched, no source"
            else:
                over = [(i, p) for i, p in enumerate(pred) if p["range"] and gs & set(range(*p["range"]))]
                attributed = [(i, p) for i, p in over if p["has_source"]]
                if attributed:
                    i, p = max(attributed, key=lambda ip: len(gs & set(range(*ip[1]["range"]))))
                    plen = p["range"][1] - p["range"][0]
                    if i in matched_p:
                        cat = "two-in-one"
                    elif plen > len(gs):
                        cat = "longer attributed"
                    else:
                        cat = "shorter attributed"
                elif over:
                    cat = "inside sourceless"
                else:
                    cat = "no overlapping claim"
            cats[cat] += 1
            cls = cue_class(cues[j] if j < len(cues) else "", classes)
            by_class[cls][0] += 1
            by_class[cls][1] += cat == "right"
            if cat != "right":
                cue = (cues[j] if j < len(cues) else "").lower()
                missed_cues[cue][cat] += 1
                if cue in a.show or cat in a.category:
                    show(file_text, g, gs, pred, data.get("claims", []), cat, cue)
        fps += sum(1 for i, p in enumerate(pred) if p["has_source"] and i not in matched_p)
        if a.fp:
            claims = data.get("claims", [])
            for i, p in enumerate(pred):
                if p["has_source"] and i not in matched_p and i < len(claims):
                    c = claims[i]
                    src = (c.get("source") or {}).get("name")
                    print(f"--- FP {name}: {src!r} <{c.get('cue')}> {c.get('text', '')[:200]!r}")
    total = sum(cats.values())
    print(f"{total} gold attributions")
    for cat, n in cats.most_common():
        print(f"  {cat:<24} {n:>5}  {n / total:6.1%}")
    print(f"attributed claims matching nothing (false positives): {fps}")
    print("recall of right attributions by gold cue class:")
    for cls, (n, r) in sorted(by_class.items(), key=lambda kv: -kv[1][0]):
        print(f"  {cls:<16} {r:>5} of {n:>5}  {r / n:.2f}")
    if a.cues:
        print(f"the {a.cues} commonest gold cues not got right:")
        ranked = sorted(missed_cues.items(), key=lambda kv: -sum(kv[1].values()))
        for cue, c in ranked[: a.cues]:
            detail = ", ".join(f"{k} {v}" for k, v in c.most_common())
            print(f"  {sum(c.values()):>4}  {cue!r:<28} {detail}")


def show(file_text, g, gs, pred, claims, cat, cue):
    """One missed gold attribution: its sentence, source and content, and the claim over it."""
    a, b = min(gs), max(gs) + 1
    lo = max(file_text.rfind(".", 0, a - 2) + 1, a - 200)
    ctx = file_text[lo : min(len(file_text), b + 60)].replace("\n", " ")
    print(f"--- [{cue}] {cat}: source {g['stext']!r}")
    print(f"    content {g['ctext'][:120]!r}")
    print(f"    text    {ctx.strip()[:300]!r}")
    for p, c in zip(pred, claims):
        if p["range"] and gs & set(range(*p["range"])):
            print(f"    claim   {p['name']!r} <{c.get('cue')}> {c.get('text', '')[:120]!r}")


# Auxiliaries and adverbs before a cue's verb ("has also said", "did not respond").
BEFORE_VERB = {"also", "be", "been", "both", "did", "do", "does", "had", "has", "have",
               "is", "are", "was", "were", "will", "would", "not", "repeatedly", "later"}
PREPOSITIONS = {"in", "for", "of", "to", "about", "on", "from", "with", "by"}


def cue_class(cue, classes):
    """The lexicon class of a gold cue's verb, or what kind of cue it is."""
    words = [w.strip(".,\"'") for w in cue.lower().split()]
    if words[:2] == ["according", "to"]:
        return "according to"
    if not words or words == [""]:
        return "colon" if ":" in cue else "no cue"
    rest = [w for w in words if w and w not in BEFORE_VERB] or words
    if rest[0] in classes:
        return classes[rest[0]]
    if rest[0] in PREPOSITIONS:
        return "preposition"
    return "not in lexicon"


def gold_cues(path):
    """The cue text of each event that has a content, in file order (as parse_ann)."""
    spans, events = {}, []
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if parts[0].startswith("T") and len(parts) >= 2:
            spans[parts[0]] = parts[2] if len(parts) > 2 else ""
        elif parts[0].startswith("E") and len(parts) >= 2:
            events.append(dict(a.split(":", 1) for a in parts[1].split()[1:] if ":" in a))
    return [spans.get(ev.get("Cue"), "") for ev in events if ev.get("Content") in spans]


if __name__ == "__main__":
    main()
