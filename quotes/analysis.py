"""The result of a run: articles, their quotes, and the problems met.

:func:`quotes.analyze`, :meth:`quotes.store.Store.load` and
:func:`quotes.distributed.load_parquet` return an :class:`Analysis`; the
report, HTML, graph and export modules read one. This module imports none of
them at load time (its display hooks and :meth:`Analysis.records` import the
report or the export when called), so imports run one way: pipeline and
store → analysis → the stages' data.

Examples
--------
>>> from quotes.types import Quote, Span
>>> a = Analysis(quotes=[Quote("d1", "direct", Span(0, 5, "Hello"), confidence=0.2)])
>>> len(a.above(0.5).quotes), len(a.above(0.5).held)
(0, 1)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from quotes.claims import Claim, build_claims
from quotes.confidence import ConfidenceModel
from quotes.entities import CorpusEntities
from quotes.ingest import Problem
from quotes.types import Article, Quote


@dataclass
class Analysis:
    """Everything a run found: articles, their quotes, and the problems met."""

    articles: list[Article] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    annotator: str = ""
    held: list[Quote] = field(default_factory=list)  # quotes below min_confidence, left out of quotes
    min_confidence: float = 0.0

    def above(self, min_confidence: float | None = None) -> Analysis:
        """The analysis with the quotes whose confidence reaches ``min_confidence``
        (``None``: the confidence model's default threshold; 0: every quote).
        Quotes read back without a confidence (from stores written before it) stay."""
        threshold = ConfidenceModel.load().threshold if min_confidence is None else min_confidence
        everything = self.quotes + self.held  # lowering the threshold brings held-back quotes back
        kept = [q for q in everything if q.confidence is None or q.confidence >= threshold]
        held = [q for q in everything if q.confidence is not None and q.confidence < threshold]
        return Analysis(self.articles, kept, self.problems, self.annotator, held, threshold)

    def __rich__(self) -> object:
        from quotes.report import render

        return render(self)

    def _repr_html_(self) -> str:
        """The report as HTML tables, for Jupyter."""
        from quotes.report import build

        return build(self)._repr_html_()

    def quotes_of(self, doc_id: str) -> list[Quote]:
        return [q for q in self.quotes if q.doc == doc_id]

    def records(self) -> list[dict[str, object]]:
        """One flat dict per quote (the CSV columns), e.g. for ``pandas.DataFrame``."""
        from quotes.export import csv_row

        return [csv_row(q) for q in self.quotes]

    @cached_property
    def entities(self) -> CorpusEntities:
        """Speakers and organisations merged across articles."""
        return CorpusEntities(self.quotes)

    @cached_property
    def claims(self) -> list[Claim]:
        """Quotes grouped into claims, one per statement across articles."""
        return build_claims(self.quotes, self.articles, self.entities)
