"""Training the cue model: labels from a brat gold folder, the logistic fit,
and the command that writes a model the pipeline can load."""

import pytest

from quotes.cue_model import CueModel
from quotes.types import Sentence, Token
from training import train_cues


@pytest.fixture(scope="module")
def examples(small_gold_dir):
    gold = train_cues.read_gold(small_gold_dir)
    articles, docs = train_cues.annotate_split(small_gold_dir, gold)
    return train_cues.collect(gold, articles, docs)


@pytest.mark.slow
def test_collect_labels_what_each_verb_outside_the_lexicon_gives(examples):
    labels = dict(zip(examples.lemmas, examples.labels, strict=True))
    assert labels["blame"] == 1 and labels["attack"] == 1  # gold attributions, speakers right
    assert labels["hire"] == 0  # an attribution no annotator made
    assert "say" not in labels  # lexicon cues are the baseline, not examples
    assert examples.base_right["news_2016-01-01_a"] == 1 and examples.gold["news_2016-01-01_a"] == 2


def test_fit_weighs_the_features_that_tell_right_from_wrong():
    feats = [["bias", "subj=PERSON"]] * 30 + [["bias", "subj=NOUN"]] * 30
    labels = [1] * 25 + [0] * 5 + [0] * 28 + [1] * 2
    weights = train_cues.fit(feats, labels)
    assert weights["subj=PERSON"] > 0 > weights["subj=NOUN"]


@pytest.mark.slow
def test_main_writes_a_model_the_pipeline_loads(small_gold_dir, tmp_path, capsys):
    out = tmp_path / "cues.json"
    train_cues.main([str(small_gold_dir), "--out", str(out), "--hold-out", "1"])
    printed = capsys.readouterr().out
    assert "held-out all E2E F1" in printed
    model = CueModel.load(out)
    assert 0 < model.threshold < 1
    assert model.trained_on == f"{small_gold_dir.parent.name}/{small_gold_dir.name}: 1 articles"
    assert model.lemmas <= {"blame", "attack", "hire", "close", "win"}


def test_train_keeps_the_lemmas_whose_verbs_were_right_out_of_fold():
    feats, labels, docs, lemmas = [], [], [], []
    for n in range(100):  # 20 articles, each with a "blame" (mostly right) and a "hire" (mostly wrong)
        for lemma, right in (("blame", n % 5 != 0), ("hire", n % 10 == 0)):
            feats.append(["bias", f"lemma={lemma}"])
            labels.append(int(right))
            docs.append(f"doc{n % 20}")
            lemmas.append(lemma)
    ex = train_cues.Examples(feats, labels, docs, lemmas, base_right={f"doc{n}": 5 for n in range(20)},
                             base_pred={f"doc{n}": 8 for n in range(20)}, gold={f"doc{n}": 12 for n in range(20)})
    model = train_cues.train(ex)
    assert model.lemmas == {"blame"}
    assert model.score(*_verb("blamed", "blame")) >= model.threshold > model.score(*_verb("hired", "hire"))


def _verb(text, lemma):
    token = Token(0, text, 0, len(text), lemma, "VERB", -1, "root", "O")
    return Sentence([token], 0), token
