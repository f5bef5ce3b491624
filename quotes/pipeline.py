"""The pipeline: ingest -> annotate -> detect -> attribute -> resolve.

:func:`analyze` is the public entry point; :func:`analyze_article` runs the
stages after annotation on one article, and :func:`extract_quotes` the
annotation-free stages on an already annotated article.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from quotes.annotate import Annotator, StanzaAnnotator
from quotes.attribute import attribute
from quotes.claims import Claim, build_claims
from quotes.detect import detect
from quotes.ingest import Problem, read_corpus
from quotes.models import ModelSet
from quotes.resolve import CorpusEntities, resolve
from quotes.types import Article, Doc, Quote

BATCH = 16  # articles per annotation call: enough for Stanza to batch sentences


@dataclass
class Analysis:
    """Everything a run found: articles, their quotes, and the problems met."""

    articles: list[Article] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    annotator: str = ""

    def __rich__(self) -> object:
        from quotes.report import render

        return render(self)

    def quotes_of(self, doc_id: str) -> list[Quote]:
        return [q for q in self.quotes if q.doc == doc_id]

    @cached_property
    def entities(self) -> CorpusEntities:
        """Speakers and organisations merged across articles."""
        return CorpusEntities(self.quotes)

    @cached_property
    def claims(self) -> list[Claim]:
        """Quotes grouped into claims, one per statement across articles."""
        return build_claims(self.quotes, self.articles, self.entities)


def extract_quotes(article: Article, doc: Doc) -> list[Quote]:
    """Detect, attribute and resolve the quotes of one annotated article."""
    quotes = detect(article, doc)
    attribute(article, doc, quotes)
    resolve(article, doc, quotes)
    return quotes


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


def analyze(
    paths: Iterable[str | Path] | str | Path,
    models: str | Path | ModelSet = "auto",
    annotator: Annotator | None = None,
    progress: Callable[[int], None] | None = None,
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
        Called with the number of articles finished after each batch.

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
    result = Analysis(annotator=backend.name)
    for articles, problems in _batches(read_corpus(paths), BATCH):
        result.problems.extend(problems)
        docs = backend.annotate(articles) if articles else []
        for article, doc in zip(articles, docs, strict=True):
            result.articles.append(article)
            result.quotes.extend(extract_quotes(article, doc))
        if progress is not None:
            progress(len(articles))
    return result
