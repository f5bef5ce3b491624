"""Benchmark attribution on PolNeAR dev and write the result into docs/evaluation.md.

Usage: python benchmarks/polnear.py [--gold ../shared/data/polnear/dev] [--models auto]

Runs the analyzer on every dev article, scores it with ``quotes.evaluate``,
prints the table and articles per second, and rewrites the section between
the BENCHMARK markers of docs/evaluation.md. PolNeAR train is for development
and error analysis; dev is only scored here.
"""

from __future__ import annotations

import argparse
import datetime
import time
from collections import Counter
from pathlib import Path

from rich.console import Console

from quotes import evaluate as ev
from quotes.annotate import StanzaAnnotator
from quotes.ingest import Problem, read_corpus
from quotes.pipeline import analyze, extract_quotes
from quotes.store import Store
from quotes.types import Quote

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "evaluation.md"
DEV = ROOT.parent / "shared" / "data" / "polnear" / "dev"
BEGIN, END = "<!-- BENCHMARK:BEGIN -->", "<!-- BENCHMARK:END -->"
TARGETS = {"direct e2e F1": ("direct", "e2e_f1", 0.90), "all e2e F1": ("all", "e2e_f1", 0.75),
           "direct speaker accuracy": ("direct", "speaker_acc", 0.95)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=DEV)
    parser.add_argument("--models", default="auto")
    parser.add_argument("--no-write", action="store_true", help="print only, leave docs/ alone")
    args = parser.parse_args()

    gold = ev.read_gold(args.gold)
    annotator = StanzaAnnotator(args.models).load()
    start = time.perf_counter()
    result = analyze([args.gold / "text" / f"{a.doc}.txt" for a in gold], annotator=annotator, min_confidence=0)
    seconds = time.perf_counter() - start
    evaluation = ev.evaluate(gold, ev.by_doc(result.quotes))
    scores = evaluation.scores()
    table = ev.scores_table(scores)
    console = Console(width=160)
    console.print(table)
    rate = len(gold) / seconds
    console.print(f"{len(gold)} articles in {seconds:.1f} s: {rate:.2f} articles/s ({annotator.name})")
    errors = Counter(kind for _, kind, _ in evaluation.errors())
    if args.no_write:
        return
    lines = ["",
             f"Run {datetime.date.today()} with model set `{annotator.models.name}` on {len(gold)} PolNeAR dev "
             f"articles: {rate:.2f} articles/s on this machine (annotation included).", "",
             "| target | measured | goal | met |", "|---|---|---|---|"]
    for name, (slice_, key, goal) in TARGETS.items():
        got = scores[slice_][key]
        lines.append(f"| {name} | {got:.3f} | {goal:.2f} | {'yes' if got >= goal else 'no'} |")
    lines += ["", table.to_markdown(), "Error counts (`quotes evaluate --errors` lists them):", "",
              "| error | count |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in errors.most_common()] + [""]
    write_section(BEGIN, END, lines)
    console.print(f"wrote {DOC.relative_to(ROOT)}")


def stored_quotes(files: list[Path], db: Path) -> list[Quote]:
    """Every quote of the articles, whatever its confidence, found afresh on their
    annotations cached in ``db`` (a :mod:`quotes.store`): the quotes a store
    keeps are those of the run that wrote them, so a changed rule or model
    would not show. Articles without a cached annotation are annotated with the
    compact models and cached first."""
    annotator = StanzaAnnotator("compact")
    quotes: list[Quote] = []
    with Store(db) as store:
        for article in read_corpus(files):
            if isinstance(article, Problem):
                raise SystemExit(str(article))
            quotes += extract_quotes(article, store.annotation(article, annotator))
    return quotes


def write_section(begin: str, end: str, lines: list[str], doc: Path = DOC) -> None:
    """Replace what ``doc`` (docs/evaluation.md) holds between two markers (appended when missing)."""
    text = doc.read_text(encoding="utf-8") if doc.exists() else f"# {doc.stem.capitalize()}\n"
    if begin not in text:
        text += f"\n{begin}\n{end}\n"
    head, _, rest = text.partition(begin)
    _, _, tail = rest.partition(end)
    doc.write_text(head + "\n".join([begin, *lines, end]) + tail, encoding="utf-8")


if __name__ == "__main__":
    main()
