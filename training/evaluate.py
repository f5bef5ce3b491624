"""Score a model set: UD metrics from raw text, and NER entity F1.

UD scores run the whole pipeline on the raw text of a gold CoNLL-U file (so
POS and the parse see predicted tokens and tags) and score it with Stanza's
copy of the CoNLL 2018 shared-task evaluator (``ud_scores``). NER scores run the NER model on
gold tokens and compare entities (exact span and type) for PER, ORG and LOC.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from pathlib import Path

from quotes.models import ModelSet

NER_TYPES = ("PER", "ORG", "LOC")


def _raw_text(conllu: Path) -> str:
    """Rebuild running text from ``# text`` lines: paragraphs split by blank lines."""
    parts: list[str] = []
    for line in conllu.read_text(encoding="utf-8").splitlines():
        if line.startswith(("# newdoc", "# newpar")) and parts:
            parts.append("\n\n")
        elif line.startswith("# text = "):
            parts.append(line[len("# text = "):] + " ")
    return "".join(parts)


def ud_scores(model_dir: Path, gold: Path) -> dict[str, float]:
    """Sentence, token, UPOS, lemma, UAS and LAS F1 (percent) on ``gold``."""
    from stanza.models.common.utils import ud_scores as conll18_scores
    from stanza.utils.conll import CoNLL

    pipe = ModelSet("eval", model_dir).pipeline("tokenize,mwt,pos,lemma,depparse")
    doc = pipe(_raw_text(gold))
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.conllu"
        CoNLL.write_doc2conll(doc, str(pred))
        metrics = conll18_scores(str(gold), str(pred))
    names = {"Sentences": "sentence_f1", "Tokens": "token_f1", "UPOS": "upos", "Lemmas": "lemma",
             "UAS": "uas", "LAS": "las"}
    return {key: round(100 * metrics[m].f1, 2) for m, key in names.items()}


def _entities(tags: list[str]) -> set[tuple[int, int, str]]:
    """Entity spans from BIO or BIOES tags."""
    spans, start, kind = set(), None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        if start is not None and (prefix in ("O", "B", "S") or label != kind):
            spans.add((start, i, kind))
            start = None
        if prefix in ("B", "S") or (prefix in ("I", "E") and start is None):
            start, kind = i, label
    return {(s, e, k) for s, e, k in spans if k}


def ner_scores(model_dir: Path, gold_json: Path, name: str) -> dict[str, float]:
    """Micro P/R/F1 (percent) over PER, ORG and LOC entities, plus F1 per type."""
    sentences = json.loads(gold_json.read_text(encoding="utf-8"))
    pipe = ModelSet("eval", model_dir).pipeline("tokenize,ner", tokenize_pretokenized=True)
    doc = pipe([[tok["text"] for tok in sent] for sent in sentences])
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for gold_sent, pred_sent in zip(sentences, doc.sentences, strict=True):
        gold = {e for e in _entities([t["ner"] for t in gold_sent]) if e[2] in NER_TYPES}
        pred = {e for e in _entities([t.ner for t in pred_sent.tokens]) if e[2] in NER_TYPES}
        for e in gold:
            n_gold[e[2]] += 1
        for e in pred:
            n_pred[e[2]] += 1
        for e in gold & pred:
            tp[e[2]] += 1

    def f1(t: int, g: int, p: int) -> float:
        return 0.0 if not t else 200 * t / (g + p)

    scores = {
        f"ner_{name}_p": round(100 * sum(tp.values()) / max(1, sum(n_pred.values())), 2),
        f"ner_{name}_r": round(100 * sum(tp.values()) / max(1, sum(n_gold.values())), 2),
        f"ner_{name}_f1": round(f1(sum(tp.values()), sum(n_gold.values()), sum(n_pred.values())), 2),
    }
    for k in NER_TYPES:
        scores[f"ner_{name}_f1_{k}"] = round(f1(tp[k], n_gold[k], n_pred[k]), 2)
    return scores
