"""Merging the finders' quotes: the tagger's reports where no rule read one,
and the outermost report where one report sits inside another."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import pairwise

from quotes.detect._boundaries import _sentence_ends
from quotes.detect._context import _Context
from quotes.detect._marks import QuotedSpan, _strip, fragment_spans
from quotes.index import SpanIndex
from quotes.lexicon import CONTRAST_CONJUNCTIONS, LABELS, MESSAGE_NOUNS, SAY_FORMS
from quotes.span_model import ReportTagger
from quotes.types import Quote, Sentence, Span, Token


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
            src_start, src_end = report.source
            while src_end > src_start and toks[src_end].upos == "ADP":
                src_end -= 1  # a link word ends no speaker: "Clinton on [Monday] ripped into Sanders"
            out.append(Quote(ctx.article.id, "mixed" if inner else "indirect", content, cue=span(report.cue),
                             speaker=span((src_start, src_end)), fragments=[f for q in inner for f in q.fragments],
                             reader=tagger.name, tagger_score=round(report.confidence, 3), rule=["tagger"]))
    return out


# a contrast and a few words before a cue inside a report start the writer's next
# clause ("said A but warned that B", "A, whereas Petraeus acknowledged that B")
_NEXT_REPORT = re.compile(rf"\s+(?:{'|'.join(sorted(CONTRAST_CONJUNCTIONS))})\s+(?:[\w.'’-]+\s+){{0,4}}$",
                          re.IGNORECASE)


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
