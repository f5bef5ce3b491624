"""Speakers of quotes in the New York Times' style: doubled apostrophes,
middle initials, a quote that goes on after its attribution."""

import pytest

import quotes

NYT_STYLE = (
    "The city defended the purchase on Tuesday.\n\n"
    "''We wanted to control the land,'' said Paul H. Chipok, a lawyer for the city. "
    "''Nobody else was going to do it.''\n"
)


@pytest.fixture(scope="module")
def nyt(tmp_path_factory):
    path = tmp_path_factory.mktemp("nyt") / "nyt.txt"
    path.write_text(NYT_STYLE)
    return quotes.analyze([path], models="compact")


def test_doubled_apostrophes_make_a_direct_quote_in_two_sentences(nyt):
    (q,) = nyt.quotes
    assert q.kind == "direct"
    assert [f.text for f in q.fragments] == ["We wanted to control the land", "Nobody else was going to do it."]
    assert NYT_STYLE[q.content.start:q.content.end] == q.content.text


def test_a_middle_initial_stays_in_the_speaker_name(nyt):
    (q,) = nyt.quotes
    assert q.speaker.text == "Paul H. Chipok"
    assert q.entity.name == "Paul H. Chipok"
    assert q.entity.role and q.entity.role.startswith("lawyer")
