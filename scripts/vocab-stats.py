#!/usr/bin/env python3
"""How each phrase and label entry of src/rules/data/ fares on the corpus.

For every entry: on how many pages and distinct domains (from the record's
URL) it matches a line, and how often that line is article text (gold) or
noise. A line of a record with gold text is gold when most of its 4-word
shingles are in the gold (as `deboiler eval --page` marks `G`), else noise;
in a snippet record, a line holding a must-keep snippet is gold, one holding
a must-drop snippet is noise, and others do not count.

Phrases match as the engine matches them: case-insensitively, at word
boundaries, on lines of any length. Labels match a short line (at most 12
words) made only of labels of the same file, ignoring case and punctuation,
as the label rules do; each label it is made of counts.

    python3 scripts/vocab-stats.py [CORPUS.jsonl ...] [--tsv FILE] [--failing]

Default corpora: ../shared/corpus/dev.jsonl and dev_ext.jsonl. `--failing`
lists only the entries that break the rule for default lists: an entry
that matches anything must match noise on at least 3 domains and gold less
often than noise.
"""
import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "rules" / "data"
TOKEN = re.compile(r"\w+")
MIN_DOMAINS = 3


def entries(path):
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith(("#", "@")):
            yield line.lower()


def shingles(tokens):
    if len(tokens) < 4:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3)}


def labelled_lines(record):
    """(line, True for gold / False for noise) for the lines that count."""
    lines = [l.strip() for l in record["text"].splitlines() if l.strip()]
    if record.get("gold"):
        gold = shingles(TOKEN.findall(record["gold"]))
        for line in lines:
            sh = shingles(TOKEN.findall(line))
            if sh:
                yield line, sum(s in gold for s in sh) * 2 >= len(sh)
        return
    norm = lambda t: " ".join(t.split())
    keep = [norm(s) for s in record.get("with") or []]
    drop = [norm(s) for s in record.get("without") or []]
    for line in lines:
        n = norm(line)
        if any(s and s in n for s in keep):
            yield line, True
        elif any(s and s in n for s in drop):
            yield line, False


def segment(words, known, longest=5):
    """The labels `words` is made of, if it is made only of labels."""
    best = {0: []}
    for i in range(1, len(words) + 1):
        for n in range(1, min(longest, i) + 1):
            part = tuple(words[i - n:i])
            if i - n in best and part in known:
                best[i] = best[i - n] + [known[part]]
                break
    return best.get(len(words), [])


def phrase_pattern(phrase):
    left = r"(?<!\w)" if phrase[:1].isalnum() else ""
    right = r"(?!\w)" if phrase[-1:].isalnum() else ""
    return left + re.escape(phrase) + right


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpora", nargs="*")
    parser.add_argument("--tsv", help="write every entry's figures here")
    parser.add_argument("--failing", action="store_true")
    args = parser.parse_args()
    corpora = args.corpora or [
        str(ROOT.parent / "shared" / "corpus" / name) for name in ("dev.jsonl", "dev_ext.jsonl")
    ]
    lists = {p.name: list(dict.fromkeys(entries(p))) for p in sorted(DATA.glob("*.phrases"))}
    labels = {p.name: list(dict.fromkeys(entries(p))) for p in sorted(DATA.glob("*.labels"))}
    # One alternation per phrase file; the group that matched names the entry.
    compiled = {
        name: re.compile("|".join(f"({phrase_pattern(e)})" for e in es), re.IGNORECASE)
        for name, es in lists.items()
    }
    label_sets = {
        name: {tuple(TOKEN.findall(e)): e for e in es if TOKEN.findall(e)}
        for name, es in labels.items()
    }
    stats = defaultdict(lambda: {"pages": set(), "domains": set(), "gold": 0, "noise": 0})
    for corpus in corpora:
        for raw in open(corpus, encoding="utf-8"):
            record = json.loads(raw)
            domain = urlparse(record.get("url") or "").netloc.removeprefix("www.")
            for line, gold in labelled_lines(record):
                hits = set()
                for name, pattern in compiled.items():
                    for m in pattern.finditer(line):
                        hits.add((name, lists[name][m.lastindex - 1]))
                words = TOKEN.findall(line.lower())
                if 0 < len(words) <= 12:
                    for name, known in label_sets.items():
                        for e in segment(words, known):
                            hits.add((name, e))
                for key in hits:
                    s = stats[key]
                    s["pages"].add(record["id"])
                    s["domains"].add(domain)
                    s["gold" if gold else "noise"] += 1
    rows = []
    for name, es in {**lists, **labels}.items():
        for e in es:
            s = stats.get((name, e))
            pages, domains = (len(s["pages"]), len(s["domains"])) if s else (0, 0)
            gold, noise = (s["gold"], s["noise"]) if s else (0, 0)
            matched = gold + noise > 0
            noise_domains = domains if s and noise else 0
            ok = not matched or (noise_domains >= MIN_DOMAINS and gold < noise)
            rows.append((name, e, pages, domains, gold, noise, ok))
    out = open(args.tsv, "w", encoding="utf-8") if args.tsv else sys.stdout
    print("file\tentry\tpages\tdomains\tgold\tnoise\tkeeps-the-rule", file=out)
    for row in rows:
        if args.failing and row[-1]:
            continue
        print("\t".join(str(x) for x in row[:-1]) + ("\tyes" if row[-1] else "\tno"), file=out)
    failing = sum(1 for r in rows if not r[-1])
    print(f"{len(rows)} entries; {failing} break the rule for default lists "
          f"(noise on >= {MIN_DOMAINS} domains, gold < noise)", file=sys.stderr)


if __name__ == "__main__":
    main()
