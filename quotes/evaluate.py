"""Score quotes against attribution annotations in brat standoff (PolNeAR layout).

Layout: ``GOLD/text/*.txt`` and ``GOLD/attributions/<stem>_<annotator>.ann``;
an article with several annotators is scored against the first ``.ann`` in
sorted order, and :func:`agreement` scores the others against it: the
ceiling the annotation itself sets.

Gold categories: *direct* when the content (edge punctuation stripped)
starts and ends with a double quote mark, *mixed* when it contains one,
*indirect* otherwise; two apostrophes used as a quote mark (the New York
Times articles of PolNeAR write ``''Yes,'' he said``) count as a double
quote mark. A prediction matches a gold attribution when the token Dice of
their contents is at least 0.5 (whitespace tokens, lower-cased, quote marks
and edge punctuation stripped), one to one, greedily by Dice, and between
equal scores by position (a quote an article repeats matches the copy the
annotator marked). A matched pair has the right speaker when the predicted
speaker span overlaps the gold Source (with no gold Source: when no speaker
is predicted). End-to-end scores count a match only with the right speaker.
Besides all, direct, each gold kind and each publisher, a ``reader:`` slice
per reader (rules, tagger) gives the precision of what that reader found and,
as recall, its share of all the gold.

Examples
--------
>>> dice(tokens('"We will win,"'), tokens("we will WIN"))
1.0
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from quotes.detect import plain_marks
from quotes.entities import NameParts, first_name_gender
from quotes.lexicon import ORG_NOUNS
from quotes.report import ReportTable
from quotes.types import Quote, QuoteKind, Span

DOUBLE_MARKS = "\"“”«»„‟"
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
_TEXT_BOUND = re.compile(r"^T\d+\t\S+ \d+ \d+")
_EVENT = re.compile(r"^E\d+\t")


@dataclass
class GoldAttribution:
    doc: str
    content: list[tuple[int, int]]
    text: str  # content fragments joined by a space
    cue: list[tuple[int, int]] = field(default_factory=list)
    source: list[tuple[int, int]] = field(default_factory=list)

    @property
    def kind(self) -> QuoteKind:
        t = plain_marks(self.text).strip().strip(".,;:!?—-– ")
        if t[:1] in DOUBLE_MARKS and t[-1:] in DOUBLE_MARKS and len(t) > 1:
            return "direct"
        return "mixed" if any(c in DOUBLE_MARKS for c in t) else "indirect"

    def as_quote(self, text: str) -> Quote:
        """This attribution as a prediction would give it (its first source as the speaker),
        so that one annotator can be scored against another."""
        start, end = self.content[0][0], self.content[-1][1]
        kind = self.kind
        return Quote(self.doc, kind, Span.of(text, start, end),
                     speaker=Span.of(text, *self.source[0]) if self.source else None,
                     fragments=[Span.of(text, s, e) for s, e in self.content] if kind == "direct" else [],
                     reader="annotator")


@dataclass
class GoldArticle:
    doc: str
    text: str
    publisher: str
    attributions: list[GoldAttribution]


def tokens(text: str) -> list[str]:
    """Whitespace tokens, lower-cased, with quote marks and edge punctuation stripped."""
    out = []
    for raw in text.lower().split():
        tok = _EDGE.sub("", raw)
        if tok:
            out.append(tok)
    return out


def dice(a: list[str], b: list[str]) -> float:
    if not a or not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    return 2 * common / (len(a) + len(b))


def _spans(field_: str) -> list[tuple[int, int]]:
    out = []
    for part in field_.split(";"):
        start, end = part.split()[-2:]
        out.append((int(start), int(end)))
    return out


def read_ann(path: Path, doc: str, text: str) -> list[GoldAttribution]:
    """Attribution events of one brat ``.ann`` file."""
    spans: dict[str, list[tuple[int, int]]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        # a span's text may hold a newline: its rest is a line of no record type
        if _TEXT_BOUND.match(line):
            tid, info, *_ = line.split("\t")
            spans[tid] = _spans(info.split(" ", 1)[1])
        elif _EVENT.match(line):
            events.append(line.split("\t")[1].split())
    out = []
    for args in events:
        roles: dict[str, list[tuple[int, int]]] = {"Content": [], "Cue": [], "Source": []}
        for arg in args[1:]:
            role, tid = arg.split(":")
            base = role.rstrip("0123456789")
            if base in roles and tid in spans:
                roles[base].extend(spans[tid])
        if roles["Content"]:
            content = sorted(roles["Content"])
            out.append(GoldAttribution(doc, content, " ".join(text[s:e] for s, e in content),
                                       roles["Cue"], roles["Source"]))
    return out


def _annotations(gold_dir: Path) -> dict[str, list[Path]]:
    """Each article's ``.ann`` files, one per annotator, in sorted order."""
    anns: dict[str, list[Path]] = {}
    for ann in sorted((Path(gold_dir) / "attributions").glob("*.ann")):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], []).append(ann)
    return anns


def read_gold(gold_dir: Path) -> list[GoldArticle]:
    """Every article under ``gold_dir/text`` with its first annotator's attributions."""
    anns = _annotations(gold_dir)
    articles = []
    for txt in sorted((Path(gold_dir) / "text").glob("*.txt")):
        text = txt.read_text(encoding="utf-8")
        first = anns.get(txt.stem, [])[:1]
        attributions = read_ann(first[0], txt.stem, text) if first else []
        articles.append(GoldArticle(txt.stem, text, txt.stem.split("_", 1)[0], attributions))
    return articles


@dataclass
class Pair:
    gold: GoldAttribution | None
    pred: Quote | None
    score: float = 0.0

    @property
    def speaker_right(self) -> bool:
        if self.gold is None or self.pred is None:
            return False
        if not self.gold.source:
            return self.pred.speaker is None
        sp = self.pred.speaker
        return sp is not None and any(s < sp.end and sp.start < e for s, e in self.gold.source)

    @property
    def exact(self) -> bool:
        return self.gold is not None and self.pred is not None and \
            tokens(self.gold.text) == tokens(self.pred.said)


def match(gold: list[GoldAttribution], pred: list[Quote], threshold: float = 0.5) -> list[Pair]:
    """One-to-one greedy matching by content Dice, overlapping spans first
    between equal scores; unmatched items get a lone Pair."""
    gtoks = [tokens(g.text) for g in gold]
    ptoks = [tokens(p.said) for p in pred]
    candidates = []
    for i, g in enumerate(gtoks):
        for j, p in enumerate(ptoks):
            d = dice(g, p)
            if d >= threshold:
                apart = not any(s < pred[j].content.end and pred[j].content.start < e for s, e in gold[i].content)
                candidates.append((d, apart, i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2], c[3]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for d, _, i, j in candidates:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append(Pair(gold[i], pred[j], d))
    pairs += [Pair(g, None) for i, g in enumerate(gold) if i not in used_g]
    pairs += [Pair(None, p) for j, p in enumerate(pred) if j not in used_p]
    return pairs


@dataclass
class Counts:
    """Tallies for one slice of the data (all, direct, a publisher...)."""

    gold: int = 0
    pred: int = 0
    matched: int = 0
    exact: int = 0
    right: int = 0  # matched with the right speaker


    @staticmethod
    def _f1(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def scores(self) -> dict[str, float]:
        p, r, f = self._f1(self.matched, self.pred, self.gold)
        ep, er, ef = self._f1(self.right, self.pred, self.gold)
        _, _, xf = self._f1(self.exact, self.pred, self.gold)
        return {"gold": self.gold, "pred": self.pred, "p": p, "r": r, "f1": f, "exact_f1": xf,
                "e2e_p": ep, "e2e_r": er, "e2e_f1": ef,
                "speaker_acc": self.right / self.matched if self.matched else 0.0}


def tally(pairs: Iterable[Pair], direct_only: bool = False) -> Counts:
    c = Counts()
    for pair in pairs:
        g = pair.gold if pair.gold is None or not direct_only or pair.gold.kind == "direct" else None
        p = pair.pred if pair.pred is None or not direct_only or pair.pred.kind == "direct" else None
        c.gold += g is not None
        c.pred += p is not None
        if g is not None and p is not None:
            c.matched += 1
            c.exact += pair.exact
            c.right += pair.speaker_right
    return c


@dataclass
class Evaluation:
    """Pairs per article and the scores that follow from them."""

    pairs: dict[str, list[Pair]]
    publishers: dict[str, str]

    def _rematch_direct(self) -> list[Pair]:
        """Direct scores match direct predictions against direct gold on their own."""
        out = []
        for pairs in self.pairs.values():
            gold = [p.gold for p in pairs if p.gold is not None and p.gold.kind == "direct"]
            pred = [p.pred for p in pairs if p.pred is not None and p.pred.kind == "direct"]
            out += match(gold, pred)
        return out

    def scores(self) -> dict[str, dict[str, float]]:
        every = [p for ps in self.pairs.values() for p in ps]
        result = {"all": tally(every).scores(), "direct": tally(self._rematch_direct()).scores()}
        for kind in ("direct", "mixed", "indirect"):
            sub = [p for p in every if (p.gold and p.gold.kind == kind) or
                   (p.gold is None and p.pred is not None and p.pred.kind == kind)]
            result[f"kind:{kind}"] = tally(sub).scores()
        for pub in sorted(set(self.publishers.values())):
            sub = [p for d, ps in self.pairs.items() if self.publishers[d] == pub for p in ps]
            result[f"publisher:{pub}"] = tally(sub).scores()
        # a reader's slice: the precision of what it found, and as recall its share of all gold
        gold = sum(p.gold is not None for p in every)
        for reader in sorted({p.pred.reader for p in every if p.pred is not None}):
            counts = tally(p for p in every if p.pred is not None and p.pred.reader == reader)
            counts.gold = gold
            result[f"reader:{reader}"] = counts.scores()
        return result

    def errors(self) -> list[tuple[str, str, Pair]]:
        """(doc, error class, pair) for every miss, false alarm and wrong speaker."""
        out = []
        for doc, pairs in self.pairs.items():
            for p in pairs:
                if p.pred is None:
                    out.append((doc, f"missed {p.gold.kind}", p))
                elif p.gold is None:
                    out.append((doc, f"spurious {p.pred.kind}", p))
                elif not p.speaker_right:
                    out.append((doc, "wrong speaker", p))
        return out


def by_doc(quotes: Iterable[Quote]) -> dict[str, list[Quote]]:
    """Predictions grouped by article, as :func:`evaluate` takes them."""
    out: dict[str, list[Quote]] = {}
    for q in quotes:
        out.setdefault(q.doc, []).append(q)
    return out


def evaluate(gold: list[GoldArticle], predictions: dict[str, list[Quote]]) -> Evaluation:
    pairs = {a.doc: match(a.attributions, predictions.get(a.doc, [])) for a in gold}
    return Evaluation(pairs, {a.doc: a.publisher for a in gold})


def agreement(gold_dir: Path) -> tuple[list[GoldArticle], Evaluation]:
    """How far annotators agree, by the same measure the pipeline gets.

    Returns the articles that several annotators marked (with the first one's
    attributions, as :func:`read_gold` reads them) and an evaluation of every
    further annotator's attributions, taken as predictions, against the
    first's; its pairs are keyed by the further ``.ann`` file's stem. Pooled
    over PolNeAR train and dev (89 such pairs on 18 articles) all-attribution
    E2E F1 is about 0.77, so no system should be expected far above that.
    """
    anns = _annotations(gold_dir)
    articles = [a for a in read_gold(gold_dir) if len(anns.get(a.doc, [])) > 1]
    pairs: dict[str, list[Pair]] = {}
    publishers: dict[str, str] = {}
    for article in articles:
        for other in anns[article.doc][1:]:
            theirs = [g.as_quote(article.text) for g in read_ann(other, article.doc, article.text)]
            pairs[other.stem] = match(article.attributions, theirs)
            publishers[other.stem] = article.publisher
    return articles, Evaluation(pairs, publishers)


def scores_table(scores: dict[str, dict[str, float]], title: str = "Attribution scores") -> ReportTable:
    table = ReportTable(title, ["Slice", "Gold", "Pred", "P", "R", "F1", "Exact F1",
                                               "E2E P", "E2E R", "E2E F1", "Speaker acc"])
    for name, s in scores.items():
        table.rows.append([name, int(s["gold"]), int(s["pred"]), *(f"{s[k]:.3f}" for k in (
            "p", "r", "f1", "exact_f1", "e2e_p", "e2e_r", "e2e_f1", "speaker_acc"))])
    return table


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    return " ".join(text[max(0, start - width):min(len(text), end + width)].split())


def errors_table(evaluation: Evaluation, texts: dict[str, str], limit: int | None = None) -> ReportTable:
    table = ReportTable("Errors", ["Article", "Error", "Gold content / source", "Predicted content / speaker"])
    for doc, kind, pair in evaluation.errors()[:limit]:
        text = texts[doc]
        gold = pred = ""
        if pair.gold is not None:
            src = " / ".join(text[s:e] for s, e in pair.gold.source) or "-"
            gold = f"{pair.gold.text[:160]} [{src}]"
        if pair.pred is not None:
            sp = pair.pred.speaker.text if pair.pred.speaker else "-"
            pred = f"{pair.pred.content.text[:160]} [{sp}]"
        if pair.gold is None and pair.pred is not None:
            gold = "… " + _context(text, pair.pred.content.start, pair.pred.content.end)[:200] + " …"
        table.rows.append([doc, kind, gold, pred])
    return table


@dataclass
class Calibration:
    """How far the quotes' confidences match how often they are right end to end.

    Examples
    --------
    >>> c = Calibration([0.9, 0.9, 0.2, 0.6], [True, True, False, True], gold=4)
    >>> [(round(lo, 1), n, round(obs, 2)) for lo, _, n, _, obs in c.bins(5) if n]
    [(0.2, 1, 0.0), (0.6, 1, 1.0), (0.8, 2, 1.0)]
    >>> round(c.ece(5), 3)
    0.2
    >>> c.at(0.5)
    {'threshold': 0.5, 'kept': 3, 'p': 1.0, 'r': 0.75, 'f1': 0.857}
    """

    confidence: list[float]
    right: list[bool]
    gold: int  # gold attributions, the denominator of recall

    @classmethod
    def of(cls, evaluation: Evaluation) -> Calibration:
        """The predicted quotes of an evaluation (scored whatever their confidence) with their confidence."""
        pairs = [p for ps in evaluation.pairs.values() for p in ps]
        scored = [p for p in pairs if p.pred is not None and p.pred.confidence is not None]
        return cls([p.pred.confidence for p in scored], [p.gold is not None and p.speaker_right for p in scored],
                   sum(p.gold is not None for p in pairs))

    def bins(self, n: int = 10) -> list[tuple[float, float, int, float, float]]:
        """(low, high, count, mean confidence, share right) of ``n`` equal-width bins."""
        out = []
        for b in range(n):
            lo, hi = b / n, (b + 1) / n
            inside = [(c, r) for c, r in zip(self.confidence, self.right, strict=True)
                      if lo <= c < hi or (b == n - 1 and c == 1.0)]
            out.append((lo, hi, len(inside), sum(c for c, _ in inside) / len(inside) if inside else 0.0,
                        sum(r for _, r in inside) / len(inside) if inside else 0.0))
        return out

    def ece(self, n: int = 10) -> float:
        """Expected calibration error: the bins' |confidence - share right|, weighted by their counts."""
        total = len(self.confidence)
        return sum(count * abs(pred - obs) for _, _, count, pred, obs in self.bins(n)) / total if total else 0.0

    def at(self, threshold: float) -> dict[str, float]:
        """End-to-end precision, recall and F1 of the quotes whose confidence reaches ``threshold``."""
        kept = [r for c, r in zip(self.confidence, self.right, strict=True) if c >= threshold]
        tp = sum(kept)
        p = tp / len(kept) if kept else 0.0
        r = tp / self.gold if self.gold else 0.0
        return {"threshold": threshold, "kept": len(kept), "p": round(p, 3), "r": round(r, 3),
                "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def reliability_table(calibration: Calibration) -> ReportTable:
    table = ReportTable(f"Reliability (expected calibration error {calibration.ece():.3f})",
                        ["Confidence", "Quotes", "Predicted", "Observed"])
    for lo, hi, count, pred, obs in calibration.bins():
        if count:
            table.rows.append([f"{lo:.1f}-{hi:.1f}", count, f"{pred:.3f}", f"{obs:.3f}"])
    return table


def thresholds_table(calibration: Calibration, thresholds: Iterable[float] = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9),
                     default: float | None = None) -> ReportTable:
    table = ReportTable("End-to-end scores by minimum confidence", ["Min confidence", "Quotes kept", "P", "R", "F1"])
    for t in sorted({*thresholds, *([default] if default is not None else [])}):
        s = calibration.at(t)
        mark = " (default)" if t == default else ""
        table.rows.append([f"{t:.2f}{mark}", s["kept"], f"{s['p']:.3f}", f"{s['r']:.3f}", f"{s['f1']:.3f}"])
    return table


# ---------------------------------------------------------------- entities


@dataclass
class GoldMention:
    """One gold Source span with the role, organization and entity a person read for it
    (``benchmarks/data/polnear-dev-entities/mentions.tsv``)."""

    doc: str
    start: int
    end: int
    mention: str
    role: str
    organization: str
    entity: str

    @property
    def named(self) -> bool:
        """Is it a named person or body? Unnamed sources have the id ``<doc>#<start>``."""
        return "#" not in self.entity


def read_mentions(path: Path) -> list[GoldMention]:
    """The rows of a gold mentions table (tab-separated, with a header)."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    rows = [dict(zip(lines[0].split("\t"), line.split("\t"), strict=True)) for line in lines[1:] if line]
    return [GoldMention(r["doc"], int(r["start"]), int(r["end"]), r["mention"], r["role"], r["organization"],
                        r["entity"]) for r in rows]


def _speaker_ids(mentions: list[GoldMention], quotes: Iterable[Quote],
                 key: Callable[[Quote], str | None]) -> dict[int, str]:
    """For each gold mention (by index) that a predicted speaker span overlaps, the predicted
    entity id of that speaker (``key`` of its quote; the speaker's own span where it has none)."""
    speakers: dict[str, list[Quote]] = {}
    for q in quotes:
        if q.speaker is not None:
            speakers.setdefault(q.doc, []).append(q)
    out = {}
    for i, m in enumerate(mentions):
        q = next((q for q in speakers.get(m.doc, []) if q.speaker and q.speaker.start < m.end
                  and m.start < q.speaker.end), None)
        if q is not None and q.speaker is not None:
            out[i] = key(q) or f"span:{q.doc}#{q.speaker.start}"
    return out


def most_quoted(mentions: list[GoldMention], n: int | None = None) -> list[str]:
    """The named gold entities by number of mentions, most first (the first ``n``)."""
    return [e for e, _ in Counter(m.entity for m in mentions if m.named).most_common(n)]


def bcubed(mentions: list[GoldMention], quotes: Iterable[Quote], key: Callable[[Quote], str | None],
           top: int | None = None) -> dict[str, float]:
    """B-cubed precision, recall and F1 of the predicted entities over the gold mentions of named entities.

    Scored are the gold mentions of named entities (the ``top`` most quoted,
    or all) that a predicted speaker span overlaps; each takes the id
    ``key`` gives the entity that speaks that quote. Mentions no speaker overlaps are
    attribution misses, counted in ``matched`` against ``mentions`` rather
    than in the clustering scores.

    Examples
    --------
    >>> from quotes.types import Entity, Span
    >>> gold = [GoldMention("a", 0, 5, "Trump", "", "", "Donald Trump"),
    ...         GoldMention("b", 0, 5, "Trump", "", "", "Donald Trump"),
    ...         GoldMention("b", 9, 11, "he", "", "", "Mike Pence")]
    >>> def said(doc, start, end, name):
    ...     return Quote(doc, "direct", Span(20, 22, "hi"), speaker=Span(start, end, ""), entity=Entity(name, "PERSON"))
    >>> quotes = [said("a", 0, 5, "Trump"), said("b", 0, 5, "Trump"), said("b", 9, 11, "Trump")]
    >>> scores = bcubed(gold, quotes, lambda q: q.entity.name)
    >>> round(scores["p"], 3), round(scores["r"], 3), scores["matched"]
    (0.556, 1.0, 3)
    """
    keep = set(most_quoted(mentions, top))
    scope = [m for m in mentions if m.entity in keep]
    predicted = _speaker_ids(scope, quotes, key)
    gold_of = {i: scope[i].entity for i in predicted}
    by_gold: Counter[str] = Counter(gold_of.values())
    by_pred: Counter[str] = Counter(predicted.values())
    both: Counter[tuple[str, str]] = Counter((gold_of[i], p) for i, p in predicted.items())
    n = len(predicted)
    p = sum(both[gold_of[i], pid] / by_pred[pid] for i, pid in predicted.items()) / n if n else 0.0
    r = sum(both[gold_of[i], pid] / by_gold[gold_of[i]] for i, pid in predicted.items()) / n if n else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "matched": n, "mentions": len(scope),
            "entities": len(keep)}


def gold_people(mentions: list[GoldMention]) -> set[str]:
    """The named gold entities that are people: called "he" or "she" somewhere, or named with a
    first name gender-guesser knows, no leading "The" and no organization noun ("Clinton campaign")."""
    pronouns = {m.entity for m in mentions if m.mention.lower() in ("he", "she", "him", "her", "his")}
    named = {m.entity for m in mentions if m.named}
    return {e for e in named if e in pronouns or (
        NameParts.of(e).full and e.split()[0].lower() != "the" and first_name_gender(e.split()[0]) != "unknown"
        and e.split()[-1].lower() not in ORG_NOUNS)}


def _by_name(m: GoldMention) -> bool:
    """Does the mention name its entity: share a word with the gold name ("Mr. Trump's", "Donald J. Trump")?"""
    return bool(set(tokens(m.mention)) & set(tokens(m.entity)))


def people_nodes(mentions: list[GoldMention], quotes: Iterable[Quote], key: Callable[[Quote], str | None],
                 n: int = 20) -> list[tuple[str, int, list[str], list[str]]]:
    """The ``n`` most quoted gold people: each with its matched mentions, the predicted person
    nodes it is split into, and the other gold people merged into its node.

    Counted over the mentions that name the person (:func:`_by_name`), or over their "I"
    where none found names them (an opinion piece's writer): a node
    belongs to the gold person with most of its such mentions, and a person's own node is the
    one with most of theirs. A "he" filed under the wrong person is a resolution error that B-cubed counts, not a
    split or merge of nodes.
    """
    people = gold_people(mentions)
    scope = [m for m in mentions if m.entity in people]
    predicted = _speaker_ids(scope, quotes, key)
    named = {scope[i].entity for i in predicted if _by_name(scope[i])}
    per_gold: dict[str, Counter[str]] = {}
    per_node: dict[str, Counter[str]] = {}
    for i, node in predicted.items():
        # a person quoted only as "I" (an opinion piece's writer) is counted over those mentions
        first_person = scope[i].entity not in named and scope[i].mention.lower() in ("i", "me", "my")
        if node.startswith("person:") and (_by_name(scope[i]) or first_person):
            per_gold.setdefault(scope[i].entity, Counter())[node] += 1
            per_node.setdefault(node, Counter())[scope[i].entity] += 1
    owner = {node: c.most_common(1)[0][0] for node, c in per_node.items()}
    main = {g: c.most_common(1)[0][0] for g, c in per_gold.items()}
    rows = []
    for person in most_quoted(scope, n):
        nodes = sorted(node for node, o in owner.items() if o == person)
        merged = sorted(g for g, node in main.items() if g != person and node == main.get(person))
        rows.append((person, sum(1 for i in predicted if scope[i].entity == person), nodes, merged))
    return rows


def entity_scores(mentions: list[GoldMention], quotes: list[Quote], key: Callable[[Quote], str | None]
                  ) -> tuple[dict[str, dict[str, float]], list[tuple[str, int, list[str], list[str]]]]:
    """B-cubed over the 40 most quoted gold entities and over all named ones (:func:`bcubed`), and the
    20 most quoted people's nodes (:func:`people_nodes`), as ``quotes evaluate --entities`` reports them."""
    return ({"top 40": bcubed(mentions, quotes, key, 40), "named": bcubed(mentions, quotes, key)},
            people_nodes(mentions, quotes, key))


def entities_table(scores: dict[str, dict[str, float]]) -> ReportTable:
    """B-cubed scores, one row per scope."""
    table = ReportTable("Entities: B-cubed over the gold mentions a predicted speaker overlaps",
                        ["Scope", "Entities", "Mentions", "Matched", "P", "R", "F1"])
    for name, s in scores.items():
        table.rows.append([name, int(s["entities"]), int(s["mentions"]), int(s["matched"]),
                           *(f"{s[k]:.3f}" for k in ("p", "r", "f1"))])
    return table


def people_table(people: list[tuple[str, int, list[str], list[str]]]) -> ReportTable:
    """The most quoted gold people: one predicted node each, shared with no other person, is right."""
    split = sum(len(nodes) != 1 for _, _, nodes, _ in people)
    merged = sum(bool(m) for _, _, _, m in people)
    table = ReportTable(f"Most quoted people: {split} not on one node of their own, {merged} sharing it",
                        ["Person", "Matched", "Nodes", "Merged with"])
    table.rows = [[p, n, nodes, merged_with] for p, n, nodes, merged_with in people]
    return table


def label(text: str | None) -> str:
    """A role or organization as scoring compares it: case-folded, a leading
    article, a possessive ending and punctuation other than hyphens dropped,
    whitespace collapsed.

    Examples
    --------
    >>> label("The Clinton campaign's"), label("Vice-Presidential  nominee"), label(None)
    ('clinton campaign', 'vice-presidential nominee', '')
    """
    if not text:
        return ""
    t = re.sub(r"['’]s?$", "", text.casefold().strip())
    t = re.sub(r"[^\w\s-]", " ", t)
    return re.sub(r"^(the|a|an)\s+", "", " ".join(t.split()))


def mention_pairs(gold: list[GoldMention], quotes: Iterable[Quote]) -> list[tuple[GoldMention, Quote]]:
    """Each predicted speaker mention with the gold source mention it overlaps most.

    A speaker span counts once however many quotes it speaks (the first
    quote's reading is taken); pairs are one to one, greedily by overlap in
    characters, then by position.
    """
    by_doc: dict[str, list[GoldMention]] = {}
    for g in gold:
        by_doc.setdefault(g.doc, []).append(g)
    speakers: dict[tuple[str, int, int], Quote] = {}
    for q in quotes:
        if q.speaker is not None:
            speakers.setdefault((q.doc, q.speaker.start, q.speaker.end), q)
    candidates = []
    for (doc, start, end), q in speakers.items():
        for i, g in enumerate(by_doc.get(doc, [])):
            overlap = min(end, g.end) - max(start, g.start)
            if overlap > 0:
                candidates.append((-overlap, doc, start, i, g, q))
    candidates.sort(key=lambda c: c[:4])
    used_g: set[tuple[str, int]] = set()
    used_p: set[tuple[str, int]] = set()
    pairs = []
    for _, doc, start, i, g, q in candidates:
        if (doc, i) not in used_g and (doc, start) not in used_p:
            used_g.add((doc, i))
            used_p.add((doc, start))
            pairs.append((g, q))
    return pairs


def role_scores(pairs: Iterable[tuple[GoldMention, Quote]]) -> dict[str, dict[str, float]]:
    """Role and organization precision, recall and F1 per speaker mention.

    Only mentions where a predicted speaker meets a gold source are scored
    (:func:`mention_pairs`), so the scores say how well the mention is read,
    not how many speakers are found: precision is the share of the roles
    (organizations) read that equal the gold one under :func:`label`, recall
    the share of the gold ones that were read so. ``mentions`` gives how many
    pairs were scored.

    Examples
    --------
    >>> from quotes.types import Entity
    >>> g = GoldMention("d", 0, 9, "Sen. Cruz", "senator", "Republican Party", "Ted Cruz")
    >>> q = Quote("d", "direct", Span(20, 30, ""), entity=Entity("Ted Cruz", "PERSON", "Senator", None))
    >>> s = role_scores([(g, q)])
    >>> s["role"]["f1"], s["organization"]["r"]
    (1.0, 0.0)
    """
    counts = {"role": [0, 0, 0], "organization": [0, 0, 0]}  # right, predicted, gold
    n = 0
    for g, q in pairs:
        n += 1
        e = q.entity
        for name, gold, pred in (("role", g.role, e.role if e else None),
                                 ("organization", g.organization, e.organization if e else None)):
            gold, pred = label(gold), label(pred)
            c = counts[name]
            c[0] += bool(gold) and gold == pred
            c[1] += bool(pred)
            c[2] += bool(gold)
    out: dict[str, dict[str, float]] = {}
    for name, (right, pred, gold) in counts.items():
        p, r, f = Counts._f1(right, pred, gold)
        out[name] = {"gold": gold, "pred": pred, "right": right, "p": p, "r": r, "f1": f}
    out["mentions"] = {"scored": n}
    return out


def roles_table(scores: dict[str, dict[str, float]]) -> ReportTable:
    """:func:`role_scores` as a table, one row for roles and one for organizations."""
    table = ReportTable(f"Speaker roles and organizations per mention ({int(scores['mentions']['scored'])} "
                        "speaker mentions on a gold source)", ["Field", "Gold", "Pred", "Right", "P", "R", "F1"])
    for name in ("role", "organization"):
        s = scores[name]
        table.rows.append([name, int(s["gold"]), int(s["pred"]), int(s["right"]),
                           *(f"{s[k]:.3f}" for k in ("p", "r", "f1"))])
    return table
