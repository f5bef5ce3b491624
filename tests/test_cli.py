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


def test_models_list_shows_compact_active(tmp_path):
    env = {**os.environ, "STANZA_RESOURCES_DIR": str(tmp_path)}
    run = quotes_cmd("models", "list", env=env)
    assert run.returncode == 0
    rows = {cells[1].strip(): cells for line in run.stdout.splitlines() if len(cells := line.split("│")) > 4}
    assert rows["compact"][2].strip() == "yes" and rows["compact"][3].strip() == "*"
    assert rows["official"][2].strip() == "no" and rows["official"][3].strip() == ""


def test_models_install_offline_fails_cleanly(tmp_path):
    env = {**os.environ, "STANZA_RESOURCES_DIR": str(tmp_path)}
    run = quotes_cmd("models", "install", "--resources-url", "http://127.0.0.1:9", env=env)
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and run.stderr.startswith("error: cannot download")


def test_graph_command_writes_graphml(tmp_path):
    out = tmp_path / "g.graphml"
    run = quotes_cmd("graph", ARAB_NEWS, "--models", "compact", "-o", out)
    assert run.returncode == 0 and out.exists()
    assert "nodes" in run.stderr
