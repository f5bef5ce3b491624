"""Syntax helpers the rules share: adverbials, subtrees, clause ends, participles.

They read one sentence's tokens (tags and parse) and know nothing of quotes
or of the article around it.
"""

from __future__ import annotations

from quotes.detect._marks import _strip, is_quote_mark
from quotes.lexicon import DASHES, FRONTING_CONJUNCTIONS, QUANTITY_WORDS, SUBJECT_PRONOUNS, TIME_OPENERS
from quotes.types import Sentence, Token

_NOMINAL = ("NOUN", "PROPN", "PRON", "NUM")


# tokens and text ends that set off an aside as a dash does
_DASH_MARKS = ("-", *DASHES)


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


def opening_participle(toks: list[Token], cue: Token) -> bool:
    """Does the cue open the sentence as an active participle ("Noting that ...",
    "Having said ...")? Not "Asked if ...", whose subject was asked."""
    if cue.text.lower().endswith("ing") and 0 < cue.index <= 4 and toks[cue.index - 1].upos in ("SCONJ", "ADP") \
            and not any(t.upos in ("VERB", "AUX", "PUNCT") for t in toks[:cue.index]):
        return True  # "(One month) after announcing his support, Rubio ..."
    return (cue.index == 0 and cue.text.lower().endswith("ing")) or (
        cue.index == 1 and toks[0].text.lower() == "having")


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


def inner_hyphen(toks: list[Token], i: int) -> bool:
    """Is ``toks[i]`` the hyphen inside a word ("lower-court"), not a dash?"""
    return (toks[i].text == "-" and 0 < i < len(toks) - 1
            and toks[i - 1].end == toks[i].start and toks[i].end == toks[i + 1].start)
