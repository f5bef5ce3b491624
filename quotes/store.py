"""A persistent, resumable store for runs: SQLite (schema in docs/store.md).

Each article is written with its quotes in one transaction, so a run stopped
at any point (Ctrl-C, ``kill -9``) leaves only whole articles behind and the
next run over the same files resumes after the last one saved. Annotations
are cached by text hash and annotator, so re-running (after a change to the
rules, say) skips Stanza entirely. Entities and claims are derived from the
quotes and rewritten at the end of each run.

Examples
--------
>>> s = Store(":memory:")
>>> s.version
4
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import operator
import sqlite3
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from quotes.analysis import Analysis
from quotes.annotate import Annotator
from quotes.ingest import Problem
from quotes.types import Article, Doc, Entity, Mention, Paragraph, Quote, Sentence, Span, Token

SCHEMA_VERSION = 4

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, text_hash TEXT NOT NULL, text TEXT NOT NULL, paragraphs TEXT NOT NULL,
    source TEXT, title TEXT, outlet TEXT, date TEXT, url TEXT, annotator TEXT NOT NULL,
    seq INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS annotations (
    text_hash TEXT NOT NULL, annotator TEXT NOT NULL, doc BLOB NOT NULL,
    PRIMARY KEY (text_hash, annotator));
CREATE TABLE IF NOT EXISTS quotes (
    doc TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, n INTEGER NOT NULL, kind TEXT NOT NULL,
    content_start INTEGER NOT NULL, content_end INTEGER NOT NULL, content TEXT NOT NULL,
    cue_start INTEGER, cue_end INTEGER, cue TEXT,
    speaker_start INTEGER, speaker_end INTEGER, speaker TEXT,
    entity TEXT, entity_type TEXT, role TEXT, organization TEXT,
    fragments TEXT NOT NULL, subjects TEXT NOT NULL, reader TEXT NOT NULL, confidence REAL,
    rule TEXT NOT NULL DEFAULT '[]', PRIMARY KEY (doc, n));
CREATE TABLE IF NOT EXISTS problems (path TEXT NOT NULL, line INTEGER, message TEXT NOT NULL,
    fatal INTEGER NOT NULL, UNIQUE (path, line, message));
CREATE TABLE IF NOT EXISTS entities (key TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL,
    roles TEXT NOT NULL, organizations TEXT NOT NULL, articles INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS claims (id TEXT PRIMARY KEY, text TEXT NOT NULL, kind TEXT NOT NULL,
    speaker TEXT, outlets TEXT NOT NULL, reports TEXT NOT NULL, wording_differs INTEGER NOT NULL);
"""


# what takes a store of each older version to the next
_UPGRADES = {
    1: ["ALTER TABLE quotes ADD COLUMN reader TEXT NOT NULL DEFAULT 'unrecorded'",
        "ALTER TABLE quotes ADD COLUMN confidence REAL"],  # which reader found a quote
    2: ["ALTER TABLE quotes ADD COLUMN rule TEXT NOT NULL DEFAULT '[]'"],  # which rules made it
    # tokens carry xpos and feats: older annotations decode with empty ones (Token's defaults)
    3: [],
}


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _span(row: Mapping[str, Any], name: str) -> Span | None:
    start = row[f"{name}_start"]
    return None if start is None else Span(start, row[f"{name}_end"], row[name])


QUOTE_COLUMNS = ("doc", "n", "kind", "content_start", "content_end", "content", "cue_start", "cue_end", "cue",
                 "speaker_start", "speaker_end", "speaker", "entity", "entity_type", "role", "organization",
                 "fragments", "subjects", "reader", "confidence", "rule")
ARTICLE_COLUMNS = ("id", "text_hash", "text", "paragraphs", "source", "title", "outlet", "date", "url", "annotator")


def quote_row(n: int, q: Quote) -> dict[str, Any]:
    """A quote as a flat row (the quotes table; Parquet too)."""
    def parts(s: Span | None) -> tuple[object, object, object]:
        return (s.start, s.end, s.text) if s else (None, None, None)

    e = q.entity
    values = (q.doc, n, q.kind, *parts(q.content), *parts(q.cue), *parts(q.speaker),
              e.name if e else None, e.type if e else None, e.role if e else None,
              e.organization if e else None, json.dumps([f.to_dict() for f in q.fragments]),
              json.dumps([s.to_dict() for s in q.subjects]), q.reader, q.confidence, json.dumps(q.rule))
    return dict(zip(QUOTE_COLUMNS, values, strict=True))


def quote_from_row(row: Mapping[str, Any]) -> Quote:
    entity = Entity(row["entity"], row["entity_type"], row["role"], row["organization"]) if row["entity"] else None
    return Quote(row["doc"], row["kind"], _span(row, "content"), _span(row, "cue"), _span(row, "speaker"), entity,
                 [Span(**f) for f in json.loads(row["fragments"])],
                 [Entity(s["name"], s["type"]) for s in json.loads(row["subjects"])],
                 row["reader"], None if row["confidence"] is None else float(row["confidence"]),
                 json.loads(row["rule"]))


def article_row(article: Article, annotator: str) -> dict[str, Any]:
    paragraphs = json.dumps([[p.span.start, p.span.end, p.skip] for p in article.paragraphs])
    values = (article.id, text_hash(article.text), article.text, paragraphs, str(article.source or ""),
              article.title, article.outlet, article.date, article.url, annotator)
    return dict(zip(ARTICLE_COLUMNS, values, strict=True))


def article_from_row(row: Mapping[str, Any]) -> Article:
    paragraphs = [Paragraph(Span.of(row["text"], s, e), skip) for s, e, skip in json.loads(row["paragraphs"])]
    return Article(row["id"], row["text"], paragraphs, Path(row["source"]) if row["source"] else None,
                   row["title"], row["outlet"], row["date"], row["url"])


def problem_row(p: Problem) -> dict[str, Any]:
    return {"path": str(p.path), "line": p.line, "message": p.message, "fatal": int(p.fatal)}


def problem_from_row(row: Mapping[str, Any]) -> Problem:
    return Problem(Path(row["path"]), row["message"], row["line"], bool(row["fatal"]))


# a token's fields in declaration order, as Token(*row) takes them back
# (dataclasses.astuple deep-copies every field: most of the time a first run spent saving)
_token_row = operator.attrgetter(*(f.name for f in dataclasses.fields(Token)))


def encode_doc(doc: Doc) -> bytes:
    data = {"s": [[s.paragraph, [_token_row(t) for t in s.tokens]] for s in doc.sentences],
            "m": [[m.span.start, m.span.end, m.span.text, m.type] for m in doc.mentions]}
    return zlib.compress(json.dumps(data, separators=(",", ":")).encode(), 6)


def decode_doc(blob: bytes) -> Doc:
    data = json.loads(zlib.decompress(blob))
    sentences = [Sentence([Token(*t) for t in toks], para) for para, toks in data["s"]]
    return Doc(sentences, [Mention(Span(s, e, t), k) for s, e, t, k in data["m"]])


class StoreError(RuntimeError):
    """The database is not a quotes store, of another schema version, or cannot be written."""


APPLICATION_ID = 0x51554F54  # "QUOT" in the SQLite header: marks a file as ours (``file`` shows it)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write ``path``, even in a read-only folder.

    SQLite reads a WAL-mode database through a ``-shm`` file it creates next
    to it; where it cannot (a read-only folder), the file is opened immutable,
    safe since nothing can be writing there either.
    """
    uri = path.resolve().as_uri()
    db = sqlite3.connect(f"{uri}?mode=ro", uri=True)
    try:
        db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        db.close()
        db = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)
    db.row_factory = sqlite3.Row
    return db


def _foreign(db: sqlite3.Connection) -> str | None:
    """Why the database is not a quotes store, or None if it is one or empty."""
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables or db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID:
        return None
    # a store written before it set the application id: our articles columns and a schema version
    columns = {r[1] for r in db.execute("PRAGMA table_info(articles)")}
    if {"meta", "articles"} <= tables and columns >= {*ARTICLE_COLUMNS, "seq"} and db.execute(
            "SELECT 1 FROM pragma_table_info('meta') WHERE name = 'key'").fetchone() and db.execute(
            "SELECT 1 FROM meta WHERE key = 'schema_version'").fetchone():
        return None
    shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
    return f"not a quotes database (another program's, with tables {shown}); left unchanged"


class Store:
    """Read and write a run's articles, annotations, quotes, entities and claims.

    Only quotes stores are opened: a database of another program is refused
    with a :class:`StoreError` before anything is written to it. With
    ``read_only``, nothing is ever written, and a store whose file or folder is
    read-only can be loaded. Any write that fails (a full disk, a read-only
    file) raises a one-line :class:`StoreError`; the article being saved is
    rolled back whole, so the store stays as the last article left it and the
    next run resumes from there.
    """

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = path
        memory = str(path) == ":memory:"
        try:
            if not memory and Path(path).is_file() and Path(path).stat().st_size:
                with contextlib.closing(_connect_read_only(Path(path))) as probe:
                    why = _foreign(probe)
                if why:
                    raise StoreError(f"{path}: {why}")
            elif read_only:
                raise StoreError(f"{path}: {'empty file, ' if Path(path).is_file() else ''}no such database")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: not a quotes database ({exc})") from exc
        if read_only:
            self.db = _connect_read_only(Path(path))
        else:
            self.db = sqlite3.connect(str(path))
            self.db.row_factory = sqlite3.Row
            with self._writing("open for writing"):
                self.db.execute("PRAGMA foreign_keys = ON")
                self.db.execute("PRAGMA journal_mode = WAL")  # readers (reports) while a run writes
                self.db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                self.db.executescript(SCHEMA)
                self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        try:
            self.version = int(self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0])
        except sqlite3.DatabaseError as exc:  # read-only: an empty database has no tables
            self.db.close()
            raise StoreError(f"{path}: not a quotes database ({exc})") from exc
        if self.version in _UPGRADES and not read_only:
            self._upgrade()
        if self.version != SCHEMA_VERSION:
            self.db.close()
            raise StoreError(f"{path}: schema version {self.version}, this quotes reads {SCHEMA_VERSION}"
                             + (" (open it once for writing to upgrade it)" if self.version in _UPGRADES else ""))

    @contextlib.contextmanager
    def _writing(self, what: str, after: str = "") -> Iterator[None]:
        """One transaction; an SQLite error becomes a one-line :class:`StoreError`
        (``after``: what to add to its message)."""
        try:
            with self.db:
                yield
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot {what}: {exc}{after}") from exc

    def _upgrade(self) -> None:
        """Bring an older store to this schema. Its quotes read with what they lack
        (reader "unrecorded", no rule ids), and its articles no longer count as
        done, so the next run over them redoes their quotes from the cached
        annotations."""
        with self._writing(f"upgrade from schema version {self.version}"):
            for version in range(self.version, SCHEMA_VERSION):
                for statement in _UPGRADES[version]:
                    self.db.execute(statement)
            self.db.execute("UPDATE articles SET annotator = annotator || ?", (f" (schema {self.version})",))
            self.db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),))
        self.version = SCHEMA_VERSION

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def scored_by(self, digest: str) -> None:
        """Record that quotes are scored by the confidence model ``digest``; where the
        store's were scored by another, its articles no longer count as done, so
        the next run redoes their quotes (from the cached annotations)."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'confidence_model'").fetchone()
        if row is not None and row[0] == digest:
            return
        with self._writing("record the confidence model"):  # (no article yet: nothing to redo)
            self.db.execute("UPDATE articles SET annotator = annotator || ' (earlier confidence model)'")
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('confidence_model', ?)", (digest,))

    # -- annotation cache

    def cached(self, text: str, annotator: str) -> Doc | None:
        row = self.db.execute("SELECT doc FROM annotations WHERE text_hash = ? AND annotator = ?",
                              (text_hash(text), annotator)).fetchone()
        return decode_doc(row["doc"]) if row else None

    def annotation(self, article: Article, annotator: Annotator) -> Doc:
        """The annotation of ``article`` by ``annotator``: cached, or made now and cached
        (with the article, as done by no run)."""
        doc = self.cached(article.text, annotator.name)
        if doc is None:
            doc = annotator.annotate([article])[0]
            self.save(article, doc, [], annotator.name)
        return doc

    # -- articles

    def done(self, article: Article, annotator: str) -> bool:
        """Was this article, with this exact text, already analyzed with this annotator?"""
        row = self.db.execute("SELECT text_hash, annotator FROM articles WHERE id = ?", (article.id,)).fetchone()
        return row is not None and row["text_hash"] == text_hash(article.text) and row["annotator"] == annotator

    def save(self, article: Article, doc: Doc, quotes: list[Quote], annotator: str, run: str | None = None) -> None:
        """Write an article, its annotation and its quotes in one transaction.

        The annotation is cached under ``annotator``; the article is recorded
        as done by ``run`` (default: the annotator), what :meth:`done` asks."""
        row = article_row(article, run or annotator)
        with self._writing(f"save article {article.id!r}",
                           "; the articles saved before it are kept, and the next run resumes after them"):
            self.db.execute("DELETE FROM articles WHERE id = ?", (article.id,))
            seq = self.db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM articles").fetchone()[0]
            self.db.execute(f"INSERT INTO articles ({', '.join(row)}, seq) VALUES ({', '.join('?' * len(row))}, ?)",
                            (*row.values(), seq))
            self.db.execute("INSERT OR REPLACE INTO annotations VALUES (?,?,?)",
                            (row["text_hash"], annotator, encode_doc(doc)))
            self.db.executemany(f"INSERT INTO quotes VALUES ({', '.join('?' * len(QUOTE_COLUMNS))})",
                                [tuple(quote_row(n, q).values()) for n, q in enumerate(quotes)])

    def add_problem(self, p: Problem) -> None:
        """Record a problem once, however many runs meet it (the table's UNIQUE
        constraint lets rows with a NULL line repeat)."""
        with self._writing("record a problem"):
            self.db.execute("INSERT INTO problems SELECT :path, :line, :message, :fatal WHERE NOT EXISTS (SELECT 1 "
                            "FROM problems WHERE path = :path AND line IS :line AND message = :message)",
                            problem_row(p))

    def problems(self) -> list[Problem]:
        """Every problem met by the runs into this store, once each (GROUP BY: stores
        written before :meth:`add_problem` checked for NULL lines hold repeats)."""
        return [problem_from_row(r) for r in self.db.execute(
            "SELECT * FROM problems GROUP BY path, line, message ORDER BY MIN(rowid)")]

    # -- reading back

    def load(self) -> Analysis:
        """Everything in the store as an :class:`~quotes.analysis.Analysis`, in the order analyzed."""
        result = Analysis()
        rows = list(self.db.execute("SELECT * FROM articles ORDER BY seq"))
        result.articles = [article_from_row(r) for r in rows]
        order = {a.id: i for i, a in enumerate(result.articles)}
        quotes = sorted(self.db.execute("SELECT * FROM quotes"), key=lambda r: (order[r["doc"]], r["n"]))
        result.quotes = [quote_from_row(r) for r in quotes]
        result.problems = self.problems()
        result.annotator = ", ".join(sorted({r["annotator"] for r in rows}))
        return result

    def write_derived(self, analysis: Analysis) -> None:
        """Replace the entities and claims tables with those of ``analysis``."""
        with self._writing("write entities and claims"):
            self.db.execute("DELETE FROM entities")
            self.db.execute("DELETE FROM claims")
            self.db.executemany("INSERT INTO entities VALUES (?,?,?,?,?,?)", [
                (e.key, e.name, e.type, "; ".join(e.roles), "; ".join(e.organizations), len(e.docs))
                for e in analysis.entities])
            self.db.executemany("INSERT INTO claims VALUES (?,?,?,?,?,?,?)", [
                (c.id, c.text, c.kind, c.speaker, "; ".join(c.outlets),
                 json.dumps([[q.doc, q.content.start, q.content.end] for q in c.reports]), int(c.wording_differs))
                for c in analysis.claims])
