"""The per-article context every rule reads: the text, its annotation and
its quoted stretches, with the lookups over them the rules repeat."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property

from quotes.detect._marks import QuotedSpan, plain_marks
from quotes.index import SpanIndex
from quotes.types import Article, Doc


@dataclass
class _Context:
    """Per-article lookups shared by the detection rules."""

    article: Article
    doc: Doc
    quoted: list[QuotedSpan]
    # Quotes that end a statement: all of them while telling direct quotes
    # apart, then only the direct ones, so reported clauses run over
    # embedded quoted words (set with :meth:`set_boundaries`).
    boundaries: list[QuotedSpan] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.set_boundaries(self.boundaries)

    def set_boundaries(self, quoted: list[QuotedSpan]) -> None:
        self.boundaries = quoted
        self._boundary_opens = sorted(q.open_mark for q in quoted)
        self._boundary_closes = sorted(q.close_mark for q in quoted if q.close_mark is not None)

    @cached_property
    def marks(self) -> str:
        """The text as :func:`plain_marks` gives it, for rules that read quote marks."""
        return plain_marks(self.article.text)

    @cached_property
    def _quote_stretches(self) -> SpanIndex:
        return SpanIndex((q.open_mark, q.close_mark if q.closed else q.end) for q in self.quoted)

    @cached_property
    def _by_open_mark(self) -> tuple[list[int], list[QuotedSpan]]:
        ordered = sorted(self.quoted, key=lambda q: q.open_mark)
        return [q.open_mark for q in ordered], ordered

    @cached_property
    def _mark_positions(self) -> list[int]:
        return sorted(m for q in self.quoted for m in (q.open_mark, q.close_mark) if m is not None)

    @cached_property
    def _by_start(self) -> dict[int, QuotedSpan]:
        first: dict[int, QuotedSpan] = {}
        for q in self.quoted:
            first.setdefault(q.start, q)
        return first

    def quote_starting(self, start: int) -> QuotedSpan | None:
        """The (first) quoted stretch whose words start at ``start``."""
        return self._by_start.get(start)

    def marks_between(self, start: int, end: int) -> bool:
        """Does a quote open or close in ``[start, end)``?"""
        k = bisect_left(self._mark_positions, start)
        return k < len(self._mark_positions) and self._mark_positions[k] < end

    def inside_quote(self, pos: int) -> bool:
        """Is ``pos`` between a quote's opening mark and its closing mark (or its end, if unclosed)?"""
        return self._quote_stretches.covers(pos)

    def quotes_opening(self, start: int, end: int) -> list[QuotedSpan]:
        """The quoted stretches whose opening mark lies in ``[start, end)``, in text order."""
        marks, ordered = self._by_open_mark
        return ordered[bisect_left(marks, start):bisect_left(marks, end)]

    def last_boundary_close(self, start: int, end: int) -> int | None:
        """The last closing mark of a boundary quote in ``[start, end)``."""
        k = bisect_left(self._boundary_closes, end)
        return self._boundary_closes[k - 1] if k and self._boundary_closes[k - 1] >= start else None

    def first_boundary_open(self, start: int, end: int) -> int | None:
        """The first opening mark of a boundary quote in ``[start, end)``."""
        k = bisect_left(self._boundary_opens, start)
        return self._boundary_opens[k] if k < len(self._boundary_opens) and self._boundary_opens[k] < end else None
