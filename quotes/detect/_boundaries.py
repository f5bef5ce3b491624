"""Where a statement starts and ends: sentence ends outside quotes (not the
period of "Sen." or "U.S."), paragraph edges and the quotes that bound it."""

from __future__ import annotations

import re

from quotes.detect._context import _Context
from quotes.detect._marks import ALL_MARKS
from quotes.lexicon import is_abbreviation
from quotes.types import Span


def _boundary_before(ctx: _Context, pos: int, para: Span) -> int:
    """Start of the statement holding ``pos``: paragraph start, a previous
    boundary quote's end or the last sentence end outside quotes; inside a
    bracket the writer opened ("(…, according to Senate filings)"), the bracket."""
    start = _sentence_start(ctx, pos, para)
    bracket = ctx.marks.rfind("(", start, pos)
    return bracket + 1 if bracket >= 0 and ")" not in ctx.marks[bracket:pos] else start


def _sentence_start(ctx: _Context, pos: int, para: Span) -> int:
    text = ctx.marks
    close = ctx.last_boundary_close(para.start, pos)
    base = para.start if close is None else close + 1
    # the last sentence end before pos, looked for in ever wider windows back from it (a
    # match starts on its [.!?], which no earlier match can take, so a window's matches
    # are the whole stretch's): a long paragraph is not read again for every report in it
    width = 400
    while True:
        lo = max(base, pos - width)
        for m in reversed(list(re.finditer(r"[.!?][\"”’»)]?\s+", text[lo:pos]))):
            # a period inside a quote ends a sentence only where the quote closes too ("... campaign.''")
            if not ctx.inside_quote(lo + m.end() - 1) and not _abbreviation(text, lo + m.start()):
                return lo + m.end()
        if lo == base:
            return base
        width *= 4


def _boundary_after(ctx: _Context, pos: int, para: Span) -> int:
    """End of the statement holding ``pos`` (exclusive)."""
    text = ctx.marks
    opening = ctx.first_boundary_open(pos, para.end)
    end = para.end if opening is None else opening
    for m in re.finditer(r"[.!?](?=[\"”’»)]?(\s|$))", text[pos:end]):
        if not _abbreviation(text, pos + m.start()):
            return pos + m.start() + 1
    return end


def _abbreviation(text: str, dot: int) -> bool:
    """Does the period at ``dot`` end an initial, a title or an abbreviation
    going on in lower case ("Michael C. Cernech", "Sen. Reed", "U.S. and
    European rates") rather than a sentence?"""
    if text[dot] != ".":
        return False
    # a short parenthesis ends on it: "Rep. Earl Blumenauer (D-Ore.) said"
    if text[dot + 1:dot + 2] == ")" and re.search(r"\([^()\s]{1,12}$", text[max(0, dot - 13):dot]):
        return True
    word = re.search(r"[\w.]*$", text[max(0, dot - 12):dot])
    # past an opening mark: 'the U.S. "clearly" needed'
    return is_abbreviation(word.group() if word else "", text[dot + 1:dot + 5].lstrip().lstrip(ALL_MARKS))


def _sentence_ends(ctx: _Context, start: int, end: int) -> list[int]:
    """Offsets just past each sentence end (". ", "! ", "? ") between ``start``
    and ``end``; the periods of abbreviations ("Sen. Reed") end none."""
    return [start + m.end() for m in re.finditer(r"[.!?]\s", ctx.marks[start:end])
            if not _abbreviation(ctx.marks, start + m.start())]
