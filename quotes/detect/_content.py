"""Content extractors: for each trigger, the words it reports.

A speech or stance verb reports its clause or object (:func:`_indirect`),
"according to X" the statement it sources, an evidential its subject and the
rest of its clause, a question what was asked, a passive report its subject,
"said so" the earlier report it stands for, and a name before a colon the
statement after it.

Limits: a speech cue needs a clause (or a "to"-infinitive for promise verbs),
so "X claimed responsibility" is not a quote; intentions ("plans to") are not
read.
"""

from __future__ import annotations

from quotes.detect._boundaries import _boundary_after, _boundary_before
from quotes.detect._clauses import (
    _around_frame,
    _before_concession,
    _before_predicate,
    _before_subordinate,
    _before_time,
    _clause_after,
    _clause_before,
    _clause_from,
    _in_list,
)
from quotes.detect._context import _Context
from quotes.detect._marks import is_quote_mark
from quotes.detect._syntax import (
    _NOMINAL,
    _complementizer,
    _has_clause,
    _has_verb,
    _past_adverbials,
    _subtree,
    _trim,
    _words_in,
    agent_by,
    inner_hyphen,
)
from quotes.detect._triggers import _as_frame, _ends_statement, _is_name, as_clause, passive_report, phrasal_cue
from quotes.lexicon import (
    BELIEF_VERBS,
    CLAUSE_OPENERS,
    DASHES,
    INFINITIVE_CUES,
    QUANTITY_OPENERS,
    QUANTITY_WORDS,
    RELATIVE_SUBJECTS,
    SAID_FORMS,
    WEAK_CUES,
)
from quotes.types import Sentence, Token


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


def _after_name_colon(ctx: _Context, sent: Sentence, colon: Token) -> tuple[int, int] | None:
    """Content of a headline-style attribution, "Marco Rubio: I'm Not Interested
    In Being Vice President": a short name, a colon, a statement."""
    if not _is_name(sent.tokens[:colon.index]):
        return None
    para = ctx.article.paragraphs[sent.paragraph].span
    span = _trim(ctx.article.text, colon.end, _boundary_after(ctx, colon.end, para))
    return span if span is not None and len(ctx.article.text[span[0]:span[1]].split()) >= 3 else None
