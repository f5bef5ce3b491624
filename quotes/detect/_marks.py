"""The quote-mark layer: quoted stretches from the text alone, no annotation.

:func:`quoted_spans` pairs quote marks per paragraph, tells apostrophes from
single quotes, continues a quote into the next paragraph when that paragraph
opens with a quote mark, and ends an unclosed quote at its paragraph's end
(before a trailing ", he said."). :func:`plain_marks` normalises doubled
apostrophes and invisible characters first, keeping every offset.

Limits: nested quotes are not reported separately; single quote marks open a
quote only at a word start and only outside double quotes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from quotes.types import Article, Span

DOUBLE_OPEN = "“„«‟"


DOUBLE_CLOSE = "”»"


SINGLE_OPEN = "‘‹"


SINGLE_CLOSE = "’›"


STRAIGHT = "\"'"


ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT


_OPEN_BEFORE = set(" \t\n([{—–-/" + DOUBLE_OPEN + SINGLE_OPEN)


# ", he said." / ", Mohib added on Monday." left inside a quote that never closes.
_TRAILING_FRAME = re.compile(
    r",\s+(?:he|she|they|it|we|(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)\s+"
    r"(?:said|says|added|adds|told|explained|noted|insisted|stressed|warned|argued)\b"
    r"[^\"“”«»]{0,60}?[.!?]?\s*$"
)


# a quote signed with a dash after its closing mark, maybe on the next line
_SIGNATURE = re.compile(r"[\"”’'.,!?]*\s*[-—–]+[ \t]*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,4})")


@dataclass(frozen=True)
class QuotedSpan:
    """A stretch of quoted text: one fragment per paragraph it runs over.

    ``closed`` is False when the last fragment has no closing mark.
    """

    fragments: tuple[Span, ...]
    open_mark: int
    close_mark: int | None
    paragraphs: tuple[int, ...]

    @property
    def closed(self) -> bool:
        return self.close_mark is not None

    @property
    def start(self) -> int:
        return self.fragments[0].start

    @property
    def end(self) -> int:
        return self.fragments[-1].end

    @property
    def outer_end(self) -> int:
        """End past the closing mark, or of the text where none closes."""
        return self.close_mark + 1 if self.close_mark is not None else self.end


def is_quote_mark(token_text: str) -> bool:
    """Is this token a quote mark (``''`` included, as tokenizers keep it whole)?"""
    return token_text == "''" or (len(token_text) == 1 and token_text in ALL_MARKS)


# zero-width and direction-format characters, read as spaces beside quote marks
_INVISIBLE = {c: " " for c in [*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2065), 0xFEFF]}


def plain_marks(text: str) -> str:
    """``text`` with doubled apostrophes used as quote marks (``''Yes,'' he
    said``, the New York Times archive style) turned into ``"``, padded with a
    space on the outside, and invisible format characters (byte-order marks,
    zero-width spaces, direction marks pasted from social media) made spaces,
    so that every offset stays the same.

    Examples
    --------
    >>> plain_marks("''It's over,'' he said. ''We 'won,''' she said.")
    ' "It\\'s over,"  he said.  "We \\'won,\\'"  she said.'
    >>> plain_marks("\\u202a“Thanks!” wrote Ana.")
    ' “Thanks!” wrote Ana.'
    """
    text = text.translate(_INVISIBLE)
    if "''" not in text:
        return text
    out = list(text)
    for m in re.finditer(r"'{2,3}", text):
        a, b = m.start(), m.end()
        before = text[a - 1] if a else " "
        after = text[b] if b < len(text) else " "
        if before in _OPEN_BEFORE and not after.isspace():  # opening; of ''', the first two
            out[a:a + 2] = ' "'
        elif not before.isspace():  # closing; of ''', the last two
            out[b - 2:b] = '" '
    return "".join(out)


def _role(text: str, i: int) -> str:
    """Classify the mark at ``text[i]``: open, close, either, or apostrophe."""
    c = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if c in DOUBLE_OPEN:
        # after a word and before a space or a comma it closes: a typo ('fascist?“ he
        # asked') or German style („Ja“, sagte er)
        closes = before not in _OPEN_BEFORE and (after.isspace() or after in ",.;:!?")
        return "close" if closes else "open"
    if c in DOUBLE_CLOSE:
        # before a word and after no word it opens: a typo ('”Sorry Sarah,” posted ...')
        # or Swedish style (”Ja”, sa hon)
        opens = after.isalnum() and not before.isalnum() and before not in ".,;:!?)]" + ALL_MARKS
        return "open" if opens else "close"
    if c == '"':
        if before in _OPEN_BEFORE and not after.isspace():
            return "open"
        if not before.isspace() and (after.isspace() or not after.isalnum()):
            return "close"
        return "either"
    # single marks: apostrophes inside words (don't), after words (insurgents'),
    # before digits ('90s)
    if before.isalnum() and (after.isalnum() or after.isspace() or after in ".,;:!?"):
        return "apostrophe" if c != "‹" else "open"
    if after.isdigit():
        return "apostrophe"
    if c in SINGLE_OPEN or (c == "'" and before in _OPEN_BEFORE and after.isalpha()):
        return "open"
    if c in SINGLE_CLOSE or c == "'":
        return "close" if not before.isspace() else "apostrophe"
    return "apostrophe"


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace and a trailing comma or semicolon from a content range."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return start, end


def _scan_paragraph(text: str, para: Span) -> Iterator[tuple[int, int | None]]:
    """Yield ``(open mark, close mark or None)`` pairs in one paragraph."""
    open_double: int | None = None
    open_single: int | None = None
    for i in range(para.start, para.end):
        c = text[i]
        if c not in ALL_MARKS:
            continue
        role = _role(text, i)
        if c in DOUBLE_OPEN + DOUBLE_CLOSE + '"':
            if open_double is None:
                if role != "close":  # a stray closing mark opens nothing
                    open_double, open_single = i, None
            elif role in ("close", "either"):
                yield open_double, i
                open_double = None
            else:  # a new opening mark: the previous quote never closed
                yield open_double, None
                open_double = i
        elif open_double is None:
            # with a single quote open, a word-final ’ closes it rather than
            # marking a possessive
            after = text[i + 1] if i + 1 < para.end else " "
            if open_single is not None and (role == "close" or (
                    role == "apostrophe" and c in "’'" and not after.isalnum() and text[i - 1].isalnum())):
                yield open_single, i
                open_single = None
            elif open_single is None and role == "open":
                open_single = i
    if open_double is not None:
        yield open_double, None


def fragment_spans(quoted: list[QuotedSpan]) -> list[tuple[int, int]]:
    """The character spans of the quoted fragments (as the annotator and the tagger take them)."""
    return [(f.start, f.end) for q in quoted for f in q.fragments]


def quoted_spans(article: Article) -> list[QuotedSpan]:
    """Find the quoted stretches of an article's kept paragraphs.

    Examples
    --------
    >>> from quotes.ingest import make_article
    >>> a = make_article("x", '“We will win,” he said. The insurgents’ gains don’t last.\\n'
    ...                       '“First part\\n“Second part,” she said.')
    >>> [[f.text for f in q.fragments] for q in quoted_spans(a)]
    [['We will win'], ['First part', 'Second part']]
    """
    text = article.text
    marks = plain_marks(text)
    raw: list[tuple[int, int, int | None]] = []  # paragraph index, open, close
    for p_index, para in enumerate(article.paragraphs):
        if para.skip is None:
            raw.extend((p_index, o, c) for o, c in _scan_paragraph(marks, para.span))

    kept = [i for i, p in enumerate(article.paragraphs) if p.skip is None]
    next_kept = dict(pairwise(kept))
    out: list[QuotedSpan] = []
    pending: list[tuple[int, int, int | None]] = []  # fragments of a multi-paragraph quote
    for k, (p_index, open_mark, close) in enumerate(raw):
        pending.append((p_index, open_mark, close))
        nxt = raw[k + 1] if k + 1 < len(raw) else None
        para_start = None if nxt is None else article.paragraphs[nxt[0]].span.start
        # plain_marks pads a doubled-apostrophe mark, so the paragraph may
        # open with a space before it
        continues = (close is None and nxt is not None and nxt[0] == next_kept.get(p_index)
                     and not marks[para_start:nxt[1]].strip())
        if not continues:
            out.append(_build(text, article, pending))
            pending = []
    return [q for q in out if q.fragments]


def _build(text: str, article: Article, parts: list[tuple[int, int, int | None]]) -> QuotedSpan:
    frags = []
    for n, (p_index, open_mark, close) in enumerate(parts):
        para = article.paragraphs[p_index].span
        end = close if close is not None else para.end
        if close is None and n == len(parts) - 1:
            frame = _TRAILING_FRAME.search(text, open_mark + 1, para.end)
            if frame:
                end = frame.start()
        start, end = _strip(text, open_mark + 1, end)
        if end > start:
            frags.append(Span.of(text, start, end))
    return QuotedSpan(tuple(frags), parts[0][1], parts[-1][2], tuple(p for p, _, _ in parts))


def signature(text: str, end: int) -> re.Match[str] | None:
    """The dash and name that sign the quote ending at ``end`` ('"..."
    -Michelle Marks, Philadelphia.'), the name as group 1; None if unsigned."""
    return _SIGNATURE.match(text, end)
