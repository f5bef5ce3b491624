"""Position lookups that keep detection linear in article size.

Detection asks many small questions of one article ("is this word inside a
quote?", "which sentence holds this offset?", "does this report overlap one
already found?"). Answered by scanning every quote or sentence, each question
costs time in proportion to the article, and the article's questions together
cost its square: a 400 KB article took minutes. These indexes answer them by
binary search over spans sorted once.

Examples
--------
>>> spans = SpanIndex([(10, 20), (30, 40), (12, 50)])
>>> spans.covers(45), spans.covers(5)
(True, False)
>>> spans.overlaps(0, 11), spans.overlaps(0, 10)
(True, False)
>>> spans.contains(31, 39), spans.contains(15, 51)
(True, False)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate


class SpanIndex:
    """Half-open ``(start, end)`` spans, for "is any of them at/over/around this?".

    Each question is a binary search over the spans' starts and a look at the
    farthest end reached by the spans starting before a point, so spans may
    nest and overlap.
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(accumulate((e for _, e in ordered), max))  # farthest end of the first k+1 spans

    def _reach_before(self, k: int) -> int:
        """Farthest end among the first ``k`` spans (by start)."""
        return self.reach[k - 1] if k > 0 else -1

    def covers(self, pos: int) -> bool:
        """Does a span hold ``pos`` (``start <= pos < end``)?"""
        return self._reach_before(bisect_right(self.starts, pos)) > pos

    def overlaps(self, start: int, end: int) -> bool:
        """Does a span share a character with ``[start, end)``?"""
        return self._reach_before(bisect_left(self.starts, end)) > start

    def contains(self, start: int, end: int) -> bool:
        """Does one span hold all of ``[start, end)``?"""
        return self._reach_before(bisect_right(self.starts, start)) >= end
