"""The model training driver: the parser's data get the tags the POS model
gives, as the annotator will give them, with the gold trees untouched."""

import os
import shutil
import time
from pathlib import Path

import pytest

from quotes.models import COMPACT_DIR, ModelSet
from training import train

# Two sentences in CoNLL-U with every tag blanked to X: retagging must fill them in.
SENTENCES = [
    [("Mohib", 2, "nsubj"), ("said", 0, "root"), ("the", 4, "det"), ("soldiers", 5, "nsubj"),
     ("retreated", 2, "ccomp"), (".", 2, "punct")],
    [("The", 2, "det"), ("ministry", 3, "nsubj"), ("denied", 0, "root"), ("the", 5, "det"),
     ("report", 3, "obj"), (".", 3, "punct")],
]


def _conllu(sentences: list[list[tuple[str, int, str]]]) -> str:
    blocks = []
    for sent in sentences:
        rows = [f"{i}\t{w}\t{w.lower()}\tX\tX\t_\t{h}\t{rel}\t_\t_" for i, (w, h, rel) in enumerate(sent, 1)]
        blocks.append(f"# text = {' '.join(w for w, _, _ in sent)}\n" + "\n".join(rows) + "\n")
    return "\n".join(blocks) + "\n"


def _rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]


@pytest.fixture(scope="module")
def retagged(tmp_path_factory) -> train.Layout:
    lay = train.Layout(Path("unused"), tmp_path_factory.mktemp("work"), COMPACT_DIR)
    for split in ("train", "dev"):
        path = lay.prepared("depparse", split)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_conllu(SENTENCES), encoding="utf-8")
    train.retag(lay)
    return lay


@pytest.mark.slow
@pytest.mark.parametrize("split", ["train", "dev"])
def test_retag_keeps_the_gold_trees(retagged, split):
    before = _rows(retagged.prepared("depparse", split))
    after = _rows(retagged.prepared("depparse", split, "tagged"))
    assert [(r[1], r[6], r[7]) for r in after] == [(r[1], r[6], r[7]) for r in before]


@pytest.mark.slow
def test_retag_gives_the_tags_the_annotator_gives(retagged):
    pipe = ModelSet("compact", COMPACT_DIR).pipeline("tokenize,pos", tokenize_pretokenized=True)
    doc = pipe([[w for w, _, _ in sent] for sent in SENTENCES])
    expected = [(w.upos, w.xpos) for s in doc.sentences for w in s.words]
    tagged = _rows(retagged.prepared("depparse", "train", "tagged"))
    assert [(r[3], r[4]) for r in tagged] == expected
    assert dict(zip((r[1] for r in tagged), (r[3] for r in tagged), strict=True))["said"] == "VERB"


@pytest.mark.slow
def test_retag_runs_again_only_after_the_tagger_changes(tmp_path):
    out = tmp_path / "models"
    out.mkdir()
    shutil.copyfile(COMPACT_DIR / "pos.pt", out / "pos.pt")
    work = tmp_path / "work"
    lay = train.Layout(Path("unused"), work, out)
    for split in ("train", "dev"):
        lay.prepared("depparse", split).parent.mkdir(parents=True, exist_ok=True)
        lay.prepared("depparse", split).write_text(_conllu(SENTENCES[:1]), encoding="utf-8")
    tagged = lay.prepared("depparse", "train", "tagged")

    def run_retag() -> int:
        train.main(["retag", "--work", str(work), "--out", str(out), "--data", "unused"])
        return tagged.stat().st_mtime_ns

    first = run_retag()
    assert run_retag() == first  # same tagger: the tags are kept
    later = time.time() + 60
    os.utime(out / "pos.pt", (later, later))  # a retrained tagger
    assert run_retag() != first
