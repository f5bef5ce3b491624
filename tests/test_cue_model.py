"""The learned cue model on real sentences: verbs outside the cue lexicon that
report a stance ("blamed", "backs") are read as cues with their subject as
speaker; verbs that report nothing ("hired") are not."""

import pytest

from quotes.annotate import StanzaAnnotator
from quotes.cue_model import CueModel, candidate
from quotes.ingest import read_file
from quotes.pipeline import extract_quotes
from quotes.span_model import NoTagger

TEXT = (
    "House Speaker Paul Ryan blamed Clinton for the loss. The company hired 30 workers last year.\n\n"
    "Sanders backs the bill. It will pass, his aides said.\n"
)


@pytest.fixture(scope="module")
def annotated(tmp_path_factory):
    path = tmp_path_factory.mktemp("article") / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    (article,) = read_file(path)
    (doc,) = StanzaAnnotator("compact").annotate([article])
    return article, doc


def by_cue(quotes):
    return {q.cue.text: q for q in quotes if q.cue is not None}


def test_the_bundled_model_was_trained_on_polnear_train():
    model = CueModel.load()
    assert model.trained_on.startswith("polnear/train")
    assert 0 < model.threshold < 1
    assert {"blame", "back"} <= model.lemmas


def test_a_stance_verb_outside_the_lexicon_reports_its_object(annotated):
    quotes = by_cue(extract_quotes(*annotated))
    blamed = quotes["blamed"]
    assert (blamed.kind, blamed.content.text, blamed.speaker.text) == (
        "indirect", "Clinton for the loss", "House Speaker Paul Ryan")
    assert [(s.start, s.end) for s in (blamed.content, blamed.cue, blamed.speaker)] == [(31, 51), (24, 30), (0, 23)]
    assert quotes["backs"].speaker.text == "Sanders"
    assert "hired" not in quotes


def test_sentences_with_a_verb_the_model_may_accept_are_parsed(annotated):
    _, doc = annotated
    (sent,) = [s for s in doc.sentences if s.tokens[0].text == "House"]
    assert any(t.head >= 0 for t in sent.tokens)
    blamed = next(t for t in sent.tokens if t.text == "blamed")
    assert candidate(blamed, CueModel.load().lemmas)


def test_without_the_model_only_the_lexicon_reports(annotated):
    nothing = CueModel({}, threshold=1.1, lemmas=frozenset())
    quotes = by_cue(extract_quotes(*annotated, cues=nothing, tagger=NoTagger()))
    assert set(quotes) == {"said"}
    assert quotes["said"].content.text == "It will pass"
