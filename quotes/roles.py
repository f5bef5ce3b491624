"""Read the role and organization a speaker mention states.

One reading per mention, from the words of its own sentence: the title
before a name ("White House press secretary Josh Earnest"), an appositive
after it (", a teacher at Richmond High School"), a party label ("(R-Texas)"),
or the phrase itself when it names no one ("a senior campaign official").
The role is lower case, multiword titles are kept whole ("secretary of
state", "prime minister"), abbreviations are expanded ("Sen." -> senator),
and the organization is split out of it ("president of the National
Education Association" -> president, National Education Association).
A place is never an organization ("Texas Gov. Greg Abbott" -> governor).

Limits: a mention's organization is the text's own words (no knowledge base;
:mod:`quotes.entities` merges "the Justice Department" and "DOJ" across the
corpus); a staff title before
or after a person's name ("Clinton spokesman", "spokeswoman for Hillary
Clinton") is read as that person's campaign whoever the person is; roles the
text gives elsewhere in the article are not carried to this mention.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from itertools import pairwise

from nameparser import HumanName
from nameparser.config import CONSTANTS

from quotes.attribute import noun_phrase
from quotes.lexicon import (
    BODY_WORDS,
    COLLECTIVES,
    HONORIFICS,
    INSTITUTION_HEADS,
    KINSHIP,
    LEADING_VERBS,
    MULTIWORD_TITLES,
    ORG_NOUNS,
    PARTIES,
    PLACES,
    POSSESSIVES,
    ROLE_MODIFIERS_DROPPED,
    ROLE_NOUNS,
    STAFF_ROLES,
    TITLE_ABBREVIATIONS,
)
from quotes.types import Sentence, Token

_LINKS = ("of", "for", "at", "with", "from", "in", "on", "to")
# the links after a title that name the body it serves: "a senior adviser on the Sanders campaign"
_BODY_LINKS = ("of", "for", "at", "with", "on")
_SUFFIXES = frozenset(CONSTANTS.suffix_not_acronyms) - {"i", "2"}  # after a name: "Jr.", "III"
# "(R-Texas)", "(D-Md.)": a party and a state after a lawmaker's name
_PARTY_STATE = re.compile(r"^\(?\s*([RDI])\s*[-–,]")


@cache  # every mention of a name asks again, and a parse costs more than a lookup
def name_title(name: str) -> str:
    """The title nameparser reads at the start of a name ("Sen.", "Prime Minister"), or "".

    >>> name_title("Prime Minister Theresa May"), name_title("Theresa May")
    ('Prime Minister', '')
    """
    return HumanName(name).title


def person_name(text: str) -> str:
    """The name in a person mention, without titles, honorifics or a possessive.

    Examples
    --------
    >>> person_name("Sen. Ted Cruz's"), person_name("Lt. Gov. Dan Patrick"), person_name("Donald J. Trump")
    ('Ted Cruz', 'Dan Patrick', 'Donald J. Trump')
    """
    text = text.strip(" ,.")
    for p in POSSESSIVES:
        if text.endswith(p):
            text = text[: -len(p)]
    name = HumanName(text)
    if not name.title and not name.last:
        return text.strip(" ,.")
    parts = [name.first, name.middle, name.last]
    if name.suffix and not _PARTY_STATE.match(name.suffix):
        parts.append(name.suffix)
    return " ".join(p for p in parts if p).strip(" ,.") or text


def phrase_start(sent: Sentence, i: int) -> int:
    """Where the noun phrase of the word at ``i`` starts, a title abbreviation the
    tokenizer split from its period included ("Sen" "." "John McCain")."""
    lo, _ = noun_phrase(sent.tokens, i)
    while lo >= 2 and sent.tokens[lo - 1].text == "." and sent.tokens[lo - 2].text.lower() in TITLE_ABBREVIATIONS:
        lo, _ = noun_phrase(sent.tokens, lo - 2)
    return lo


def expand(word: str) -> str:
    """A title word in full, lower case: "Sen." -> "senator", "Gov" -> "governor".

    Examples
    --------
    >>> expand("Sen."), expand("Lt."), expand("President")
    ('senator', 'lieutenant', 'president')
    """
    w = word.lower().rstrip(".")
    return TITLE_ABBREVIATIONS.get(w, w)


def party(word: str) -> str | None:
    """The party a label names: "Republican", "GOP", "Democrat" or "(R-Texas)";
    an independent ("I-Vt.") has none.

    Examples
    --------
    >>> party("GOP"), party("Democrats"), party("(R-Texas)"), party("Texas"), party("I-Vt.")
    ('Republican Party', 'Democratic Party', 'Republican Party', None, None)
    """
    m = _PARTY_STATE.match(word)
    if m:
        return PARTIES.get(m.group(1).lower())
    return PARTIES.get(word.lower().rstrip("s") if word[:1].isupper() else "", PARTIES.get(word.lower()))


def is_suffix(tok: Token) -> bool:
    """A suffix after a person's name, as nameparser knows them: "Jr.", "III"."""
    return tok.text.lower().rstrip(".") in _SUFFIXES


def is_place(tok: Token) -> bool:
    """A place name: tagged as a location by NER, or in :data:`quotes.lexicon.PLACES`."""
    return tok.ner[2:] in ("LOC", "GPE") or tok.text.lower() in PLACES


def is_role_word(tok: Token) -> bool:
    """Can this word head a role ("spokesman", "Sen.", "voters")? Kinship ("my
    father") is no role, nor a verb ("who heads the group")."""
    word = expand(tok.text)
    forms = {word, tok.lemma.lower(), word[:-1] if word.endswith("s") else word}
    return bool(forms & ROLE_NOUNS) and not forms & KINSHIP and tok.upos not in ("VERB", "AUX")


def _role_word(tok: Token) -> str:
    """The singular, expanded form of a role word: "Lawmakers" -> "lawmaker"."""
    word = expand(tok.text)
    if word in ROLE_NOUNS:
        return word
    lemma = tok.lemma.lower()
    return lemma if lemma in ROLE_NOUNS else word[:-1]


def _joined(tokens: list[Token]) -> str:
    """The words as the text writes them: no space where the text has none ("Urban-Brookings")."""
    out = ""
    for prev, tok in zip([None, *tokens], tokens, strict=False):
        out += ("" if prev is None or prev.end == tok.start else " ") + tok.text
    return out


def _head(tokens: list[Token]) -> int | None:
    """Index in ``tokens`` of the role's head: the last role word before any
    link word, and not one that modifies a noun after it ("Fellow Republicans")
    or is part of an organization's name ("The Charlotte Observer")."""
    # a link inside a name is none: "a University of Washington professor"
    end = next((i for i, t in enumerate(tokens) if (t.text.lower() in _LINKS or t.upos == "ADP") and i > 0
                and not (i + 1 < len(tokens) and _name_word(tokens[i - 1]) and _name_word(tokens[i + 1]))),
               len(tokens))
    for i in range(end - 1, -1, -1):
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < end else None
        # "Fellow Republicans", "the nominee's daughter": a modifier or an owner, not the head
        modifies = nxt is not None and not is_role_word(nxt) and \
            (nxt.upos == "NOUN" or (nxt.upos == "PROPN" and nxt.ner.endswith("MISC")) or nxt.text in POSSESSIVES)
        if is_role_word(t) and not modifies and t.ner[2:] not in ("ORG", "ORGANIZATION"):
            return i
    return None


def _multiword(words: list[str], head: int) -> int:
    """Where the longest known multiword title ending at ``words[head]`` starts;
    ``head`` when none does."""
    best = head
    for lo in range(max(0, head - 3), head):
        if " ".join(words[lo:head + 1]) in MULTIWORD_TITLES:
            best = min(best, lo)
    return best


def _capitalized(t: Token) -> bool:
    """A word of a name: capitalized, and no determiner, pronoun or common word
    capitalized only because it opens the sentence."""
    return t.text[:1].isupper() and t.upos not in ("DET", "PRON", "ADV", "VERB", "NUM") \
        and not (t.ner == "O" and (t.upos == "ADJ" or (t.index == 0 and t.upos == "NOUN")))


def _opening(t: Token) -> bool:
    """A common word capitalized because it opens the sentence ("Voting rights advocates")."""
    return t.index == 0 and t.text[:1].isupper() and t.ner == "O" and t.upos in ("NOUN", "ADJ") \
        and not party(t.text)


def _name_word(t: Token) -> bool:
    """A word of a body's name: capitalized, no honorific, no "Former"."""
    return _capitalized(t) and t.text.lower().rstrip(".") not in HONORIFICS \
        and (t.text.lower() not in ROLE_MODIFIERS_DROPPED or t.ner != "O")


def _name_run(tokens: list[Token], i: int) -> list[Token]:
    """The capitalized words of a name from ``tokens[i]``, with the link words
    between them ("Center for Strategic and International Studies",
    "University of Texas Arlington"), an "&" or a hyphen."""
    out: list[Token] = []
    while i < len(tokens):
        t = tokens[i]
        inner_link = out and t.text.lower() in ("of", "for", "and", "on", "the") and i + 1 < len(tokens) \
            and (_name_word(tokens[i + 1]) or tokens[i + 1].text.lower() == "the")
        if not (_name_word(t) or (out and t.text in ("&", "-", *POSSESSIVES)) or inner_link):
            break
        out.append(t)
        i += 1
    while out and out[-1].text.lower() in ("of", "for", "and", "on", "the", "&", "-"):
        out.pop()
    return out


def _org_words(tokens: list[Token]) -> tuple[str | None, str | None]:
    """(organization, party) of the words before a role: the last name among
    them, unless all of it is a place ("Texas", "New York", but "Virginia
    AFL-CIO" and "White House" are bodies) or a demonym ("Afghan"); a party
    label alone is the party ("Republican nominee"), inside a name it is the
    name's ("Democratic National Committee")."""
    run: list[Token] = []
    i = 0
    while i < len(tokens):
        found = _name_run(tokens, i)
        if found:
            run = found
        i += len(found) or 1
    parties = [party(t.text) for t in tokens if party(t.text)]
    if len(run) == 1 and party(run[0].text):
        return None, party(run[0].text)
    if run and (_all_place(run) or all(t.ner.endswith("MISC") or t.upos == "ADJ" for t in run)):
        run = []
    return (_clean(_joined(run)) or None), (parties[0] if parties else None)


def _all_place(run: list[Token]) -> bool:
    """Is this run of capitalized words a place? Not when a word of it names a
    body ("White House", "Capitol Hill", "PAC America Rising", as NER tags them LOC)."""
    return all(is_place(t) for t in run) and not names_body([t.text for t in run])


def _named(run: list[Token]) -> list[Token]:
    """A body's name without the kind of body written before it: "PAC America Rising"."""
    return run[1:] if len(run) > 1 and run[0].text.lower() in ORG_NOUNS and _name_word(run[1]) else run


def _body(obj: list[Token]) -> str | None:
    """The name of the body a link word's object names, without the kind of body
    before it (:func:`_named`); None for a person ("a spokeswoman for Hillary
    Clinton"), unless a word of the name says it is a body ("the Clinton Foundation")."""
    return _clean(_joined(_named(obj))) if not is_person(obj) or names_body([t.text for t in obj]) else None


def names_body(words: Sequence[str]) -> bool:
    """Does a word of a name say it is a body's ("Clinton Foundation", "White House",
    "Marion Avenue Baptist Church", "James Martin Center for Nonproliferation Studies")?

    >>> names_body("Clinton Foundation".split()), names_body(["Clinton"])
    (True, False)
    """
    low = [w.lower() for w in words]
    return any(w in ORG_NOUNS for w in low) or low[-1] in BODY_WORDS | INSTITUTION_HEADS \
        or any(w in INSTITUTION_HEADS and u in ("for", "of") for w, u in pairwise(low))


def _object(tokens: list[Token]) -> list[Token]:
    """The name after a link word (:func:`_name_run`), leading determiners
    and modifiers ("the centrist", "super") skipped, with a common noun that closes it
    ("House panel", "VOA Eurasian division") or that it owns ("Clinton's presidential
    campaign")."""
    i = 0
    while i < len(tokens) and ((not _capitalized(tokens[i]) and tokens[i].upos in ("DET", "ADJ", "ADV", "PROPN", "NOUN")
                                and tokens[i].text.lower() not in _LINKS)
                               or tokens[i].text.lower().rstrip(".") in HONORIFICS or tokens[i].text == "."):
        i += 1  # and a title: "a spokeswoman for Sen. Ted Cruz"
    out = _name_run(tokens, i)
    end = i + len(out)
    if out and out[-1].text in POSSESSIVES:
        # "Clinton's presidential campaign": the owner's body, its modifiers left out
        body = next((t for t in tokens[end:] if t.upos != "ADJ" or _capitalized(t)), None)
        if body is not None and body.text.lower() in ORG_NOUNS:
            return [*out[:-1], body]
    if out and end < len(tokens) and tokens[end].text.lower() in ORG_NOUNS:
        out.append(tokens[end])
    return out


def is_staff(role: str | None) -> bool:
    """Is this the role of a candidate's staff ("spokesman", "campaign manager",
    "top adviser")? Its holder speaks for the campaign (:func:`staff_organization`).

    >>> is_staff("senior adviser"), is_staff("supporter")
    (True, False)
    """
    return bool(role) and (role in STAFF_ROLES or role.split()[-1] in STAFF_ROLES)


def staff_organization(owner: str) -> str:
    """The organization of a candidate's staff: "Smith spokesman" -> "Smith campaign".

    >>> staff_organization("Hillary Clinton")
    'Clinton campaign'
    """
    return person_name(owner).split()[-1] + " campaign"


def _title_cased(word: Token, head: Token) -> bool:
    """A role word of a title written in title case ("Time's Assistant Managing
    Editor"): capitalized before a capitalized head, outside any name; not a
    body's name ("Homeland Security Secretary")."""
    return word.text[:1].isupper() and head.text[:1].isupper() and word.ner == "O" and is_role_word(word)


def is_person(tokens: list[Token]) -> bool:
    """Do the words name a person? Not where NER tags part of them as a body
    ("The Globe and Mail", "Mail" tagged as a person)."""
    tags = {t.ner[2:] for t in tokens}
    return bool(tags & {"PER", "PERSON"}) and not tags & {"ORG", "ORGANIZATION"}


def read_title(tokens: list[Token], before_name: bool = False) -> tuple[str | None, str | None]:
    """(role, organization) of the words that give a person's function.

    ``tokens`` are the words before a name ("White House press secretary"),
    an appositive ("the president of the National Education Association") or
    a whole phrase that names no one ("a senior campaign official"). The head
    is the last role noun (:data:`quotes.lexicon.ROLE_NOUNS`, abbreviations
    expanded) before any link word; the role is the known multiword title
    ending at it ("Secretary of State", "Minister of Education"), or its
    singular with the lower-case nouns and adjectives before it (the words
    of a title written in title case too); the organization is the name after "of", "for", "at" or "with" (or "to" a
    body, for staff: "an adviser to the Clinton campaign") unless the
    title is whole with it ("secretary of state"), else the owner before
    "'s", else the capitalized words before the role that are no place,
    else an organization noun among its modifiers ("campaign"), else a party
    label. A staff title ("spokesman") owned by a person is that person's
    campaign; another title owned by a person ("Trump lawyer") has none.

    With ``before_name``, the words stand before a name and a role word
    ending them is the head ("University of Texas Arlington Muslim Student
    Association president").

    Limits: a role noun outside the lexicon gives no role; capitalized words
    before a title are taken as one organization.

    Examples
    --------
    >>> from quotes.types import Token
    >>> def phrase(*words):
    ...     return [Token(i, w, 9 * i, 9 * i + len(w), w.lower(), upos, -1, "dep", ner)
    ...             for i, (w, upos, ner) in enumerate(words)]
    >>> read_title(phrase(("Texas", "PROPN", "S-GPE"), ("Gov.", "PROPN", "O")))
    ('governor', None)
    >>> read_title(phrase(("president", "NOUN", "O"), ("of", "ADP", "O"), ("the", "DET", "O"),
    ...                   ("NEA", "PROPN", "S-ORG")))
    ('president', 'NEA')
    """
    toks = [t for t in _hyphenated(tokens) if (t.upos != "PUNCT" or t.text in POSSESSIVES or t.text in ("&", "-"))
            and not t.text.isdigit()]
    # of two roles joined by "and", the first: "a former DNC chairman and presidential candidate"
    cut = next((i for i, t in enumerate(toks) if t.text.lower() == "and" and i + 1 < len(toks)
                and any(is_role_word(u) for u in toks[:i]) and any(is_role_word(u) for u in toks[i + 1:])), None)
    toks = toks[:cut] if cut is not None else toks
    head = len(toks) - 1 if before_name and toks and is_role_word(toks[-1]) else _head(toks)
    if head is None:
        of = next((i for i, t in enumerate(toks) if t.text.lower() == "of"), None)
        lead = next((t for t in reversed(toks[:of]) if t.upos in ("NOUN", "NUM", "PRON")), None) if of else None
        if lead is not None and (lead.lemma.lower() in COLLECTIVES or lead.text.lower() in COLLECTIVES
                                 or lead.upos == "NUM"):
            return read_title(toks[of + 1:])  # "a majority of voters", "eight of 10 voters"
        poss = next((k for k, t in enumerate(toks) if t.text in POSSESSIVES), None)
        if poss == len(toks) - 1 and not is_person(toks[:poss]):  # "NBC's Dante Chinni"
            return None, _org_words(toks[:poss])[0]
        named, found_party = _org_words(toks)
        return None, (found_party if not named or party(named) else None)
    words = [expand(t.text) for t in toks]
    lo = _multiword(words, head)
    hi = head
    # "secretary of state", "chief of staff": the object is part of the title
    for n in (3, 4):
        if " ".join(words[head:head + n]) in MULTIWORD_TITLES:
            hi = head + n - 1
    role_words = words[lo:hi + 1] if (lo, hi) != (head, head) else [_role_word(toks[head])]
    # lower-case modifiers before the title: "press" in "press secretary", not "former";
    # an organization noun among them is the organization: "a senior campaign official"
    i = lo - 1
    capitalized_title = toks[lo].text[:1].isupper() and toks[lo].index > 0
    org_noun = None
    while i >= 0 and (toks[i].text[:1].islower() or _opening(toks[i]) or _title_cased(toks[i], toks[head])) \
            and toks[i].upos in ("NOUN", "ADJ", "PROPN", "VERB"):
        if org_noun and _opening(toks[i]):
            break  # "Trump campaign spokesman": the campaign's name
        word = toks[i].text.lower()
        if capitalized_title and toks[i].text[:1].islower() and word not in ROLE_MODIFIERS_DROPPED \
                and not is_role_word(toks[i]):
            break  # a common noun is no part of a title in capitals: "a defeat President Obama believes"
        if word in ROLE_MODIFIERS_DROPPED or toks[i].upos == "VERB" or (toks[i].upos == "ADJ" and word.endswith("est")):
            pass  # "former", "retired", "closest": not part of the role, but the phrase goes on
        elif word in ORG_NOUNS and toks[i].upos != "ADJ" and f"{word} {' '.join(role_words)}" not in MULTIWORD_TITLES:
            org_noun = org_noun or word
        else:
            role_words.insert(0, word)
        i -= 1
    role = " ".join(role_words)
    before, after = toks[:i + 1], toks[hi + 1:]
    org = None
    staff = is_staff(role)
    for k, t in enumerate(after):
        # staff work "to" the body they serve ("a senior adviser to the Clinton campaign");
        # an adviser "to Mr. Obama" may serve a president or a family as well as a campaign
        to = staff and t.text.lower() == "to"
        if t.text.lower() in _BODY_LINKS or to:
            obj = _object(after[k + 1:])
            if obj and not _all_place(obj):
                org = _body(obj) or (staff_organization(_joined(obj)) if staff and not to else None)
                break
    poss = next((k for k, t in enumerate(before) if t.text in POSSESSIVES), None)
    owner_party = None
    if org is None and poss is not None:
        owner = [t for t in before[:poss] if t.upos != "DET"]
        # "the Cruz campaign's chairman"
        if owner and names_body([t.text for t in owner]) and any(_name_word(t) for t in owner):
            org = _clean(_joined(owner))
        elif owner and is_person(owner):
            org = staff_organization(_joined(owner)) if staff else None
        elif owner and not any(is_place(t) for t in owner):
            org, owner_party = _org_words(owner)
        before = before[poss + 1:]
    if org is None:
        named, found_party = _org_words(before)
        owner_party = owner_party or found_party
        opening = before[-1].text if org_noun and before and _opening(before[-1]) else None
        if (named or opening) and org_noun:  # "Obama administration official", "Trump campaign spokesman"
            org = f"{named or opening} {org_noun}"
        elif named and is_person(before):
            org = staff_organization(named) if staff else None
        else:
            org = named or (org_noun if poss is None else None)
    return role, org or owner_party


def _hyphenated(tokens: list[Token]) -> list[Token]:
    """The words with a hyphenated word the tokenizer split ("front" "-"
    "runner") as one word, tagged as its last part."""
    out: list[Token] = []
    for t in tokens:
        if len(out) >= 2 and out[-1].text == "-" and out[-2].end == out[-1].start and out[-1].end == t.start:
            out.pop()
            first = out.pop()
            t = replace(t, text=f"{first.text}-{t.text}", start=first.start, lemma=f"{first.text.lower()}-{t.lemma}")
        out.append(t)
    return out


def _clean(name: str) -> str:
    for p in POSSESSIVES:
        name = name.replace(" " + p, "").removesuffix(p)
    return name.strip(" ,.")


def _party_after(tokens: list[Token]) -> str | None:
    """The party of "(R-Texas)", ", R-Texas," or "(D)" right after a name."""
    text = "".join(t.text for t in tokens[:4]).lstrip(",")
    m = _PARTY_STATE.match(text) or re.match(r"^\(([RDI])\)", text)
    return PARTIES.get(m.group(1).lower()) if m else None  # "(I-Vt.)": an independent, no party


def _clause_after(sent: Sentence, i: int) -> list[Token]:
    """The words of an appositive or relative clause after token ``i``: from
    the comma after it (past a "(R-Texas)" or an age) to the next comma or the end."""
    toks = sent.tokens
    j = i + 1
    while j < len(toks) and is_suffix(toks[j]):
        j += 1  # "James B. Comey Jr., the director of ...": a suffix, not the appositive
    if j < len(toks) and toks[j].text == "(":
        while j < len(toks) and toks[j].text != ")":
            j += 1
        j += 1
    if j >= len(toks) or toks[j].text != ",":
        return []
    k = j + 1
    while k < len(toks) and toks[k].text not in (",", ";", "—", "–", "--", ")"):
        k += 1
    if k == j + 2 and toks[j + 1].upos == "NUM":  # an age: "Gloria Garcia, 34, a nurse from Brownsville"
        return _clause_after(sent, j + 1)
    return toks[j + 1:k]


def _relative(clause: list[Token]) -> tuple[str | None, str | None]:
    """(role, organization) of an appositive or of a relative clause: "who is /
    served as" a role, or "who heads / runs / chairs" a body (its head)."""
    if not clause or clause[0].text.lower() not in ("who", "whose"):
        return read_title(clause)
    rest = clause[1:]
    for k, t in enumerate(rest[:4]):
        if t.text.lower() in ("as", "is", "was") or (t.lemma == "be" and t.upos == "AUX"):
            # a copula, not an auxiliary: "who has been feuding with Republican leaders"
            return read_title(rest[k + 1:]) if k + 1 < len(rest) and rest[k + 1].upos != "VERB" else (None, None)
        if t.upos == "VERB" and t.lemma.lower() in LEADING_VERBS:
            body = _object(rest[k + 1:])
            if is_person(body) or (body and _all_place(body)):
                return None, None  # "who runs against Smith", "who ran Iowa"
            return LEADING_VERBS[t.lemma.lower()], (_clean(_joined(body)) or None)
    return None, None


def mention_role(sent: Sentence, toks: list[Token], name: tuple[int, int] | None) -> tuple[str | None, str | None]:
    """(role, organization) one speaker mention states.

    ``toks`` are the speaker phrase's words in ``sent``; ``name`` the token
    range (inclusive, indices in ``sent``) of the person it names, if any.
    Titles at the start of the name ("Sen.", "Attorney General", as
    ``nameparser`` reads them) belong to the title. A named person's role
    comes from the title before the name (the whole noun phrase around it:
    "Republican nominee Donald Trump") and from what follows the name: an
    appositive (", a teacher at Richmond High School"), a relative clause
    (", who is president of ..."), a party ("(R-Texas)"). The appositive's
    role is taken where the title gives none or only an abbreviation
    ("Rep. Jim Clyburn (D-S.C.), the assistant leader ..."). A phrase that
    names no one is read whole ("a senior campaign official"), with the body
    "of" or "at" it that follows in the sentence ("an executive" at the Clinton
    Foundation); a pronoun states nothing.

    Examples
    --------
    >>> from quotes.types import Sentence, Token
    >>> tags = [("White", "PROPN", "B-ORG"), ("House", "PROPN", "E-ORG"), ("press", "NOUN", "O"),
    ...         ("secretary", "NOUN", "O"), ("Josh", "PROPN", "B-PER"), ("Earnest", "PROPN", "E-PER"),
    ...         ("said", "VERB", "O")]
    >>> sent = Sentence([Token(i, w, 9 * i, 9 * i + len(w), w.lower(), u, -1, "dep", n)
    ...                  for i, (w, u, n) in enumerate(tags)], 0)
    >>> mention_role(sent, sent.tokens[:6], (4, 5))
    ('press secretary', 'White House')
    """
    if len(toks) == 1 and toks[0].upos == "PRON":
        return None, None
    if name is None:  # the body after it that the speaker span left out: "an executive" [at the Clinton Foundation]
        role, org = read_title(toks)
        return role, org or (_body_after(sent.tokens[toks[-1].index + 1:]) if role else None)
    first, last = name
    titled = len(name_title(_joined(sent.tokens[first:last + 1])).split())
    first = min(first + titled, last)
    # "Charlotte Mayor Jennifer Roberts" as one person: the name starts after the last title word
    first = max([first, *(i + 1 for i in range(first, last) if is_role_word(sent.tokens[i])
                          or sent.tokens[i].text.lower().rstrip(".") in HONORIFICS)])
    title = sent.tokens[min(phrase_start(sent, name[0]), toks[0].index):first]
    if title and title[-1].text.lower() in _LINKS:  # "a spokeswoman for Hillary Clinton"
        title = sent.tokens[title[0].index:last + 1]
    role, org = read_title(title, before_name=True) if title else (None, None)
    clause = _clause_after(sent, last)
    if clause:
        role2, org2 = _relative(clause)
        # a definite appositive names the office ("Rep. Jim Clyburn, the assistant leader of ...");
        # an indefinite one describes ("Rep. Joseph Crowley, a leading advocate for ...")
        definite = clause[0].text.lower() not in ("a", "an", "one")
        if role2 and (role is None or (definite and len([t for t in title if t.text != "."]) == 1)):
            role, org = role2, org2 or org
        org = org or org2
    return role, org or _body_after(sent.tokens[last + 1:]) or _party_after(sent.tokens[last + 1:])


def _body_after(tokens: list[Token]) -> str | None:
    """The body a name is "of" or "at" right after it: "Pastor Joseph Brown of
    Marion Avenue Baptist Church", "Meenakshi Ganguly of Human Rights Watch";
    not a place ("Bill Foster of Illinois") nor a person."""
    if not tokens or tokens[0].text.lower() not in ("of", "at"):
        return None
    obj = _object(tokens[1:])
    return _body(obj) if obj and not _all_place(obj) else None
