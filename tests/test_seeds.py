"""End to end on the two seed articles with the bundled Stanza models.

The expectations come from reading the articles: every quote in them, who
said it, and the role and organization its speaker mention states ("he"
states none).
"""

from pathlib import Path

import pytest

CORPUS = Path(__file__).parent.parent / "corpus"
ARAB_NEWS = "000_7ce02406a65dd357"
AFP = "001_b8fb2cd4f4ce1228"

MOHIB = ("Hamdullah Mohib", None, None)
MOHIB_TITLED = ("Hamdullah Mohib", "national security adviser", None)
KIRBY = ("John Kirby", None, None)
KIRBY_TITLED = ("John Kirby", "spokesman", "Pentagon")
MUSA = ("Mohammad Musa", "soldier", None)

# (article, kind, start of content, (entity name, role, organization)); None = not checked
EXPECTED = [
    (ARAB_NEWS, "indirect", "to retake all the districts lost to the Taliban", ("Afghan authorities", None, None)),
    (ARAB_NEWS, "direct", "There is war, there is pressure.", MOHIB_TITLED),
    (ARAB_NEWS, "direct", "We have plans to retake the districts", MOHIB),
    (ARAB_NEWS, "indirect", "they intend to focus on securing major cities", ("Afghan defense officials", None, None)),
    (ARAB_NEWS, "indirect", "the Afghan air force was stretched", MOHIB),
    (ARAB_NEWS, "indirect", "the air force was now being reorganized", MOHIB),
    (ARAB_NEWS, "direct", "We had some glitches as a result", MOHIB),
    (ARAB_NEWS, "mixed", "Tajik President Emomali Rakhmon has ordered", ("presidency", None, None)),
    (ARAB_NEWS, "direct", "We had to abandon our base", MUSA),
    (ARAB_NEWS, "direct", "The situation is changing rapidly.", ("Zamir Kabulov", "envoy", "Moscow")),
    (ARAB_NEWS, "indirect", "the soldiers who fled were returning", MOHIB),
    (ARAB_NEWS, "direct", "They may have abandoned their posts", MOHIB),
    (ARAB_NEWS, "direct", "We are trying to do the best", ("Mirassadullah Kohistani", None, None)),
    (ARAB_NEWS, "indirect", "At least 92 militants were also killed", ("Pakistan military", None, None)),
    (ARAB_NEWS, "indirect", "a deputy district commissioner had been abducted", ("official", None, None)),
    (ARAB_NEWS, "direct", "Anyone who leaves home has no certainty", ("Hamdullah", "shopkeeper", None)),
    (ARAB_NEWS, "mixed", "it was conducting “sanitization operations”", ("Pakistan military", None, None)),
    (ARAB_NEWS, "direct", "The instigators, perpetrators, facilitators", ("Pakistan military", None, None)),
    (ARAB_NEWS, "indirect", "it had targeted military installations", ("Baloch Liberation Army", None, None)),
    (ARAB_NEWS, "indirect", "it killed 41 insurgents", ("Pakistan military", None, None)),
    (AFP, "indirect", "to retake all the districts lost to the Taliban", ("Afghan authorities", None, None)),
    (AFP, "indirect", "the American withdrawal from the country", ("US Central Command", None, None)),
    (AFP, "direct", "There is war, there is pressure.", MOHIB_TITLED),
    (AFP, "direct", "We have plans to retake the districts", MOHIB),
    (AFP, "indirect", "they were well on track", ("Pentagon", None, None)),
    (AFP, "indirect", "the US and NATO coalition partners would continue", KIRBY_TITLED),
    (AFP, "direct", "We still have the authority to assist", KIRBY),
    (AFP, "indirect", "negotiations were underway", KIRBY),
    (AFP, "indirect", "US forces were leaving by August", KIRBY),
    (AFP, "direct", "We have spent a lot of time", KIRBY),
    (AFP, "indirect", "they intend to focus on securing major cities", ("Afghan defence officials", None, None)),
    (AFP, "mixed", "his government will not \"surrender\" to the militants", ("Ashraf Ghani", "President", None)),
    (AFP, "direct", "We had to abandon our base", MUSA),
    (AFP, "indirect", "the soldiers who fled were returning", MOHIB),
    (AFP, "direct", "They may have abandoned their posts", MOHIB),
    (AFP, "indirect", "Afghan officials were told of the impending departure", KIRBY),
    (AFP, "direct", "The exact hour of departure", KIRBY),
    (AFP, "direct", "In general we felt it was better", KIRBY),
]


@pytest.fixture(scope="module")
def analysis(seeds_analysis):
    return seeds_analysis.above(0)  # what the rules read and whom they credit, whatever the confidence


def find(analysis, doc, start):
    found = [q for q in analysis.quotes if q.doc == doc and start in q.content.text[: len(start) + 20]]
    assert found, f"no quote starting {start!r} in {doc}"
    return found[0]


@pytest.mark.parametrize(("doc", "kind", "start", "who"), EXPECTED,
                         ids=[f"{d[:3]}-{s[:25]}" for d, _, s, _ in EXPECTED])
def test_quote_speaker_role_organization(analysis, doc, kind, start, who):
    q = find(analysis, doc, start)
    assert q.kind == kind
    name, role, org = who
    assert q.entity is not None, f"no speaker for {q.content.text[:60]!r}"
    assert name.lower() in q.entity.name.lower()
    if role is not None:
        assert q.entity.role is not None and role.lower() in q.entity.role.lower()
    if org is not None:
        assert q.entity.organization == org


# (article, start of content, part, start, end): character offsets counted in the files (the Arab
# News copy's curly marks are 3 bytes each in UTF-8, so its byte offsets run ahead)
SPANS = [
    (AFP, "We still have the authority", "content", 1604, 1682),
    (AFP, "We still have the authority", "cue", 1691, 1695),
    (AFP, "We still have the authority", "speaker", 1685, 1690),
    (ARAB_NEWS, "There is war, there is pressure.", "content", 713, 854),
    (ARAB_NEWS, "There is war, there is pressure.", "cue", 899, 903),
    (ARAB_NEWS, "There is war, there is pressure.", "speaker", 857, 898),
    (ARAB_NEWS, "We had some glitches as a result", "content", 1852, 1965),  # never closed
]


@pytest.mark.parametrize(("doc", "start", "part", "begin", "end"), SPANS,
                         ids=[f"{d[:3]}-{s[:12]}-{p}" for d, s, p, _, _ in SPANS])
def test_spans_are_where_their_words_are(analysis, doc, start, part, begin, end):
    span = getattr(find(analysis, doc, start), part)
    assert (span.start, span.end) == (begin, end), span


def test_a_pronoun_states_no_role_of_its_own(analysis):
    # "..., he said": the person is Mohib, whose title an earlier sentence gave
    q = find(analysis, ARAB_NEWS, "We have plans to retake the districts")
    assert q.speaker.text == "he"
    assert (q.entity.name, q.entity.role, q.entity.organization) == ("Hamdullah Mohib", None, None)


def test_no_person_is_named_after_a_place(analysis):
    # "Pakistan" speaks in the Arab News article; "the US exit from Bagram" names a base in AFP's
    people = {e.name for q in analysis.quotes for e in [q.entity, *q.subjects] if e and e.type == "PERSON"}
    assert not people & {"Pakistan", "Bagram", "Kabul", "Moscow", "Afghanistan", "Tajikistan"}


def test_shopkeeper_is_not_the_security_adviser(analysis):
    q = find(analysis, ARAB_NEWS, "Anyone who leaves home")
    assert q.entity.name == "Hamdullah"


def test_duplicated_paragraphs_yield_each_quote_once(analysis):
    contents = [q.content.text for q in analysis.quotes_of(ARAB_NEWS)]
    assert sum("Anyone who leaves home" in c for c in contents) == 1


def test_wire_copy_ghani_quote_keeps_both_quoted_phrases(analysis):
    bloodshed = [q for q in analysis.quotes_of(AFP) if "bloodshed and destruction" in q.content.text]
    assert bloodshed and all(q.kind == "mixed" for q in bloodshed)
    assert any(q.speaker is not None for q in bloodshed)
