"""Train the report tagger (:mod:`quotes.span_model`) on PolNeAR train.

Usage::

    python -m quotes.models.train_spans ../shared/data/polnear/train   # writes quotes/models/spans.crfsuite
    python -m quotes.models.train_spans GOLD_DIR --hold-out 420 --out /tmp/spans.crfsuite

Every sentence of every article becomes one training sequence, its words
labelled by :func:`quotes.span_model.labels` from the outermost gold
attributions (those inside no other attribution's content). CRFsuite fits
the model by L-BFGS with elastic-net regularisation (``c1`` 0.3, ``c2``
0.01, 100 iterations: the best of the settings tried on one half of train
scored on the other). Articles that several annotators marked stay out of
training, so that ``benchmarks/agreement.py`` compares the tagger with the
annotators on articles it has not seen (16 of PolNeAR train's 840).
``--hold-out N`` also keeps the last N articles (sorted by name) out and
prints all-attribution end-to-end F1 on them with the rules alone and with
the tagger.

Annotation uses the bundled compact models (the tagger reads no parse), about
ten minutes for PolNeAR train's 840 articles on two cores; fitting about two.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from quotes.detect import fragment_spans, quoted_spans
from quotes.evaluate import GoldArticle, GoldAttribution, agreement, evaluate, read_gold
from quotes.models.train_cues import annotate_split
from quotes.span_model import DEFAULT_PATH, NoTagger, ReportTagger, SpanTagger, features, labels
from quotes.types import Article, Doc


def outermost(attributions: Sequence[GoldAttribution]) -> list[GoldAttribution]:
    """The attributions whose content lies inside no other attribution's content."""
    def bounds(a: GoldAttribution) -> tuple[int, int]:
        return a.content[0][0], a.content[-1][1]

    return [a for a in attributions
            if not any(bounds(b) != bounds(a) and bounds(b)[0] <= bounds(a)[0] and bounds(a)[1] <= bounds(b)[1]
                       for b in attributions)]


def sequences(gold: Sequence[GoldArticle], articles: Sequence[Article],
              docs: Sequence[Doc]) -> tuple[list[list[list[str]]], list[list[str]]]:
    """Features and labels of every sentence."""
    by_doc = {g.doc: g for g in gold}
    xs, ys = [], []
    for article, doc in zip(articles, docs, strict=True):
        kept = outermost(by_doc[article.id].attributions)
        cues = [s for a in kept for s in a.cue]
        sources = [s for a in kept for s in a.source]
        contents = [s for a in kept for s in a.content]
        spans = fragment_spans(quoted_spans(article))
        for sent in doc.sentences:
            xs.append(features(sent, spans))
            ys.append(labels(sent, cues, sources, contents))
    return xs, ys


def train(xs: list[list[list[str]]], ys: list[list[str]], path: str | Path = DEFAULT_PATH,
          c1: float = 0.3, c2: float = 0.01, iterations: int = 100) -> None:
    """Fit a CRF on the sequences and write it to ``path``."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(xs, ys, strict=True):
        trainer.append(x, y)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True})
    trainer.train(str(path))


def e2e_f1(gold: Sequence[GoldArticle], articles: Sequence[Article], docs: Sequence[Doc],
           tagger: ReportTagger) -> float:
    """All-attribution end-to-end F1 of the pipeline with this tagger."""
    from quotes.pipeline import extract_quotes

    preds = {a.id: extract_quotes(a, d, tagger=tagger) for a, d in zip(articles, docs, strict=True)}
    return evaluate(list(gold), preds).scores()["all"]["e2e_f1"]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--out", type=Path, default=DEFAULT_PATH)
    ap.add_argument("--hold-out", type=int, default=0, metavar="N")
    args = ap.parse_args(argv)
    gold = sorted(read_gold(args.gold_dir), key=lambda g: g.doc)
    articles, docs = annotate_split(args.gold_dir, gold)
    cut = len(gold) - args.hold_out
    shared = {a.doc for a in agreement(args.gold_dir)[0]}
    kept = [i for i in range(cut) if gold[i].doc not in shared]
    train(*sequences([gold[i] for i in kept], [articles[i] for i in kept], [docs[i] for i in kept]), args.out)
    if args.hold_out:
        held = gold[cut:], articles[cut:], docs[cut:]
        print(f"held-out all E2E F1: rules {e2e_f1(*held, NoTagger()):.4f}"
              f" -> with the tagger {e2e_f1(*held, SpanTagger(args.out)):.4f}")
    print(f"trained on {len(kept)} articles -> {args.out}")


if __name__ == "__main__":
    main()
