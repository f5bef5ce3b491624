"""Training the report tagger: labels from a brat gold folder, and the command
that writes a model the pipeline can load."""

import pytest

from quotes.evaluate import GoldAttribution, read_gold
from quotes.span_model import SpanTagger
from training import train_cues, train_spans


@pytest.fixture(scope="module")
def annotated(small_gold_dir):
    gold = sorted(read_gold(small_gold_dir), key=lambda g: g.doc)
    return gold, *train_cues.annotate_split(small_gold_dir, gold)


@pytest.mark.slow
def test_sequences_label_each_word_by_its_part_of_the_report(annotated):
    xs, ys = train_spans.sequences(*annotated)
    labelled = {" ".join(t.text.lower() for t in sent.tokens): y for (sent, _), y in zip(xs, ys, strict=True)}
    assert labelled["ryan blamed clinton for the loss ."] == \
        ["B-SRC", "B-CUE", "B-CON", "I-CON", "I-CON", "I-CON", "O"]
    assert set(labelled["the company hired 30 workers ."]) == {"O"}


def test_a_report_inside_reported_words_is_left_to_the_outer_one():
    outer = GoldAttribution("d", [(10, 60)], "", cue=[(5, 9)], source=[(0, 4)])
    inner = GoldAttribution("d", [(30, 50)], "", cue=[(25, 29)], source=[(20, 24)])
    twin = GoldAttribution("d", [(10, 60)], "", cue=[(62, 66)], source=[(67, 70)])
    assert train_spans.outermost([outer, inner, twin]) == [outer, twin]


@pytest.mark.slow
def test_main_writes_a_model_the_tagger_loads(small_gold_dir, tmp_path, capsys, annotated):
    out = tmp_path / "spans.pt"
    train_spans.main([str(small_gold_dir), "--out", str(out), "--hold-out", "1", "--epochs", "60"])
    assert "held-out all E2E F1" in capsys.readouterr().out
    _, _, docs = annotated
    # trained on the first article only, it reads the reports it was shown
    sentence = docs[0].sentences[0]
    ((report,),) = SpanTagger(out).read([sentence], [])
    assert [" ".join(t.text for t in sentence.tokens[a:b + 1]) for a, b in (report.source, report.cue,
                                                                             report.content)] == \
        ["Ryan", "blamed", "Clinton for the loss"]


def test_extra_text_is_read_as_words_of_sentences(tmp_path):
    conllu = tmp_path / "extra.conllu"
    conllu.write_text(
        "# text = I don't know.\n"
        "1\tI\tI\tPRON\t_\t_\t3\tnsubj\t_\t_\n"
        "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "2\tdo\tdo\tAUX\t_\t_\t4\taux\t_\t_\n"
        "3\tn't\tnot\tPART\t_\t_\t4\tadvmod\t_\t_\n"
        "4\tknow\tknow\tVERB\t_\t_\t0\troot\t_\t_\n"
        "5\t.\t.\tPUNCT\t_\t_\t4\tpunct\t_\t_\n\n"
        "1\tSenators\tsenator\tNOUN\t_\t_\t2\tnsubj\t_\t_\n"
        "2\tAgreed\tagree\tVERB\t_\t_\t0\troot\t_\t_\n\n", encoding="utf-8")
    assert train_spans.conllu_sentences(conllu) == [["i", "do", "n't", "know", "."], ["senators", "agreed"]]
