"""How far PolNeAR's annotators agree, beside the pipeline on the same articles.

Usage: python benchmarks/agreement.py [--polnear ../shared/data/polnear] [--models auto]

Some PolNeAR articles were marked by several annotators. Every further
annotator is scored against the first (the one the benchmark scores against)
with the same measure as the pipeline, pooled over train and dev; then the
pipeline is scored on the same articles. The table goes into
docs/evaluation.md between the AGREEMENT markers: it is the ceiling the
annotation itself sets for the targets of benchmarks/polnear.py.
"""

from __future__ import annotations

import argparse
import datetime
from pathlib import Path

from polnear import DOC, ROOT, TARGETS, write_section
from rich.console import Console

from quotes import evaluate as ev
from quotes.annotate import StanzaAnnotator
from quotes.pipeline import analyze

BEGIN, END = "<!-- AGREEMENT:BEGIN -->", "<!-- AGREEMENT:END -->"


def pooled(evaluations: list[ev.Evaluation]) -> dict[str, dict[str, float]]:
    """Scores over several splits' evaluations: their articles are distinct, so their pairs can share one."""
    return ev.Evaluation({k: v for e in evaluations for k, v in e.pairs.items()},
                         {k: v for e in evaluations for k, v in e.publishers.items()}).scores()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--polnear", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    parser.add_argument("--models", default="auto")
    parser.add_argument("--no-write", action="store_true", help="print only, leave docs/ alone")
    args = parser.parse_args()

    annotator = StanzaAnnotator(args.models).load()
    rows, articles = [], 0
    for split in ("train", "dev"):
        gold, between = ev.agreement(args.polnear / split)
        result = analyze([args.polnear / split / "text" / f"{a.doc}.txt" for a in gold], annotator=annotator,
                         min_confidence=0)
        rows.append((gold, between, ev.evaluate(gold, ev.by_doc(result.quotes))))
        articles += len(gold)
    humans = pooled([e for _, e, _ in rows])
    ours = pooled([e for _, _, e in rows])
    pairs = sum(len(e.pairs) for _, e, _ in rows)
    lines = ["", f"Run {datetime.date.today()} with model set `{annotator.models.name}` on the {articles} PolNeAR "
             f"train and dev articles with several annotators ({pairs} annotator pairs).", "",
             "| target | annotators | pipeline | goal |", "|---|---|---|---|"]
    for name, (slice_, key, goal) in TARGETS.items():
        lines.append(f"| {name} | {humans[slice_][key]:.3f} | {ours[slice_][key]:.3f} | {goal:.2f} |")
    lines += ["", ev.scores_table({k: humans[k] for k in ("all", "direct", "kind:direct", "kind:mixed",
                                                          "kind:indirect")},
                                  "Further annotators against the first").to_markdown()]
    console = Console(width=160)
    console.print("\n".join(lines))
    if not args.no_write:
        write_section(BEGIN, END, lines)
        console.print(f"wrote {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
