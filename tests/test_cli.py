"""The quotes command, as a user runs it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quotes.cli import main

CORPUS = Path(__file__).parent.parent / "corpus"
ARAB_NEWS = CORPUS / "000_7ce02406a65dd357.txt"


def quotes_cmd(*args, env=None):
    return subprocess.run([sys.executable, "-m", "quotes.cli", *map(str, args)], capture_output=True, text=True,
                          env=env)


def test_extract_jsonl_spans_verify(capsys):
    assert main(["extract", str(ARAB_NEWS), "--models", "compact"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) > 10
    text = ARAB_NEWS.read_text(encoding="utf-8")
    for line in lines:
        q = json.loads(line)
        assert set(q) >= {"doc", "kind", "content", "cue", "speaker", "entity"}
        assert q["doc"] == ARAB_NEWS.stem and q["kind"] in ("direct", "mixed", "indirect")
        for key in ("content", "cue", "speaker"):
            if q[key] is not None:
                assert text[q[key]["start"]:q[key]["end"]] == q[key]["text"]


def test_rules_only_leaves_out_what_the_tagger_reads(capsys):
    sensitive = CORPUS / "GUM_news_sensitive.txt"
    runs = {}
    for flags in ((), ("--rules-only",)):
        assert main(["extract", str(sensitive), "--models", "compact", *flags]) == 0
        runs[flags] = {json.loads(line)["content"]["text"] for line in capsys.readouterr().out.splitlines()}
    assert runs[("--rules-only",)] < runs[()]
    assert "the department will look into the incident" in runs[()] - runs[("--rules-only",)]


@pytest.mark.slow
def test_bad_files_get_one_line_errors_and_the_rest_is_analyzed(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "feed.jsonl").write_text('{"id": "x", "text": "\\"We stay,\\" Smith said."}\n{oops\n')
    (tmp_path / "story.txt").write_text(ARAB_NEWS.read_text(encoding="utf-8"), encoding="utf-8")
    run = quotes_cmd("extract", tmp_path, "--models", "compact")
    assert run.returncode == 0
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert sorted(errors) == sorted([
        f"error: {tmp_path / 'blob.txt'}: binary file (contains NUL bytes)",
        f"error: {tmp_path / 'empty.txt'}: empty file",
        f"error: {tmp_path / 'feed.jsonl'}:2: malformed JSON (Expecting property name enclosed in double quotes)",
    ])
    docs = {json.loads(line)["doc"] for line in run.stdout.splitlines()}
    assert docs == {"x", "story"}
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_other_formats(fmt, capsys):
    assert main(["extract", str(ARAB_NEWS), "--models", "compact", "--format", fmt]) == 0
    out = capsys.readouterr().out
    if fmt == "json":
        assert json.loads(out)[0]["doc"] == ARAB_NEWS.stem
    elif fmt == "csv":
        assert out.splitlines()[0].startswith("doc,kind,content_start,content_end,content")
    else:
        assert "Hamdullah Mohib" in out


def test_analyze_report_has_all_tables(capsys):
    assert main(["analyze", str(ARAB_NEWS), str(CORPUS / "001_b8fb2cd4f4ce1228.txt"), "--models", "compact",
                 "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    heads = [out.index(title) for title in ("### Overview", "### Speakers", "### Organizations",
                                            "### Claims across outlets", "### Quotes")]
    assert heads == sorted(heads)  # the summaries before the quotes


@pytest.mark.slow
def test_models_list_shows_compact_active(tmp_path):
    env = {**os.environ, "STANZA_RESOURCES_DIR": str(tmp_path)}
    run = quotes_cmd("models", "list", env=env)
    assert run.returncode == 0
    rows = {cells[1].strip(): cells for line in run.stdout.splitlines() if len(cells := line.split("│")) > 4}
    assert rows["compact"][2].strip() == "yes" and rows["compact"][3].strip() == "*"
    assert rows["official"][2].strip() == "no" and rows["official"][3].strip() == ""


@pytest.mark.slow
def test_models_install_offline_fails_cleanly(tmp_path):
    env = {**os.environ, "STANZA_RESOURCES_DIR": str(tmp_path)}
    run = quotes_cmd("models", "install", "--resources-url", "http://127.0.0.1:9", env=env)
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and run.stderr.startswith("error: cannot download")


@pytest.mark.slow
def test_graph_command_writes_graphml(tmp_path):
    out = tmp_path / "g.graphml"
    run = quotes_cmd("graph", ARAB_NEWS, "--models", "compact", "-o", out)
    assert run.returncode == 0 and out.exists()
    assert "nodes" in run.stderr


def one_error_line(run: subprocess.CompletedProcess[str]) -> str:
    """The single line a failed command printed, checked to be an error and no traceback."""
    assert run.returncode != 0 and "Traceback" not in run.stderr
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), run.stderr
    return lines[0]


@pytest.mark.slow
def test_report_of_a_folder_is_a_one_line_error():
    line = one_error_line(quotes_cmd("report", CORPUS))
    assert str(CORPUS) in line and "quotes analyze" in line


@pytest.mark.slow
def test_analyze_of_a_missing_path_is_one_error_and_no_report(tmp_path):
    missing = tmp_path / "nowhere"
    run = quotes_cmd("analyze", missing, "--annotator", "simple")
    assert one_error_line(run) == f"error: {missing}: no such file or directory"
    assert run.stdout == ""


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "table"])
def test_extract_writes_every_format_to_the_output_file(fmt, tmp_path, capsys):
    target = tmp_path / f"quotes.{fmt}"
    assert main(["extract", str(ARAB_NEWS), "--annotator", "simple", "--format", fmt, "-o", str(target)]) == 0
    assert capsys.readouterr().out == ""
    assert "Taliban" in target.read_text(encoding="utf-8")


@pytest.mark.slow
def test_report_shows_what_analyze_showed(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text('"We will stay," Smith said.', encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    db = tmp_path / "run.db"
    for _ in range(2):  # the second run resumes: nothing left to do, the same files met
        analyzed = quotes_cmd("analyze", tmp_path / "in", "--annotator", "simple", "--db", db, "--format", "json")
    reported = quotes_cmd("report", db, "--format", "json")
    assert reported.stdout == analyzed.stdout
    assert json.loads(reported.stdout)["problems"] == [f"{tmp_path / 'in' / 'empty.txt'}: empty file"]


HTML_PAGE = """<html><head><title>Port strike</title></head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Port strike ends</h1>
<p>Dock workers returned on Monday after a week-long strike over pay and hours at the port.</p>
<p>&ldquo;We got what we asked for,&rdquo; said union leader Maria Lopez, who had led the talks since May.</p>
<p>The port authority said that ships would be unloaded by Friday, and that no jobs would be lost.</p>
</article><footer>&copy; 2024 Harbour News</footer></body></html>"""


def test_text_prints_what_quote_offsets_index(tmp_path, capsys):
    page = tmp_path / "strike.html"
    page.write_text(HTML_PAGE, encoding="utf-8")
    assert main(["text", str(page)]) == 0
    text = capsys.readouterr().out
    assert "<p>" not in text and "Dock workers returned" in text
    assert main(["extract", str(page), "--annotator", "simple", "--min-confidence", "0"]) == 0
    found = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert any(q["content"]["text"] == "We got what we asked for" for q in found)
    for q in found:
        assert text[q["content"]["start"]:q["content"]["end"]] == q["content"]["text"]


def test_text_of_a_feed_prints_each_record(tmp_path, capsys):
    feed = tmp_path / "feed.jsonl"
    records = [{"id": "a", "text": '"We will stay," Smith said.'}, {"id": "b", "text": "Lee said it rained.\n"}]
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert main(["text", str(feed), "--format", "jsonl"]) == 0
    assert [json.loads(line) for line in capsys.readouterr().out.splitlines()] == \
        [{"doc": r["id"], "text": r["text"]} for r in records]
    assert main(["text", str(feed), "--doc", "b"]) == 0
    assert capsys.readouterr().out == records[1]["text"]


def test_dask_engine_without_dask_says_what_to_install(tmp_path, monkeypatch, capsys):
    for module in ("dask", "dask.bag", "distributed", "pyarrow", "pyarrow.parquet"):
        monkeypatch.setitem(sys.modules, module, None)  # as if the dask extra were not installed
    assert main(["analyze", str(ARAB_NEWS), "--annotator", "simple", "--engine", "dask",
                 "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ") and "pip install 'quotes[dask]'" in err


def test_an_article_over_the_time_budget_is_one_error_line(tmp_path, capsys):
    (tmp_path / "a.txt").write_text('“We will stay,” Smith said.', encoding="utf-8")
    assert main(["extract", str(tmp_path), "--annotator", "simple", "--article-budget", "0"]) == 1
    err = capsys.readouterr().err
    assert "a.txt" in err and "time budget" in err and "Traceback" not in err
