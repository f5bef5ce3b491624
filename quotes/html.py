"""The report as one self-contained HTML file: every article's text with its
quotes marked in place, coloured by speaker, with filters and the claims
that several articles carry, word differences marked.

The marks are placed here, in Python, from the quotes' character offsets
into ``Article.text``: offsets count code points, which JavaScript's UTF-16
strings do not. The page needs no server and loads nothing: its CSS and
script are inline, and article texts sit in collapsed ``<details>`` so a
browser lays out only the articles a reader opens.

Examples
--------
>>> [(p.kind, p.text or p.quote) for p in pieces("ab cd", [(0, 5, 1), (3, 5, 2)])]
[('open', 1), ('text', 'ab '), ('open', 2), ('text', 'cd'), ('close', 2), ('close', 1)]
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from quotes import report
from quotes.analysis import Analysis
from quotes.claims import normalize
from quotes.types import Quote

if TYPE_CHECKING:
    from quotes.claims import Claim

TOP = 10  # people and organizations in the overview's "most quoted" lists
GOLDEN_ANGLE = 137.508  # successive speakers get hues far apart


@dataclass(frozen=True)
class Piece:
    """A step in marking up a text: some text, or a quote's mark opening or closing.

    A mark that another one crosses is closed and opened again (``first`` is
    False for the later pieces), so marks always nest as HTML needs.
    """

    kind: Literal["text", "open", "close"]
    text: str = ""
    quote: int = 0
    first: bool = True


def pieces(text: str, spans: Iterable[tuple[int, int, int]]) -> list[Piece]:
    """Mark ``(start, end, number)`` spans in ``text``: nested spans nest, crossing ones are split.

    Examples
    --------
    Two quotes that cross: the first is closed where the second goes on,
    and opened again after it.

    >>> [(p.kind, p.text or p.quote, p.first) for p in pieces("abcd", [(0, 3, 1), (1, 4, 2)])]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('open', 1, True), ('text', 'a', True), ('open', 2, True), ('text', 'bc', True), ('close', 2, True),
     ('close', 1, True), ('open', 2, False), ('text', 'd', True), ('close', 2, True)]
    """
    spans = sorted((max(0, s), min(len(text), e), n) for s, e, n in spans if min(len(text), e) > max(0, s))
    opening: dict[int, list[tuple[int, int]]] = defaultdict(list)
    ends: dict[int, int] = {}
    for s, e, n in spans:
        opening[s].append((e, n))
        ends[n] = e
    for starts in opening.values():
        starts.sort(key=lambda en: (-en[0], en[1]))  # the longer span outside
    out: list[Piece] = []
    stack: list[int] = []
    pos = 0
    for b in sorted({0, len(text), *opening, *ends.values()}):
        if b > pos:
            out.append(Piece("text", text[pos:b]))
        pos = b
        ending = [i for i, n in enumerate(stack) if ends[n] == b]
        if ending:
            above = stack[ending[0]:]
            out += [Piece("close", quote=n) for n in reversed(above)]
            del stack[ending[0]:]
            for n in above:
                if ends[n] != b:
                    out.append(Piece("open", quote=n, first=False))
                    stack.append(n)
        for _, n in opening.get(b, ()):
            out.append(Piece("open", quote=n))
            stack.append(n)
    return out


@dataclass(frozen=True)
class Word:
    """A word of a claim's wording: ``op`` is "equal", "ins" (not in the first report) or "del" (only there)."""

    text: str
    op: Literal["equal", "ins", "del"] = "equal"


def word_diff(base: str, other: str) -> list[Word]:
    """``other``'s words, with the words it adds and the words of ``base`` it lacks marked.

    Words compare after :func:`quotes.claims.normalize`, so case, quote
    marks and punctuation make no difference.

    Examples
    --------
    >>> [(w.text, w.op) for w in word_diff("heavy casualties on the jihadist group",
    ...                                     "heavy casualties on the militant group")]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('heavy', 'equal'), ('casualties', 'equal'), ('on', 'equal'), ('the', 'equal'),
     ('jihadist', 'del'), ('militant', 'ins'), ('group', 'equal')]
    """
    a, b = base.split(), other.split()
    out: list[Word] = []
    matcher = SequenceMatcher(None, [normalize(w) for w in a], [normalize(w) for w in b], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out += [Word(w) for w in b[j1:j2]]
        else:
            out += [Word(w, "del") for w in a[i1:i2]] + [Word(w, "ins") for w in b[j1:j2]]
    return out


def _speaker_key(analysis: Analysis, q: Quote) -> str | None:
    if q.entity is not None:
        return analysis.entities.speaker(q)
    return "as written:" + q.speaker.text.casefold() if q.speaker else None


def context(analysis: Analysis, title: str = "Quotes report") -> dict[str, object]:
    """Everything the template shows, worked out from ``analysis``."""
    keys = [_speaker_key(analysis, q) for q in analysis.quotes]
    rank = {k: i for i, (k, _) in enumerate(Counter(k for k in keys if k).most_common())}
    names = {e.key: e.name for e in analysis.entities}
    quotes: dict[int, dict[str, object]] = {}
    by_doc: dict[str, list[int]] = defaultdict(list)
    for n, (q, key) in enumerate(zip(analysis.quotes, keys, strict=True), 1):
        e = q.entity
        org = e.name if e and e.type == "ORG" else (e.organization if e else None)
        quotes[n] = {
            "n": n, "doc": q.doc, "kind": q.kind, "text": q.said,
            "speaker": names.get(key or "", report.speaker_name(q)), "written": q.speaker.text if q.speaker else None,
            "type": e.type if e else None, "role": e.role if e else None, "organization": org,
            "cue": q.cue.text if q.cue else None, "reader": q.reader.split(":")[0], "found_by": report.found_by(q),
            "confidence": q.confidence, "hue": round(rank[key] * GOLDEN_ANGLE % 360) if key else None}
        by_doc[q.doc].append(n)
    articles = []
    for i, a in enumerate(analysis.articles):
        numbers = by_doc.get(a.id, [])
        spans = [(analysis.quotes[n - 1].content.start, analysis.quotes[n - 1].content.end, n) for n in numbers]
        speakers = Counter(str(quotes[n]["speaker"]) for n in numbers if quotes[n]["speaker"])
        hues = {str(quotes[n]["speaker"]): quotes[n]["hue"] for n in numbers}
        articles.append({"index": i, "article": a, "quotes": numbers, "pieces": pieces(a.text, spans),
                         "speakers": [(s, hues[s], c) for s, c in speakers.most_common()]})
    overview = report.Overview.of(analysis)
    people = _most_quoted([v for v in quotes.values() if v["type"] == "PERSON"])
    org_quotes: Counter[str] = Counter(str(v["organization"]) for v in quotes.values() if v["organization"])
    number = {id(q): n for n, q in enumerate(analysis.quotes, 1)}
    outlet = {a.id: a.outlet or a.id for a in analysis.articles}
    claims = [_claim(c, number, outlet, names) for c in report.shared_claims(analysis)]
    return {
        "title": title, "overview": overview, "shares": overview.shares(), "quotes": quotes, "articles": articles,
        "people": people, "organizations": org_quotes.most_common(TOP), "claims": claims,
        "organizations_table": report.organizations_table(analysis), "cell": report._cell,
        "speaker_names": sorted({str(v["speaker"]) for v in quotes.values() if v["speaker"]}, key=str.casefold),
        "organization_names": sorted(org_quotes, key=str.casefold),
        "filter_data": {n: [v["speaker"], v["organization"], v["kind"], v["reader"], v["confidence"]]
                        for n, v in quotes.items()},
        "problems": [str(p) for p in analysis.problems],
    }


def _most_quoted(quotes: list[dict[str, object]]) -> list[tuple[str, int, int, object]]:
    """(name, quotes, articles, hue) of the :data:`TOP` speakers of ``quotes``, by corpus-wide name."""
    count = Counter(str(v["speaker"]) for v in quotes)
    docs: dict[str, set[object]] = defaultdict(set)
    hue: dict[str, object] = {}
    for v in quotes:
        docs[str(v["speaker"])].add(v["doc"])
        hue[str(v["speaker"])] = v["hue"]
    return [(name, n, len(docs[name]), hue[name]) for name, n in count.most_common(TOP)]


def _claim(claim: Claim, number: dict[int, int], outlet: dict[str, str], names: dict[str, str]) -> dict[str, object]:
    """A claim with each report's number (its mark's id), outlet and words, differences marked."""
    base = claim.reports[0].said
    reports = [{"n": number[id(q)], "doc": q.doc, "outlet": outlet.get(q.doc, q.doc),
                "words": word_diff(base, q.said) if i else [Word(w) for w in base.split()]}
               for i, q in enumerate(claim.reports)]
    return {"claim": claim, "speaker": names.get(claim.speaker or "", "?"), "reports": reports}


def render_html(analysis: Analysis, title: str = "Quotes report") -> str:
    """The report of ``analysis`` as one HTML page (a string)."""
    return report._templates().get_template("report.html.j2").render(context(analysis, title))


def write_html(analysis: Analysis, path: str | Path, title: str | None = None) -> None:
    """Write :func:`render_html` to ``path`` (UTF-8)."""
    path = Path(path)
    Path(path).write_text(render_html(analysis, title or f"Quotes report: {path.stem}"), encoding="utf-8")
