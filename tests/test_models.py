"""The bundled compact Stanza models load with no network and annotate real news."""

import socket
import sys
from concurrent.futures import ThreadPoolExecutor
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
import stanza
import torch
from stanza.models.common import chuliu_edmonds as stock
from stanza.models.common import data as stanza_data
from stanza.models.depparse import model as parse_model

from quotes import models
from quotes.annotate import StanzaAnnotator
from quotes.cue_model import CueModel
from quotes.detect import claim_before, quoted_spans
from quotes.ingest import read_file
from quotes.lexicon import CUE_VERBS
from quotes.models import _inference
from quotes.models._inference import one_root

AFP = Path(__file__).parent.parent / "corpus" / "001_b8fb2cd4f4ce1228.txt"
ARAB_NEWS = AFP.with_name("000_7ce02406a65dd357.txt")


@pytest.fixture(scope="module")
def afp_doc():
    (article,) = read_file(AFP)
    return article, StanzaAnnotator("compact").annotate([article])[0]


def test_compact_set_is_bundled_and_small():
    ms = models.compact()
    assert ms.installed
    size = sum(f.stat().st_size for f in ms.path.iterdir())
    assert size < 80 * 1024 * 1024


@pytest.mark.slow
def test_loading_and_annotating_never_touch_the_network(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("network access")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    (article,) = read_file(AFP)
    doc = StanzaAnnotator("compact").annotate([article])[0]
    assert doc.sentences


@pytest.mark.slow
def test_sentences_of_the_wire_copy(afp_doc):
    _, doc = afp_doc
    # 34 paragraphs, one sentence each except the three-sentence "There is war" quote
    assert len(doc.sentences) == 36


@pytest.mark.slow
def test_hamdullah_mohib_is_a_person(afp_doc):
    _, doc = afp_doc
    assert ("Hamdullah Mohib", "PER") in {(m.span.text, m.type) for m in doc.mentions}


@pytest.mark.slow
def test_mohib_is_the_subject_of_said(afp_doc):
    article, doc = afp_doc
    sent = next(s for s in doc.sentences if article.text[s.start:s.end].startswith("But Mohib said the soldiers"))
    said = next(t for t in sent.tokens if t.text == "said")
    subjects = [t.text for t in sent.tokens if t.head == said.index and t.deprel == "nsubj"]
    assert subjects == ["Mohib"]


@pytest.mark.slow
def test_only_sentences_with_a_cue_verb_outside_quotes_are_parsed():
    # "Doing less": the parse is read only around cue verbs of the writer's text,
    # verbs the cue model may accept and claim words before "that", so other
    # sentences stay flat (every head -1), quoted cues included.
    (article,) = read_file(ARAB_NEWS)
    doc = StanzaAnnotator("compact").annotate([article])[0]
    quoted = [(f.start, f.end) for q in quoted_spans(article) for f in q.fragments]
    lemmas = CUE_VERBS | CueModel.load().lemmas

    def cues(sent, inside):
        after = [t.text for t in sent.tokens[1:]] + [""]
        return [t for t, nxt in zip(sent.tokens, after, strict=True)
                if ((t.upos == "VERB" and t.lemma.lower() in lemmas) or t.text.lower() == "according"
                    or claim_before(t.lemma, t.upos, nxt))
                and any(s <= t.start < e for s, e in quoted) == inside]

    flat = [s for s in doc.sentences if all(t.head == -1 for t in s.tokens)]
    assert flat and len(flat) < len(doc.sentences)
    assert all(cues(s, inside=False) for s in doc.sentences if s not in flat)
    assert not any(cues(s, inside=False) for s in flat)
    assert any(cues(s, inside=True) for s in flat)


def test_the_compiled_decoder_picks_stanzas_trees():
    # arc scores shaped like a parser's log-probabilities, peaked so that the
    # best arcs often form cycles that the decoder must break
    rng = np.random.default_rng(7)
    cyclic = 0
    for _ in range(400):
        n = int(rng.integers(2, 50))
        scores = np.log(rng.dirichlet(np.full(n, 0.1), size=n)).clip(-1e4)
        best = scores.copy()
        stock.prepare_scores(best)
        cyclic += bool(stock.tarjan(best.argmax(axis=1)))
        assert np.array_equal(one_root(scores), stock.chuliu_edmonds_one_root(scores))
    assert cyclic > 100


FASTER = {f.__code__ for f in (_inference.one_root, _inference.predict, _inference._biaffine_forward,
                               _inference._char_forward, _inference._long_tensor, _inference._lemma_loader)}


def _calls(run):
    """The code of the Python functions that ``run()`` calls in this thread, and what it returns."""
    called = set()

    def profile(frame, event, arg):
        if event == "call":
            called.add(frame.f_code)

    sys.setprofile(profile)
    try:
        result = run()
    finally:
        sys.setprofile(None)
    return called, result


def _annotations(doc):
    return [(w.upos, w.xpos, w.feats, w.lemma, w.head, w.deprel, w.parent.ner) for s in doc.sentences for w in s.words]


@pytest.mark.slow
def test_only_our_pipelines_run_the_faster_inference():
    # ours runs every replacement; a user's own stanza.Pipeline in the same process runs
    # none of them but Stanza's own parser code, after ours has run and while one of ours
    # is processing in another thread; and both annotate alike: the compiled decoder picks
    # the same trees, the labels of the chosen heads are the labels, the folded tagger
    # classifiers pick the same tags, and character vectors computed once per word give
    # the same tags and entities
    (article,) = read_file(AFP)
    ours = models.compact().pipeline()
    ours_called, fast = _calls(lambda: _annotations(ours(article.text)))
    assert ours_called >= FASTER
    plain = stanza.Pipeline(**models.compact().pipeline_kwargs())
    assert not isinstance(plain, _inference.Pipeline)
    assert all(getattr(owner, attribute) is own for owner, attribute, own in _inference.replaced())
    stanzas_own = {parse_model.GraphParser.predict.__code__, parse_model.chuliu_edmonds_one_root.__code__}
    after, plain_after = _calls(lambda: _annotations(plain(article.text)))
    with ThreadPoolExecutor(1) as pool, _inference.active():  # as while one of ours processes here
        meanwhile, plain_meanwhile = pool.submit(_calls, lambda: _annotations(plain(article.text))).result()
    for called in (after, meanwhile):
        assert not called & FASTER and called >= stanzas_own
    assert len(fast) > 500 and any(feats for _, _, feats, *_ in fast)
    assert any(ner != "O" for *_, ner in fast)
    assert fast == plain_after == plain_meanwhile


@pytest.mark.slow
def test_batches_are_padded_as_stanza_pads_them():
    rng = np.random.default_rng(3)
    for _ in range(200):
        rows = [rng.integers(1, 90, int(rng.integers(0, 12))).tolist() for _ in range(int(rng.integers(1, 9)))]
        rows[int(rng.integers(len(rows)))].append(7)  # Stanza's own fails on all-empty rows
        size, pad = len(rows) + int(rng.integers(0, 3)), int(rng.integers(0, 3))
        assert torch.equal(_inference._long_tensor(rows, size, pad), stanza_data.get_long_tensor(rows, size, pad))
    features = [[[1, 2], [3, 4]], [[5, 6]]]  # deeper nesting goes to Stanza's own
    assert torch.equal(_inference._long_tensor(features, 2), stanza_data.get_long_tensor(features, 2))


@pytest.mark.slow
def test_a_pipeline_loads_only_the_processors_asked_for():
    # Stanza adds every processor that is given a model path
    pipe = models.compact().pipeline("tokenize,ner", tokenize_pretokenized=True)
    assert set(pipe.processors) == {"tokenize", "ner"}


def test_auto_prefers_official_only_when_installed(tmp_path, monkeypatch):
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    assert models.resolve("auto").name == "compact"
    (tmp_path / "resources.json").write_text("{}")
    (tmp_path / "en").mkdir()
    assert models.resolve("auto").name == "official"


def test_install_without_internet_is_a_one_line_error(tmp_path):
    with pytest.raises(models.ModelError) as info:
        models.install(tmp_path, resources_url="http://127.0.0.1:9")
    assert "\n" not in str(info.value) and "cannot download" in str(info.value)


def test_unknown_model_set_is_an_error():
    with pytest.raises(models.ModelError, match="unknown model set"):
        models.resolve("no-such-set")


@pytest.mark.slow
def test_int8_annotation_agrees_with_the_models_own_precision(afp_doc):
    article, full = afp_doc  # the default: the models' own precision
    int8 = StanzaAnnotator("compact", int8=True).annotate([article])[0]
    pairs = [(a, b) for s, t in zip(int8.sentences, full.sentences, strict=True)
             for a, b in zip(s.tokens, t.tokens, strict=True)]
    assert [(t.start, t.end) for t, _ in pairs] == [(t.start, t.end) for _, t in pairs]  # one tokenizer
    assert [(t.upos, t.xpos, t.lemma) for t, _ in pairs] == [(t.upos, t.xpos, t.lemma) for _, t in pairs]
    assert sum(a.head == b.head for a, b in pairs) / len(pairs) > 0.97
    assert {(m.span.start, m.span.end, m.type) for m in int8.mentions} == {
        (m.span.start, m.span.end, m.type) for m in full.mentions}


@pytest.mark.slow
def test_int8_runs_the_ner_model_and_parser_with_int8_weights_and_the_tagger_as_trained():
    def lstms(processor):
        return [type(m) for m in processor.trainer.model.modules() if type(m).__name__ == "LSTM"]

    annotator = StanzaAnnotator("compact", int8=True).load()
    for processor in (annotator.pipeline.processors["ner"], annotator._parser.processors["depparse"]):
        assert lstms(processor) and all("quantized" in t.__module__ for t in lstms(processor))
    assert lstms(annotator.pipeline.processors["pos"]) and \
        all(t is torch.nn.LSTM for t in lstms(annotator.pipeline.processors["pos"]))
    full = StanzaAnnotator("compact").load()  # the default
    assert all(t is torch.nn.LSTM for t in lstms(full._parser.processors["depparse"]))


def test_bundled_model_files_load_with_torchs_own_unpickler_and_others_as_asked(tmp_path, monkeypatch):
    # a pickle that the weights-only unpickler refuses (a Fraction is no type it allows)
    bundled, elsewhere = tmp_path / "bundled", tmp_path / "elsewhere"
    bundled.mkdir()
    elsewhere.mkdir()
    for folder in (bundled, elsewhere):
        torch.save({"scale": Fraction(1, 3)}, folder / "model.pt")
    monkeypatch.setattr(models, "_PACKAGE", str(bundled) + "/")
    with _inference.active():
        assert torch.load(str(bundled / "model.pt"), weights_only=True) == {"scale": Fraction(1, 3)}
        with pytest.raises(Exception, match="Weights only load failed"):
            torch.load(str(elsewhere / "model.pt"), weights_only=True)
    with pytest.raises(Exception, match="Weights only load failed"):  # outside our pipelines, as Stanza asks
        torch.load(str(bundled / "model.pt"), weights_only=True)
