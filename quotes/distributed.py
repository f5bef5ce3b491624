"""Run the analyzer on a Dask cluster and keep the results as Parquet.

:func:`analyze_dask` spreads the input files over partitions of a Dask bag;
each task reads its files, annotates them with one pipeline per worker
process, extracts the quotes with the same per-article function as a local
run (:func:`quotes.pipeline.extract_quotes`), and writes its own Parquet
files, so results stream to disk. :func:`load_parquet` reads such a folder
back as an :class:`~quotes.analysis.Analysis`, for ``quotes report`` and
``quotes graph``.

Layout of the output folder::

    OUT/articles/part-<hash>.parquet   one row per article (text included)
    OUT/quotes/part-<hash>.parquet     one row per quote (store.QUOTE_COLUMNS)
    OUT/problems/part-<hash>.parquet   files that could not be read

Limits: the input files must be readable from every worker (a shared file
system); a partition that fails is re-run whole by Dask.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from quotes.analysis import Analysis
from quotes.annotate import Annotator, StanzaAnnotator
from quotes.ingest import Problem, iter_files, read_file
from quotes.pipeline import quotes_or_problem
from quotes.span_model import ReportTagger, run_name
from quotes.store import (
    article_from_row,
    article_row,
    problem_from_row,
    problem_row,
    quote_from_row,
    quote_row,
)
from quotes.types import Article

TABLES = ("articles", "quotes", "problems")
_annotators: dict[str, Annotator] = {}  # one per worker process, built on first use


def _worker_annotator(annotator: Annotator) -> Annotator:
    # every task gets its own unpickled copy; keep the first, whose Stanza
    # pipeline is then loaded once per worker process
    key = annotator.name
    if key not in _annotators:
        _annotators[key] = annotator
    return _annotators[key]


def _write(rows: list[dict[str, Any]], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows), path)


def analyze_partition(files: list[str], out: str, annotator: Annotator,
                      tagger: ReportTagger | None = None) -> list[int]:
    """Analyze some files and write their rows; return [articles, quotes, problems] counts."""
    backend = _worker_annotator(annotator)
    articles: list[Article] = []
    problems: list[Problem] = []
    for f in files:
        for item in read_file(Path(f)):
            (problems if isinstance(item, Problem) else articles).append(item)  # type: ignore[arg-type]
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for article, doc in zip(articles, backend.annotate(articles) if articles else [], strict=True):
        found = quotes_or_problem(article, doc, tagger)
        if isinstance(found, Problem):
            problems.append(found)
            continue
        rows["articles"].append(article_row(article, run_name(backend.name, tagger)))
        rows["quotes"] += [quote_row(n, q) for n, q in enumerate(found)]
    rows["problems"] = [problem_row(p) for p in problems]
    part = hashlib.sha1("\n".join(files).encode()).hexdigest()[:16]
    for table, table_rows in rows.items():
        if table_rows:
            _write(table_rows, Path(out) / table / f"part-{part}.parquet")
    return [len(rows[t]) for t in TABLES]


def analyze_dask(
    paths: list[str | Path],
    out: str | Path,
    models: str = "auto",
    annotator: Annotator | None = None,
    scheduler: str | None = None,
    files_per_task: int = 8,
    workers: int = 2,
    tagger: ReportTagger | None = None,
) -> dict[str, int]:
    """Analyze ``paths`` on a Dask cluster, writing Parquet under ``out``.

    ``scheduler`` is a cluster address (``tcp://host:8786``); without one, a
    ``LocalCluster`` of ``workers`` single-threaded processes is started.
    Returns the number of articles, quotes and problems written.
    """
    import dask.bag as db
    from distributed import Client, LocalCluster

    backend = annotator or StanzaAnnotator(models)
    out = Path(out)
    files: list[str] = []
    problems: list[Problem] = []
    for item in iter_files(paths):
        if isinstance(item, Problem):
            problems.append(item)
        else:
            files.append(str(item.resolve()))
    if problems:
        _write([problem_row(p) for p in problems], out / "problems" / "part-inputs.parquet")
    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                  dashboard_address=None)
    with Client(scheduler or cluster) as client:
        bag = db.from_sequence(files, partition_size=files_per_task)
        counts = bag.map_partitions(lambda part: [analyze_partition(list(part), str(out), backend, tagger)]).compute()
        del client
    if cluster is not None:
        cluster.close()
    totals = [sum(c[i] for c in counts) for i in range(len(TABLES))]
    totals[2] += len(problems)
    return dict(zip(TABLES, totals, strict=True))


def load_parquet(folder: str | Path) -> Analysis:
    """Read a folder written by :func:`analyze_dask` as an Analysis (articles in path order)."""
    import pyarrow.parquet as pq

    folder = Path(folder)

    def rows(table: str) -> list[dict[str, Any]]:
        parts = sorted((folder / table).glob("*.parquet"))
        return [r for p in parts for r in pq.read_table(p).to_pylist()]

    article_rows = sorted(rows("articles"), key=lambda r: (r["source"], r["id"]))
    result = Analysis(annotator=", ".join(sorted({r["annotator"] for r in article_rows})))
    result.articles = [article_from_row(r) for r in article_rows]
    order = {a.id: i for i, a in enumerate(result.articles)}
    quotes = sorted(rows("quotes"), key=lambda r: (order[r["doc"]], r["n"]))
    # folders written before quotes recorded their reader or rules
    result.quotes = [quote_from_row({"reader": "unrecorded", "confidence": None, "rule": "[]", **r}) for r in quotes]
    result.problems = [problem_from_row(r) for r in rows("problems")]
    return result
