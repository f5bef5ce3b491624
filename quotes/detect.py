"""Stage 3: find quotes (direct, mixed, indirect) and their cues.

Two layers:

- :func:`quoted_spans` reads quote marks only (no annotation): pairs them per
  paragraph, tells apostrophes from single quotes, continues a quote into the
  next paragraph when that paragraph opens with a quote mark, and ends an
  unclosed quote at its paragraph's end (before a trailing ", he said.").
- :func:`detect` adds the annotation: a quoted span that stands as a
  statement of its own is a *direct* quote; a cue verb ("said", "told",
  "according to") with a reported clause is an *indirect* quote, or *mixed*
  when the clause holds quoted words. A stance verb reports its object ("called
  it a gift"), a phrasal cue its preposition's object ("pointed to the polls"),
  and a claim noun or adjective the "that" clause after it ("Trump's
  suggestion that ..."). Verbs of appearance and expectation report their
  subject with the rest of the clause ("the race appears closer"), and a
  question put to someone is reported ("was asked whether ..."). Quoted
  phrases in no reported clause are scare quotes and are not reported.

Limits: nested quotes are not reported separately; single quote marks open
a quote only at a word start and only outside double quotes; a speech cue
needs a clause (or "to"-infinitive for promise verbs), so "X claimed
responsibility" is not a quote; passives with "by" ("was confirmed by the
group") and intentions ("plans to") are not read.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise

from quotes.budget import check
from quotes.cue_model import CueModel, CueSelector
from quotes.index import SpanIndex
from quotes.lexicon import (
    ADDRESSEE_CUES,
    BELIEF_VERBS,
    CLAIM_WORDS,
    CLAUSE_OPENERS,
    CONCESSIONS,
    CUE_VERBS,
    DASHES,
    EVIDENTIAL_CUES,
    FRONTING_CONJUNCTIONS,
    INFINITIVE_CUES,
    LABELS,
    MESSAGE_NOUNS,
    NAMING_VERBS,
    PHRASAL_CUES,
    QUANTITY_OPENERS,
    QUANTITY_WORDS,
    REFLEXIVES,
    RELATIVE_PRONOUNS,
    RELATIVE_SUBJECTS,
    SAID_FORMS,
    SAY_FORMS,
    SPEECH_CUES,
    STANCE_CUES,
    SUBJECT_PRONOUNS,
    TIME_OPENERS,
    TIME_WORDS,
    WEAK_CUES,
    cue_lemma,
    is_abbreviation,
)
from quotes.span_model import ReportTagger, SpanTagger
from quotes.types import Article, Doc, Quote, Sentence, Span, Token

DOUBLE_OPEN = "“„«‟"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
STRAIGHT = "\"'"
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT
_NOMINAL = ("NOUN", "PROPN", "PRON", "NUM")
_OPEN_BEFORE = set(" \t\n([{—–-/" + DOUBLE_OPEN + SINGLE_OPEN)

# ", he said." / ", Mohib added on Monday." left inside a quote that never closes.
_TRAILING_FRAME = re.compile(
    r",\s+(?:he|she|they|it|we|(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)\s+"
    r"(?:said|says|added|adds|told|explained|noted|insisted|stressed|warned|argued)\b"
    r"[^\"“”«»]{0,60}?[.!?]?\s*$"
)

# tokens and text ends that set off an aside as a dash does
_DASH_MARKS = ("-", *DASHES)
# a frame closed by a dash (', Mr. Elkins said - but ...')
_DASH_FRAME = re.compile(r"[^-—–!?\"“”]{1,80}?\s(?:--?|—|–)(?=\s)")
# a quote signed with a dash after its closing mark, maybe on the next line
_SIGNATURE = re.compile(r"[\"”’'.,!?]*\s*[-—–]+[ \t]*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,4})")
# a relative clause after a quote, on its last words: no frame
_RELATIVE = re.compile(r"\s*,?\s*(?:which|where|whose)\b", re.IGNORECASE)


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


# ---------------------------------------------------------------- provenance

# The rules a quote can come from, by id: each quote lists in ``Quote.rule`` the
# ones that made it (its finder first, then what extended it).
RULES: dict[str, str] = {
    "direct.frame-after": 'quoted words, then their frame: \'"We will stay," Smith said.\'',
    "direct.frame-before": 'a frame, then the quoted words: \'Smith said, "We will stay."\'',
    "direct.frame-sentence": 'a sentence that only frames the quote after it: \'Smith agreed. "We will stay."\'',
    "direct.frame-paragraph": 'a paragraph ending in a colon frames the next: \'Smith said:\' / \'"We will stay."\'',
    "direct.unframed": "quoted words standing as a statement with no frame of their own",
    "direct.after-cue": 'one whole quote right after a cue verb: \'he said "the advice I give is to stay."\'',
    "direct.split": 'a second quote joined across its frame: \'"We will," he said, "stay."\'',
    "direct.continued": 'an unframed quote going on from the one before: \'"A," he said. "B."\'',
    "report.speech-verb": "a cue verb of the lexicon and its reported clause: 'Smith said the plan would fail'",
    "report.stance": "a stance verb and its object: 'Smith rejected the plan'",
    "report.cue-model": "a verb outside the lexicon that the cue model reads as a cue: 'Ryan backs the bill'",
    "report.according-to": "'according to X' and the statement it sources",
    "report.claim-noun": "a claim noun and its clause: 'her claim that the plan failed'",
    "report.evidential": "an evidential and what it shows: 'the report found that ...'",
    "report.question": "a question asked: 'Smith asked whether the plan would fail'",
    "report.name-colon": "a headline name and colon: 'Smith: the plan will fail'",
    "report.continued": "an unframed quote going on from a report: 'She promised that X. \"Y!\"'",
    "tagger": "the report tagger (quotes/span_model.py) read a source, cue and content no rule read",
}


def _frame_rule(q: QuotedSpan, cue: tuple[Sentence, Token] | None) -> str:
    """Which frame a direct quote has, from where its cue stands."""
    if cue is None:
        return "direct.unframed"
    sent, tok = cue
    if tok.start >= q.outer_end:
        return "direct.frame-after"
    if sent.paragraph != q.paragraphs[0]:
        return "direct.frame-paragraph"
    return "direct.frame-before" if sent.end > q.open_mark else "direct.frame-sentence"


def _report_rule(tok: Token, colon: bool, claim: bool, evidence: bool, question: bool, stance: bool,
                 lexical: bool) -> str:
    """Which rule read a report at ``tok``, in the order :func:`detect` tries them."""
    if colon:
        return "report.name-colon"
    if evidence:
        return "report.evidential"
    if question:
        return "report.question"
    if claim:
        return "report.claim-noun"
    if tok.text.lower() == "according":
        return "report.according-to"
    if not lexical:
        return "report.cue-model"
    return "report.stance" if stance else "report.speech-verb"


# ---------------------------------------------------------------- annotation-aware detection


@dataclass
class _Context:
    """Per-article lookups shared by the detection rules."""

    article: Article
    doc: Doc
    quoted: list[QuotedSpan]
    # Quotes that end a statement: all of them while telling direct quotes
    # apart, then only the direct ones, so reported clauses run over
    # embedded quoted words (set with :meth:`set_boundaries`).
    boundaries: list[QuotedSpan] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.set_boundaries(self.boundaries)

    def set_boundaries(self, quoted: list[QuotedSpan]) -> None:
        self.boundaries = quoted
        self._boundary_opens = sorted(q.open_mark for q in quoted)
        self._boundary_closes = sorted(q.close_mark for q in quoted if q.close_mark is not None)

    @cached_property
    def marks(self) -> str:
        """The text as :func:`plain_marks` gives it, for rules that read quote marks."""
        return plain_marks(self.article.text)

    @cached_property
    def _quote_stretches(self) -> SpanIndex:
        return SpanIndex((q.open_mark, q.close_mark if q.closed else q.end) for q in self.quoted)

    @cached_property
    def _by_open_mark(self) -> tuple[list[int], list[QuotedSpan]]:
        ordered = sorted(self.quoted, key=lambda q: q.open_mark)
        return [q.open_mark for q in ordered], ordered

    @cached_property
    def _mark_positions(self) -> list[int]:
        return sorted(m for q in self.quoted for m in (q.open_mark, q.close_mark) if m is not None)

    @cached_property
    def _by_start(self) -> dict[int, QuotedSpan]:
        first: dict[int, QuotedSpan] = {}
        for q in self.quoted:
            first.setdefault(q.start, q)
        return first

    def quote_starting(self, start: int) -> QuotedSpan | None:
        """The (first) quoted stretch whose words start at ``start``."""
        return self._by_start.get(start)

    def marks_between(self, start: int, end: int) -> bool:
        """Does a quote open or close in ``[start, end)``?"""
        k = bisect_left(self._mark_positions, start)
        return k < len(self._mark_positions) and self._mark_positions[k] < end

    def inside_quote(self, pos: int) -> bool:
        """Is ``pos`` between a quote's opening mark and its closing mark (or its end, if unclosed)?"""
        return self._quote_stretches.covers(pos)

    def quotes_opening(self, start: int, end: int) -> list[QuotedSpan]:
        """The quoted stretches whose opening mark lies in ``[start, end)``, in text order."""
        marks, ordered = self._by_open_mark
        return ordered[bisect_left(marks, start):bisect_left(marks, end)]

    def last_boundary_close(self, start: int, end: int) -> int | None:
        """The last closing mark of a boundary quote in ``[start, end)``."""
        k = bisect_left(self._boundary_closes, end)
        return self._boundary_closes[k - 1] if k and self._boundary_closes[k - 1] >= start else None

    def first_boundary_open(self, start: int, end: int) -> int | None:
        """The first opening mark of a boundary quote in ``[start, end)``."""
        k = bisect_left(self._boundary_opens, start)
        return self._boundary_opens[k] if k < len(self._boundary_opens) and self._boundary_opens[k] < end else None


def is_cue(token: Token, sentence: Sentence) -> bool:
    """Is this token a cue verb ("said", "told") or the "according" of "according to"?"""
    if token.text.lower() == "according":
        nxt = token.index + 1
        return nxt < len(sentence.tokens) and sentence.tokens[nxt].text.lower() == "to"
    lemma = token.lemma.lower()
    toks = sentence.tokens
    prev = toks[token.index - 1] if token.index > 0 else None
    # "A mere 9 percent say ...", "Bush Says ..." in a headline: the compact
    # tagger reads these as nouns, but "says" and "told" are verbs anywhere,
    # "say" unless a determiner makes it "a say"
    if token.text.lower() in SAY_FORMS and token.upos in ("NOUN", "PROPN") and (
            prev is None or prev.upos not in ("DET", "ADJ", "ADP")):
        return True
    nxt = toks[token.index + 1] if token.index + 1 < len(toks) else None
    # 'spectators chanting "We are Orlando."': a speech verb right after its speaker
    # and right before the words it utters, which the tagger may read as a noun
    speech = lemma in SPEECH_CUES or cue_lemma(token.text) in SPEECH_CUES  # whatever the tag
    # (or as an adjective: 'Some chanted "USA! USA!"')
    if token.upos in ("NOUN", "VERB") and prev is not None and (prev.upos in _NOMINAL or (
            prev.upos == "DET" and prev.index == 0)) and nxt is not None and is_quote_mark(nxt.text) and speech:
        return True
    if token.text.isalpha() and token.text.islower() and token.upos in ("VERB", "NOUN", "PROPN"):
        # a cue right after a quote and its speaker, whatever the tagger says ('"I'm a
        # voter," declares Stephanie Acs', '"Look at it," Conway notes'); after a comma
        # inside the marks and a speaker, any verb ('"...," she went on'), even one the
        # tagger calls a noun when no noun follows ('"...," Bennett shot back')
        j = token.index - 1
        while j >= 0 and token.index - j <= 4 and toks[j].upos in ("PROPN", "DET", "PRON", "NUM"):
            j -= 1
        verb = token.upos == "VERB" or (token.upos == "NOUN" and nxt is not None and nxt.upos in ("ADV", "ADP")
                                        and all(t.upos in ("PROPN", "PRON") for t in toks[j + 1:token.index]))
        # and inverted, before a name: '"Gun owners should leave," opined the Plain Dealer'
        inverted = j == token.index - 1 and token.text.endswith("ed") and nxt is not None \
            and nxt.upos in ("PROPN", "DET")
        if j >= 0 and is_quote_mark(toks[j].text) and (speech or (
                verb and j > 0 and toks[j - 1].text in (",", "?", "!") and (j < token.index - 1 or inverted))):
            return True
    if (lemma not in CUE_VERBS and not phrasal_cue(token, sentence)) or token.upos not in ("VERB", "X"):
        return False
    # "to find a way", "couldn't find anyone", "they find jobs": the bare form
    # reports a finding only with a clause ("studies find that ..."); "helped
    # found" is founding; "found itself" no finding either
    if lemma == "find":
        bare = token.text.lower() == "find" or (
            token.text.lower() == "found" and prev is not None and prev.text.lower() in ("to", "help", "helped"))
        following = nxt.text.lower() if nxt is not None else ""
        if (bare and following != "that") or following in REFLEXIVES:
            return False
    # "a company called Cambridge Analytica": a name, not what anyone called it
    if lemma in NAMING_VERBS and token.text.lower().endswith("ed") and token.deprel == "acl" \
            and prev is not None and prev.upos in ("NOUN", "PROPN") and not phrasal_cue(token, sentence):
        return False
    # "That said, ..." opens the writer's concession and reports nothing
    if token.text.lower() == "said" and prev is not None and prev.text.lower() == "that" and nxt is not None \
            and nxt.text == "," and (prev.index == 0 or toks[prev.index - 1].upos == "PUNCT"):
        return False
    # a participle used as an adjective ("alleged Taliban positions"), but never right
    # after a quote: `,'' scoffed Arianna Gil`
    after_quote = prev is not None and is_quote_mark(prev.text)
    # unless the parse gives it a subject or a clause: "X, an operative, warned Saturday that"
    heads_clause = any(t.head == token.index and t.deprel.startswith(("nsubj", "ccomp")) for t in toks)
    # "told" is never one, whatever the parse says ('an official told reporters')
    adjective = token.deprel == "amod" and token.text.lower() not in SAY_FORMS
    if not after_quote and (adjective or (not heads_clause and (
            token.text.lower().endswith("ed") and nxt is not None and nxt.upos in ("NOUN", "PROPN", "ADJ")
            and (prev is None or prev.upos in ("DET", "ADJ", "PUNCT", "ADP", "VERB"))))):
        return False
    # passive ("were told"): its subject is the addressee, not the speaker (the
    # question of "was asked" is read by _question)
    passive = prev is not None and prev.lemma.lower() in ("be", "get") and not (
        # "He's said he'll fight": "'s" is "has" when a clause's subject follows
        prev.text in ("'s", "’s") and nxt is not None and nxt.upos in ("PRON", "PROPN", "DET"))
    return not (passive and token.text.lower().endswith(("ed", "told", "said")))


def phrasal_cue(token: Token, sentence: Sentence) -> bool:
    """Is this verb and the preposition after it a cue of
    :data:`~quotes.lexicon.PHRASAL_CUES` ("talked about", "pointed to")?"""
    nxt = token.index + 1
    return (token.upos in ("VERB", "X") and nxt < len(sentence.tokens)
            and f"{token.lemma.lower()} {sentence.tokens[nxt].text.lower()}" in PHRASAL_CUES)


def claim_word(token: Token, sentence: Sentence) -> bool:
    """Is this a noun or adjective of :data:`~quotes.lexicon.CLAIM_WORDS` that
    reports the "that" clause right after it for someone the parse names
    ("Trump's suggestion that ...", "she made it clear that ...")? Not "it is
    clear that ...", which nobody holds."""
    toks = sentence.tokens
    nxt = toks[token.index + 1] if token.index + 1 < len(toks) else None
    if nxt is None or not (claim_before(token.lemma, token.upos, nxt.text) and _complementizer(toks, nxt.index)):
        return False
    holder = claim_holder(token, sentence)
    return holder is not None and holder.text.lower() not in ("it", "there")


def claim_before(lemma: str, upos: str | None, following: str) -> bool:
    """The words of a claim before its clause, by lexicon and tag alone (the
    annotator's test for parsing a sentence): "suggestion" + "that"."""
    return upos in ("NOUN", "ADJ") and lemma.lower() in CLAIM_WORDS and following.lower() == "that"


def claim_holder(word: Token, sentence: Sentence) -> Token | None:
    """Who holds the claim a noun or adjective reports: its possessor ("Mr.
    Trump's assertion"), else the nearest subject up the parse ("she made it
    clear that", "her team has been operating under the assumption that").
    An expletive comes back as found ("It" of "It is clear that"), for the
    caller to refuse."""
    toks = sentence.tokens
    owner = next((t for t in toks if t.head == word.index and t.deprel == "nmod:poss"), None)
    node: Token | None = word
    for _ in range(3):
        if owner is not None or node is None:
            break
        owner = next((t for t in toks if t.head == node.index and t.deprel.startswith(("nsubj", "expl"))
                      and "pass" not in t.deprel and t.index != word.index), None)
        node = toks[node.head] if node.head >= 0 and node.deprel != "dep" else None
    return owner


def evidential(token: Token, sentence: Sentence) -> bool:
    """Does this verb report a claim about its own subject that nobody named
    holds: "the race appears closer", "Ms. Olivieri seemed to be on a perpetual
    search", "the Fed is expected to act"? "Seem" and "appear" with an
    infinitive, an adjective, a participle or "like" after them, or a clause
    after "it seems";
    "expected" in the passive before an infinitive; not "seemed to mock ...",
    where the second verb is the cue."""
    toks = sentence.tokens
    lemma = token.lemma.lower()
    if token.upos not in ("VERB", "AUX") or lemma not in EVIDENTIAL_CUES:
        return False
    i = token.index + 1
    while i < len(toks) and toks[i].upos == "ADV":
        i += 1
    if i >= len(toks):
        return False
    infinitive = toks[i].text.lower() == "to" and i + 1 < len(toks) and not is_cue(toks[i + 1], sentence)
    if lemma == "expect":
        j = _before_adverbs(toks, token.index)
        return token.text.lower() == "expected" and j >= 0 and toks[j].lemma.lower() == "be" and infinitive
    # "it appears (that) he has little chance": the clause alone
    impersonal = token.index > 0 and toks[token.index - 1].text.lower() == "it" \
        and any(t.head == token.index and t.deprel == "ccomp" for t in toks)
    # a participle or "like" predicates as an adjective does: "appeared poised to narrow", "seems like a
    # comparable moment"
    predicate = toks[i].upos == "ADJ" or toks[i].text.lower() == "like" or (
        toks[i].upos == "VERB" and toks[i].text.lower().endswith("ed"))
    return infinitive or impersonal or predicate


def question_asked(token: Token, sentence: Sentence) -> bool:
    """Is this "asked" a question put to its subject, by nobody or by someone
    named after "by": "Rubio was asked whether ...", "when asked about his
    speeches", "Asked what it might look like, ..."?"""
    toks = sentence.tokens
    if token.text.lower() != "asked":
        return False
    j = _before_adverbs(toks, token.index)
    nxt = toks[token.index + 1].text.lower() if token.index + 1 < len(toks) else ""
    return j < 0 or toks[j].lemma.lower() in ("be", "get") or (
        toks[j].text.lower() in (*FRONTING_CONJUNCTIONS, ",") and nxt in (*CLAUSE_OPENERS, "about", "whether"))


def passive_report(token: Token, sentence: Sentence) -> bool:
    """Is this "reported" a passive that names the reporter after "by": "The
    meeting was first reported by Politico", "a fact first reported by a
    local TV reporter"? What was reported is its subject (or the noun it
    describes), and whoever is after "by" reported it. Not "as reported by
    X" (:func:`as_clause`)."""
    toks = sentence.tokens
    if token.text.lower() != "reported" or agent_by(toks, token) is None:
        return False
    j = _before_adverbs(toks, token.index)
    return j >= 0 and (toks[j].lemma.lower() == "be" or toks[j].upos in _NOMINAL or toks[j].text == ",")


def agent_by(toks: list[Token], cue: Token) -> int | None:
    """Index of the "by" after a passive cue that names who put a question or
    made a report, past any adverbs ("was asked repeatedly by host John
    Dickerson", "as reported by Western Journalism"); None if nobody is named.
    Both detect (where the report starts) and attribute (its speaker) hang on it."""
    i = _past_adverbials(toks, cue.index + 1)
    return i if i < len(toks) and toks[i].text.lower() == "by" else None


def _before_adverbs(toks: list[Token], i: int) -> int:
    """Index of the nearest word before ``toks[i]`` that is no adverb or
    particle ("was [widely] expected", "were [also] asked"); -1 if none."""
    j = i - 1
    while j >= 0 and toks[j].upos in ("ADV", "PART"):
        j -= 1
    return j


def is_stance(token: Token, sentence: Sentence) -> bool:
    """Does this cue report an object as well as a clause ("called it a gift")?
    Stance verbs of the lexicon do, and so does a verb that only the cue model
    made a cue."""
    return (token.lemma.lower() in STANCE_CUES or phrasal_cue(token, sentence)
            or (token.text != ":" and not is_cue(token, sentence)))


def opening_participle(toks: list[Token], cue: Token) -> bool:
    """Does the cue open the sentence as an active participle ("Noting that ...",
    "Having said ...")? Not "Asked if ...", whose subject was asked."""
    if cue.text.lower().endswith("ing") and 0 < cue.index <= 4 and toks[cue.index - 1].upos in ("SCONJ", "ADP") \
            and not any(t.upos in ("VERB", "AUX", "PUNCT") for t in toks[:cue.index]):
        return True  # "(One month) after announcing his support, Rubio ..."
    return (cue.index == 0 and cue.text.lower().endswith("ing")) or (
        cue.index == 1 and toks[0].text.lower() == "having")


def _as_frame(toks: list[Token], cue: Token) -> bool:
    """Is the cue the verb of an "As X noted," that opens the sentence? It
    reports the main clause after its comma."""
    as_ = next((t.index for t in reversed(toks[:cue.index]) if t.text.lower() == "as"), None)
    if as_ is None or (as_ > 0 and toks[as_ - 1].text != ","):
        return False
    if any(t.upos in ("VERB", "AUX", "PUNCT", "SCONJ") for t in toks[as_ + 1:cue.index]):
        return False
    i = _past_adverbials(toks, cue.index + 1)
    return i < len(toks) and toks[i].text == ","


def _boundary_before(ctx: _Context, pos: int, para: Span) -> int:
    """Start of the statement holding ``pos``: paragraph start, a previous
    boundary quote's end or the last sentence end outside quotes."""
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


def _frame_cue(ctx: _Context, start: int, end: int, last: bool = False) -> tuple[Sentence, Token] | None:
    """The cue verb in a stretch of attribution text around a quote: the first
    one, or with ``last`` the one nearest the quote that follows ("Asked about
    it, Ryan said, ...")."""
    cues = [(sent, tok) for sent, tok in ctx.doc.tokens_between(start, end)
            if is_cue(tok, sent) and not ctx.inside_quote(tok.start)]
    return (cues[-1] if last else cues[0]) if cues else None


def _standalone(ctx: _Context, q: QuotedSpan) -> tuple[bool, tuple[Sentence, Token] | None]:
    """Does the quote stand as a statement of its own, and which cue frames it?"""
    text = ctx.marks
    first_para = ctx.article.paragraphs[q.paragraphs[0]].span
    last_para = ctx.article.paragraphs[q.paragraphs[-1]].span
    pre_start = _boundary_before(ctx, q.open_mark, first_para)
    pre = text[pre_start:q.open_mark]
    post_from = q.outer_end
    post_end = _boundary_after(ctx, post_from, last_para)
    post = text[post_from:post_end]
    first = q.fragments[0].text.lstrip("(['‘\"“.… ")[:1]
    pre_cue = _frame_cue(ctx, pre_start, q.open_mark, last=True)
    if not pre.strip() and pre_start == first_para.start:
        pre_cue = _colon_frame(ctx, q.paragraphs[0])
    elif pre.rstrip().endswith(":") and text[q.open_mark] in DOUBLE_OPEN + '"':  # not headlines' single marks
        if pre_cue is None:
            pre_cue = _name_colon(ctx, pre_start, q.open_mark) or _clause_colon(ctx, pre_start, q.open_mark)
        elif pre_cue[1].index <= 1 and pre_cue[1].text.lower().endswith("ed"):
            # a passive participle opening the sentence ('Asked whether ..., the mayor
            # retorted: "..."'): the main clause's verb frames the quote. Not "Writing in
            # a blog post, X dubbed it: ...", whose participle is the frame's own
            pre_cue = _clause_colon(ctx, pre_start, q.open_mark) or pre_cue
    # the last mark inside, past a nested quote's close and stray spaces ('the Queen,’”')
    inner_end = text[q.fragments[-1].start:q.close_mark].rstrip(" '" + SINGLE_CLOSE)[-1:] if q.closed else ""
    # the sentence ended inside the marks: what follows is no frame when it frames the
    # next quote ('Asked ..., she said:') or is a new sentence ('It’s unclear if ...');
    # after a period, even one with a cue ('"... opinion." Reid said both ...'), unlike
    # '"Who will pay?" Trump asked.'
    ended_inside = inner_end in (".", "!", "?")
    # nor is a relative clause on the quote's last words ('..., California," which votes June 7.')
    if (ended_inside and post.rstrip().endswith(":")) or _RELATIVE.match(post):
        post = ""
    post_cue = _frame_cue(ctx, post_from, post_end) if post else None
    # but a bare frame after the period is the quote's ('"... missing." Trump said.')
    if ended_inside and post.lstrip()[:1].isupper() and (post_cue is None or (
            inner_end == "." and not (ctx.marks[post_cue[1].end:post_end].strip() in ("", ".")
                                      and _subject_first(ctx, post_from, post_cue[1])))):
        post, post_cue = "", None
    if pre_cue is None and post_cue is None and not pre.strip():
        pre_cue = _sentence_frame(ctx, q)
    # an aside set off by dashes, its frame inside them ('... by Mrs. Clinton - "Born with
    # a silver spoon," Mr. Elkins said - but ...')
    dash_frame = _DASH_FRAME.match(post) if pre.rstrip().endswith(_DASH_MARKS) else None
    dashed = dash_frame is not None and post_cue is not None and post_cue[1].end <= post_from + dash_frame.end()
    pre_ok = not pre.strip() or (pre.rstrip().endswith((":", ",")) and pre_cue is not None) \
        or (pre.rstrip().endswith(":") and post_cue is not None) or dashed  # 'His verdict: "...," he said.'
    # 'he yelled "You lie!" at the president': a speech verb right before a quoted sentence
    uttered = (pre_cue is not None and pre_cue[1].end == len(pre.rstrip()) + pre_start
               and pre_cue[1].lemma.lower() not in STANCE_CUES and first.isupper())
    post_stripped = post.strip()
    # `,” he said` keeps its comma inside the marks; `”, he said` outside
    punct_inside = q.close_mark is None or inner_end in (",", ".", "!", "?", "…")
    # a frame after a quote sentence that lost its comma ('"... of niches" Grubbs said.',
    # '"..." Clinton tweeted, quoting ...'): a subject, then the cue
    subject_first = post_cue is not None and _subject_first(ctx, post_from, post_cue[1])
    bare_frame = subject_first and ctx.marks[post_cue[1].end:post_end + 1].lstrip()[:1] in (",", ".", "") \
        and len(q.fragments[-1].text.split()) >= 4
    # 'X wrote, "...," and shared a link': the sentence goes on with the framed speaker's next act
    goes_on_after = pre_cue is not None and pre.rstrip().endswith(",") and inner_end == "," \
        and post_stripped.split(" ", 1)[0] in ("and", "but", "then", "before")
    post_ok = (not post_stripped.strip(".!?)]") or uttered or goes_on_after
               or (post_cue is not None and (post_stripped[0] in ",.:;!?" or punct_inside or bare_frame)))
    pre_ok = pre_ok or uttered
    upper = first.isupper() or first.isdigit() or not first
    # a label or an all-capitals headline in quote marks ("Related:") is no statement
    body = q.fragments[-1].text.rstrip()
    if body.endswith(":") or (len(body.split()) > 2 and body.isupper()):
        return False, None
    # 'X said, "...," adding ...': the frame before is the quote's own; after a colon
    # only when no frame follows ('he doubted it would last: "...," Roffman predicted')
    # unless that frame is the quote before's, and this one has its own right after it
    # ('"A," she said, but despite ..., "B," said Kunin.')
    earlier_frame = subject_first and post_ok and ctx.last_boundary_close(pre_start - 1, pre_start) is not None
    # and 'Clinton responded: "What difference does it make?" Her critics cited it ...':
    # a quote that ends its sentence after a colon frame is that frame's
    framed_before = pre_cue is not None and (uttered or (pre.rstrip().endswith(",") and not earlier_frame)
                                             or (pre.rstrip().endswith(":") and ended_inside))
    cue = post_cue if post_cue and post_ok and post_stripped and not framed_before else pre_cue
    return pre_ok and post_ok and (upper or not pre.strip() or dashed), cue


def _subject_first(ctx: _Context, start: int, cue: Token) -> bool:
    """Is what comes between ``start`` and the cue a subject noun phrase ("Grubbs said")?"""
    return all(t.upos in ("PROPN", "PRON", "NOUN", "DET", "ADJ", "PUNCT")
               for _, t in ctx.doc.tokens_between(start, cue.start))


def _sentence_frame(ctx: _Context, q: QuotedSpan) -> tuple[Sentence, Token] | None:
    """The cue of a sentence that only frames the quote after it, in the same
    paragraph: 'Dianne Bystrom agreed. "Mainstream Republicans are ..."',
    'Sam Lau, the party's spokesman, said in a statement. "There are ..."'."""
    sent = ctx.doc.sentence_before(q.open_mark)
    if sent is None or sent.paragraph != q.paragraphs[0]:
        return None
    # not the frame of an earlier quote ('"A?" Pence said in response. "B."' is one statement)
    if ctx.marks_between(sent.start - 3, sent.end):
        return None
    cues = [t for t in sent.tokens if is_cue(t, sent)]
    if not cues or not _ends_statement(sent.tokens, cues[-1]) or cues[-1].text.lower() == "according":
        return None
    return sent, cues[-1]


def _name_colon(ctx: _Context, start: int, end: int) -> tuple[Sentence, Token] | None:
    """The colon of a name introducing a quote ("POLLS TOO EARLY - Mark
    Blumenthal and Jon Cohen: “...”"): a few capitalised words, after the
    sentence start or a dash, then the colon."""
    toks = ctx.doc.tokens_between(start, end)
    if not toks or toks[-1][1].text != ":":
        return None
    name: list[Token] = []
    for _, tok in reversed(toks[:-1]):
        if tok.text in _DASH_MARKS:
            break
        name.insert(0, tok)
    return toks[-1] if _is_name(name) else None


def _clause_colon(ctx: _Context, start: int, end: int) -> tuple[Sentence, Token] | None:
    """The verb of a statement that introduces a quote after a colon ("A
    footnote in the report makes that clear: "..."", "Hoff's letter makes a
    case: "...""): its first finite verb after a subject, past a clause that
    opens the sentence ("When Wallace died, Clinton released ...:")."""
    toks = ctx.doc.tokens_between(start, end)
    if len(toks) < 3 or toks[-1][1].text != ":":
        return None
    first = toks[0][1]
    # past a clause that opens the sentence: "When Wallace died, Clinton released ...:",
    # "Asked which county was his favorite, he demurred:"
    if first.text.lower() in FRONTING_CONJUNCTIONS or (first.upos == "VERB" and first.text.lower().endswith("ed")):
        toks = toks[next((k + 1 for k, (_, t) in enumerate(toks) if t.text == ","), 0):]
    for k, (sent, tok) in enumerate(toks[:-1]):
        if tok.upos in ("VERB", "AUX"):
            finite = tok.upos == "VERB" and not tok.text.lower().endswith("ing")
            subject = k > 0 and toks[k - 1][1].upos in ("NOUN", "PROPN", "PRON")
            return (sent, tok) if finite and subject else None
    return None


def _is_name(words: list[Token]) -> bool:
    """Are these few words, before a colon, a speaker's name ("Marco Rubio",
    "Mark Blumenthal and Jon Cohen") rather than a label ("Update") or a clause?"""
    place = all(t.ner[2:] in ("LOC", "GPE") for t in words)  # a dateline: "KABUL: Afghan authorities ..."
    return (0 < len(words) <= 6 and words[0].text.lower() not in LABELS and not place
            and all(t.text[:1].isupper() or t.upos in ("DET", "ADP", "PUNCT", "PART", "CCONJ") for t in words)
            and not _has_verb(words) and any(t.upos in ("PROPN", "NOUN") for t in words))


def _colon_frame(ctx: _Context, para_index: int) -> tuple[Sentence, Token] | None:
    """The cue of a paragraph that ends "Cruz continued:" before a quote
    opening the next one, or its main verb ("Clinton released the following
    statement:")."""
    kept = next((i for i in reversed(range(para_index)) if ctx.article.paragraphs[i].skip is None), None)
    if kept is None:
        return None
    prev = ctx.article.paragraphs[kept].span
    if not ctx.marks[prev.start:prev.end].rstrip().endswith(":"):
        return None
    start = _boundary_before(ctx, prev.end - 1, prev)
    # any verb after its subject: "17-year-old Jared Potts echoed:"
    return _frame_cue(ctx, start, prev.end, last=True) or _clause_colon(ctx, start, prev.end)


def _clause_after(ctx: _Context, sent: Sentence, cue: Token) -> tuple[int, int] | None:
    """Content of "X said (that) CLAUSE": from after the cue to the statement's end."""
    # The clause starts right after the cue, past "that", an addressee and time
    # phrases. A compact-model parse often misplaces the complement's start, so
    # it is not used here (it only confirms, in _indirect, that a clause exists).
    toks = sent.tokens
    i = cue.index + 1
    if phrasal_cue(cue, sent):
        i += 1  # "talked about the economy": the preposition's object
    elif cue.lemma.lower() in ADDRESSEE_CUES:  # "told reporters", "told the TASS news agency"
        while i < len(toks) and toks[i].upos in ("DET", "ADJ", "PROPN", "NOUN", "PRON", "NUM", "X") \
                and toks[i].text.lower() not in ("that", "which", *CLAUSE_OPENERS, *SUBJECT_PRONOUNS):
            i += 1
            if toks[i - 1].text.lower() in ("them", "him", "her", "us", "me", "you"):
                break  # a pronoun is the whole addressee: "telling them Valeant was ..."
        # a longer addressee ends at "that": "telling customers at a Manchester, New Hampshire, spot that ..."
        i = _that_ahead(toks, i, 15) or i
    # "warned Saturday that ...", "said after a lunch on Tuesday that ...": a
    # complementizer a few words on, past a time or place phrase (not past an
    # object: "expressed concern that ..." reports the concern)
    that = _that_ahead(toks, i, 10)
    adverbial = i < len(toks) and (toks[i].upos in ("ADV", "ADP") or toks[i].text.lower() in TIME_WORDS)
    if that is not None and adverbial and _complementizer(toks, that) \
            and not any(t.upos == "PUNCT" and not inner_hyphen(toks, t.index) for t in toks[i:that]):
        i = that
    if i < len(toks) and toks[i].text == ",":
        # "said, among other things, that ...": an aside between the cue and its clause
        aside = next((t.index for t in toks[i + 1:i + 8] if t.text == ","), len(toks))
        if aside + 1 < len(toks) and toks[aside + 1].text.lower() == "that" \
                and not _has_verb(toks[i + 1:aside]):
            i = aside + 1
    i = _past_adverbials(toks, i)
    i = _past_parsed_adverbials(toks, cue, i)
    if i < len(toks) and toks[i].text.lower() == "that":
        i += 1
    if i < len(toks) and toks[i].text in (",", ":"):
        i += 1
    return _clause_from(ctx, sent, cue, i)


_CUE_ADVERBIALS = ("obl", "obl:tmod", "obl:npmod", "obl:agent", "advmod")


def _past_parsed_adverbials(toks: list[Token], cue: Token, i: int) -> int:
    """Index of the first word from ``i`` on past the adverbials the parse hangs on
    the cue before its clause ("said in a statement released by the campaign the
    report merits ...", "wrote to Sanders' Senate office that ..."): phrases too
    long for :func:`_past_adverbials`. Only where the parse gives the cue a clause
    after them, so that "warned about the cost" keeps its object."""
    comp = next((t for t in toks if t.head == cue.index and t.deprel == "ccomp" and t.index > i), None)
    if comp is None:
        return i
    while i < comp.index:
        top = i  # the phrase under the cue that this word belongs to
        while toks[top].head > cue.index:
            top = toks[top].head
        below = _subtree(toks, top)
        if toks[top].head != cue.index or toks[top].deprel not in _CUE_ADVERBIALS or min(below) != i \
                or max(below) >= comp.index:
            break
        i = max(below) + 1
    return i


def _clause_from(ctx: _Context, sent: Sentence, cue: Token, i: int) -> tuple[int, int] | None:
    """A cue's report from ``toks[i]`` on, to the statement's end or a break
    that starts something new."""
    toks = sent.tokens
    if i >= len(toks):
        return None
    para = ctx.article.paragraphs[sent.paragraph].span
    start = toks[i].start
    if toks[i].text.lower() in ("yes", "no") and (i + 1 == len(toks) or toks[i + 1].upos == "PUNCT"):
        return start, toks[i].end  # the answer alone: "46 percent said yes, compared with ..."
    end = _boundary_after(ctx, start, para)
    # stop before a following ", adding ..." or "and criticized ..." that starts a new report
    # "Noting that A, X put ...", "Asked if A, 46 percent said ...": the report ends at the comma
    opening = (opening_participle(toks, cue) or (cue.index == 0 and cue.text.lower().endswith("ed"))
               or _in_fronted_clause(toks, cue))
    for t in toks[i:]:
        if t.start >= end:
            break
        nxt = toks[t.index + 1] if t.index + 1 < len(toks) else None
        # a semicolon before a subject starts the writer's next clause ("He thinks
        # that A; that's a surefire ..."), not the next item of a list ("A; helped B")
        new_clause = t.text == ";" and nxt is not None and nxt.upos in ("PRON", "PROPN", "NOUN", "DET") \
            and _has_verb(toks[i:t.index])
        if (t.text == "," and opening) or new_clause:
            end = t.start
            break
        if t.text == "," and nxt is not None and is_quote_mark(nxt.text) and nxt.index + 1 < len(toks):
            nxt = toks[nxt.index + 1]  # past a closing mark: ',” citing ...'
        while t.upos == "CCONJ" and nxt is not None and nxt.upos in ("ADV", "AUX") and nxt.index + 1 < len(toks):
            nxt = toks[nxt.index + 1]  # "and then tweeted", "and has promised"
        if nxt is not None and is_cue(nxt, sent) and (
                (t.text in (",", *_DASH_MARKS) and nxt.text.lower().endswith("ing")) or t.upos == "CCONJ"):
            end = t.start
            break
        # "Asked if A, Ryan said, ...": a second frame ends the first report
        if t.text == "," and nxt is not None:
            j = nxt.index
            while j < len(toks) and j - nxt.index < 6 and toks[j].upos in ("DET", "ADJ", *_NOMINAL):
                j += 1
            if nxt.index < j < len(toks) and is_cue(toks[j], sent):
                end = t.start
                break
        # "... over Trump, who garnered ...": a relative clause after the report is the
        # writer's; before the report's verb it is part of its subject ("that the
        # announcement, which some have argued ..., was an insult")
        if t.text == "," and nxt is not None and nxt.text.lower() in RELATIVE_PRONOUNS \
                and _has_verb(toks[i:t.index]):
            end = t.start
            break
        # "who said A but took issue with B": a second predicate of the cue's subject
        if t.upos == "CCONJ" and t.head > t.index and toks[t.head].head == cue.index \
                and toks[t.head].deprel == "conj" and toks[t.head].upos == "VERB" \
                and not any(u.head == t.head and u.deprel.startswith("nsubj") for u in toks):
            end = t.start
            break
        # "A, and Y said B": the second clause is a report of its own
        if t.text in (",", ";") and nxt is not None and nxt.upos == "CCONJ" and any(
                is_cue(u, sent) for u in toks[nxt.index + 1:] if u.start < end):
            end = t.start
            break
    # "Residents who said the road was unsafe protested": a relative clause inside
    # the main clause's subject reports only its own complement
    comp = next((t for t in toks if t.head == cue.index and t.deprel in ("ccomp", "xcomp")), None)
    if comp is not None and cue.deprel.startswith("acl") and cue.head < cue.index < toks[cue.head].head:
        end = min(end, _clause_end(sent, comp.index, comp.index))
    return _trim(ctx.article.text, start, end)


def _that_ahead(toks: list[Token], i: int, reach: int) -> int | None:
    """Index of a "that" within ``reach`` words from ``i`` with no verb before it."""
    that = next((t.index for t in toks[i:i + reach] if t.text.lower() == "that"), None)
    # a participle before a noun is no verb: "told a crowded hall that ..."
    return that if that is not None and not _has_verb([t for t in toks[i:that] if t.deprel != "amod"]) else None


def _complementizer(toks: list[Token], i: int) -> bool:
    """Is ``toks[i]`` a "that" that opens a clause, not a relative or demonstrative
    one? Before a subject pronoun it is, whatever the tagger says ("said on
    Friday that he may wait")."""
    tok = toks[i]
    return tok.text.lower() == "that" and (tok.upos == "SCONJ" or tok.deprel == "mark" or (
        i + 1 < len(toks) and toks[i + 1].text.lower() in SUBJECT_PRONOUNS))


def _subtree_end(sent: Sentence, mark: Token) -> int:
    """End offset of the clause a complementizer opens, by the parse: "Trump's
    assertion that Russia should hack the emails drew criticism" reports up
    to "emails". Without a parse, the sentence end."""
    if mark.head < 0 or mark.deprel == "dep":
        return sent.tokens[-1].end
    return _clause_end(sent, mark.head, mark.index)


def _subtree(toks: list[Token], head: int) -> set[int]:
    """Indices of ``toks[head]`` and the words that hang on it, by the parse."""
    inside, grown = {head}, True
    while grown:
        more = {t.index for t in toks if t.head in inside} - inside
        inside |= more
        grown = bool(more)
    return inside


def _clause_end(sent: Sentence, head: int, floor: int) -> int:
    """End offset of the words that hang on ``toks[head]``, without trailing
    punctuation (but never before ``toks[floor]``)."""
    toks = sent.tokens
    last = max(_subtree(toks, head))
    while last > floor and toks[last].upos == "PUNCT" and not is_quote_mark(toks[last].text):
        last -= 1
    return toks[last].end


def _in_fronted_clause(toks: list[Token], cue: Token) -> bool:
    """Is the cue the verb of a subordinate clause that opens the sentence or
    follows a comma or "and" ("While he said he'd hold a hearing, it's unlikely
    ...", "..., and as Obama announces that A, he is set to ...")? Its report
    then ends at the comma before the main clause."""
    start = next((t.index for t in reversed(toks[:cue.index]) if t.text.lower() in FRONTING_CONJUNCTIONS), None)
    if start is None or any(t.upos in ("VERB", "PUNCT") for t in toks[start + 1:cue.index]):
        return False
    before = [t for t in toks[:start] if t.upos not in ("CCONJ", "ADV")]
    return not before or before[-1].text == "," or not any(t.text in ",;:" or t.upos == "VERB" for t in before)


def _past_adverbials(toks: list[Token], i: int) -> int:
    """Index of the first word from ``i`` on past the time and place phrases
    there ("said on Tuesday in a statement, ...")."""
    while i < len(toks) and (end := _adverbial_end(toks, i)) > i:
        i = end
    return i


def _adverbial_end(toks: list[Token], i: int) -> int:
    """End of a short time or place phrase at ``toks[i]`` ("on Tuesday", "late
    on Monday", "in a statement"), or ``i`` if none starts there."""
    t = toks[i]
    if t.upos == "ADV" and t.text.lower() not in ("not", "never", "that"):
        return i + 1
    # not a quantity: "at least six planes"
    if t.text.lower() in TIME_OPENERS and toks[min(i + 1, len(toks) - 1)].text.lower() not in QUANTITY_WORDS:
        j = i + 1
        while j < len(toks) and toks[j].upos in ("DET", "ADJ", "PROPN", "NOUN", "NUM") and j - i <= 4:
            j += 1
        if j > i + 1 and j < len(toks) and toks[j].upos not in ("VERB", "AUX", "ADP"):
            return j
    return i


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    start, end = _strip(text, start, end)
    while end > start and text[end - 1] in ".!?:":
        end -= 1
    return (start, end) if end > start else None


def _clause_before(ctx: _Context, sent: Sentence, cue: Token) -> tuple[int, int] | None:
    """Content of "CLAUSE, X said." or "CLAUSE, according to X."."""
    toks = sent.tokens
    i = cue.index - 1
    # walk left over the speaker noun phrase to the comma that ends the clause
    while i >= 0 and toks[i].text not in (",", *DASHES, ":"):
        if toks[i].upos in ("VERB",) and toks[i].deprel not in ("amod", "acl"):
            return None
        if toks[i].text.lower() in RELATIVE_PRONOUNS:
            return None  # ", whom he called ...": a relative clause reports nothing before it
        i -= 1
    if i < 0:
        return None
    para = ctx.article.paragraphs[sent.paragraph].span
    start = _boundary_before(ctx, toks[i].start, para)
    return _trim(ctx.article.text, start, toks[i].start)


def _according_content(ctx: _Context, sent: Sentence, cue: Token) -> tuple[int, int] | None:
    """Content of "according to X": the clause after "According to X," when it
    leads, else the statement before it, or around it when it is an aside
    ("The implication, according to the aide, is that ...")."""
    toks = sent.tokens
    text = ctx.article.text
    para = ctx.article.paragraphs[sent.paragraph].span
    before = [t for t in toks[:cue.index] if not is_quote_mark(t.text)]
    comma_after = next((t for t in toks[cue.index + 2:] if t.text == ","), None)
    after = None
    if comma_after is not None:
        after = _trim(text, comma_after.end, _boundary_after(ctx, comma_after.end, para))
    if all(t.upos in ("CCONJ", "ADV", "PUNCT") for t in before):  # "(But) according to X, CLAUSE."
        return after
    # the comma before may sit inside a closing mark: 'a “root canal,” according to'
    head_end = before[-1].start if before[-1].text == "," else cue.start
    head = _trim(text, _boundary_before(ctx, cue.start, para), head_end)
    if head is None:
        return after
    if after is not None and _has_clause(toks, *after):
        first = next(t for t in toks if t.start >= after[0])
        if before[-1].text == "," and first.upos in ("AUX", "VERB") and not first.text.endswith("ing"):
            return head[0], after[1]  # an aside inside the statement: "The implication, according to X, is that"
        if not _has_clause(toks, *head):
            return after  # "In addition, according to the department, nearly nine million ..."
    return head


def _words_in(toks: list[Token], span: tuple[int, int]) -> list[Token]:
    """The words of ``toks`` wholly inside the character span."""
    return [t for t in toks if span[0] <= t.start and t.end <= span[1]]


def _has_verb(toks: list[Token]) -> bool:
    return any(t.upos in ("VERB", "AUX") for t in toks)


def _has_clause(toks: list[Token], start: int, end: int) -> bool:
    inside = [t for t in toks if start <= t.start and t.end <= end]
    if len(inside) < 2:
        return False
    if _has_verb(inside):
        return True
    return all(t.upos == "X" for t in inside)  # no tags (SimpleAnnotator): trust the cue


def _indirect(ctx: _Context, sent: Sentence, cue: Token, stance: bool) -> tuple[int, int] | None:
    """The reported clause of a cue verb, or None if it reports no clause.
    A ``stance`` cue (STANCE_CUES, or one the cue model accepted) may report an object."""
    toks = sent.tokens
    if cue.text.lower() == "according":
        return _according_content(ctx, sent, cue)
    as_ = as_clause(sent, cue)
    if as_ is not None:
        return _as_content(ctx, sent, cue, as_)
    if cue.lemma.lower() == "say" and (pro := _pro_form(ctx, sent, cue)) is not None:
        return pro
    if passive_report(cue, sent):
        return _reported_subject(ctx, sent, cue)
    participle = cue.text.lower().endswith("ing")  # ", adding that ...": content follows
    nxt = next((t for t in toks[cue.index + 1:] if not is_quote_mark(t.text)), None)
    # a stance verb with an object reports what follows ("On Twitter, Bush called Trump
    # “unhinged.”", "whom he called “the most divisive figure”"); before it only as a
    # closing frame (", the poll shows.")
    object_follows = stance and nxt is not None and nxt.upos != "PUNCT"
    before_is_frame = (not participle and cue.index > 0 and not object_follows
                       and any(t.text == "," for t in toks[max(0, cue.index - 8):cue.index])
                       and _ends_statement(toks, cue))
    span = _clause_before(ctx, sent, cue) if before_is_frame else None
    if span is not None:
        span = _around_frame(ctx, sent, cue, span)
        # a fronted adverbial ("Before dropping out, Cruz responded") is no statement:
        # that needs a finite verb, or quoted words
        if span[1] <= cue.start and not any(
                (t.upos in ("VERB", "AUX", "X") and not t.text.lower().endswith("ing")) or is_quote_mark(t.text)
                for t in toks if span[0] <= t.start < span[1]):
            span = None
    if span is None:
        span = _clause_after(ctx, sent, cue)
        if span is None:
            return None
        first = next((t for t in toks if t.start >= span[0]), None)
        if first is not None and first.text.lower() == "to" and cue.lemma.lower() not in INFINITIVE_CUES:
            return None
        # "asked Carson about his relationship with ...": a question's topic is its object
        stance = stance or (first is not None and first.text.lower() == "about" and cue.lemma.lower() == "ask")
    # a clause after the complementizer, right after the cue or a few words on
    opener = next((t for t in reversed(toks[:cue.index + 11]) if t.end <= span[0]), None)
    after_that = span[0] > cue.start and opener is not None and opener.text.lower() == "that" \
        and (opener.index == cue.index + 1 or _complementizer(toks, opener.index))
    prev = toks[cue.index - 1] if cue.index > 0 else None
    if stance and cue.text.lower().endswith("ing") and not (
            prev is not None and (prev.text in (",", "and") or prev.upos in ("PROPN", "PRON", "AUX") or (
                prev.upos in ("ADP", "ADV", "SCONJ") and phrasal_cue(cue, sent)))):
        # "a group attacking the plan", "calling hours": rarely a report, unlike
        # ", calling it a “great meeting”", "with McCain calling it ..." or a verb
        # and its particle after a preposition or adverb ("by talking about the
        # drug crisis", "in calling for a special prosecutor")
        return None
    if stance and span[0] > cue.start and not after_that:
        # an object, not a clause: it ends at the first comma ("endorsed the deal, although ...")
        comma = next((t for t in toks if span[0] <= t.start < span[1] and t.text == ","
                      and not _in_list(toks, t.index)), None)
        if comma is not None:
            span = (span[0], comma.start)
        span = _before_predicate(toks, span)
        span = _before_subordinate(toks, span)
        span = _before_time(toks, span)
    inside = _words_in(toks, span)
    # "Doyle said each year of education yields ...": after "said" a noun phrase
    # opens a clause even where the tagger missed its verb ("yields" as a noun)
    said_np = cue.text.lower() in SAID_FORMS and len(inside) >= 3 and span[0] > cue.start \
        and inside[0].upos in (*_NOMINAL, "DET", "NUM")
    answer = len(inside) == 1 and inside[0].text.lower() in ("yes", "no")  # "46 percent said yes"
    if not (_has_clause(toks, *span) or said_np or answer or (stance and any(t.upos in _NOMINAL for t in inside))):
        return None
    first = inside[0] if inside else None
    # "reported at least six planes filled ...", "said about half of ...": a quantity
    quantity = first is not None and first.text.lower() in QUANTITY_OPENERS and any(
        t.upos == "NUM" or t.text.lower() in QUANTITY_WORDS for t in inside[1:4])
    # a stance object may open with "for" or "about" ("pushed for a vote", "warned about the cost")
    if span[0] > cue.start and first is not None and first.upos in ("AUX", "VERB", "ADP", "SCONJ") \
            and first.text.lower() not in CLAUSE_OPENERS and not first.text.endswith("ing") and not quantity \
            and not (stance and first.text.lower() in ("for", "about")) and not after_that \
            and not (first.upos in ("AUX", "VERB") and _relative_report(toks, cue)) \
            and not (first.upos in ("ADP", "SCONJ") and _fronted_phrase(inside)):
        return None  # no subject after the cue, so no reported clause
    parsed = any(t.head == cue.index and t.deprel in ("ccomp", "xcomp") for t in toks) or _as_frame(toks, cue)
    if cue.lemma.lower() in WEAK_CUES and not after_that and not parsed:
        return None
    if span[0] > cue.start and not after_that and not parsed:
        # unparsed "X said CLAUSE": the clause reaches its verb before any comma,
        # or the comma opens an aside after a subject ("says Millennials,
        # numbering 75.3 million, surpassed ...")
        nominal = inside[0].upos in (*_NOMINAL, "DET")
        for t in inside:
            if t.upos in ("VERB", "AUX"):
                break
            if t.text in (";", *DASHES) or (t.text == "," and not nominal):
                return None
    return _before_concession(ctx, inside, span) if span[0] > cue.start else span


def _reported_subject(ctx: _Context, sent: Sentence, cue: Token) -> tuple[int, int] | None:
    """What a :func:`passive_report` reports, by the parse: its passive subject
    ("[The meeting] was first reported by Politico"), or the noun phrase it
    describes ("[a fact] first reported by ..."), up to the cue."""
    toks = sent.tokens
    subject = next((t for t in toks if t.head == cue.index and t.deprel.startswith("nsubj")), None)
    if subject is not None:
        words = _subtree(toks, subject.index)
    elif cue.deprel.startswith("acl") and 0 <= cue.head < cue.index \
            and not any(t.head == cue.head and t.deprel == "case" for t in toks):
        # not a noun after a preposition: "according to exit polling reported by CNN"
        words = _subtree(toks, cue.head) - _subtree(toks, cue.index)
    else:
        return None
    words = {i for i in words if i < cue.index and toks[i].upos != "PUNCT"}
    if not words:
        return None
    return _trim(ctx.article.text, toks[min(words)].start, toks[max(words)].end)


def _pro_form(ctx: _Context, sent: Sentence, cue: Token) -> tuple[int, int] | None:
    """The report of "said so" or "said the same of Sanders", which stands for
    an earlier one: up to the next comma (or the statement's end)."""
    toks = sent.tokens
    i = cue.index + 1
    words = [t.text.lower() for t in toks[i:i + 2]]
    # past a time or place: "after half said so in the earlier poll"
    if words[:1] == ["so"] and ((j := _past_adverbials(toks, i + 1)) == len(toks)
                                or toks[j].upos in ("PUNCT", "CCONJ")):
        return toks[i].start, toks[i].end
    after = toks[i + 2] if i + 2 < len(toks) else None
    # not a subject: "said the same technology could be applied"
    if words != ["the", "same"] or (after is not None and after.upos not in ("PUNCT", "ADP")
                                    and after.text.lower() != "thing"):
        return None
    end = next((t.start for t in toks[i + 2:] if t.upos == "PUNCT"), toks[-1].end)
    return _trim(ctx.article.text, toks[i].start, end)


def _fronted_phrase(inside: list[Token]) -> bool:
    """Does a reported clause open with a phrase before its subject ("says
    despite being a Stanford alumna, she plans to ...")? A comma, then a
    subject and its verb."""
    for k, t in enumerate(inside[1:-2], 1):
        if t.text == "," and inside[k + 1].upos in ("PRON", "PROPN", "DET", "NOUN") \
                and _has_verb(inside[k + 2:k + 5]):
            return not _has_verb([u for u in inside[:k] if not u.text.endswith("ing")])
    return False


def _relative_report(toks: list[Token], cue: Token) -> bool:
    """Is the cue inside a relative clause whose pronoun is the report's subject
    ("a surge, which Democrats say could be aiding Sanders", "what he said were
    the failures")? The report is then the verb phrase after the cue. Not with a
    verb of belief: "a system that they believe is rigged" is mostly the
    writer's description, which PolNeAR leaves unannotated."""
    if cue.lemma.lower() in BELIEF_VERBS:
        return False
    j = cue.index - 1
    while j >= 0 and cue.index - j <= 6 and toks[j].upos in ("DET", "ADJ", "NUM", *_NOMINAL) \
            and toks[j].text.lower() not in RELATIVE_SUBJECTS:
        j -= 1
    if not (0 <= j < cue.index - 1 and toks[j].text.lower() in RELATIVE_SUBJECTS):
        return False
    # "noted that the way states select ...": "that" after a verb opens its clause
    return toks[j].text.lower() != "that" or (j > 0 and toks[j - 1].upos in ("NOUN", "PROPN", "PUNCT"))


def as_clause(sent: Sentence, cue: Token) -> int | None:
    """Index of the "as" that opens the cue's clause when that clause frames the
    sentence around it ("As The Atlantic noted, ...", "..., as Breitbart
    reported.", "as reported by X,"), or None. The cue has no complement of
    its own there: "as he explained how ...", "as Clinton echoed the
    criticism" are reports of their own, in a clause of time. Not "as
    expected", "as many believe": a belief names nobody's report."""
    toks = sent.tokens
    if cue.lemma.lower() in BELIEF_VERBS or cue.index == 0 or (phrasal_cue(cue, sent) and cue.lemma.lower() == "put"):
        return None  # "as X put it, “...”" introduces its quote as any frame does
    as_ = next((t.index for t in reversed(toks[:cue.index]) if t.text.lower() == "as"), None)
    if as_ is None or any(t.upos in ("VERB", "PUNCT", "SCONJ", "ADP") or t.text.lower() in RELATIVE_PRONOUNS
                          for t in toks[as_ + 1:cue.index]):
        return None
    between = toks[as_ + 1:cue.index]
    if agent_by(toks, cue) is None and (any(t.lemma.lower() == "be" for t in between)  # "as it's written"
                                        or not any(t.upos in _NOMINAL for t in between)):
        return None
    i = cue.index + (2 if phrasal_cue(cue, sent) else 1)  # "as Menendez pointed out,"
    nxt = toks[i] if i < len(toks) else None
    if nxt is not None and nxt.upos != "PUNCT" and (nxt.text.lower() in CLAUSE_OPENERS or not (
            nxt.upos in ("ADV", "ADP") or nxt.text.lower() in TIME_WORDS)):
        return None
    before = toks[as_ - 1] if as_ > 0 else None
    return as_ if before is None or before.text in (",", "(", *_DASH_MARKS) or before.upos == "CCONJ" else None


def _as_content(ctx: _Context, sent: Sentence, cue: Token, as_: int) -> tuple[int, int] | None:
    """What an :func:`as_clause` frames: the clause after it when it opens the
    sentence or follows a conjunction ("As X noted, A", "B, and as X noted, A"),
    the sentence around it after a fronted phrase ("In Moscow, as X reported,
    A"), else the clause before it ("A, as X said." and "A - as X said - and
    B" report A)."""
    toks = sent.tokens
    text = ctx.article.text
    para = ctx.article.paragraphs[sent.paragraph].span
    lead = [t for t in toks[:as_] if t.upos not in ("CCONJ", "PUNCT")]
    if lead and not (toks[as_ - 1].upos == "CCONJ" or not _has_verb(lead)):
        return _trim(text, _boundary_before(ctx, toks[as_ - 1].start, para), toks[as_ - 1].start)
    close = next((t.index for t in toks[cue.index + 1:]
                  if t.text in (",", ")", *DASHES) or (t.text == "-" and not inner_hyphen(toks, t.index))), None)
    if close is None or close + 1 >= len(toks):
        return None
    start = toks[close + 1].start
    after = _trim(text, start, _boundary_after(ctx, start, para))
    if after is None or not _has_clause(toks, *after):
        return None
    return (lead[0].start, after[1]) if lead else after


def _evidence(ctx: _Context, sent: Sentence, cue: Token) -> tuple[int, int] | None:
    """What an :func:`evidential` verb reports: its subject, by the parse, and
    the rest of the clause ("Enthusiasm for Clinton appears to have plummeted");
    after "it appears" only the clause."""
    toks = sent.tokens
    subject = next((t for t in toks if t.head == cue.index and t.deprel.startswith(("nsubj", "expl"))), None)
    if subject is None or subject.index > cue.index:
        return None
    after = _clause_after(ctx, sent, cue)
    if after is None:
        return None
    if subject.text.lower() == "it":
        return after
    return toks[min(_subtree(toks, subject.index))].start, after[1]


def _question(ctx: _Context, sent: Sentence, cue: Token) -> tuple[int, int] | None:
    """The question of a :func:`question_asked`: after any asker ("by host John
    Dickerson"), a clause ("whether ...", "if ..."), what it was about, or a
    noun phrase ("a straightforward question"); with the subject before "to"
    ("Rubio was asked to name ...")."""
    toks = sent.tokens
    by = agent_by(toks, cue)
    i = _past_adverbials(toks, cue.index + 1) if by is None else by + 1
    if by is not None:
        while i < len(toks) and (toks[i].upos in ("DET", "ADJ", "PROPN", "NOUN") or inner_hyphen(toks, i)):
            i += 1
    if i >= len(toks):
        return None
    if toks[i].text.lower() == "to":
        return _evidence(ctx, sent, cue)
    if toks[i].text.lower() == "about":
        i += 1
    elif toks[i].text.lower() not in (*CLAUSE_OPENERS, "whether") \
            and toks[i].upos not in ("DET", "NOUN", "PROPN", "PRON"):
        return None
    return _clause_from(ctx, sent, cue, i)


def _before_concession(ctx: _Context, inside: list[Token], span: tuple[int, int]) -> tuple[int, int]:
    """A report without the concession the writer adds after it ("say stricter
    laws would help, though they blame ..."), outside quoted words; ``inside``
    holds the span's words."""
    for t, nxt in pairwise(inside):
        if t.text in (",", *_DASH_MARKS) and nxt.text.lower() in CONCESSIONS and not ctx.inside_quote(t.start):
            return _strip(ctx.article.text, span[0], t.start)
    return span


def _in_list(toks: list[Token], comma: int) -> bool:
    """Does this comma separate the items of a list of names ("Cruz, Rubio,
    Kasich and Bush", "New York, Los Angeles and Seattle")? Proper nouns on to
    an "and" or "or" and one more."""
    j = comma + 1
    while j < len(toks) and (toks[j].upos == "PROPN" or toks[j].text == ","):
        j += 1
    # the serial comma ("the DOJ, Lynch, and Gupta") after an item of its own
    k = comma - 1
    while k > 0 and toks[k].upos == "PROPN":
        k -= 1
    serial = j == comma + 1 and k < comma - 1 and toks[k].text == ","
    return (j > comma + 1 or serial) and comma > 0 and toks[comma - 1].upos == "PROPN" and j + 1 < len(toks) \
        and toks[j].text.lower() in ("and", "or") and toks[j + 1].upos == "PROPN"


def _before_predicate(toks: list[Token], span: tuple[int, int]) -> tuple[int, int]:
    """An object without the subject's next predicate ("criticized the filibuster
    and voted for the bill"): after a noun phrase, "and" before a verb starts one."""
    inside = _words_in(toks, span)
    for k, t in enumerate(inside):
        if t.upos in ("VERB", "AUX"):
            return span
        if t.upos == "CCONJ" and k > 0:
            j = k + 1
            while j < len(inside) and inside[j].upos in ("ADV", "AUX"):
                j += 1
            aux = any(u.upos == "AUX" for u in inside[k + 1:j])
            if j < len(inside) and (aux or (inside[j].upos == "VERB" and not inside[j].text.lower().endswith("ing"))):
                return span[0], inside[k - 1].end
    return span


def _before_subordinate(toks: list[Token], span: tuple[int, int]) -> tuple[int, int]:
    """An object without the writer's subordinate clause after it ("touted his
    win as he urged conservatives to unite", "criticized the plan even though
    he voted for it"): a conjunction, a subject and a verb start one."""
    inside = _words_in(toks, span)
    for k in range(1, len(inside) - 2):
        if inside[k].upos == "SCONJ" and inside[k].text.lower() in FRONTING_CONJUNCTIONS \
                and inside[k + 1].upos in ("PRON", "PROPN", "DET", "NOUN") \
                and any(u.upos in ("VERB", "AUX") for u in inside[k + 2:k + 6]):
            last = k - 2 if k > 1 and inside[k - 1].text.lower() == "even" else k - 1
            return span[0], inside[last].end
    return span


def _before_time(toks: list[Token], span: tuple[int, int]) -> tuple[int, int]:
    """An object without the time phrase that ends it ("defended the purchase
    on Tuesday", "praised the deal last week"): when it was said is not what."""
    inside = _words_in(toks, span)
    if len(inside) < 3 or inside[-1].text.lower() not in TIME_WORDS:
        return span
    i = len(inside) - 1
    while i > 0 and (inside[i - 1].upos in ("DET", "ADJ", "NUM") or inside[i - 1].text.lower() in ("last", "this")):
        i -= 1
    if i > 0 and inside[i - 1].text.lower() in TIME_OPENERS:
        i -= 1
    return (span[0], inside[i - 1].end) if i > 0 else span


def _around_frame(ctx: _Context, sent: Sentence, cue: Token, before: tuple[int, int]) -> tuple[int, int]:
    """Widen a clause before a frame to the rest of its statement when the frame
    is parenthetical: "In the long run, many economists say, this effect could
    ripple ..." reports the whole sentence, and so does one whose words after the
    frame complete the clause before it ("It was, he said, one of the bitterest
    failures")."""
    toks = sent.tokens
    i = _past_adverbials(toks, cue.index + 1)
    # not ", and ..." nor ", adding that ...": those start reports of their own
    if i + 1 >= len(toks) or toks[i].text != "," or toks[i + 1].upos == "CCONJ" or (
            toks[i + 1].upos == "VERB" and toks[i + 1].text.lower().endswith("ing")):
        return before
    para = ctx.article.paragraphs[sent.paragraph].span
    rest = _trim(ctx.article.text, toks[i + 1].start, _boundary_after(ctx, toks[i + 1].start, para))
    if rest is None:
        return before
    return before[0], rest[1]


def _after_name_colon(ctx: _Context, sent: Sentence, colon: Token) -> tuple[int, int] | None:
    """Content of a headline-style attribution, "Marco Rubio: I'm Not Interested
    In Being Vice President": a short name, a colon, a statement."""
    if not _is_name(sent.tokens[:colon.index]):
        return None
    para = ctx.article.paragraphs[sent.paragraph].span
    span = _trim(ctx.article.text, colon.end, _boundary_after(ctx, colon.end, para))
    return span if span is not None and len(ctx.article.text[span[0]:span[1]].split()) >= 3 else None


def _ends_statement(toks: list[Token], cue: Token) -> bool:
    """Is the cue in a closing frame (", the military added." / ", it said in a
    statement, while ...")? Then only adverbials come before the next break."""
    i = cue.index + 1
    if i < len(toks) and (toks[i].text.lower() in CLAUSE_OPENERS or toks[i].text == ":"):
        # "Cruz said if elected president he could ...": a clause follows; and
        # 'Clinton, exasperated, responded: "..."' introduces what comes after
        return False
    # in an inverted frame (", said the company's chief executive, who ..."), what
    # follows the cue is its speaker, possessives and relative clause included
    # ('Rogers, for example, said Trump's visit ...' opens a clause: such a speaker has a determiner)
    inverted = cue.index > 0 and (toks[cue.index - 1].text == "," or is_quote_mark(toks[cue.index - 1].text)) \
        and i < len(toks) and toks[i].upos in ("DET", "NUM")
    while i < len(toks) and ((toks[i].upos in ("ADV", "ADP", "DET", "NOUN", "PROPN", "NUM", "ADJ")
                             and toks[i].text.lower() != "that") or inner_hyphen(toks, i)
                             or (inverted and i > cue.index + 1 and toks[i].text in ("'s", "’s"))):
        i += 1
    if i > cue.index + 1 and i + 1 < len(toks) and is_quote_mark(toks[i].text) and toks[i + 1].text[:1].isalnum():
        return False  # 'said Clinton "caused tremendous death"': quoted words go on a clause
    if inverted and i > cue.index + 1 and i < len(toks) and toks[i].text.lower() in ("who", "whose"):
        return True
    return i >= len(toks) or (toks[i].upos in ("PUNCT", "CCONJ", "SCONJ") and toks[i].text.lower() != "that")


def _aside(sent: Sentence, cue: Token) -> bool:
    """Does the cue open a report of its own inside a frame, ", referring to ..."
    or "who said he ..."? Such a report between two quotes is no part of them."""
    prev = sent.tokens[cue.index - 1].text.lower() if cue.index > 0 else ""
    return (prev == "," and cue.text.lower().endswith("ing")) or (prev == "who" and cue.text.lower() in SAY_FORMS)


def signature(text: str, end: int) -> re.Match[str] | None:
    """The dash and name that sign the quote ending at ``end`` ('"..."
    -Michelle Marks, Philadelphia.'), the name as group 1; None if unsigned."""
    return _SIGNATURE.match(text, end)


def inner_hyphen(toks: list[Token], i: int) -> bool:
    """Is ``toks[i]`` the hyphen inside a word ("lower-court"), not a dash?"""
    return (toks[i].text == "-" and 0 < i < len(toks) - 1
            and toks[i - 1].end == toks[i].start and toks[i].end == toks[i + 1].start)


def detect(article: Article, doc: Doc, cues: CueSelector | None = None,
           tagger: ReportTagger | None = None) -> list[Quote]:
    """Find the quotes of one annotated article (speakers are left to
    :mod:`attribute`, but for the reports the tagger reads).

    Returns quotes sorted by position, each with ``content`` and, where one
    was found, ``cue``. ``cues`` reads verbs outside the lexicon (default: the
    bundled :class:`~quotes.cue_model.CueModel`, for whose verbs
    :class:`~quotes.annotate.StanzaAnnotator` parses sentences); ``tagger``
    reads, with their speakers, the reports no rule reads (default: the
    bundled :class:`~quotes.span_model.SpanTagger`; :class:`~quotes.span_model.NoTagger`
    for the rules alone).
    """
    cues = CueModel.load() if cues is None else cues
    text = article.text
    quoted = quoted_spans(article)
    ctx = _Context(article, doc, quoted, boundaries=quoted)
    quotes: list[Quote] = []
    used_cues: set[int] = set()
    embedded: list[QuotedSpan] = []
    last_direct: Quote | None = None
    for q in ctx.quoted:
        check()
        standalone, cue = _standalone(ctx, q)
        joined = last_direct is not None and last_direct.fragments[-1].end < q.start \
            and _joins(ctx, last_direct, q, cue)
        goes_on = standalone and cue is None and last_direct is not None and not signature(text, q.end) \
            and _goes_on(ctx, last_direct, q.open_mark)
        if last_direct is not None and (joined or goes_on):
            last_direct.rule.append("direct.split" if joined else "direct.continued")
            last_direct.fragments.extend(q.fragments)
            last_direct.content = Span.of(text, last_direct.content.start, q.end)
            continue
        if not standalone:
            embedded.append(q)
            continue
        quote = Quote(article.id, "direct", Span.of(text, q.start, q.end),
                      cue=cue_span(text, *cue) if cue else None,
                      fragments=list(q.fragments), rule=[_frame_rule(q, cue)])
        if cue:
            used_cues.add(cue[1].start)
        quotes.append(quote)
        last_direct = quote

    inner_ids = {id(q) for q in embedded}
    ctx.set_boundaries([q for q in quoted if id(q) not in inner_ids])
    covered = SpanIndex(piece for q in quotes for piece in _own_stretches(ctx, q))
    quoted_words = SpanIndex((f.start, f.end) for q in quotes for f in q.fragments)
    directs = list(quotes)  # in text order, for the unframed quote that may go on from a report
    for sent in doc.sentences:
        check()
        for tok in sent.tokens:
            colon = tok.text == ":"
            claim = claim_word(tok, sent)
            evidence = evidential(tok, sent)
            question = question_asked(tok, sent)
            lexical = colon or claim or evidence or question or is_cue(tok, sent)
            if tok.start in used_cues or ctx.inside_quote(tok.start) or not (lexical or cues.accepts(sent, tok)):
                continue
            stance = not claim and is_stance(tok, sent)
            if colon:
                span = _after_name_colon(ctx, sent, tok)
            elif evidence:
                span = _evidence(ctx, sent, tok)
            elif question:
                span = _question(ctx, sent, tok)
            else:
                span = _indirect(ctx, sent, tok, stance)
            taken = quoted_words if _aside(sent, tok) else covered
            if span is None or taken.covers(span[0]):
                continue
            if claim:
                # "said in a statement that ...", "rejected the notion that ...": the verb's report
                if any(q.content.start <= tok.start < q.content.end or q.content.start == span[0]
                       for q in quotes):
                    continue
                span = span[0], min(span[1], _subtree_end(sent, sent.tokens[tok.index + 1]))
            start, end = span
            inner, end = _through_quotes(embedded, sent, start, end)
            kind = "mixed" if inner else "indirect"
            rule = _report_rule(tok, colon, claim, evidence, question, stance, lexical)
            if len(inner) == 1 and start > tok.start and tok.lemma.lower() not in NAMING_VERBS \
                    and _is_whole(ctx, tok.end, end, inner[0]):
                kind, (start, end), rule = "direct", (inner[0].start, inner[0].end), "direct.after-cue"
            start, end = _whole_marks(text, start, end)
            quote = Quote(article.id, kind, Span.of(text, start, end), cue=cue_span(text, sent, tok),
                          fragments=[f for q in inner for f in q.fragments], rule=[rule])
            _take_continuation(ctx, quote, quotes, directs)
            quotes.append(quote)
            if kind == "direct":
                insort(directs, quote, key=_content_start)
            used_cues.add(tok.start)
    quotes += _tagged(ctx, quotes, SpanTagger.load() if tagger is None else tagger, embedded)
    quotes.sort(key=lambda q: q.content.start)
    return _outermost(quotes, text)


def _through_quotes(embedded: list[QuotedSpan], sent: Sentence, start: int,
                    end: int) -> tuple[list[QuotedSpan], int]:
    """The quotes that open inside a report, and its end: quoted words run on
    through their closing mark, past sentence ends inside them."""
    def mark(q: QuotedSpan) -> int:
        return q.open_mark

    inner = embedded[bisect_left(embedded, start, key=mark):bisect_left(embedded, end, key=mark)]
    return inner, max([end, *(q.outer_end for q in inner if q.paragraphs[0] == sent.paragraph)])


def _tagged(ctx: _Context, found: list[Quote], tagger: ReportTagger, embedded: list[QuotedSpan]) -> list[Quote]:
    """The reports the tagger reads where the rules read none: in a sentence
    without one from its threshold, beside one from its higher busy threshold."""
    text = ctx.article.text
    taken = SpanIndex((q.content.start, q.content.end) for q in found)
    quoted = fragment_spans(ctx.quoted)
    # a report in a sentence that one rule report covers whole would overlap it
    readable = [sent for sent in ctx.doc.sentences if not taken.contains(sent.start, sent.end)]
    out = []
    for sent, reports in zip(readable, tagger.read(readable, quoted), strict=True):
        toks = sent.tokens

        def span(run: tuple[int, int], toks: list[Token] = toks) -> Span:
            return Span.of(text, toks[run[0]].start, toks[run[1]].end)

        busy = taken.overlaps(sent.start, sent.end)
        for report in reports:
            content = span(report.content)
            # a label ("Update: ...") reports nobody, as for the rules
            if report.confidence < (tagger.busy_threshold if busy else tagger.threshold) \
                    or toks[report.source[0]].text.lower() in LABELS \
                    or taken.overlaps(content.start, content.end):
                continue
            inner, end = _through_quotes(embedded, sent, content.start, content.end)
            content = Span.of(text, content.start, end)  # the tagger leaves closing marks out
            out.append(Quote(ctx.article.id, "mixed" if inner else "indirect", content, cue=span(report.cue),
                             speaker=span(report.source), fragments=[f for q in inner for f in q.fragments],
                             reader=tagger.name, confidence=round(report.confidence, 3), rule=["tagger"]))
    return out


# a contrast and a few words before a cue inside a report start the writer's next
# clause ("said A but warned that B", "A, whereas Petraeus acknowledged that B")
_NEXT_REPORT = re.compile(r"\s+(?:but|while|whereas|although|though)\s+(?:[\w.'’-]+\s+){0,4}$", re.IGNORECASE)


def _own_stretches(ctx: _Context, quote: Quote) -> list[tuple[int, int]]:
    """Where no other report may start: all of a direct quote but the writer's
    sentences between its fragments ('"A," said Sara Walker, 44. She plans to
    cast her first ballot for Clinton. "B."'), whose reports are their own."""
    pieces, start = [], quote.content.start
    for before, after in pairwise(quote.fragments):
        ends = _sentence_ends(ctx, before.end, after.start)
        if ends:
            pieces.append((start, ends[0]))
            start = after.start
    return [*pieces, (start, quote.content.end)]


def _outermost(quotes: list[Quote], text: str) -> list[Quote]:
    """Drop reports made inside another report's words ("he said he hoped it would
    change", "some said Trump likened the talks to real estate deals"): PolNeAR
    annotates 1 in 4 of them, and a reader sees them in the outer report. A "said"
    inside stays (half of them are annotated: "while others said ..."), and so
    does the message's own report in "issued a statement saying X", which
    replaces the outer one. Reports before a closing frame stay too. A report
    after a contrast inside another ("said A while others insisted B") is the
    writer's next clause: the outer report ends before it."""
    def within(inner: Quote, outer: Quote) -> bool:
        # after its own frame only: in "A blamed B, adding C, a statement said" A's words stay A's
        if inner is outer or inner.kind == "direct" or inner.cue is None or outer.cue is None \
                or outer.cue.start > inner.cue.start:
            return False
        pieces = outer.fragments if outer.kind == "direct" else [outer.content]
        return any(p.start <= inner.cue.start and inner.content.end <= p.end for p in pieces) \
            and outer.content.start <= inner.content.start

    def message(inner: Quote, outer: Quote) -> bool:
        lead = outer.content.text[:inner.cue.start - outer.content.start].split()
        return 0 < len(lead) <= 4 and lead[-1].lower() in MESSAGE_NOUNS

    starts = [q.content.start for q in quotes]  # sorted; cutting a report below keeps its start

    def inside(outer: Quote) -> list[Quote]:
        # within() needs the inner report to start inside the outer one
        lo, hi = bisect_left(starts, outer.content.start), bisect_right(starts, outer.content.end)
        return [q for q in quotes[lo:hi] if within(q, outer)]

    for outer in quotes:
        if outer.kind == "direct":
            continue
        inners = inside(outer)
        cuts = [m.start() for q in inners
                if (m := _NEXT_REPORT.search(text, outer.content.start, q.cue.start)) is not None]
        if cuts:
            end = _strip(text, outer.content.start, min(cuts))[1]
            if end > outer.content.start:
                outer.fragments = [f for f in outer.fragments if f.end <= end]
                outer.kind = "mixed" if outer.fragments else "indirect"
                outer.content = Span.of(text, outer.content.start, end)

    outers: dict[int, list[Quote]] = {}  # by id() of the inner report
    inners_of: dict[int, list[Quote]] = {}
    for outer in quotes:
        inners_of[id(outer)] = inside(outer)
        for inner in inners_of[id(outer)]:
            outers.setdefault(id(inner), []).append(outer)

    def dropped(q: Quote) -> bool:
        return any(not message(q, o) and q.cue.text.lower() not in SAY_FORMS for o in outers.get(id(q), [])) \
            or any(message(i, q) for i in inners_of[id(q)])
    return [q for q in quotes if not dropped(q)]


def cue_span(text: str, sent: Sentence, tok: Token) -> Span:
    """The words of a cue: one verb, or two for "according to", "talked about", "put it"."""
    two_words = tok.text.lower() == "according" or phrasal_cue(tok, sent)
    return Span.of(text, tok.start, sent.tokens[tok.index + 1].end if two_words else tok.end)


def _whole_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span that cuts a doubled-apostrophe quote mark in two (``''``
    stands for one ``"``; :func:`plain_marks` puts that ``"`` on one of its two
    characters)."""
    if text[start - 1:start + 1] == "''":
        start -= 1
    if text[end - 1:end + 1] == "''":
        end += 1
    return start, end


def _is_whole(ctx: _Context, cue_end: int, end: int, q: QuotedSpan) -> bool:
    """Does one quote in double marks follow the cue with nothing else ('saying, "the
    advice I give to Donald is to Donald."', 'found "no evidence of ..."')? Then it is
    a direct quote, however it begins; after 'that' news annotators count the clause
    as mixed."""
    edge = " ,.;:!?…" + ALL_MARKS
    return q.closed and ctx.marks[q.open_mark] in DOUBLE_OPEN + '"' and \
        ctx.marks[cue_end:end].strip(edge) == ctx.marks[q.start:q.end].strip(edge)


def _joins(ctx: _Context, first: Quote, second: QuotedSpan, second_cue: tuple[Sentence, Token] | None) -> bool:
    """Is the text between two quotes an attribution that continues the sentence
    ("A," he said, "b.")? Not where the second has a frame of its own ('"A," she
    said, though he said, "B."')."""
    last = first.fragments[-1]
    # a quote that ends on a nested one ('"... 'House of Cards,'" she said, "...')
    # keeps the comma inside its last fragment
    between = ctx.marks[last.start + len(last.text.rstrip(ALL_MARKS + ",")):second.open_mark]
    if "\n" in between:
        return False
    body = between.strip(" " + ALL_MARKS)
    # a second quote going on in lower case goes on with the first, past a participle
    # in the frame ('"A," Thiel wrote ... explaining why ..., "but b."')
    goes_on_lower = second.fragments[0].text.lstrip(ALL_MARKS + " ")[:1].islower()
    if first.cue is None or first.cue.end > second.open_mark \
            or (second_cue is not None and second_cue[1].start != first.cue.start and not goes_on_lower):
        return False
    # or a frame that lost its comma before the next mark ('"A," she said "B."')
    bare = not ctx.marks[first.cue.end:second.open_mark].strip()
    return (body.startswith(",") and (body.endswith(",") or bare) and len(body) < 120
            and not _sentence_ends(ctx, last.end, second.open_mark))


def _goes_on(ctx: _Context, first: Quote, open_mark: int) -> bool:
    """Does a quote with no frame of its own (opening at ``open_mark``) continue
    the quote before it, in the same paragraph ("A," he said. "B."), opening
    the next one after a paragraph that ended with the frame, or after a
    paragraph that ended with the quote itself? News counts it as one
    statement."""
    first_end = first.fragments[-1].end
    between = ctx.marks[first_end:open_mark]
    start = first_end + len(between) - len(between.lstrip(" ,.!?…" + ALL_MARKS))  # past its closing mark
    chars = list(ctx.marks[start:open_mark])
    # a title in the frame ('he said on MSNBC's "Morning Joe."') is no quote of its own
    for q in ctx.quotes_opening(start, open_mark):
        if q.closed and q.close_mark < open_mark and len(q.fragments) == 1 \
                and len(q.fragments[0].text.split()) <= 6:
            chars[q.open_mark - start] = chars[q.close_mark - start] = " "
    frame = "".join(chars).rstrip()
    if not frame and "\n" in between:  # quote paragraphs in a row, the first one's frame for all
        return True
    if not (first.cue is not None and "\n" not in frame
            and first_end <= first.cue.start < open_mark and len(frame) < 400
            and frame.endswith((".", "!", "?"))
            and not any(c in frame for c in DOUBLE_OPEN + DOUBLE_CLOSE + '"')):
        return False
    # a frame that goes on to a sentence with a report of its own ('..." says Garcia.
    # She says people should ...') ends the statement
    ends = _sentence_ends(ctx, start, start + len(frame))
    return not ends or not any(is_cue(t, s) for s, t in ctx.doc.tokens_between(ends[0], open_mark))


def _content_start(q: Quote) -> int:
    return q.content.start


def _take_continuation(ctx: _Context, partial: Quote, quotes: list[Quote], directs: list[Quote]) -> None:
    """Join to a reported quote the unframed quote that goes on from it: after
    its frame, as for direct quotes ('Sooner or later, "A," he said. "B."',
    :func:`_goes_on`), or right after a report whose cue comes first ('She
    promised that X. "Y!"'). PolNeAR counts either as one statement; the
    joined quote leaves ``quotes`` and ``directs`` (the direct quotes, in text order)."""
    k = bisect_left(directs, partial.content.end, key=_content_start)
    nxt = directs[k] if k < len(directs) else None
    if nxt is None or nxt.cue is not None:
        return
    span = ctx.quote_starting(nxt.content.start)
    if span is None:
        return
    gap = ctx.marks[partial.content.end:span.open_mark]
    right_after = partial.cue is not None and partial.cue.end <= partial.content.start \
        and "\n" not in gap and not gap.strip(" .,:;" + ALL_MARKS)
    if right_after or (partial.kind == "mixed" and _goes_on(ctx, partial, span.open_mark)):
        quotes.remove(nxt)
        directs.remove(nxt)
        partial.rule.append("report.continued")
        if partial.kind == "indirect":
            partial.kind = "mixed"
        partial.fragments.extend(nxt.fragments)
        partial.content = Span.of(ctx.article.text,
                                  *_whole_marks(ctx.article.text, partial.content.start, span.outer_end))


def _sentence_ends(ctx: _Context, start: int, end: int) -> list[int]:
    """Offsets just past each sentence end (". ", "! ", "? ") between ``start``
    and ``end``; the periods of abbreviations ("Sen. Reed") end none."""
    return [start + m.end() for m in re.finditer(r"[.!?]\s", ctx.marks[start:end])
            if not _abbreviation(ctx.marks, start + m.start())]
