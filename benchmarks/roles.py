"""Speaker roles and organizations on PolNeAR dev, per mention, into docs/evaluation.md.

Usage: python benchmarks/roles.py [--gold ../shared/data/polnear/dev] [--db .golden/polnear-dev.db]
       [--mentions FILE] [--sample] [--no-write] [--errors]

Development runs on the PolNeAR train sample instead (56 articles,
``benchmarks/data/polnear-train-entities``): ``--gold ../shared/data/polnear/train
--db .golden/annotations.db --mentions benchmarks/data/polnear-train-entities/mentions.tsv
--sample --no-write --errors``.

Reads the dev articles' annotations from a store (:mod:`quotes.store`, as
``benchmarks/calibration.py`` caches them: no Stanza run once cached), runs detection,
attribution and resolution on them, keeps every quote whatever its
confidence, and scores the role and organization of each predicted speaker
mention that overlaps a gold source mention of
``benchmarks/data/polnear-dev-entities/mentions.tsv``
(:func:`quotes.evaluate.role_scores`), then the B-cubed scores of the corpus
entities and the most quoted people's nodes (:func:`quotes.evaluate.entity_scores`).
Rewrites the sections between the ROLES and ENTITIES markers of
docs/evaluation.md. Dev is only scored here, never examined rule
by rule.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from polnear import DEV, ROOT, stored_quotes, write_section

from quotes import evaluate as ev
from quotes.entities import CorpusEntities
from quotes.types import Quote

BEGIN, END = "<!-- ROLES:BEGIN -->", "<!-- ROLES:END -->"
ENTITIES_BEGIN, ENTITIES_END = "<!-- ENTITIES:BEGIN -->", "<!-- ENTITIES:END -->"
TARGETS = {"role": 0.90, "organization": 0.85}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEV, help="PolNeAR dev (text/*.txt)")
    parser.add_argument("--db", type=Path, default=ROOT / ".golden" / "polnear-dev.db")
    parser.add_argument("--mentions", type=Path,
                        default=ROOT / "benchmarks" / "data" / "polnear-dev-entities" / "mentions.tsv")
    parser.add_argument("--sample", action="store_true", help="read only the articles the mentions table names")
    parser.add_argument("--no-write", action="store_true", help="print the scores, leave docs/evaluation.md alone")
    parser.add_argument("--errors", action="store_true", help="print each mention whose role or organization is wrong")
    args = parser.parse_args(argv)
    mentions = ev.read_mentions(args.mentions)
    docs = {m.doc for m in mentions}
    files = sorted(f for f in (args.gold / "text").glob("*.txt") if f.stem in docs or not args.sample)
    if not files:
        print(f"no articles under {args.gold / 'text'}", file=sys.stderr)
        return 1
    quotes = stored_quotes(files, args.db)
    pairs = ev.mention_pairs(mentions, quotes)
    scores = ev.role_scores(pairs)
    if args.errors:
        for g, q in pairs:
            e = q.entity
            read = (e.role if e else None, e.organization if e else None)
            if (ev.label(g.role), ev.label(g.organization)) != tuple(ev.label(x) for x in read):
                print(f"{g.doc[:30]}\t{g.mention[:70]!r}\tgold {g.role!r}/{g.organization!r}\t"
                      f"read {read[0]!r}/{read[1]!r}")
    lines = [f"Run {datetime.date.today()} with the bundled compact models on the {len(files)} PolNeAR "
             f"{args.gold.name} articles, "
             f"every quote whatever its confidence (`python benchmarks/roles.py`): "
             f"{int(scores['mentions']['scored'])} predicted speaker mentions meet a gold source.", "",
             "| field | gold | predicted | right | P | R | F1 | goal | met |", "|---|---|---|---|---|---|---|---|---|"]
    for name, goal in TARGETS.items():
        s = scores[name]
        lines.append(f"| {name} | {int(s['gold'])} | {int(s['pred'])} | {int(s['right'])} | {s['p']:.3f} | "
                     f"{s['r']:.3f} | {s['f1']:.3f} | {goal:.2f} | {'yes' if s['f1'] >= goal else 'no'} |")
    entities = entity_lines(mentions, quotes, f"{len(files)} PolNeAR {args.gold.name}")
    if not args.no_write:
        write_section(BEGIN, END, [*lines, ""])
        write_section(ENTITIES_BEGIN, ENTITIES_END, [*entities, ""])
    print("\n".join([*lines, "", *entities]))
    return 0


def entity_lines(mentions: list[ev.GoldMention], quotes: list[Quote], articles: str) -> list[str]:
    """B-cubed over the corpus entities, and the most quoted people's nodes, as Markdown."""
    bcubed, people = ev.entity_scores(mentions, quotes, CorpusEntities(quotes).speaker)
    alone = sum(len(nodes) == 1 and not merged for _, _, nodes, merged in people)
    lines = [f"Run {datetime.date.today()} with the bundled compact models on the {articles} articles, "
             "every quote (`python benchmarks/roles.py`).", "",
             "| scope | entities | gold mentions | matched | B-cubed P | R | F1 | goal F1 |",
             "|---|---|---|---|---|---|---|---|"]
    for scope, goal in (("top 40", "0.95"), ("named", "—")):
        b = bcubed[scope]
        lines.append(f"| {scope} | {b['entities']} | {b['mentions']:,} | {b['matched']:,} | {b['p']:.3f} | "
                     f"{b['r']:.3f} | {b['f1']:.3f} | {goal} |")
    split = [name for name, _, nodes, _ in people if len(nodes) != 1]
    merged = [name for name, _, _, others in people if others]
    return [*lines, "", f"The {len(people)} most quoted people: {alone} on one node of their own; split or without "
            f"a node: {', '.join(split) or 'none'}; merged with another person: {', '.join(merged) or 'none'}."]


if __name__ == "__main__":
    sys.exit(main())
