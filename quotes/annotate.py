"""Stage 2: linguistic annotation of the kept paragraphs.

An :class:`Annotator` turns articles into :class:`~quotes.types.Doc` objects
whose token offsets index the original text. :class:`StanzaAnnotator` is the
real backend; :class:`SimpleAnnotator` is a dependency-free stand-in (regex
tokens, no tags or parse) for tests of the stages around annotation and for
quick looks at quote marks, like httpx's mock transport.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from itertools import pairwise
from typing import Any, Protocol

from quotes import models
from quotes.cue_model import CueModel
from quotes.detect import claim_before, fragment_spans, quoted_spans
from quotes.lexicon import CUE_VERBS, EVIDENTIAL_CUES, cue_lemma, is_abbreviation
from quotes.types import Article, Doc, Mention, Sentence, Span, Token


class Annotator(Protocol):
    """What the pipeline needs from an annotation backend."""

    name: str

    def annotate(self, articles: Sequence[Article]) -> list[Doc]:
        """Annotate the kept paragraphs of each article, one Doc per article."""
        ...


class StanzaAnnotator:
    """Annotate with a Stanza pipeline built from a :mod:`quotes.models` set.

    The pipeline is built on first use, so constructing an annotator is cheap
    and errors (missing models) surface when annotation starts. ``int8=True``
    runs the NER model and parser with int8 weights
    (:func:`quotes.models._inference.quantize`): about a quarter less CPU,
    with the attribution scores on PolNeAR dev unchanged, but an article's
    parse then depends slightly on the other articles of its batch (the
    activations are quantized per batch), so it is off by default: the same
    article always gets the same annotation.
    """

    def __init__(self, model_set: str | models.ModelSet = "auto", parse: str = "needed", int8: bool = False,
                 **pipeline_overrides: Any) -> None:
        self.models = models.resolve(model_set)
        # "needed": parse only sentences that hold a cue verb (the rules read the
        # parse nowhere else); "all": parse everything (coref needs it)
        self.parse = "all" if self.models.official else parse
        self.name = f"stanza:{self.models.name}"
        self.int8 = int8
        self._overrides = pipeline_overrides
        self._pipeline: Any = None
        self._parser: Any = None

    @property
    def pipeline(self) -> Any:
        if self._pipeline is None:
            if self.parse == "needed":
                procs = [p for p in self.models.processors.split(",") if p != "depparse"]
                self._pipeline = self.models.pipeline(",".join(procs), **self._overrides)
                self._parser = self.models.parser()
            else:
                self._pipeline = self.models.pipeline(**self._overrides)
            if self.int8:
                from quotes.models._inference import quantize

                quantize(self._pipeline.processors)
                if self._parser is not None:
                    quantize(self._parser.processors)
        return self._pipeline

    def load(self) -> StanzaAnnotator:
        """Build the pipeline now (e.g. before timing), not on first use."""
        _ = self.pipeline
        return self

    def _parse_needed(self, sdocs: list[Any], quoted: list[list[tuple[int, int]]]) -> None:
        """Parse, in one batch, the sentences that attribution will read.

        ``quoted[i]`` holds the quoted stretches of ``sdocs[i]``, in its offsets."""
        import stanza

        chosen = [sent for sdoc, spans in zip(sdocs, quoted, strict=True) for sent in sdoc.sentences
                  if _needs_parse(sent, spans)]
        if not chosen:
            return
        fields = ("id", "text", "lemma", "upos", "xpos", "feats")
        tagged = stanza.Document([[{k: getattr(w, k) for k in fields} for w in sent.words] for sent in chosen])
        parsed = self._parser(tagged)
        for sent, done in zip(chosen, parsed.sentences, strict=True):
            for word, pword in zip(sent.words, done.words, strict=True):
                word.head, word.deprel = pword.head, pword.deprel

    def annotate(self, articles: Sequence[Article]) -> list[Doc]:
        import stanza

        jobs = [(a, i, p) for a in articles for i, p in enumerate(a.paragraphs) if p.skip is None]
        # One stanza Document per paragraph: sentences never cross paragraphs,
        # and bulk_process batches them across articles.
        results = self.pipeline.bulk_process([stanza.Document([], text=p.span.text) for _, _, p in jobs])
        if self.parse == "needed":
            quoted = {id(a): fragment_spans(quoted_spans(a)) for a in articles}
            self._parse_needed(results, [[(s - p.span.start, e - p.span.start) for s, e in quoted[id(a)]
                                          if s < p.span.end and e > p.span.start]  # this paragraph's
                                         for a, _, p in jobs])
        docs = {id(a): Doc([]) for a in articles}
        for (article, para_index, para), sdoc in zip(jobs, results, strict=True):
            doc = docs[id(article)]
            offset = para.span.start
            doc.sentences.extend(rejoin_sentences([Sentence(_tokens(s, offset), para_index) for s in sdoc.sentences]))
            mentions = [Mention(Span.of(article.text, offset + e.start_char, offset + e.end_char), e.type)
                        for e in sdoc.ents]
            doc.mentions.extend(rejoin_mentions(article.text, mentions))
        return [docs[id(a)] for a in articles]


def _ends_in_abbreviation(word: str) -> bool:
    """"H." of "Paul H. Chipok", "Sen." of "Sen. Jack Reed"."""
    return word.endswith(".") and is_abbreviation(word[:-1])


def _last_word(sent: Sentence) -> str:
    """The sentence's last word with its period, which the tokenizer may have split off ("Sen" ".")."""
    *_, before, last = [None, *sent.tokens]
    if last.text == "." and before is not None and before.end == last.start:
        return before.text + "."
    return last.text


def rejoin_sentences(sentences: list[Sentence]) -> list[Sentence]:
    """Undo sentence splits after an initial or a title ("Paul H. | Chipok"):
    the compact tokenizer, trained on web text, splits there, which would cut
    speaker names in two. The parse of the joined halves stays as it was,
    each with its own root."""
    out: list[Sentence] = []
    for sent in sentences:
        prev = out[-1] if out else None
        if prev is not None and _ends_in_abbreviation(_last_word(prev)) and sent.tokens[0].text[:1].isupper():
            shift = len(prev.tokens)
            prev.tokens.extend(replace(t, index=t.index + shift, head=t.head + shift if t.head >= 0 else -1)
                               for t in sent.tokens)
        else:
            out.append(sent)
    return out


def rejoin_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Join a name the sentence split cut after an initial ("Paul H." + "Chipok")."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (prev is not None and prev.type == m.type and _ends_in_abbreviation(prev.span.text.split()[-1])
                and not text[prev.span.end:m.span.start].strip()):
            out[-1] = Mention(Span.of(text, prev.span.start, m.span.end), m.type)
        else:
            out.append(m)
    return out


def _needs_parse(sent: Any, quoted: list[tuple[int, int]]) -> bool:
    # Only cue verbs outside quotation marks read the parse (their clause, their
    # subject), and the verbs the cue model may accept; elsewhere the surface
    # rules decide. On PolNeAR train, parsing more sentences changed no score,
    # and neither did leaving out those whose cue verbs are all quoted.
    lemmas = _parse_lemmas()

    def cue(word: Any, nxt: Any) -> bool:
        return word.text.lower() == "according" or (
            word.upos == "VERB" and lemma_of(word.text, word.lemma, word.upos).lower() in lemmas) or (
            claim_before(word.lemma or word.text, word.upos, nxt.text))  # the parse names who holds it

    return any(cue(w, nxt) and not any(s <= _char_span(w)[0] < e for s, e in quoted)
               for w, nxt in pairwise(sent.words))


@cache
def _parse_lemmas() -> frozenset[str]:
    return CUE_VERBS | EVIDENTIAL_CUES | CueModel.load().lemmas


def _char_span(word: Any) -> tuple[int, int]:
    """A word's offsets in its paragraph; a word of a multi-word token ("do" of
    "don't") has none of its own and takes its token's."""
    start = word.start_char if word.start_char is not None else word.parent.start_char
    end = word.end_char if word.end_char is not None else word.parent.end_char
    return start, end


def _tokens(sent: Any, offset: int) -> list[Token]:
    out = []
    for word in sent.words:
        start, end = _char_span(word)
        out.append(Token(
            index=word.id - 1, text=word.text, start=offset + start, end=offset + end,
            lemma=lemma_of(word.text, word.lemma, word.upos), upos=word.upos or "X",
            # an unparsed sentence gets a flat "dep" parse, which the rules read as "no parse"
            head=(word.head or 0) - 1, deprel=word.deprel or "dep",
            ner=getattr(word.parent, "ner", None) or "O", xpos=word.xpos or "", feats=word.feats or "",
        ))
    return out


_WORD = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")
_SENT_END = re.compile(r"(?<=[.!?])[\"”’»]?\s+(?=[\"“‘«(]?[A-Z0-9])")


class SimpleAnnotator:
    """Regex sentences and tokens with no tags, parse or entities.

    Limits: sentence ends are guessed from ``.!?`` before a capital, so
    abbreviations ("U.S. officials") split wrongly; every token is tagged
    ``X``, only cue verbs are lemmatised, and the parse is flat.

    Examples
    --------
    >>> from quotes.ingest import make_article
    >>> doc = SimpleAnnotator().annotate([make_article("a", "He spoke. Then left.")])[0]
    >>> [[t.text for t in s.tokens] for s in doc.sentences]
    [['He', 'spoke', '.'], ['Then', 'left', '.']]
    """

    name = "simple"

    def annotate(self, articles: Sequence[Article]) -> list[Doc]:
        return [self._annotate(a) for a in articles]

    def _annotate(self, article: Article) -> Doc:
        doc = Doc([])
        for p_index, para in enumerate(article.paragraphs):
            if para.skip:
                continue
            base, text = para.span.start, para.span.text
            bounds = [0, *(m.end() for m in _SENT_END.finditer(text)), len(text)]
            for s, e in pairwise(bounds):
                toks = [Token(i, m.group(), base + s + m.start(), base + s + m.end(), cue_lemma(m.group()),
                              "X", -1, "dep", "O")
                        for i, m in enumerate(_WORD.finditer(text[s:e]))]
                if toks:
                    doc.sentences.append(Sentence(toks, p_index))
        return doc


def lemma_of(text: str, lemma: str | None, upos: str | None) -> str:
    """The tagger's lemma, but for a verb it misread as no cue ("conceded" →
    "conced", "urging" → "urging") the regular one when that is a cue verb.

    Examples
    --------
    >>> lemma_of("conceded", "conced", "VERB"), lemma_of("ruling", "ruling", "NOUN")
    ('concede', 'ruling')
    """
    lemma = lemma or text
    if upos != "VERB" or lemma.lower() in CUE_VERBS:
        return lemma
    regular = cue_lemma(text)
    return regular if regular in CUE_VERBS else lemma
