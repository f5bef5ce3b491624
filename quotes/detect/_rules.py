"""The rule catalogue: the provenance ids stored in ``Quote.rule``."""

from __future__ import annotations

from dataclasses import dataclass

from quotes.detect._marks import QuotedSpan
from quotes.detect._triggers import claim_word, evidential, question_asked
from quotes.types import Sentence, Token


@dataclass(frozen=True)
class Rule:
    """A rule that finds or extends quotes, by the id that ``Quote.rule`` stores.

    Attributes
    ----------
    id
        ``"direct.*"`` for direct quotes, ``"report.*"`` for reports, ``"tagger"``.
    reads
        What it reads, in a phrase.
    example
        A news text it fires on (a quote's ``rule`` holds ``id``).
    counter
        A text alike that it must not fire on.
    """

    id: str
    reads: str
    example: str
    counter: str


_CATALOGUE = (
    Rule("direct.frame-after", "quoted words, then their frame",
         '"We will not back down from this fight," Governor Maria Lopez said on Tuesday.',
         'Governor Maria Lopez called the ruling "a setback" and promised to appeal.'),
    Rule("direct.frame-before", "a frame, then the quoted words",
         'Lopez told reporters in Albany, "We will not back down from this fight."',
         '"We will not back down from this fight," Lopez told reporters in Albany.'),
    Rule("direct.frame-sentence", "a sentence that only frames the quote after it",
         'Council member Dana Whitfield agreed. "This budget is a disaster for working families."',
         'Council member Dana Whitfield left early. "This budget is a disaster for working families," '
         'she said.'),
    Rule("direct.frame-paragraph", "a paragraph ending in a colon frames the quote that opens the next",
         "In a statement released late Friday, the airline said:\n"
         '"We are cooperating fully with investigators and will share more when we can."',
         'In a statement released late Friday, the airline said: "We are cooperating fully with '
         'investigators and will share more when we can."'),
    Rule("direct.unframed", "quoted words standing as a statement with no frame of their own",
         "The strike entered its third week on Monday.\n"
         '"We are not going anywhere until management listens to us."',
         'Critics called the plan "a giveaway to developers" at a hearing on Monday.'),
    Rule("direct.after-cue", "one whole quote right after a cue verb",
         'The inspector general found "no evidence of wrongdoing by agency staff."',
         'The inspector general found that there was "no evidence of wrongdoing" by agency staff.'),
    Rule("direct.split", "a second quote joined across its frame",
         '"We have done everything we can," the fire chief said, "but the wind is not on our side."',
         '"We have done everything we can," the fire chief said. "Now the wind has to change."'),
    Rule("direct.continued", "an unframed quote going on from the one before",
         '"We have done everything we can," the fire chief said. "Now the wind has to change."',
         '"We have done everything we can," the fire chief said, "but the wind is not on our side."'),
    Rule("report.speech-verb", "a cue verb of the lexicon and its reported clause",
         "The finance minister said the budget would be balanced by next year.",
         "The militant group claimed responsibility for the attack."),
    Rule("report.stance", "a stance verb of the lexicon and its object",
         "Senator Ruiz criticized the trade deal on Monday.",
         "Senator Ruiz said the trade deal would cost thousands of jobs."),
    Rule("report.cue-model", "a verb outside the lexicon that the cue model reads as a cue",
         "Several Republican senators backed the proposal on Thursday.",
         "Several Republican senators ate lunch in the Capitol cafeteria on Thursday."),
    Rule("report.according-to", '"according to X" and the statement it sources',
         "According to the police report, the driver was traveling at 90 miles per hour.",
         '"Everything went according to plan," the launch director said.'),
    Rule("report.claim-noun", 'a claim noun or adjective and the "that" clause after it',
         "The senator made it clear that she would not support the nominee.",
         "It is clear that the bridge needs urgent repairs."),
    Rule("report.evidential", "a verb of appearance or expectation and the claim about its subject",
         "The Federal Reserve is expected to raise interest rates next week.",
         "The senator appeared at a rally in Des Moines on Friday."),
    Rule("report.question", "a question put to someone and what was asked",
         "The mayor was asked whether she would run for a third term.",
         "The mayor asked residents to conserve water during the drought."),
    Rule("report.name-colon", "a headline name, a colon and the statement after it",
         "Mayor Lopez: Budget Cuts Will Not Touch Our Schools",
         "Update: The highway has reopened to traffic in both directions."),
    Rule("report.continued", "an unframed quote going on from a report whose cue comes first",
         'The governor promised that taxes would not go up. "Not this year, and not next year."',
         "The governor promised that taxes would not go up. Her opponents were unconvinced. "
         '"It is an empty promise," one of them said.'),
    Rule("tagger", "a source, cue and content that the report tagger (quotes/span_model.py) reads and no rule does",
         "Transport ministry spokesman Daniel Okafor told CBC News the agency will review the crash.",
         "The bridge reopened to traffic on Saturday after two weeks of repairs."),
)

# The rules a quote can come from, by id: each quote lists in ``Quote.rule`` the
# ones that made it (its finder first, then what extended it).
RULES: dict[str, Rule] = {rule.id: rule for rule in _CATALOGUE}


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


def trigger_rule(tok: Token, sent: Sentence) -> str:
    """The id of the trigger rule that reads ``tok`` as a cue, as attribution
    needs it (``Quote.trigger``): who speaks is X of "according to X", the
    holder of a claim, nobody for an evidential, the asker of a question, and
    the subject of any verb (``"report.speech-verb"``).

    Examples
    --------
    >>> from quotes.types import Token
    >>> toks = [Token(0, "According", 0, 9, "accord", "VERB", -1, "root", "O"),
    ...         Token(1, "to", 10, 12, "to", "ADP", 0, "case", "O")]
    >>> trigger_rule(toks[0], Sentence(toks, 0))
    'report.according-to'
    """
    if tok.text.lower() == "according":
        return "report.according-to"
    if claim_word(tok, sent):
        return "report.claim-noun"
    if evidential(tok, sent):
        return "report.evidential"
    if question_asked(tok, sent):
        return "report.question"
    return "report.speech-verb"
