"""Train the learned cue model (:mod:`quotes.cue_model`) on PolNeAR train.

Usage::

    python -m training.train_cues ../shared/data/polnear/train   # writes quotes/models/cues.json
    python -m training.train_cues GOLD_DIR --hold-out 100 --out /tmp/cues.json

Every verb outside the cue lexicon is made a cue (:class:`EveryVerb`), the
whole pipeline runs, and each attribution such a verb yields is labelled
right when :func:`quotes.evaluate.evaluate` matches it to a gold attribution
with the right speaker. An L2-regularised logistic regression learns the
labels from :func:`quotes.cue_model.features`; the threshold is the one that
maximises end-to-end F1 of all attributions (the lexicon's own attributions
included) over cross-validation folds of whole articles. ``--hold-out N``
keeps the last N articles (sorted by name) out of training and prints the
F1 on them before and after.

Annotation uses the bundled compact models with every sentence parsed, about
a minute per 150 articles on two cores; fitting takes seconds.
"""

from __future__ import annotations

import argparse
import collections
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from quotes.cue_model import DEFAULT_PATH, CueModel, EveryVerb, candidate, features, probability
from quotes.evaluate import GoldArticle, evaluate, read_gold
from quotes.types import Article, Doc, Quote, Sentence, Token


@dataclass
class Examples:
    """Candidate attributions with their features and labels, per article,
    and the counts the lexicon's own attributions give."""

    feats: list[list[str]]
    labels: list[int]
    docs: list[str]
    lemmas: list[str]
    base_right: dict[str, int]  # per article: lexicon attributions matched with the right speaker
    base_pred: dict[str, int]
    gold: dict[str, int]


def collect(gold: Sequence[GoldArticle], articles: Sequence[Article], docs: Sequence[Doc]) -> Examples:
    """Run the pipeline with every verb as a cue and label what the new cues give."""
    from quotes.pipeline import extract_quotes

    preds: dict[str, list[Quote]] = {}
    for article, doc in zip(articles, docs, strict=True):
        preds[article.id] = extract_quotes(article, doc, cues=EveryVerb())
    ex = Examples([], [], [], [], collections.Counter(), collections.Counter(),
                  {g.doc: len(g.attributions) for g in gold})
    by_doc = dict(zip((a.id for a in articles), docs, strict=True))
    for doc_id, pairs in evaluate(list(gold), preds).pairs.items():
        at: dict[int, tuple[Sentence, Token]] = {t.start: (s, t) for s in by_doc[doc_id].sentences for t in s.tokens}
        for p in pairs:
            if p.pred is None:
                continue
            right = int(p.gold is not None and p.speaker_right)
            found = at.get(p.pred.cue.start) if p.pred.cue is not None else None
            if found is not None and candidate(found[1]):
                ex.feats.append(features(*found))
                ex.labels.append(right)
                ex.docs.append(doc_id)
                ex.lemmas.append(found[1].lemma.lower())
            else:
                ex.base_pred[doc_id] += 1
                ex.base_right[doc_id] += right
    return ex


def _design(feats: list[list[str]], vocab: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """Sparse rows as (column indices, row of each index)."""
    cols = [[vocab[f] for f in fs if f in vocab] for fs in feats]
    return np.fromiter((c for r in cols for c in r), int), np.repeat(np.arange(len(cols)), [len(r) for r in cols])


def fit(feats: list[list[str]], labels: list[int], l2: float = 1.0, min_count: int = 2,
        steps: int = 400) -> dict[str, float]:
    """L2-regularised logistic regression by full-batch gradient descent."""
    counts = collections.Counter(f for fs in feats for f in fs)
    vocab = {f: i for i, f in enumerate(f for f, c in counts.items() if c >= min_count)}
    cols, rows = _design(feats, vocab)
    y = np.asarray(labels, float)
    w = np.zeros(len(vocab))
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.bincount(rows, w[cols], len(y))))
        grad = np.bincount(cols, (p - y)[rows], len(w)) / len(y) + l2 * w / len(y)
        w -= 5.0 * grad
    return {f: round(float(w[i]), 4) for f, i in vocab.items() if abs(w[i]) >= 1e-4}


def _scores(weights: dict[str, float], feats: list[list[str]]) -> np.ndarray:
    return np.array([probability(weights, fs) for fs in feats])


def f1_at(ex: Examples, scores: np.ndarray, threshold: float, docs: set[str]) -> float:
    """End-to-end F1 of all attributions over ``docs`` when candidates scoring
    at least ``threshold`` are kept."""
    keep = [(s >= threshold, y) for s, y, d in zip(scores, ex.labels, ex.docs, strict=True) if d in docs]
    right = sum(ex.base_right[d] for d in docs) + sum(y for k, y in keep if k)
    pred = sum(ex.base_pred[d] for d in docs) + sum(1 for k, _ in keep if k)
    gold = sum(ex.gold[d] for d in docs)
    return 2 * right / (pred + gold) if pred + gold else 0.0


_THRESHOLDS = np.round(np.arange(0.20, 0.71, 0.02), 2)


def train(ex: Examples, l2: float = 1.0, folds: int = 5, seed: int = 0, trained_on: str = "") -> CueModel:
    """Fit on all examples. Cross-validation over articles chooses the threshold
    and the lemmas: a lemma is kept when its verbs accepted out of fold gained
    F1 (a right one adds about 2 - F1, a wrong one costs F1), so that
    sentences are parsed only for verbs that pay for it."""
    docs = sorted(ex.gold)
    random.Random(seed).shuffle(docs)
    out_of_fold = np.zeros(len(ex.labels))
    for k in range(folds):
        test = set(docs[k::folds])
        train_idx = [i for i, d in enumerate(ex.docs) if d not in test]
        test_idx = [i for i, d in enumerate(ex.docs) if d in test]
        weights = fit([ex.feats[i] for i in train_idx], [ex.labels[i] for i in train_idx], l2)
        out_of_fold[test_idx] = _scores(weights, [ex.feats[i] for i in test_idx])
    every = set(docs)
    f1s = [f1_at(ex, out_of_fold, t, every) for t in _THRESHOLDS]
    threshold = float(_THRESHOLDS[int(np.argmax(f1s))])
    gain: collections.Counter[str] = collections.Counter()
    for lemma, score, label in zip(ex.lemmas, out_of_fold, ex.labels, strict=True):
        if score >= threshold:
            gain[lemma] += 2 * label - max(f1s)
    weights = fit(ex.feats, ex.labels, l2)
    return CueModel(weights, threshold, frozenset(lem for lem, g in gain.items() if g > 0), trained_on)


def annotate_split(gold_dir: Path, gold: list[GoldArticle]) -> tuple[list[Article], list[Doc]]:
    """Read and annotate the articles of a gold folder, every sentence parsed."""
    from quotes.annotate import StanzaAnnotator
    from quotes.ingest import read_file

    articles = [a for g in gold for a in read_file(gold_dir / "text" / f"{g.doc}.txt")]
    annotator = StanzaAnnotator("compact", parse="all").load()
    docs: list[Doc] = []
    for i in range(0, len(articles), 20):
        docs += annotator.annotate(articles[i:i + 20])
        print(f"annotated {len(docs)}/{len(articles)}", flush=True)
    return articles, docs


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--out", type=Path, default=DEFAULT_PATH)
    ap.add_argument("--hold-out", type=int, default=0, metavar="N")
    ap.add_argument("--l2", type=float, default=1.0)
    args = ap.parse_args(argv)
    gold = sorted(read_gold(args.gold_dir), key=lambda g: g.doc)
    articles, docs = annotate_split(args.gold_dir, gold)
    ex = collect(gold, articles, docs)
    held = {g.doc for g in gold[len(gold) - args.hold_out:]} if args.hold_out else set()
    seen = [i for i, d in enumerate(ex.docs) if d not in held]
    fitted = Examples([ex.feats[i] for i in seen], [ex.labels[i] for i in seen], [ex.docs[i] for i in seen],
                      [ex.lemmas[i] for i in seen], ex.base_right, ex.base_pred,
                      {d: n for d, n in ex.gold.items() if d not in held})
    name = f"{args.gold_dir.resolve().parent.name}/{args.gold_dir.name}"
    model = train(fitted, args.l2, trained_on=f"{name}: {len(gold) - len(held)} articles")
    if held:
        scores = _scores(model.weights, ex.feats)
        lexicon_only = f1_at(ex, scores, math.inf, held)
        print(f"held-out all E2E F1 (estimated from the every-verb run): lexicon {lexicon_only:.4f}"
              f" -> with the model {f1_at(ex, scores, model.threshold, held):.4f}")
    model.save(args.out)
    print(f"threshold {model.threshold}, {len(model.weights)} weights, {len(model.lemmas)} lemmas -> {args.out}")


if __name__ == "__main__":
    main()
