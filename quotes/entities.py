"""Entities across articles: one per real person or organization.

Each quote's :class:`~quotes.types.Entity` is resolved inside its article
(:mod:`quotes.resolve`): a surname alone already stands for the full name
the article gives. :class:`CorpusEntities` merges those across articles:

- people by the parts of their names, as `nameparser`_ reads them: the same
  surname, and first and middle names that do not conflict ("Donald J.
  Trump" = "Donald Trump"; "Eric Smith" ≠ "Erica Smith", "Bill Clinton" ≠
  "Hillary Clinton"); a name that fits several people ("John Smith" beside
  "John A. Smith" and "John B. Smith") stays apart; a surname alone joins the
  one person of that surname in the corpus, none if there are several; a
  first name alone never joins a full name;
- organizations by :func:`normalize_org` ("the F.B.I." = "FBI", "the Justice
  Department" = "Department of Justice"), and an acronym with the one name in
  the corpus whose initials it is ("DOJ" = "Department of Justice").

An entity keeps every role and organization it was given, each with the
articles it came from.

.. _nameparser: https://nameparser.readthedocs.io
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

import gender_guesser.detector
from nameparser import HumanName

from quotes.types import Entity, Quote

_ARTICLE = re.compile(r"^(the|a|an)\s+", re.I)
_POSSESSIVE = re.compile(r"\s*['’]s?$")
_ACRONYM = re.compile(r"\b((?:[A-Za-z]\.){2,})")
# "the Justice Department" is the "Department of Justice": the same body, two word orders
_INVERTED = re.compile(r"^(?P<of>[A-Z][\w&.\- ]*?)\s+(?P<head>Department|Ministry|Bureau|Office|Agency|Committee)$")
_LINKS = {"of", "for", "and", "the", "&", "on", "to"}


@cache
def _detector() -> gender_guesser.detector.Detector:
    return gender_guesser.detector.Detector(case_sensitive=False)


def first_name_gender(first: str) -> str:
    """What gender-guesser says of a first name: its United States reading, else its
    reading anywhere ("male", "mostly_male", "andy", "mostly_female", "female" or "unknown").

    >>> first_name_gender("Barack"), first_name_gender("Bernie"), first_name_gender("Trump")
    ('male', 'mostly_male', 'unknown')
    """
    said = _detector().get_gender(first.capitalize(), "usa")
    return said if said not in ("unknown", "andy") else _detector().get_gender(first.capitalize())


def normalize_org(name: str) -> str:
    """One spelling per organization.

    Drops a leading article and a possessive, the dots of an acronym, and puts
    "X Department" (Ministry, Bureau, Office, Agency, Committee) in the order
    "Department of X".

    Examples
    --------
    >>> normalize_org("the Pentagon's")
    'Pentagon'
    >>> normalize_org("the F.B.I.")
    'FBI'
    >>> normalize_org("the Justice Department")
    'Department of Justice'
    """
    name = _POSSESSIVE.sub("", _ARTICLE.sub("", " ".join(name.split()))).strip(" ,")
    name = _ACRONYM.sub(lambda m: m.group(1).replace(".", ""), name)
    inverted = _INVERTED.match(name)
    if inverted and " of " not in name:
        name = f"{inverted['head']} of {inverted['of']}"
    return name


def acronyms(name: str) -> set[str]:
    """The acronyms a multiword organization name may go by, with and without its link words.

    Examples
    --------
    >>> sorted(acronyms("Department of Justice"))
    ['DJ', 'DOJ']
    >>> acronyms("Pentagon")
    set()
    """
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    if len(words) < 2:
        return set()
    content = "".join(w[0] for w in words if w.lower() not in _LINKS)
    linked = "".join(w[0] for w in words if w.lower() != "the")
    return {a.upper() for a in (content, linked) if len(a) >= 2}


@dataclass(frozen=True)
class NameParts:
    """The parts of a person's name that decide whether two names are one person."""

    first: str
    middle: str
    last: str

    @classmethod
    def of(cls, name: str) -> NameParts:
        """Parse ``name`` with nameparser, case-folded, dots dropped.

        >>> NameParts.of("Donald J. Trump")
        NameParts(first='donald', middle='j', last='trump')
        """
        parsed = HumanName(name)

        def fold(s: str) -> str:
            return s.replace(".", "").casefold()

        first, middle, last = fold(parsed.first), fold(parsed.middle), fold(parsed.last)
        if not last and first and not middle:  # one word: nameparser calls it a first name
            return cls("", "", first) if name[:1].isupper() else cls(first, "", "")
        return cls(first, middle, last)

    @property
    def gender(self) -> str | None:
        """"male" or "female" where the first name goes with one only (:func:`first_name_gender`), else None.

        >>> NameParts.of("Hillary Clinton").gender, NameParts.of("Bill Clinton").gender, NameParts.of("Trump").gender
        ('female', 'male', None)
        """
        said = first_name_gender(self.first.split()[0]) if self.first else None
        return said if said in ("male", "female") else None

    @property
    def full(self) -> bool:
        return bool(self.first and self.last)

    def agrees(self, other: NameParts) -> bool:
        """Same surname, same first name (or the initial of it), middle names that do not conflict."""
        def same(a: str, b: str) -> bool:
            return not a or not b or a == b or (min(len(a), len(b)) == 1 and a[0] == b[0])

        return self.last == other.last and bool(self.first and other.first) \
            and (self.first == other.first or (min(len(self.first), len(other.first)) == 1
                                               and self.first[0] == other.first[0])) \
            and same(self.middle, other.middle)


def person_clusters(names: Iterable[str]) -> dict[str, str]:
    """The name each person name stands for: the fullest name of its person.

    Full names join the one person whose parts agree with theirs (the fullest
    names placed first), a surname alone the one person of that surname;
    a name that fits several people, or none, stands for itself.

    Examples
    --------
    >>> clusters = person_clusters(["Donald J. Trump", "Donald Trump", "Ivanka Trump", "Hillary Clinton",
    ...                             "Bill Clinton", "Clinton", "Ivanka"])
    >>> clusters["Donald Trump"], clusters["Clinton"], clusters["Ivanka"]
    ('Donald J. Trump', 'Clinton', 'Ivanka')
    """
    parts = {n: NameParts.of(n) for n in set(names)}
    people: dict[str, list[tuple[NameParts, str]]] = {}  # surname -> [(parts of the fullest name, that name)]
    out: dict[str, str] = {}
    full = sorted((n for n, p in parts.items() if p.full), key=lambda n: (-len(parts[n].middle), -len(n), n))
    for name in full:
        p = parts[name]
        same = people.setdefault(p.last, [])
        fits = [fullest for q, fullest in same if q.agrees(p)]
        if len(fits) == 1:
            out[name] = fits[0]
        elif not fits:
            same.append((p, name))
            out[name] = name
        else:
            out[name] = name
    for name, p in parts.items():
        if name in out:
            continue
        same = people.get(p.last, []) if p.last and not p.first else []
        out[name] = same[0][1] if len(same) == 1 else name
    return out


@dataclass
class CorpusEntity:
    """A speaker or organization as known across the corpus, with provenance."""

    key: str
    name: str
    type: str  # PERSON, ORG, NOMINAL
    roles: dict[str, set[str]] = field(default_factory=dict)  # role -> article ids
    organizations: dict[str, set[str]] = field(default_factory=dict)
    docs: set[str] = field(default_factory=set)


class CorpusEntities:
    """Entities of all quotes (speakers and the people and organizations they name), merged across articles.

    Examples
    --------
    >>> from quotes.types import Span
    >>> def said(doc, name, role=None):
    ...     return Quote(doc, "direct", Span(0, 2, "hi"), entity=Entity(name, "PERSON", role))
    >>> corpus = CorpusEntities([said("a", "Donald J. Trump", "candidate"), said("b", "Donald Trump"),
    ...                          said("b", "Ivanka Trump")])
    >>> [(e.name, sorted(e.docs), sorted(e.roles)) for e in corpus if e.type == "PERSON"]
    [('Donald J. Trump', ['a', 'b'], ['candidate']), ('Ivanka Trump', ['b'], [])]
    """

    def __init__(self, quotes: list[Quote]) -> None:
        self.entities: dict[str, CorpusEntity] = {}
        entities = [(q.doc, q.entity) for q in quotes if q.entity is not None]
        entities += [(q.doc, e) for q in quotes for e in q.subjects]
        self._person = person_clusters(e.name for _, e in entities if e.type == "PERSON")
        orgs = {normalize_org(e.name) for _, e in entities if e.type == "ORG"}
        orgs |= {normalize_org(e.organization) for _, e in entities if e.organization}
        self._org: dict[str, str] = {}
        by_acronym: dict[str, set[str]] = {}
        for org in orgs:
            for a in acronyms(org):
                by_acronym.setdefault(a, set()).add(org)
        for org in orgs:
            expanded = by_acronym.get(org, set()) if org.isupper() else set()
            self._org[org.casefold()] = next(iter(expanded)) if len(expanded) == 1 else org
        for doc, e in entities:
            node = self._node(e)
            node.docs.add(doc)
            if e.role:
                node.roles.setdefault(e.role, set()).add(doc)
            if e.organization:
                org_node = self._node(Entity(e.organization, "ORG"))
                node.organizations.setdefault(org_node.name, set()).add(doc)
                org_node.docs.add(doc)

    def _name(self, e: Entity) -> str:
        if e.type == "PERSON":
            return self._person.get(e.name, e.name)
        if e.type == "ORG":
            org = normalize_org(e.name)
            return self._org.get(org.casefold(), org)
        return e.name

    def key(self, e: Entity) -> str:
        """The id of the corpus entity ``e`` belongs to ("person:donald j. trump", "org:fbi")."""
        prefix = {"PERSON": "person:", "ORG": "org:"}.get(e.type, "source:")
        return prefix + self._name(e).casefold()

    def _node(self, e: Entity) -> CorpusEntity:
        key = self.key(e)
        if key not in self.entities:
            self.entities[key] = CorpusEntity(key, self._name(e), e.type)
        return self.entities[key]

    def __getitem__(self, e: Entity) -> CorpusEntity:
        return self.entities[self.key(e)]

    def __iter__(self) -> Iterator[CorpusEntity]:
        return iter(self.entities.values())
