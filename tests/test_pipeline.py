"""Parallel annotation gives the one-process result; progress counts every input."""

import concurrent.futures
import importlib.util
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch

from quotes.annotate import SimpleAnnotator
from quotes.ingest import count_inputs
from quotes.pipeline import analyze
from quotes.span_model import NoTagger

CORPUS = Path(__file__).parent.parent / "corpus"


def _records(analysis):
    return [(q.doc, q.kind, q.content.start, q.content.end, q.speaker and q.speaker.text) for q in analysis.quotes]


class _CountedPool(concurrent.futures.ProcessPoolExecutor):
    started = 0

    def __init__(self, *args, **kwargs):
        type(self).started += 1
        super().__init__(*args, **kwargs)


def _twice_the_corpus(folder: Path) -> Path:
    # enough batches for the worker pool to start
    folder.mkdir(exist_ok=True)
    for copy in (1, 2):
        for f in sorted(CORPUS.glob("*.txt")):
            shutil.copy(f, folder / f"{copy}_{f.name}")
    return folder


@pytest.mark.slow
def test_two_workers_give_the_one_process_result_in_order(tmp_path, monkeypatch):
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", _CountedPool)
    corpus = _twice_the_corpus(tmp_path)
    before = _CountedPool.started
    one = analyze([corpus], annotator=SimpleAnnotator(), workers=1)
    threads = torch.get_num_threads()
    two = analyze([corpus], annotator=SimpleAnnotator(), workers=2)
    assert _CountedPool.started == before + 1
    assert torch.get_num_threads() == threads  # one thread here only while the workers run
    assert len(one.articles) == 2 * len(list(CORPUS.glob("*.txt")))
    assert _records(two) == _records(one) and one.quotes


@pytest.mark.slow
def test_a_cached_rerun_starts_no_workers(tmp_path, monkeypatch):
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", _CountedPool)
    corpus = _twice_the_corpus(tmp_path / "corpus")
    before = _CountedPool.started
    first = analyze([corpus], annotator=SimpleAnnotator(), db=tmp_path / "q.db", workers=2)
    assert _CountedPool.started == before + 1  # the first run did use workers
    before = _CountedPool.started
    again = analyze([corpus], annotator=SimpleAnnotator(), db=tmp_path / "q.db", workers=2)
    assert _CountedPool.started == before
    assert _records(again) == _records(first) and first.quotes


def test_a_small_corpus_starts_no_workers(monkeypatch):
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", _CountedPool)
    before = _CountedPool.started
    analysis = analyze([CORPUS / "001_b8fb2cd4f4ce1228.txt"], annotator=SimpleAnnotator(), workers=2)
    assert analysis.quotes and _CountedPool.started == before


def test_progress_reaches_the_count_of_inputs(messy_corpus):
    done = []
    analyze([messy_corpus], annotator=SimpleAnnotator(), progress=done.append)
    assert sum(done) == count_inputs([messy_corpus])


def _quote_heavy(kb: int) -> str:
    """The quote-dense wire copy of benchmarks/scaling.py, which times the same case up to 5 MB."""
    spec = importlib.util.spec_from_file_location("scaling", Path(__file__).parent.parent / "benchmarks" / "scaling.py")
    scaling = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scaling)
    return scaling.article_of(kb)


def test_an_article_over_its_time_budget_is_a_problem_and_the_run_goes_on(tmp_path):
    (tmp_path / "a.txt").write_text('“We will stay,” Smith said.', encoding="utf-8")
    (tmp_path / "b.txt").write_text('“We will go,” Jones said.', encoding="utf-8")
    over = analyze(tmp_path, annotator=SimpleAnnotator(), tagger=NoTagger(), article_budget=0)
    assert over.quotes == []
    assert sorted(p.path.name for p in over.problems) == ["a.txt", "b.txt"]
    assert all("time budget" in p.message for p in over.problems)
    within = analyze(tmp_path, annotator=SimpleAnnotator(), tagger=NoTagger(), article_budget=60)
    assert sorted(q.content.text for q in within.quotes) == ["We will go", "We will stay"]
    assert within.problems == []


@pytest.mark.slow
def test_a_long_quote_heavy_article_is_analyzed_within_a_generous_budget(tmp_path):
    # detection used to scan every quote for every word: 400 KB of quotes took minutes
    (tmp_path / "dump.txt").write_text(_quote_heavy(400), encoding="utf-8")
    result = analyze(tmp_path, annotator=SimpleAnnotator(), tagger=NoTagger(), article_budget=60, min_confidence=0)
    assert result.problems == []
    said = [q for q in result.quotes if q.kind == "direct" and q.content.text.startswith("We will stay the course")]
    assert len(said) == result.articles[0].text.count("We will stay the course")


_ORPHAN_SCRIPT = '''
import sys, time
from quotes.annotate import SimpleAnnotator
from quotes.pipeline import analyze
from quotes.span_model import NoTagger

class SlowAnnotator(SimpleAnnotator):
    name = "slow"
    def annotate(self, articles):
        time.sleep(1)
        return super().annotate(articles)

if __name__ == "__main__":
    analyze(sys.argv[1], annotator=SlowAnnotator(), tagger=NoTagger(), workers=2)
'''


def _children(pid: int) -> list[int]:
    kids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            kids.append(int(stat.parent.name))
    return kids


def _alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")
def test_annotation_workers_exit_when_the_parent_is_killed(tmp_path):
    script = tmp_path / "run.py"
    script.write_text(_ORPHAN_SCRIPT, encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(40):  # enough batches for a pool of two workers
        (corpus / f"{n}.txt").write_text(f'“We will stay {n},” Smith said.', encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script), str(corpus)])
    try:
        deadline = time.monotonic() + 60
        while len(workers := [p for p in _children(parent.pid) if "spawn_main" in _cmdline(p)]) < 2:
            assert time.monotonic() < deadline and parent.poll() is None, "no workers started"
            time.sleep(0.2)
    finally:
        parent.kill()
        parent.wait()
    deadline = time.monotonic() + 15
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(p) for p in workers)


def _cmdline(pid: int) -> str:
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_text().replace("\0", " ")
    except OSError:
        return ""
