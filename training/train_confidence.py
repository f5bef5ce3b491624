"""Train the quote confidence model (quotes/models/confidence.json) on PolNeAR train.

Usage:
    python training/train_confidence.py ../shared/data/polnear/train [--db .golden/annotations.db]

Each quote the pipeline finds in a train article is labelled right when it
matches a gold attribution with the right speaker (the end-to-end measure of
``quotes.evaluate``). A logistic regression over ``quotes.confidence.features``
is fitted in five folds grouped by article; its out-of-fold probabilities fit
an isotonic calibration, and the final weights are fitted on all articles.
The default threshold is the lowest at which the out-of-fold end-to-end
precision reaches ``--precision`` (0.90): train folds are optimistic, since
the rules were tuned and the report tagger (whose word probabilities are
features) trained on these articles, and 0.90 there gives about 0.85 on
PolNeAR dev. Annotations are read from (and added to) the store ``--db``,
so a second run needs no Stanza.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from quotes.annotate import StanzaAnnotator
from quotes.confidence import DEFAULT_PATH, ConfidenceModel, features, speaker_head, word_roles
from quotes.evaluate import GoldArticle, match, read_gold
from quotes.ingest import make_article
from quotes.pipeline import extract_quotes
from quotes.store import Store
from quotes.types import Article, Doc

FOLDS = 5
HEADS = Path(__file__).resolve().parent.parent / "quotes" / "models" / "source_heads.txt"  # quotes.lexicon.SOURCE_HEADS
NEUTRAL = ConfidenceModel({}, [0.0, 1.0], [0.0, 1.0], 0.0)  # scores nothing: the model is what is trained


def annotated(gold: list[GoldArticle], db: Path) -> list[tuple[GoldArticle, Article, Doc]]:
    """Each gold article with its Article and cached (or fresh) annotation."""
    annotator = StanzaAnnotator("compact")
    out = []
    with Store(db) as store:
        for g in gold:
            article = make_article(g.doc, g.text)
            doc = store.cached(article.text, annotator.name)
            if doc is None:
                doc = annotator.annotate([article])[0]
                store.save(article, doc, [], annotator.name)
            out.append((g, article, doc))
    return out


def source_heads(data: list[tuple[GoldArticle, Article, Doc]], min_count: int = 3) -> frozenset[str]:
    """Lemmas that head gold Source spans at least ``min_count`` times: the nouns news uses for sources."""
    counts: Counter[str] = Counter()
    for g, _, doc in data:
        for a in g.attributions:
            for s, e in a.source[:1]:
                head = speaker_head([t for _, t in doc.tokens_between(s, e)])
                if head is not None and head.upos == "NOUN":
                    counts[head.lemma.lower()] += 1
    return frozenset(w for w, n in counts.items() if n >= min_count)


WORDNET = Path("/usr/share/wordnet")  # Debian's wordnet-base (WordNet 3.0)
# WordNet's lexicographer files of nouns that name a source: cognition (a study, a poll),
# communication (a statement, a memoir), group, location (the city, the state), person
SOURCE_LEXNAMES = {9, 10, 14, 15, 18}


def wordnet_sources(folder: Path = WORDNET) -> frozenset[str]:
    """Single-word nouns whose first or second WordNet sense is a person, group, place,
    message or piece of knowledge: the general knowledge of which nouns can speak."""
    lexname = {}
    for line in (folder / "data.noun").open(encoding="latin-1"):
        if not line.startswith(" "):
            offset, lex, *_ = line.split(maxsplit=2)
            lexname[offset] = int(lex)
    out = set()
    for line in (folder / "index.noun").open(encoding="latin-1"):
        if line.startswith(" "):
            continue
        fields = line.split()
        lemma, pointers = fields[0], int(fields[3])
        senses = fields[6 + pointers:]
        if lemma.isalpha() and any(lexname[o] in SOURCE_LEXNAMES for o in senses[:2]):
            out.add(lemma)
    return frozenset(out)


def examples(data: list[tuple[GoldArticle, Article, Doc]]) -> tuple[list[dict[str, float]], list[int], list[str], int]:
    """Features, labels (1: right end to end) and article of every predicted quote, and the gold count."""
    xs, ys, groups = [], [], []
    gold_total = 0
    for g, article, doc in data:
        quotes = extract_quotes(article, doc, confidence=NEUTRAL)
        gold_total += len(g.attributions)
        right = {id(p.pred) for p in match(g.attributions, quotes) if p.pred is not None and p.gold is not None
                 and p.speaker_right}
        roles = word_roles(quotes, article, doc)
        for q in quotes:
            xs.append(features(q, article, doc, roles))
            ys.append(int(id(q) in right))
            groups.append(g.doc)
    return xs, ys, groups, gold_total


def fit(xs: list[dict[str, float]], ys: list[int], c: float) -> tuple[DictVectorizer, LogisticRegression]:
    vec = DictVectorizer()
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(vec.fit_transform(xs), ys)
    return vec, model


def threshold_for(probs: np.ndarray, ys: np.ndarray, gold: int, precision: float) -> tuple[float, dict[str, float]]:
    """The lowest threshold whose kept quotes reach ``precision``, with P/R/F1 there."""
    best = None
    for t in np.round(np.arange(0.0, 1.0, 0.01), 2):
        kept = probs >= t
        n, tp = int(kept.sum()), int(ys[kept].sum())
        p, r = (tp / n if n else 0.0), tp / gold
        if p >= precision:
            best = (float(t), {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "kept": n})
            break
    if best is None:
        raise SystemExit(f"no threshold reaches precision {precision}")
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--db", type=Path, default=Path(".golden/annotations.db"))
    parser.add_argument("--out", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--precision", type=float, default=0.90)
    parser.add_argument("--C", type=float, default=1.0, dest="c")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--wordnet", type=Path, default=WORDNET, help="WordNet 3.0 dict folder (data.noun, index.noun)")
    args = parser.parse_args(argv)
    gold = read_gold(args.gold)[:args.limit]
    data = annotated(gold, args.db)
    heads = source_heads(data)
    if not (args.wordnet / "index.noun").exists():
        raise SystemExit(f"{args.wordnet}: no WordNet (apt-get install wordnet-base)")
    HEADS.write_text("# Nouns that can head a source: those heading PolNeAR train's Source spans at least 3 times,\n"
                     "# and single-word WordNet 3.0 nouns whose first or second sense is a person, group, place,\n"
                     "# message or piece of knowledge (WordNet 3.0, Princeton University: its licence allows\n"
                     "# use and redistribution with its copyright notice, wordnet.princeton.edu)\n"
                     "# (written by training/train_confidence.py)\n"
                     + "\n".join(sorted(heads | wordnet_sources(args.wordnet))) + "\n", encoding="utf-8")
    xs, ys, groups, gold_total = examples(data)
    y = np.array(ys)
    oof = np.zeros(len(ys))
    for train, test in GroupKFold(FOLDS).split(xs, ys, groups):
        vec, model = fit([xs[i] for i in train], y[train].tolist(), args.c)
        oof[test] = model.predict_proba(vec.transform([xs[i] for i in test]))[:, 1]
    iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(oof, y)
    calibrated = iso.predict(oof)
    threshold, at = threshold_for(calibrated, y, gold_total, args.precision)
    vec, model = fit(xs, ys, args.c)
    weights = dict(zip(vec.get_feature_names_out().tolist(), model.coef_[0].tolist(), strict=True))
    weights["bias"] = weights.get("bias", 0.0) + float(model.intercept_[0])
    ConfidenceModel(weights, iso.X_thresholds_.tolist(), iso.y_thresholds_.tolist(), threshold).save(args.out)
    ece = expected_calibration_error(calibrated, y)
    print(f"{len(gold)} articles, {len(ys)} quotes, {int(y.sum())} right ({y.mean():.3f}); {len(heads)} source heads")
    print(f"out of fold: ECE {ece:.3f}; threshold {threshold:.2f} keeps {at['kept']} quotes: "
          f"P {at['p']:.3f} R {at['r']:.3f} F1 {at['f1']:.3f} (all quotes: P {y.mean():.3f} "
          f"R {y.sum() / gold_total:.3f})")
    print(f"written {args.out}")
    return 0


def expected_calibration_error(probs: np.ndarray, ys: np.ndarray, bins: int = 10) -> float:
    """Mean |predicted - observed| over equal-width confidence bins, weighted by their counts."""
    edges = np.linspace(0.0, 1.0, bins + 1)
    index = np.clip(np.digitize(probs, edges[1:-1]), 0, bins - 1)
    return float(sum(abs(probs[index == b].mean() - ys[index == b].mean()) * (index == b).sum()
                     for b in range(bins) if (index == b).any()) / len(ys))


if __name__ == "__main__":
    sys.exit(main())
