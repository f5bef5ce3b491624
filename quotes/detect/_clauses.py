"""How far a report reaches: the clause after a cue or before a closing
frame, up to the statement's end or a break that starts something new, and the
trimming of a stance verb's object (before a concession, the subject's next
predicate, a subordinate clause or a time phrase)."""

from __future__ import annotations

from itertools import pairwise

from quotes.detect._boundaries import _boundary_after, _boundary_before
from quotes.detect._context import _Context
from quotes.detect._marks import _strip, is_quote_mark
from quotes.detect._syntax import (
    _DASH_MARKS,
    _NOMINAL,
    _clause_end,
    _complementizer,
    _has_verb,
    _in_fronted_clause,
    _past_adverbials,
    _subtree,
    _that_ahead,
    _trim,
    _words_in,
    inner_hyphen,
    opening_participle,
)
from quotes.detect._triggers import is_cue, phrasal_cue
from quotes.lexicon import (
    ADDRESSEE_CUES,
    CLAUSE_OPENERS,
    CONCESSIONS,
    CONTRAST_CONJUNCTIONS,
    DASHES,
    FRONTING_CONJUNCTIONS,
    RELATIVE_PRONOUNS,
    SUBJECT_PRONOUNS,
    TIME_OPENERS,
    TIME_WORDS,
)
from quotes.types import Sentence, Token


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
        # "Writing in a blog post, Ingram dubbed ...": an opening participle's place
        # and time, then the sentence it opens, which it does not report
        if opening_participle(toks, cue) and toks[i].text == ",":
            return None
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
    opening = (opening_participle(toks, cue) or (cue.index == 0 and cue.is_past)
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
        # writer's; before the verb of the report or of a clause it opens, it is part
        # of a subject ("that the announcement, which some have argued ..., was an
        # insult", "said talks aimed to ensure that technicians, who ..., could stay")
        if t.text == "," and nxt is not None and nxt.text.lower() in RELATIVE_PRONOUNS \
                and _has_verb(toks[_last_opener(toks, i, t.index):t.index]):
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


def _last_opener(toks: list[Token], start: int, end: int) -> int:
    """Index of the first word of the innermost clause in ``toks[start:end]``: past
    its last complementizer ("that", "whether", "if"), else ``start``."""
    return next((t.index + 1 for t in reversed(toks[start:end])
                 if t.upos == "SCONJ" and t.text.lower() in ("that", "whether", "if")), start)


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
    # "Trump, who also campaigned in the state, tweeted, ...": the words before the
    # comma are a relative clause of the cue's subject, not what it reports
    k = i - 1
    while k > 0 and toks[k].text not in (",", *DASHES, ":"):
        k -= 1
    if k > 0 and toks[k].text == "," and toks[k + 1].text.lower() in RELATIVE_PRONOUNS \
            and not ctx.inside_quote(toks[k].start):
        return None
    para = ctx.article.paragraphs[sent.paragraph].span
    start = _boundary_before(ctx, toks[i].start, para)
    return _trim(ctx.article.text, start, toks[i].start)


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
    # not ", and ...", ", while ..." nor ", adding that ...": those start clauses of their own
    if i + 1 >= len(toks) or toks[i].text != "," or toks[i + 1].upos == "CCONJ" \
            or toks[i + 1].text.lower() in CONTRAST_CONJUNCTIONS or (
            toks[i + 1].upos == "VERB" and toks[i + 1].text.lower().endswith("ing")):
        return before
    para = ctx.article.paragraphs[sent.paragraph].span
    rest = _trim(ctx.article.text, toks[i + 1].start, _boundary_after(ctx, toks[i + 1].start, para))
    if rest is None:
        return before
    # only a connective before the frame ("But, he noted, …", "Still, she added, …"):
    # the statement is what follows
    if all(t.upos in ("CCONJ", "ADV", "INTJ", "PUNCT") for t in toks if before[0] <= t.start < before[1]):
        return rest
    return before[0], rest[1]
