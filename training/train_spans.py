"""Train the report tagger (:mod:`quotes.span_model`) on PolNeAR train.

Usage::

    pip install "quotes[train]"   # gensim, for the word vectors
    python -m training.train_spans ../shared/data/polnear/train \
        --extra-text ../shared/data/ud/en_ewt-ud-train.conllu   # writes quotes/models/spans.pt
    python -m training.train_spans GOLD_DIR --hold-out 420 --out /tmp/spans.pt

Every sentence of every article becomes one training sequence, its words
labelled by :func:`quotes.span_model.labels` from the outermost gold
attributions (those inside no other attribution's content). Word vectors
are pre-trained (skip-gram word2vec) on those sentences and the
``--extra-text`` ones, then the network is fitted with Adam (learning rate
0.002, batches of 32 sentences, dropout 0.3, one word in twenty read as
unknown) for six epochs: the settings of the runs on one half of train
scored on the other, with no early stopping. Articles that several
annotators marked stay out of training, so that ``benchmarks/agreement.py``
compares the tagger with the annotators on articles it has not seen (16 of
PolNeAR train's 840). ``--hold-out N`` also keeps the last N articles
(sorted by name) out and prints all-attribution end-to-end F1 on them with
the rules alone and with the tagger.

Annotation uses the bundled compact models (the tagger reads no parse), about
ten minutes for PolNeAR train's 840 articles on two cores; fitting about
nine (six epochs of 16,700 sentences).
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from quotes.detect import fragment_spans, quoted_spans
from quotes.evaluate import GoldArticle, GoldAttribution, agreement, evaluate, read_gold
from quotes.index import SpanIndex
from quotes.span_model import (
    DEFAULT_PATH,
    LABELS,
    NoTagger,
    ReportTagger,
    SpanTagger,
    batch,
    encode,
    labels,
    network,
)
from quotes.types import Article, Doc, Sentence
from training.train_cues import annotate_split


def outermost(attributions: Sequence[GoldAttribution]) -> list[GoldAttribution]:
    """The attributions whose content lies inside no other attribution's content."""
    def bounds(a: GoldAttribution) -> tuple[int, int]:
        return a.content[0][0], a.content[-1][1]

    return [a for a in attributions
            if not any(bounds(b) != bounds(a) and bounds(b)[0] <= bounds(a)[0] and bounds(a)[1] <= bounds(b)[1]
                       for b in attributions)]


def sequences(gold: Sequence[GoldArticle], articles: Sequence[Article],
              docs: Sequence[Doc]) -> tuple[list[tuple[Sentence, SpanIndex]], list[list[str]]]:
    """Every sentence with its quoted spans, and the labels of its words."""
    by_doc = {g.doc: g for g in gold}
    xs, ys = [], []
    for article, doc in zip(articles, docs, strict=True):
        kept = outermost(by_doc[article.id].attributions)
        cues = [s for a in kept for s in a.cue]
        sources = [s for a in kept for s in a.source]
        contents = [s for a in kept for s in a.content]
        spans = SpanIndex(fragment_spans(quoted_spans(article)))
        for sent in doc.sentences:
            xs.append((sent, spans))
            ys.append(labels(sent, cues, sources, contents))
    return xs, ys


def conllu_sentences(path: Path) -> list[list[str]]:
    """The lower-cased words of each sentence of a CoNLL-U file (a multiword
    token's parts, as the annotator's tokens are), read by Stanza's reader."""
    from stanza.utils.conll import CoNLL

    return [[w.text.lower() for w in sent.words] for sent in CoNLL.conll2doc(input_file=str(path)).sentences]


def vectors(sentences: list[list[str]], dims: int = 100) -> dict[str, list[float]]:
    """Word vectors (skip-gram word2vec, gensim) of every word seen three times:
    the network starts from them, which on held-out PolNeAR beats starting
    from random vectors (0.7051 against 0.7016 all E2E F1)."""
    from gensim.models import Word2Vec

    model = Word2Vec(sentences, vector_size=dims, window=5, min_count=3, workers=1, epochs=10, sg=1, seed=1)
    return {w: model.wv[w].tolist() for w in model.wv.index_to_key}


def train(xs: list[tuple[Sentence, SpanIndex]], ys: list[list[str]], path: str | Path = DEFAULT_PATH,
          extra: Sequence[list[str]] = (), epochs: int = 6, hidden: int = 64, seed: int = 0) -> None:
    """Fit the network on the sentences and write it to ``path``; ``extra``:
    unlabelled sentences (lower-cased words) that only the word vectors learn from."""
    import torch
    from torch import nn

    torch.manual_seed(seed)
    rng = random.Random(seed)
    words = [[t.text.lower() for t in sent.tokens] for sent, _ in xs]
    pretrained = vectors(words + list(extra))
    counts = Counter(w for ws in words for w in ws)
    vocab = {w: i + 2 for i, w in enumerate(sorted({w for w, n in counts.items() if n >= 2} | set(pretrained)))}
    net = network(len(vocab) + 2, hidden)
    with torch.no_grad():
        for w, i in vocab.items():
            if w in pretrained:
                net.words.weight[i] = torch.tensor(pretrained[w])
    data = [(encode(sent, spans, vocab), [LABELS.index(y) for y in labels_])
            for (sent, spans), labels_ in zip(xs, ys, strict=True)]
    optimizer = torch.optim.Adam(net.parameters(), lr=2e-3)
    loss_of = nn.CrossEntropyLoss(ignore_index=-1)
    net.train()
    for _ in range(epochs):
        rng.shuffle(data)
        for i in range(0, len(data), 32):
            chunk = data[i:i + 32]
            inputs = batch([e for e, _ in chunk])
            width = inputs[0].shape[1]
            # a word now and then read as unknown, as unseen words will be
            known = inputs[0]
            inputs = (torch.where((torch.rand(known.shape) < 0.05) & (known > 0), 1, known), *inputs[1:])
            gold = torch.tensor([y + [-1] * (width - len(y)) for _, y in chunk])
            loss = loss_of(net(*inputs).reshape(-1, len(LABELS)), gold.reshape(-1))
            optimizer.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            optimizer.step()
    # half precision halves the file; the tagger reads it back as float
    torch.save({"state": {k: v.half() for k, v in net.state_dict().items()}, "vocab": vocab, "hidden": hidden},
               path)


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
    ap.add_argument("--extra-text", type=Path, action="append", default=[], metavar="CONLLU",
                    help="unlabelled sentences for the word vectors (the shipped model: UD EWT train)")
    ap.add_argument("--epochs", type=int, default=6)
    args = ap.parse_args(argv)
    gold = sorted(read_gold(args.gold_dir), key=lambda g: g.doc)
    articles, docs = annotate_split(args.gold_dir, gold)
    cut = len(gold) - args.hold_out
    shared = {a.doc for a in agreement(args.gold_dir)[0]}
    kept = [i for i in range(cut) if gold[i].doc not in shared]
    extra = [s for path in args.extra_text for s in conllu_sentences(path)]
    train(*sequences([gold[i] for i in kept], [articles[i] for i in kept], [docs[i] for i in kept]), args.out,
          extra, args.epochs)
    if args.hold_out:
        held = gold[cut:], articles[cut:], docs[cut:]
        print(f"held-out all E2E F1: rules {e2e_f1(*held, NoTagger()):.4f}"
              f" -> with the tagger {e2e_f1(*held, SpanTagger(args.out)):.4f}")
    print(f"trained on {len(kept)} articles -> {args.out}")


if __name__ == "__main__":
    main()
