"""Rule ablation: what each detection rule is worth, by switching it off.

Usage:
    python benchmarks/ablation.py [--limit N] [--train DIR] [--no-write]

For every id of ``quotes.detect.RULES``, detects (then attributes and
resolves) the quotes of PolNeAR train and of the out-of-domain sample
(``benchmarks/data/corpus-gold``) with that rule disabled, on the cached
annotations of ``.golden/annotations.db`` (``python benchmarks/golden.py
write`` fills it; articles it lacks are skipped and counted), and compares
with all rules on: the quotes lost and gained (by kind and content span) and
the change of the all-quotes end-to-end F1 (``quotes.evaluate``). Writes the
table into docs/evaluation.md between the ABLATION markers.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Set
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from quotes import evaluate as ev
from quotes.attribute import attribute
from quotes.detect import RULES, detect
from quotes.ingest import Problem, read_corpus
from quotes.resolve import resolve
from quotes.store import Store
from quotes.types import Article, Doc, Quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
from polnear import write_section

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".golden" / "annotations.db"
ANNOTATOR = "stanza:compact"
BEGIN, END = "<!-- ABLATION:BEGIN -->", "<!-- ABLATION:END -->"
SETS = {"PolNeAR train": ROOT.parent / "shared" / "data" / "polnear" / "train",
        "corpus-gold": ROOT / "benchmarks" / "data" / "corpus-gold"}


def cached(gold_dir: Path, limit: int | None) -> tuple[list[ev.GoldArticle], list[tuple[Article, Doc]], int]:
    """The gold articles of a set whose annotation is cached (the first ``limit``), with
    article and annotation; and how many of those asked for were not cached."""
    gold = ev.read_gold(gold_dir)[:limit]
    paths = [gold_dir / "text" / f"{a.doc}.txt" for a in gold]
    found: list[tuple[Article, Doc]] = []
    with Store(CACHE, read_only=True) as store:
        for item in read_corpus(paths):
            if isinstance(item, Problem):
                continue
            doc = store.cached(item.text, ANNOTATOR)
            if doc is not None:
                found.append((item, doc))
    ids = {article.id for article, _ in found}
    return [a for a in gold if a.doc in ids], found, len(gold) - len(found)


def run(articles: list[tuple[Article, Doc]], disable: Set[str]) -> list[Quote]:
    """All quotes of the articles, found with ``disable`` switched off."""
    out: list[Quote] = []
    for article, doc in articles:
        quotes = detect(article, doc, disable=disable)
        attribute(article, doc, quotes)
        resolve(article, doc, quotes)
        out += quotes
    return out


def _key(q: Quote) -> tuple[str, str, int, int]:
    return q.doc, q.kind, q.content.start, q.content.end


def ablate(gold: list[ev.GoldArticle], articles: list[tuple[Article, Doc]],
           workers: int) -> dict[str, tuple[int, int, float, float]]:
    """Per rule id (and ``""`` for none disabled): quotes lost, quotes gained,
    all-quotes E2E F1, and its change from all rules on."""
    ids = ["", *RULES]
    with ProcessPoolExecutor(workers) as pool:
        results = dict(zip(ids, pool.map(run, [articles] * len(ids),
                                         [frozenset({i}) - {""} for i in ids]), strict=True))
    base = {_key(q) for q in results[""]}
    f1 = {i: ev.evaluate(gold, ev.by_doc(qs)).scores()["all"]["e2e_f1"] for i, qs in results.items()}
    out = {}
    for i, quotes in results.items():
        keys = {_key(q) for q in quotes}
        out[i] = (len(base - keys), len(keys - base), f1[i], f1[i] - f1[""])
    return out


def table(results: dict[str, dict[str, tuple[int, int, float, float]]], counts: dict[str, str]) -> list[str]:
    head = "| rule | " + " | ".join(f"{name}: lost | gained | Δ all E2E F1" for name in results) + " |"
    lines = [head, "|---|" + "---|---|---|" * len(results)]
    base = " | ".join(f"all rules on: {counts[name]} | | {r[''][2]:.4f}" for name, r in results.items())
    lines.append(f"| (none) | {base} |")
    for rule in RULES:
        cells = " | ".join(f"{r[rule][0]} | {r[rule][1]} | {r[rule][3]:+.4f}" for r in results.values())
        lines.append(f"| `{rule}` | {cells} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N articles of each set")
    parser.add_argument("--train", type=Path, default=SETS["PolNeAR train"], help="PolNeAR train folder")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-write", action="store_true", help="print only, leave docs/ alone")
    args = parser.parse_args(argv)
    sets = {**SETS, "PolNeAR train": args.train}
    results, counts, notes = {}, {}, []
    for name, folder in sets.items():
        gold, articles, missing = cached(folder, args.limit)
        counts[name] = f"{len(articles)} articles"
        if missing:
            notes.append(f"{name}: {missing} articles without a cached annotation skipped")
        results[name] = ablate(gold, articles, args.workers)
    lines = table(results, counts)
    scope = "the first" if args.limit else "all"
    intro = [
        "", f"Run {datetime.date.today()} on {scope} cached articles of each set "
        f"({', '.join(f'{name}: {counts[name]}' for name in sets)}"
        f"{'; --limit ' + str(args.limit) if args.limit else ''}; {'; '.join(notes) or 'none skipped'}). "
        "Lost and gained count quotes (kind and content span) against all rules on; "
        "the F1 change is of all quotes, end to end (content and speaker).", ""]
    print("\n".join([*intro, *lines]))
    if not args.no_write:
        write_section(BEGIN, END, [*intro, *lines, ""])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
