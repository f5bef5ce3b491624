"""Stage 6: the report a user reads: quotes, speakers and a summary.

Each table is a :class:`ReportTable`, plain rows that render themselves in a
terminal or notebook (rich), as Markdown, or as JSON.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rich.console import Group
from rich.table import Table
from rich.text import Text

from quotes.types import Entity, Quote

if TYPE_CHECKING:
    from quotes.pipeline import Analysis

QUOTE_WIDTH = 110


@dataclass
class ReportTable:
    """A titled table of plain values."""

    title: str
    columns: list[str]
    rows: list[list[object]] = field(default_factory=list)

    def __rich__(self) -> Table:
        table = Table(title=self.title, title_justify="left", show_lines=False, expand=False)
        for col in self.columns:
            table.add_column(col, overflow="fold", no_wrap=col in ("Kind", "#", "Quotes", "Articles"))
        for row in self.rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        return table

    def to_markdown(self) -> str:
        def cell(v: object) -> str:
            return "" if v is None else str(v).replace("|", "\\|").replace("\n", " ")

        lines = [f"### {self.title}", "", "| " + " | ".join(self.columns) + " |",
                 "|" + "---|" * len(self.columns)]
        lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in self.rows]
        return "\n".join(lines) + "\n"

    def to_dict(self) -> dict[str, object]:
        return {"title": self.title,
                "rows": [dict(zip(self.columns, row, strict=True)) for row in self.rows]}


def speaker_name(q: Quote) -> str | None:
    if q.entity is not None:
        return q.entity.name
    return q.speaker.text if q.speaker else None


def _short(text: str, width: int = QUOTE_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def quotes_table(analysis: Analysis) -> ReportTable:
    table = ReportTable("Quotes", ["#", "Speaker", "Role", "Organization", "Kind", "Quote", "Article", "Found by"])
    for n, q in enumerate(analysis.quotes, 1):
        e = q.entity
        table.rows.append([n, speaker_name(q) or "?", e.role if e else None, e.organization if e else None,
                           q.kind, _short(q.content.text), q.doc, found_by(q)])
    return table


def found_by(q: Quote) -> str:
    """The reader that found a quote, with the tagger's confidence ("tagger 0.81").

    Examples
    --------
    >>> from quotes.types import Span
    >>> found_by(Quote("a", "indirect", Span(0, 2, "hi"), reader="tagger:spans.pt", confidence=0.8123))
    'tagger 0.81'
    """
    name = q.reader.split(":")[0]
    return name if q.confidence is None else f"{name} {q.confidence:.2f}"


def speakers_table(analysis: Analysis) -> ReportTable:
    table = ReportTable("Speakers", ["Speaker", "Type", "Quotes", "Articles", "Roles", "Organizations"])
    count: Counter[str] = Counter()
    docs: dict[str, set[str]] = defaultdict(set)
    types: dict[str, str] = {}
    roles: dict[str, dict[str, None]] = defaultdict(dict)
    orgs: dict[str, dict[str, None]] = defaultdict(dict)
    for q in analysis.quotes:
        name = speaker_name(q)
        if name is None:
            continue
        count[name] += 1
        docs[name].add(q.doc)
        types[name] = q.entity.type if q.entity else "?"
        if q.entity and q.entity.role:
            roles[name][q.entity.role] = None
        if q.entity and q.entity.organization:
            orgs[name][q.entity.organization] = None
    for name, n in count.most_common():
        table.rows.append([name, types[name], n, len(docs[name]), "; ".join(roles[name]),
                           "; ".join(orgs[name])])
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
    said = Counter(entities.key(q.entity) for q in analysis.quotes if q.entity)
    orgs = [e for e in entities if e.type == "ORG"]
    for e in sorted(orgs, key=lambda e: (-(said[e.key] + len(people[e.key])), e.name)):
        table.rows.append([e.name, "; ".join(people[e.key]), "; ".join(roles[e.key]), said[e.key], len(e.docs)])
    return table


def claims_table(analysis: Analysis) -> ReportTable:
    """Claims reported by more than one article, with how their wording varies."""
    table = ReportTable("Claims across outlets", ["Claim", "Speaker", "Outlets", "Reports", "Wording differs"])
    names = {e.key: e.name for e in analysis.entities}
    for claim in analysis.claims:
        if len({q.doc for q in claim.reports}) < 2:
            continue
        diff = "; ".join(claim.differences()[:3]) if claim.wording_differs else "no"
        table.rows.append([_short(claim.text, 90), names.get(claim.speaker or "", "?"), ", ".join(claim.outlets),
                           len(claim.reports), diff])
    return table


def tables(analysis: Analysis) -> list[ReportTable]:
    return [quotes_table(analysis), speakers_table(analysis), organizations_table(analysis),
            claims_table(analysis)]


def summary(analysis: Analysis) -> str:
    kinds = Counter(q.kind for q in analysis.quotes)
    attributed = sum(1 for q in analysis.quotes if q.speaker is not None)
    speakers = {speaker_name(q) for q in analysis.quotes} - {None}
    errors = sum(1 for p in analysis.problems if p.fatal)
    tagged = sum(1 for q in analysis.quotes if q.confidence is not None)
    return (f"{len(analysis.quotes)} quotes ({kinds['direct']} direct, {kinds['mixed']} mixed, "
            f"{kinds['indirect']} indirect; {attributed} attributed; {tagged} found by the tagger) "
            f"by {len(speakers)} speakers "
            f"in {len(analysis.articles)} articles; {errors} files not read; "
            f"annotation: {analysis.annotator}")


def render(analysis: Analysis) -> Group:
    """All tables, the problems met and the summary line, for rich to print."""
    parts: list[object] = list(tables(analysis))
    for p in analysis.problems:
        parts.append(Text(("error: " if p.fatal else "warning: ") + str(p), style="red" if p.fatal else "yellow"))
    parts.append(Text(summary(analysis), style="bold"))
    return Group(*parts)


def to_markdown(analysis: Analysis) -> str:
    return "\n".join(t.to_markdown() for t in tables(analysis)) + "\n" + summary(analysis) + "\n"


def to_dict(analysis: Analysis) -> dict[str, object]:
    return {"tables": [t.to_dict() for t in tables(analysis)], "summary": summary(analysis),
            "problems": [str(p) for p in analysis.problems]}
