"""Parallel annotation gives the one-process result; progress counts every input."""

import concurrent.futures
import shutil
from pathlib import Path

import torch

from quotes.annotate import SimpleAnnotator
from quotes.ingest import count_inputs
from quotes.pipeline import analyze

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
