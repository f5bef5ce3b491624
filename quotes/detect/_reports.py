"""The report pass: every trigger in the text, outside quotes and the direct
quotes' frames, with the words it reports, as an indirect or mixed quote.

A trigger's words become a *direct* quote instead when they are one whole
quote right after the cue ('he said "the advice I give is to stay."'), and a
report takes the unframed quote that goes on from it.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Set

from quotes.budget import check
from quotes.cue_model import CueSelector
from quotes.detect._content import _after_name_colon, _evidence, _indirect, _question
from quotes.detect._context import _Context
from quotes.detect._direct import _content_start, _is_whole, _take_continuation, _whole_marks
from quotes.detect._marks import QuotedSpan
from quotes.detect._merge import _own_stretches, _through_quotes
from quotes.detect._rules import _report_rule
from quotes.detect._syntax import _subtree_end
from quotes.detect._triggers import _aside, claim_word, cue_span, evidential, is_cue, is_stance, question_asked
from quotes.index import SpanIndex
from quotes.lexicon import NAMING_VERBS, PICTURE_NOUNS, RELATIVE_SUBJECTS
from quotes.types import Quote, Sentence, Span, Token


def _reports(ctx: _Context, quotes: list[Quote], embedded: list[QuotedSpan], cues: CueSelector,
             disable: Set[str]) -> list[Quote]:
    """``quotes`` (the direct ones) with the reports of every trigger added,
    in the order of their cues; a rule of ``disable`` reads none."""
    used_cues = {q.cue.start for q in quotes if q.cue is not None}  # the direct quotes' frames
    covered = SpanIndex(piece for q in quotes for piece in _own_stretches(ctx, q))
    quoted_words = SpanIndex((f.start, f.end) for q in quotes for f in q.fragments)
    directs = list(quotes)  # in text order, for the unframed quote that may go on from a report
    for sent in ctx.doc.sentences:
        check()
        for tok in sent.tokens:
            if tok.start in used_cues or ctx.inside_quote(tok.start):
                continue
            quote = _report(ctx, sent, tok, cues, disable, quotes, embedded,
                            quoted_words if _aside(sent, tok) else covered)
            if quote is None:
                continue
            if "report.continued" not in disable:
                _take_continuation(ctx, quote, quotes, directs)
            quotes.append(quote)
            if quote.kind == "direct":
                insort(directs, quote, key=_content_start)
            used_cues.add(tok.start)
    return quotes


def _report(ctx: _Context, sent: Sentence, tok: Token, cues: CueSelector, disable: Set[str],
            found: list[Quote], embedded: list[QuotedSpan], taken: SpanIndex) -> Quote | None:
    """The report of the trigger ``tok``, if it is one and reports words no quote
    ``found`` so far has ``taken``."""
    colon = tok.text == ":"
    claim = claim_word(tok, sent)
    evidence = evidential(tok, sent)
    question = question_asked(tok, sent)
    lexical = colon or claim or evidence or question or is_cue(tok, sent)
    if not (lexical or cues.accepts(sent, tok)):
        return None
    stance = not claim and is_stance(tok, sent)
    rule = _report_rule(tok, colon, claim, evidence, question, stance, lexical)
    if rule in disable:
        return None
    if colon:
        span = _after_name_colon(ctx, sent, tok)
    elif evidence:
        span = _evidence(ctx, sent, tok)
    elif question:
        span = _question(ctx, sent, tok)
    else:
        span = _indirect(ctx, sent, tok, stance)
    if span is None or taken.covers(span[0]):
        return None
    # a second frame after a quote its own frame set off ('X weighed in, telling Mic, "…,"
    # he said') is that quote's: the words before it are no report of its own (but
    # 'Nothing the president said "will assuage …," the senator said' is one)
    if span[1] <= tok.start and any(
            q.kind == "direct" and q.cue is not None and span[0] <= q.cue.start
            and q.content.end <= span[1] <= q.content.end + 3
            and any(c in ",:" for c in ctx.article.text[q.cue.end:q.content.start]) for q in found):
        return None
    if span[0] > tok.start:
        obj = [t for t in sent.tokens if span[0] <= t.start and t.end <= span[1]]
        if _pictures(sent, obj) or _frames_next(sent, obj):
            return None
    if claim:
        # "said in a statement that ...", "rejected the notion that ...": the verb's report
        if any(q.content.start <= tok.start < q.content.end or q.content.start == span[0] for q in found):
            return None
        span = span[0], min(span[1], _subtree_end(sent, sent.tokens[tok.index + 1]))
    text = ctx.article.text
    start, end = span
    inner, end = _through_quotes(embedded, sent, start, end)
    kind, trigger = "mixed" if inner else "indirect", rule
    if len(inner) == 1 and start > tok.start and tok.lemma.lower() not in NAMING_VERBS \
            and "direct.after-cue" not in disable and _is_whole(ctx, tok.end, end, inner[0]):
        kind, (start, end), rule = "direct", (inner[0].start, inner[0].end), "direct.after-cue"
    start, end = _whole_marks(text, start, end)
    return Quote(ctx.article.id, kind, Span.of(text, start, end), cue=cue_span(text, sent, tok),
                 fragments=[f for q in inner for f in q.fragments], rule=[rule], trigger=trigger)


def _frames_next(sent: Sentence, obj: list[Token]) -> bool:
    """Does the object end on a relative clause's cue, the frame of the quote that
    follows ("released a marketing video that said, "…"", "added the caption
    which reads, "…"")? Its words are the quote's speaker, not a report."""
    return len(obj) >= 3 and obj[-2].text.lower() in RELATIVE_SUBJECTS and is_cue(obj[-1], sent)


def _pictures(sent: Sentence, obj: list[Token]) -> bool:
    """Is a report's object (its words ``obj``) pictures ("its own footage of air
    strikes", "a video of the news conference"), which show rather than say, unless
    a cue of its own says what they say ("a Web video that accuses Cruz of ...")?"""
    head = next((t for t in obj if t.upos in ("NOUN", "PROPN")), None)
    return head is not None and head.text.lower() in PICTURE_NOUNS \
        and not any(is_cue(t, sent) for t in obj if t.start > head.start)
