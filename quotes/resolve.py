"""Stage 5: resolve speaker mentions to entities, with role and organisation.

Within an article:

- a person's name comes from the NER mention inside the speaker phrase, or
  from its appositive ("one of the soldiers, Mohammad Musa");
- a name in a title-case headline counts only where the story names that
  person too: NER runs names on over capitalized words ("Gold Star Mom
  Corners Obama");
- a surname alone ("Kirby") is the person of that surname named in full
  elsewhere in the article ("Pentagon spokesman John Kirby"), of several
  the one its honorific and titles, or the surname's other mentions, fit
  ("Mr. Obama" is not Michelle Obama); a first name
  alone is never merged with a full name that starts with it;
- "he"/"she" is the latest person named as a subject or speaker before it
  whose gender does not conflict: by a title ("Mrs."), the first name
  (gender-guesser's lexicon) or an earlier "he"/"she" resolved to them;
  "it"/"they" the latest organisation or group; "the group", "the military"
  the latest organisation whose name fits; "the senator", "the president"
  the latest person the article gives that role, or a title of that kind
  ("the judge" a "Justice", "the lawmaker" a "Rep.");
- "I" outside quotes is the writer an opinion piece names in its closing
  contributor line ("Jane Doe is a professor of history at ...");
- role and organisation come from titles before the name ("Pentagon spokesman",
  "Moscow's envoy to Afghanistan") and from appositives (", a 39-year-old
  shopkeeper").

Limits: an organisation is a string, not linked to a knowledge base.
Entities are merged across articles by :mod:`quotes.entities`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from functools import cached_property
from itertools import accumulate

from quotes.attribute import first_subject, noun_phrase
from quotes.budget import check
from quotes.entities import NameParts, by_acronym
from quotes.index import SpanIndex
from quotes.lexicon import (
    BODY_WORDS,
    GROUP_PRONOUNS,
    HONORIFICS,
    MESSAGE_NOUNS,
    ORG_NOUNS,
    PERSON_PRONOUNS,
    PLACE_HEADS,
    POSSESSIVES,
    RELATIVE_PRONOUNS,
    RELATIVE_SUBJECTS,
    ROLE_KINDS,
    ROLE_NOUNS,
    SOURCE_HEADS,
)
from quotes.roles import (
    expand,
    is_person,
    is_place,
    is_role_word,
    is_staff,
    is_suffix,
    mention_role,
    name_title,
    names_body,
    party,
    phrase_start,
    staff_organization,
)
from quotes.types import Article, Doc, Entity, Mention, Quote, Sentence, Span, Token

_HONORIFIC_GENDER = {"mr": "male", "sir": "male", "lord": "male", "mrs": "female", "ms": "female", "miss": "female",
                     "dame": "female", "lady": "female"}
_TURN = re.compile(r"\s*([QA])\s*:\s")  # an interview transcript's question or answer
_REFLEXIVES = {"himself", "herself", "itself", "themselves"}
_INTERVIEWEE = {"A": {"i", "me", "my"}, "Q": {"you", "your"}}  # the words for the interviewee in each turn
_PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}


def _clean_name(text: str, person: bool = True) -> str:
    """A name without honorifics, a possessive or a bracket after it ("Sen. Lindsey Graham (R-S.C.)");
    a ``person``'s also without a title nameparser knows ("Mayor", "Prime Minister")."""
    words = [w for w in text.split("(")[0].split() if w.lower().rstrip(".") not in HONORIFICS]
    name = " ".join(words)
    for p in POSSESSIVES:
        if name.endswith(p):
            name = name[: -len(p)]
    title = name_title(name) if person else ""
    if title and name.startswith(title) and name[len(title):].strip(" ,."):
        name = name[len(title):]
    return name.strip(" ,.")


def _org_name(tokens: list[Token]) -> str:
    words = [t.text for t in tokens if t.upos != "DET" and t.text.lower() not in ("the", "a", "an")]
    name = " ".join(words)
    for p in POSSESSIVES:
        name = name.replace(" " + p, "")
    return name.strip()


def _appositive(sent: Sentence, after: int) -> list[Token]:
    """Tokens of ", a soldier who ..." right after token index ``after`` (exclusive)."""
    toks = sent.tokens
    i = after + 1
    if i >= len(toks) or toks[i].text != ",":
        return []
    j = i + 1
    if j >= len(toks) or toks[j].upos not in ("DET", "ADJ", "NOUN", "NUM", "PROPN"):
        return []
    lo, hi = noun_phrase(toks, j)
    # a phrase its verb follows is the next clause's subject: "According to ABC
    # News, Basya also believes ..."
    if lo != j or (hi + 1 < len(toks) and toks[hi + 1].upos in ("VERB", "AUX", "ADV")):
        return []
    return toks[lo:hi + 1]


def _tokens_in(doc: Doc, span: Span) -> tuple[Sentence, list[Token]] | None:
    s = doc.sentence_at(span.start)
    return (s, [t for t in s.tokens if span.start <= t.start and t.end <= span.end]) if s else None


def _titled_names(sent: Sentence) -> list[tuple[int, int]]:
    """Token ranges of names right after a role title: "spokesman John Kirby"."""
    toks = sent.tokens

    def titled(t: Token) -> bool:
        return t.lemma.lower() in ROLE_NOUNS or t.text.lower().rstrip(".") in ROLE_NOUNS | HONORIFICS

    out = []
    for t in toks:
        if not titled(t):
            continue
        start = t.index + 1
        via_link = start < len(toks) and toks[start].upos == "ADP" and toks[start].text.lower() in ("to", "of", "for")
        if via_link:  # "envoy to Afghanistan Zamir Kabulov": the name is the run's last two words
            start += 1
            if start < len(toks) and toks[start].text.lower() == "the":  # "CEO of the Refugee Council Enver Solomon"
                start += 1
        j = start
        while j < len(toks) and toks[j].upos == "PROPN" and toks[j].text[:1].isupper():
            j += 1
        while start < j and titled(toks[start]):  # "commander General Mirassadullah Kohistani"
            start += 1
        if via_link:
            start = j - 2 if j - start >= 3 else j
        if j > start:
            out.append((start, j - 1))
    return out


def _trim_link_object(doc: Doc, text: str, span: Span) -> Span:
    """"envoy to [Afghanistan Zamir Kabulov]": the name is the last two words."""
    found = _tokens_in(doc, span)
    if not found or len(found[1]) < 3:
        return span
    sent, toks = found
    i = toks[0].index
    if i >= 2 and sent.tokens[i - 1].text.lower() in ("to", "of", "for") and \
            (sent.tokens[i - 2].lemma.lower() in ROLE_NOUNS or sent.tokens[i - 2].text.lower() in ROLE_NOUNS):
        return Span.of(text, toks[-2].start, toks[-1].end)
    return span


def person_spans(doc: Doc, text: str) -> list[Span]:
    """People named in the article: NER person mentions, plus names after a role title
    that NER missed (compact models miss some); not a name NER also tags as a
    place in the article ("the US exit from Bagram" beside "Bagram" a place)."""
    spans = [_trim_link_object(doc, text, m.span) for m in _person_mentions(doc)]
    for sent in doc.sentences:
        for lo, hi in _titled_names(sent):
            start, end = sent.tokens[lo].start, sent.tokens[hi].end
            if not any(s.start < end and start < s.end for s in spans):
                spans.append(Span.of(text, start, end))
    return sorted(spans)


def _headline(article: Article) -> Span | None:
    """The article's first paragraph when it is a headline in title case (most of its
    words capitalized), where the NER model runs names on over capitalized words."""
    if not article.paragraphs:
        return None
    first = article.paragraphs[0].span
    words = [w for w in first.text.split() if w[:1].isalpha()]
    capitalized = sum(w[:1].isupper() for w in words)
    return first if len(words) >= 3 and capitalized >= 0.7 * len(words) else None


def _title_words(sent: Sentence, name: list[Token]) -> set[str]:
    """The role nouns and titles before a name (or in the span NER gave it) and in its appositive, lower case
    and abbreviations expanded ("president" of "President Obama", "senator" of "Sen. Bernie Sanders",
    "governor" of ", the governor")."""
    lo = phrase_start(sent, name[0].index)
    words = {expand(t.lemma) for t in [*sent.tokens[lo:name[-1].index], *_appositive(sent, name[-1].index)]}
    return {w for w in words if w in ROLE_NOUNS or w in HONORIFICS}


# a web address ("FactCheck.org") names no person
_WEB_ADDRESS = re.compile(r"\w\.(?:com|org|net|gov|edu|us)\b|@", re.IGNORECASE)


def _person_mentions(doc: Doc) -> list[Mention]:
    """NER person mentions, less places: names NER tags as a place elsewhere in
    the article at least as often as a person, and names ending in a word of
    :data:`quotes.lexicon.PLACE_HEADS`; and less a name after "the" ("the
    Times"), or a web address ("FactCheck.org"), which no person's is."""
    votes = Counter(m.span.text for m in doc.mentions if m.type in ("LOC", "GPE"))
    votes.subtract(m.span.text for m in doc.mentions if m.type in ("PER", "PERSON"))
    places = {name for name, n in votes.items() if n >= 0}
    return [m for m in doc.mentions if m.type in ("PER", "PERSON") and m.span.text not in places
            and m.span.text.split()[-1].lower() not in PLACE_HEADS and m.span.text.split()[0].lower() != "the"
            and not _WEB_ADDRESS.search(m.span.text)]


def _parsed(sent: Sentence) -> bool:
    """Was the sentence parsed? Unparsed ones carry a flat "dep" parse."""
    return any(t.deprel != "dep" for t in sent.tokens)


def _is_subject(sent: Sentence, toks: list[Token]) -> bool:
    """Is the mention a clause subject, so that "he", "it" or "the group" may
    refer back to it? Yes if it opens the sentence's first clause; else, in a
    parsed sentence, if the parse says so; in an unparsed one, if it comes
    before the first verb ("Last week, New Jersey Gov. Chris Christie
    announced", not the "Christie" the sentence goes on to name). A topic
    ("As for Trump, he said ...") and the focus of a cleft ("it was Mr. Trump
    who ...") are subjects too."""
    opening = first_subject(sent.tokens, len(sent.tokens))
    if opening is not None and opening[0] <= toks[0].index <= opening[1]:
        return True
    start = toks[0].index
    while start > 0 and sent.tokens[start - 1].text.lower().rstrip(".") in HONORIFICS:
        start -= 1  # "it was Mr. Trump who"
    before = [t.text.lower() for t in sent.tokens[max(0, start - 2):start]]
    after = sent.tokens[toks[-1].index + 1].text.lower() if toks[-1].index + 1 < len(sent.tokens) else ""
    if (before == ["as", "for"] and start == 2) or (before in (["it", "was"], ["it", "is"])
                                                    and after in ("who", "that")):
        return True
    if _parsed(sent):
        return any(t.deprel.startswith("nsubj") for t in toks)
    verb = next((t.index for t in sent.tokens if t.upos in ("VERB", "AUX")), len(sent.tokens))
    return toks[0].index < verb


def _is_name(tokens: list[Token]) -> bool:
    return bool(tokens) and all(t.text[:1].isupper() or t.text in ("-", ".") for t in tokens)


class _ArticleIndex:
    """People and organisations named in one article, in text order."""

    def __init__(self, article: Article, doc: Doc, reported: Iterable[Span] = ()) -> None:
        self.doc = doc
        self.text = article.text
        self.paragraphs = article.paragraphs
        # (start, furthest end so far) of what the article's quotes report (``reported``), by start
        spans = sorted((s.start, s.end) for s in reported)
        reaches = accumulate((end for _, end in spans), max)
        self.contents = [(start, reach) for (start, _), reach in zip(spans, reaches, strict=True)]
        self.people: dict[str, None] = {}  # canonical names, in the order first named
        self.subjects: list[tuple[int, Entity]] = []  # (position, entity) of named subjects
        self.named: list[tuple[int, str]] = []  # (position, canonical name) of every person named
        self.in_full: Counter[str] = Counter()  # how often each person is named in full
        self.titles: dict[str, set[str]] = {}  # canonical name -> title words before it or in its appositive
        self.genders: dict[str, str] = {}  # canonical name -> "male" / "female", where the text tells
        self.hints: dict[int, tuple[str | None, set[str]]] = {}  # person span start -> its honorific gender, titles
        self.persons = person_spans(doc, article.text)
        self.person_mentions = _person_mentions(doc)
        headline = _headline(article)
        for span in self.persons:
            found = _tokens_in(doc, span)
            if not found:
                continue
            sent, toks = found
            if not toks:
                continue
            name = _clean_name(span.text)
            # NER runs on over capitalized headline words ("Gold Star Mom Corners Obama"):
            # a headline name counts only where the story names that person too
            if not name or (headline is not None and span.end <= headline.end
                            and article.text.find(name, headline.end) < 0):
                continue
            said = _HONORIFIC_GENDER.get(sent.tokens[toks[0].index - 1].text.lower().rstrip(".")) \
                if toks[0].index else None
            said = said or _HONORIFIC_GENDER.get(toks[0].text.lower().rstrip("."))
            titles = _title_words(sent, toks)
            self.hints[span.start] = said, titles
            person = self.canonical(name, said, titles)
            self.people.setdefault(person)
            self.in_full[person] += " " in name
            self.titles.setdefault(person, set()).update(titles)
            self.named.append((span.start, person))
            gender = said or NameParts.of(name).gender
            if gender:
                self.genders.setdefault(person, gender)
            if _is_subject(sent, toks):
                self.subjects.append((span.start, self.entity(name, span.start)))
        # a surname NER missed where the article names the person in full elsewhere
        # ("Murphy’s floor speech wasn’t a solo effort — he was joined ...")
        surnames = {n.split()[-1] for n in self.people if " " in n}
        covered = SpanIndex((p.start, p.end) for p in self.persons)
        for sent in doc.sentences:
            for t in sent.tokens:
                if t.text in surnames and t.ner == "O" and not covered.overlaps(t.start, t.end) \
                        and _is_subject(sent, [t]):
                    self.subjects.append((t.start, self.entity(t.text)))
        for m in doc.mentions:
            found = _tokens_in(doc, m.span) if m.type == "ORG" else None
            # in a parsed sentence, only organisations named as subjects are antecedents
            # of "it" / "the group"; in an unparsed one, any may be
            if found and found[1] and _is_subject(*found):
                self.subjects.append((m.span.start, Entity(_clean_name(m.span.text, person=False), "ORG")))

    def canonical(self, name: str, gender: str | None = None, titles: set[str] | frozenset[str] = frozenset()) -> str:
        """The full name a surname-only mention stands for: the one the article gives with that
        surname, of several the one it names in full most often, the first on a tie (itself if none).
        The mention's honorific and titles choose among them: "Mr. Obama" is no woman, "President
        Obama" the one the article titles president."""
        if " " in name:
            # the end of a longer name the article gives ("Suu Kyi" of "Aung San Suu Kyi")
            longer = [n for n in self.people if n.endswith(" " + name)]
            return longer[0] if len(longer) == 1 else name
        # what the article's other bare mentions of the surname tell ("Mr. Obama" fifteen times)
        gender, titles = gender or self.genders.get(name), titles | self.titles.get(name, set())
        full = [n for n in self.people if " " in n and n.split()[-1] == name]
        fits = [n for n in full if gender is None or self.genders.get(n, gender) == gender]
        pool = [n for n in fits if titles & self.titles.get(n, set()) - HONORIFICS] or fits
        return max(pool, key=lambda n: self.in_full[n]) if pool else name

    def entity(self, name: str, at: int | None = None) -> Entity:
        """The person ``name`` stands for (named by the person span starting at ``at``,
        whose honorific and titles help choose)."""
        return Entity(self.canonical(name, *self.hints.get(at, (None, frozenset()))), "PERSON")

    @cached_property
    def _mentioned(self) -> dict[str, list[tuple[int, int, Entity]]]:
        """(position, -order, entity) of the named subjects by type, sorted: the
        last before a position is a binary search away, the first named on a tie."""
        by_type: dict[str, list[tuple[int, int, Entity]]] = {}
        for n, (p, e) in enumerate(self.subjects):
            by_type.setdefault(e.type, []).append((p, -n, e))
        for entries in by_type.values():
            entries.sort(key=lambda x: x[:2])
        return by_type

    def resolved(self, pos: int, entity: Entity) -> None:
        """Record a speaker resolved at ``pos``: an antecedent for later pronouns."""
        entries = self._mentioned.setdefault(entity.type, [])
        insort(entries, (pos, -len(self.subjects) - len(entries), entity), key=lambda x: x[:2])

    @cached_property
    def _mentions(self) -> tuple[list[int], list[Mention]]:
        ordered = sorted(self.doc.mentions, key=lambda m: m.span.start)
        return [m.span.start for m in ordered], ordered

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """The NER mentions wholly inside ``[start, end)``."""
        starts, ordered = self._mentions
        return [m for m in ordered[bisect_left(starts, start):bisect_left(starts, end)] if m.span.end <= end]

    def antecedent(self, pos: int, want: str, gender: str | None = None) -> Entity | None:
        """The latest entity of type ``want`` mentioned as a subject (or resolved as a speaker) before
        ``pos``, skipping people of the other ``gender`` (by title, first name or an earlier pronoun)."""
        entries = self._mentioned.get(want, [])
        k = bisect_left(entries, pos, key=lambda x: x[0])
        for at, _, e in reversed(entries[:k]):
            if self.reported_at(at):
                continue
            if gender is None or self.genders.get(self.canonical(e.name), gender) == gender:
                if gender:  # "she" said of someone whose name did not tell: she from now on
                    self.genders.setdefault(self.canonical(e.name), gender)
                return e
        return None

    def reported_at(self, pos: int) -> bool:
        """Is ``pos`` inside what a quote of the article reports? A name there is
        no antecedent of a later "he" ("Manafort said Trump would win. He added ...")."""
        k = bisect_right(self.contents, pos, key=lambda c: c[0])
        return k > 0 and pos < self.contents[k - 1][1]

    @cached_property
    def author(self) -> str | None:
        """The writer an opinion piece names in its closing contributor line
        ("Charlotte Meehan is playwright-in-residence at Wheaton College."):
        who its "I" is."""
        for sent in reversed(self.doc.sentences[-3:]):
            first = next((p for p in self.persons if p.start == sent.tokens[0].start), None)
            verb = next((t for t in sent.tokens if first is not None and t.start >= first.end), None)
            if first is not None and verb is not None and verb.lemma.lower() == "be" \
                    and " " in (name := _clean_name(first.text)):
                return name
        return None

    @cached_property
    def bodies(self) -> set[str]:
        """The organizations NER finds in the article, by name."""
        return {_clean_name(m.span.text, person=False) for m in self.doc.mentions if m.type == "ORG"}

    @cached_property
    def _acronyms(self) -> dict[str, set[str]]:
        return by_acronym(self.bodies)

    def spelled_out(self, org: str) -> str:
        """An acronym ("NIH") as the one organization the article names in full that
        it abbreviates ("National Institutes of Health"); any other name as it is."""
        letters = org.replace(".", "")
        full = self._acronyms.get(letters, set()) if letters.isupper() else set()
        return next(iter(full)) if len(full) == 1 else org

    @cached_property
    def turns(self) -> list[tuple[int, str]]:
        """(start, "Q" or "A") of the paragraphs that open a question or an
        answer, when the article is an interview transcript ("Q: …" / "A: …",
        at least two of each); empty otherwise."""
        turns = [(p.span.start, m.group(1)) for p in self.paragraphs if (m := _TURN.match(p.span.text))]
        return turns if min(sum(t == k for _, t in turns) for k in "QA") >= 2 else []

    def interviewee(self, pos: int, word: str) -> str | None:
        """Who "I" of an answer, or "you" of a question, is in an interview
        transcript: the person the article names first ("Q&A with Vice
        President Joe Biden"). A paragraph without its own "Q:" or "A:" goes on
        with the turn before it."""
        k = bisect_right(self.turns, pos, key=lambda t: t[0])
        if not k or not self.people:
            return None
        return next(iter(self.people)) if word in _INTERVIEWEE[self.turns[k - 1][1]] else None

    def titled(self, pos: int, noun: str) -> Entity | None:
        """The latest person named before ``pos`` with the title ``noun`` (or one of its kind,
        :data:`~quotes.lexicon.ROLE_KINDS`) before the name or in an appositive: who "the senator"
        is ("Sen. X"), not who "the reporter" is ("Rep. X")."""
        k = bisect_left(self.named, pos, key=lambda x: x[0])
        for _, name in reversed(self.named[:k]):
            if any(noun == word or word in ROLE_KINDS.get(noun, ()) for word in self.titles.get(name, ())):
                return self.entity(name)
        return None


def _link_object(toks: list[Token], name: Span) -> bool:
    """Is the name the object of a link word in the phrase, past titles and
    labels ("a spokesman for Hillary Clinton", "aides to Sen. Bernie Sanders",
    "supporters of Democrat Hillary Clinton"), or the end of a body's name
    ("Matthew Ingram of The Globe and Mail"), rather than its head ("Director
    of the FBI James Comey") or the author of a message ("a statement from
    Hillary Clinton"), who speaks?"""
    before = [t for t in toks if t.end <= name.start]
    for k in range(len(before) - 1, -1, -1):
        t = before[k]
        if t.upos == "ADP":
            return k == 0 or before[k - 1].lemma.lower() not in MESSAGE_NOUNS
        if t.upos == "CCONJ" and k == len(before) - 1 and k > 0 and before[k - 1].ner[2:] == "ORG":
            return True  # the end of a body's name: "Matthew Ingram of The Globe and Mail"
        if not (t.upos in ("DET", "ADJ") or is_role_word(t) or party(t.text)
                or t.text.lower().rstrip(".") in HONORIFICS):
            return False
    return False


def _phrase_heads(toks: list[Token]) -> list[Token]:
    """The words of a phrase whose parse head lies outside it: its syntactic head(s)."""
    inside = range(toks[0].index, toks[-1].index + 1)
    return [t for t in toks if t.head not in inside]


def _head_persons(index: _ArticleIndex, toks: list[Token], end: int) -> list[Span]:
    """The person names that head a speaker phrase ending at ``end`` (which may
    stop before a bracket): a name that ends it ("Republican nominee Donald
    Trump"; not "Afghan" in "Afghan authorities"), else a name its appositive
    or its body follows ("Sam Jacobs, Time's assistant managing editor",
    "Meenakshi Ganguly of Human Rights Watch"), past a suffix ("Jr.")."""
    start = toks[0].start
    persons = [p for p in index.persons if start <= p.start and end <= p.end <= toks[-1].end
               and not _link_object(toks, p)]
    if persons:
        return persons
    heads = _phrase_heads(toks)
    if all(t.head == -1 for t in toks):  # an unparsed sentence: the first word ("Clinton, the front-runner,")
        heads = toks[:1]
    out = []
    for p in index.persons:
        if heads and start <= p.start and p.end <= toks[-1].end and all(p.start <= t.start < p.end for t in heads):
            after = next((t.text.lower() for t in toks if t.start >= p.end and not is_suffix(t)), None)
            if after in (",", "of", "at", None):  # an appositive or a body follows, or nothing
                out.append(p)
    return out


def _entity_for(index: _ArticleIndex, sent: Sentence, toks: list[Token], speaker: Span) -> Entity | None:
    if len(toks) > 1 and toks[-1].upos == "PRON" and toks[-1].text.lower() in RELATIVE_SUBJECTS:
        # a speaker span that ends on the relative pronoun of its clause ("a marketing video that said")
        toks = toks[:-1]
        speaker = Span.of(index.text, toks[0].start, toks[-1].end)
    doc = index.doc
    words = [t.text.lower() for t in toks]
    if len(toks) == 1 and words[0] in PERSON_PRONOUNS | {"his"}:  # "his campaign said": a possessive speaker
        return index.antecedent(speaker.start, "PERSON", _PRONOUN_GENDER[words[0]])
    if len(toks) == 1 and (interviewee := index.interviewee(speaker.start, words[0])) is not None:
        return index.entity(interviewee)
    if len(toks) == 1 and words[0] in ("i", "me") and index.author is not None:  # the writer of an opinion piece
        return index.entity(index.author)
    if len(toks) == 1 and words[0] in GROUP_PRONOUNS:
        return index.antecedent(speaker.start, "ORG")
    if len(toks) == 1 and words[0] in RELATIVE_PRONOUNS:
        phrase = _relative_antecedent(sent, toks[0])
        if phrase is None:
            return None
        span = Span.of(index.text, phrase[0].start, phrase[-1].end)
        # "who" stands for a person, the one the phrase ends on ("the rise of Donald Trump, who")
        ending = [p for p in index.persons if span.start <= p.start and p.end == span.end]
        if words[0] == "who" and ending:
            return index.entity(_clean_name(ending[-1].text), ending[-1].start)
        return _entity_for(index, sent, phrase, span)

    persons = _head_persons(index, toks, toks[-1].end)
    app = _appositive(sent, toks[-1].index)
    if not persons and app:
        app_span = Span(app[0].start, app[-1].end, "")
        persons = [p for p in index.persons if app_span.start <= p.start and p.end <= app_span.end]
        if persons:  # "one of the soldiers, Mohammad Musa"
            return index.entity(_clean_name(persons[-1].text), persons[-1].start)
    if persons:
        return index.entity(_clean_name(persons[-1].text), persons[-1].start)
    name = _clean_name(speaker.text)
    if name and _is_name(toks) and len(toks) <= 4 and (not doc.mentions or index.canonical(name) != name):
        # untagged text, or a surname the tagger missed ("Trump" read as a noun): trust capitals
        return index.entity(name)
    heads = _phrase_heads(toks)
    if len(heads) == 1 and heads[0].upos == "PROPN" and heads[0].ner[2:] not in ("ORG", "LOC", "GPE") \
            and words[0] not in ("the", "both") and index.canonical(heads[0].text) != heads[0].text:
        # a surname NER missed heads the phrase: "Schiff, 56, who has served on the Intelligence Committee"
        return index.entity(heads[0].text)
    # "the senator", "the former secretary of state": the title's noun before any link word
    link = next((t.index for t in toks if t.upos == "ADP"), toks[-1].index + 1)
    noun = next((expand(t.lemma) for t in reversed(toks) if t.index < link and expand(t.lemma) in ROLE_NOUNS), None)
    if words[0] == "the" and noun is not None:
        # whom the article titles so; else, for "the Texas senator", the person last named
        described = index.titled(speaker.start, noun)
        if described is None and any(is_place(t) for t in toks):
            described = index.antecedent(speaker.start, "PERSON")
        if described is not None:
            return described

    orgs = [m.span for m in doc.mentions if m.type == "ORG"
            and speaker.start <= m.span.start and m.span.end <= speaker.end]
    # the head noun comes before any link word: "statement" in "a statement from the presidency"
    link = next((t.index for t in toks if t.upos == "ADP"), toks[-1].index + 1)
    head = next((t for t in reversed(toks) if t.upos in ("NOUN", "PROPN") and t.index < link), toks[-1])
    if head.lemma.lower() in MESSAGE_NOUNS or head.text.lower() in MESSAGE_NOUNS:
        # "a statement from the presidency", "a palace statement", "the military's count":
        # the source is the issuer
        # after "from" or "by" ("a statement from the presidency"), not after "of", which
        # gives the topic ("PC World's recent analysis of its own web traffic statistics")
        after = [t for t in toks if t.index > head.index]
        issuer = [t for t in after if t.upos in ("NOUN", "PROPN")] \
            if after and after[0].text.lower() in ("from", "by") else []
        # "a palace statement", "an Afghan army statement", "Cornyn's statement"; not "Recent reports"
        before = [t for t in toks if t.index < head.index and (t.upos in ("NOUN", "PROPN") or
                                                               (t.upos == "ADJ" and t.ner != "O"))]
        words = issuer or before
        name = " ".join(t.text for t in words)
        if words and (is_person(words) or index.canonical(name) != name):
            return index.entity(name)  # a person's statement is the person's
        # a body, not a common noun that names none ("the event website")
        if words and (any(t.text[:1].isupper() for t in words) or real_source(words)):
            return Entity(name, "ORG")
    if orgs:
        return Entity(_clean_name(orgs[-1].text, person=False), "ORG")
    if head.lemma.lower() in ORG_NOUNS or head.text.lower() in ORG_NOUNS:
        name = _org_name(toks)
        definite = words[0] in ("the", "its", "their") and len([t for t in toks if t.upos != "DET"]) == 1
        if definite:
            prior = index.antecedent(speaker.start, "ORG")
            if prior is not None and (head.text.lower() in prior.name.lower() or head.lemma == "group"):
                return prior
        return Entity(name, "ORG")
    if name and any(t.upos == "PROPN" for t in toks) and all(t.upos in ("PROPN", "DET", "PUNCT") for t in toks):
        # "Pakistan said": the country speaks, no person; nor is "the Times" or "FactCheck.org" one
        if all(is_place(t) for t in toks if t.upos == "PROPN") or words[0] == "the" \
                or _WEB_ADDRESS.search(speaker.text):
            return Entity(_clean_name(speaker.text, person=False), "ORG")
        return index.entity(name)
    return Entity(re.sub(r"^(the|a|an) ", "", speaker.text, flags=re.I), "NOMINAL")


def _as_mentioned(index: _ArticleIndex, sent: Sentence, toks: list[Token], entity: Entity) -> Entity:
    """The entity with the role and organization this mention states
    (:func:`quotes.roles.mention_role`), not those of its other mentions; a
    phrase headed by a role ("a Homeland Security Department official") is a
    nominal source, not the organization it names."""
    if len(toks) == 1 and toks[0].text.lower() in RELATIVE_PRONOUNS:
        toks = _relative_antecedent(sent, toks[0]) or _before_comma(sent, toks[0]) or toks
    # a party and state after the name ("Sen. Lindsey Graham (R-S.C.)") leaves it the phrase's head
    bracket = next((t.index for t in toks[1:] if t.text == "("), None)
    end = sent.tokens[bracket - 1].end if bracket is not None else toks[-1].end
    persons = _head_persons(index, toks, end)
    named = [t.index for t in toks if persons and persons[-1].start <= t.start and t.end <= persons[-1].end]
    untitled = next((k for k, t in enumerate(toks) if not is_role_word(t)), None)
    if not named and entity.type == "PERSON" and untitled is not None and len(toks) <= 3 and _is_name(toks) \
            and not any(party(t.text) for t in toks):
        # a name NER missed here ("Purcell, a Republican, said"), past its title ("Del. Stacey Plaskett")
        named = [t.index for t in toks[untitled:]]
    role, org = mention_role(sent, toks, (named[0], named[-1]) if named else None)
    # "Trump's campaign manager", "Clinton's allies"; not a body named after someone ("Clinton Foundation")
    if org and not names_body(org.split()) and index.canonical(_clean_name(org)) in index.people:
        org = staff_organization(org) if is_staff(role) else None
    if org is None and role:
        org = _owner_organization(index, toks, role)
    org = index.spelled_out(org) if org else org
    if entity.type == "ORG" and role:
        entity = Entity(_org_name(toks), "NOMINAL")
    return replace(entity, role=role, organization=org)


def _owner_organization(index: _ArticleIndex, toks: list[Token], role: str) -> str | None:
    """The organization a possessive pronoun or description in a speaker phrase
    gives its role: "his chief aide" speaks for the campaign of the man "his"
    stands for, "the senator's advisers" for that of the person the article
    titles senator, "its acting chairman" for the body "its" stands for; "his
    lawyer" for none."""
    owner = next((t for t in toks if t.text.lower() in ("his", "her", "its", "their")), None)
    poss = next((k for k, t in enumerate(toks) if t.text in POSSESSIVES), None)
    if owner is None and poss is not None and poss >= 2 and toks[0].text.lower() == "the":
        # "the senator's advisers": whom the article titles so
        described = index.titled(toks[0].start, expand(toks[poss - 1].lemma))
        return staff_organization(described.name) if described is not None and is_staff(role) else None
    if owner is None:
        return None
    if owner.text.lower() in ("its", "their"):
        body = index.antecedent(owner.start, "ORG")
        return body.name if body is not None else None
    person = index.antecedent(owner.start, "PERSON", _PRONOUN_GENDER[owner.text.lower()])
    return staff_organization(person.name) if person is not None and is_staff(role) else None


def _before_comma(sent: Sentence, pronoun: Token) -> list[Token] | None:
    """The phrase right before ", who" where the parse links the pronoun to nothing."""
    i = pronoun.index
    if i < 2 or sent.tokens[i - 1].text != ",":
        return None
    lo, hi = noun_phrase(sent.tokens, i - 2)
    return sent.tokens[lo:hi + 1]


def _relative_antecedent(sent: Sentence, pronoun: Token) -> list[Token] | None:
    """The phrase a relative pronoun stands for, by the parse: "Ana Diaz" in
    "said Ana Diaz, a cashier, who said she ...". An appositive gives way to the
    phrase it renames."""
    toks = sent.tokens
    verb = toks[pronoun.head] if pronoun.head >= 0 else None
    if verb is None or not verb.deprel.startswith("acl") or verb.head < 0:
        return None
    noun = toks[verb.head]
    while noun.deprel == "appos" and noun.head >= 0:
        noun = toks[noun.head]
    lo, hi = noun_phrase(toks, noun.index)
    return toks[lo:hi + 1]


PRONOUN_WORDS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "who", "which", "that"}


def speaker_head(tokens: list[Token]) -> Token | None:
    """The head word of a speaker phrase: its last noun, name or pronoun before
    any preposition ("a statement [from the presidency]" -> statement)."""
    head = None
    for t in tokens:
        if t.upos == "ADP" and head is not None:
            break
        if t.upos in ("NOUN", "PROPN", "PRON") or t.text.lower() in PRONOUN_WORDS:
            head = t
    return head


def real_source(tokens: list[Token]) -> bool:
    """Can this phrase be a speaker: a person, an organization, a group, or a
    document? Not when its head is a lower-case common noun, outside any named
    entity, that news never uses for a source ("a brave face", "turn", "the
    militants' rapid gains"); see :data:`quotes.lexicon.SOURCE_HEADS`."""
    head = speaker_head(tokens)
    return head is None or head.upos != "NOUN" or head.ner != "O" or not head.text[:1].islower() \
        or head.lemma.lower() in SOURCE_HEADS or head.text.lower() in SOURCE_HEADS


def resolve(article: Article, doc: Doc, quotes: list[Quote]) -> list[Quote]:
    """Fill ``entity`` for each quote with a speaker (in place) and return the
    quotes; a speaker phrase that is no source (:func:`real_source`) is dropped."""
    index = _ArticleIndex(article, doc, [q.content for q in quotes])
    by_speaker: dict[int, Entity | None] = {}
    for quote in quotes:
        check()
        if quote.speaker is None:
            continue
        if quote.speaker.start in by_speaker:  # inherited speaker: same entity
            quote.entity = by_speaker[quote.speaker.start]
            continue
        found = _tokens_in(doc, quote.speaker)
        if not found or not found[1]:
            continue
        sent, toks = found
        if len(toks) > 1 and (toks[-1].text in POSSESSIVES or toks[-1].text.lower() in _REFLEXIVES):
            toks = toks[:-1]  # "Trump's [campaign said]": the owner speaks, as "his" does; "Clinton herself"
        if not real_source(toks):
            quote.speaker = None
            continue
        entity = _entity_for(index, sent, toks, quote.speaker)
        if entity is not None:
            entity = _as_mentioned(index, sent, toks, entity)
        quote.entity = entity
        by_speaker[quote.speaker.start] = entity
        if entity is not None:
            index.resolved(quote.speaker.start, entity)
    _name_bare_organizations([q.entity for q in quotes if q.entity is not None], index.bodies)
    for quote in quotes:
        quote.subjects = _subjects(index, quote)
    return quotes


def _subjects(index: _ArticleIndex, quote: Quote) -> list[Entity]:
    """People and organisations the NER model finds inside what the quote says: a
    split direct quote's fragments, not the frame between them ("Kennedy said")."""
    out: dict[str, Entity] = {}
    pieces = quote.fragments if quote.kind == "direct" and len(quote.fragments) > 1 else [quote.content]
    for piece in pieces:
        for m in index.mentions_in(piece.start, piece.end):
            found = _tokens_in(index.doc, m.span) if m in index.person_mentions else None
            if found and found[1]:
                e = _as_mentioned(index, *found, index.entity(_clean_name(m.span.text)))
            elif m.type == "ORG":
                e = Entity(_clean_name(m.span.text, person=False), "ORG")
            else:  # a place NER also took for a person, or no person nor organization
                continue
            out.setdefault(e.name, e)
    return list(out.values())


def _name_bare_organizations(entities: list[Entity], named: set[str]) -> None:
    """Give "military" the one fuller name the article uses for it ("Pakistan
    military"), and a short name of a body its full one ("the Times", "Daily
    News": "The New York Times", "New York Daily News"); not a word any body's
    name may end in ("House": the White House or the House of Representatives).
    ``named``: the bodies NER finds in the article."""
    def unmarked(name: str) -> str:
        return re.sub(r"^the ", "", name, flags=re.I)

    names = {unmarked(n) for n in {e.name for e in entities if e.type == "ORG"} | named}
    for e in entities:
        name = unmarked(e.name)
        bare = " " not in name and name.islower()
        short = name[:1].isupper() and name.lower() not in ORG_NOUNS | BODY_WORDS
        if e.type == "ORG" and (bare or short):
            fuller = {n for n in names if n.lower().endswith(" " + name.lower())}
            if len(fuller) == 1:
                e.name = fuller.pop()
