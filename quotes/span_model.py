"""A learned tagger for reports the rules do not read (used by :mod:`detect`).

PolNeAR attributes far more than speech and stance verbs: "The group went
ahead and formally backed Randolph", "The findings point to growing
momentum", "Feminists are wracking their brains trying to figure out why
...". Each frame is rare, and a rule per frame reports many sentences that
say nothing. This module tags every word of a sentence as the source, the
cue or the content of a report (or none of them) with a two-layer
bidirectional LSTM (PyTorch) that reads the whole sentence: each word's
vector (word2vec, pre-trained on the training text and UD English EWT, then
tuned), part of speech, entity type, last three letters, and whether it is
quoted, a lexicon cue verb, a role, organisation or claim noun, capitalised or
first. No parse is read, so every sentence can be tagged whether or not it
was parsed. Each word takes its most probable label.

:func:`quotes.detect.detect` keeps a tagged report only where the rules
found nothing: in a sentence without any rule report when the mean
probability of the content's labels reaches :attr:`SpanTagger.threshold`,
elsewhere (not overlapping a rule report) from
:attr:`SpanTagger.busy_threshold`, and only with a source and a cue in the
sentence. The source nearest its cue is the speaker.

The weights ship in ``quotes/models/spans.pt`` (half precision), trained on
the 824 PolNeAR train articles with one annotator by ``python -m
training.train_spans``, each word labelled by the outermost gold
attribution it belongs to (a report inside reported words is left to the
outer one). It replaced a linear-chain CRF over features of a five-word
window, which read the same sentences less well (docs/decisions.md).

Limits: one sentence at a time (no content, source or cue in another
sentence), one report per content stretch, PolNeAR's notion of attribution
(stance and plans count: "backed Randolph"), English news, trained on the
bundled compact models' annotation. Less precise than the rules: on held-out
PolNeAR train 48 % of the reports it adds have the right content and
speaker, against 79 % of the rules' (``--rules-only`` leaves it out).

Examples
--------
>>> from quotes.types import Token, Sentence
>>> toks = [Token(0, "Ryan", 0, 4, "Ryan", "PROPN", -1, "", "S-PERSON"),
...         Token(1, "says", 5, 9, "say", "VERB", -1, "", "O")]
>>> e = encode(Sentence(toks, 0), SpanIndex([]), {"ryan": 2})
>>> e.words, e.tags, e.entities, e.flags[1]
([2, 1], [12, 16], [1, 0], [0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0])
>>> toks[0].ner = "S-PER"  # the compact models' name for what the official ones call PERSON
>>> encode(Sentence(toks, 0), SpanIndex([]), {}).entities
[1, 0]
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from quotes.budget import check
from quotes.index import SpanIndex
from quotes.lexicon import CLAIM_WORDS, CUE_VERBS, ORG_NOUNS, ROLE_NOUNS
from quotes.models import bundled
from quotes.types import Sentence

if TYPE_CHECKING:
    import torch

DEFAULT_PATH = Path(__file__).parent / "models" / "spans.pt"
ROLES = ("CUE", "SRC", "CON")  # label order when a word belongs to several parts
Spans = list[tuple[int, int]]  # character spans


@dataclass(frozen=True)
class TaggedReport:
    """A report the tagger read, as token index ranges (inclusive) of one sentence."""

    content: tuple[int, int]
    source: tuple[int, int]
    cue: tuple[int, int]
    confidence: float  # mean probability of the content's labels


class ReportTagger(Protocol):
    """What :func:`quotes.detect.detect` asks of a tagger."""

    name: str  # recorded with the quotes it helped find (see :func:`quotes.pipeline.analyze`)
    threshold: float
    busy_threshold: float

    def read(self, sentences: list[Sentence], quoted: Spans) -> list[list[TaggedReport]]: ...


class NoTagger:
    """Reads nothing: the rules alone (as training compares against)."""

    name = "rules-only"
    threshold = busy_threshold = 1.0

    def read(self, sentences: list[Sentence], quoted: Spans) -> list[list[TaggedReport]]:
        return [[] for _ in sentences]


def run_name(annotator: str, tagger: ReportTagger | None) -> str:
    """What produced a run's quotes, as results record it: the annotator, and
    the tagger unless it is the bundled one ("stanza:compact+rules-only")."""
    return annotator if tagger is None else f"{annotator}+{tagger.name}"


LABELS = ("O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON")
UPOS = ("ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT",
        "SCONJ", "SYM", "VERB", "X")
# entity types by their compact-NER id, the official models' names mapped onto
# the same (ids 2, 5 and 7 stay unused: the bundled weights were trained so)
ENTITIES = {"PER": 1, "PERSON": 1, "ORG": 3, "LOC": 4, "GPE": 4, "FAC": 4, "MISC": 6, "NORP": 6}
SUFFIXES = 2000  # hashed buckets of a word's last three letters
FLAGS = 7
_PAD, _UNKNOWN = 0, 1
_BATCH = 64  # sentences a forward pass: bounds the memory a very long article takes
_MEMO = 4096  # sentences whose probabilities are kept: more than the longest article's read twice


@dataclass
class Encoded:
    """A sentence as the network reads it: one id (or flag list) per word."""

    words: list[int]
    tags: list[int]
    entities: list[int]
    suffixes: list[int]
    flags: list[list[float]]

    def key(self) -> tuple[object, ...]:
        """Everything the network reads, hashable: equal keys, equal outputs."""
        return (tuple(self.words), tuple(self.tags), tuple(self.entities), tuple(self.suffixes),
                tuple(map(tuple, self.flags)))


def _suffix(word: str) -> int:
    # a stable hash: Python's own is salted per process
    return zlib.crc32(word[-3:].encode()) % SUFFIXES


def encode(sentence: Sentence, quoted: SpanIndex, vocab: dict[str, int]) -> Encoded:
    """The network's input for a sentence (``quoted``: the article's character
    spans inside quote marks; ``vocab``: lower-cased word -> id, from 2)."""
    toks = sentence.tokens
    words = [t.text.lower() for t in toks]
    return Encoded(
        [vocab.get(w, _UNKNOWN) for w in words],
        [UPOS.index(t.upos) + 1 if t.upos in UPOS else 0 for t in toks],
        [ENTITIES.get(t.ner[2:], 0) for t in toks],
        [_suffix(w) for w in words],
        [[float(quoted.covers(t.start)), float(t.lemma.lower() in CUE_VERBS),
          float(w in ROLE_NOUNS), float(w in ORG_NOUNS), float(w in CLAIM_WORDS), float(t.text[:1].isupper()),
          float(t.index == 0)] for t, w in zip(toks, words, strict=True)])


def batch(items: list[Encoded]) -> tuple[torch.Tensor, ...]:
    """Padded tensors of several sentences, and their lengths (filled in NumPy:
    a tensor built from nested lists costs more than the network's forward pass)."""
    import numpy as np
    import torch

    lengths = [len(e.words) for e in items]
    ids = np.full((4, len(items), max(lengths)), _PAD, dtype=np.int64)
    flags = np.zeros((len(items), max(lengths), FLAGS), dtype=np.float32)
    for i, (e, n) in enumerate(zip(items, lengths, strict=True)):
        ids[:, i, :n] = (e.words, e.tags, e.entities, e.suffixes)
        flags[i, :n] = e.flags
    words, tags, entities, suffixes = torch.from_numpy(ids)
    return words, tags, entities, suffixes, torch.from_numpy(flags), torch.tensor(lengths)


def network(vocab_size: int, hidden: int = 64, dims: int = 100) -> torch.nn.Module:
    """The tagger's network: a two-layer bidirectional LSTM over word, tag,
    entity and suffix embeddings and the flags, with a label score per word."""
    import torch
    from torch import nn

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.words = nn.Embedding(vocab_size, dims, padding_idx=_PAD)
            self.tags = nn.Embedding(len(UPOS) + 1, 16)
            self.entities = nn.Embedding(8, 8)
            self.suffixes = nn.Embedding(SUFFIXES, 16)
            self.drop = nn.Dropout(0.3)
            self.lstm = nn.LSTM(dims + 16 + 8 + 16 + FLAGS, hidden, num_layers=2, bidirectional=True,
                                batch_first=True, dropout=0.3)
            self.out = nn.Linear(2 * hidden, len(LABELS))

        def forward(self, words: torch.Tensor, tags: torch.Tensor, entities: torch.Tensor, suffixes: torch.Tensor,
                    flags: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
            x = torch.cat([self.words(words), self.tags(tags), self.entities(entities), self.suffixes(suffixes),
                           flags], -1)
            packed = nn.utils.rnn.pack_padded_sequence(self.drop(x), lengths, batch_first=True, enforce_sorted=False)
            h, _ = nn.utils.rnn.pad_packed_sequence(self.lstm(packed)[0], batch_first=True)
            return self.out(self.drop(h))

    return Net()


def _runs(labels: list[str], role: str) -> list[tuple[int, int]]:
    """Index ranges of the B-/I- runs of one role."""
    runs: list[list[int]] = []
    for i, label in enumerate(labels):
        if label == f"I-{role}" and runs and runs[-1][1] == i - 1:
            runs[-1][1] = i
        elif label.endswith(role):
            runs.append([i, i])
    return [(a, b) for a, b in runs]


def _trim(sentence: Sentence, run: tuple[int, int]) -> tuple[int, int] | None:
    """A run without punctuation at its edges ("Sanders," -> "Sanders")."""
    a, b = run
    toks = sentence.tokens
    while a <= b and toks[a].upos == "PUNCT":
        a += 1
    while b >= a and toks[b].upos == "PUNCT":
        b -= 1
    return (a, b) if a <= b else None


class SpanTagger:
    """The network of ``path`` (default: the bundled one)."""

    threshold = 0.7
    busy_threshold = 0.9

    def __init__(self, path: str | Path = DEFAULT_PATH) -> None:
        import torch

        self.name = f"tagger:{Path(path).name}"
        saved = torch.load(path, weights_only=not bundled(path))
        self.vocab: dict[str, int] = saved["vocab"]
        self._net = network(len(self.vocab) + 2, saved["hidden"])
        self._net.load_state_dict({k: v.float() for k, v in saved["state"].items()})
        self._net.eval()
        self._memo: dict[tuple[object, ...], list[list[float]]] = {}

    @classmethod
    @cache
    def load(cls, path: str | Path = DEFAULT_PATH) -> SpanTagger:
        return cls(path)

    def read(self, sentences: list[Sentence], quoted: Spans) -> list[list[TaggedReport]]:
        """The reports of each sentence (an article's, read together: one batch is
        faster than a sentence at a time) that have a source and a cue, each with
        the cue nearest its content and the source nearest that cue.

        Examples
        --------
        >>> from quotes.types import Sentence, Token
        >>> words = "Ryan said the bill would pass .".split()
        >>> tags = "PROPN VERB DET NOUN AUX VERB PUNCT".split()
        >>> toks = [Token(i, w, 0, 0, "say" if w == "said" else w, t, -1, "", "S-PERSON" if i == 0 else "O")
        ...         for i, (w, t) in enumerate(zip(words, tags))]
        >>> [(r.source, r.cue, r.content) for r in SpanTagger.load().read([Sentence(toks, 0)], [])[0]]
        [((0, 0), (1, 1), (2, 5))]
        """
        out = []
        for sent, probs in zip(sentences, self.probabilities(sentences, quoted), strict=True):
            sure = [max(row) for row in probs]
            out.append(_reports(sent, sure, [LABELS[row.index(p)] for row, p in zip(probs, sure, strict=True)]))
        return out

    def probabilities(self, sentences: list[Sentence], quoted: Spans) -> list[list[list[float]]]:
        """Each word's probability of each of :data:`LABELS`, sentence by sentence
        (``quoted``: the article's quoted spans).

        The network runs once per distinct input: detection and the confidence
        model both ask for an article's sentences, and the answers of the last
        :data:`_MEMO` sentences are kept.
        """
        import torch

        in_quotes = SpanIndex(quoted)
        keys = [(e, e.key()) for e in (encode(s, in_quotes, self.vocab) for s in sentences)]
        todo = list({key: e for e, key in keys if key not in self._memo}.items())
        for i in range(0, len(todo), _BATCH):
            check()
            chunk = todo[i:i + _BATCH]
            with torch.inference_mode():
                probs = self._net(*batch([e for _, e in chunk])).softmax(-1)
            for (key, e), rows in zip(chunk, probs.tolist(), strict=True):
                self._memo[key] = rows[:len(e.words)]
        out = [self._memo[key] for _, key in keys]
        while len(self._memo) > _MEMO:
            del self._memo[next(iter(self._memo))]  # oldest first: dicts keep insertion order
        return out


def _reports(sentence: Sentence, sure: list[float], labels: list[str]) -> list[TaggedReport]:
    """The reports of a labelled sentence (``sure``: each label's probability)."""
    sources = [r for r in (_trim(sentence, run) for run in _runs(labels, "SRC")) if r]
    cues = _runs(labels, "CUE")
    if not sources or not cues:
        return []
    out = []
    for run in _runs(labels, "CON"):
        content = _trim(sentence, run)
        if content is None:
            continue
        a, b = content
        cue = min(cues, key=lambda r: abs(r[0] - a))
        out.append(TaggedReport(content, min(sources, key=lambda r: abs(r[0] - cue[0])), cue,
                                sum(sure[a:b + 1]) / (b - a + 1)))
    return out


def labels(sentence: Sentence, cues: Spans, sources: Spans, contents: Spans) -> list[str]:
    """BIO labels of a sentence's words for training, from the character spans
    of the cues, sources and contents to learn (a cue or source word inside
    a content is labelled as cue or source)."""
    out: list[str] = []
    previous = None
    for t in sentence.tokens:
        role = next((r for r, spans in zip(ROLES, (cues, sources, contents), strict=True)
                     if any(s <= t.start < e for s, e in spans)), None)
        out.append("O" if role is None else ("I-" if role == previous else "B-") + role)
        previous = role
    return out
