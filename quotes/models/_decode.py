"""Faster decoding for Stanza's graph parser, with Stanza's own results.

Two costs of Stanza's parser on CPU are not the network:

* it picks each sentence's tree with Chu–Liu–Edmonds in pure Python and NumPy,
  which costs as much as the network with a weak parser whose best arcs form
  many cycles. ``ufal.chu_liu_edmonds`` runs the same algorithm in C++, and
  :func:`one_root` keeps Stanza's single-root reweighting;
* it scores every relation label for every (dependent, head) pair, a tensor of
  words² × labels per sentence, then keeps the labels of the chosen heads
  only. :func:`predict` scores the labels of the chosen heads alone, with the
  same weights, so the labels are the same.

Both are tested against Stanza's code (random score matrices, seed parses).
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


class _KeepInputs(nn.Module):
    """Stands in for the label scorer while arcs are scored: keeps its inputs, scores nothing."""

    def forward(self, dependents: torch.Tensor, heads: torch.Tensor) -> None:
        self.inputs = (dependents, heads)


def _label_ids(scorer: Any, dependents: torch.Tensor, heads: torch.Tensor) -> torch.Tensor:
    """The best label of each (dependent, head) row pair under a DeepBiaffineScorer:
    the pairwise scorer's arithmetic, for the given pairs only."""
    dep = scorer.hidden_func(scorer.W1(dependents))
    head = scorer.hidden_func(scorer.W2(heads))
    dep = torch.cat([dep, dep.new_ones(len(dep), 1)], 1)
    head = torch.cat([head, head.new_ones(len(head), 1)], 1)
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


_stock_predict: Any = None


def install() -> None:
    """Make Stanza's graph parser decode with :func:`one_root` and :func:`predict`."""
    global _stock_predict
    from stanza.models.depparse import model

    model.chuliu_edmonds_one_root = one_root
    if model.GraphParser.predict is not predict:
        _stock_predict = model.GraphParser.predict
        model.GraphParser.predict = predict
