"""Faulty input: each bad record, file or store gives one clear line and spoils nothing else."""

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from quotes.annotate import SimpleAnnotator
from quotes.ingest import Problem, count_inputs, read_corpus, read_file
from quotes.pipeline import analyze
from quotes.store import Store, StoreError


def read_all(*paths):
    items = list(read_corpus(paths))
    return [i for i in items if not isinstance(i, Problem)], [i for i in items if isinstance(i, Problem)]


def by_place(problems):
    return {(Path(p.path).name, p.line): p for p in problems}


# -- JSON Lines, record by record


def test_a_bad_record_spoils_only_itself(tmp_path):
    good = json.dumps({"id": "good", "text": "“We stay,” Smith said."}).encode()
    lines = [
        good,
        b'{"id": "nul", "text": "A\x00B said."}',  # a raw NUL byte
        b'{"id": "latin", "text": "Caf\xe9 owners said no."}',  # not UTF-8
        b'{"id": "broken", "text": "unfinished',
        json.dumps({"id": "line\u2028sep", "text": "Paragraph\u2028separator kept."}, ensure_ascii=False).encode(),
        json.dumps({"id": "last", "text": "The end."}).encode(),
    ]
    (tmp_path / "feed.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    articles, problems = read_all(tmp_path / "feed.jsonl")
    assert [a.id for a in articles] == ["good", "line\u2028sep", "last"]
    assert articles[1].text == "Paragraph\u2028separator kept."
    assert {k: p.fatal for k, p in by_place(problems).items()} == {
        ("feed.jsonl", 2): True, ("feed.jsonl", 3): True, ("feed.jsonl", 4): True}
    assert "NUL" in by_place(problems)[("feed.jsonl", 2)].message
    assert "UTF-8" in by_place(problems)[("feed.jsonl", 3)].message


def test_a_lone_surrogate_is_replaced_with_a_warning(tmp_path):
    # valid JSON; typically a scraper cut an emoji's surrogate pair in half
    text = "“Great news \ud83d,” Smith said."
    (tmp_path / "feed.jsonl").write_text(json.dumps({"id": "s", "text": text}) + "\n", encoding="utf-8")
    (article,), (warning,) = read_all(tmp_path / "feed.jsonl")
    assert article.text == "“Great news \ufffd,” Smith said."
    assert len(article.text) == len(text)
    assert not warning.fatal and warning.line == 1 and "surrogate" in warning.message
    article.text.encode("utf-8")
    result = analyze(tmp_path / "feed.jsonl", annotator=SimpleAnnotator(), db=tmp_path / "q.db")
    assert [a.id for a in result.articles] == ["s"]
    assert [q.speaker.text for q in result.quotes] == ["Smith"]


def test_the_size_cap_is_per_record_not_per_jsonl_file(tmp_path):
    body = "Officials said the talks went well. " * 130  # about 4.7 kB, an ordinary article
    with (tmp_path / "feed.jsonl").open("w", encoding="utf-8") as fh:
        for i in range(2500):
            fh.write(json.dumps({"id": f"a{i}", "text": f"Story {i}. {body}"}) + "\n")
    assert (tmp_path / "feed.jsonl").stat().st_size > 11_000_000
    articles, problems = read_all(tmp_path / "feed.jsonl")
    assert not problems and len(articles) == 2500


def test_an_oversized_record_is_refused_alone(tmp_path):
    with (tmp_path / "feed.jsonl").open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "dump", "text": "x" * 10_500_000}) + "\n")
        fh.write(json.dumps({"id": "small", "text": "Small."}) + "\n")
    articles, (problem,) = read_all(tmp_path / "feed.jsonl")
    assert [a.id for a in articles] == ["small"]
    assert problem.line == 1 and problem.fatal and problem.message.startswith("too large")


# -- decoding what a Western newsroom receives


@pytest.mark.parametrize(("text", "encoding"), [
    ("Ángel Ñúñez, the mayor of Zürich, said no.", "latin-1"),
    ("François said it was déjà vu.", "latin-1"),
    ("« Café », a dit le maire à l'hôtel de ville.", "cp1252"),
    ("“Ángel is right,” she said – it’s Zürich’s call.", "cp1252"),
    ("« Café », a dit le maire à l'hôtel de ville. Il a ajouté que le budget était équilibré. " * 20, "cp1252"),
    ("Prezydent Łodzi powiedział, że miasto zbuduje most. Źródła twierdzą, że nic nie zapadło.", "cp1250"),
    ("He said “hello” to Zürich.", "utf-16-le"),
    ("He said “hello” to Zürich.", "utf-16-be"),
    ("Мэр Москвы сказал журналистам, что метро откроется в понедельник.", "cp1251"),
    ("Ο πρωθυπουργός είπε στους δημοσιογράφους ότι οι εκλογές θα γίνουν.", "cp1253"),
])
def test_legacy_encodings_are_read_as_written(tmp_path, text, encoding):
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    (article,), (warning,) = read_all(tmp_path / "a.txt")
    assert article.text == text
    assert not warning.fatal and warning.message.startswith("not UTF-8; decoded as")


@pytest.mark.parametrize("data", [
    "Zürich’s mayor said “no”.".encode() + b"\xff",  # a stray byte at the end
    "Ángel said “yes”.".encode() + b" and then " + "Zürich".encode()[:2],  # cut mid-character
    "Müller said:\n".encode() + b"\x93yes\x94, " + "she said in Zürich.".encode(),  # cp1252 quotes pasted in
])
def test_utf8_with_a_few_bad_bytes_is_kept_with_a_warning(tmp_path, data):
    (tmp_path / "a.txt").write_bytes(data)
    (article,), (warning,) = read_all(tmp_path / "a.txt")
    assert article.text == data.decode("utf-8", errors="replace")
    assert "\ufffd" in article.text
    assert not warning.fatal and "U+FFFD" in warning.message


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", b"\x00\x01\x02binary",
                                  b"\x00\x01binary"])
def test_binary_data_is_still_refused(tmp_path, data):
    (tmp_path / "a.txt").write_bytes(data)
    articles, (problem,) = read_all(tmp_path / "a.txt")
    assert not articles and problem.fatal and problem.message.startswith("binary file")


# -- special files


@pytest.fixture
def special_files(tmp_path):
    """A folder of one article and every kind of file that is not one."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text("“We stay,” Smith said.", encoding="utf-8")
    (folder / "loop_a.txt").symlink_to("loop_b.txt")
    (folder / "loop_b.txt").symlink_to("loop_a.txt")
    (folder / "dangling.txt").symlink_to("moved_away.txt")
    (folder / "linked_folder").symlink_to(folder / "sub")
    os.mkfifo(folder / "pipe.txt")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(folder / "sock.txt"))
    return folder


@pytest.fixture
def no_hang():
    """Fail instead of hanging if a read blocks (opening a FIFO waits for a writer)."""
    def hung(*_):
        raise TimeoutError("reading blocked")

    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


EXPECTED = {"loop_a.txt": "symbolic link loop", "loop_b.txt": "symbolic link loop",
            "dangling.txt": "broken symbolic link (to moved_away.txt)",
            "pipe.txt": "not a regular file (a named pipe)", "sock.txt": "not a regular file (a socket)"}


def test_special_files_in_a_folder_are_each_one_problem(special_files, no_hang):
    articles, problems = read_all(special_files)
    assert [a.id for a in articles] == ["good"]
    messages = {Path(p.path).name: p.message for p in problems}
    assert messages == EXPECTED | {"linked_folder": "symbolic link to a folder, not followed"}
    assert all(p.fatal for p in problems)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_special_files_named_directly_say_what_they_are(special_files, no_hang, name):
    articles, (problem,) = read_all(special_files / name)
    assert not articles and problem.message == EXPECTED[name]
    assert Path(problem.path) == special_files / name


def test_reading_a_fifo_directly_does_not_block(special_files, no_hang):
    (problem,) = read_file(special_files / "pipe.txt")
    assert problem.message == EXPECTED["pipe.txt"]


def test_special_files_do_not_stop_a_run(special_files, no_hang):
    assert count_inputs([special_files]) == 7
    result = analyze(special_files, annotator=SimpleAnnotator())
    assert [a.id for a in result.articles] == ["good"] and len(result.problems) == 6


# -- the store


CORPUS = Path(__file__).parent.parent / "corpus"
AFP = CORPUS / "001_b8fb2cd4f4ce1228.txt"


def quotes_cmd(*args, drop_root=False):
    """Run the quotes command; ``drop_root``: without root's power to write read-only files."""
    cmd = [sys.executable, "-m", "quotes.cli", *map(str, args)]
    if drop_root and os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("root writes read-only files, and setpriv is missing to drop that power")
        cmd = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--", *cmd]
    return subprocess.run(cmd, capture_output=True, text=True)


def other_programs_db(path, tables):
    con = sqlite3.connect(path)
    with con:
        for table in tables:
            con.execute(table)
        con.execute("INSERT INTO meta VALUES ('schema_version', '7')" if "meta" in tables[0] else "SELECT 1")
    con.close()
    return path.read_bytes()


FOREIGN = {
    "unrelated": ["CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)"],
    "same names": ["CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",
                   "CREATE TABLE articles (id INTEGER PRIMARY KEY, body TEXT)"],
}


@pytest.mark.slow
@pytest.mark.parametrize("tables", FOREIGN.values(), ids=FOREIGN)
@pytest.mark.parametrize("name", ["other.sqlite", "other.db"])
def test_another_programs_database_is_refused_and_left_unchanged(tmp_path, tables, name):
    db = tmp_path / name
    before = other_programs_db(db, tables)
    run = quotes_cmd("report", db)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert run.stderr.strip().startswith("error:") and len(run.stderr.strip().splitlines()) == 1
    assert "not a quotes database" in run.stderr
    with pytest.raises(StoreError, match="not a quotes database"):
        analyze(AFP, annotator=SimpleAnnotator(), db=db)
    assert db.read_bytes() == before


@pytest.fixture
def stored(tmp_path):
    """A store of one analyzed article, and its bytes."""
    db = tmp_path / "store" / "run.db"
    db.parent.mkdir()
    analyze(AFP, annotator=SimpleAnnotator(), db=db)
    return db


@pytest.mark.slow
@pytest.mark.parametrize("folder_writable", [True, False])
def test_a_read_only_store_can_be_reported(stored, folder_writable):
    before = stored.read_bytes()
    stored.chmod(0o444)
    if not folder_writable:
        stored.parent.chmod(0o555)
    try:
        run = quotes_cmd("report", stored, "--format", "markdown", "--min-confidence", "0", drop_root=True)
        extract = quotes_cmd("extract", AFP, "--annotator", "simple", "--db", stored, "-o", os.devnull,
                             drop_root=True)
    finally:
        stored.parent.chmod(0o755)
    assert run.returncode == 0, run.stderr
    assert "There is war, there is pressure" in run.stdout
    assert stored.read_bytes() == before
    # writing to it is one clear line too
    assert extract.returncode == 2 and "Traceback" not in extract.stderr
    assert len(extract.stderr.strip().splitlines()) == 1 and "readonly database" in extract.stderr


@pytest.mark.slow
def test_problems_are_recorded_once_however_often_a_run_resumes(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.txt").write_text("“We stay,” Smith said.", encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "blob.txt").write_bytes(b"\x00\x01binary")
    (corpus / "notes.docx").write_bytes(b"PK")
    (corpus / "feed.jsonl").write_text('{"text": "Fine."}\n{oops\n{"id": "x", "text": "A."}\n'
                                       '{"id": "x", "text": "B."}\n')
    db = tmp_path / "q.db"
    for _ in range(4):
        analyze(corpus, annotator=SimpleAnnotator(), db=db)
    with Store(db) as store:
        problems = store.load().problems
    # four inputs not read, and one renamed duplicate id: each said once
    assert sorted((Path(p.path).name, p.line, p.fatal) for p in problems) == [
        ("blob.txt", None, True), ("empty.txt", None, True), ("feed.jsonl", 2, True), ("feed.jsonl", 4, False),
        ("notes.docx", None, True)]
    report = json.loads(quotes_cmd("report", db, "--format", "json").stdout)
    assert len(report["problems"]) == 5


@pytest.mark.slow
def test_good_articles_are_analyzed_alike_with_and_without_bad_files(messy_corpus, tmp_path):
    clean = tmp_path / "clean"
    clean.mkdir()
    for name in ("good.txt", "latin1.txt"):
        shutil.copy(messy_corpus / name, clean / name)
    shutil.copy(CORPUS / "001_b8fb2cd4f4ce1228.txt", clean)
    shutil.copy(CORPUS / "001_b8fb2cd4f4ce1228.txt", messy_corpus)

    def quotes_of(folder):
        result = analyze(folder, annotator=SimpleAnnotator(), min_confidence=0)
        return {doc: [q.to_dict() for q in result.quotes if q.doc == doc]
                for doc in ("good", "latin1", "001_b8fb2cd4f4ce1228")}

    alone = quotes_of(clean)
    assert alone["good"] and alone["001_b8fb2cd4f4ce1228"]
    assert quotes_of(messy_corpus) == alone


def test_a_fault_in_one_articles_analysis_costs_that_article_only(tmp_path, monkeypatch):
    import quotes.pipeline as pipeline

    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text("“We stay,” Smith said.", encoding="utf-8")
    (corpus / "b.txt").write_text("“We go,” Jones said.", encoding="utf-8")
    resolve = pipeline.resolve

    def faulty(article, doc, quotes):
        if "Jones" in article.text:
            raise KeyError("i")  # any fault of a later stage, such as a lookup of a missing key
        return resolve(article, doc, quotes)

    monkeypatch.setattr(pipeline, "resolve", faulty)
    result = analyze(corpus, annotator=SimpleAnnotator(), min_confidence=0)
    assert [q.content.text for q in result.quotes] == ["We stay"]
    (problem,) = result.problems
    assert Path(problem.path).name == "b.txt" and "KeyError" in problem.message and "\n" not in problem.message
