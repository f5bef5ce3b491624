"""Confidence on PolNeAR dev and on the out-of-domain set: reliability, precision and recall by threshold.

Usage: python benchmarks/calibration.py [--db-dir .golden]

For each set, runs the pipeline (annotations cached in ``DB_DIR/<set>.db``),
scores every quote whatever its confidence, and writes:

- ``docs/calibration-<set>.png``: a reliability diagram (share right
  against mean confidence per bin, with the counts) and the end-to-end
  precision-recall curve over thresholds, the default threshold marked;
- the scores at the default threshold, the expected calibration error and
  what was held back, into docs/evaluation.md between the CONFIDENCE markers.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

sys.path.insert(0, str(Path(__file__).resolve().parent))
from polnear import DEV, ROOT, stored_quotes, write_section

from quotes.confidence import ConfidenceModel
from quotes.evaluate import Calibration, by_doc, evaluate, read_gold

BEGIN, END = "<!-- CONFIDENCE:BEGIN -->", "<!-- CONFIDENCE:END -->"
SETS = {"polnear-dev": DEV,
        "corpus-gold": ROOT / "benchmarks" / "data" / "corpus-gold"}


def plot(name: str, calibration: Calibration, threshold: float, out: Path) -> None:
    fig, (rel, pr) = plt.subplots(1, 2, figsize=(10, 4.2))
    bins = [b for b in calibration.bins() if b[2]]
    rel.plot([0, 1], [0, 1], color="grey", linestyle=":", label="perfect calibration")
    rel.plot([b[3] for b in bins], [b[4] for b in bins], marker="o", label="quotes")
    for _, _, count, pred, obs in bins:
        rel.annotate(str(count), (pred, obs), textcoords="offset points", xytext=(4, -10), fontsize=7)
    rel.set(xlabel="mean confidence in bin", ylabel="share right end to end", xlim=(0, 1), ylim=(0, 1),
            title=f"{name}: reliability (ECE {calibration.ece():.3f})")
    rel.legend(loc="upper left", fontsize=8)
    points = [calibration.at(t / 100) for t in range(0, 100)]
    pr.plot([p["r"] for p in points], [p["p"] for p in points], label="end to end, by min confidence")
    at = calibration.at(threshold)
    pr.scatter([at["r"]], [at["p"]], color="red", zorder=3, label=f"default {threshold:.2f}")
    pr.set(xlabel="recall", ylabel="precision", xlim=(0, 1), ylim=(0, 1), title=f"{name}: precision and recall")
    pr.legend(loc="lower left", fontsize=8)
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db-dir", type=Path, default=ROOT / ".golden")
    args = parser.parse_args(argv)
    threshold = ConfidenceModel.load().threshold
    rows = []
    for name, folder in SETS.items():
        gold = read_gold(folder)
        quotes = stored_quotes([folder / "text" / f"{a.doc}.txt" for a in gold], args.db_dir / f"{name}.db")
        evaluation = evaluate(gold, by_doc(quotes))
        calibration, everything = Calibration.of(evaluation), evaluation.scores()
        kept = evaluate(gold, by_doc([q for q in quotes if q.confidence >= threshold])).scores()
        plot(name, calibration, threshold, ROOT / "docs" / f"calibration-{name}.png")
        rows.append((name, len(gold), everything, kept, calibration))
    lines = [f"Run {datetime.date.today()} with the bundled compact models; default threshold "
             f"{threshold:.2f} (`python benchmarks/calibration.py`).", "",
             "| set | articles | quotes kept / all | E2E P | E2E R | E2E F1 | direct E2E F1 | "
             "all quotes: E2E P / R / F1 | ECE |", "|---|---|---|---|---|---|---|---|---|"]
    for name, n, everything, kept, calibration in rows:
        a, d, e = kept["all"], kept["direct"], everything["all"]
        lines.append(f"| {name} | {n} | {int(a['pred'])} / {int(e['pred'])} | {a['e2e_p']:.3f} | {a['e2e_r']:.3f} | "
                     f"{a['e2e_f1']:.3f} | {d['e2e_f1']:.3f} | {e['e2e_p']:.3f} / {e['e2e_r']:.3f} / "
                     f"{e['e2e_f1']:.3f} | {calibration.ece():.3f} |")
    lines += ["", *(f"![{name}](calibration-{name}.png)" for name, *_ in rows)]
    write_section(BEGIN, END, lines)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
