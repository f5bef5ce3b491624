"""A learned tagger for reports the rules do not read (used by :mod:`detect`).

PolNeAR attributes far more than speech and stance verbs: "The group went
ahead and formally backed Randolph", "The findings point to growing
momentum", "Feminists are wracking their brains trying to figure out why
...". Each frame is rare, and a rule per frame reports many sentences that
say nothing. This module tags every word of a sentence as the source, the
cue or the content of a report (or none of them) with a linear-chain
conditional random field (CRFsuite, through ``python-crfsuite``) over
features of the words around it: form, lemma, part of speech, entity type,
lexicon membership (cue verbs, role and organisation nouns, claim nouns),
whether it is quoted, and how far the nearest lexicon cue is. No parse is
read, so every sentence can be tagged whether or not it was parsed.

:func:`quotes.detect.detect` keeps a tagged report only where the rules
found nothing: in a sentence without any rule report when the tagger's mean
confidence over the content reaches :attr:`SpanTagger.threshold`, elsewhere
(not overlapping a rule report) from :attr:`SpanTagger.busy_threshold`, and
only with a source and a cue in the sentence. The source nearest its cue
is the speaker.

The weights ship in ``quotes/models/spans.crfsuite``, trained on the 824
PolNeAR train articles with one annotator by ``python -m
quotes.models.train_spans``, each word labelled by the
outermost gold attribution it belongs to (a report inside reported words is
left to the outer one).

Limits: one sentence at a time (no content, source or cue in another
sentence), one report per content stretch, PolNeAR's notion of attribution
(stance and plans count: "backed Randolph"), English news, trained on the
bundled compact models' annotation. Less precise than the rules: on held-out
PolNeAR train 46 % of the reports it adds have the right content and
speaker, against 78 % of the rules' (``--rules-only`` leaves it out).

Examples
--------
>>> from quotes.types import Token, Sentence
>>> toks = [Token(0, "Ryan", 0, 4, "Ryan", "PROPN", -1, "", "S-PERSON"),
...         Token(1, "backs", 5, 10, "back", "VERB", -1, "", "O")]
>>> features(Sentence(toks, 0), [])[1][:4]
['w=backs', 'l=back', 'p=VERB', 'ner=O']
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

from quotes.lexicon import CLAIM_WORDS, CUE_VERBS, ORG_NOUNS, ROLE_NOUNS
from quotes.types import Sentence

DEFAULT_PATH = Path(__file__).parent / "models" / "spans.crfsuite"
ROLES = ("CUE", "SRC", "CON")  # label order when a word belongs to several parts
Spans = list[tuple[int, int]]  # character spans


@dataclass(frozen=True)
class TaggedReport:
    """A report the tagger read, as token index ranges (inclusive) of one sentence."""

    content: tuple[int, int]
    source: tuple[int, int]
    cue: tuple[int, int]
    confidence: float  # mean marginal probability of the content's labels


class ReportTagger(Protocol):
    """What :func:`quotes.detect.detect` asks of a tagger."""

    name: str  # recorded with the quotes it helped find (see :func:`quotes.pipeline.analyze`)
    threshold: float
    busy_threshold: float

    def read(self, sentence: Sentence, quoted: Spans) -> list[TaggedReport]: ...


class NoTagger:
    """Reads nothing: the rules alone (as training compares against)."""

    name = "rules-only"
    threshold = busy_threshold = 1.0

    def read(self, sentence: Sentence, quoted: Spans) -> list[TaggedReport]:
        return []


def run_name(annotator: str, tagger: ReportTagger | None) -> str:
    """What produced a run's quotes, as results record it: the annotator, and
    the tagger unless it is the bundled one ("stanza:compact+rules-only")."""
    return annotator if tagger is None else f"{annotator}+{tagger.name}"


def _distance(d: int) -> str:
    if d == 0:
        return "0"
    size = abs(d)
    bucket = "1" if size == 1 else "2-3" if size < 4 else "4-8" if size < 9 else "far"
    return ("+" if d > 0 else "-") + bucket


def features(sentence: Sentence, quoted: Spans) -> list[list[str]]:
    """The features of each word of a sentence (``quoted``: character spans inside quote marks)."""
    toks = sentence.tokens
    here = [(s, e) for s, e in quoted if s < sentence.end and sentence.start < e]
    inq = [any(s <= t.start < e for s, e in here) for t in toks]
    words = [t.text.lower() for t in toks]
    lemmas = [t.lemma.lower() for t in toks]
    cues = [t.index for t in toks if lemmas[t.index] in CUE_VERBS and t.upos in ("VERB", "AUX")]
    out = []
    for t in toks:
        w = words[t.index]
        f: dict[str, object] = {
            "w": w, "l": lemmas[t.index], "p": t.upos, "ner": t.ner[2:] if t.ner != "O" else "O",
            "cap": t.text[:1].isupper(), "inq": inq[t.index], "cue": lemmas[t.index] in CUE_VERBS,
            "role": w in ROLE_NOUNS, "org": w in ORG_NOUNS, "claim": w in CLAIM_WORDS,
            "first": t.index == 0, "last": t.index == len(toks) - 1, "sfx": w[-3:]}
        if cues:
            near = min(cues, key=lambda i: abs(i - t.index))
            d = t.index - near
            f["cd"] = _distance(d)
            f["cuel"] = lemmas[near] + ("+" if d > 0 else "-" if d < 0 else "0")
        else:
            f["cd"] = "none"
        for o in (-2, -1, 1, 2):
            j = t.index + o
            if 0 <= j < len(toks):
                f[f"{o}w"], f[f"{o}p"], f[f"{o}l"] = words[j], toks[j].upos, lemmas[j]
                f[f"{o}inq"] = inq[j]
            else:
                f[f"{o}w"] = "BOS" if o < 0 else "EOS"
        f["-1p|p"] = f"{f.get('-1p', 'BOS')}|{t.upos}"
        f["cd|p"] = f"{f['cd']}|{t.upos}"
        f["sentq"] = any(inq)
        f["nerf"] = t.ner
        f["-1w|w"] = f"{f['-1w']}|{w}"
        f["w|1w"] = f"{w}|{f['1w']}"
        for o in (-3, 3):
            j = t.index + o
            f[f"{o}l"] = lemmas[j] if 0 <= j < len(toks) else "PAD"
        before = toks[t.index - 1] if t.index else None
        f["nearpunct"] = before.text if before is not None and before.upos == "PUNCT" else "-"
        out.append([f"{k}={v}" for k, v in f.items()])
    return out


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
    """The CRF model of ``path`` (default: the bundled one)."""

    threshold = 0.65
    busy_threshold = 0.9

    def __init__(self, path: str | Path = DEFAULT_PATH) -> None:
        import pycrfsuite

        self.name = f"tagger:{Path(path).name}"
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))

    @classmethod
    @cache
    def load(cls, path: str | Path = DEFAULT_PATH) -> SpanTagger:
        return cls(path)

    def read(self, sentence: Sentence, quoted: Spans) -> list[TaggedReport]:
        """The reports of one sentence that have a source and a cue, each with
        the cue nearest its content and the source nearest that cue.

        Examples
        --------
        >>> from quotes.types import Sentence, Token
        >>> words = "Ryan said the bill would pass .".split()
        >>> tags = "PROPN VERB DET NOUN AUX VERB PUNCT".split()
        >>> toks = [Token(i, w, 0, 0, "say" if w == "said" else w, t, -1, "", "S-PERSON" if i == 0 else "O")
        ...         for i, (w, t) in enumerate(zip(words, tags))]
        >>> [(r.source, r.cue, r.content) for r in SpanTagger.load().read(Sentence(toks, 0), [])]
        [((0, 0), (1, 1), (2, 5))]
        """
        labels = self._tagger.tag(features(sentence, quoted))
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
            margins = [self._tagger.marginal(labels[i], i) for i in range(a, b + 1)]
            cue = min(cues, key=lambda r: abs(r[0] - a))
            out.append(TaggedReport(content, min(sources, key=lambda r: abs(r[0] - cue[0])), cue,
                                    sum(margins) / len(margins)))
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
