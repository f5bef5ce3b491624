"""Golden outputs: the JSONL of `corpus/` and of PolNeAR train, from cached annotations.

Usage:
    python benchmarks/golden.py write [--limit N]   # annotate what is not cached, write the golden JSONL
    python benchmarks/golden.py check [--limit N] [--store DB]  # re-run detection on the cached annotations, diff
    python benchmarks/golden.py retag [--store DB]  # a copy of the cache with each token's XPOS and features

A change to detection, attribution or resolution that must not change what is
found is checked with ``check`` (fields the golden files predate are ignored): it needs no Stanza run once ``write`` has
cached the annotations (in ``.golden/annotations.db``, a store of
:mod:`quotes.store`), and prints each article whose quotes differ. The golden
files (``.golden/*.jsonl``) and the cache stay out of git: they are made from
the bundled models on the machine that checks.

``retag`` copies the cache (default to ``.golden/annotations-retagged.db``) and
fills in each token's XPOS and UD features, which caches written before
tokens carried them lack, by running only the bundled POS model over the
cached tokenization: minutes on one core where re-annotating takes an hour.
Lemmas, UPOS, parse and entities stay as cached. ``check --store`` that copy
to see what the rules read from morphology rather than spelling.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import sys
from dataclasses import replace
from pathlib import Path

from quotes import models
from quotes.annotate import StanzaAnnotator
from quotes.export import write_jsonl
from quotes.ingest import Problem, read_corpus
from quotes.pipeline import extract_quotes
from quotes.store import Store, decode_doc, encode_doc
from quotes.types import Doc

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / ".golden"
BATCH = 16
RETAG_BATCH = 2000  # sentences the POS model tags in one call
SETS = {"corpus": ROOT / "corpus", "polnear-train": ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"}


def outputs(name: str, folder: Path, store: Store, limit: int | None) -> dict[str, str]:
    """Each article's quotes as JSONL, annotating (and caching) what the store lacks."""
    annotator = StanzaAnnotator("compact")
    files = sorted(folder.glob("*.txt"))[:limit]
    articles = []
    for item in read_corpus(files):
        if isinstance(item, Problem):
            print(f"{name}: {item}", file=sys.stderr)
        else:
            articles.append(item)
    docs = {a.id: store.cached(a.text, annotator.name) for a in articles}
    todo = [a for a in articles if docs[a.id] is None]
    for i in range(0, len(todo), BATCH):  # Stanza batches sentences across the articles of a call
        batch = todo[i:i + BATCH]
        for article, doc in zip(batch, annotator.annotate(batch), strict=True):
            store.save(article, doc, [], annotator.name)
            docs[article.id] = doc
    out: dict[str, str] = {}
    for article in articles:
        buf = io.StringIO()
        write_jsonl(extract_quotes(article, docs[article.id]), buf)
        out[article.id] = buf.getvalue()
    return out


def retag(source: Path, target: Path) -> int:
    """Copy the store ``source`` to ``target`` and fill in every cached token's
    XPOS and UD features with the bundled POS model, reading the cached
    tokenization (pretokenized, so tokens and offsets stay as they are).

    Returns the number of annotations retagged.
    """
    import torch

    torch.set_num_threads(1)  # one core: the check machines are shared
    shutil.copyfile(source, target)
    tagger = models.compact().pipeline("tokenize,pos", tokenize_pretokenized=True)
    with Store(target) as store:  # opening upgrades the copy's schema
        rows = store.db.execute("SELECT rowid, doc FROM annotations").fetchall()
        batch: list[tuple[int, Doc]] = []
        for n, (key, blob) in enumerate(rows, 1):
            batch.append((key, decode_doc(blob)))
            if n < len(rows) and sum(len(doc.sentences) for _, doc in batch) < RETAG_BATCH:
                continue
            sentences = [s for _, doc in batch for s in doc.sentences]
            for sent, tags in zip(sentences, tagger([[t.text for t in s.tokens] for s in sentences]).sentences,
                                  strict=True):
                sent.tokens = [replace(t, xpos=w.xpos or "", feats=w.feats or "")
                               for t, w in zip(sent.tokens, tags.words, strict=True)]
            with store.db:
                store.db.executemany("UPDATE annotations SET doc = ? WHERE rowid = ?",
                                     [(encode_doc(doc), k) for k, doc in batch])
            batch = []
            print(f"retagged {n}/{len(rows)} annotations", file=sys.stderr)
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=("write", "check", "retag"))
    parser.add_argument("--limit", type=int, help="only the first N articles of each set")
    parser.add_argument("--sets", nargs="+", choices=sorted(SETS), default=sorted(SETS))
    parser.add_argument("--store", type=Path, help="the annotation cache (default .golden/annotations.db; "
                                                   "for retag, the copy to write: .golden/annotations-retagged.db)")
    args = parser.parse_args(argv)
    OUT.mkdir(exist_ok=True)
    if args.action == "retag":
        print(f"{retag(OUT / 'annotations.db', args.store or OUT / 'annotations-retagged.db')} annotations retagged")
        return 0
    changed = 0
    with Store(args.store or OUT / "annotations.db") as store:
        for name in args.sets:
            found = outputs(name, SETS[name], store, args.limit)
            golden = OUT / f"{name}.jsonl"
            if args.action == "write":
                golden.write_text("".join(found.values()), encoding="utf-8")
                print(f"{name}: {len(found)} articles, {sum(v.count(chr(10)) for v in found.values())} quotes")
                continue
            before: dict[str, list[dict[str, object]]] = {}
            for line in golden.read_text(encoding="utf-8").splitlines():
                record = json.loads(line)
                before.setdefault(record["doc"], []).append(record)
            for doc, lines in found.items():
                old = before.get(doc, [])
                # fields the golden files predate are left out of the comparison
                new = [{k: v for k, v in json.loads(line).items() if not old or k in old[0]}
                       for line in lines.splitlines()]
                if old != new:
                    changed += 1
                    print(f"{name}: {doc} differs ({len(old)} -> {len(new)} quotes)")
            print(f"{name}: {len(found)} articles checked")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
