"""Triggers: the predicates that say a word introduces a quote.

A speech or stance verb ("said", "criticized"), a phrasal cue ("pointed to"),
a claim noun or adjective before "that" ("her claim that"), an evidential
("appears", "is expected to"), a question put to someone ("was asked
whether"), a passive report ("first reported by"), "according to", an "as X
noted" frame, and a name before a colon. Each reads one sentence; what the
trigger reports is found by :mod:`quotes.detect._content`.
"""

from __future__ import annotations

from quotes.detect._marks import is_quote_mark
from quotes.detect._syntax import (
    _DASH_MARKS,
    _NOMINAL,
    _before_adverbs,
    _complementizer,
    _has_verb,
    _past_adverbials,
    agent_by,
    inner_hyphen,
)
from quotes.lexicon import (
    BELIEF_VERBS,
    CLAIM_WORDS,
    CLAUSE_OPENERS,
    CUE_VERBS,
    EVIDENTIAL_CUES,
    FRONTING_CONJUNCTIONS,
    LABELS,
    NAMING_VERBS,
    PHRASAL_CUES,
    REFLEXIVES,
    RELATIVE_PRONOUNS,
    SAY_FORMS,
    SPEECH_CUES,
    STANCE_CUES,
    TIME_WORDS,
    cue_lemma,
)
from quotes.types import Sentence, Span, Token


def is_cue(token: Token, sentence: Sentence) -> bool:
    """Is this token a cue verb ("said", "told") or the "according" of "according to"?"""
    if token.text.lower() == "according":
        nxt = token.index + 1
        return nxt < len(sentence.tokens) and sentence.tokens[nxt].text.lower() == "to"
    lemma = token.lemma.lower()
    toks = sentence.tokens
    prev = toks[token.index - 1] if token.index > 0 else None
    # "A mere 9 percent say ...", "Bush Says ..." in a headline: the compact
    # tagger reads these as nouns, but "says" and "told" are verbs anywhere,
    # "say" unless a determiner makes it "a say"
    if token.text.lower() in SAY_FORMS and token.upos in ("NOUN", "PROPN") and (
            prev is None or prev.upos not in ("DET", "ADJ", "ADP")):
        return True
    nxt = toks[token.index + 1] if token.index + 1 < len(toks) else None
    # 'spectators chanting "We are Orlando."': a speech verb right after its speaker
    # and right before the words it utters, which the tagger may read as a noun
    speech = lemma in SPEECH_CUES or cue_lemma(token.text) in SPEECH_CUES  # whatever the tag
    # (or as an adjective: 'Some chanted "USA! USA!"')
    if token.upos in ("NOUN", "VERB") and prev is not None and (prev.upos in _NOMINAL or (
            prev.upos == "DET" and prev.index == 0)) and nxt is not None and is_quote_mark(nxt.text) and speech:
        return True
    if token.text.isalpha() and token.text.islower() and token.upos in ("VERB", "NOUN", "PROPN"):
        # a cue right after a quote and its speaker, whatever the tagger says ('"I'm a
        # voter," declares Stephanie Acs', '"Look at it," Conway notes'); after a comma
        # inside the marks and a speaker, any verb ('"...," she went on'), even one the
        # tagger calls a noun when no noun follows ('"...," Bennett shot back')
        j = token.index - 1
        while j >= 0 and token.index - j <= 4 and toks[j].upos in ("PROPN", "DET", "PRON", "NUM"):
            j -= 1
        verb = token.upos == "VERB" or (token.upos == "NOUN" and nxt is not None and nxt.upos in ("ADV", "ADP")
                                        and all(t.upos in ("PROPN", "PRON") for t in toks[j + 1:token.index]))
        # and inverted, before a name: '"Gun owners should leave," opined the Plain Dealer'
        inverted = j == token.index - 1 and token.is_past and nxt is not None \
            and nxt.upos in ("PROPN", "DET")
        if j >= 0 and is_quote_mark(toks[j].text) and (speech or (
                verb and j > 0 and toks[j - 1].text in (",", "?", "!") and (j < token.index - 1 or inverted))):
            return True
    if (lemma not in CUE_VERBS and not phrasal_cue(token, sentence)) or token.upos not in ("VERB", "X"):
        return False
    # "to find a way", "couldn't find anyone", "they find jobs": the bare form
    # reports a finding only with a clause ("studies find that ..."); "helped
    # found" is founding; "found itself" no finding either
    if lemma == "find":
        bare = token.text.lower() == "find" or (
            token.text.lower() == "found" and prev is not None and prev.text.lower() in ("to", "help", "helped"))
        following = nxt.text.lower() if nxt is not None else ""
        if (bare and following != "that") or following in REFLEXIVES:
            return False
    # "a company called Cambridge Analytica": a name, not what anyone called it
    if lemma in NAMING_VERBS and token.is_participle and token.deprel == "acl" \
            and prev is not None and prev.upos in ("NOUN", "PROPN") and not phrasal_cue(token, sentence):
        return False
    # "That said, ..." opens the writer's concession and reports nothing
    if token.text.lower() == "said" and prev is not None and prev.text.lower() == "that" and nxt is not None \
            and nxt.text == "," and (prev.index == 0 or toks[prev.index - 1].upos == "PUNCT"):
        return False
    # a participle used as an adjective ("alleged Taliban positions"), but never right
    # after a quote: `,'' scoffed Arianna Gil`
    after_quote = prev is not None and is_quote_mark(prev.text)
    # unless the parse gives it a subject or a clause: "X, an operative, warned Saturday that"
    heads_clause = any(t.head == token.index and t.deprel.startswith(("nsubj", "ccomp")) for t in toks)
    # "told" is never one, whatever the parse says ('an official told reporters')
    adjective = token.deprel == "amod" and token.text.lower() not in SAY_FORMS
    if not after_quote and (adjective or (not heads_clause and (
            token.is_participle and nxt is not None and nxt.upos in ("NOUN", "PROPN", "ADJ")
            and (prev is None or prev.upos in ("DET", "ADJ", "PUNCT", "ADP", "VERB"))))):
        return False
    # passive ("were told"): its subject is the addressee, not the speaker (the
    # question of "was asked" is read by _question)
    passive = prev is not None and prev.lemma.lower() in ("be", "get") and not (
        # "He's said he'll fight": "'s" is "has" when a clause's subject follows
        prev.text in ("'s", "’s") and nxt is not None and nxt.upos in ("PRON", "PROPN", "DET"))
    # ("told" and "said" for annotations without morphology, whose fallback reads "-ed")
    return not (passive and (token.is_participle or token.text.lower() in ("told", "said")))


def phrasal_cue(token: Token, sentence: Sentence) -> bool:
    """Is this verb and the preposition after it a cue of
    :data:`~quotes.lexicon.PHRASAL_CUES` ("talked about", "pointed to")?"""
    nxt = token.index + 1
    return (token.upos in ("VERB", "X") and nxt < len(sentence.tokens)
            and f"{token.lemma.lower()} {sentence.tokens[nxt].text.lower()}" in PHRASAL_CUES)


def claim_word(token: Token, sentence: Sentence) -> bool:
    """Is this a noun or adjective of :data:`~quotes.lexicon.CLAIM_WORDS` that
    reports the "that" clause right after it for someone the parse names
    ("Trump's suggestion that ...", "she made it clear that ...")? Not "it is
    clear that ...", which nobody holds."""
    toks = sentence.tokens
    nxt = toks[token.index + 1] if token.index + 1 < len(toks) else None
    if nxt is None or not (claim_before(token.lemma, token.upos, nxt.text) and _complementizer(toks, nxt.index)):
        return False
    holder = claim_holder(token, sentence)
    return holder is not None and holder.text.lower() not in ("it", "there")


def claim_before(lemma: str, upos: str | None, following: str) -> bool:
    """The words of a claim before its clause, by lexicon and tag alone (the
    annotator's test for parsing a sentence): "suggestion" + "that"."""
    return upos in ("NOUN", "ADJ") and lemma.lower() in CLAIM_WORDS and following.lower() == "that"


def claim_holder(word: Token, sentence: Sentence) -> Token | None:
    """Who holds the claim a noun or adjective reports: its possessor ("Mr.
    Trump's assertion"), else the nearest subject up the parse ("she made it
    clear that", "her team has been operating under the assumption that").
    An expletive comes back as found ("It" of "It is clear that"), for the
    caller to refuse."""
    toks = sentence.tokens
    owner = next((t for t in toks if t.head == word.index and t.deprel == "nmod:poss"), None)
    node: Token | None = word
    for _ in range(3):
        if owner is not None or node is None:
            break
        owner = next((t for t in toks if t.head == node.index and t.deprel.startswith(("nsubj", "expl"))
                      and "pass" not in t.deprel and t.index != word.index), None)
        node = toks[node.head] if node.head >= 0 and node.deprel != "dep" else None
    return owner


def evidential(token: Token, sentence: Sentence) -> bool:
    """Does this verb report a claim about its own subject that nobody named
    holds: "the race appears closer", "Ms. Olivieri seemed to be on a perpetual
    search", "the Fed is expected to act"? "Seem" and "appear" with an
    infinitive, an adjective, a participle or "like" after them, or a clause
    after "it seems";
    "expected" in the passive before an infinitive; not "seemed to mock ...",
    where the second verb is the cue."""
    toks = sentence.tokens
    lemma = token.lemma.lower()
    if token.upos not in ("VERB", "AUX") or lemma not in EVIDENTIAL_CUES:
        return False
    i = token.index + 1
    while i < len(toks) and toks[i].upos == "ADV":
        i += 1
    if i >= len(toks):
        return False
    infinitive = toks[i].text.lower() == "to" and i + 1 < len(toks) and not is_cue(toks[i + 1], sentence)
    if lemma == "expect":
        j = _before_adverbs(toks, token.index)
        return token.text.lower() == "expected" and j >= 0 and toks[j].lemma.lower() == "be" and infinitive
    # "it appears (that) he has little chance": the clause alone
    impersonal = token.index > 0 and toks[token.index - 1].text.lower() == "it" \
        and any(t.head == token.index and t.deprel == "ccomp" for t in toks)
    # a participle or "like" predicates as an adjective does: "appeared poised to narrow", "seems like a
    # comparable moment"
    predicate = toks[i].upos == "ADJ" or toks[i].text.lower() == "like" or (
        toks[i].upos == "VERB" and toks[i].is_participle)
    return infinitive or impersonal or predicate


def question_asked(token: Token, sentence: Sentence) -> bool:
    """Is this "asked" a question put to its subject, by nobody or by someone
    named after "by": "Rubio was asked whether ...", "when asked about his
    speeches", "Asked what it might look like, ..."?"""
    toks = sentence.tokens
    if token.text.lower() != "asked":
        return False
    j = _before_adverbs(toks, token.index)
    nxt = toks[token.index + 1].text.lower() if token.index + 1 < len(toks) else ""
    return j < 0 or toks[j].lemma.lower() in ("be", "get") or (
        toks[j].text.lower() in (*FRONTING_CONJUNCTIONS, ",") and nxt in (*CLAUSE_OPENERS, "about", "whether"))


def passive_report(token: Token, sentence: Sentence) -> bool:
    """Is this "reported" a passive that names the reporter after "by": "The
    meeting was first reported by Politico", "a fact first reported by a
    local TV reporter"? What was reported is its subject (or the noun it
    describes), and whoever is after "by" reported it. Not "as reported by
    X" (:func:`as_clause`)."""
    toks = sentence.tokens
    if token.text.lower() != "reported" or agent_by(toks, token) is None:
        return False
    j = _before_adverbs(toks, token.index)
    return j >= 0 and (toks[j].lemma.lower() == "be" or toks[j].upos in _NOMINAL or toks[j].text == ",")


def is_stance(token: Token, sentence: Sentence) -> bool:
    """Does this cue report an object as well as a clause ("called it a gift")?
    Stance verbs of the lexicon do, and so does a verb that only the cue model
    made a cue."""
    return (token.lemma.lower() in STANCE_CUES or phrasal_cue(token, sentence)
            or (token.text != ":" and not is_cue(token, sentence)))


def _as_frame(toks: list[Token], cue: Token) -> bool:
    """Is the cue the verb of an "As X noted," that opens the sentence? It
    reports the main clause after its comma."""
    as_ = next((t.index for t in reversed(toks[:cue.index]) if t.text.lower() == "as"), None)
    if as_ is None or (as_ > 0 and toks[as_ - 1].text != ","):
        return False
    if any(t.upos in ("VERB", "AUX", "PUNCT", "SCONJ") for t in toks[as_ + 1:cue.index]):
        return False
    i = _past_adverbials(toks, cue.index + 1)
    return i < len(toks) and toks[i].text == ","


def _is_name(words: list[Token]) -> bool:
    """Are these few words, before a colon, a speaker's name ("Marco Rubio",
    "Mark Blumenthal and Jon Cohen") rather than a label ("Update", an
    interview's "Q" and "A") or a clause?"""
    place = all(t.ner[2:] in ("LOC", "GPE") for t in words)  # a dateline: "KABUL: Afghan authorities ..."
    letter = len(words) == 1 and len(words[0].text.rstrip(".")) == 1
    return (0 < len(words) <= 6 and words[0].text.lower() not in LABELS and not place and not letter
            and all(t.text[:1].isupper() or t.upos in ("DET", "ADP", "PUNCT", "PART", "CCONJ") for t in words)
            and not _has_verb(words) and any(t.upos in ("PROPN", "NOUN") for t in words))


def as_clause(sent: Sentence, cue: Token) -> int | None:
    """Index of the "as" that opens the cue's clause when that clause frames the
    sentence around it ("As The Atlantic noted, ...", "..., as Breitbart
    reported.", "as reported by X,"), or None. The cue has no complement of
    its own there: "as he explained how ...", "as Clinton echoed the
    criticism" are reports of their own, in a clause of time. Not "as
    expected", "as many believe": a belief names nobody's report."""
    toks = sent.tokens
    if cue.lemma.lower() in BELIEF_VERBS or cue.index == 0 or (phrasal_cue(cue, sent) and cue.lemma.lower() == "put"):
        return None  # "as X put it, “...”" introduces its quote as any frame does
    as_ = next((t.index for t in reversed(toks[:cue.index]) if t.text.lower() == "as"), None)
    if as_ is None or any(t.upos in ("VERB", "PUNCT", "SCONJ", "ADP") or t.text.lower() in RELATIVE_PRONOUNS
                          for t in toks[as_ + 1:cue.index]):
        return None
    between = toks[as_ + 1:cue.index]
    if agent_by(toks, cue) is None and (any(t.lemma.lower() == "be" for t in between)  # "as it's written"
                                        or not any(t.upos in _NOMINAL for t in between)):
        return None
    i = cue.index + (2 if phrasal_cue(cue, sent) else 1)  # "as Menendez pointed out,"
    nxt = toks[i] if i < len(toks) else None
    if nxt is not None and nxt.upos != "PUNCT" and (nxt.text.lower() in CLAUSE_OPENERS or not (
            nxt.upos in ("ADV", "ADP") or nxt.text.lower() in TIME_WORDS)):
        return None
    before = toks[as_ - 1] if as_ > 0 else None
    return as_ if before is None or before.text in (",", "(", *_DASH_MARKS) or before.upos == "CCONJ" else None


def _ends_statement(toks: list[Token], cue: Token) -> bool:
    """Is the cue in a closing frame (", the military added." / ", it said in a
    statement, while ...")? Then only adverbials come before the next break."""
    i = cue.index + 1
    if i < len(toks) and (toks[i].text.lower() in CLAUSE_OPENERS or toks[i].text == ":"):
        # "Cruz said if elected president he could ...": a clause follows; and
        # 'Clinton, exasperated, responded: "..."' introduces what comes after
        return False
    # in an inverted frame (", said the company's chief executive, who ..."), what
    # follows the cue is its speaker, possessives and relative clause included
    # ('Rogers, for example, said Trump's visit ...' opens a clause: such a speaker has a determiner)
    inverted = cue.index > 0 and (toks[cue.index - 1].text == "," or is_quote_mark(toks[cue.index - 1].text)) \
        and i < len(toks) and toks[i].upos in ("DET", "NUM")
    while i < len(toks) and ((toks[i].upos in ("ADV", "ADP", "DET", "NOUN", "PROPN", "NUM", "ADJ")
                             and toks[i].text.lower() != "that") or inner_hyphen(toks, i)
                             or (inverted and i > cue.index + 1 and toks[i].text in ("'s", "’s"))):
        i += 1
    if i > cue.index + 1 and i + 1 < len(toks) and is_quote_mark(toks[i].text) and toks[i + 1].text[:1].isalnum():
        return False  # 'said Clinton "caused tremendous death"': quoted words go on a clause
    if inverted and i > cue.index + 1 and i < len(toks) and toks[i].text.lower() in ("who", "whose"):
        return True
    return i >= len(toks) or (toks[i].upos in ("PUNCT", "CCONJ", "SCONJ") and toks[i].text.lower() != "that")


def _aside(sent: Sentence, cue: Token) -> bool:
    """Does the cue open a report of its own inside a frame, ", referring to ..."
    or "who said he ..."? Such a report between two quotes is no part of them."""
    prev = sent.tokens[cue.index - 1].text.lower() if cue.index > 0 else ""
    return (prev == "," and cue.text.lower().endswith("ing")) or (prev == "who" and cue.text.lower() in SAY_FORMS)


def cue_span(text: str, sent: Sentence, tok: Token) -> Span:
    """The words of a cue: one verb, or two for "according to", "talked about", "put it"."""
    two_words = tok.text.lower() == "according" or phrasal_cue(tok, sent)
    return Span.of(text, tok.start, sent.tokens[tok.index + 1].end if two_words else tok.end)
