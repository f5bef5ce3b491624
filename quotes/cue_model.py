"""A learned cue model for verbs outside the cue lexicon (used by :mod:`detect`).

News attributes far more than speech: "Trump attacked Clinton", "the survey
found ...", "Ryan backs the bill". PolNeAR annotates hundreds of such
predicates, each rare; listing them all would report every "made" and "had".
This model decides, for one verb in its parsed sentence, whether it reports a
stance: a logistic score over a few features of the verb and its dependents
(lemma, subject kind and entity type, which complements it takes, voice,
negation, modals, whether it sits inside another report). A verb it accepts
is read as a stance cue: its object or clause is the content, its subject
the speaker.

The weights ship in ``quotes/models/cues.json``, trained on PolNeAR train by
``python -m training.train_cues``: every verb outside the lexicon was
made a cue, the pipeline ran, and each such attribution was labelled right
when it matched a gold attribution with the right speaker. So the model
learns which of these attributions the rest of the pipeline gets right, not
only which verbs are cues.

Limits: only verbs (no nominal cues such as "criticism", no multi-word ones
such as "took aim at"), only in parsed sentences, only the lemmas whose
accepted verbs gained in cross-validation (:attr:`CueModel.lemmas`, whose
sentences are parsed for it); it chooses cues, not content boundaries;
English only; trained on the bundled compact models' annotation.

Examples
--------
>>> model = CueModel.load()
>>> "back" in model.lemmas
True
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

from quotes.lexicon import CUE_VERBS, ORG_NOUNS, ROLE_NOUNS
from quotes.types import Sentence, Token

DEFAULT_PATH = Path(__file__).parent / "models" / "cues.json"
_MODALS = {"will", "would", "can", "could", "may", "might", "should", "must"}
_COMPLEMENTS = ("ccomp", "xcomp", "obj", "iobj", "obl", "advcl", "parataxis")


class CueSelector(Protocol):
    """What :func:`quotes.detect.detect` asks of a cue model."""

    def accepts(self, sentence: Sentence, token: Token) -> bool: ...


def candidate(token: Token, lemmas: frozenset[str] | None = None) -> bool:
    """Is this token a verb outside the cue lexicon that a model may read as a cue?
    (``lemmas=None``: any such verb.)"""
    lemma = token.lemma.lower()
    return (token.upos == "VERB" and lemma.isalpha() and lemma not in CUE_VERBS
            and token.text.lower() != "according" and (lemmas is None or lemma in lemmas))


def features(sentence: Sentence, token: Token) -> list[str]:
    """The features the model scores for one verb.

    Examples
    --------
    >>> from quotes.types import Token, Sentence
    >>> toks = [Token(0, "Ryan", 0, 4, "Ryan", "PROPN", 1, "nsubj", "S-PERSON"),
    ...         Token(1, "backs", 5, 10, "back", "VERB", -1, "root", "O"),
    ...         Token(2, "it", 11, 13, "it", "PRON", 1, "obj", "O")]
    >>> features(Sentence(toks, 0), toks[1])[:5]
    ['bias', 'lemma=back', 'dep=root', 'form=s', 'subj=PROPN']
    """
    toks = sentence.tokens
    lemma = token.lemma.lower()
    kids = [t for t in toks if t.head == token.index]
    word = token.text.lower()
    form = next((s for s in ("ing", "ed", "s") if word.endswith(s)), "base")
    out = ["bias", f"lemma={lemma}", f"dep={token.deprel.split(':')[0]}", f"form={form}"]
    subj = next((t for t in kids if t.deprel.startswith("nsubj")), None)
    if subj is None:
        kind = "none"
    elif subj.upos == "PRON":
        kind = f"PRON:{subj.text.lower()}"
    else:
        kind = subj.upos
    out.append(f"subj={kind}")
    if subj is not None:
        if subj.ner != "O":
            out.append(f"subj_ner={subj.ner[2:]}")
        if subj.upos in ("NOUN", "PRON"):
            out.append(f"subj_lemma={subj.lemma.lower()}")
        if subj.lemma.lower() in ROLE_NOUNS | ORG_NOUNS:
            out.append("subj_role")
    obj = next((t for t in kids if t.deprel == "obj"), None)
    if obj is not None:
        out.append(f"obj={obj.upos}" + (f":{obj.ner[2:]}" if obj.ner != "O" else ""))
    if any(t.deprel == "aux" and t.lemma.lower() in _MODALS for t in kids):
        out.append("modal")
    comps = sorted({t.deprel.split(":")[0] for t in kids} & set(_COMPLEMENTS))
    out += [f"has={c}" for c in comps]
    if any(t.deprel == "aux:pass" for t in kids):
        out.append("passive")
    if any(t.lemma.lower() in ("not", "n't", "never") for t in kids):
        out.append("negated")
    head, seen = token.head, 0
    while head >= 0 and seen < 8:  # a verb inside a reported clause ("said Ryan backs ...")
        if toks[head].lemma.lower() in CUE_VERBS:
            out.append("under_cue")
            break
        head, seen = toks[head].head, seen + 1
    if any(t.text in ('"', "“", "”", "''") for t in toks):
        out.append("quote_marks")
    out.append(f"lemma_subj={lemma}|{kind.split(':')[0]}")
    out.append(f"lemma_comps={lemma}|{'+'.join(comps) or 'none'}")
    return out


def probability(weights: dict[str, float], feats: list[str]) -> float:
    """The logistic score of one verb's features."""
    return 1 / (1 + math.exp(-sum(weights.get(f, 0.0) for f in feats)))


@dataclass(frozen=True)
class CueModel:
    """Logistic weights over :func:`features`; a verb is a cue when its score
    reaches ``threshold``."""

    weights: dict[str, float]
    threshold: float
    lemmas: frozenset[str]  # lemmas the model accepted in training
    trained_on: str = ""

    def score(self, sentence: Sentence, token: Token) -> float:
        return probability(self.weights, features(sentence, token))

    def accepts(self, sentence: Sentence, token: Token) -> bool:
        return candidate(token, self.lemmas) and self.score(sentence, token) >= self.threshold

    @classmethod
    def load(cls, path: str | Path | None = None) -> CueModel:
        """Read a model; ``None`` reads the bundled one."""
        return _load(Path(path) if path is not None else DEFAULT_PATH)

    def save(self, path: str | Path) -> None:
        data = {"trained_on": self.trained_on, "threshold": self.threshold, "lemmas": sorted(self.lemmas),
                "weights": dict(sorted(self.weights.items()))}
        Path(path).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


@cache
def _load(path: Path) -> CueModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    return CueModel({k: float(v) for k, v in data["weights"].items()}, float(data["threshold"]),
                    frozenset(data["lemmas"]), data.get("trained_on", ""))


class EveryVerb:
    """A selector that reads every verb outside the lexicon as a cue; the
    training run uses it, on documents with every sentence parsed, to see
    what each would give."""

    def accepts(self, sentence: Sentence, token: Token) -> bool:
        return candidate(token)
