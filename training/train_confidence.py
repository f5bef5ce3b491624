"""Train the quote confidence model (quotes/models/confidence.json) on PolNeAR train.

Usage:
    python training/train_confidence.py ../shared/data/polnear/train [--db .golden/annotations.db]

Each quote the pipeline finds in a train article is labelled right when it
matches a gold attribution with the right speaker (the end-to-end measure of
``quotes.evaluate``). A logistic regression over ``quotes.confidence.features``
is fitted in five folds grouped by article; its out-of-fold probabilities fit
an isotonic calibration, and the final weights are fitted on all articles.
The report tagger finds quotes and its word probabilities are features, so
the bundled tagger, trained on these very articles, would read them far
better than it reads new news, and the model would learn to trust it too
much. Each article is therefore read by a tagger trained on the other half
of the articles (``--tagger-folds``, 2; written beside ``--db`` and reused),
as the bundled tagger reads an article it has never seen.

The default threshold is the lowest at which the out-of-fold end-to-end
precision reaches ``--precision``. Annotations are read from (and added to)
the store ``--db``, so a second run needs no Stanza.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable
from functools import cache
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold

from quotes.annotate import StanzaAnnotator
from quotes.confidence import DEFAULT_PATH, ConfidenceModel, features, speaker_head, word_roles
from quotes.evaluate import Calibration, GoldArticle, match, read_gold
from quotes.ingest import make_article
from quotes.pipeline import extract_quotes
from quotes.span_model import SpanTagger
from quotes.store import Store
from quotes.types import Article, Doc
from training import train_spans

FOLDS = 5
HEADS_FILE = "source_heads.txt"  # written beside --out; quotes.lexicon.SOURCE_HEADS reads the package's copy
NEUTRAL = ConfidenceModel({}, [0.0, 1.0], [0.0, 1.0], 0.0)  # scores nothing: the model is what is trained


def annotated(gold: list[GoldArticle], db: Path) -> list[tuple[GoldArticle, Article, Doc]]:
    """Each gold article with its Article and cached (or fresh) annotation."""
    annotator = StanzaAnnotator("compact")
    out = []
    with Store(db) as store:
        for g in gold:
            article = make_article(g.doc, g.text)
            doc = store.annotation(article, annotator)
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


Data = list[tuple[GoldArticle, Article, Doc]]


def fold_taggers(data: Data, folds: int, folder: Path, extra: Callable[[], list[list[str]]]) -> dict[str, SpanTagger]:
    """For each article, a report tagger trained on the folds it is not in
    (``folder/spans-fold<k>-of-<folds>-<articles>.pt``, trained when missing;
    ``extra()``: unlabelled sentences for its word vectors)."""
    out = {}
    for k in range(folds):
        path = folder / f"spans-fold{k}-of-{folds}-{len(data)}.pt"
        inside = [d for i, d in enumerate(data) if i % folds == k]
        if not path.exists():
            others = [d for i, d in enumerate(data) if i % folds != k]
            print(f"training the report tagger without fold {k} ({len(others)} articles) -> {path}", flush=True)
            train_spans.train(*train_spans.sequences(*zip(*others, strict=True)), path, extra())
        tagger = SpanTagger(path)
        out.update((g.doc, tagger) for g, _, _ in inside)
    return out


def examples(data: Data, taggers: dict[str, SpanTagger] | None = None
             ) -> tuple[list[dict[str, float]], list[int], list[str], int]:
    """Features, labels (1: right end to end) and article of every predicted quote,
    and the gold count; ``taggers``: the report tagger of each article (default the bundled one)."""
    xs, ys, groups = [], [], []
    gold_total = 0
    for g, article, doc in data:
        tagger = (taggers or {}).get(g.doc)
        quotes = extract_quotes(article, doc, tagger=tagger, confidence=NEUTRAL)
        gold_total += len(g.attributions)
        right = {id(p.pred) for p in match(g.attributions, quotes) if p.pred is not None and p.gold is not None
                 and p.speaker_right}
        roles = word_roles(quotes, article, doc, tagger)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--db", type=Path, default=Path(".golden/annotations.db"))
    parser.add_argument("--out", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--precision", type=float, default=0.86)
    parser.add_argument("--C", type=float, default=1.0, dest="c")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--wordnet", type=Path, default=WORDNET, help="WordNet 3.0 dict folder (data.noun, index.noun)")
    parser.add_argument("--tagger-folds", type=int, default=2,
                        help="read each article with a report tagger trained on the other folds (0: the bundled one)")
    parser.add_argument("--extra-text", type=Path, action="append", metavar="CONLLU",
                        help="unlabelled sentences for the fold taggers' word vectors, as the bundled tagger's "
                             "(default: UD English EWT train beside the PolNeAR folder)")
    args = parser.parse_args(argv)
    gold = read_gold(args.gold)[:args.limit]
    data = annotated(gold, args.db)
    heads = source_heads(data)
    if not (args.wordnet / "index.noun").exists():
        raise SystemExit(f"{args.wordnet}: no WordNet (apt-get install wordnet-base)")
    header = ("# Nouns that can head a source: those heading PolNeAR train's Source spans at least 3 times,\n"
              "# and single-word WordNet 3.0 nouns whose first or second sense is a person, group, place,\n"
              "# message or piece of knowledge (WordNet 3.0, Princeton University: its licence allows\n"
              "# use and redistribution with its copyright notice, wordnet.princeton.edu)\n"
              "# (written by training/train_confidence.py)\n")
    nouns = sorted(heads | wordnet_sources(args.wordnet))
    args.out.with_name(HEADS_FILE).write_text(header + "\n".join(nouns) + "\n", encoding="utf-8")
    taggers = None
    if args.tagger_folds:
        extra_files = args.extra_text or [args.gold.parent.parent / "ud" / "en_ewt-ud-train.conllu"]
        extra = cache(lambda: [s for path in extra_files for s in train_spans.conllu_sentences(path)])
        taggers = fold_taggers(data, args.tagger_folds, args.db.parent, extra)
    xs, ys, groups, gold_total = examples(data, taggers)
    y = np.array(ys)
    oof = np.zeros(len(ys))
    for train, test in GroupKFold(FOLDS).split(xs, ys, groups):
        vec, model = fit([xs[i] for i in train], y[train].tolist(), args.c)
        oof[test] = model.predict_proba(vec.transform([xs[i] for i in test]))[:, 1]
    iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(oof, y)
    right = [bool(v) for v in ys]
    calibration = Calibration(iso.predict(oof).tolist(), right, gold_total)
    threshold = next((t / 100 for t in range(100) if calibration.at(t / 100)["p"] >= args.precision), None)
    if threshold is None:
        raise SystemExit(f"no threshold reaches precision {args.precision}")
    at = calibration.at(threshold)
    # the calibration's own error, each fold mapped by an isotonic fit on the others
    held_out = np.zeros(len(ys))
    for train, test in GroupKFold(FOLDS).split(xs, ys, groups):
        fold_iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(oof[train], y[train])
        held_out[test] = fold_iso.predict(oof[test])
    ece = Calibration(held_out.tolist(), right, gold_total).ece()
    vec, model = fit(xs, ys, args.c)
    weights = dict(zip(vec.get_feature_names_out().tolist(), model.coef_[0].tolist(), strict=True))
    weights["bias"] = weights.get("bias", 0.0) + float(model.intercept_[0])
    ConfidenceModel(weights, iso.X_thresholds_.tolist(), iso.y_thresholds_.tolist(), threshold).save(args.out)
    print(f"{len(gold)} articles, {len(ys)} quotes, {int(y.sum())} right ({y.mean():.3f}); {len(heads)} source heads")
    print(f"out of fold: AUC {roc_auc_score(y, oof):.3f}, ECE {ece:.3f}; threshold {threshold:.2f} "
          f"keeps {at['kept']} quotes: "
          f"P {at['p']:.3f} R {at['r']:.3f} F1 {at['f1']:.3f} (all quotes: P {y.mean():.3f} "
          f"R {y.sum() / gold_total:.3f})")
    print(f"written {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
