"""Faster inference for Stanza's processors, with Stanza's own results.

Some costs on CPU are not the networks' own work, or are that work many times over:

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
  once, which leaves a plain linear layer per UPOS;
* the tagger, parser and NER model each run a character LSTM over every word of a
  batch, though a word's vector depends on its characters alone and news repeats
  its words: :func:`_char_forward` runs it once per distinct word;
* each trainer builds an optimizer it never uses at inference, and the first one
  built imports ``torch._dynamo``: about a second of every start-up.
  :func:`_no_optimizer` and :func:`_no_optimizers` build none;
* Stanza reads every model file with ``torch.load(weights_only=True)``, whose
  unpickler runs in Python: 0.75 s of start-up for the bundled set, against
  0.1 s for PyTorch's own. :func:`_load` reads the files this package ships
  (as trusted as its code) with the latter; any other file as Stanza does;
* batches are padded into tensors one row at a time (:func:`_long_tensor` fills them
  in one NumPy step), and the lemmatizer prepares every word for its seq2seq model
  twice, once for nothing (:func:`_lemma_loader`).

All are tested against Stanza's code (random score matrices, seed annotations).

They apply to the pipelines this package builds (:class:`Pipeline`) and to no
other: Stanza's functions are swapped only while one of ours is processing
(:func:`active`), and then for a dispatcher that runs the replacement in the
thread that processes and Stanza's own code in any other thread. A
``stanza.Pipeline`` built by the user in the same process runs stock Stanza.
"""

from __future__ import annotations

import os
import threading
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import chain
from typing import Any

import numpy as np
import stanza
import torch
from stanza.models.common import data
from stanza.models.common.utils import tensor_unsort
from stanza.models.common.vocab import PAD_ID, VOCAB_PREFIX_SIZE
from torch import nn
from torch.nn import functional as F
from torch.nn.utils.rnn import pack_sequence, pad_packed_sequence
from ufal.chu_liu_edmonds import chu_liu_edmonds

from quotes.models import bundled

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
        return _stock["predict"](self, *inputs, resolve_head_constraints=resolve_head_constraints)
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
        return _stock["biaffine"](self, input1, input2)
    last = getattr(_last_parents, "rows", (None, None))  # per thread: pipelines may run side by side
    if last[0] is not input2:  # one tagger column's classifiers share their parent
        last = _last_parents.rows = (input2, _distinct_rows(input2))
    grouped = last[1]
    if grouped is None:
        return _stock["biaffine"](self, input1, input2)
    parents, order, counts = grouped
    bilinear = self.W_bilin
    per_parent = torch.einsum("oij,uj->uio", bilinear.weight, _with_one(parents))
    words = _with_one(input1)[order]
    scores = torch.cat([group @ weight for group, weight in zip(words.split(counts), per_parent, strict=True)])
    out = torch.empty_like(scores)
    out[order] = scores
    return out + bilinear.bias


def _char_forward(self: Any, chars: torch.Tensor, chars_mask: torch.Tensor, word_orig_idx: list[int],
                  sentlens: list[int], wordlens: list[int]) -> Any:
    """``CharacterModel.forward``, run once per distinct word of the batch."""
    stock = _stock["char"]
    if self.training:
        return stock(self, chars, chars_mask, word_orig_idx, sentlens, wordlens)
    distinct, which = torch.unique(chars, dim=0, return_inverse=True)
    lens = torch.empty(len(distinct), dtype=torch.long)
    lens[which] = torch.as_tensor(wordlens)
    order = torch.argsort(lens, descending=True, stable=True)  # packing wants longest first
    rank = torch.empty_like(order)
    rank[order] = torch.arange(len(order))
    rows = distinct[order]
    # the distinct words as one "sentence" in their own order, then each word its vector
    out = stock(self, rows, rows == PAD_ID, list(range(len(rows))), [len(rows)], lens[order].tolist())
    res = (out[0] if self.pad else out.data)[rank[which]]
    res = pack_sequence(tensor_unsort(res, word_orig_idx).split(sentlens))
    return pad_packed_sequence(res, batch_first=True)[0] if self.pad else res


def _long_tensor(tokens_list: list[Any], batch_size: int, pad_id: int = PAD_ID) -> torch.Tensor:
    """``stanza.models.common.data.get_long_tensor`` for rows of ids, filled at once."""
    if not tokens_list or not all(isinstance(row, list) for row in tokens_list):
        return data.get_long_tensor(tokens_list, batch_size, pad_id)
    flat = list(chain.from_iterable(tokens_list))
    if flat and not isinstance(flat[0], int):  # deeper nesting
        return data.get_long_tensor(tokens_list, batch_size, pad_id)
    lens = np.fromiter(map(len, tokens_list), dtype=np.int64, count=len(tokens_list))
    out = np.full((batch_size, int(lens.max())), pad_id, dtype=np.int64)
    out[:len(lens)][np.arange(out.shape[1]) < lens[:, None]] = flat
    return torch.from_numpy(out)


def _lemma_loader(doc: Any, batch_size: int, config: dict[str, Any], *args: Any, **kwargs: Any) -> Any:
    """The lemmatizer's DataLoader, which need not prepare seq2seq input for every word
    when it runs with its dictionary (``ensemble_dict``): ``LemmaProcessor.process``
    then reads only the document of the loader it builds without ``skip``."""
    if kwargs.get("skip") is None and config.get("ensemble_dict") and not config.get("dict_only"):
        kwargs["conll_only"] = True
    return _stock["lemma_loader"](doc, batch_size, config, *args, **kwargs)


def _no_optimizer(*args: Any, **kwargs: Any) -> None:
    """``stanza.models.common.utils.get_optimizer`` for trainers that only predict:
    a pipeline never steps an optimizer."""
    return None


def _no_optimizers(*args: Any, **kwargs: Any) -> dict[str, Any]:
    """``stanza.models.common.utils.get_split_optimizer`` for trainers that only predict."""
    return {}


def _load(f: Any, *args: Any, **kwargs: Any) -> Any:
    """``torch.load`` reading a model file bundled with this package with
    PyTorch's own unpickler (:func:`quotes.models.bundled`); any other file, a
    user's or Stanza's official models, as asked."""
    if isinstance(f, str | os.PathLike) and bundled(f):
        kwargs["weights_only"] = False
    return _stock["torch_load"](f, *args, **kwargs)


_FEW = 4  # fold the parents in when each stands for at least this many rows on average
_last_parents = threading.local()
_stock: dict[str, Any] = {}  # Stanza's own functions that active() swaps, by key
_inside: ContextVar[bool] = ContextVar("quotes_faster_inference", default=False)
_lock = threading.Lock()
_users = 0  # active() scopes open, in all threads


def _replacements() -> dict[str, tuple[Any, str, Callable[..., Any]]]:
    """key → (owner, attribute, replacement) for everything :func:`active` swaps."""
    from stanza.models.common import biaffine, char_model, utils
    from stanza.models.depparse import data as parse_data
    from stanza.models.depparse import model
    from stanza.models.lemma import data as lemma_data
    from stanza.models.mwt import data as mwt_data
    from stanza.models.ner import data as ner_data
    from stanza.models.ner import model as ner_model
    from stanza.models.pos import data as pos_data
    from stanza.pipeline import lemma_processor

    long_tensor = {f"long_tensor:{m.__name__}": (m, "get_long_tensor", _long_tensor)
                   for m in (char_model, parse_data, lemma_data, mwt_data, ner_data, ner_model, pos_data)}
    return {"one_root": (model, "chuliu_edmonds_one_root", one_root),
            "predict": (model.GraphParser, "predict", predict),
            "biaffine": (biaffine.BiaffineScorer, "forward", _biaffine_forward),
            "char": (char_model.CharacterModel, "forward", _char_forward),
            "lemma_loader": (lemma_processor, "DataLoader", _lemma_loader),
            "optimizer": (utils, "get_optimizer", _no_optimizer),
            "optimizers": (utils, "get_split_optimizer", _no_optimizers),
            "torch_load": (torch, "load", _load),
            **long_tensor}


def _dispatcher(key: str, new: Callable[..., Any]) -> Callable[..., Any]:
    """Calls ``new`` inside :func:`active` in this thread's context, Stanza's own elsewhere."""
    stock = _stock[key]

    def dispatch(*args: Any, **kwargs: Any) -> Any:
        return (new if _inside.get() else stock)(*args, **kwargs)

    return dispatch


@contextmanager
def active() -> Iterator[None]:
    """Run Stanza with the replacements above in this thread while inside.

    The first scope to open swaps Stanza's functions for dispatchers and the
    last to close puts Stanza's own back, so outside every scope Stanza is
    untouched, and other threads run Stanza's code meanwhile.

    Examples
    --------
    >>> from stanza.models.depparse import model
    >>> stock = model.GraphParser.predict
    >>> with active():
    ...     model.GraphParser.predict is stock
    False
    >>> model.GraphParser.predict is stock
    True
    """
    global _users
    with _lock:
        if _users == 0:
            for key, (owner, attribute, new) in _replacements().items():
                _stock[key] = getattr(owner, attribute)
                setattr(owner, attribute, _dispatcher(key, new))
        _users += 1
    token = _inside.set(True)
    try:
        yield
    finally:
        _inside.reset(token)
        with _lock:
            _users -= 1
            if _users == 0:
                for key, (owner, attribute, _) in _replacements().items():
                    setattr(owner, attribute, _stock[key])


def replaced() -> list[tuple[Any, str, Any]]:
    """(owner, attribute, Stanza's own) for each function :func:`active` swaps
    (after its first use), to compare against."""
    return [(owner, attribute, _stock[key]) for key, (owner, attribute, _) in _replacements().items()
            if key in _stock]


class Pipeline(stanza.Pipeline):  # type: ignore[misc]
    """A ``stanza.Pipeline`` that loads and processes with the faster inference
    (every way in, ``__call__``, ``bulk_process``, ``stream``, goes through
    ``process``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with active():  # loading builds no optimizer
            super().__init__(*args, **kwargs)

    def process(self, doc: Any, processors: Any = None) -> Any:
        with active():
            return super().process(doc, processors)


INT8 = ("ner", "depparse")  # the networks whose int8 weights leave the tags, and attribution's scores, as they were


def quantize(processors: dict[str, Any]) -> None:
    """Run the LSTM and linear layers of the :data:`INT8` processors with int8
    weights (PyTorch's dynamic quantization): annotation takes about 0.77 of
    the CPU time. The tokenizer, tagger and lemmatizer keep their own
    precision: int8 gains little there, and a changed tag ("to" as a
    particle in "according to exit polling") changes the parse after it."""
    with warnings.catch_warnings():  # PyTorch announces a successor API in a warning per layer
        warnings.simplefilter("ignore")
        for name, processor in processors.items():
            if name in INT8:
                trainer = processor.trainer
                trainer.model = torch.ao.quantization.quantize_dynamic(trainer.model, {nn.LSTM, nn.Linear},
                                                                       dtype=torch.qint8)
