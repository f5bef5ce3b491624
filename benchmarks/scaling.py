"""Time to detect, attribute, resolve and score the quotes of one article, by article size.

Usage: python benchmarks/scaling.py [--sizes 10 100 1000 5000]

Each article (sizes in KB) is wire copy dense with quotes: every paragraph
holds direct quotes, a split quote and reported speech, the worst case for
the per-article stages. It is tokenised by ``SimpleAnnotator`` (no Stanza:
this measures the stages after annotation), then run through
``quotes.pipeline.extract_quotes`` with the report tagger and the confidence
model. Times go into docs/performance.md between the SCALING markers.
"""

from __future__ import annotations

import argparse
import datetime
import sys
import time
from pathlib import Path

from quotes.annotate import SimpleAnnotator
from quotes.ingest import make_article
from quotes.pipeline import extract_quotes
from quotes.types import Article, Doc

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "performance.md"
BEGIN, END = "<!-- SCALING:BEGIN -->", "<!-- SCALING:END -->"
PARAGRAPH = ('“We will stay the course on item {n},” Smith said. Jones told reporters plan {n} would fail. '
             '“It is over,” she added, “and nobody can say otherwise.” The mayor said the budget was {n} dollars.')


def article_of(kb: int) -> str:
    paras, size, n = [], 0, 0
    while size < kb * 1000:
        paras.append(PARAGRAPH.format(n=n))
        size += len(paras[-1]) + 2
        n += 1
    return "\n\n".join(paras)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000, 5000])
    args = parser.parse_args(argv)
    extract_quotes(*_annotated(1))  # load the models before timing
    lines = [BEGIN, f"Run {datetime.date.today()} (`python benchmarks/scaling.py`), on this machine's 2 cores.", "",
             "| article | quotes | seconds | ms per KB |", "|---|---|---|---|"]
    for kb in args.sizes:
        article, doc = _annotated(kb)
        start = time.perf_counter()
        found = extract_quotes(article, doc)
        seconds = time.perf_counter() - start
        lines.append(f"| {kb:,} KB | {len(found):,} | {seconds:.1f} | {1000 * seconds / kb:.1f} |")
        print(lines[-1], flush=True)
    lines.append(END)
    text = DOC.read_text(encoding="utf-8")
    if BEGIN in text:
        text = text[:text.index(BEGIN)] + "\n".join(lines) + text[text.index(END) + len(END):]
    else:
        text += "\n## Article size\n\nThe stages after annotation take time linear in an article's size " \
                "(`benchmarks/scaling.py`):\n\n" + "\n".join(lines) + "\n"
    DOC.write_text(text, encoding="utf-8")
    return 0


def _annotated(kb: int) -> tuple[Article, Doc]:
    article = make_article(f"wire-{kb}kb", article_of(kb))
    return article, SimpleAnnotator().annotate([article])[0]


if __name__ == "__main__":
    sys.exit(main())
