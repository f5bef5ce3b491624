"""Stage 6: the report a user reads: the numbers, speakers, organizations,
claims across outlets, then every quote in full.

:func:`build` makes a :class:`Report`: an :class:`Overview` and tables
(:class:`ReportTable`, and :class:`QuoteList` for the quotes) that render
themselves in a terminal (rich, at the console's width), in Jupyter (HTML
tables), as Markdown, or as JSON with full texts. The single-file HTML report
with every article's text is :mod:`quotes.html`.
"""

from __future__ import annotations

import os
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Literal

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from quotes.analysis import Analysis
from quotes.types import Entity, Quote

if TYPE_CHECKING:
    import jinja2

    from quotes.claims import Claim

SortKey = Literal["article", "speaker", "kind", "confidence"]
SORTS: tuple[SortKey, ...] = ("article", "speaker", "kind", "confidence")
PIPED_WIDTH = 160  # rich would wrap at 80 when output goes to a file or a pager
KINDS = ("direct", "mixed", "indirect")
TERMINAL_TOP = 20  # rows of each summary table in a terminal unless a limit says otherwise


def console(file: object = None) -> Console:
    """A console for the report: the terminal's width, ``COLUMNS`` when set, else 160 columns when piped."""
    if file is None and not sys.stdout.isatty() and not os.environ.get("COLUMNS", "").isdigit():
        return Console(width=PIPED_WIDTH)
    return Console(file=file)  # type: ignore[arg-type]


def _cell(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        return "; ".join(map(str, v))
    if isinstance(v, float):
        return f"{v:.2f}"
    return str(v)


def _key(column: str) -> str:
    return column.lower().replace(" ", "_").replace("#", "n")


@cache
def _templates() -> jinja2.Environment:
    import jinja2

    return jinja2.Environment(loader=jinja2.PackageLoader("quotes", "templates"), autoescape=True,
                              trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)


@dataclass
class ReportTable:
    """A titled table of plain values; a list cell shows as "a; b" and stays a list in JSON.

    ``keys`` name the columns in JSON (default: the titles in snake case);
    ``total`` is the number of rows before a limit cut the table short.
    """

    title: str
    columns: list[str]
    rows: list[list[object]] = field(default_factory=list)
    keys: list[str] | None = None
    total: int | None = None

    @property
    def caption(self) -> str | None:
        """What a limit left out, said under the table."""
        if self.total is None or self.total <= len(self.rows):
            return None
        return f"{len(self.rows)} of {self.total} shown"

    def __rich__(self) -> Table:
        numeric = {c for c in self.columns if self.rows and all(isinstance(r[i], int | float)
                                                                  for r in self.rows for i in [self.columns.index(c)])}
        table = Table(title=self.title, title_justify="left", title_style="bold", caption=self.caption,
                      caption_justify="left", show_lines=False, expand=False)
        for col in self.columns:
            table.add_column(col, overflow="fold", no_wrap=col in numeric,
                             justify="right" if col in numeric else "left")
        for row in self.rows:
            table.add_row(*map(_cell, row))
        return table

    def _repr_html_(self) -> str:
        return _templates().get_template("table.html.j2").render(table=self, cell=_cell)

    def to_markdown(self) -> str:
        def cell(v: object) -> str:
            return _cell(v).replace("|", "\\|").replace("\n", " ")

        lines = [f"### {self.title}", "", "| " + " | ".join(self.columns) + " |",
                 "|" + "---|" * len(self.columns)]
        lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in self.rows]
        if self.caption:
            lines += ["", self.caption]
        return "\n".join(lines) + "\n"

    def to_dict(self) -> dict[str, object]:
        keys = self.keys or [_key(c) for c in self.columns]
        return {"title": self.title, "total": len(self.rows) if self.total is None else self.total,
                "rows": [dict(zip(keys, row, strict=True)) for row in self.rows]}


def speaker_name(q: Quote) -> str | None:
    if q.entity is not None:
        return q.entity.name
    return q.speaker.text if q.speaker else None


def found_by(q: Quote) -> str:
    """The reader that found a quote, with the quote's confidence ("tagger 0.81").

    Examples
    --------
    >>> from quotes.types import Span
    >>> found_by(Quote("a", "indirect", Span(0, 2, "hi"), reader="tagger:spans.pt", confidence=0.8123))
    'tagger 0.81'
    """
    name = q.reader.split(":")[0]
    return name if q.confidence is None else f"{name} {q.confidence:.2f}"


def _flat(text: str) -> str:
    return " ".join(text.split())


def sorted_quotes(analysis: Analysis, by: SortKey = "article") -> list[tuple[int, Quote]]:
    """The quotes, numbered in article order, in the order ``by`` asks for.

    ``speaker``: by name, the unattributed last; ``kind``: direct, mixed,
    indirect; ``confidence``: the most likely right first, quotes without a
    confidence (from older stores) last. Each sort keeps article order among equals.
    """
    numbered = list(enumerate(analysis.quotes, 1))
    keys: dict[str, Callable[[tuple[int, Quote]], object]] = {
        "article": lambda nq: 0,
        "speaker": lambda nq: (speaker_name(nq[1]) is None, (speaker_name(nq[1]) or "").casefold()),
        "kind": lambda nq: KINDS.index(nq[1].kind),
        "confidence": lambda nq: (nq[1].confidence is None, -(nq[1].confidence or 0.0)),
    }
    if by not in keys:
        raise ValueError(f"sort by one of {', '.join(SORTS)}, not {by!r}")
    return sorted(numbered, key=keys[by])


@dataclass
class QuoteList:
    """Quotes in full, numbered in article order: wrapped blocks in a terminal, a table elsewhere."""

    quotes: list[tuple[int, Quote]]
    titles: dict[str, str]  # article id -> what to call it
    total: int
    sort: SortKey = "article"
    title: str = "Quotes"

    columns = ("#", "Speaker", "Role", "Organization", "Kind", "Cue", "Quote", "Article", "Found by")

    @property
    def caption(self) -> str:
        shown = f"{len(self.quotes)} of {self.total}" if len(self.quotes) < self.total else f"all {self.total}"
        return f"{shown}, in {'article order' if self.sort == 'article' else f'order of {self.sort}'}"

    def row(self, n: int, q: Quote) -> list[object]:
        e = q.entity
        return [n, speaker_name(q) or "?", e.role if e else None, e.organization if e else None, q.kind,
                q.cue.text if q.cue else None, _flat(q.said), q.doc, found_by(q)]

    def __rich__(self) -> Group:
        parts: list[RenderableType] = [Text.assemble((self.title, "bold"), f" ({self.caption})")]
        doc = None
        for n, q in self.quotes:
            if self.sort == "article" and q.doc != doc:
                doc = q.doc
                parts.append(Text(f"\n{self.titles.get(doc, doc)}", style="bold underline"))
            e = q.entity
            about = [x for x in (e.role, e.organization) if x] if e else []
            head = Text.assemble((f"{n:>4}  ", "dim"), (speaker_name(q) or "(no speaker)", "bold cyan"),
                                 (f" ({', '.join(about)})" if about else ""), "  ", (q.kind, "magenta"),
                                 (f" “{q.cue.text}”" if q.cue else ""), ("  " + found_by(q), "dim"))
            if self.sort != "article":
                head.append(f"  {q.doc}", style="dim")
            parts += [head, Padding(Text(_flat(q.said)), (0, 0, 0, 6), expand=False)]
        return Group(*parts)

    def _repr_html_(self) -> str:
        table = ReportTable(self.title, list(self.columns), [self.row(n, q) for n, q in self.quotes], total=self.total)
        return table._repr_html_()

    def to_markdown(self) -> str:
        table = ReportTable(self.title, list(self.columns), [self.row(n, q) for n, q in self.quotes], total=self.total)
        return table.to_markdown()

    def to_dict(self) -> dict[str, object]:
        """Each quote as in ``quotes extract`` (full spans), with its number and ``speaker_name``."""
        return {"title": self.title, "total": self.total, "sort": self.sort,
                "rows": [{"n": n, "speaker_name": speaker_name(q), **q.to_dict()} for n, q in self.quotes]}


def speakers_table(analysis: Analysis) -> ReportTable:
    """Speakers, one row per entity merged across articles (:mod:`quotes.entities`) with every role
    and organization it was given; a speaker no entity was resolved for, by the words of the phrase."""
    table = ReportTable("Speakers", ["Speaker", "Type", "Quotes", "Articles", "Roles", "Organizations"])
    entities = analysis.entities
    count: Counter[str] = Counter()
    docs: dict[str, set[str]] = defaultdict(set)
    for q in analysis.quotes:
        key = entities.speaker(q) or (q.speaker.text if q.speaker else None)
        if key is not None:
            count[key] += 1
            docs[key].add(q.doc)
    known = {e.key: e for e in entities}
    for key, n in count.most_common():
        e = known.get(key)
        row = [e.name, e.type, n, len(docs[key]), list(e.roles), list(e.organizations)] if e else \
            [key, "?", n, len(docs[key]), [], []]
        table.rows.append(row)
    return table


def organizations_table(analysis: Analysis) -> ReportTable:
    """Organisations: who speaks for them (with roles) and how often they are quoted themselves."""
    table = ReportTable("Organizations", ["Organization", "People", "Roles", "Quotes as speaker", "Articles"])
    entities = analysis.entities
    people: dict[str, dict[str, None]] = defaultdict(dict)
    roles: dict[str, dict[str, None]] = defaultdict(dict)
    for e in entities:
        for org in e.organizations:
            key = entities.key(Entity(org, "ORG"))
            people[key][e.name] = None
            for role, docs in e.roles.items():
                if docs & e.organizations[org]:
                    roles[key][role] = None
    said = Counter(entities.speaker(q) for q in analysis.quotes if q.entity)
    orgs = [e for e in entities if e.type == "ORG"]
    for e in sorted(orgs, key=lambda e: (-(said[e.key] + len(people[e.key])), e.name)):
        table.rows.append([e.name, list(people[e.key]), list(roles[e.key]), said[e.key], len(e.docs)])
    return table


def shared_claims(analysis: Analysis) -> list[Claim]:
    """Claims reported by more than one article."""
    return [c for c in analysis.claims if len({q.doc for q in c.reports}) > 1]


def claims_table(analysis: Analysis) -> ReportTable:
    """Claims reported by more than one article, with how their wording varies."""
    table = ReportTable("Claims across outlets", ["Claim", "Speaker", "Outlets", "Reports", "Wording differs"])
    names = {e.key: e.name for e in analysis.entities}
    for claim in shared_claims(analysis):
        diff = claim.differences()[:3] if claim.wording_differs else "no"
        speaker = names.get(claim.speaker or "", "?")
        table.rows.append([_flat(claim.text), speaker, claim.outlets, len(claim.reports), diff])
    return table


@dataclass
class Overview:
    """The numbers of a run: articles, quotes by kind, who the sources are, what found them."""

    articles: int
    quotes: int
    kinds: dict[str, int]
    attributed: int
    speakers: int
    sources: dict[str, int]  # quotes by a named person, an organization, an unnamed source, no one found
    readers: dict[str, int]
    claims_across_articles: int
    files_not_read: int
    annotator: str
    held_back: int = 0
    min_confidence: float = 0.0

    @classmethod
    def of(cls, analysis: Analysis) -> Overview:
        kinds = Counter(q.kind for q in analysis.quotes)
        types = Counter(q.entity.type if q.entity else None for q in analysis.quotes)
        return cls(
            articles=len(analysis.articles), quotes=len(analysis.quotes),
            kinds={k: kinds[k] for k in KINDS},
            attributed=sum(1 for q in analysis.quotes if q.speaker is not None),
            speakers=len({speaker_name(q) for q in analysis.quotes} - {None}),
            sources={"named people": types["PERSON"], "organizations": types["ORG"],
                     "unnamed sources": types["NOMINAL"], "no speaker found": types[None]},
            readers=dict(Counter(q.reader.split(":")[0] for q in analysis.quotes).most_common()),
            claims_across_articles=len(shared_claims(analysis)),
            files_not_read=sum(1 for p in analysis.problems if p.fatal), annotator=analysis.annotator,
            held_back=len(analysis.held), min_confidence=analysis.min_confidence)

    def shares(self) -> dict[str, float]:
        """Each kind of source as a share of all quotes (0 to 1)."""
        return {k: n / self.quotes if self.quotes else 0.0 for k, n in self.sources.items()}

    def lines(self) -> list[str]:
        k = self.kinds
        sources = ", ".join(f"{share:.0%} {name}" for name, share in self.shares().items())
        return [
            f"{self.articles} articles, {self.quotes} quotes ({k['direct']} direct, {k['mixed']} mixed, "
            f"{k['indirect']} indirect) by {self.speakers} speakers; {self.attributed} attributed",
            f"sources: {sources}",
            "found by: " + ", ".join(f"{n} {reader}" for reader, n in self.readers.items())
            + f"; {self.claims_across_articles} claims reported in several articles",
            f"annotation: {self.annotator}; {self.files_not_read} files not read",
            f"{self.held_back} quotes held back below confidence {self.min_confidence:.2f} "
            "(--min-confidence 0 shows them all)",
        ]

    def __rich__(self) -> Group:
        return Group(Text("Overview", style="bold"), *(Text(line) for line in self.lines()))

    def _repr_html_(self) -> str:
        return _templates().get_template("overview.html.j2").render(lines=self.lines())

    def to_dict(self) -> dict[str, object]:
        return {"articles": self.articles, "quotes": self.quotes, "kinds": self.kinds, "attributed": self.attributed,
                "speakers": self.speakers, "sources": self.sources, "readers": self.readers,
                "claims_across_articles": self.claims_across_articles, "files_not_read": self.files_not_read,
                "annotator": self.annotator, "held_back": self.held_back, "min_confidence": self.min_confidence}


def _limited(table: ReportTable, limit: int | None) -> ReportTable:
    if limit is not None and len(table.rows) > limit:
        table.total, table.rows = len(table.rows), table.rows[:limit]
    return table


@dataclass
class Report:
    """The whole report: the overview, the summary tables, the quotes, the problems met."""

    overview: Overview
    tables: list[ReportTable]
    quotes: QuoteList
    problems: list[str] = field(default_factory=list)
    fatal: list[bool] = field(default_factory=list)

    def __rich__(self) -> Group:
        parts: list[RenderableType] = [self.overview]
        for table in self.tables:
            parts += [Text(""), table if table.rows else Text(f"{table.title}: none", style="bold")]
        parts += [Text(""), self.quotes]
        for problem, fatal in zip(self.problems, self.fatal, strict=True):
            parts.append(Text(("error: " if fatal else "warning: ") + problem, style="red" if fatal else "yellow"))
        return Group(*parts)

    def _repr_html_(self) -> str:
        return "\n".join([self.overview._repr_html_(), *(t._repr_html_() for t in self.tables),
                          self.quotes._repr_html_()])

    def to_markdown(self) -> str:
        head = "\n".join(["### Overview", "", *(f"- {line}" for line in self.overview.lines())]) + "\n"
        return "\n".join([head, *(t.to_markdown() for t in self.tables), self.quotes.to_markdown()])

    def to_dict(self) -> dict[str, object]:
        return {"overview": self.overview.to_dict(),
                **{_key(t.title.split()[0]): t.to_dict() for t in self.tables},
                "quotes": self.quotes.to_dict(), "problems": self.problems}


def build(analysis: Analysis, limit: int | None = None, sort: SortKey = "article",
          top: int | None = None) -> Report:
    """The report of ``analysis``.

    Parameters
    ----------
    analysis : Analysis
    limit : int, optional
        At most this many rows in each table: the top speakers, organizations
        and claims, and the first quotes in ``sort`` order. The overview counts all.
    sort : {"article", "speaker", "kind", "confidence"}
        The order of the quotes (see :func:`sorted_quotes`).
    top : int, optional
        At most this many rows in the speakers, organizations and claims
        tables (default: ``limit``), so a terminal shows the summaries first
        and short.
    """
    top = limit if top is None else top
    quotes = sorted_quotes(analysis, sort)
    titles = {a.id: " · ".join(x for x in (a.title or a.id, a.outlet, a.date) if x) for a in analysis.articles}
    return Report(
        Overview.of(analysis),
        [_limited(speakers_table(analysis), top), _limited(organizations_table(analysis), top),
         _limited(claims_table(analysis), top)],
        QuoteList(quotes[:limit], titles, len(quotes), sort),
        [str(p) for p in analysis.problems], [p.fatal for p in analysis.problems])


def quotes_table(analysis: Analysis) -> ReportTable:
    """Every quote in one table, its text in full (``quotes extract --format table``)."""
    quotes = QuoteList(sorted_quotes(analysis), {}, len(analysis.quotes))
    return ReportTable("Quotes", list(quotes.columns), [quotes.row(n, q) for n, q in quotes.quotes])


def tables(analysis: Analysis) -> list[ReportTable]:
    return [quotes_table(analysis), speakers_table(analysis), organizations_table(analysis),
            claims_table(analysis)]


def summary(analysis: Analysis) -> str:
    """The overview in one line."""
    return "; ".join(Overview.of(analysis).lines())


def render(analysis: Analysis, limit: int | None = None, sort: SortKey = "article") -> Report:
    """The report for rich to print (``Analysis.__rich__``): the summary tables
    show their top :data:`TERMINAL_TOP` rows, or ``limit``."""
    return build(analysis, limit, sort, top=limit or TERMINAL_TOP)


def to_markdown(analysis: Analysis, limit: int | None = None, sort: SortKey = "article") -> str:
    return build(analysis, limit, sort).to_markdown()


def to_dict(analysis: Analysis, limit: int | None = None, sort: SortKey = "article") -> dict[str, object]:
    """The report as JSON-ready data, every text in full."""
    return build(analysis, limit, sort).to_dict()
