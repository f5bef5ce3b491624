"""Write quotes as JSON Lines, JSON or CSV (the contract in docs/output.md).

Each writer takes a path or an open text file, like networkx's writers.

Examples
--------
>>> import io
>>> from quotes.types import Quote, Span
>>> q = Quote("a", "direct", Span(1, 5, "Hi!!"))
>>> buf = io.StringIO(); write_jsonl([q], buf); buf.getvalue()[:45]
'{"doc": "a", "kind": "direct", "content": {"s'
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from quotes.types import Quote

FORMATS = ("jsonl", "json", "csv")
CSV_FIELDS = [
    "doc", "kind", "content_start", "content_end", "content", "cue_start", "cue_end", "cue",
    "speaker_start", "speaker_end", "speaker", "entity", "entity_type", "role", "organization",
    "reader", "confidence", "rule",
]


@contextmanager
def _opened(target: str | Path | IO[str]) -> Iterator[IO[str]]:
    if isinstance(target, (str, Path)):
        with open(target, "w", encoding="utf-8", newline="") as fh:
            yield fh
    else:
        yield target


def write_jsonl(quotes: Iterable[Quote], target: str | Path | IO[str]) -> None:
    """One quote a line."""
    with _opened(target) as fh:
        for q in quotes:
            fh.write(json.dumps(q.to_dict(), ensure_ascii=False) + "\n")


def write_json(quotes: Iterable[Quote], target: str | Path | IO[str]) -> None:
    """A JSON array of quotes."""
    with _opened(target) as fh:
        json.dump([q.to_dict() for q in quotes], fh, ensure_ascii=False, indent=1)
        fh.write("\n")


def csv_row(q: Quote) -> dict[str, object]:
    """Flatten a quote for spreadsheets: spans become start/end/text columns."""
    row: dict[str, object] = {"doc": q.doc, "kind": q.kind}
    for name, span in (("content", q.content), ("cue", q.cue), ("speaker", q.speaker)):
        row[f"{name}_start"] = span.start if span else ""
        row[f"{name}_end"] = span.end if span else ""
        row[name] = span.text if span else ""
    e = q.entity
    row.update(entity=e.name if e else "", entity_type=e.type if e else "",
               role=(e.role or "") if e else "", organization=(e.organization or "") if e else "",
               reader=q.reader, confidence="" if q.confidence is None else q.confidence, rule=" ".join(q.rule))
    return row


def write_csv(quotes: Iterable[Quote], target: str | Path | IO[str]) -> None:
    """A CSV table, one quote a row (columns: :data:`CSV_FIELDS`)."""
    with _opened(target) as fh:
        writer = csv.DictWriter(fh, fieldnames=CSV_FIELDS)
        writer.writeheader()
        writer.writerows(csv_row(q) for q in quotes)


WRITERS = {"jsonl": write_jsonl, "json": write_json, "csv": write_csv}
