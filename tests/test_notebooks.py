"""The notebooks in notebooks/ ship with the outputs of a run, and run top to bottom."""

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
MAX_BYTES = 1_000_000  # plots as PNG, tables cut to their head: a notebook stays reviewable in git


def code_outputs(nb: nbformat.NotebookNode) -> list[list[nbformat.NotebookNode]]:
    return [c.outputs for c in nb.cells if c.cell_type == "code"]


def plots(nb: nbformat.NotebookNode) -> int:
    return sum("image/png" in o.get("data", {}) for outputs in code_outputs(nb) for o in outputs)


def printed(nb: nbformat.NotebookNode) -> str:
    return "".join(o.get("text", "") for outputs in code_outputs(nb) for o in outputs if o.output_type == "stream")


def test_there_are_notebooks():
    assert len(NOTEBOOKS) >= 2


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_ships_with_its_outputs(path):
    assert path.stat().st_size < MAX_BYTES
    nb = nbformat.read(path, as_version=4)
    assert all(code_outputs(nb)), "run the notebook and save it with its outputs"
    assert not any(o.output_type == "error" for outputs in code_outputs(nb) for o in outputs)


def test_the_corpus_notebook_plots_the_whole_corpus():
    nb = nbformat.read(ROOT / "notebooks" / "explore-corpus.ipynb", as_version=4)
    assert f"{len(list((ROOT / 'corpus').glob('*.txt')))} articles, " in printed(nb)
    assert plots(nb) >= 3  # quotes per speaker, per outlet, the speaker-organization network


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path):
    nb = nbformat.read(path, as_version=4)
    shipped = plots(nb)
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    assert plots(nb) == shipped  # the plots it ships are the plots it draws
