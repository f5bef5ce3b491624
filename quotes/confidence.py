"""How likely each quote is right: a calibrated confidence from what is known about it.

A quote is right when its content matches what a news annotator marks and its
speaker is the annotated source (PolNeAR's end-to-end measure). The model is a
logistic regression over named features of the quote: the rules that made it
(``Quote.rule``), its kind, its cue word, what kind of phrase its speaker is
(a name, a pronoun, a noun that is a usual source head such as "official" or
"statement", or something else such as "a brave face"), how far the speaker
stands from the cue, the shape of the content (a clause with a verb, its
share of the sentence), where in the article it is, and how far the report
tagger's reading of the sentence agrees: its probability that the content's
words are content, the speaker's a source and the cue a cue. Its output is mapped through an isotonic
calibration fitted on out-of-fold predictions, so a confidence of 0.8 means
about four in five such quotes are right on PolNeAR train.

The weights live in ``quotes/models/confidence.json`` (trained by
``python training/train_confidence.py``); no scikit-learn is needed to use them.

Limits: calibrated on 2016 US election news (PolNeAR train, on which the rules
were tuned; the tagger's features come from taggers that never saw the
article they read). docs/evaluation.md has the reliability on PolNeAR dev and
on the out-of-domain set.

Examples
--------
>>> from quotes.types import Quote, Span
>>> model = ConfidenceModel({"bias": 0.0, "kind=direct": 2.0}, [0.0, 1.0], [0.0, 1.0], 0.5)
>>> round(model.probability({"bias": 1.0, "kind=direct": 1.0}), 3)
0.881
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import islice
from pathlib import Path

import numpy as np

from quotes.detect import fragment_spans, quoted_spans
from quotes.lexicon import SOURCE_HEADS
from quotes.resolve import PRONOUN_WORDS, speaker_head
from quotes.span_model import LABELS, SpanTagger
from quotes.types import Article, Doc, Quote, Sentence, Token

DEFAULT_PATH = Path(__file__).parent / "models" / "confidence.json"


def _bucket(n: float, edges: Iterable[float]) -> str:
    """The first edge ``n`` does not exceed, as a label ("<=3", ">40")."""
    last = 0.0
    for edge in edges:
        if n <= edge:
            return f"<={edge:g}"
        last = edge
    return f">{last:g}"


def word_roles(quotes: list[Quote], article: Article, doc: Doc,
               tagger: SpanTagger | None = None) -> dict[int, list[float]]:
    """The report tagger's (default: the bundled one's) probability of each label
    (source, cue, content...) for every word of the sentences that hold a quote's
    cue or start, by word offset: how far a learned reading of the sentence
    agrees with the rules'."""
    wanted = {id(s): s for q in quotes for pos in (q.content.start, q.cue.start if q.cue else None)
              if pos is not None and (s := doc.sentence_at(pos)) is not None}
    sentences = list(wanted.values())
    spans = fragment_spans(quoted_spans(article))
    probs = (tagger or SpanTagger.load()).probabilities(sentences, spans) if sentences else []
    return {t.start: row for s, rows in zip(sentences, probs, strict=True)
            for t, row in zip(s.tokens, rows, strict=True)}


def _role(roles: dict[int, list[float]], tokens: list[Token], role: str) -> float | None:
    """Mean probability of B-/I-``role`` over the tokens the tagger read."""
    rows = [roles[t.start] for t in tokens if t.start in roles]
    k = LABELS.index(f"B-{role}"), LABELS.index(f"I-{role}")
    return sum(r[k[0]] + r[k[1]] for r in rows) / len(rows) if rows else None


def features(quote: Quote, article: Article, doc: Doc, roles: dict[int, list[float]] | None = None
             ) -> dict[str, float]:
    """The named features of one quote (``roles``: :func:`word_roles`)."""
    f: dict[str, float] = {"bias": 1.0, f"kind={quote.kind}": 1.0}
    for name, span, role in (("content", quote.content, "CON"), ("speaker", quote.speaker, "SRC"),
                             ("cue", quote.cue, "CUE")):
        p = _role(roles or {}, [t for _, t in doc.tokens_between(span.start, span.end)], role) if span else None
        if p is not None:
            f[f"tagger_{name}"] = p
    for n, rule in enumerate(quote.rule or ["none"]):
        f[f"rule={rule}" if n == 0 else f"then={rule}"] = 1.0
    if quote.tagger_score is not None:
        f["tagger_score"] = quote.tagger_score
    cue = doc.token_at(quote.cue.start) if quote.cue else None
    f[f"cue={cue[1].lemma.lower() if cue else 'none'}"] = 1.0
    words = len(quote.content.text.split())
    f[f"words{_bucket(words, (3, 6, 12, 25, 40))}"] = 1.0
    f["fragments"] = float(bool(quote.fragments))
    sent = doc.sentence_at(quote.content.start)
    # kept paragraphs before the quote's, counted up to 3 (the feature tells only 0, 1-2, more)
    earlier = (p for p in islice(article.paragraphs, sent.paragraph if sent else 0) if p.skip is None)
    f[f"paragraph{_bucket(sum(1 for _ in islice(earlier, 3)), (0, 2))}"] = 1.0
    f.update(_speaker_features(quote, doc, cue[1] if cue else None))
    f.update(_content_features(quote, doc, cue))
    speaker_kind = next((k for k in f if k.startswith("speaker=")), "speaker=?")
    f[f"{quote.kind}|{speaker_kind}"] = 1.0
    if "speaker_other_head" in f and "tagger_speaker" in f:
        # a common noun news never uses for a source ("a brave face", "turn"): the tagger's
        # reading of it as one counts for less
        f["tagger_speaker_other_head"] = f["tagger_speaker"]
    return f


def _content_features(quote: Quote, doc: Doc, cue: tuple[Sentence, Token] | None) -> dict[str, float]:
    """Whether the content reads as a statement: a clause with a verb, the share
    of its sentence it takes, how it starts and ends."""
    toks = [t for _, t in doc.tokens_between(quote.content.start, quote.content.end)]
    if not toks:
        return {"content=untokenized": 1.0}
    f = {"content_verb": float(any(t.upos in ("VERB", "AUX") for t in toks)),
         f"content_first={toks[0].upos}": 1.0,
         "content_that": float(toks[0].text.lower() == "that")}
    if cue is not None:
        sent, tok = cue
        f[f"cue_upos={tok.upos}"] = 1.0
        inside = sum(1 for t in sent.tokens if quote.content.start <= t.start < quote.content.end)
        f[f"sentence_share{_bucket(inside / len(sent.tokens), (0.25, 0.5, 0.75))}"] = 1.0
        f["content_to_sentence_end"] = float(quote.content.end >= sent.tokens[-1].start)
        subject = next((t for t in sent.tokens if t.head == tok.index and t.deprel.startswith("nsubj")), None)
        if quote.speaker is not None and subject is not None:
            f["speaker_is_subject"] = float(quote.speaker.start <= subject.start < quote.speaker.end)
    return f


def _speaker_features(quote: Quote, doc: Doc, cue: Token | None) -> dict[str, float]:
    sp = quote.speaker
    if sp is None:
        return {"speaker=none": 1.0}
    toks = [t for _, t in doc.tokens_between(sp.start, sp.end)]
    head = speaker_head(toks)
    f: dict[str, float] = {}
    if head is None:
        f["speaker=headless"] = 1.0
    else:
        lemma = head.lemma.lower()
        kind = "pronoun" if head.upos == "PRON" or head.text.lower() in PRONOUN_WORDS else head.upos.lower()
        f[f"speaker={kind}"] = 1.0
        f[f"speaker_entity={head.ner[2:] or 'O'}"] = 1.0
        if kind == "noun":
            f["speaker_source_head" if lemma in SOURCE_HEADS else "speaker_other_head"] = 1.0
        f["speaker_capitalized"] = float(head.text[:1].isupper())
    f[f"speaker_words{_bucket(len(toks), (1, 3, 6))}"] = 1.0
    if quote.entity is not None:
        f[f"entity={quote.entity.type}"] = 1.0
        f["entity_role"] = float(quote.entity.role is not None)
    if cue is not None:
        gap = cue.start - sp.end if sp.end <= cue.start else sp.start - cue.end
        f["speaker_after_cue"] = float(sp.start >= cue.end)
        f[f"speaker_gap{_bucket(max(gap, 0), (1, 10, 40, 120))}"] = 1.0
    return f


@dataclass(frozen=True)
class ConfidenceModel:
    """Logistic weights by feature name and an isotonic calibration map."""

    weights: dict[str, float]
    calibration_x: list[float]
    calibration_y: list[float]
    threshold: float  # the default minimum confidence (docs/evaluation.md says how it was chosen)
    digest: str = ""  # of the model file: a store redoes quotes scored by another model

    @classmethod
    @cache
    def load(cls, path: str | Path = DEFAULT_PATH) -> ConfidenceModel:
        raw = Path(path).read_bytes()
        data = json.loads(raw)
        return cls(data["weights"], data["calibration_x"], data["calibration_y"], data["threshold"],
                   hashlib.sha256(raw).hexdigest()[:16])

    def save(self, path: str | Path) -> None:
        data = {"threshold": self.threshold,
                "calibration_x": self.calibration_x, "calibration_y": self.calibration_y,
                "weights": dict(sorted(self.weights.items()))}
        Path(path).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")

    def raw(self, f: dict[str, float]) -> float:
        """The uncalibrated probability of the logistic regression."""
        z = sum(self.weights.get(k, 0.0) * v for k, v in f.items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))

    def probability(self, f: dict[str, float]) -> float:
        return float(np.interp(self.raw(f), self.calibration_x, self.calibration_y))

    def score(self, quotes: list[Quote], article: Article, doc: Doc) -> list[Quote]:
        """Set ``confidence`` on each quote (in place) and return the quotes."""
        roles = word_roles(quotes, article, doc)
        for q in quotes:
            q.confidence = round(self.probability(features(q, article, doc, roles)), 3)
        return quotes
