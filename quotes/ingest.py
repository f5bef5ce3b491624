"""Stage 1: read files into :class:`~quotes.types.Article` objects.

Supported inputs: ``.txt`` (a leading ``#`` header gives title, outlet, date
and URL: :func:`read_header`), ``.html``/``.htm`` (main text extracted with
trafilatura), ``.jsonl`` (one article a line: ``text`` and optional ``id``,
``title``, ``outlet``, ``date``, ``url``; UTF-8, read record by record so that
one bad record costs only itself) and directories, read recursively.

Ingest never alters ``Article.text``: boilerplate and repeated paragraphs are
only flagged (``Paragraph.skip``), so offsets always index the original text.
For HTML, the "original text" is the main text trafilatura extracts, since the
markup itself holds no readable quotes.

Bad input never stops a run: each problem is yielded as a :class:`Problem`
naming the file (and line, for JSONL), and the rest of the corpus goes on.
"""

from __future__ import annotations

import codecs
import errno
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from quotes.lexicon import WIRE_AGENCIES
from quotes.types import Article, Paragraph, Span

if TYPE_CHECKING:
    from charset_normalizer import CharsetMatch

SUFFIXES = {".txt", ".html", ".htm", ".jsonl"}
MIN_HTML_WORDS = 10  # fewer words than this is navigation, not an article
# a news article is < 100 kB; bigger files are dumps, not articles. The cap is per article:
# a JSONL file is read record by record, however large, and each record is capped
MAX_BYTES = 10_000_000


@dataclass(frozen=True)
class Problem:
    """A file (or JSONL line) that could not be read, or was read with a caveat."""

    path: Path
    message: str
    line: int | None = None
    fatal: bool = True  # False: a warning, the article was still read

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.message}"


_BOILERPLATE = re.compile(
    r"""^\s*(
        ©.* | (copyright|\(c\))\b.* | .*\ball\ rights\ reserved\b.*
      | short\ url
      | (https?://|www\.)\S+
      | (share|tweet|email|print)(\ (this|on|via)\b.*)?
      | (follow|like)\ us\ on\b.* | sign\ up\ for\b.* | subscribe\b.{0,40}
      | (read|see)\ (more|also)\b.{0,60} | click\ here\b.*
      | advertisement
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_SOURCE = re.compile(r"(?P<outlet>[^(,;]*?)(\s+via\s[^(,;]*)?\s*(\((?P<url>https?://[^)\s]+)\))?(,.*)?")
_FIELD_BREAK = re.compile(r";\s*(?=[A-Za-z][\w ]*:)")  # a ';' inside a URL starts no field
MAX_HEADLINE = 250  # characters: a headline is one line, shorter than this


def read_header(paragraph: str) -> dict[str, str] | None:
    """The fields of a header paragraph, or None if it is not one.

    A header is a first paragraph of lines starting with ``#``, holding
    ``key: value`` fields separated by ``;`` or line breaks. ``title``,
    ``outlet``, ``date`` and ``url`` are taken as they are; ``source: NAME
    [via X] [(URL)][, ...]`` gives the outlet NAME and the URL. Other keys
    (``license``) are ignored.

    Examples
    --------
    >>> read_header("# source: Wikinews via GUM (https://en.wikinews.org/wiki/X), license CC-BY 2.5; "
    ...             "date: 2017-07-18")
    {'outlet': 'Wikinews', 'url': 'https://en.wikinews.org/wiki/X', 'date': '2017-07-18'}
    """
    lines = paragraph.splitlines()
    if not all(line.startswith("#") for line in lines):
        return None
    fields: dict[str, str] = {}
    for part in (f for line in lines for f in _FIELD_BREAK.split(line.lstrip("#"))):
        key, sep, value = part.partition(":")
        key, value = key.strip().lower(), value.strip()
        if not sep or not value:
            continue
        if key == "source" and (m := _SOURCE.fullmatch(value)):
            fields |= {k: v for k, v in (("outlet", m["outlet"].strip()), ("url", m["url"])) if v}
        elif key in ("title", "outlet", "date", "url"):
            fields[key] = value
    return fields or None


def split_paragraphs(text: str) -> list[Span]:
    """Split text into paragraph spans.

    A blank line always ends a paragraph; a single newline does too, except
    inside a sentence wrapped over lines (a line of 40 or more characters ends
    in a letter, digit or comma and the next starts in lower case).

    Examples
    --------
    >>> text = "One.\\nThis sentence is long enough that it wraps\\nhere.\\n\\nThree."
    >>> [p.text for p in split_paragraphs(text)]
    ['One.', 'This sentence is long enough that it wraps\\nhere.', 'Three.']
    """
    spans: list[Span] = []
    start: int | None = None
    pos = 0
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        stripped = line.strip()
        line_end = pos + len(line.rstrip("\r\n"))
        if stripped:
            if start is None:
                start = pos + (len(line) - len(line.lstrip()))
            nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
            wrapped = (len(stripped) >= 40 and bool(nxt) and re.search(r"[\w,]$", stripped)
                       and nxt[0].islower())
            if not wrapped:
                end = start + len(text[start:line_end].rstrip())
                spans.append(Span.of(text, start, end))
                start = None
        pos += len(line)
    return spans


_AGENCY = re.compile(r"\((" + "|".join(sorted(WIRE_AGENCIES)) + r")\)")


def domain(url: str) -> str:
    """The site of a URL, without ``www.`` or a language prefix.

    >>> domain("https://en.wikinews.org/wiki/X"), domain("https://arab.news/gw3ht")
    ('wikinews.org', 'arab.news')
    """
    host = re.sub(r"^[a-z]+://", "", url).split("/")[0].lower()
    parts = host.split(".")
    if len(parts) > 2 and (parts[0] == "www" or len(parts[0]) == 2):
        parts = parts[1:]
    return ".".join(parts)


def guess_outlet(paragraphs: list[Paragraph]) -> str | None:
    """The outlet of a plain-text article: a wire agency in the dateline, else
    the site of a bare URL among its boilerplate lines."""
    for p in paragraphs[:3]:
        if p.skip is None and (m := _AGENCY.search(p.span.text[:200])):
            return m[1]
    for p in paragraphs:
        if p.skip == "boilerplate" and re.match(r"^(https?://|www\.)\S+$", p.span.text.strip()):
            return domain(p.span.text.strip())
    return None


def make_article(doc_id: str, text: str, source: Path | None = None, **meta: str | None) -> Article:
    """Build an article from text, flagging boilerplate and repeated paragraphs.

    A header paragraph (:func:`read_header`) fills the metadata the caller did
    not give, the one-line paragraph after it being the title; the header is
    kept in the text, flagged ``"metadata"``.

    Examples
    --------
    >>> a = make_article("x", "Hello.\\nShort Url\\nHello.")
    >>> [(p.span.text, p.skip) for p in a.paragraphs]
    [('Hello.', None), ('Short Url', 'boilerplate'), ('Hello.', 'duplicate')]
    """
    paragraphs: list[Paragraph] = []
    seen: set[str] = set()
    spans = split_paragraphs(text)
    header = read_header(spans[0].text) if spans else None
    if header is not None:
        # a headline follows the header: one short line
        if len(spans) > 1 and "\n" not in spans[1].text and len(spans[1].text) <= MAX_HEADLINE:
            header.setdefault("title", spans[1].text)
        meta |= {k: v for k, v in header.items() if not meta.get(k)}  # what the caller knows wins
    for span in spans:
        key = " ".join(span.text.split())
        if header is not None and not paragraphs:
            paragraphs.append(Paragraph(span, "metadata"))
        elif _BOILERPLATE.match(span.text):
            paragraphs.append(Paragraph(span, "boilerplate"))
        elif key in seen:
            paragraphs.append(Paragraph(span, "duplicate"))
        else:
            seen.add(key)
            paragraphs.append(Paragraph(span))
    if not meta.get("outlet"):
        meta["outlet"] = domain(meta["url"]) if meta.get("url") else guess_outlet(paragraphs)
    return Article(doc_id, text, paragraphs, source, **{k: v for k, v in meta.items() if v})


# Among encodings that read a text about equally well, those a Western newsroom
# meets, in this order. charset-normalizer's mess ratio ties between Latin code
# pages on most news text, and its coherence (how like a language the letters
# are) differs by noise, up to COHERENCE_NOISE: French in cp1252 scores 0.62
# and in cp775 0.70. cp1252 is latin-1 with printable 0x80-0x9F.
PREFERRED_ENCODINGS = ("cp1252", "latin_1", "iso8859_15", "cp1250")
COHERENCE_NOISE = 0.1
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _preference(match: CharsetMatch) -> int:
    return min((PREFERRED_ENCODINGS.index(e) for e in match.could_be_from_charset if e in PREFERRED_ENCODINGS),
               default=len(PREFERRED_ENCODINGS))


def decode(data: bytes) -> tuple[str, str | None]:
    """Decode file bytes; return the text and a warning if it was not clean UTF-8.

    In order: a UTF-16/32 byte-order mark; NUL bytes mean UTF-16 without a
    byte-order mark (if they fill every other byte, and charset-normalizer reads
    it so) or binary data; UTF-8
    (a leading byte-order mark dropped); UTF-8 with a few invalid bytes, each
    invalid sequence replaced with U+FFFD, when they are no more than its valid
    non-ASCII characters (a stray byte, a file cut mid-character, cp1252
    quotes pasted in); else the encoding charset-normalizer finds best, and
    among equally good ones the first of :data:`PREFERRED_ENCODINGS`.

    Limits: text in another 8-bit Latin code page whose bytes read about as
    well in cp1252 is read as cp1252 (Czech and Lithuanian, for example: the
    warning names the encoding used; convert such files to UTF-8 first); a
    mostly-ASCII text with a single non-UTF-8 byte is taken for cp1252, not
    for damaged UTF-8; UTF-16 without a byte-order mark is recognised in
    Latin-script text only.

    Raises
    ------
    ValueError
        For binary data or text in no recognisable encoding.
    """
    from charset_normalizer import from_bytes

    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), f"not UTF-8; decoded as {codec}"
            except UnicodeDecodeError as exc:
                raise ValueError(f"starts with a {codec} byte-order mark but is not {codec} "
                                 f"(byte {exc.start})") from None
    head = data[:8192]
    if b"\x00" in head:
        # UTF-16 of Latin-script text has a NUL in every other byte, binary data has them anywhere
        nuls = sorted((head[0::2].count(0), head[1::2].count(0)))
        utf16 = (from_bytes(data, cp_isolation=["utf_16_le", "utf_16_be"]).best()
                 if nuls[0] == 0 and nuls[1] * 4 >= len(head) else None)
        if utf16 is None:
            raise ValueError("binary file (contains NUL bytes)")
        return str(utf16), f"not UTF-8; decoded as {utf16.encoding}"
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        first = exc.start
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = len(text) - len(text.encode("ascii", errors="ignore")) - text.count("\ufffd")  # non-ASCII read
    if bad <= valid:
        return text, (f"invalid UTF-8: {bad} byte sequence{'s' * (bad > 1)} replaced with U+FFFD "
                      f"(first at byte {first})")
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise ValueError("not text in any recognisable encoding")
    tied = [m for m in matches if m.chaos <= best.chaos and m.coherence >= best.coherence - COHERENCE_NOISE]
    chosen = min(tied, key=_preference)  # min keeps charset-normalizer's order among the rest
    rank = _preference(chosen)
    encoding = PREFERRED_ENCODINGS[rank] if rank < len(PREFERRED_ENCODINGS) else chosen.encoding
    return str(chosen), f"not UTF-8; decoded as {encoding}"


def _too_large(size: int, what: str) -> str:
    return f"too large for {what} ({size / 1e6:.1f} MB > {MAX_BYTES / 1e6:.0f} MB)"


def _read_text_file(path: Path) -> tuple[str | None, list[Problem]]:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, [Problem(path, _too_large(size, "an article"))]
        data = path.read_bytes()
    except OSError as exc:
        return None, [Problem(path, f"cannot read: {exc.strerror or exc}")]
    if not data.strip():
        return None, [Problem(path, "empty file")]
    try:
        text, warning = decode(data)
    except ValueError as exc:
        return None, [Problem(path, str(exc))]
    return text, [Problem(path, warning, fatal=False)] if warning else []


def _read_html(path: Path, html: str) -> Iterator[Article | Problem]:
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as exc:  # trafilatura raises many lxml types on broken markup
        yield Problem(path, f"malformed HTML: {exc}")
        return
    text = extracted.text if extracted else None
    if not text or len(text.split()) < MIN_HTML_WORDS:
        yield Problem(path, "HTML page has no article text")
        return
    yield make_article(path.stem, text, path, title=extracted.title, outlet=extracted.sitename,
                       date=extracted.date, url=extracted.url)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _read_record(path: Path, n: int, raw: bytes, ids: set[str]) -> Iterator[Article | Problem]:
    """The article of one JSONL record, or why there is none.

    A lone surrogate (valid JSON, ``"\\ud800"``: usually an emoji's surrogate
    pair cut in half) cannot be encoded, so it is replaced with U+FFFD, one
    character for one, which keeps every offset; the record is kept with a
    warning, as one bad character should not lose an article. Raw NUL and
    bytes that are not UTF-8 (which JSON Lines requires) refuse the record.
    """
    if b"\x00" in raw:
        yield Problem(path, "record contains NUL bytes (binary data?)", line=n)
        return
    try:
        line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        yield Problem(path, f"record is not UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1}); "
                            f"JSON Lines must be UTF-8", line=n)
        return
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        yield Problem(path, f"malformed JSON ({exc.msg})", line=n)
        return
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
        yield Problem(path, "no 'text' string in this record", line=n)
        return
    fields = {k: str(obj[k]) for k in ("id", "title", "outlet", "date", "url") if obj.get(k)}
    fields["text"] = obj["text"]
    bad = {k: len(_SURROGATE.findall(v)) for k, v in fields.items()}
    if any(bad.values()):
        where = ", ".join(f"{k!r} ({c})" for k, c in bad.items() if c)
        yield Problem(path, f"lone surrogate characters replaced with U+FFFD in {where}", line=n, fatal=False)
        fields = {k: _SURROGATE.sub("\ufffd", v) for k, v in fields.items()}
    doc_id = fields.pop("id", None) or f"{path.stem}:{n}"
    if doc_id in ids:
        yield Problem(path, f"duplicate id {doc_id!r}, renamed {doc_id}:{n}", line=n, fatal=False)
        doc_id = f"{doc_id}:{n}"
    ids.add(doc_id)
    yield make_article(doc_id, fields.pop("text"), path, **fields)


def _records(fh: BinaryIO) -> Iterator[tuple[int, bytes | int]]:
    """Number and bytes of each non-blank line of a JSONL file; for a line over
    :data:`MAX_BYTES`, its size instead, read past without holding it whole."""
    for n, raw in enumerate(iter(lambda: fh.readline(MAX_BYTES + 1), b""), 1):
        if len(raw) > MAX_BYTES:
            size = len(raw)
            while raw and not raw.endswith(b"\n"):
                raw = fh.readline(1 << 20)
                size += len(raw)
            yield n, size
        elif raw.strip():
            yield n, raw


def _read_jsonl(path: Path, fh: BinaryIO) -> Iterator[Article | Problem]:
    """Read a JSONL file record by record: a bad record (see :func:`_read_record`,
    or over :data:`MAX_BYTES`) is one problem naming its line, and the records
    around it are read. Lines end at ``\\n`` only, so a U+2028 inside a string,
    valid JSON, does not split a record."""
    ids: set[str] = set()
    empty = True
    for n, raw in _records(fh):
        empty = False
        if isinstance(raw, int):
            yield Problem(path, _too_large(raw, "a record"), line=n)
        else:
            yield from _read_record(path, n, raw, ids)
    if empty:
        yield Problem(path, "empty file")


def read_file(path: Path) -> Iterator[Article | Problem]:
    """Yield the articles of one file, or the problems that prevent reading it."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield Problem(path, f"unsupported file type {suffix or '(none)'}; expected one of "
                            f"{', '.join(sorted(SUFFIXES))}")
        return
    if (why := _unreadable(path)) is not None:
        yield Problem(path, why)
        return
    if suffix == ".jsonl":
        try:
            fh = path.open("rb")
        except OSError as exc:
            yield Problem(path, f"cannot read: {exc.strerror or exc}")
            return
        with fh:
            yield from _read_jsonl(path, fh)
        return
    text, problems = _read_text_file(path)
    yield from problems
    if text is None:
        return
    if suffix in (".html", ".htm"):
        yield from _read_html(path, text)
    else:
        yield make_article(path.stem, text, path)


def _unreadable(path: Path) -> str | None:
    """Why ``path`` (links followed) is no file to read, or None if it is one.

    Only the inode is looked at, never opened: opening a FIFO would block the
    run until some other program writes to it.
    """
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        if path.is_symlink():
            return f"broken symbolic link (to {os.readlink(path)})"
        return "no such file or directory" if exc.errno == errno.ENOENT else f"cannot read: {exc.strerror}"
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    kind = ("a named pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "special")
    return f"not a regular file ({kind})"


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | Problem]:
    """Expand directories (recursively, sorted, hidden files skipped) into files.

    Anything else met is one problem naming it: a broken link or link loop, a
    FIFO, socket or device, and a link to a folder inside a folder, which is
    not followed (it may loop, or hold files read already).
    """
    for p in map(Path, paths):
        if not p.is_dir():
            why = _unreadable(p)
            yield p if why is None else Problem(p, why)
            continue
        for child in sorted(p.rglob("*")):
            if any(part.startswith(".") for part in child.relative_to(p).parts):
                continue
            if child.is_dir():
                if child.is_symlink():
                    yield Problem(child, "symbolic link to a folder, not followed")
            elif (why := _unreadable(child)) is not None:
                yield Problem(child, why)
            else:
                yield child


def count_inputs(paths: Iterable[str | Path]) -> int:
    """How many articles and unreadable inputs :func:`read_corpus` will yield,
    counted without parsing articles: one per file, one per non-blank line of a
    JSONL file (one for an empty or unreadable one), so that a progress bar can
    show the time left. JSONL files are read once more for this.
    """
    total = 0
    for item in iter_files(paths):
        if isinstance(item, Path) and item.suffix.lower() == ".jsonl":
            try:
                with item.open("rb") as fh:
                    total += max(1, sum(1 for _ in _records(fh)))
            except OSError:
                total += 1
        else:
            total += 1
    return total


def read_corpus(paths: Iterable[str | Path]) -> Iterator[Article | Problem]:
    """Yield every article under ``paths``, interleaved with the problems met.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text('"Hi," she said.')
    >>> _ = (d / "b.txt").write_bytes(b"")
    >>> [str(x).replace(str(d), "D") if isinstance(x, Problem) else x.id for x in read_corpus([d])]
    ['a', 'D/b.txt: empty file']
    """
    ids: set[str] = set()
    for item in iter_files(paths):
        if isinstance(item, Problem):
            yield item
            continue
        for found in read_file(item):
            if isinstance(found, Article) and found.id in ids:
                new_id = str(item.with_suffix("")) + (found.id[len(item.stem):] if found.id.startswith(item.stem)
                                                     else f":{found.id}")
                yield Problem(item, f"id {found.id!r} already used by another file; this one is {new_id!r}",
                              fatal=False)
                found.id = new_id
            if isinstance(found, Article):
                ids.add(found.id)
            yield found
