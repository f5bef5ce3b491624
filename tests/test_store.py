"""The SQLite store: resumable runs, the annotation cache, reports without annotation."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from quotes.annotate import SimpleAnnotator
from quotes.pipeline import analyze
from quotes.span_model import NoTagger
from quotes.store import SCHEMA_VERSION, Store, StoreError, decode_doc, encode_doc
from quotes.types import Doc, Sentence, Token

CORPUS = Path(__file__).parent.parent / "corpus"


class Interrupt(Exception):
    pass


def snapshot(db):
    con = sqlite3.connect(db)
    rows = {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
            for t in ("quotes", "entities", "claims")}
    rows["articles"] = sorted(con.execute("SELECT id, text_hash FROM articles").fetchall())
    con.close()
    return rows


@pytest.mark.slow
def test_interrupted_run_resumes_to_the_uninterrupted_result(tmp_path):
    whole, parts = tmp_path / "whole.db", tmp_path / "parts.db"
    analyze(CORPUS, annotator=SimpleAnnotator(), db=whole)

    done = []

    def stop_after_some(n):
        done.append(n)
        if sum(done) >= 10:
            raise Interrupt

    with pytest.raises(Interrupt):
        analyze(CORPUS, annotator=SimpleAnnotator(), db=parts, progress=stop_after_some)
    with Store(parts) as store:
        assert 0 < len(store.load().articles) < 26
    resumed = analyze(CORPUS, annotator=SimpleAnnotator(), db=parts)
    assert len(resumed.articles) == 26
    assert snapshot(parts) == snapshot(whole)


class CountingAnnotator(SimpleAnnotator):
    def __init__(self):
        self.seen = 0

    def annotate(self, articles):
        self.seen += len(articles)
        return super().annotate(articles)


@pytest.mark.slow
def test_second_run_reads_everything_from_the_store(tmp_path):
    db = tmp_path / "q.db"
    first = CountingAnnotator()
    analyze(CORPUS, annotator=first, db=db)
    again = CountingAnnotator()
    result = analyze(CORPUS, annotator=again, db=db)
    assert first.seen == 26 and again.seen == 0
    assert len(result.articles) == 26 and result.quotes


@pytest.mark.slow
def test_a_run_without_the_tagger_redoes_the_quotes_from_cached_annotation(tmp_path):
    db = tmp_path / "q.db"
    analyze(CORPUS, annotator=CountingAnnotator(), db=db)
    again = CountingAnnotator()
    result = analyze(CORPUS, annotator=again, db=db, tagger=NoTagger())
    assert again.seen == 0
    assert len(result.articles) == 26 and result.annotator.endswith("+rules-only")


@pytest.mark.slow
def test_killed_process_resumes_without_duplicates(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seed = (CORPUS / "001_b8fb2cd4f4ce1228.txt").read_text(encoding="utf-8")
    for i in range(400):
        (corpus / f"a{i:04d}.txt").write_text(f"Story {i}.\n{seed}", encoding="utf-8")
    db = tmp_path / "q.db"
    cmd = [sys.executable, "-m", "quotes.cli", "extract", str(corpus), "--annotator", "simple",
           "--db", str(db), "-o", os.devnull]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    saved = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            saved = sqlite3.connect(db).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        except sqlite3.OperationalError:
            continue
        if saved >= 20:
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 400
    per_article = con.execute("SELECT COUNT(*) FROM quotes GROUP BY doc").fetchall()
    assert len(set(per_article)) == 1  # every copy of the story has the same quotes, none twice


def test_not_a_database_is_a_clear_error(tmp_path):
    bad = tmp_path / "x.db"
    bad.write_text("hello, not sqlite")
    with pytest.raises(StoreError, match="not a quotes database"):
        Store(bad)


@pytest.mark.slow
def test_report_from_store_needs_no_annotation(tmp_path):
    db = tmp_path / "q.db"
    analyze(CORPUS / "001_b8fb2cd4f4ce1228.txt", annotator=SimpleAnnotator(), db=db)
    out = subprocess.run([sys.executable, "-m", "quotes.cli", "report", str(db), "--format", "markdown",
                          "--min-confidence", "0"],
                         capture_output=True, text=True, check=True).stdout
    assert "### Quotes" in out and "There is war, there is pressure" in out


@pytest.mark.slow
def test_a_version_1_store_is_migrated_and_its_quotes_redone_without_annotation(tmp_path):
    db = tmp_path / "q.db"
    analyze(CORPUS, annotator=CountingAnnotator(), db=db)
    # what a store written before quotes recorded their reader looks like
    con = sqlite3.connect(db)
    with con:
        con.execute("ALTER TABLE quotes DROP COLUMN reader")
        con.execute("ALTER TABLE quotes DROP COLUMN confidence")
        con.execute("ALTER TABLE quotes DROP COLUMN rule")
        con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    with Store(db) as store:
        assert store.version == SCHEMA_VERSION
        old = store.load()
    assert old.quotes and {q.reader for q in old.quotes} == {"unrecorded"} and all(q.rule == [] for q in old.quotes)
    again = CountingAnnotator()
    result = analyze(CORPUS, annotator=again, db=db, min_confidence=0)
    assert again.seen == 0 and len(result.articles) == 26
    assert "unrecorded" not in {q.reader for q in result.quotes}
    assert len(result.quotes) == len(old.quotes)


@pytest.mark.slow
def test_a_full_disk_stops_the_run_with_one_line_and_the_store_resumes(tmp_path, monkeypatch):
    whole, db = tmp_path / "whole.db", tmp_path / "q.db"
    analyze(CORPUS, annotator=SimpleAnnotator(), db=whole)
    connect = sqlite3.connect

    def small_disk(*args, **kwargs):
        con = connect(*args, **kwargs)
        con.execute("PRAGMA max_page_count = 60")  # 240 kB: a few articles fit
        return con

    monkeypatch.setattr(sqlite3, "connect", small_disk)
    with pytest.raises(StoreError) as error:
        analyze(CORPUS, annotator=SimpleAnnotator(), db=db)
    assert "database or disk is full" in str(error.value) and "\n" not in str(error.value)
    monkeypatch.setattr(sqlite3, "connect", connect)
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    saved = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert 0 < saved < 26
    # the article that did not fit was rolled back whole: no quote without its article
    assert con.execute("SELECT COUNT(*) FROM quotes WHERE doc NOT IN (SELECT id FROM articles)").fetchone() == (0,)
    con.close()
    resumed = analyze(CORPUS, annotator=SimpleAnnotator(), db=db)
    assert len(resumed.articles) == 26
    assert snapshot(db) == snapshot(whole)


@pytest.mark.slow
def test_a_version_2_store_is_upgraded_and_its_quotes_get_their_rules_on_the_next_run(tmp_path):
    db = tmp_path / "q.db"
    analyze(CORPUS, annotator=CountingAnnotator(), db=db)
    con = sqlite3.connect(db)
    with con:  # a store written before quotes recorded the rules that made them
        con.execute("ALTER TABLE quotes DROP COLUMN rule")
        con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    con.close()
    with Store(db) as store:
        assert store.version == SCHEMA_VERSION
        assert all(q.rule == [] for q in store.load().quotes)
    again = CountingAnnotator()
    result = analyze(CORPUS, annotator=again, db=db)
    assert again.seen == 0 and result.quotes and all(q.rule for q in result.quotes)


@pytest.mark.slow
def test_quotes_scored_by_another_confidence_model_are_redone_from_cached_annotations(tmp_path):
    db = tmp_path / "q.db"
    analyze(CORPUS, annotator=CountingAnnotator(), db=db)
    con = sqlite3.connect(db)
    with con:  # what a store scored by an earlier model looks like
        con.execute("UPDATE meta SET value = 'an earlier model' WHERE key = 'confidence_model'")
        con.execute("UPDATE quotes SET confidence = -1")
    con.close()
    again = CountingAnnotator()
    result = analyze(CORPUS, annotator=again, db=db, min_confidence=0)
    assert again.seen == 0 and result.quotes and all(0 <= q.confidence <= 1 for q in result.quotes)


def test_a_token_keeps_its_tag_and_features_in_the_store():
    told = Token(1, "told", 4, 8, "tell", "VERB", -1, "root", "O", "VBN", "Tense=Past|VerbForm=Part")
    doc = decode_doc(encode_doc(Doc([Sentence([told], 0)])))
    assert doc.sentences[0].tokens == [told] and doc.sentences[0].tokens[0].is_participle


def test_a_version_3_store_is_upgraded_and_its_tokens_read_with_no_morphology(tmp_path):
    db = tmp_path / "q.db"
    analyze(CORPUS, annotator=CountingAnnotator(), db=db)
    con = sqlite3.connect(db)
    with con:  # annotations cached before tokens carried xpos and feats: nine fields a token
        for key, blob in con.execute("SELECT rowid, doc FROM annotations").fetchall():
            data = json.loads(zlib.decompress(blob))
            data["s"] = [[para, [tok[:9] for tok in toks]] for para, toks in data["s"]]
            con.execute("UPDATE annotations SET doc = ? WHERE rowid = ?",
                        (zlib.compress(json.dumps(data).encode()), key))
        con.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    con.close()
    with Store(db) as store:
        assert store.version == SCHEMA_VERSION
    again = CountingAnnotator()
    result = analyze(CORPUS, annotator=again, db=db, min_confidence=0)
    assert again.seen == 0 and len(result.articles) == 26 and result.quotes
    with Store(db, read_only=True) as store:
        doc = store.cached(result.articles[0].text, again.name)
    assert doc.sentences and all(t.xpos == t.feats == "" for s in doc.sentences for t in s.tokens)


def test_an_annotation_is_made_once_then_read_from_the_store(tmp_path):
    from quotes.ingest import read_file

    (article,) = read_file(CORPUS / "GUM_news_nasa.txt")
    annotator = CountingAnnotator()
    with Store(tmp_path / "s.db") as store:
        first = store.annotation(article, annotator)
        again = store.annotation(article, annotator)
    assert annotator.seen == 1
    assert again == first
    assert first.sentences and all(article.text[t.start:t.end] == t.text for t in first.sentences[0].tokens)
