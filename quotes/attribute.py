"""Stage 4: link each quote to its speaker mention.

Where the speaker stands depends on the trigger rule that read the quote's
cue, which detect hands over (``Quote.trigger``, an id of
:data:`quotes.detect.RULES`); attribution does not judge the cue again.
The speaker is the subject of the cue verb, in either order ("X said",
"said X", "…," X told). The parse proposes the subject; because compact
models misparse, the mention is then grown with surface noun-phrase rules
around it, and when the parse has no subject the nearest noun phrase before
(or, in "…," said X, after) the cue is taken. "according to X" names X. A
participle after a frame (", adding that ...") speaks for the frame's speaker.
A message that "read" or "said" something speaks for whoever sent, left or
wrote it ("Johnson sent the victim a text message that read, '…'" is
Johnson's, not the victim's), or for itself when no one is named.
What seems or is expected has no speaker ("Trump is expected to win"), and a
question put to someone is the asker's ("was asked by host X whether ..."),
or nobody's.

A direct quote with no cue of its own takes the speaker of the quote just
before it in the same paragraph, or of the last quote of the paragraph before
(news convention for a quote paragraph that continues a speaker).

Limits: other passive cues ("was quoted as saying", "was criticized by X") and
speakers more than one paragraph away are not found.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import pairwise

from quotes.budget import check
from quotes.detect import (
    agent_by,
    as_clause,
    claim_holder,
    inner_hyphen,
    is_cue,
    is_quote_mark,
    is_stance,
    opening_participle,
    passive_report,
    signature,
    trigger_rule,
)
from quotes.lexicon import (
    ADDRESSEE_CUES,
    CUE_VERBS,
    DASHES,
    DAYS,
    FRACTIONS,
    IN_THE_KNOW,
    MESSAGE_NOUNS,
    NOT_SPEAKERS,
    PARTITIVES,
    RELATIVE_PRONOUNS,
    SAID_IN_NOUNS,
    SAY_FORMS,
    SENDING_VERBS,
    SENTENCE_ADVERBS,
    SHARE_APPROXIMATORS,
    SPEAKER_LINKS,
    SUBJECT_PRONOUNS,
    TIME_MODIFIERS,
    TIME_WORDS,
    TITLE_ABBREVIATIONS,
    WIRE_AGENCIES,
)
from quotes.types import Article, Doc, Quote, Sentence, Span, Token

_NP = {"PROPN", "NOUN", "ADJ", "DET", "NUM", "PRON"}


def _proportion(toks: list[Token], i: int) -> bool:
    """Is ``toks[i]`` part of a share of people, which the tagger reads as adverbs
    and prepositions: "Almost half said", "about four in 10 say"?"""
    word = toks[i].text.lower()
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if word in FRACTIONS:
        return True
    if word in SHARE_APPROXIMATORS:
        return nxt is not None and (nxt.upos == "NUM" or nxt.text.lower() in FRACTIONS)
    return word == "in" and i > 0 and toks[i - 1].upos == "NUM" and nxt is not None and nxt.upos == "NUM"


def _np_member(toks: list[Token], i: int) -> bool:
    t = toks[i]
    if _proportion(toks, i):
        return True
    if t.upos in ("DET", "PRON") and t.text.lower() in NOT_SPEAKERS:
        return False
    if len(t.text) == 2 and t.text[0].isupper() and t.text[1] == ".":
        return True  # a middle initial ("Paul H. Chipok"), whatever its tag
    if t.text == "-":  # inside a hyphenated word ("39-year-old"), not a dash between phrases
        return inner_hyphen(toks, i)
    if i > 0 and toks[i - 1].text == "-" and inner_hyphen(toks, i - 1):
        return True  # the rest of it, whatever its tag ("center-left": "left" as a verb)
    if i + 1 < len(toks) and toks[i + 1].text == "-" and inner_hyphen(toks, i + 1) and t.upos != "ADP":
        return True  # and its start ("far-right", "then-Senate"), but "in-prison" opens a phrase
    if t.upos == "VERB" and t.is_past and i > 0 and toks[i - 1].text.lower() == "those":
        return True  # "those surveyed say": the participle names whom "those" stands for
    if t.upos == "VERB" and t.text.endswith("ing") and i > 0 and toks[i - 1].text in ("'s", "’s") \
            and toks[i - 1].upos == "PART" and (i + 1 == len(toks) or toks[i + 1].upos not in _NP):
        return True  # a gerund someone owns is a noun: "a source familiar with Cruz's thinking said"
    if t.upos == "VERB" and t.deprel == "amod" and i + 1 < len(toks) and toks[i + 1].upos in ("NOUN", "PROPN", "ADJ") \
            and (toks[i - 1].upos in ("DET", "ADJ", "NUM") if i else not t.text.endswith("ing")):
        return True  # a participle as an adjective: "Retired neurosurgeon Ben Carson", "the leading Republicans"
    if t.upos in _NP or t.text in ("'s", "’s", "'", "’", "%"):  # "47% say"
        return t.text not in DASHES
    if t.text[:1].isupper() and t.text.isalpha() and 0 < i < len(toks) - 1 and toks[i + 1].upos == "PROPN" \
            and toks[i - 1].upos != "PUNCT":
        return True  # a first name the tagger misread ("said Whit Ayres": "whit" as SCONJ)
    if t.upos == "X":  # untagged (SimpleAnnotator): a capitalised word or a pronoun
        return t.text[:1].isupper() or t.text.lower() in SUBJECT_PRONOUNS
    if t.upos == "ADP" and t.text.lower() == "in" and 0 < i < len(toks) - 2:
        # "Republicans in Congress", "Democrats in the Senate": a group and where it sits
        # (not "the company in a statement")
        place = toks[i + 2] if toks[i + 1].text.lower() == "the" else toks[i + 1]
        return toks[i - 1].upos in ("NOUN", "PROPN") and toks[i - 1].text.endswith("s") and place.upos == "PROPN"
    if 0 < i < len(toks) - 1 and any((a.text.lower(), b.text.lower()) in IN_THE_KNOW
                                     for a, b in ((toks[i - 1], t), (t, toks[i + 1]))):
        return True  # "a source familiar with the talks", "people close to the campaign" ("close" as a verb too)
    if t.upos == "ADP" and t.text.lower() in SPEAKER_LINKS and 0 < i < len(toks) - 1:
        left, right = toks[i - 1], toks[i + 1]
        # "Business Council of British Columbia": a name goes on past "of"
        named = left.upos == "PROPN" and t.text.lower() == "of" and right.text[:1].isupper()
        # "some of the women", "most of the voters": a quantifier the tagger calls a determiner
        part = left.upos in ("NOUN", "NUM", "PRON") or (left.upos == "DET" and left.text.lower() in PARTITIVES)
        return named or (part and right.upos in ("DET", "PROPN", "NOUN", "ADJ", "NUM", "PRON"))
    return False


def noun_phrase(toks: list[Token], head: int) -> tuple[int, int]:
    """Grow a noun phrase around ``toks[head]``; return inclusive token bounds."""
    lo = hi = head
    # "about", "only" open a share ("Last year only 32 percent"): nothing before them,
    # though "the only one" is no share
    while lo > 0 and _np_member(toks, lo - 1) \
            and not (toks[lo].text.lower() in SHARE_APPROXIMATORS and _proportion(toks, lo)):
        lo -= 1
    # a determiner starts a new phrase, except after a link word ("one of the soldiers")
    # nor do they go on one: "the Saudi Interior Ministry | over 345 pilgrims have been killed"
    while hi + 1 < len(toks):
        if _split_title(toks, hi):  # over the period of "Sen" "." "Bernie Sanders"
            hi += 2
        elif _np_member(toks, hi + 1) and (toks[hi + 1].upos != "DET" or toks[hi].upos == "ADP") \
                and toks[hi + 1].text.lower() not in SHARE_APPROXIMATORS:
            hi += 1
        else:
            break
    # a trailing link word belongs to what follows, not to the phrase, and a
    # trailing "'s" is a verb ("He's suggesting")
    while hi > lo and (toks[hi].upos == "ADP" or toks[hi].text in ("'s", "’s")):
        hi -= 1
    return lo, hi


def _split_title(toks: list[Token], i: int) -> bool:
    """Is ``toks[i]`` a title abbreviation the tokenizer split from its period before
    a name ("Sen" "." "Bernie Sanders")? The phrase goes on over the period."""
    return i + 2 < len(toks) and toks[i].text.lower() in TITLE_ABBREVIATIONS and toks[i + 1].text == "." \
        and toks[i + 1].start == toks[i].end and toks[i + 2].upos == "PROPN"


def _skippable(t: Token) -> bool:
    """Words between a subject and its verb: auxiliaries, adverbs, short time
    phrases ("Priebus later Thursday told")."""
    return t.upos in ("AUX", "ADV", "PART") or t.text.lower() in ("on", "late", "early", "last", "this", *DAYS)


def _skip_back(toks: list[Token], i: int) -> int:
    """From ``i`` leftwards, skip auxiliaries, adverbs, time phrases and "(Jul 6)"."""
    while i >= 0:
        if toks[i].text == ")":
            j = i
            while j >= 0 and toks[j].text != "(":
                j -= 1
            if j < 0 or i - j > 8:
                return i
            i = j - 1
        elif (_skippable(toks[i]) and not _proportion(toks, i)) or _time_phrase(toks, i):
            i -= 1
        elif toks[i].text.lower() in SAID_IN_NOUNS and i >= 2 and toks[i - 1].upos == "DET" \
                and toks[i - 2].text.lower() == "in":
            i -= 3  # "The company in a statement said", "Sanders in an interview said"
        elif toks[i].upos == "VERB" and toks[i].is_past and toks[i].text.lower() not in SAY_FORMS and i > 0 \
                and toks[i - 1].upos in ("NOUN", "PROPN"):
            # a participle after its noun: "a poll released last week showed" (tagged VBD
            # as often as VBN), not the noun's own verb: "Christie said when asked"
            i -= 1
        else:
            return i
    return i


def first_subject(toks: list[Token], before: int, start: int = 0) -> tuple[int, int] | None:
    """The noun phrase that opens the clause at ``start``: before its first verb,
    not inside a leading prepositional phrase ("Back on the ground, Afghan
    commander X, ...")."""
    # a dateline is no subject: "WASHINGTON — ...", "LA CROSSE, Wisc. — ...", "PARIS, Aug 31 (Reuters) - ...",
    dash = next((j for j, t in enumerate(toks[start:min(before, start + 10)], start)
                 if t.text in DASHES or (t.text == "-" and not inner_hyphen(toks, j))), None)
    # or "New York (AFP) – ...": any place before a wire agency in parentheses
    agency = dash is not None and dash - start >= 3 and toks[dash - 1].text == ")" and toks[dash - 3].text == "(" \
        and toks[dash - 2].text in WIRE_AGENCIES
    i = dash + 1 if dash is not None and (agency or (toks[start].text.isupper() and len(toks[start].text) > 1)) \
        else start
    while i < before:
        t = toks[i]
        if is_quote_mark(t.text):  # past quoted words: '"If she gets to pick ...," Trump said before adding'
            i = next((j for j in range(i + 1, before) if is_quote_mark(toks[j].text)), before) + 1
            continue
        if t.upos in ("VERB", "AUX"):
            # "In a statement released Thursday, X ...": a participle on the noun of a
            # leading phrase, which ends at the comma
            participle = t.deprel == "acl" and t.is_past and i > start and toks[i - 1].upos == "NOUN" \
                and toks[start].upos == "ADP"
            comma = next((j for j in range(i + 1, before) if toks[j].text == ","), None) if participle else None
            if comma is None:
                return None
            i = comma + 1
            continue
        if t.upos in ("PROPN", "NOUN", "PRON") and _np_member(toks, i):
            lo, hi = noun_phrase(toks, i)
            fronted = toks[hi].lemma.lower() in TIME_WORDS or (lo == hi and toks[lo].text.lower() in SENTENCE_ADVERBS)
            comma = hi + 2 if hi + 1 < before and toks[hi + 1].text.lower() in ("later", "earlier", "ago") else hi + 1
            if fronted and comma < before and toks[comma].text == ",":
                # "Last month, FBI Director James Comey ...", "Minutes later, the campaign ...",
                # "Indeed, Richard Trumka ..."
                i = comma + 1
                continue
            # not the object of a preposition, nor a place set off by commas after
            # one ("At an event in Ames, Iowa, on Sunday, Mrs. Clinton ...")
            aside = (lo > 1 and toks[lo - 1].text == "," and toks[lo - 2].upos == "PROPN" and hi - lo < 2
                     and all(t.upos == "PROPN" for t in toks[lo:hi + 1])
                     and hi + 1 < len(toks) and toks[hi + 1].text == ",")
            # "On a purely political level, ...": the phrase's modifiers may stand before its noun phrase
            k = lo - 1
            while k >= 0 and toks[k].upos in ("DET", "ADJ", "ADV", "NUM"):
                k -= 1
            if (k < 0 or toks[k].upos != "ADP") and not aside:
                return lo, hi
            i = hi + 1
            continue
        i += 1
    return None


def _main_subject(sent: Sentence, cue: Token) -> tuple[int, int] | None:
    """Subject of the clause a participle cue hangs on (", adding that ..."): the
    speaker of the frame the parse hangs it on, or the subject of its head verb,
    unless the clause's opening noun phrase comes first; else that phrase."""
    toks = sent.tokens
    if opening_participle(toks, cue):  # "Noting that ..., Schlafly put ...": after the clause
        comma = next((t for t in toks[cue.index:] if t.text == ","), None)
        return first_subject(toks, len(toks), comma.index + 1) if comma is not None else None
    found = None
    # ", adding ..." after a frame speaks for the frame's speaker: '…,” said X on
    # Thursday, adding', "Y, X said, adding"
    if cue.text.lower().endswith("ing") and cue.index > 0 and toks[cue.index - 1].text.lower() in (",", "and"):
        head, steps = cue.head, 0
        while head >= 0 and steps < 5 and not is_cue(toks[head], sent):
            head, steps = toks[head].head, steps + 1
        if head >= 0 and steps < 5 and head < cue.index:
            found = _subject(sent, toks[head], trigger_rule(toks[head], sent))
        elif 0 <= cue.head < cue.index:  # "the ACLU has sued the city, saying": the subject of "sued"
            found = _parse_subject(sent, _above_that_clause(toks, toks[cue.head]))
    opening = first_subject(toks, cue.index)
    # never a subject before the clause's own: "LA CROSSE, Wisc. — Gov. Mike Pence ..."
    if found is None or (opening is not None and found[0] < opening[0]):
        found = opening
    if found is None and cue.head >= 0:
        found = _parse_subject(sent, toks[cue.head])
    return found


def _above_that_clause(toks: list[Token], verb: Token) -> Token:
    """The verb a clause "that" opens hangs on, past any noun ("an admission that
    Russian soldiers had fought …, saying": "veered", whose subject speaks), or
    ``verb`` itself when no "that" opens its clause."""
    while verb.head >= 0 and any(t.head == verb.index and t.deprel == "mark" and t.text.lower() == "that"
                                 for t in toks):
        verb = toks[verb.head]
        while verb.upos not in ("VERB", "AUX") and verb.head >= 0:
            verb = toks[verb.head]
    return verb


def _subject(sent: Sentence, cue: Token, trigger: str | None) -> tuple[int, int] | None:
    """Token bounds of the speaker of ``cue``, found as the trigger rule that read
    it (:data:`~quotes.detect.RULES` id, ``Quote.trigger``) says: "according to
    X" names X, a claim its holder, an evidential nobody, a question its asker;
    any other cue is a verb (:func:`_verb_subject`)."""
    return _SPEAKERS.get(trigger or "", _verb_subject)(sent, cue)


def _according(sent: Sentence, cue: Token) -> tuple[int, int] | None:
    return _according_source(sent.tokens, cue.index + 2)  # X of "according to X"


def _nobody(sent: Sentence, cue: Token) -> None:
    """"Trump is expected to win": the subject is what is reported."""
    return None


def _verb_subject(sent: Sentence, cue: Token) -> tuple[int, int] | None:
    """Token bounds of a cue verb's subject: surface patterns first, the parse as
    fallback; the agent of a passive report ("was first reported by X", "as
    reported by X")."""
    toks = sent.tokens
    if passive_report(cue, sent) or (as_clause(sent, cue) is not None and agent_by(toks, cue) is not None):
        return _asker(sent, cue)
    if (message := _message(toks, cue)) is not None:
        return _sender(toks, message)
    # a time is no speaker ("Earlier Wednesday, Schilling ... defended"): the next way of finding one
    found = next((bounds for find in (_surface_subject, _parse_subject, _shared_subject)
                  if (bounds := find(sent, cue)) is not None and (bounds := _cleaned(toks, *bounds))), None)
    # a cue tagged as a noun is no part of its subject: "9 percent say", '," declares Stephanie Acs'
    if found is not None and found[0] < cue.index <= found[1]:
        found = found[0], cue.index - 1
    elif found is not None and found[0] == cue.index < found[1]:
        found = cue.index + 1, found[1]
    return found


def _message(toks: list[Token], cue: Token) -> Token | None:
    """The message noun a cue's relative clause hangs on: "a text message that
    read", "a letter that said"."""
    noun = toks[cue.head] if cue.deprel == "acl:relcl" and 0 <= cue.head < cue.index else None
    return noun if noun is not None and noun.lemma.lower() in MESSAGE_NOUNS else None


def _sender(toks: list[Token], message: Token) -> tuple[int, int]:
    """Who sent, left or wrote ``message`` (the subject of the sending verb it
    is the object of: "Johnson sent the victim a text message", not the victim
    it went to), else the message itself ("the mayor received a letter that
    said")."""
    verb = toks[message.head] if message.deprel in ("obj", "iobj") and message.head >= 0 else None
    sent = verb is not None and verb.lemma.lower() in SENDING_VERBS
    subject = next((t for t in toks if sent and t.head == message.head and t.deprel == "nsubj"), None)
    if subject is not None:
        return noun_phrase(toks, subject.index)
    # the message's own words only: the parse may hang the recipient on it too
    return min([message.index] + [t.index for t in toks if t.head == message.index and t.index < message.index
                                  and t.deprel in ("det", "amod", "compound", "nmod:poss")]), message.index


def _asker(sent: Sentence, asked: Token) -> tuple[int, int] | None:
    """Who put a question to the subject or made a report: "was asked by [host
    John Dickerson] whether ...", "as reported by [Western Journalism]", else
    nobody named."""
    toks = sent.tokens
    by = agent_by(toks, asked)
    if by is not None and by + 1 < len(toks) and _np_member(toks, by + 1):
        return noun_phrase(toks, by + 1)
    return None


def _shared_subject(sent: Sentence, cue: Token) -> tuple[int, int] | None:
    """The subject of the verb a cue is coordinated with, by the parse: "Trump
    summed up Clinton as "terrible," denounced her record ...", or set beside
    ("Kasich offered the man a job, then said ...", which the parse reads as
    parataxis)."""
    toks = sent.tokens
    if cue.deprel not in ("conj", "parataxis") or not 0 <= cue.head < cue.index or toks[cue.head].upos != "VERB":
        return None
    return _subject(sent, toks[cue.head], trigger_rule(toks[cue.head], sent))


def _holder(sent: Sentence, word: Token) -> tuple[int, int] | None:
    """The noun phrase of a claim's holder (:func:`~quotes.detect.claim_holder`),
    without the claim itself ("Trump's" of "Trump's suggestion")."""
    holder = claim_holder(word, sent)
    if holder is None:
        return None
    lo, hi = noun_phrase(sent.tokens, holder.index)
    return (lo, min(hi, word.index - 1)) if lo < word.index else (lo, hi)


def _according_source(toks: list[Token], i: int) -> tuple[int, int] | None:
    """X of "according to X": a noun phrase by construction, so words the tagger
    misreads before its noun ("exit" of "exit polls" as a verb) belong to it."""
    noun = next((j for j in range(i, min(i + 4, len(toks)))
                 if toks[j].upos in ("NOUN", "PROPN", "PRON") and _np_member(toks, j)), None)
    if noun is None or any(t.upos == "PUNCT" and t.text != "-" for t in toks[i:noun]):
        return None
    lo, hi = noun_phrase(toks, noun)
    return min(lo, i), hi


# the speaker finder of each trigger rule whose cue is no verb, or whose verb is
# not said by its subject
_SPEAKERS = {
    "report.according-to": _according,
    "report.claim-noun": _holder,
    "report.evidential": _nobody,
    "report.question": _asker,
}


def _parse_subject(sent: Sentence, cue: Token) -> tuple[int, int] | None:
    toks = sent.tokens
    # far only past an appositive that ends at a comma: "Paul Porter, a truck driver
    # from Ava, Mo., who is ..., said"
    reach = 45 if cue.index > 0 and toks[_skip_back(toks, cue.index - 1)].text == "," else 12
    subj = next((t for t in toks if t.head == cue.index and t.deprel.startswith("nsubj")
                 and "pass" not in t.deprel and abs(t.index - cue.index) <= reach), None)
    return noun_phrase(toks, subj.index) if subj is not None else None


def _surface_subject(sent: Sentence, cue: Token) -> tuple[int, int] | None:
    toks = sent.tokens
    prev = toks[cue.index - 1] if cue.index > 0 else None
    if opening_participle(toks, cue) or (
            cue.text.lower().endswith("ing") and (prev is None or prev.lemma.lower() not in ("be", "keep"))):
        # "with marchers and fans chanting ...", "with Trump reportedly yelling ..."
        noun = prev.index - 1 if prev is not None and prev.upos == "ADV" and prev.index > 0 else cue.index - 1
        if noun >= 0 and toks[noun].upos in ("NOUN", "PROPN", "PRON"):
            lo = noun
            while lo > 0 and cue.index - lo < 8 and (_np_member(toks, lo - 1) or toks[lo - 1].upos == "CCONJ"):
                lo -= 1
            if lo > 0 and toks[lo - 1].text.lower() == "with" and toks[lo].upos != "CCONJ":
                return lo, noun
        return _main_subject(sent, cue)  # ", saying ...", "issued a statement saying ..."
    if prev is not None and prev.text.lower() == "to":  # "Mr. Trump was prompted to say", "she went on to say"
        if (controller := _controller(toks, cue)) is not None:
            return noun_phrase(toks, controller)
        j = cue.index - 2
        # the subject of the verb "to" hangs on, when it does hang on a verb
        governed = j >= 0 and (toks[j].upos in ("VERB", "AUX") or (j > 0 and toks[j - 1].upos == "VERB"))
        while governed and j >= 0 and (toks[j].upos in ("VERB", "AUX", "ADV", "PART")
                                       or (toks[j].upos == "ADP" and j > 0 and toks[j - 1].upos == "VERB")):
            j -= 1
        return noun_phrase(toks, j) if governed and j >= 0 and _np_member(toks, j) else _main_subject(sent, cue)
    before = _skip_back(toks, cue.index - 1)
    if before >= 0 and toks[before].upos == "CCONJ":  # "X questioned ... and (then) criticized ..."
        # the first verb's own subject, past a clause before it ("When X was asked, he laughed and said")
        first = toks[cue.head] if cue.deprel == "conj" and 0 <= cue.head < cue.index else None
        own = _parse_subject(sent, first) if first is not None and first.deprel == "root" else None
        return own or _main_subject(sent, cue)
    # inverted: `…,” said Mohammad Musa` / `, said the official`; not `…,” Butz, 49,
    # told AFP`, whose subject comes first, nor with an addressee after the cue
    nxt = cue.index + 1
    # a stance verb's noun phrase is its object: "..., voiced the frustration of ..."
    # nor after a name's label: '," Sen. Marco Rubio (R-Fla.) said Saturday'
    labelled = prev is not None and prev.text == ")" and toks[max(0, _skip_back(toks, prev.index))].upos == "PROPN"
    inverted = not is_stance(cue, sent) and not labelled and (prev is None or (
        prev.upos == "PUNCT" and not (prev.text == "," and _framed_subject(toks, prev.index))))
    # right after a quote, even "asked" is followed by its speaker: '“How big is it?” asked the boy'
    addressee = cue.lemma.lower() in ADDRESSEE_CUES and not (prev is not None and is_quote_mark(prev.text))
    if inverted and not addressee and nxt < len(toks) and _np_member(toks, nxt) \
            and toks[nxt].upos != "ADP":
        lo, hi = noun_phrase(toks, nxt)
        # not when a finite verb follows: "X, a fellow at Brookings, said Trump could ..."
        # reports a clause; "said a source involved in ..." does not
        after = toks[hi + 1] if hi + 1 < len(toks) else None
        # past adverbs, modifiers and a second subject: "said he also may campaign", "said
        # tensions among many activists ... were higher", "said he and his staff were ..."
        while after is not None and after.index + 1 < len(toks) and after.index - hi <= 8 and (
                after.upos in ("ADV", "ADP") or _np_member(toks, after.index) or is_quote_mark(after.text)
                or (after.upos == "CCONJ" and _np_member(toks, after.index + 1))):
            after = toks[after.index + 1]
        # a past form is a finite verb only when the parse makes it the cue's clause
        # ("Lee Park, speaking after the vote, said the council ignored the petition")
        if after is None or not (after.upos == "AUX" or (after.upos == "VERB" and (
                not (after.is_past or after.text.endswith("ing"))
                or (after.head == cue.index and after.deprel == "ccomp")))):
            return lo, hi
    i = _skip_back(toks, cue.index - 1)
    if i > 0 and toks[i].text == "," and toks[i - 1].text == ")":  # "Gov. John Kasich (R-OH), said"
        k = _skip_back(toks, i - 1)
        if k >= 0 and toks[k].upos == "PROPN":
            return noun_phrase(toks, k)
    if i >= 0 and toks[i].text in (",", *DASHES):
        # "Hamdullah, a 39-year-old shopkeeper who ..., said" or "Many speakers — including
        # ... — said": the subject precedes the appositive
        mark = toks[i].text
        j = i - 1
        while j >= 0 and toks[j].text != mark and cue.index - j < 45:
            j -= 1
        k = _skip_back(toks, j - 1) if j > 0 and toks[j - 1].text == ")" else j - 1  # "Durbin (D-Ill.),"
        # a name set off after its title goes with it ("Her campaign manager, Robby Mook,
        # said", whose role resolve reads), even where the title does not read as a noun
        # ("Google's chief human resources executive," with "executive" an adjective);
        # not the state after a town ("a salesman from Sumter, South Carolina,")
        if j <= 0 or toks[j].text != mark:
            return None
        name = toks[j + 1:i]
        title = k >= 0 and _np_member(toks, k)
        if 0 < len(name) <= 4 and toks[j - 1].upos != "PROPN" \
                and all(t.upos == "PROPN" and t.ner[2:] not in ("LOC", "GPE") for t in name):
            return (noun_phrase(toks, k)[0] if title else j + 1), i - 1
        if not (title and toks[k].upos in ("PROPN", "NOUN", "PRON")):
            return None
        lo, hi = noun_phrase(toks, k)
        # the first of two titles set off after a name: "Professor Cres Eastman,
        # Director of the study, and Chairman of the centre, says"
        name = lo - 2
        if lo >= 2 and toks[lo - 1].text == "," and toks[j + 1].upos == "CCONJ" and toks[name].ner[2:] == "PER":
            return noun_phrase(toks, name)
        return lo, hi
    if i >= 0 and _np_member(toks, i) and toks[i].upos != "ADP":
        lo, hi = noun_phrase(toks, i)
        owner = _clause_owner(toks, lo, hi)
        if owner is not None:
            return noun_phrase(toks, owner)
        # the object of a preposition in the subject: the parse's subject heads the
        # phrase ("Supporters of Republican Donald Trump for president say", "Matthew
        # Ingram of The Globe and Mail dubbed")
        parsed = _parse_subject(sent, cue)
        if parsed is not None and parsed[0] < lo - 1 and any(t.upos == "ADP" for t in toks[parsed[0]:lo]) \
                and not any(t.upos in ("VERB", "AUX", "PUNCT") for t in toks[parsed[0]:lo]):
            return parsed[0], hi
        return lo, hi
    if i > 0 and toks[i].text[:1].isupper() and toks[i - 1].upos == "PUNCT":
        return i, i  # a name mis-tagged as a verb: '...,” Husted said'
    if i == cue.index - 1 > 0 and toks[i].upos == "VERB" and toks[i].text.islower() \
            and not (toks[i].is_past or toks[i].text.endswith("ing")) and toks[i].lemma.lower() not in CUE_VERBS \
            and toks[i - 1].upos in ("DET", "ADJ", "PROPN", "NOUN", "NUM"):
        return noun_phrase(toks, i - 1)[0], i  # a noun mis-tagged as a verb: "Some Clinton allies suggested"
    return None


def _controller(toks: list[Token], cue: Token) -> int | None:
    """Who does what an infinitive cue says, by the parse: the subject of the
    verb its purpose clause hangs on ("Davis appeared on Fox to defend her",
    "Carson used part of his address to call ..."), or of a verb it completes
    that has no object ("she went on to say"). With an object ("urged Cruz to
    explain"), the object does it, and the surface rules decide."""
    head = toks[cue.head] if 0 <= cue.head < len(toks) else None
    if head is None or head.upos not in ("VERB", "AUX") or not (
            cue.deprel == "advcl" or (cue.deprel == "xcomp" and not any(
                t.head == head.index and t.deprel in ("obj", "iobj") for t in toks))):
        return None
    subj = next((t for t in toks if t.head == head.index and t.deprel.startswith("nsubj")), None)
    # a name or a person's pronoun: a thing ("Criticism", "the exchange") rarely speaks
    person = subj is not None and (subj.upos == "PROPN" or (
        subj.upos == "PRON" and subj.text.lower() not in ("what", "which", "it", "that", "this")))
    return subj.index if person else None


def _clause_owner(toks: list[Token], lo: int, hi: int) -> int | None:
    """The noun a participle or relative clause ending in ``toks[lo:hi + 1]``
    hangs on: "Another source speaking to Fox News said", "Photos posted from
    the scene showed", "an official who
    spoke anonymously to discuss internal strategy said" (not "who ... when
    he said", whose subject is the pronoun)."""
    who = next((k for k in range(lo - 1, max(-1, lo - 10), -1)
                if toks[k].text.lower() == "who" or toks[k].upos in ("PUNCT", "SCONJ")), None)
    participle = lo - 2 if lo > 1 and toks[lo - 1].upos == "ADP" else lo - 1
    if who is not None and toks[who].text.lower() == "who" and toks[hi].upos != "PRON":
        j = who - 1
    elif participle > 0 and toks[participle].upos == "VERB" and (
            toks[participle].text.endswith("ing") or (toks[participle].is_past and toks[participle].deprel == "acl")):
        j = participle - 1
    else:
        return None
    return j if j >= 0 and toks[j].upos in ("NOUN", "PROPN") else None


def _framed_subject(toks: list[Token], comma: int) -> bool:
    """Is there a subject set off by commas right after a quote, before ``comma``
    ('"...," Butz, 49, told AFP'), rather than a clause ('..., said Harbath')?"""
    j = comma - 1
    named = False
    while j >= 0 and comma - j <= 16:
        t = toks[j]
        if is_quote_mark(t.text) or (t.upos == "PUNCT" and t.text != ","):
            return named
        # a verb ends the subject, unless it is in a relative clause of an appositive
        # ('Maria Lopez, a nurse who works nights, said the hospital ignored ...')
        if t.upos in ("VERB", "AUX") and not any(u.text.lower() in RELATIVE_PRONOUNS for u in toks[max(0, j - 4):j]):
            return False
        named = named or t.upos in ("PROPN", "PRON", "NOUN")
        j -= 1
    return named and j < 0


def _time_phrase(toks: list[Token], i: int) -> bool:
    """``toks[i]`` ends "on Tuesday" / "on Monday night" / "in June" between subject and verb."""
    j = i
    while j >= 0 and toks[j].upos in ("PROPN", "NOUN", "NUM") and i - j < 3:
        j -= 1
    if j >= 0 and j < i and toks[j].text.lower() == "in":
        # a year ("in 2016"), not "one in five"
        return toks[i].text.lower() in TIME_WORDS or (toks[i].text.isdigit() and len(toks[i].text) == 4)
    return j >= 0 and j < i and toks[j].text.lower() in ("on", "late", "early", "last")




def _time_head(t: Token) -> bool:
    """A word that names a time: "week", "today", a weekday ("Kristen Day" and
    "Theresa May" are names)."""
    word = t.text.lower()
    return word in DAYS or (t.text.islower() and word in TIME_WORDS)


def _cleaned(toks: list[Token], lo: int, hi: int) -> tuple[int, int] | None:
    """A speaker without a leading clitic ("’s" of "what’s today typically
    called") or the time phrase that ends it ("Trump last week", "the
    ambassador at the time", "a poll last month"); no speaker when it is all
    time ("Earlier Wednesday, ..."): when something was said is not who."""
    while lo <= hi and toks[lo].text in ("'s", "’s"):
        lo += 1
    if lo > hi:
        return None
    if not _time_head(toks[hi]):
        return lo, hi
    k = hi
    while k > lo and (toks[k - 1].text.lower() in TIME_MODIFIERS or _time_head(toks[k - 1])):
        k -= 1
    if k > lo and toks[k - 1].upos == "ADP":  # "at the time"
        k -= 1
    if k == lo:
        return None
    while k - 1 > lo and (toks[k - 1].upos in ("ADP", "PUNCT") or toks[k - 1].text in ("'s", "’s")):
        k -= 1
    return lo, k - 1


def attribute(article: Article, doc: Doc, quotes: list[Quote]) -> list[Quote]:
    """Fill ``speaker`` for each quote (in place) and return the quotes."""
    text = article.text
    para_starts = [p.span.start for p in article.paragraphs]

    def paragraph(pos: int) -> int:
        return max(bisect_right(para_starts, pos) - 1, 0)

    kept = [i for i, p in enumerate(article.paragraphs) if p.skip is None]
    previous_kept = {b: a for a, b in pairwise(kept)}
    last_in_para: dict[int, Quote] = {}
    for quote in quotes:
        check()
        para = paragraph(quote.content.start)
        signed = signature(text, quote.content.end) if quote.kind == "direct" else None
        if signed:  # '"..." -Michelle Marks, Philadelphia.'
            quote.speaker = Span.of(text, signed.start(1), signed.end(1))
        elif quote.cue is not None and quote.speaker is None:  # the tagger's reports come with theirs
            found = doc.token_at(quote.cue.start)  # detect chose it: a cue verb, a claim word, "Rubio:"
            if found:
                sent, cue = found
                bounds = _subject(sent, cue, quote.trigger)
                if bounds is not None:
                    lo, hi = bounds
                    speaker = Span.of(text, sent.tokens[lo].start, sent.tokens[hi].end)
                    # a speaker inside the reported words is a misreading, unless the
                    # frame sits inside them: between a quote's fragments ("A," he
                    # said. "B.") or in a reported clause ("This, he said, is new.")
                    said = quote.fragments or [quote.content]
                    framed = not quote.fragments and quote.content.start < quote.cue.start < quote.content.end
                    if framed or not any(f.start <= speaker.start < f.end for f in said):
                        quote.speaker = speaker
            earlier = last_in_para.get(para)
            if quote.speaker is None and quote.cue.text.endswith("ing") and earlier is not None:
                quote.speaker = earlier.speaker  # '"I don't like it," adding that ...'
        elif quote.kind == "direct":
            earlier = last_in_para.get(para) or last_in_para.get(previous_kept.get(para, -1))
            if earlier is not None and earlier.speaker is not None:
                quote.speaker = earlier.speaker
        last_in_para[paragraph(quote.content.end)] = quote
    return quotes
