"""The pipeline: ingest -> annotate -> detect -> attribute -> resolve.

:func:`analyze` is the public entry point; :func:`analyze_article` runs the
stages after annotation on one article, and :func:`extract_quotes` the
annotation-free stages on an already annotated article.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from pathlib import Path

from quotes.analysis import Analysis
from quotes.annotate import Annotator, StanzaAnnotator
from quotes.attribute import attribute
from quotes.budget import OverBudget, time_budget
from quotes.confidence import ConfidenceModel
from quotes.cue_model import CueSelector
from quotes.detect import detect
from quotes.ingest import Problem, read_corpus
from quotes.models import ModelSet
from quotes.resolve import resolve
from quotes.span_model import ReportTagger, run_name
from quotes.store import Store
from quotes.types import Article, Doc, Quote

ARTICLE_BUDGET = 300.0  # seconds of detection, attribution and resolution for one article
BATCH = 16  # articles per annotation call: enough for Stanza to batch sentences
WORKER_BATCH = 4  # smaller batches keep every worker busy and the progress bar moving
MIN_BATCHES_PER_WORKER = 4  # fewer, and one process annotates faster than starting a pool


def extract_quotes(article: Article, doc: Doc, cues: CueSelector | None = None,
                   tagger: ReportTagger | None = None, confidence: ConfidenceModel | None = None) -> list[Quote]:
    """Detect, attribute and resolve the quotes of one annotated article, each
    with its confidence (``cues``, ``tagger``: see :func:`quotes.detect.detect`;
    ``confidence``: default the bundled :class:`~quotes.confidence.ConfidenceModel`)."""
    quotes = detect(article, doc, cues, tagger)
    attribute(article, doc, quotes)
    resolve(article, doc, quotes)
    return (confidence or ConfidenceModel.load()).score(quotes, article, doc)


def quotes_or_problem(article: Article, doc: Doc, tagger: ReportTagger | None = None,
                      budget: float | None = ARTICLE_BUDGET) -> list[Quote] | Problem:
    """:func:`extract_quotes` within a time budget in seconds (``None``: none); an
    article that runs over it, or whose analysis raises, is a
    :class:`~quotes.ingest.Problem`, so one pathological input (or a fault
    of ours that it triggers) cannot stop a corpus run."""
    where = article.source or Path(article.id)
    try:
        with time_budget(budget):
            return extract_quotes(article, doc, tagger=tagger)
    except OverBudget as e:
        return Problem(where, f"article {article.id!r} skipped: its analysis ran {e} "
                              "(raise --article-budget to finish it)")
    except Exception as e:  # a fault of ours in one article must not cost the rest of the corpus
        return Problem(where, f"article {article.id!r} skipped: its analysis failed ({type(e).__name__}: {e}); "
                              "please report this with the article")


def _batches(items: Iterable[Article | Problem], size: int) -> Iterator[tuple[list[Article], list[Problem]]]:
    articles: list[Article] = []
    problems: list[Problem] = []
    for item in items:
        if isinstance(item, Problem):
            problems.append(item)
        else:
            articles.append(item)
        if len(articles) >= size:
            yield articles, problems
            articles, problems = [], []
    if articles or problems:
        yield articles, problems


_worker_annotator: Annotator | None = None


def _exit_with(parent: int) -> None:
    """End this worker once its parent is gone (killed, out of memory): an orphan
    would hold its Stanza models (~600 MB) until someone kills it."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _init_worker(annotator: Annotator, threads: int, parent: int) -> None:
    global _worker_annotator
    import torch

    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    torch.set_num_threads(threads)
    _worker_annotator = annotator


def _annotate_in_worker(articles: list[Article]) -> list[Doc]:
    assert _worker_annotator is not None
    return _worker_annotator.annotate(articles)


def _annotated(batches: Iterable[list[Article]], annotator: Annotator, workers: int) -> Iterator[list[Doc]]:
    """Annotate batches in order, in ``workers`` processes with a few batches in flight.

    A corpus of fewer than four batches per worker is annotated in this process:
    starting a Stanza pipeline per worker costs more than it saves there
    (benchmarks/throughput.py: 10 articles ran faster on one process, 100 on two).
    Empty batches (articles found in the store) go to no worker, and the pool
    starts at the first batch with work, so a cached re-run starts none.
    """
    batches = iter(batches)
    head = list(islice(batches, MIN_BATCHES_PER_WORKER * workers)) if workers > 1 else []
    if workers <= 1 or len(head) < MIN_BATCHES_PER_WORKER * workers:
        for batch in chain(head, batches):
            yield annotator.annotate(batch) if batch else []
        return
    import multiprocessing
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor
    from contextlib import ExitStack

    threads = max(1, (os.cpu_count() or 1) // workers)
    with ExitStack() as stack:
        pool: ProcessPoolExecutor | None = None
        pending: deque[Future[list[Doc]] | None] = deque()  # None: an empty batch
        for batch in chain(head, batches):
            if not batch:
                pending.append(None)
            else:
                if pool is None:
                    import torch

                    # the workers have the cores: this process only detects, and a second
                    # torch thread for the report tagger would spin against them
                    stack.callback(torch.set_num_threads, torch.get_num_threads())
                    torch.set_num_threads(1)
                    ctx = multiprocessing.get_context("spawn")  # torch and fork do not mix
                    pool = stack.enter_context(ProcessPoolExecutor(
                        workers, mp_context=ctx, initializer=_init_worker, initargs=(annotator, threads, os.getpid())))
                pending.append(pool.submit(_annotate_in_worker, batch))
            while pending and (pending[0] is None or len(pending) >= 2 * workers):
                done = pending.popleft()
                yield done.result() if done else []
        for done in pending:
            yield done.result() if done else []


def analyze(
    paths: Iterable[str | Path] | str | Path,
    models: str | Path | ModelSet = "auto",
    annotator: Annotator | None = None,
    progress: Callable[[int], None] | None = None,
    db: str | Path | None = None,
    workers: int = 1,
    tagger: ReportTagger | None = None,
    article_budget: float | None = ARTICLE_BUDGET,
    min_confidence: float | None = None,
) -> Analysis:
    """Find who said what in the articles under ``paths``.

    Parameters
    ----------
    paths : path or iterable of paths
        Files (``.txt``, ``.html``, ``.jsonl``) or directories.
    models : {"auto", "compact", "official"} or path, optional
        The Stanza model set; ignored when ``annotator`` is given.
    annotator : Annotator, optional
        An annotation backend, e.g. :class:`quotes.annotate.SimpleAnnotator`.
    progress : callable, optional
        Called with the number of inputs finished after each batch: articles,
        and inputs that could not be read (as :func:`quotes.ingest.count_inputs`
        counts them).
    db : path, optional
        A SQLite store (:mod:`quotes.store`): articles already in it are
        skipped, cached annotations reused, and each article is saved as it
        is done, so an interrupted run resumes. The result is then the whole
        store's content.
    workers : int, optional
        Annotation processes, each with its own Stanza pipeline.
    tagger : ReportTagger, optional
        Reads the reports no rule reads (default: the bundled
        :class:`quotes.span_model.SpanTagger`); :class:`quotes.span_model.NoTagger`
        keeps to the rules, fewer reports at higher precision.
    article_budget : float or None, optional
        Seconds that detection, attribution and resolution may take on one
        article (Stanza's annotation not included); an article that takes
        longer is reported as a problem and left out. ``None``: no limit.
    min_confidence : float, optional
        Keep the quotes whose confidence reaches this (default: the
        confidence model's threshold, chosen for precision; 0: every quote).
        The store keeps every quote whatever the threshold.

    Returns
    -------
    Analysis

    Examples
    --------
    >>> from quotes.annotate import SimpleAnnotator
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = f.write_text('“We will stay,” Smith said.')
    >>> [q.content.text for q in analyze(f, annotator=SimpleAnnotator()).quotes]
    ['We will stay']
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    backend = annotator or StanzaAnnotator(models)
    store = Store(db) if db is not None else None
    if store is not None:
        store.scored_by(ConfidenceModel.load().digest)
    name = run_name(backend.name, tagger)  # the store redoes what another tagger found, from cached annotation
    result = Analysis(annotator=name)
    batch_size = BATCH if workers <= 1 else WORKER_BATCH
    queue: list[tuple[list[Article], list[Doc | None]]] = []

    def todo() -> Iterator[list[Article]]:
        for articles, problems in _batches(read_corpus(paths), batch_size):
            result.problems.extend(problems)
            unread = sum(p.fatal for p in problems)
            if progress is not None and unread:
                progress(unread)  # an input that yields no article is done too
            if store is not None:
                for p in problems:
                    store.add_problem(p)
                fresh = [a for a in articles if not store.done(a, name)]
                if progress is not None and len(fresh) < len(articles):
                    progress(len(articles) - len(fresh))
                cached = [store.cached(a.text, backend.name) for a in fresh]
            else:
                fresh, cached = articles, [None] * len(articles)
            queue.append((fresh, cached))
            yield [a for a, c in zip(fresh, cached, strict=True) if c is None]

    try:
        for docs in _annotated(todo(), backend, workers):
            articles, cached = queue.pop(0)
            fresh_docs = iter(docs)
            for article, doc in zip(articles, cached, strict=True):
                doc = doc if doc is not None else next(fresh_docs)
                found = quotes_or_problem(article, doc, tagger, article_budget)
                if isinstance(found, Problem):  # not saved: a resume tries it again
                    result.problems.append(found)
                    if store is not None:
                        store.add_problem(found)
                elif store is not None:
                    store.save(article, doc, found, backend.name, run=name)
                else:
                    result.articles.append(article)
                    result.quotes.extend(found)
            if progress is not None:
                progress(len(articles))
        if store is not None:
            problems = result.problems
            result = store.load()
            result.problems = problems
            store.write_derived(result)
    finally:
        if store is not None:
            store.close()
    return result.above(min_confidence)
