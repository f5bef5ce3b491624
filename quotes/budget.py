"""A time budget for the analysis of one article.

A corpus run must not stall on one pathological input (a 5 MB dump full of
quote marks, say). :func:`time_budget` sets a deadline for the code it
wraps; the loops of detection, attribution and the report tagger call
:func:`check`, which raises :class:`OverBudget` once the deadline has passed,
and the pipeline reports the article as a problem and goes on with the next.
The deadline lives in a context variable, so threads (Dask workers) each keep
their own and no signature down the call chain carries it.

Limits: the check runs between units of work (a sentence, a quote, a batch of
the tagger), so one unit is never interrupted; annotation by Stanza has no
budget of its own.

Examples
--------
>>> with time_budget(None):
...     check()  # no deadline: never raises
>>> with time_budget(0.0):
...     try:
...         check()
...     except OverBudget as e:
...         print(e)
over its time budget of 0 s
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from time import monotonic

_deadline: ContextVar[tuple[float, float] | None] = ContextVar("quotes_deadline", default=None)


class OverBudget(Exception):
    """The work ran past its time budget."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Let :func:`check` raise :class:`OverBudget` once ``seconds`` have passed (``None``: no budget)."""
    token = _deadline.set(None if seconds is None else (monotonic() + seconds, seconds))
    try:
        yield
    finally:
        _deadline.reset(token)


def check() -> None:
    """Raise :class:`OverBudget` if the current budget is spent."""
    deadline = _deadline.get()
    if deadline is not None and monotonic() >= deadline[0]:
        raise OverBudget(f"over its time budget of {deadline[1]:g} s")
