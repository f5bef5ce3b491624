"""Role and organization of one speaker mention, read from its sentence.

The sentences come from PolNeAR train and from issue #39; their words are
tagged here as the bundled compact models tag them (UPOS, BIOES NER).
"""

from dataclasses import replace

import pytest

from quotes.ingest import make_article
from quotes.resolve import person_spans, resolve
from quotes.roles import mention_role, person_name, read_title
from quotes.types import Doc, Mention, Quote, Sentence, Span, Token


def _sentence(tagged: str) -> Sentence:
    """Tokens from ``word/UPOS/NER`` items (NER ``O`` may be left out)."""
    toks, pos = [], 0
    for i, item in enumerate(tagged.split()):
        word, upos, *ner = item.rsplit("/", 2) if item.count("/") >= 2 else (*item.rsplit("/", 1), "O")
        lemma = word if upos == "PROPN" else word.lower().removesuffix("s") if upos in ("NOUN", "VERB") \
            else word.lower()
        toks.append(Token(i, word, pos, pos + len(word), lemma, upos, -1, "dep", ner[0] if ner else "O"))
        pos += len(word) + 1
    return Sentence(toks, 0)


def _read(tagged: str, speaker: tuple[int, int], name: tuple[int, int] | None = None):
    sent = _sentence(tagged)
    return mention_role(sent, sent.tokens[speaker[0]:speaker[1] + 1], name)


@pytest.mark.parametrize(("tagged", "speaker", "name", "expected"), [
    # multiword titles kept whole (PolNeAR train; issue #39)
    ("Secretary/PROPN of/ADP State/PROPN John/PROPN/B-PER Kerry/PROPN/E-PER said/VERB",
     (0, 4), (3, 4), ("secretary of state", None)),
    ("Prime/PROPN Minister/PROPN Theresa/PROPN/B-PER May/PROPN/E-PER said/VERB",
     (0, 3), (2, 3), ("prime minister", None)),
    ("White/ADJ/B-LOC House/PROPN/E-LOC press/NOUN secretary/NOUN Josh/PROPN/B-PER Earnest/PROPN/E-PER said/VERB",
     (0, 5), (4, 5), ("press secretary", "White House")),
    # a government's portfolio is part of the title, no organization (corpus/GUM_news_taxes.txt)
    ("Minister/NOUN of/ADP Education/PROPN Stefania/PROPN/B-PER Giannini/PROPN/E-PER said/VERB",
     (0, 4), (3, 4), ("minister of education", None)),
    # abbreviations expanded; a state before the title is no organization
    ("Texas/PROPN/S-LOC Lt./PROPN Gov./PROPN Dan/PROPN/B-PER Patrick/PROPN/E-PER says/VERB",
     (0, 4), (3, 4), ("lieutenant governor", None)),
    ("Texas/PROPN/S-LOC Gov./PROPN Rick/PROPN/B-PER Perry/PROPN/E-PER said/VERB",
     (0, 3), (2, 3), ("governor", None)),
    # a candidate's spokesman speaks for the campaign; a body's for the body
    ("Cruz/PROPN/S-PER spokesman/NOUN Rick/PROPN/B-PER Tyler/PROPN/E-PER said/VERB",
     (0, 3), (2, 3), ("spokesman", "Cruz campaign")),
    ("Pentagon/PROPN/S-ORG spokesman/NOUN John/PROPN/B-PER Kirby/PROPN/E-PER said/VERB",
     (0, 3), (2, 3), ("spokesman", "Pentagon")),
    # "X of Y" split, from an appositive
    ("Tom/PROPN/B-PER Fitton/PROPN/E-PER ,/PUNCT the/DET president/NOUN of/ADP Judicial/PROPN/B-ORG "
     "Watch/PROPN/E-ORG ,/PUNCT charged/VERB", (0, 1), (0, 1), ("president", "Judicial Watch")),
    ("Katrina/PROPN/B-PER Pierson/PROPN/E-PER ,/PUNCT a/DET spokeswoman/NOUN for/ADP Trump/PROPN/S-PER ,/PUNCT "
     "has/AUX expanded/VERB", (0, 1), (0, 1), ("spokeswoman", "Trump campaign")),
    ("Joel/PROPN/B-PER Schlabach/PROPN/E-PER ,/PUNCT a/DET teacher/NOUN at/ADP Richmond/PROPN/B-ORG "
     "High/PROPN/I-ORG School/PROPN/E-ORG ,/PUNCT said/VERB", (0, 1), (0, 1), ("teacher", "Richmond High School")),
    # a relative clause: "who runs" a body is its head (PolNeAR train)
    ("Chris/PROPN/B-PER Cox/PROPN/E-PER ,/PUNCT who/PRON runs/VERB the/DET NRA/PROPN/S-ORG ’s/PART "
     "lobbying/NOUN arm/NOUN ,/PUNCT said/VERB", (0, 1), (0, 1), ("head", "NRA")),
    # a party after a lawmaker's name
    ("Sen./PROPN Lindsey/PROPN/B-PER Graham/PROPN/E-PER (/PUNCT R/PROPN -/PUNCT S.C./PROPN/S-LOC )/PUNCT "
     "told/VERB", (0, 2), (1, 2), ("senator", "Republican Party")),
    # an independent belongs to no party
    ("Sen./PROPN Bernie/PROPN/B-PER Sanders/PROPN/E-PER (/PUNCT I/PROPN -/PUNCT Vt./PROPN/S-LOC )/PUNCT "
     "said/VERB", (0, 2), (1, 2), ("senator", None)),
    # a party label before a title
    ("The/DET Republican/ADJ/S-MISC presidential/ADJ nominee/NOUN said/VERB",
     (0, 3), None, ("presidential nominee", "Republican Party")),
    # nominal and anonymous sources
    ("according/VERB to/ADP a/DET senior/ADJ administration/NOUN official/NOUN who/PRON spoke/VERB",
     (2, 5), None, ("senior official", "administration")),
    ("A/DET majority/NOUN of/ADP voters/NOUN said/VERB", (0, 3), None, ("voter", None)),
    # staff "to" a body serve it; "to" a person, they may serve a campaign, an office or a family
    ("Jane/PROPN/B-PER Doe/PROPN/E-PER ,/PUNCT a/DET senior/ADJ adviser/NOUN to/ADP the/DET Sanders/PROPN/S-PER "
     "campaign/NOUN ,/PUNCT said/VERB", (0, 1), (0, 1), ("senior adviser", "Sanders campaign")),
    ("advisers/NOUN to/ADP Mr./PROPN Obama/PROPN/S-PER said/VERB", (0, 3), None, ("adviser", None)),
    # a title before the person a spokesman speaks for
    ("a/DET spokeswoman/NOUN for/ADP Sen./PROPN Ted/PROPN/B-PER Cruz/PROPN/E-PER said/VERB", (0, 5), None,
     ("spokeswoman", "Cruz campaign")),
    # an organization noun the tagger reads as an adjective describes, naming no body (PolNeAR train)
    ("Two/NUM military/ADJ analysts/NOUN ,/PUNCT Patrick/PROPN/B-PER Megahan/PROPN/E-PER ,/PUNCT said/VERB",
     (0, 2), None, ("military analyst", None)),
    # "former" says when, not what; kinship is no role
    ("Former/ADJ President/PROPN Bill/PROPN/B-PER Clinton/PROPN/E-PER said/VERB",
     (0, 3), (2, 3), ("president", None)),
    ("my/PRON father/NOUN said/VERB", (0, 1), None, (None, None)),
    # a common noun before a title in capitals is no part of it (the parse took "a defeat President Barack
    # Obama believes" for one phrase; PolNeAR train)
    ("a/DET defeat/NOUN President/PROPN Barack/PROPN/B-PER Obama/PROPN/E-PER believes/VERB", (2, 4), (3, 4),
     ("president", None)),
    # but a role word is: "Civil Defense Authority director General Suleiman al-Amr" (corpus/)
    ("Civil/PROPN/B-ORG Defense/PROPN/I-ORG Authority/PROPN/E-ORG director/NOUN General/PROPN Suleiman/PROPN/B-PER "
     "al-Amr/PROPN/E-PER said/VERB", (0, 6), (5, 6), ("director general", "Civil Defense Authority")),
    # the body a name is "of", right after it; not a place
    ("Pastor/PROPN Joseph/PROPN/B-PER Brown/PROPN/E-PER of/ADP Marion/PROPN/B-PER Avenue/PROPN/I-PER "
     "Baptist/PROPN/I-PER Church/PROPN/E-PER plans/VERB", (0, 2), (1, 2), ("pastor", "Marion Avenue Baptist Church")),
    ("Rep./PROPN Bill/PROPN/B-PER Foster/PROPN/E-PER of/ADP Illinois/PROPN/S-LOC said/VERB", (0, 2), (1, 2),
     ("representative", None)),
    # a suffix before the appositive
    ("James/PROPN/B-PER B./PROPN/I-PER Comey/PROPN/E-PER Jr./PROPN ,/PUNCT the/DET director/NOUN of/ADP the/DET "
     "Federal/PROPN/B-ORG Bureau/PROPN/I-ORG of/ADP/I-ORG Investigation/PROPN/E-ORG ,/PUNCT said/VERB",
     (0, 3), (0, 2), ("director", "Federal Bureau of Investigation")),
    # a preposition ends the title: "director under President Obama" is no president
    ("Harold/PROPN/B-PER Varmus/PROPN/E-PER ,/PUNCT the/DET former/ADJ NIH/PROPN/S-ORG director/NOUN under/ADP "
     "President/PROPN Obama/PROPN/S-PER ,/PUNCT said/VERB", (0, 1), (0, 1), ("director", "NIH")),
    # a campaign "on" which one works; a campaign chief speaks for it
    ("Tad/PROPN/B-PER Devine/PROPN/E-PER ,/PUNCT a/DET senior/ADJ adviser/NOUN on/ADP the/DET Sanders/PROPN/S-PER "
     "campaign/NOUN ,/PUNCT said/VERB", (0, 1), (0, 1), ("senior adviser", "Sanders campaign")),
    ("Donald/PROPN/B-PER J./PROPN/I-PER Trump/PROPN/E-PER 's/PART campaign/NOUN chief/NOUN said/VERB", (0, 5), None,
     ("campaign chief", "Trump campaign")),
    # an age before the appositive (PolNeAR train)
    ("Gloria/PROPN/B-PER Garcia/PROPN/E-PER ,/PUNCT 34/NUM ,/PUNCT a/DET nurse/NOUN from/ADP "
     "Brownsville/PROPN/S-LOC ,/PUNCT said/VERB", (0, 1), (0, 1), ("nurse", None)),
    # a title in title case after its owner; but not a body's name before a title (PolNeAR train)
    ("Sam/PROPN/B-PER Jacobs/PROPN/E-PER ,/PUNCT Time/PROPN ’s/PART Assistant/PROPN Managing/VERB Editor/PROPN "
     ",/PUNCT explained/VERB", (0, 1), (0, 1), ("assistant managing editor", "Time")),
    ("Homeland/PROPN Security/PROPN Secretary/PROPN Jeh/PROPN/B-PER Johnson/PROPN/E-PER said/VERB",
     (0, 4), (3, 4), ("secretary", "Homeland Security")),
    # a verb heads no role: "who heads" a body
    ("David/PROPN/B-PER Brock/PROPN/E-PER ,/PUNCT a/DET Clinton/PROPN/S-PER ally/NOUN who/PRON heads/VERB "
     "the/DET group/NOUN ,/PUNCT said/VERB", (0, 1), (0, 1), ("ally", None)),
    # a link inside a body's name before the title
    ("Robert/PROPN/B-PER Mason/PROPN/E-PER ,/PUNCT a/DET University/PROPN/B-ORG of/ADP/I-ORG "
     "Washington/PROPN/E-ORG professor/NOUN who/PRON has/AUX researched/VERB", (0, 1), (0, 1),
     ("professor", "University of Washington")),
    # an owner that is a body ("the Cruz campaign's"), an object that names a body after a person
    ("Chad/PROPN/B-PER Sweet/PROPN/E-PER ,/PUNCT the/DET Cruz/PROPN/S-PER campaign/NOUN 's/PART "
     "chairman/NOUN ,/PUNCT said/VERB", (0, 1), (0, 1), ("chairman", "Cruz campaign")),
    ("the/DET party/NOUN 's/PART chairman/NOUN said/VERB", (0, 3), None, ("chairman", None)),
    ("an/DET executive/NOUN at/ADP the/DET Clinton/PROPN/S-PER Foundation/PROPN said/VERB", (0, 5), None,
     ("executive", "Clinton Foundation")),
    # a descriptor before a body's name that NER took for a place; a place itself is no body
    ("Jeff/PROPN/B-PER Bechdel/PROPN/E-PER ,/PUNCT communications/NOUN director/NOUN for/ADP the/DET "
     "conservative/ADJ super/ADV PAC/PROPN/B-LOC America/PROPN/I-LOC Rising/PROPN/E-LOC said/VERB",
     (0, 1), (0, 1), ("communications director", "America Rising")),
    ("Greg/PROPN/B-PER Abbott/PROPN/E-PER ,/PUNCT the/DET governor/NOUN of/ADP Texas/PROPN/S-LOC ,/PUNCT "
     "said/VERB", (0, 1), (0, 1), ("governor", None)),
    # a body a person owns after a link word: the person's campaign (PolNeAR train)
    ("Marc/PROPN/B-PER Elias/PROPN/E-PER ,/PUNCT the/DET elections/NOUN lawyer/NOUN for/ADP Clinton/PROPN 's/PART "
     "presidential/ADJ campaign/NOUN said/VERB", (0, 1), (0, 1), ("elections lawyer", "Clinton campaign")),
    # a body NER took for a person, known by its institution word before a link (PolNeAR train)
    ("Jeffrey/PROPN/B-PER Lewis/PROPN/E-PER of/ADP the/DET James/PROPN/B-PER Martin/PROPN/I-PER Center/PROPN/E-PER "
     "for/ADP Nonproliferation/PROPN/B-ORG Studies/PROPN/E-ORG wrote/VERB", (0, 8), (0, 1),
     (None, "James Martin Center for Nonproliferation Studies")),
    ("he/PRON said/VERB", (0, 0), None, (None, None)),
])
def test_a_mention_states_its_role_and_organization(tagged, speaker, name, expected):
    assert _read(tagged, speaker, name) == expected


def test_a_nameparser_title_inside_the_name_is_read_as_the_title():
    # NER puts the title inside the person: "Sen. Ted Cruz" as one PER mention
    assert _read("Sen./PROPN/B-PER Ted/PROPN/I-PER Cruz/PROPN/E-PER said/VERB", (0, 2), (0, 2)) == ("senator", None)


def test_a_person_owning_a_title_other_than_staff_gives_no_organization():
    sent = _sentence("Trump/PROPN/S-PER lawyer/NOUN")
    assert read_title(sent.tokens) == ("lawyer", None)


@pytest.mark.parametrize(("text", "name"), [
    ("Lt. Gov. Dan Patrick", "Dan Patrick"),
    ("Mr. Trump's", "Trump"),
    ("Secretary of State Mike Pompeo", "Mike Pompeo"),
])
def test_person_name_drops_titles(text, name):
    assert person_name(text) == name


def _article(tagged: str, heads: list[int] | None = None):
    """An article of one tagged sentence (with the parse's ``heads``), its Doc (NER mentions
    from the BIOES tags) and its text."""
    sent = _sentence(tagged)
    if heads:
        sent.tokens[:] = [replace(t, head=h) for t, h in zip(sent.tokens, heads, strict=True)]
    text = " ".join(t.text for t in sent.tokens)
    mentions, start = [], None
    for t in sent.tokens:
        if t.ner[:1] in ("B", "S"):
            start = t.start
        if t.ner[:1] in ("E", "S"):
            mentions.append(Mention(Span.of(text, start, t.end), t.ner[2:]))
    return make_article("a", text), Doc([sent], mentions), text


def _speaker_entity(tagged: str, speaker: str, content: str, heads: list[int] | None = None):
    article, doc, text = _article(tagged, heads)
    quote = Quote("a", "indirect", Span.of(text, text.index(content), len(text)),
                  speaker=Span.of(text, text.index(speaker), text.index(speaker) + len(speaker)))
    return resolve(article, doc, [quote])[0]


def test_the_role_of_a_speaker_is_the_one_its_own_mention_states():
    # corpus/GUM_news_clock.txt: the whole student association is the organization, the title the role
    quote = _speaker_entity(
        "University/PROPN/B-ORG of/ADP/I-ORG Texas/PROPN/I-ORG Arlington/PROPN/I-ORG Muslim/ADJ/I-ORG "
        "Student/PROPN/I-ORG Association/PROPN/E-ORG president/NOUN Sehar/PROPN/B-PER Memon/PROPN/E-PER "
        "said/VERB the/DET feedback/NOUN helped/VERB",
        "University of Texas Arlington Muslim Student Association president Sehar Memon", "the feedback helped")
    assert (quote.entity.name, quote.entity.role, quote.entity.organization) == \
        ("Sehar Memon", "president", "University of Texas Arlington Muslim Student Association")


def test_a_name_ending_the_body_a_title_is_of_is_the_person():
    # corpus/GUM_news_questionnaire.txt: NER runs the body on over the name after it
    quote = _speaker_entity(
        "CEO/NOUN of/ADP the/DET Refugee/PROPN/B-ORG Council/PROPN/I-ORG Enver/PROPN/I-ORG Solomon/PROPN/E-ORG "
        "told/VERB Sky/PROPN/B-ORG News/PROPN/E-ORG the/DET process/NOUN must/AUX work/VERB",
        "CEO of the Refugee Council Enver Solomon", "the process must work")
    assert (quote.entity.name, quote.entity.role, quote.entity.organization) == \
        ("Enver Solomon", "ceo", "Refugee Council")


def test_an_appositive_after_a_name_ner_missed_is_read():
    # PolNeAR train: "Purcell" untagged, read as a name by its capital
    quote = _speaker_entity("Purcell/PROPN ,/PUNCT a/DET Republican/ADJ/S-MISC ,/PUNCT said/VERB she/PRON "
                            "made/VERB her/PRON decision/NOUN", "Purcell", "she made her decision")
    assert (quote.entity.name, quote.entity.organization) == ("Purcell", "Republican Party")


def test_a_relative_clause_with_an_auxiliary_states_no_role():
    # PolNeAR train ("who has been feuding"): "is" is an auxiliary here, no copula before a title
    quote = _speaker_entity(
        "Trump/PROPN/S-PER ,/PUNCT who/PRON is/AUX feuding/VERB with/ADP Republican/ADJ/S-MISC "
        "leaders/NOUN ,/PUNCT said/VERB he/PRON would/AUX win/VERB", "Trump", "he would win")
    assert (quote.entity.name, quote.entity.role, quote.entity.organization) == ("Trump", None, None)


def test_a_name_opening_an_unparsed_speaker_phrase_is_the_speaker():
    # PolNeAR train: a sentence the parser left alone, the appositive inside the speaker phrase
    quote = _speaker_entity("Clinton/PROPN/S-PER ,/PUNCT the/DET Democratic/ADJ/S-MISC front-runner/NOUN ,/PUNCT "
                            "said/VERB the/DET plan/NOUN would/AUX fail/VERB",
                            "Clinton , the Democratic front-runner ,", "the plan would fail")
    assert (quote.entity.name, quote.entity.type) == ("Clinton", "PERSON")


def test_a_surname_ner_missed_heads_its_phrase_past_a_body_in_its_clause():
    # the name NER missed, not the committee of its relative clause, is the speaker
    heads = [15, 2, 0, 2, 5, 0, 7, 5, 9, 7, 13, 13, 13, 5, 0, -1, 17, 18, 15]
    quote = _speaker_entity(
        "Lopez/PROPN ,/PUNCT 48/NUM ,/PUNCT who/PRON succeeded/VERB her/PRON mother/NOUN Maria/PROPN/B-PER "
        "Lopez/PROPN/E-PER on/ADP the/DET Budget/PROPN/B-ORG Committee/PROPN/E-ORG ,/PUNCT said/VERB the/DET "
        "plan/NOUN failed/VERB",
        "Lopez , 48 , who succeeded her mother Maria Lopez on the Budget Committee ,", "the plan failed", heads)
    assert (quote.entity.name, quote.entity.type) == ("Maria Lopez", "PERSON")


@pytest.mark.parametrize("ner", ["B-ORG E-ORG", "B-PER E-PER"])
def test_a_body_after_a_nominal_speaker_the_span_left_out_is_its_organization(ner):
    # PolNeAR train: the speaker span is "an executive"; NER may take the foundation for a person
    first, last = ner.split()
    quote = _speaker_entity(
        f"an/DET executive/NOUN at/ADP the/DET Clinton/PROPN/{first} Foundation/PROPN/{last} in/ADP 2009/NUM "
        "sought/VERB to/PART reach/VERB the/DET donor/NOUN", "an executive", "to reach the donor")
    assert (quote.entity.role, quote.entity.organization) == ("executive", "Clinton Foundation")


def test_an_adjective_before_a_document_names_no_organization():
    # corpus/GUM_news_defector.txt: "Recent reports have revealed that ..."
    quote = _speaker_entity("Recent/ADJ reports/NOUN have/AUX revealed/VERB that/SCONJ a/DET defector/NOUN "
                            "was/AUX persuaded/VERB", "Recent reports", "a defector was persuaded")
    assert quote.entity.name != "Recent"
    assert quote.entity.organization is None and quote.entity.type != "ORG"


def test_a_name_tagged_as_a_place_elsewhere_is_no_person():
    # corpus/001_b8fb2cd4f4ce1228.txt: "the US exit from Bagram", Bagram a place twice elsewhere
    _, doc, text = _article("Bagram/PROPN/S-PER is/AUX near/ADP Bagram/PROPN/S-LOC and/CCONJ "
                                  "Kabul/PROPN/S-LOC")
    assert person_spans(doc, text) == []
    _, doc, text = _article("rejection/NOUN of/ADP Johnson/PROPN/B-PER Space/PROPN/I-PER "
                                  "Center/PROPN/E-PER")
    assert person_spans(doc, text) == []
    # a name NER tags as a person more often than as a place stays a person (PolNeAR train)
    _, doc, text = _article("Trump/PROPN/S-PER won/VERB and/CCONJ Trump/PROPN/S-PER spoke/VERB near/ADP "
                            "Trump/PROPN/S-LOC")
    assert [s.text for s in person_spans(doc, text)] == ["Trump", "Trump"]


def test_a_hyphenated_title_the_tokenizer_split_is_one_word():
    sent = _sentence("Democratic/ADJ/S-MISC front/NOUN -/PUNCT runner/NOUN Hillary/PROPN/B-PER Clinton/PROPN/E-PER "
                     "said/VERB")
    # "front-runner" written without spaces, as the tokenizer splits it
    sent.tokens[2:4] = [replace(t, start=t.start - k, end=t.end - k) for k, t in enumerate(sent.tokens[2:4], 1)]
    assert mention_role(sent, sent.tokens[:6], (4, 5)) == ("front-runner", "Democratic Party")


def test_an_independents_label_the_tokenizer_split_names_no_party():
    # PolNeAR train: ", I-Vt.," after a name, its hyphen closed up into one word
    sent = _sentence("Bernie/PROPN/B-PER Sanders/PROPN/E-PER ,/PUNCT I/PROPN -/PUNCT Vt./PROPN/S-LOC ,/PUNCT "
                     "said/VERB")
    sent.tokens[4:6] = [replace(t, start=t.start - k, end=t.end - k) for k, t in enumerate(sent.tokens[4:6], 1)]
    assert mention_role(sent, sent.tokens[:2], (0, 1)) == (None, None)


def test_an_appositive_after_a_name_leaves_the_person_the_speaker():
    # PolNeAR train: the speaker phrase runs on past the name; the appositive hangs on the name
    heads = [9, 0, 5, 5, 3, 0, 5, 5, 0, -1, 13, 13, 13, 9]
    quote = _speaker_entity(
        "Sam/PROPN/B-PER Jacobs/PROPN/E-PER ,/PUNCT Time/PROPN ’s/PART Assistant/PROPN Managing/VERB "
        "Editor/PROPN ,/PUNCT explained/VERB that/SCONJ Merkel/PROPN/S-PER was/AUX selected/VERB",
        "Sam Jacobs , Time ’s Assistant Managing Editor", "Merkel was selected", heads)
    assert (quote.entity.name, quote.entity.role, quote.entity.organization) == \
        ("Sam Jacobs", "assistant managing editor", "Time")


@pytest.mark.parametrize(("speaker", "role", "organization"), [
    ("Trump 's campaign manager", "campaign manager", "Trump campaign"),  # staff speak for the campaign
    ("Trump 's supporters", "supporter", None),  # supporters do not
])
def test_a_role_owned_by_a_person_of_the_article_is_the_campaign_only_for_staff(speaker, role, organization):
    # PolNeAR train: the tagger did not take the bare surname for a person
    quote = _speaker_entity(
        f"Donald/PROPN/B-PER Trump/PROPN/E-PER won/VERB ,/PUNCT and/CCONJ {speaker.replace(' ', '/NOUN ')}/NOUN "
        "said/VERB he/PRON was/AUX pleased/ADJ", speaker, "he was pleased")
    assert (quote.entity.role, quote.entity.organization) == (role, organization)


def test_a_possessive_alone_is_its_owner():
    quote = _speaker_entity("Donald/PROPN/B-PER Trump/PROPN/E-PER won/VERB ,/PUNCT and/CCONJ Trump/PROPN "
                            "'s/PART said/VERB he/PRON was/AUX pleased/ADJ", "Trump 's", "he was pleased")
    assert (quote.entity.name, quote.entity.organization) == ("Donald Trump", None)


@pytest.mark.parametrize(("tagged", "speaker", "content", "organization"), [
    # a possessive pronoun's antecedent: a candidate's staff speak for the campaign, a body's officers for it
    ("Bernie/PROPN/B-PER Sanders/PROPN/E-PER won/VERB ,/PUNCT and/CCONJ his/PRON chief/ADJ aide/NOUN said/VERB "
     "the/DET race/NOUN was/AUX over/ADJ", "his chief aide", "the race was over", "Sanders campaign"),
    ("Bernie/PROPN/B-PER Sanders/PROPN/E-PER won/VERB ,/PUNCT and/CCONJ his/PRON lawyer/NOUN said/VERB "
     "the/DET race/NOUN was/AUX over/ADJ", "his lawyer", "the race was over", None),
    ("The/DET Union/PROPN/B-ORG Party/PROPN/E-ORG met/VERB ,/PUNCT and/CCONJ its/PRON chairman/NOUN said/VERB "
     "the/DET vote/NOUN was/AUX fair/ADJ", "its chairman", "the vote was fair", "Union Party"),
    ("Sen./PROPN Bernie/PROPN/B-PER Sanders/PROPN/E-PER won/VERB ,/PUNCT and/CCONJ the/DET senator/NOUN 's/PART "
     "advisers/NOUN said/VERB the/DET race/NOUN was/AUX over/ADJ", "the senator 's advisers", "the race was over",
     "Sanders campaign"),
    # an acronym the article spells out elsewhere
    ("The/DET National/PROPN/B-ORG Institutes/PROPN/I-ORG of/ADP/I-ORG Health/PROPN/E-ORG grew/VERB ,/PUNCT "
     "NIH/PROPN/S-ORG director/NOUN Francis/PROPN/B-PER Collins/PROPN/E-PER said/VERB the/DET budget/NOUN "
     "was/AUX short/ADJ", "NIH director Francis Collins", "the budget was short", "National Institutes of Health"),
    # a title is no part of the owner's name (the tagger missed him): President Obama's envoy speaks for no
    # "President Obama"
    ("Barack/PROPN/B-PER Obama/PROPN/E-PER spoke/VERB ;/PUNCT President/PROPN Obama/PROPN 's/PART "
     "special/ADJ envoy/NOUN said/VERB the/DET talks/NOUN failed/VERB", "President Obama 's special envoy",
     "the talks failed", None),
])
def test_an_organization_is_read_with_what_the_article_says(tagged, speaker, content, organization):
    assert _speaker_entity(tagged, speaker, content).entity.organization == organization


def test_a_name_before_the_body_it_is_of_is_the_speaker():
    # PolNeAR train: "Meenakshi Ganguly of Human Rights Watch, who observed voting"
    quote = _speaker_entity(
        "Meenakshi/PROPN/B-PER Ganguly/PROPN/E-PER of/ADP Human/PROPN/B-ORG Rights/PROPN/I-ORG Watch/PROPN/E-ORG "
        "said/VERB the/DET vote/NOUN was/AUX fair/ADJ", "Meenakshi Ganguly of Human Rights Watch",
        "the vote was fair", [6, 0, 5, 5, 5, 0, -1, 8, 10, 10, 6])
    assert (quote.entity.name, quote.entity.organization) == ("Meenakshi Ganguly", "Human Rights Watch")


@pytest.mark.parametrize(("tagged", "speaker", "content", "name"), [
    # a short name of a body the article names in full; NER took "the Times" for no organization
    ("The/DET New/PROPN/B-ORG York/PROPN/I-ORG Times/PROPN/E-ORG ran/VERB it/PRON ,/PUNCT and/CCONJ the/DET "
     "Times/PROPN/S-MISC said/VERB the/DET report/NOUN was/AUX right/ADJ", "the Times", "the report was right",
     "New York Times"),
    # not a word any body's name may end in
    ("The/DET White/PROPN/B-ORG House/PROPN/E-ORG ran/VERB it/PRON ,/PUNCT and/CCONJ the/DET House/PROPN/S-ORG "
     "said/VERB the/DET report/NOUN was/AUX right/ADJ", "the House", "the report was right", "House"),
])
def test_a_body_named_short_is_the_one_the_article_names_in_full(tagged, speaker, content, name):
    entity = _speaker_entity(tagged, speaker, content).entity
    assert (entity.name, entity.type) == (name, "ORG")
