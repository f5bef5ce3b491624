"""The plain dataclasses passed between pipeline stages.

ingest -> :class:`Article`; annotate -> :class:`Doc`; detect -> :class:`Quote`
(content and cue); attribute -> :class:`Quote` (speaker); resolve ->
:class:`Entity`. Every :class:`Span` points into ``Article.text``, the
original file text, so ``article.text[span.start:span.end] == span.text``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal

QuoteKind = Literal["direct", "mixed", "indirect"]
EntityType = Literal["PERSON", "ORG", "NOMINAL"]


@dataclass(frozen=True, order=True)
class Span:
    """A character range of the original text, with the text it covers."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, int | str]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Paragraph:
    """A paragraph of an article; ``skip`` says why it is left out of analysis."""

    span: Span
    skip: Literal["boilerplate", "duplicate", "metadata"] | None = None


@dataclass
class Article:
    """One article: the original text and what ingest learnt about it."""

    id: str
    text: str
    paragraphs: list[Paragraph]
    source: Path | None = None
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None

    @property
    def kept(self) -> list[Paragraph]:
        """Paragraphs that go on to annotation."""
        return [p for p in self.paragraphs if p.skip is None]


@dataclass
class Token:
    """A word with Stanza's annotation; offsets into the original text."""

    index: int  # within its sentence, 0-based
    text: str
    start: int
    end: int
    lemma: str
    upos: str
    head: int  # index of the head within the sentence, -1 for the root
    deprel: str
    ner: str  # BIOES tag, "O" outside entities
    xpos: str = ""  # Penn Treebank tag ("VBN"), "" where the annotation has none
    feats: str = ""  # UD features as Stanza gives them ("Tense=Past|VerbForm=Part"), "" where none

    def feat(self, name: str) -> str | None:
        """The value of the UD feature ``name``, None where the token lacks it.

        Examples
        --------
        >>> Token(0, "told", 0, 4, "tell", "VERB", -1, "root", "O", "VBN", "Tense=Past|VerbForm=Part").feat("VerbForm")
        'Part'
        """
        for pair in self.feats.split("|"):
            key, _, value = pair.partition("=")
            if key == name:
                return value
        return None

    @property
    def has_morphology(self) -> bool:
        """Whether the annotation gave a tag or features (stores written before
        tokens carried them have neither, and the rules fall back on spelling)."""
        return bool(self.xpos or self.feats)

    @property
    def is_participle(self) -> bool:
        """A past participle ("told", "written", "asked"): ``VerbForm=Part`` with
        ``Tense=Past``, or the tag VBN; without morphology, a word in "-ed".

        Examples
        --------
        >>> from dataclasses import replace
        >>> told = Token(0, "told", 0, 4, "tell", "VERB", -1, "root", "O", "VBN", "Tense=Past|VerbForm=Part")
        >>> told.is_participle, replace(told, xpos="VBD", feats="Mood=Ind|Tense=Past|VerbForm=Fin").is_participle
        (True, False)
        >>> Token(0, "asked", 0, 5, "ask", "VERB", -1, "root", "O").is_participle  # no morphology
        True
        """
        if not self.has_morphology:
            return self.text.lower().endswith("ed")
        return self.xpos == "VBN" or (self.feat("VerbForm") == "Part" and self.feat("Tense") == "Past")

    @property
    def is_past(self) -> bool:
        """A past tense or past participle ("said", "told", "written"): what "-ed"
        spells on regular verbs; without morphology, a word in "-ed". Where the
        position alone makes a verb a participle (opening a sentence, "a poll
        released last week"), rules ask this rather than :attr:`is_participle`:
        the compact tagger often tags such participles VBD.

        Examples
        --------
        >>> Token(0, "said", 0, 4, "say", "VERB", -1, "root", "O", "VBD", "Mood=Ind|Tense=Past|VerbForm=Fin").is_past
        True
        """
        if not self.has_morphology:
            return self.text.lower().endswith("ed")
        return self.xpos in ("VBD", "VBN") or self.feat("Tense") == "Past"


@dataclass
class Sentence:
    tokens: list[Token]
    paragraph: int  # index into Article.paragraphs

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


@dataclass
class Mention:
    """A named-entity mention found by the NER model."""

    span: Span
    type: str  # PER, ORG, LOC, MISC (or the official models' labels)


@dataclass
class Doc:
    """Annotation of an article's kept paragraphs; sentences in text order.

    The lookups by offset are binary searches, so a stage can ask them for
    every quote of a long article.
    """

    sentences: list[Sentence]
    mentions: list[Mention] = field(default_factory=list)

    @cached_property
    def _ends(self) -> list[int]:
        return [s.end for s in self.sentences]

    def sentence_at(self, pos: int) -> Sentence | None:
        """The sentence holding offset ``pos``."""
        k = bisect_right(self._ends, pos)
        return self.sentences[k] if k < len(self.sentences) and self.sentences[k].start <= pos else None

    def sentence_before(self, pos: int) -> Sentence | None:
        """The last sentence that ends at or before offset ``pos``."""
        k = bisect_right(self._ends, pos)
        return self.sentences[k - 1] if k else None

    def sentences_over(self, start: int, end: int) -> Iterator[Sentence]:
        """The sentences that reach into ``[start, end)``, in order."""
        for k in range(bisect_right(self._ends, start), len(self.sentences)):
            if self.sentences[k].start >= end:
                return
            yield self.sentences[k]

    def tokens_between(self, start: int, end: int) -> list[tuple[Sentence, Token]]:
        """Every token wholly inside ``[start, end)``, with its sentence."""
        return [(s, t) for s in self.sentences_over(start, end) for t in s.tokens if start <= t.start and t.end <= end]

    def token_at(self, pos: int) -> tuple[Sentence, Token] | None:
        """The token that starts at offset ``pos``, with its sentence."""
        sent = self.sentence_at(pos)
        tok = next((t for t in sent.tokens if t.start == pos), None) if sent else None
        return (sent, tok) if sent and tok else None


@dataclass
class Entity:
    """Who a speaker mention refers to."""

    name: str
    type: EntityType
    role: str | None = None
    organization: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {"name": self.name, "type": self.type, "role": self.role,
                "organization": self.organization}


@dataclass
class Quote:
    """A quotation or reported statement and who made it.

    ``content`` runs from the first to the last fragment; for a direct quote it
    excludes the outer quote marks, and ``fragments`` lists the quoted pieces
    when an attribution splits the quote or it runs over several paragraphs.
    ``reader`` says what found it: ``"rules"``, or a report tagger's name;
    ``rule`` the ids of the rules that made it (``quotes.detect.RULES``).
    ``confidence`` is the calibrated probability that content and speaker are
    both right (:mod:`quotes.confidence`); ``tagger_score``, for the tagger's
    reports, the mean probability of its content labels (one of the
    confidence model's inputs, not written out); ``trigger``, for a quote
    with a cue, the id of the trigger rule that read the cue
    (:func:`quotes.detect.trigger_rule`), which tells :mod:`quotes.attribute`
    where its speaker stands (not written out).
    """

    doc: str
    kind: QuoteKind
    content: Span
    cue: Span | None = None
    speaker: Span | None = None
    entity: Entity | None = None
    fragments: list[Span] = field(default_factory=list)
    subjects: list[Entity] = field(default_factory=list)  # people and organisations named in it
    reader: str = "rules"
    confidence: float | None = None
    rule: list[str] = field(default_factory=list)  # ids of quotes.detect.RULES that made it, finder first
    tagger_score: float | None = field(default=None, compare=False)
    trigger: str | None = field(default=None, compare=False)  # the rule id attribution finds the speaker by

    @property
    def said(self) -> str:
        """The words the quote reports, as a reader should see them: a direct quote
        split by its frame ('"A," Kennedy said in a statement. "B."') shows its
        fragments joined by an ellipsis, never the frame; other quotes their content.

        Examples
        --------
        >>> text = '"We will stay," Kennedy said in a statement. "We will win."'
        >>> q = Quote("a", "direct", Span.of(text, 1, 58), fragments=[Span.of(text, 1, 13), Span.of(text, 46, 58)])
        >>> q.said
        'We will stay … We will win.'
        """
        if self.kind == "direct" and len(self.fragments) > 1:
            return " … ".join(f.text.strip().rstrip(",") for f in self.fragments)
        return self.content.text

    def to_dict(self) -> dict[str, object]:
        return {
            "doc": self.doc,
            "kind": self.kind,
            "content": self.content.to_dict(),
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "entity": self.entity.to_dict() if self.entity else None,
            "fragments": [f.to_dict() for f in self.fragments],
            "subjects": [{"name": e.name, "type": e.type} for e in self.subjects],
            "reader": self.reader,
            "confidence": self.confidence,
            "rule": self.rule,
        }
