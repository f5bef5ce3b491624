"""The Dask engine: same results as a local run, written as Parquet and read back."""

from pathlib import Path

import pytest

from quotes.annotate import SimpleAnnotator
from quotes.distributed import analyze_dask, load_parquet
from quotes.pipeline import analyze

CORPUS = Path(__file__).parent.parent / "corpus"


@pytest.mark.slow
def test_dask_local_cluster_matches_a_local_run(tmp_path):
    bad = tmp_path / "in" / "empty.txt"
    bad.parent.mkdir()
    bad.write_bytes(b"")
    inputs = [CORPUS, bad]
    counts = analyze_dask(inputs, tmp_path / "out", annotator=SimpleAnnotator(), workers=2, files_per_task=5)
    local = analyze(inputs, annotator=SimpleAnnotator(), min_confidence=0)
    assert counts == {"articles": 26, "quotes": len(local.quotes), "problems": 1}

    back = load_parquet(tmp_path / "out")
    assert [q.to_dict() for q in back.quotes] == [q.to_dict() for q in local.quotes]
    assert [a.text for a in back.articles] == [a.text for a in local.articles]
    assert [str(p) for p in back.problems] == [str(p) for p in local.problems]
    assert len(list((tmp_path / "out" / "quotes").glob("*.parquet"))) > 1  # partitioned
