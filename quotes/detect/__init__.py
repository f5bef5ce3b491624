"""Stage 3: find quotes (direct, mixed, indirect) and their cues.

How a quote is found, module by module (all private; this package's names
below are the API):

1. ``_marks``: quoted stretches from the quote marks alone (:func:`quoted_spans`).
2. ``_direct``: a quoted stretch that stands as a statement of its own is a
   *direct* quote, framed by the cue before or after it ("Smith said"); a
   second stretch may join it across its frame.
3. ``_triggers``: a word that introduces a report: a cue verb ("said",
   "told"), "according to", a stance verb ("called it a gift"), a phrasal cue
   ("pointed to the polls"), a claim noun or adjective ("Trump's suggestion
   that ..."), an evidential ("the race appears closer"), a question put to
   someone ("was asked whether ..."), a name before a colon.
4. ``_reports``, with ``_content`` and ``_clauses``: the words each trigger
   reports, an *indirect* quote, or *mixed* when they hold quoted words.
   Quoted phrases in no reported clause are scare quotes and are not reported.
5. ``_merge``: the report tagger's reports where no rule read one; reports made
   inside another report's words are dropped.

``_syntax``, ``_boundaries`` and ``_context`` hold what these steps share.
Each quote names in ``Quote.rule`` the rules of :data:`RULES` that made it.

Limits: nested quotes are not reported separately; single quote marks open
a quote only at a word start and only outside double quotes; a speech cue
needs a clause (or "to"-infinitive for promise verbs), so "X claimed
responsibility" is not a quote; passives with "by" other than "reported
by" ("was confirmed by the group") and intentions ("plans to") are not read.
"""

from __future__ import annotations

from collections.abc import Set

from quotes.cue_model import CueModel, CueSelector
from quotes.detect._context import _Context
from quotes.detect._direct import _direct_quotes
from quotes.detect._marks import QuotedSpan, fragment_spans, is_quote_mark, plain_marks, quoted_spans, signature
from quotes.detect._merge import _outermost, _tagged
from quotes.detect._reports import _reports
from quotes.detect._rules import RULES, trigger_rule
from quotes.detect._syntax import agent_by, inner_hyphen, opening_participle
from quotes.detect._triggers import (
    as_clause,
    claim_before,
    claim_holder,
    claim_word,
    cue_span,
    evidential,
    is_cue,
    is_stance,
    passive_report,
    phrasal_cue,
    question_asked,
)
from quotes.span_model import ReportTagger, SpanTagger
from quotes.types import Article, Doc, Quote

__all__ = [
    "RULES",
    "QuotedSpan",
    "agent_by",
    "as_clause",
    "claim_before",
    "claim_holder",
    "claim_word",
    "cue_span",
    "detect",
    "evidential",
    "fragment_spans",
    "inner_hyphen",
    "is_cue",
    "is_quote_mark",
    "is_stance",
    "opening_participle",
    "passive_report",
    "phrasal_cue",
    "plain_marks",
    "question_asked",
    "quoted_spans",
    "signature",
    "trigger_rule",
]


def detect(article: Article, doc: Doc, cues: CueSelector | None = None, tagger: ReportTagger | None = None,
           disable: Set[str] = frozenset()) -> list[Quote]:
    """Find the quotes of one annotated article (speakers are left to
    :mod:`attribute`, but for the reports the tagger reads).

    Parameters
    ----------
    article, doc
        The article and its annotation.
    cues
        Reads verbs outside the lexicon (default: the bundled
        :class:`~quotes.cue_model.CueModel`, for whose verbs
        :class:`~quotes.annotate.StanzaAnnotator` parses sentences).
    tagger
        Reads, with their speakers, the reports no rule reads (default: the
        bundled :class:`~quotes.span_model.SpanTagger`;
        :class:`~quotes.span_model.NoTagger` for the rules alone).
    disable
        Ids of :data:`RULES` to switch off: a finder makes no quotes, a
        joining rule joins nothing.

    Returns
    -------
    list of Quote
        Sorted by position, each with ``content``, ``rule`` and, where one
        was found, ``cue``.
    """
    unknown = set(disable) - RULES.keys()
    if unknown:
        raise ValueError(f"unknown rule ids: {', '.join(sorted(unknown))}")
    quoted = quoted_spans(article)
    ctx = _Context(article, doc, quoted, boundaries=quoted)
    quotes, embedded = _direct_quotes(ctx, disable)
    # reported clauses run on over embedded quoted words: only direct quotes end them
    inner = {id(q) for q in embedded}
    ctx.set_boundaries([q for q in quoted if id(q) not in inner])
    quotes = _reports(ctx, quotes, embedded, CueModel.load() if cues is None else cues, disable)
    if "tagger" not in disable:
        quotes += _tagged(ctx, quotes, SpanTagger.load() if tagger is None else tagger, embedded)
    quotes.sort(key=lambda q: q.content.start)
    return _outermost(quotes, article.text)
