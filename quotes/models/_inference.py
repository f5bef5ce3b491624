"""Faster inference for Stanza's parser and tagger, with Stanza's own results.

Three costs on CPU are not the networks' own work, or are that work many times over:

* the parser picks each sentence's tree with Chu–Liu–Edmonds in pure Python and NumPy,
  which costs as much as the network with a weak parser whose best arcs form
  many cycles. ``ufal.chu_liu_edmonds`` runs the same algorithm in C++, and
  :func:`one_root` keeps Stanza's single-root reweighting;
* the parser scores every relation label for every (dependent, head) pair, a tensor of
  words² × labels per sentence, then keeps the labels of the chosen heads
  only. :func:`predict` scores the labels of the chosen heads alone, with the
  same weights, so the labels are the same;
* the tagger scores XPOS and each feature with a bilinear form of the word's
  hidden state and the embedding of its predicted UPOS: one of a few dozen
  vectors. :func:`_biaffine_forward` folds each distinct one into the weights
  once, which leaves a plain linear layer per UPOS.

All are tested against Stanza's code (random score matrices, seed annotations).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
from stanza.models.common.vocab import VOCAB_PREFIX_SIZE
from torch import nn
from torch.nn import functional as F
from ufal.chu_liu_edmonds import chu_liu_edmonds

_CHUNK = 2048  # dependents scored at once: bounds the words × hidden × labels intermediate


def one_root(scores: np.ndarray) -> np.ndarray:
    """The maximum spanning tree with exactly one arc from the root, as
    ``stanza.models.common.chuliu_edmonds.chuliu_edmonds_one_root`` returns it.

    ``scores[d, h]`` scores head ``h`` for dependent ``d``; row and column 0
    are the root. Returns the head of every node, with ``tree[0] == 0``.
    """
    scores = scores.astype(np.float64)  # a copy: the caller's scores stay as they were
    # Stanza's reweighting: make root arcs so costly that one is always best
    scores[:, 0] += scores[np.isfinite(scores)].min() * scores.shape[0]
    np.fill_diagonal(scores, np.nan)  # NaN: no arc
    scores[0] = np.nan
    heads, _ = chu_liu_edmonds(scores)
    tree = np.asarray(heads, dtype=np.int64)
    tree[0] = 0
    return tree


def _with_one(rows: torch.Tensor) -> torch.Tensor:
    """Rows with a 1 appended, as Stanza's biaffine scorers extend their inputs for the bias."""
    return torch.cat([rows, rows.new_ones(len(rows), 1)], 1)


class _KeepInputs(nn.Module):
    """Stands in for the label scorer while arcs are scored: keeps its inputs, scores nothing."""

    def forward(self, dependents: torch.Tensor, heads: torch.Tensor) -> None:
        self.inputs = (dependents, heads)


def _label_ids(scorer: Any, dependents: torch.Tensor, heads: torch.Tensor) -> torch.Tensor:
    """The best label of each (dependent, head) row pair under a DeepBiaffineScorer:
    the pairwise scorer's arithmetic, for the given pairs only."""
    dep = _with_one(scorer.hidden_func(scorer.W1(dependents)))
    head = _with_one(scorer.hidden_func(scorer.W2(heads)))
    bilinear = scorer.scorer.W_bilin
    weight = bilinear.weight.reshape(bilinear.input1_size, -1)
    best = []
    for at in range(0, len(dep), _CHUNK):
        part = (dep[at:at + _CHUNK] @ weight).view(-1, bilinear.input2_size, bilinear.output_size)
        scores = torch.einsum("njo,nj->no", part, head[at:at + _CHUNK]) + bilinear.bias
        best.append(scores.argmax(1))
    return torch.cat(best) if best else dep.new_zeros(0, dtype=torch.long)


def predict(self: Any, word: Any, word_mask: Any, wordchars: Any, wordchars_mask: Any, upos: Any, xpos: Any,
            ufeats: Any, pretrained: Any, lemma: Any, head: Any, deprel: Any, word_orig_idx: Any,
            sentlens: list[int], wordlens: Any, text: Any,
            resolve_head_constraints: bool = False) -> list[list[list[Any]]]:
    """``GraphParser.predict``, with labels scored for the chosen heads only."""
    inputs = (word, word_mask, wordchars, wordchars_mask, upos, xpos, ufeats, pretrained, lemma, head, deprel,
              word_orig_idx, sentlens, wordlens, text)
    if resolve_head_constraints or self.args.get("use_arc_embedding") or self.training:
        return _stock_predict(self, *inputs, resolve_head_constraints=resolve_head_constraints)
    labeller, self.deprel = self.deprel, _KeepInputs()
    try:
        with torch.no_grad():
            arcs = self.forward_scores(*inputs)[0]
            arcs = F.log_softmax(arcs, 2).cpu().numpy()
            dependents, heads = self.deprel.inputs
            trees = [one_root(arcs[i, :n, :n]) for i, n in enumerate(sentlens)]
            rows = torch.tensor([i for i, n in enumerate(sentlens) for _ in range(1, n)], dtype=torch.long)
            words = torch.tensor([j for n in sentlens for j in range(1, n)], dtype=torch.long)
            chosen = torch.tensor([h for tree in trees for h in tree[1:]], dtype=torch.long)
            ids = _label_ids(labeller, dependents[rows, words], heads[rows, chosen]).tolist()
    finally:
        self.deprel = labeller
    labels = iter(self.vocab["deprel"].unmap([i + VOCAB_PREFIX_SIZE for i in ids]))
    return [[[int(h), next(labels)] for h in tree[1:]] for tree in trees]


def _distinct_rows(rows: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, list[int]] | None:
    """The distinct rows of ``rows`` and, for each, the positions that hold it
    (in that order); None if there are not few of them."""
    probe = torch.linspace(1.0, 2.0, rows.shape[1], dtype=rows.dtype)  # a row's fingerprint
    keys, which = torch.unique(rows @ probe, return_inverse=True)
    if len(keys) * _FEW > len(rows):
        return None
    order = torch.argsort(which, stable=True)
    counts = torch.bincount(which, minlength=len(keys)).tolist()
    firsts = order[torch.tensor([0, *counts[:-1]]).cumsum(0)]
    distinct = rows[firsts]
    # fingerprints can collide only by accident; then take Stanza's way
    return (distinct, order, counts) if torch.equal(distinct[which], rows) else None


def _biaffine_forward(self: Any, input1: torch.Tensor, input2: torch.Tensor) -> torch.Tensor:
    """``BiaffineScorer.forward`` for rows of ``input2`` drawn from a few distinct vectors."""
    if self.training or input2.dim() != 2:
        return _stock_biaffine(self, input1, input2)
    global _last_parents
    if _last_parents[0] is not input2:  # one tagger column's classifiers share their parent
        _last_parents = (input2, _distinct_rows(input2))
    grouped = _last_parents[1]
    if grouped is None:
        return _stock_biaffine(self, input1, input2)
    parents, order, counts = grouped
    bilinear = self.W_bilin
    per_parent = torch.einsum("oij,uj->uio", bilinear.weight, _with_one(parents))
    words = _with_one(input1)[order]
    scores = torch.cat([group @ weight for group, weight in zip(words.split(counts), per_parent, strict=True)])
    out = torch.empty_like(scores)
    out[order] = scores
    return out + bilinear.bias


_FEW = 4  # fold the parents in when each stands for at least this many rows on average
_last_parents: tuple[Any, Any] = (None, None)
_stock_predict: Any = None
_stock_biaffine: Any = None


def install() -> None:
    """Make Stanza's graph parser decode with :func:`one_root` and :func:`predict`,
    and its tagger score with :func:`_biaffine_forward`."""
    global _stock_predict, _stock_biaffine
    from stanza.models.common import biaffine
    from stanza.models.depparse import model

    model.chuliu_edmonds_one_root = one_root
    if model.GraphParser.predict is not predict:
        _stock_predict = model.GraphParser.predict
        model.GraphParser.predict = predict
    if biaffine.BiaffineScorer.forward is not _biaffine_forward:
        _stock_biaffine = biaffine.BiaffineScorer.forward
        biaffine.BiaffineScorer.forward = _biaffine_forward
