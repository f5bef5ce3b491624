import json
from pathlib import Path

import pytest

import quotes
from quotes.pipeline import Analysis
from quotes.types import Article, Entity, Paragraph, Quote, Span

CORPUS = Path(__file__).parent.parent / "corpus"
SEEDS = [CORPUS / "000_7ce02406a65dd357.txt", CORPUS / "001_b8fb2cd4f4ce1228.txt"]


@pytest.fixture(scope="session")
def seeds_analysis():
    """Both seed articles analyzed once with the bundled compact models."""
    return quotes.analyze(SEEDS, models="compact")


@pytest.fixture
def messy_corpus(tmp_path):
    """A folder of good and bad inputs: every kind of problem the reader reports."""
    (tmp_path / "good.txt").write_text('"We will stay," Smith said.', encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "latin1.txt").write_bytes("« Café », a dit le maire à l'hôtel de ville.".encode("cp1252"))
    (tmp_path / "notes.docx").write_bytes(b"PK")
    (tmp_path / "huge.txt").write_bytes(b"a" * 11_000_000)
    # a record over the size cap, then one that is read
    (tmp_path / "dump.jsonl").write_bytes(b'{"text": "' + b"A line. " * 1_400_000 + b'"}\n{"text": "After."}\n')
    lines = [json.dumps({"id": "ok1", "text": "First article."}), "{not json",
             json.dumps({"id": "nt"}), "", json.dumps({"text": "Second.", "outlet": "AFP"})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "nav.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    return tmp_path


SMALL_TEXTS = {
    "news_2016-01-01_a": "Ryan blamed Clinton for the loss. The company hired 30 workers.\n\n"
                         "Cruz said he would win the state.\n",
    "news_2016-01-02_b": "Trump attacked Cruz on Tuesday. The plant closed last year.\n",
}
# (source, cue, content) of each gold attribution, found in the text
SMALL_GOLD = {
    "news_2016-01-01_a": [("Ryan", "blamed", "Clinton for the loss"), ("Cruz", "said", "he would win the state")],
    "news_2016-01-02_b": [("Trump", "attacked", "Cruz")],
}


@pytest.fixture(scope="session")
def small_gold_dir(tmp_path_factory):
    """Two articles laid out as PolNeAR, with the gold attributions of ``SMALL_GOLD``."""
    root = tmp_path_factory.mktemp("gold")
    (root / "text").mkdir()
    (root / "attributions").mkdir()
    for doc, text in SMALL_TEXTS.items():
        (root / "text" / f"{doc}.txt").write_text(text, encoding="utf-8")
        lines = []
        for n, roles in enumerate(SMALL_GOLD[doc]):
            ids = []
            for role, words in zip(("Source", "Cue", "Content"), roles, strict=True):
                start = text.index(words)
                tid = f"T{3 * n + len(ids) + 1}"
                lines.append(f"{tid}\t{role} {start} {start + len(words)}\t{words}")
                ids.append(f"{role}:{tid}")
            lines.append(f"E{n + 1}\tAttribution:{ids[1].split(':')[1]} " + " ".join(ids))
        (root / "attributions" / f"{doc}_x.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


@pytest.fixture
def two_names():
    """The same man named "Donald J. Trump" in one article and "Donald Trump" in another (PolNeAR train)."""
    texts = {"nyt": ("''We will make America great again,'' said Donald J. Trump, the Republican front-runner.",
                     "Donald J. Trump", "front-runner"),
             "ap": ("“We will make America great again,” Donald Trump said.", "Donald Trump", None)}
    articles, found = [], []
    for doc, (text, name, role) in texts.items():
        articles.append(Article(doc, text, [Paragraph(Span.of(text, 0, len(text)))]))
        at = text.index(name)
        found.append(Quote(doc, "direct", Span.of(text, 2, 34), None, Span.of(text, at, at + len(name)),
                           Entity(name, "PERSON", role, "Republican Party" if role else None)))
    return Analysis(articles, found)
