"""The rule catalogue: the provenance ids stored in ``Quote.rule``."""

from __future__ import annotations

from quotes.detect._marks import QuotedSpan
from quotes.types import Sentence, Token

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
