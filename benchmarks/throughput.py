"""Throughput and memory of `quotes analyze`, written into docs/performance.md.

Usage: python benchmarks/throughput.py [--sizes 10 100 1000] [--workers 1 2] [--models auto]

For each corpus size, samples that many articles from PolNeAR train (seeded;
beyond its 840 articles, repeats get a last line of their own so that the
annotation cache cannot serve them), then runs, each in a fresh process so peak RSS is that run's own:

- a first run into an empty store (annotation included),
- a re-run over the same store (everything cached),
- the first run again with each worker count asked for.

It reports articles/s, peak RSS, and the share of time spent outside Stanza
(ingest, detection, attribution, resolution, storage) measured in-process.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from polnear import write_section

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "performance.md"
BEGIN, END = "<!-- BENCHMARK:BEGIN -->", "<!-- BENCHMARK:END -->"
SOURCE = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"

CHILD = r"""
import json, resource, sys, time
from quotes.annotate import StanzaAnnotator
from quotes.pipeline import analyze
paths, db, workers, models = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
annotator = StanzaAnnotator(models)
spent = [0.0]
if workers == 1:  # the wrapper cannot travel to worker processes
    inner = annotator.annotate
    def timed(articles):
        t = time.perf_counter(); out = inner(articles); spent[0] += time.perf_counter() - t; return out
    annotator.annotate = timed
start = time.perf_counter()
result = analyze(paths, annotator=annotator, db=db, workers=workers)
total = time.perf_counter() - start
rss = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"articles": len(result.articles), "seconds": total, "stanza_seconds": spent[0],
                  "peak_rss_mb": rss / 1024, "quotes": len(result.quotes)}))
"""


def sample(n: int, into: Path) -> Path:
    files = sorted(SOURCE.glob("*.txt"))
    rng = random.Random(n)
    picked = [files[i % len(files)] for i in rng.sample(range(max(n, len(files))), n)]
    into.mkdir(parents=True)
    seen: set[Path] = set()
    for i, f in enumerate(picked):
        text = f.read_text(encoding="utf-8")
        if f in seen:  # a repeat (1,000 > 840 articles): a last line of its own, so no cache serves it
            text += f"\n\nCopy {i}.\n"
        seen.add(f)
        (into / f"{i:05d}_{f.name}").write_text(text, encoding="utf-8")
    return into


def run(corpus: Path, db: Path, workers: int, models: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", CHILD, str(corpus), str(db), str(workers), models],
                         capture_output=True, text=True, check=True)
    stats = json.loads(out.stdout.strip().splitlines()[-1])
    stats["rate"] = stats["articles"] / stats["seconds"]
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--models", default="auto")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            corpus = sample(n, Path(tmp) / f"c{n}")
            for workers in args.workers:
                db = Path(tmp) / f"c{n}-w{workers}.db"
                first = run(corpus, db, workers, args.models)
                again = run(corpus, db, workers, args.models) if workers == args.workers[0] else None
                rows.append((n, workers, first, again))
                print(n, workers, json.dumps(first), json.dumps(again), flush=True)
    if args.no_write:
        return
    lines = [BEGIN, "", f"Run {datetime.date.today()} on this machine ({os.cpu_count()} cores), model set "
             f"`{args.models}`, PolNeAR train articles sampled with a fixed seed.", "",
             "| articles | workers | first run (articles/s) | peak RSS (MB) | outside Stanza | "
             "cached re-run (articles/s) |", "|---|---|---|---|---|---|"]
    for n, workers, first, again in rows:
        # the annotation timer only sees the main process, so the share is for 1 worker
        outside = f"{1 - first['stanza_seconds'] / first['seconds']:.1%}" if workers == 1 else ""
        cached = f"{again['rate']:.0f}" if again else ""
        lines.append(f"| {n} | {workers} | {first['rate']:.2f} | {first['peak_rss_mb']:.0f} | {outside} | {cached} |")
    lines += ["", END]
    write_section(BEGIN, END, lines[1:-1], DOC)
    print(f"wrote {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
