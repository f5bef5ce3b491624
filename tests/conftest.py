"""Shared fixtures, and the two test tiers.

Tests marked ``slow`` load Stanza, spawn processes, run Dask, Chromium or
notebooks. Every other test runs on frozen annotations: while it runs, the
bundled compact models' :class:`~quotes.annotate.StanzaAnnotator` serves the
``Doc`` it produced for each text from ``tests/data/frozen/`` (like httpx's
mock transport serving recorded responses), and building a Stanza pipeline is
an error that says to mark the test slow. ``tests/test_frozen.py`` re-annotates
every frozen text with the real models and fails on drift; ``--freeze``
records (see ``tests/data/frozen/README.md``).
"""

import dataclasses
import gzip
import json
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

import quotes
from quotes.analysis import Analysis
from quotes.annotate import StanzaAnnotator
from quotes.models import ModelSet
from quotes.store import decode_doc, encode_doc, text_hash
from quotes.types import Article, Doc, Entity, Paragraph, Quote, Span, Token

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


FROZEN = Path(__file__).parent / "data" / "frozen" / "annotations.json.gz"
REGENERATE = "python -m pytest tests/test_frozen.py --freeze=all"


class FrozenAnnotations:
    """Docs of the compact models, by annotator setting and article, read from and written to ``path``.

    An article is its text and its paragraphs (which of them are annotated).

    Each Doc is kept in the store's own encoding (:func:`quotes.store.encode_doc`,
    a row of every ``Token`` field), decompressed to JSON; the file names the
    fields, so Docs frozen before a field was added to ``Token`` are refused
    with the command that refreshes them.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.articles: dict[str, tuple[str, Article]] = {}  # key -> (setting, article)
        self.docs: dict[str, dict] = {}  # key -> the store's JSON of its Doc
        self.stale = False
        self.changed = False
        if path.exists():
            data = json.loads(gzip.decompress(path.read_bytes()))
            self.stale = data["token_fields"] != self.token_fields()
            for n, (setting, text, paragraphs, doc) in enumerate(data["docs"]):
                article = Article(str(n), text, [Paragraph(Span.of(text, s, e), skip) for s, e, skip in paragraphs])
                key = self.key(setting, article)
                self.articles[key], self.docs[key] = (setting, article), doc

    @staticmethod
    def token_fields() -> list[str]:
        return [f.name for f in dataclasses.fields(Token)]

    @staticmethod
    def key(setting: str, article: Article) -> str:
        return f"{setting}:{text_hash(article.text)}:{_paragraphs(article)}"

    def get(self, setting: str, article: Article) -> Doc | None:
        doc = self.docs.get(self.key(setting, article))
        if doc is None:
            return None
        if self.stale:
            raise RuntimeError(f"{self.path} holds Docs of other Token fields than {self.token_fields()}: "
                               f"refresh them with `{REGENERATE}`")
        return decode_doc(zlib.compress(json.dumps(doc).encode()))

    def put(self, setting: str, article: Article, doc: Doc) -> None:
        key = self.key(setting, article)
        self.articles[key], self.docs[key] = (setting, article), json.loads(zlib.decompress(encode_doc(doc)))
        self.changed = True

    def save(self) -> None:
        """Write the file, in a stable order so that a refresh's diff shows what changed."""
        rows = sorted([setting, a.text, _paragraphs(a), self.docs[key]] for key, (setting, a) in self.articles.items())
        data = {"token_fields": self.token_fields(), "docs": rows}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_bytes(gzip.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(),
                                            mtime=0))
        self.stale = self.changed = False

    def annotate(self, setting: str, articles: Sequence[Article],
                 real: Callable[[Sequence[Article]], list[Doc]] | None) -> list[Doc]:
        """The frozen Doc of each article; those not frozen from ``real`` (recorded), or an error without it."""
        docs = [self.get(setting, a) for a in articles]
        missing = [a for a, d in zip(articles, docs, strict=True) if d is None]
        if missing and real is None:
            raise LookupError(f"no frozen annotation of {missing[0].text[:60]!r} ({len(missing)} texts): record "
                              "them with `python -m pytest --freeze=new` on the tests that use them, or mark "
                              "the test slow")
        if missing:
            for article, doc in zip(missing, real(missing), strict=True):
                self.put(setting, article, doc)
        return [d if d is not None else self.get(setting, a) for a, d in zip(articles, docs, strict=True)]


def _paragraphs(article: Article) -> list[list]:
    return [[p.span.start, p.span.end, p.skip] for p in article.paragraphs]


def setting_of(annotator: StanzaAnnotator) -> str | None:
    """The frozen annotations' name for what ``annotator`` produces; None for a setting they do not hold."""
    if annotator.models.official or annotator.models.name != "compact" or annotator._overrides:
        return None
    return f"{annotator.name}/parse={annotator.parse}"


class _Tier:
    """Which tier the running test is in, and the frozen annotations the fast one reads."""

    slow = True  # outside a test (collection, doctests' imports): real models
    freeze: str | None = None
    frozen: FrozenAnnotations | None = None


_real_annotate = StanzaAnnotator.annotate
_real_build = ModelSet._build


def _annotate(self: StanzaAnnotator, articles: Sequence[Article]) -> list[Doc]:
    setting = setting_of(self)
    if _Tier.slow or setting is None or _Tier.frozen is None:
        return _real_annotate(self, articles)
    recording = _Tier.freeze is not None
    return _Tier.frozen.annotate(setting, articles, (lambda a: _real_annotate(self, a)) if recording else None)


def _build(self: ModelSet, kwargs: dict) -> object:
    if not _Tier.slow and _Tier.freeze is None:
        raise RuntimeError("this test builds a Stanza pipeline: mark it @pytest.mark.slow, "
                           "or annotate with the compact models' StanzaAnnotator, which serves frozen annotations")
    return _real_build(self, kwargs)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--freeze", choices=("new", "all"), default=None,
                     help="new: annotate texts the frozen annotations lack with the bundled models and add them; "
                          "all: also re-annotate every frozen text (tests/test_frozen.py writes them instead of "
                          "failing on drift)")


def pytest_configure(config: pytest.Config) -> None:
    _Tier.freeze = config.getoption("--freeze")
    _Tier.frozen = FrozenAnnotations(FROZEN)
    StanzaAnnotator.annotate = _annotate
    ModelSet._build = _build


def pytest_unconfigure(config: pytest.Config) -> None:
    StanzaAnnotator.annotate = _real_annotate
    ModelSet._build = _real_build


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    # before the test's fixtures are set up, session-wide ones included
    _Tier.slow = item.get_closest_marker("slow") is not None


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item) -> None:
    _Tier.slow = True
    if _Tier.freeze is not None and _Tier.frozen is not None and _Tier.frozen.changed:
        _Tier.frozen.save()  # as it goes, so that an interrupted recording keeps what it annotated


@pytest.fixture(scope="session")
def frozen() -> FrozenAnnotations:
    """The frozen annotations the fast tier reads."""
    assert _Tier.frozen is not None
    return _Tier.frozen


@pytest.fixture(scope="session")
def freeze_mode(request: pytest.FixtureRequest) -> str | None:
    """``--freeze``: None, "new" or "all"."""
    return request.config.getoption("--freeze")


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
