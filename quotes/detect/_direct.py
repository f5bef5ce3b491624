"""Direct quotes: whether quoted words stand as a statement, which frame
("Smith said") is theirs, and when a quote joins the one before it.

A quoted span is direct when its surroundings are nothing, a frame before it
ending in a comma or colon, or a frame after it; otherwise its words are
embedded in a report (mixed) or scare quotes. A second quote joins the first
across a frame that continues the sentence ("A," he said, "b."), and an
unframed quote goes on from the quote or report before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Set

from quotes.budget import check
from quotes.detect._boundaries import _boundary_after, _boundary_before, _sentence_ends
from quotes.detect._context import _Context
from quotes.detect._marks import ALL_MARKS, DOUBLE_CLOSE, DOUBLE_OPEN, SINGLE_CLOSE, QuotedSpan, signature
from quotes.detect._rules import _frame_rule, trigger_rule
from quotes.detect._syntax import _DASH_MARKS
from quotes.detect._triggers import _ends_statement, _is_name, cue_span, is_cue
from quotes.lexicon import FRONTING_CONJUNCTIONS, STANCE_CUES
from quotes.types import Quote, Sentence, Span, Token

# a frame closed by a dash (', Mr. Elkins said - but ...')
_DASH_FRAME = re.compile(r"[^-—–!?\"“”]{1,80}?\s(?:--?|—|–)(?=\s)")


# a relative clause after a quote, on its last words: no frame
_RELATIVE = re.compile(r"\s*,?\s*(?:which|where|whose)\b", re.IGNORECASE)


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
        elif pre_cue[1].index <= 1 and pre_cue[1].is_past:
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
    if first.text.lower() in FRONTING_CONJUNCTIONS or (first.upos == "VERB" and first.is_past):
        toks = toks[next((k + 1 for k, (_, t) in enumerate(toks) if t.text == ","), 0):]
    for k, (sent, tok) in enumerate(toks[:-1]):
        if tok.upos in ("VERB", "AUX"):
            finite = tok.upos == "VERB" and not tok.text.lower().endswith("ing")
            subject = k > 0 and toks[k - 1][1].upos in ("NOUN", "PROPN", "PRON")
            return (sent, tok) if finite and subject else None
    return None


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


def _direct_quotes(ctx: _Context, disable: Set[str]) -> tuple[list[Quote], list[QuotedSpan]]:
    """The direct quotes, in text order, and the quoted stretches that stand as
    no statement of their own (embedded in a report, or scare quotes). A frame
    rule of ``disable`` makes no quote; a joining rule there joins none."""
    text = ctx.article.text
    quotes: list[Quote] = []
    embedded: list[QuotedSpan] = []
    last: Quote | None = None  # the quote a stretch may join
    for q in ctx.quoted:
        check()
        standalone, cue = _standalone(ctx, q)
        joined = last is not None and "direct.split" not in disable and last.fragments[-1].end < q.start \
            and _joins(ctx, last, q, cue)
        goes_on = standalone and cue is None and last is not None and "direct.continued" not in disable \
            and not signature(text, q.end) and _goes_on(ctx, last, q.open_mark)
        if last is not None and (joined or goes_on):
            last.rule.append("direct.split" if joined else "direct.continued")
            last.fragments.extend(q.fragments)
            last.content = Span.of(text, last.content.start, q.end)
            continue
        if not standalone:
            embedded.append(q)
            continue
        rule = _frame_rule(q, cue)
        if rule in disable:
            last = None
            continue
        last = Quote(ctx.article.id, "direct", Span.of(text, q.start, q.end),
                     cue=cue_span(text, *cue) if cue else None, fragments=list(q.fragments), rule=[rule],
                     trigger=trigger_rule(cue[1], cue[0]) if cue else None)
        quotes.append(last)
    return quotes, embedded
