"""The quote-mark layer of the detector, on the seed articles and on generated text."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.annotate import SimpleAnnotator
from quotes.detect import detect, quoted_spans
from quotes.ingest import make_article, read_file

CORPUS = Path(__file__).parent.parent / "corpus"


def spans_of(path):
    (article,) = read_file(CORPUS / path)
    return article, quoted_spans(article)


def test_arab_news_quotes_with_curly_marks_and_apostrophes():
    article, spans = spans_of("000_7ce02406a65dd357.txt")
    starts = [q.fragments[0].text[:30] for q in spans]
    assert starts == [
        "There is war, there is pressur",
        "We have plans to retake the di",
        "We had some glitches as a resu",
        "the mobilization of 20,000 res",
        "We had to abandon our base bec",
        "The situation is changing rapi",
        "They may have abandoned their ",
        "We are trying to do the best a",
        "Anyone who leaves home has no ",
        "sanitization operations",
        "The instigators, perpetrators,",
    ]  # the Pakistan story's second copy adds nothing; no apostrophe opens a quote
    # character offsets, counted in the file (the curly marks before them are 3 bytes each in UTF-8)
    assert [(f.start, f.end) for q in spans[:3:2] for f in q.fragments] == [(713, 854), (1852, 1965)]
    assert article.text[713:854].endswith("continue to defend the Afghan people")


def test_unclosed_quote_ends_before_its_trailing_attribution():
    _, spans = spans_of("000_7ce02406a65dd357.txt")
    glitches = spans[2]
    assert not glitches.closed
    assert glitches.fragments[0].text.endswith("additional pressure on the Afghan air force")


def test_straight_quotes_in_the_wire_copy():
    _, spans = spans_of("001_b8fb2cd4f4ce1228.txt")
    texts = [q.fragments[0].text for q in spans]
    assert "bloodshed and destruction" in texts and "surrender" in texts
    assert texts[0].startswith("There is war") and texts[0].endswith("defend the Afghan people")
    assert all(q.closed for q in spans)


@pytest.mark.parametrize("opening, closing", [("“", "”"), ("''", "''")])  # NYT archive: ''
def test_quote_continued_into_the_next_paragraph(opening, closing):
    text = (f"{opening}The first paragraph of the statement ends without a closing mark.\n"
            f"{opening}The second one closes it,{closing} the minister said.\nThen nothing.")
    (q,) = quoted_spans(make_article("x", text))
    assert [f.text for f in q.fragments] == ["The first paragraph of the statement ends without a closing mark.",
                                             "The second one closes it"]
    assert q.closed


def test_guillemets_single_quotes_and_nested_marks():
    text = ("«Nous restons», a dit le maire.\n"
            "He called it ‘a disaster’ and said ‘we’ll see’.\n"
            "“She told me ‘no’ twice,” he said.")
    spans = quoted_spans(make_article("x", text))
    assert [q.fragments[0].text for q in spans] == ["Nous restons", "a disaster", "we’ll see",
                                                    "She told me ‘no’ twice"]


def test_an_opening_mark_after_a_word_closes_the_quote():
    text = ("“Do you want to be associated with a fascist?“ he asked. “No,” Trump said.\n"
            "„Wir schaffen das“, sagte sie.")
    spans = quoted_spans(make_article("x", text))
    assert [q.fragments[0].text for q in spans] == ["Do you want to be associated with a fascist?", "No",
                                                    "Wir schaffen das"]
    assert all(q.closed for q in spans)


def test_a_closing_mark_before_a_word_opens_the_quote():
    text = "”Sorry Sarah, you should have said no,” posted Sharon Geyer.\n”Ja”, sa hon."
    spans = quoted_spans(make_article("x", text))
    assert [q.fragments[0].text for q in spans] == ["Sorry Sarah, you should have said no", "Ja"]
    assert all(q.closed for q in spans)


def test_apostrophes_are_not_quote_marks():
    text = "The ’90s were the insurgents’ decade, and don’t forget rock ’n’ roll's 'golden' age."
    spans = quoted_spans(make_article("x", text))
    assert [q.fragments[0].text for q in spans] == ["golden"]


def test_split_quote_becomes_one_quote_with_two_fragments():
    text = "“We will stay,” Smith said, “and we will rebuild the bridge before the winter.”"
    article = make_article("x", text)
    (q,) = detect(article, SimpleAnnotator().annotate([article])[0])
    assert q.kind == "direct"
    assert [f.text for f in q.fragments] == ["We will stay", "and we will rebuild the bridge before the winter."]
    assert q.cue.text == "said"
    # from inside the first mark to inside the last, the frame included
    assert [(s.start, s.end) for s in (q.content, *q.fragments, q.cue)] == [(1, 78), (1, 13), (29, 78), (22, 26)]


def test_doubled_apostrophes_are_double_quote_marks():
    # The New York Times archive writes ''Yes,'' he said; a single quote may sit inside.
    text = "''It's over,'' he said. ''We 'won,''' she said, and the fans' chant went on."
    spans = quoted_spans(make_article("x", text))
    assert [(f.start, f.end, f.text) for q in spans for f in q.fragments] == [(2, 11, "It's over"),
                                                                              (26, 35, "We 'won,'")]


def test_a_quote_going_on_after_its_frame_is_one_statement():
    text = ("“We will stay,” Smith said in Kabul. “The bridge will be rebuilt before the winter.”\n"
            "“Nobody asked us,” a farmer said.")
    article = make_article("x", text)
    first, second = detect(article, SimpleAnnotator().annotate([article])[0])
    assert [f.text for f in first.fragments] == ["We will stay", "The bridge will be rebuilt before the winter."]
    assert first.cue.text == "said"
    assert [f.text for f in second.fragments] == ["Nobody asked us"]  # a new paragraph, a new statement


def test_a_paragraph_of_quote_alone_goes_on_with_the_quote_before():
    text = ("“The team has done an awful job,” Barkley said. “They chased ratings all year.”\n\n"
            "“And it is sad that the company sold its soul.”\n\n"
            "The network did not comment.\n\n"
            "“We never answer him.”")
    article = make_article("x", text)
    first, last = detect(article, SimpleAnnotator().annotate([article])[0])
    assert [f.text for f in first.fragments] == [
        "The team has done an awful job", "They chased ratings all year.",
        "And it is sad that the company sold its soul."]
    assert [(f.start, f.end) for f in first.fragments] == [(1, 31), (49, 78), (82, 127)]
    assert (first.content.start, first.content.end) == (1, 127)
    assert last.cue is None  # after a paragraph of the writer's own, a quote stands alone


def test_thousands_of_quote_marks(tmp_path):
    text = ('"' * 3000 + " word “ ” « » ‘ ’ ' " * 500 + "\n") * 3
    article = make_article("x", text)
    for q in quoted_spans(article):
        for f in q.fragments:
            assert text[f.start:f.end] == f.text


_ALPHABET = st.sampled_from([*"ab cd.,\n\"'“”‘’«»:—", "said ", "He ", "Smith "])
_TEXT = st.lists(_ALPHABET, max_size=120).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_detector_never_crashes_and_every_span_verifies(text):
    article = make_article("gen", text)
    doc = SimpleAnnotator().annotate([article])[0]
    for q in quoted_spans(article):
        assert all(text[f.start:f.end] == f.text and f.text for f in q.fragments)
    for quote in detect(article, doc):
        for span in (quote.content, quote.cue, *quote.fragments):
            if span is not None:
                assert text[span.start:span.end] == span.text


_WORDS = st.lists(st.sampled_from(["we", "will", "stay", "the", "plan", "works"]), min_size=1, max_size=6)
_SELF_CONTAINED = st.builds(
    lambda quoted, frame: f"“{' '.join(quoted).capitalize()},” {frame} said.",
    _WORDS, st.sampled_from(["he", "Smith", "the minister"]))


@settings(max_examples=100, deadline=None)
@given(st.lists(_SELF_CONTAINED, min_size=1, max_size=5, unique=True), st.randoms())
def test_self_contained_quotes_do_not_depend_on_paragraph_order(paragraphs, rnd):
    def found(paras):
        article = make_article("x", "\n".join(paras))
        return sorted(f.text for q in quoted_spans(article) for f in q.fragments)

    shuffled = list(paragraphs)
    rnd.shuffle(shuffled)
    assert found(paragraphs) == found(shuffled)
