"""Stage 7: the network of who said what, for whom, reported where.

:func:`build_graph` returns a networkx ``MultiDiGraph`` (schema in
docs/graph.md):

- nodes, by ``type``: ``person``, ``organization``, ``source`` (an unnamed or
  collective speaker: "an official", "Afghan defense officials"), ``claim``,
  ``article``, ``outlet``;
- nodes of people and organizations are :class:`~quotes.entities.CorpusEntities`:
  one per real person or body across articles;
- edges, by ``type``: ``said`` (speaker → claim, with the role and
  organization its reports give the speaker), ``affiliated_with``
  (person → organization, with ``role``), ``mentions`` (claim → person or
  organization it names), ``reported_in`` (claim → article, with the
  variant's offsets and text, and the reader that found it), ``published_by``
  (article → outlet).

Every attribute is a string, integer, float or boolean (lists are joined with
"; "), so GraphML and GEXF files open in Gephi; every node has a ``label``.
The XML formats replace characters XML 1.0 forbids (form feeds, other control
characters) with spaces, and GEXF, which reserves an edge's ``type``,
``start`` and ``end`` for direction and time, gets them as ``relation``,
``quote_start`` and ``quote_end``.

Examples
--------
>>> from quotes.analysis import Analysis
>>> build_graph(Analysis()).number_of_nodes()
0
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import IO

import networkx as nx

from quotes.analysis import Analysis
from quotes.claims import Claim
from quotes.entities import CorpusEntities, CorpusEntity
from quotes.types import Entity

FORMATS = (".graphml", ".gexf", ".json")
NODE_TYPES = {"PERSON": "person", "ORG": "organization", "NOMINAL": "source"}
LABEL_WIDTH = 80
GEXF_EDGE_NAMES = {"type": "relation", "start": "quote_start", "end": "quote_end"}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: object) -> object:
    """``value`` with every character XML 1.0 forbids replaced by a space, so offsets still line up.

    >>> xml_safe("Jamie\\x0cSmith"), xml_safe(3)
    ('Jamie Smith', 3)
    """
    return _NOT_XML.sub(" ", value) if isinstance(value, str) else value


def _join(values: object) -> str:
    return "; ".join(sorted(str(v) for v in values))  # type: ignore[union-attr]


def _entity_node(g: nx.MultiDiGraph, e: CorpusEntity, quotes: Counter[str]) -> None:
    g.add_node(e.key, type=NODE_TYPES[e.type], label=e.name, name=e.name, roles=_join(e.roles),
               organizations=_join(e.organizations), articles=len(e.docs), quotes=quotes[e.key])


def _claim_node(g: nx.MultiDiGraph, claim: Claim) -> None:
    text = " ".join(claim.text.split())
    g.add_node(claim.id, type="claim", label=text if len(text) <= LABEL_WIDTH else text[:LABEL_WIDTH - 1] + "…",
               text=text, kind=claim.kind, reports=len(claim.reports), outlets=_join(claim.outlets),
               outlet_count=len(claim.outlets), wording_differs=claim.wording_differs,
               differences=" | ".join(claim.differences()))


def _add_edge(g: nx.MultiDiGraph, u: str, v: str, **attrs: object) -> None:
    # unique keys become unique GraphML edge ids, as the format requires
    g.add_edge(u, v, key=f"e{g.number_of_edges()}", **attrs)


def build_graph(analysis: Analysis) -> nx.MultiDiGraph:
    """Build the speaker–claim–article network of an analysis."""
    g = nx.MultiDiGraph()
    entities: CorpusEntities = analysis.entities
    said = Counter(entities.speaker(q) for q in analysis.quotes if q.entity)
    for e in entities:
        _entity_node(g, e, said)

    for article in analysis.articles:
        g.add_node(f"article:{article.id}", type="article", label=article.title or article.id,
                   doc=article.id, date=article.date or "", url=article.url or "",
                   outlet=article.outlet or "")
        if article.outlet:
            g.add_node(f"outlet:{article.outlet}", type="outlet", label=article.outlet)
            _add_edge(g, f"article:{article.id}", f"outlet:{article.outlet}", type="published_by", weight=1)

    for claim in analysis.claims:
        _claim_node(g, claim)
        if claim.speaker:
            # the roles and organizations these reports give the speaker, not all they hold elsewhere
            said_as = [q.entity for q in claim.reports if q.entity and entities.speaker(q) == claim.speaker]
            _add_edge(g, claim.speaker, claim.id, type="said", weight=len(claim.reports), kind=claim.kind,
                      role=_join({e.role for e in said_as if e.role}),
                      organization=_join({entities[Entity(e.organization, "ORG")].name
                                          for e in said_as if e.organization}))
        for q in claim.reports:
            # the confidence only where there is one (older stores have none): GraphML has no null
            found = {"reader": q.reader, "rule": " ".join(q.rule)}
            if q.confidence is not None:
                found["confidence"] = q.confidence
            _add_edge(g, claim.id, f"article:{q.doc}", type="reported_in", start=q.content.start,
                       end=q.content.end, text=q.content.text, kind=q.kind, weight=1, **found)
        subjects = {entities.key(s) for q in claim.reports for s in q.subjects} - {claim.speaker}
        for key in sorted(subjects):
            _add_edge(g, claim.id, key, type="mentions", weight=1)

    for e in entities:
        for org, docs in e.organizations.items():
            org_key = entities.key(Entity(org, "ORG"))
            roles = [r for r, rdocs in e.roles.items() if rdocs & docs]
            _add_edge(g, e.key, org_key, type="affiliated_with", role=_join(roles), weight=len(docs),
                       articles=_join(docs))
    return g


def for_xml(g: nx.MultiDiGraph, edge_names: dict[str, str] | None = None) -> nx.MultiDiGraph:
    """A copy of ``g`` whose ids and values are XML-safe, edge attributes renamed by ``edge_names``."""
    names = edge_names or {}
    out = nx.MultiDiGraph()
    out.add_nodes_from((xml_safe(n), {k: xml_safe(v) for k, v in d.items()}) for n, d in g.nodes(data=True))
    out.add_edges_from((xml_safe(u), xml_safe(v), key, {names.get(k, k): xml_safe(x) for k, x in d.items()})
                       for u, v, key, d in g.edges(keys=True, data=True))
    return out


def write_graph(g: nx.MultiDiGraph, target: str | Path | IO[bytes], fmt: str | None = None) -> None:
    """Write ``g`` as GraphML, GEXF or node-link JSON, chosen by suffix or ``fmt``.

    ``target`` is a path or a binary file, as networkx's writers take.
    """
    fmt = fmt or Path(str(target)).suffix.lower()
    if fmt == ".graphml":
        nx.write_graphml(for_xml(g), target)
    elif fmt == ".gexf":
        nx.write_gexf(for_xml(g, GEXF_EDGE_NAMES), target)
    elif fmt == ".json":
        data = json.dumps(nx.node_link_data(g, edges="edges"), ensure_ascii=False, indent=1).encode()
        if isinstance(target, (str, Path)):
            Path(target).write_bytes(data)
        else:
            target.write(data)
    else:
        raise ValueError(f"unknown graph format {fmt!r}: use one of {', '.join(FORMATS)}")
