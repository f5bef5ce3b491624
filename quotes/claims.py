"""Claims: the same statement reported in several articles, as one claim.

Every quote (direct, mixed or indirect) is a report of a claim. Reports are
merged into one claim when their words are equal after normalizing quote
marks, case, whitespace and punctuation, or nearly equal (a few words
changed, or one truncates the other), provided their speakers do not
contradict each other. A claim keeps every variant with its article and
offsets, and says where the wording differs.

Limits: paraphrases with different words are separate claims; near-duplicate
search compares only reports that share a three-word sequence.

Examples
--------
>>> normalize("“We don’t,” he said!") == normalize('"we DON\\'T" he said')
True
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from quotes.entities import CorpusEntities
from quotes.types import Article, Quote

SIMILAR = 0.85  # token-sequence ratio for "a few words changed"
CONTAINED = 0.9  # share of the shorter report found in the longer one, for truncations
MIN_TRUNCATED = 6  # a truncated variant needs at least this many words


def normalize(text: str) -> str:
    text = text.casefold().translate(str.maketrans("‘’‚‛“”„‟«»′″", "''''\"\"\"\"\"\"'\""))
    text = re.sub(r"[^\w\s]", "", text)
    return " ".join(text.split())


@dataclass
class Claim:
    """A statement and every report of it."""

    id: str
    reports: list[Quote]
    speaker: str | None  # CorpusEntities key
    outlets: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.reports[0].said

    @property
    def kind(self) -> str:
        return self.reports[0].kind

    @property
    def variants(self) -> list[str]:
        """Distinct wordings, after normalization, in order of appearance."""
        return list(dict.fromkeys(normalize(q.said) for q in self.reports))

    @property
    def wording_differs(self) -> bool:
        return len(self.variants) > 1

    def differences(self) -> list[str]:
        """Word-level edits from the first variant to each other one ("defense → defence")."""
        base = self.variants[0].split()
        out = []
        for other in self.variants[1:]:
            words = other.split()
            for op, i1, i2, j1, j2 in SequenceMatcher(None, base, words, autojunk=False).get_opcodes():
                if op != "equal":
                    out.append(f"{' '.join(base[i1:i2]) or '∅'} → {' '.join(words[j1:j2]) or '∅'}")
        return list(dict.fromkeys(out))


def _similar(a: list[str], b: list[str], bag_a: Counter[str], bag_b: Counter[str]) -> bool:
    """The words both share (as multisets) bound what the matcher can match, so
    most pairs are ruled out before it runs."""
    shorter = min(len(a), len(b))
    if len(bag_a) > len(bag_b):
        bag_a, bag_b = bag_b, bag_a
    common = sum(min(n, bag_b[w]) for w, n in bag_a.items() if w in bag_b)
    if 2 * common / (len(a) + len(b)) < SIMILAR and (shorter < MIN_TRUNCATED or common / shorter < CONTAINED):
        return False
    sm = SequenceMatcher(None, a, b, autojunk=False)
    if sm.ratio() >= SIMILAR:
        return True
    matched = sum(block.size for block in sm.get_matching_blocks())
    return shorter >= MIN_TRUNCATED and matched / shorter >= CONTAINED


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    if len(words) < 3:
        return {tuple(words)}
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


def build_claims(quotes: list[Quote], articles: list[Article], entities: CorpusEntities | None = None) -> list[Claim]:
    """Group quotes into claims (in order of first report)."""
    entities = entities or CorpusEntities(quotes)
    outlet = {a.id: a.outlet or a.id for a in articles}
    keys = [entities.speaker(q) for q in quotes]
    words = [normalize(q.said).split() for q in quotes]
    bags = [Counter(ws) for ws in words]
    parent = list(range(len(quotes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def compatible(i: int, j: int) -> bool:
        a, b = keys[i], keys[j]
        if a is None or b is None or a == b:
            return True
        if a.startswith("source:") or b.startswith("source:"):
            return SequenceMatcher(None, a, b).ratio() >= 0.8
        return False

    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    first_of: dict[tuple[str, ...], int] = {}
    for i, ws in enumerate(words):
        if not ws:
            continue
        twin = first_of.setdefault(tuple(ws), i)
        if twin != i and compatible(i, twin):  # the same words again: the twin's comparisons stand
            parent[find(i)] = find(twin)
            continue
        candidates = {j for sh in _shingles(ws) for j in index.get(sh, ())}
        for j in sorted(candidates):
            if find(i) != find(j) and compatible(i, j) and (
                    ws == words[j] or _similar(ws, words[j], bags[i], bags[j])):
                parent[find(i)] = find(j)
        for sh in _shingles(ws):
            index[sh].append(i)

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(quotes)):
        groups[find(i)].append(i)
    claims = []
    for n, members in enumerate(sorted(groups.values(), key=min), 1):
        speaker = Counter(keys[i] for i in members if keys[i]).most_common(1)
        reports = [quotes[i] for i in members]
        claims.append(Claim(f"claim{n}", reports, speaker[0][0] if speaker else None,
                            list(dict.fromkeys(outlet.get(q.doc, q.doc) for q in reports))))
    return claims
