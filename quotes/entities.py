"""Entities across articles: one per real person or organization.

Each quote's :class:`~quotes.types.Entity` is resolved inside its article
(:mod:`quotes.resolve`): a surname alone already stands for the full name
the article gives. :class:`CorpusEntities` merges those across articles:

- people by the parts of their names, as `nameparser`_ reads them: the same
  surname, and first and middle names that do not conflict ("Donald J.
  Trump" = "Donald Trump"; "Eric Smith" ≠ "Erica Smith", "Bill Clinton" ≠
  "Hillary Clinton"); a name that fits several people ("John Smith" beside
  "John A. Smith" and "John B. Smith") stays apart; a surname alone joins the
  person of that surname named more often than all others of it together;
  a first name alone never joins a full name;
- organizations by :func:`normalize_org` ("the F.B.I." = "FBI", "the Justice
  Department" = "Department of Justice"), an acronym with the one name in
  the corpus whose initials it is ("DOJ" = "Department of Justice"), and a
  body named after a person by the surname ("Donald Trump campaign" =
  "Trump campaign");
- a "person" without a full name that the corpus names as an organization
  is that organization ("PolitiFact", "The New York Times": the tagger reads
  some organizations as people).

An entity keeps every role and organization it was given, each with the
articles it came from.

.. _nameparser: https://nameparser.readthedocs.io
"""

from __future__ import annotations

import gc
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import gender_guesser.detector
from nameparser import HumanName

from quotes.types import Entity, Quote

_ARTICLE = re.compile(r"^(the|a|an)\s+", re.I)
_POSSESSIVE = re.compile(r"\s*['’]s?(?=\s|$)")
_ACRONYM = re.compile(r"\b((?:[A-Za-z]\.){2,})")
# "the Justice Department" is the "Department of Justice": the same body, two word orders
_INVERTED = re.compile(r"^(?P<of>[A-Z][\w&.\- ]*?)\s+(?P<head>Department|Ministry)$")
_LINKS = {"of", "for", "and", "the", "&", "on", "to"}


class _CachedDetector(gender_guesser.detector.Detector):
    """gender-guesser's detector, whose parsed name table is kept as JSON in the
    user's cache folder: parsing the 4 MB table line by line takes a quarter of
    a second of every start-up, reading it back a twentieth. The cache is keyed
    by the table's size and time, and a cache that cannot be read or written
    only costs the parse."""

    def _parse(self, filename: str) -> None:
        stat = os.stat(filename)
        folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "quotes"
        cached = folder / f"gender-guesser-{stat.st_size}-{int(stat.st_mtime)}.json"
        collecting = gc.isenabled()
        gc.disable()  # its 60,000 dicts hold no cycles; with torch's objects about, a collection costs twice the read
        try:
            self.names = json.loads(cached.read_text(encoding="utf-8"))
            return
        except (OSError, ValueError):
            pass
        finally:
            if collecting:
                gc.enable()
        super()._parse(filename)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            partial = cached.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(json.dumps(self.names, separators=(",", ":")), encoding="utf-8")
            partial.replace(cached)
        except OSError:
            pass


@cache
def _detector() -> gender_guesser.detector.Detector:
    return _CachedDetector(case_sensitive=False)


def first_name_gender(first: str) -> str:
    """What gender-guesser says of a first name: its United States reading, else its
    reading anywhere ("male", "mostly_male", "andy", "mostly_female", "female" or "unknown").

    Examples
    --------
    >>> first_name_gender("Barack"), first_name_gender("Bernie"), first_name_gender("Trump")
    ('male', 'mostly_male', 'unknown')
    """
    said = _detector().get_gender(first.capitalize(), "usa")
    return said if said not in ("unknown", "andy") else _detector().get_gender(first.capitalize())


def normalize_org(name: str) -> str:
    """One spelling per organization.

    Drops a leading article and possessives, the dots of an acronym, and puts
    "X Department" (or Ministry) in the order "Department of X" ("Democratic
    National Committee" is no "Committee of Democratic National").

    Examples
    --------
    >>> normalize_org("the Pentagon's")
    'Pentagon'
    >>> normalize_org("the F.B.I.")
    'FBI'
    >>> normalize_org("the Justice Department")
    'Department of Justice'
    >>> normalize_org("Trump's campaign")
    'Trump campaign'
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


def by_acronym(names: Iterable[str]) -> dict[str, set[str]]:
    """The organization names, by each acronym they may go by (:func:`acronyms`).

    >>> by_acronym(["Department of Justice", "Pentagon"])["DOJ"]
    {'Department of Justice'}
    """
    out: dict[str, set[str]] = {}
    for name in names:
        for a in acronyms(name):
            out.setdefault(a, set()).add(name)
    return out


@dataclass(frozen=True)
class NameParts:
    """The parts of a person's name that decide whether two names are one person."""

    first: str
    middle: str
    last: str

    @staticmethod
    @cache  # names repeat across a corpus, and a parse costs more than a lookup
    def of(name: str) -> NameParts:
        """Parse ``name`` with nameparser, case-folded, dots dropped; one word is a surname.

        Examples
        --------
        >>> NameParts.of("Donald J. Trump")
        NameParts(first='donald', middle='j', last='trump')
        >>> NameParts.of("Clinton").full
        False
        """
        parsed = HumanName(name)

        def fold(s: str) -> str:
            return s.replace(".", "").casefold()

        first, middle, last = fold(parsed.first), fold(parsed.middle), fold(parsed.last)
        if not last and first and not middle:  # one word: nameparser calls it a first name
            return NameParts("", "", first) if name[:1].isupper() else NameParts(first, "", "")
        return NameParts(first, middle, last)

    @property
    def gender(self) -> str | None:
        """"male" or "female" where the first name goes with one only (:func:`first_name_gender`), else None.

        Examples
        --------
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

    ``names`` holds a name once per mention. Full names join the one person
    whose parts agree with theirs (the fullest names placed first); a name
    that fits several people, or none, stands for itself. A surname alone
    joins the person of that surname named more often than all others of it
    together: in news about one Clinton, "Clinton" is that one.

    Examples
    --------
    >>> clusters = person_clusters(["Donald J. Trump", "Donald Trump", "Donald Trump", "Ivanka Trump", "Trump",
    ...                             "Hillary Clinton", "Bill Clinton", "Clinton", "Ivanka"])
    >>> clusters["Donald Trump"], clusters["Trump"], clusters["Clinton"], clusters["Ivanka"]
    ('Donald J. Trump', 'Donald J. Trump', 'Clinton', 'Ivanka')
    """
    counts = Counter(names)
    parts = {n: NameParts.of(n) for n in counts}
    people: dict[str, list[tuple[NameParts, str]]] = {}  # surname -> [(parts of the fullest name, that name)]
    out: dict[str, str] = {}
    full = sorted((n for n, p in parts.items() if p.full), key=lambda n: (-len(parts[n].middle), -len(n), n))
    for name in full:
        p = parts[name]
        same = people.setdefault(p.last, [])
        fits = [fullest for q, fullest in same if q.agrees(p)]
        if not fits:
            same.append((p, name))
        out[name] = fits[0] if len(fits) == 1 else name
    mentions: Counter[str] = Counter()
    for name in full:
        mentions[out[name]] += counts[name]
    for name, p in parts.items():
        if name in out:
            continue
        same = sorted((fullest for _, fullest in people.get(p.last, [])), key=lambda n: -mentions[n]) \
            if p.last and not p.first else []
        dominant = same and mentions[same[0]] > sum(mentions[n] for n in same[1:])
        out[name] = same[0] if dominant else name
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
        orgs = {normalize_org(e.name) for _, e in entities if e.type == "ORG"}
        orgs |= {normalize_org(e.organization) for _, e in entities if e.organization}
        self._acronyms = by_acronym(orgs)
        # "the IMF" that the tagger read as a person is the one body it abbreviates
        orgs |= {name for _, e in entities if e.type == "PERSON" and (name := normalize_org(e.name)).isupper()
                 and len(self._acronyms.get(name, ())) == 1}
        self._orgs = {o.casefold() for o in orgs}
        named = {NameParts.of(e.name) for _, e in entities if e.type == "PERSON"}
        self._surnames = {p.last for p in named if p.full}
        people = [e.name for _, e in entities if e.type == "PERSON" and not self._is_org(e.name)]
        self._person = person_clusters(people)
        self._org: dict[str, str] = {}
        for org in orgs:
            expanded = self._acronyms.get(org, set()) if org.isupper() else set()
            self._org[org.casefold()] = next(iter(expanded)) if len(expanded) == 1 else self._of_person(org)
        self._described = self._descriptions(quotes, entities)
        for doc, e in entities:
            node = self._node(e, doc)
            node.docs.add(doc)
            if e.role:
                node.roles.setdefault(e.role, set()).add(doc)
            if e.organization:
                org_node = self._node(Entity(e.organization, "ORG"))
                node.organizations.setdefault(org_node.name, set()).add(doc)
                org_node.docs.add(doc)

    def _is_org(self, name: str) -> bool:
        """A "person" that is an organization the corpus names: "PolitiFact", "The New York Times"
        (the tagger reads some organizations as people); never a full name, nor the surname of one."""
        parts, org = NameParts.of(name), normalize_org(name)
        if org.isupper() and len(org) > 1:  # an acronym ("The IMF" parses as a first and last name)
            return org.casefold() in self._orgs
        return not parts.full and parts.last not in self._surnames and org.casefold() in self._orgs

    def _of_person(self, org: str) -> str:
        """"Donald Trump campaign" as "Trump campaign": a body named after a person, by surname."""
        words = org.split()
        owner = " ".join(words[:-1])
        if len(words) > 2 and NameParts.of(owner).full and owner in self._person:
            return f"{words[-2]} {words[-1]}"
        return org

    def _typed(self, e: Entity) -> tuple[str, str]:
        """The type and corpus name of ``e``."""
        if e.type == "PERSON" and not self._is_org(e.name):
            return "PERSON", self._person.get(e.name, e.name)
        if e.type in ("PERSON", "ORG"):
            org = normalize_org(e.name)
            return "ORG", self._org.get(org.casefold(), org)
        return e.type, e.name

    def key(self, e: Entity, doc: str | None = None) -> str:
        """The id of the corpus entity ``e`` (said in article ``doc``) belongs to ("person:donald
        j. trump", "org:fbi"); a description the corpus tells the person of, that person's
        (:meth:`_descriptions`)."""
        kind, name = self._typed(self._as_said(e, doc))
        return {"PERSON": "person:", "ORG": "org:"}.get(kind, "source:") + name.casefold()

    def _as_said(self, e: Entity, doc: str | None) -> Entity:
        """``e``, or the person it describes in article ``doc`` (:meth:`_descriptions`)."""
        return self._described.get((doc, e.name), e) if doc is not None else e

    def speaker(self, q: Quote) -> str | None:
        """The id of the corpus entity that speaks ``q``, None where none was resolved."""
        return self.key(q.entity, q.doc) if q.entity is not None else None

    def _descriptions(self, quotes: list[Quote], entities: list[tuple[str, Entity]]) -> dict[tuple[str, str], Entity]:
        """Definite descriptions ("the GOP nominee", "the New York businessman") that name
        one person of their own article by what the whole corpus calls that person: the one
        person the article names whose roles elsewhere end in the description's role noun,
        and, where the description gives an organization, who has that organization too.

        Limits: only a speaker phrase that starts with "the" and reads a role; a role the
        corpus never gives the person leaves the description on its own node.
        """
        roles: dict[str, set[str]] = {}
        orgs: dict[str, set[str]] = {}
        people: dict[str, dict[str, Entity]] = {}  # article -> key -> the person as first named there
        for doc, e in entities:
            if e.type == "PERSON" and not self._is_org(e.name):
                key = self.key(e)
                people.setdefault(doc, {}).setdefault(key, Entity(e.name, "PERSON"))
                if e.role:
                    roles.setdefault(key, set()).add(e.role.split()[-1])
                if e.organization:
                    orgs.setdefault(key, set()).add(normalize_org(e.organization).casefold())
        out: dict[tuple[str, str], Entity] = {}
        for q in quotes:
            e = q.entity
            if e is None or e.type != "NOMINAL" or not e.role or q.speaker is None \
                    or not q.speaker.text.lower().startswith("the "):
                continue
            org = normalize_org(e.organization).casefold() if e.organization else None
            named = people.get(q.doc, {})
            fits = [k for k in named if e.role.split()[-1] in roles.get(k, ())
                    and (org is None or org in orgs.get(k, ()))]
            if len(fits) == 1:
                out[q.doc, e.name] = named[fits[0]]
        return out

    def _node(self, e: Entity, doc: str | None = None) -> CorpusEntity:
        key = self.key(e, doc)
        if key not in self.entities:
            self.entities[key] = CorpusEntity(key, *self._typed(self._as_said(e, doc))[::-1])
        return self.entities[key]

    def __getitem__(self, e: Entity) -> CorpusEntity:
        return self.entities[self.key(e)]

    def __iter__(self) -> Iterator[CorpusEntity]:
        return iter(self.entities.values())
