"""Every quote's confidence, and the precision-first default on the seed articles."""

import pytest

from quotes.confidence import ConfidenceModel, features
from quotes.ingest import make_article
from quotes.types import Doc, Quote, Sentence, Span, Token


def _speakers_and_cues(analysis):
    return ({q.speaker.text for q in analysis.quotes if q.speaker},
            {q.cue.text for q in analysis.quotes if q.cue})


def test_every_quote_has_a_confidence_between_0_and_1(seeds_analysis):
    everything = seeds_analysis.above(0)
    assert everything.quotes and all(0.0 <= q.confidence <= 1.0 for q in everything.quotes)


def test_the_seed_articles_keep_no_non_source_speaker_and_no_action_by_default(seeds_analysis):
    speakers, cues = _speakers_and_cues(seeds_analysis)
    # phrases that are no source, and actions that are no statement, as a reader of the seeds sees them
    assert not speakers & {"a brave face", "turn", "The militants’ rapid gains"}
    assert not cues & {"attacked", "posting", "released"}
    # the attack was found and is only held back; pictures released are no report at all,
    # and the phrases no speaker at all
    every_speaker, every_cue = _speakers_and_cues(seeds_analysis.above(0))
    assert "attacked" in every_cue and "released" not in every_cue
    assert not every_speaker & {"a brave face", "turn", "The militants’ rapid gains"}


def test_named_speakers_of_direct_quotes_stay(seeds_analysis):
    kept = {(q.speaker.text, q.content.text[:20]) for q in seeds_analysis.quotes if q.speaker and q.kind == "direct"}
    assert ("National Security Adviser Hamdullah Mohib", "There is war, there ") in kept
    assert ("Moscow’s envoy to Afghanistan Zamir Kabulov", "The situation is cha") in kept


def test_a_lower_threshold_brings_held_quotes_back_and_a_higher_one_holds_more(seeds_analysis):
    everything = seeds_analysis.above(0)
    assert everything.held == [] and len(everything.quotes) == len(seeds_analysis.quotes) + len(seeds_analysis.held)
    assert seeds_analysis.held and all(q.confidence < seeds_analysis.min_confidence for q in seeds_analysis.held)
    strict = seeds_analysis.above(0.95)
    assert len(strict.quotes) < len(seeds_analysis.quotes) and all(q.confidence >= 0.95 for q in strict.quotes)


def test_the_bundled_model_is_calibrated_monotonically():
    model = ConfidenceModel.load()
    ys = model.calibration_y
    assert ys == sorted(ys) and ys[0] >= 0.0 and ys[-1] <= 1.0
    assert 0.0 < model.threshold < 1.0


@pytest.mark.parametrize(("speaker", "kind"), [("Smith", "speaker=propn"), ("he", "speaker=pronoun"),
                                                ("face", "speaker_other_head")])
def test_features_name_the_kind_of_speaker(speaker, kind):
    text = f"{speaker} said the plan would fail ."
    words = text.split()
    tags = {"Smith": "PROPN", "he": "PRON", "face": "NOUN", "said": "VERB", "the": "DET", "plan": "NOUN",
            "would": "AUX", "fail": "VERB", ".": "PUNCT"}
    toks, pos = [], 0
    for i, w in enumerate(words):
        toks.append(Token(i, w, pos, pos + len(w), "say" if w == "said" else w, tags[w], 1 if i != 1 else -1,
                          "nsubj" if i == 0 else "dep", "O"))
        pos += len(w) + 1
    article = make_article("a", text)
    doc = Doc([Sentence(toks, 0)])
    q = Quote("a", "indirect", Span.of(text, toks[2].start, toks[5].end), cue=Span.of(text, toks[1].start, toks[1].end),
              speaker=Span.of(text, 0, toks[0].end), rule=["report.speech-verb"])
    f = features(q, article, doc)
    assert f[kind] == 1.0 and f["cue=say"] == 1.0 and f["speaker_is_subject"] == 1.0
