"""The report tagger: what it adds to the rules on sample articles, and what it leaves alone."""

import json
from pathlib import Path

import pytest

import quotes
from quotes.export import write_jsonl
from quotes.span_model import NoTagger, SpanTagger
from quotes.store import Store

CORPUS = Path(__file__).parent.parent / "corpus"
ARTICLES = [CORPUS / "GUM_news_sensitive.txt", CORPUS / "GUM_news_asylum.txt"]


@pytest.fixture(scope="module")
def tagged():
    return quotes.analyze(ARTICLES, models="compact", min_confidence=0)


@pytest.fixture(scope="module")
def rules_only():
    return quotes.analyze(ARTICLES, models="compact", tagger=NoTagger(), min_confidence=0)


def said(analysis):
    return {q.content.text: q for q in analysis.quotes}


@pytest.mark.parametrize(("content", "speaker"), [
    # "told CBC News" and a clause with no "that": no rule reads past the addressee
    ("the department will look into the incident", "Environment Canada spokeswoman Sujata Raisinghani"),
    ("the governments of South East Asia not to turn away boats of people seeking asylum", "Rathke"),
])
def test_the_tagger_reads_reports_the_rules_miss(tagged, rules_only, content, speaker):
    assert content in said(tagged), sorted(said(tagged))
    assert said(tagged)[content].speaker.text == speaker
    assert said(tagged)[content].kind == "indirect"
    assert content not in said(rules_only)


def test_the_tagger_only_adds_to_what_the_rules_read(tagged, rules_only):
    with_tagger = {(q.content.start, q.content.end, q.speaker and q.speaker.text) for q in tagged.quotes}
    rules = {(q.content.start, q.content.end, q.speaker and q.speaker.text) for q in rules_only.quotes}
    assert rules <= with_tagger
    assert len(with_tagger) > len(rules)


def test_tagged_reports_point_into_the_original_text(tagged, rules_only):
    # "Rathke also asked the governments of South East Asia not to turn away boats of people seeking asylum.",
    # its offsets counted in GUM_news_asylum.txt; the tagger's cue takes the adverb ("also asked")
    rathke = said(tagged)["the governments of South East Asia not to turn away boats of people seeking asylum"]
    assert [(s.start, s.end) for s in (rathke.content, rathke.cue, rathke.speaker)] == [
        (2028, 2110), (2017, 2027), (2010, 2016)]
    # a tagged speaker is a name or noun phrase, without the comma or dash after it
    rules = {(q.content.start, q.content.end) for q in rules_only.quotes}
    for q in tagged.quotes:
        if (q.content.start, q.content.end) not in rules:
            assert q.speaker.text == q.speaker.text.strip(" ,.;:-—–\"“”"), q.speaker.text


def test_a_tagged_report_with_quoted_words_runs_through_their_closing_mark(tmp_path):
    (warming,) = [q for q in quotes.analyze(CORPUS / "GUM_news_warming.txt", models="compact").quotes
                  if "nobody has looked at these together" in q.content.text]
    assert warming.kind == "mixed" and warming.speaker.text == "Heald"
    assert warming.content.text.endswith('"nobody has looked at these together"')
    assert [f.text for f in warming.fragments] == ["nobody has looked at these together"]


def test_a_label_and_colon_report_nobody(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("Update: “This story was corrected.”\n", encoding="utf-8")
    assert not any(q.speaker and q.speaker.text == "Update" for q in quotes.analyze(path, models="compact").quotes)


def test_a_tagged_speaker_ends_before_a_link_word(tmp_path):
    # PolNeAR train: the tagger read "Clinton on" as the speaker of "Clinton on Monday ripped into Sanders"
    path = tmp_path / "race.txt"
    path.write_text("The potential inflection point has Clinton and Sanders agitated.\n\n"
                    'After spending the past week bickering over whether the other is "qualified" to be president, '
                    "Clinton on Monday ripped into Sanders for a range of policy positions.\n", encoding="utf-8")
    tagged = [q for q in quotes.analyze(path, models="compact", min_confidence=0).quotes if q.rule == ["tagger"]]
    assert tagged and {q.speaker.text for q in tagged} == {"Clinton"}


def test_a_store_keeps_runs_with_and_without_the_tagger_apart(tmp_path):
    db = tmp_path / "quotes.db"
    tagged = quotes.analyze(ARTICLES[:1], models="compact", db=db)
    rules = quotes.analyze(ARTICLES[:1], models="compact", db=db, tagger=NoTagger())
    assert rules.annotator == f"{tagged.annotator}+rules-only"
    assert {q.content.text for q in rules.quotes} < {q.content.text for q in tagged.quotes}


def test_each_quote_says_which_reader_found_it(tagged, rules_only, tmp_path):
    rules = {(q.content.start, q.content.end) for q in rules_only.quotes}
    for q in tagged.quotes:
        if (q.content.start, q.content.end) in rules:
            assert (q.reader, q.rule[0] != "tagger", q.tagger_score) == ("rules", True, None)
        else:
            assert (q.reader, q.rule) == ("tagger:spans.pt", ["tagger"])
            assert SpanTagger.threshold <= q.tagger_score <= 1
    # the JSONL contract and the store carry both
    out = tmp_path / "quotes.jsonl"
    write_jsonl(tagged.quotes, out)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["reader"], r["confidence"]) for r in rows] == [(q.reader, q.confidence) for q in tagged.quotes]
    stored = quotes.analyze(ARTICLES, models="compact", db=tmp_path / "q.db", min_confidence=0)
    with Store(tmp_path / "q.db") as store:
        again = store.load().quotes
    assert [(q.reader, q.confidence) for q in again] == [(q.reader, q.confidence) for q in stored.quotes]
    assert any(q.confidence is not None for q in again)


def test_the_network_reads_each_sentence_once_per_article(monkeypatch):
    # detection and the confidence model both ask the tagger about an article's
    # sentences; the second ask is answered from what the first computed
    from quotes.annotate import StanzaAnnotator
    from quotes.ingest import read_corpus
    from quotes.pipeline import extract_quotes

    article = next(read_corpus(ARTICLES[:1]))
    doc = StanzaAnnotator("compact").annotate([article])[0]
    tagger = SpanTagger()
    monkeypatch.setattr(SpanTagger, "load", classmethod(lambda cls, path=None: tagger))
    rows = []
    forward = tagger._net.forward
    monkeypatch.setattr(tagger._net, "forward", lambda *a: rows.append(len(a[0])) or forward(*a))
    found = extract_quotes(article, doc, tagger=tagger)
    assert found and all(q.confidence is not None for q in found)
    assert 0 < sum(rows) <= len(doc.sentences)
