"""The single-file HTML report, checked in a real headless Chromium where one is installed."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import html as lxml_html

from quotes.analysis import Analysis
from quotes.html import pieces, render_html, word_diff, write_html
from quotes.types import Article, Entity, Paragraph, Quote, Span

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH to load the page in")
DOCS = Path(__file__).parent.parent / "docs"
MOHIB = "There is war, there is pressure. Sometimes things are working our way."

# set as the page starts, so any script error later on lands in the dumped DOM
CATCH_ERRORS = ("<script>window.onerror = function (m) { document.documentElement.setAttribute('data-errors', "
                "(document.documentElement.getAttribute('data-errors') || '') + m + '|'); };</script>")


def browse(tmp_path: Path, page: str, script: str = "", screenshot: Path | None = None) -> lxml_html.HtmlElement:
    """Load ``page`` in headless Chromium with ``script`` run after the page's own, and return the DOM it dumps."""
    page = page.replace("<head>", "<head>" + CATCH_ERRORS, 1).replace("</body>", f"<script>{script}</script></body>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    args = [CHROMIUM, "--headless", "--disable-gpu", "--no-sandbox", f"--user-data-dir={tmp_path / 'profile'}",
            "--hide-scrollbars", "--window-size=1280,960", "--virtual-time-budget=2000"]
    if screenshot is not None:
        subprocess.run([*args, f"--screenshot={screenshot}", path.as_uri()], capture_output=True, timeout=120,
                       check=True)
    run = subprocess.run([*args, "--dump-dom", path.as_uri()], capture_output=True, text=True, timeout=120,
                         check=True)
    dom = lxml_html.fromstring(run.stdout)
    assert dom.get("data-errors") is None, dom.get("data-errors")
    return dom


def spans_strategy() -> st.SearchStrategy[list[tuple[int, int, int]]]:
    pair = st.tuples(st.integers(0, 30), st.integers(0, 30)).map(sorted)
    return st.lists(pair, max_size=8).map(lambda ps: [(s, e, n) for n, (s, e) in enumerate(ps, 1)])


@given(spans_strategy())
def test_marks_nest_and_cover_exactly_their_quote(spans):
    text = "".join(chr(0x61 + i % 26) for i in range(25))
    out = pieces(text, spans)
    assert "".join(p.text for p in out) == text
    open_marks: list[int] = []
    pos = 0
    for p in out:
        if p.kind == "open":
            open_marks.append(p.quote)
        elif p.kind == "close":
            assert open_marks.pop() == p.quote  # closes the innermost open mark: valid HTML nesting
        else:
            for i in range(pos, pos + len(p.text)):
                inside = {n for s, e, n in spans if s <= i < min(e, len(text))}
                assert set(open_marks) == inside
            pos += len(p.text)
    assert not open_marks
    first = [p.quote for p in out if p.kind == "open" and p.first]
    assert sorted(first) == sorted(n for s, e, n in spans if min(e, len(text)) > s)  # one focusable piece each


def test_word_diff_marks_what_a_report_changes():
    words = word_diff("inflicting heavy casualties on the jihadist group",
                      "inflicting heavy casualties on the militant group, officials")
    assert [w.text for w in words if w.op == "del"] == ["jihadist"]
    assert [w.text for w in words if w.op == "ins"] == ["militant", "officials"]  # "group," is "group"


TRICKY = 'Intro 🙂🙂 <b>&amp;</b>. “I <script>alert(1)</script> won 🚀 big,” said Ann Lee. Bob said he agreed.'


def tricky_analysis() -> Analysis:
    """An article with characters outside the BMP (two UTF-16 units each) and markup before and in a quote."""
    start = TRICKY.index("I <script>")
    end = TRICKY.index(" big") + 4
    inner = TRICKY.index("won")
    lee = Entity("Ann Lee", "PERSON", "mayor", "City <Hall>")
    quotes = [
        Quote("t", "direct", Span.of(TRICKY, start, end), Span.of(TRICKY, end + 3, end + 7),
              Span.of(TRICKY, end + 8, end + 15), lee),
        Quote("t", "indirect", Span.of(TRICKY, inner, TRICKY.index("Bob") + 3), reader="tagger:spans.pt",
              confidence=0.8),  # crosses the first quote's end
        Quote("t", "indirect", Span.of(TRICKY, TRICKY.index("he agreed"), len(TRICKY) - 1),
              Span.of(TRICKY, TRICKY.index("said he"), TRICKY.index("said he") + 4),
              Span.of(TRICKY, TRICKY.index("Bob"), TRICKY.index("Bob") + 3), Entity("Bob", "PERSON")),
    ]
    article = Article("t", TRICKY, [Paragraph(Span.of(TRICKY, 0, len(TRICKY)))], title="Tricky <title>", outlet="X")
    return Analysis([article], quotes, annotator="test")


def test_the_page_escapes_text_and_marks_each_quote_at_its_offsets():
    page = lxml_html.fromstring(render_html(tricky_analysis()))
    assert not [s for s in page.iter("script") if "alert" in (s.text or "")]
    text = page.get_element_by_id("a0").find_class("text")[0]
    assert text.text_content() == TRICKY
    assert page.get_element_by_id("q1").text_content().startswith("I <script>alert(1)</script> won")
    assert "City <Hall>" in page.get_element_by_id("d1").text_content()


@pytest.mark.slow
@needs_chromium
def test_in_chromium_each_quote_mark_holds_its_words_despite_utf16(tmp_path):
    dom = browse(tmp_path, render_html(tricky_analysis()))
    q1, q2, q3 = (tricky_analysis().quotes[i].content.text for i in range(3))
    assert dom.get_element_by_id("q1").text_content().startswith(q1[:20])
    assert dom.get_element_by_id("q3").text_content() == q3
    # the crossing quote is split in two marks whose words together are the quote's
    pieces_of_2 = [m for m in dom.find_class("q") if m.get("data-q") == "2"]
    assert len(pieces_of_2) == 2 and "".join(p.text_content() for p in pieces_of_2) == q2


@pytest.mark.slow
@needs_chromium
def test_seed_report_loads_and_shows_mohib_on_keyboard_focus(seeds_analysis, tmp_path):
    n = next(i for i, q in enumerate(seeds_analysis.quotes, 1) if q.content.text.startswith(MOHIB))
    # headless Chromium may not give an unfocused window's page focus events: where focus()
    # lands on the mark without one, the focusin a keyboard user's Tab gives is sent by hand
    script = (f"var m = document.getElementById('q{n}'); m.closest('details').open = true; m.focus();"
              "var tip = document.getElementById('tip');"
              "if (document.activeElement === m && tip.hidden) {"
              " m.dispatchEvent(new FocusEvent('focusin', {bubbles: true})); }"
              "document.documentElement.setAttribute('data-tip', tip.hidden ? '' : tip.textContent);")
    shot = tmp_path / "report.png"
    dom = browse(tmp_path, render_html(seeds_analysis), script, screenshot=shot)
    mark = dom.get_element_by_id(f"q{n}")
    assert mark.text_content().startswith(MOHIB) and mark.get("tabindex") == "0"
    assert mark.get("aria-describedby") == f"d{n}"
    assert "Hamdullah Mohib" in dom.get("data-tip") and "National Security Adviser" in dom.get("data-tip")
    assert "told" in dom.get("data-tip")
    from PIL import Image

    colours = Image.open(shot).convert("RGB").getcolors(maxcolors=1 << 16)
    assert colours is None or len(colours) > 50  # a page was painted, not a blank frame
    if os.environ.get("QUOTES_UPDATE_DOCS"):
        write_docs_screenshot(seeds_analysis, tmp_path)


def write_docs_screenshot(analysis: Analysis, tmp_path: Path) -> None:
    """docs/report.png: the first article open, a quote focused. Headless Chromium paints
    nothing when a page scrolls before the shot, so the sections above the articles are hidden."""
    n = next(i for i, q in enumerate(analysis.quotes, 1) if q.content.text.startswith(MOHIB))
    script = ("['overview', 'claims', 'organizations', 'documents'].forEach(function (id) {"
              " document.getElementById(id).style.display = 'none'; });"
              f"var m = document.getElementById('q{n}'); m.closest('details').open = true;"
              "m.focus({preventScroll: true}); m.dispatchEvent(new FocusEvent('focusin', {bubbles: true}));")
    page = tmp_path / "docs.html"
    write_html(analysis, page, title="Quotes report: corpus/ seed articles")
    browse(tmp_path, page.read_text(encoding="utf-8"), script, screenshot=DOCS / "report.png")


@pytest.mark.slow
@needs_chromium
def test_speaker_filter_counts_and_hides(seeds_analysis, tmp_path):
    script = ("var f = document.getElementById('f-speaker'); f.value = 'mohib';"
              "f.dispatchEvent(new Event('input', {bubbles: true}));"
              "document.documentElement.setAttribute('data-count', document.getElementById('count').textContent);")
    dom = browse(tmp_path, render_html(seeds_analysis), script)
    names = {e.name for e in seeds_analysis.entities if "mohib" in e.name.lower()}
    expected = sum(1 for q in seeds_analysis.quotes if q.entity and seeds_analysis.entities[q.entity].name in names)
    assert expected > 5
    assert dom.get("data-count") == f"{expected} of {len(seeds_analysis.quotes)} quotes"
    dimmed = {m.get("data-q") for m in dom.find_class("q") if "off" in m.get("class").split()}
    assert len(dimmed) == len(seeds_analysis.quotes) - expected


def test_report_html_option_writes_one_self_contained_file(seeds_analysis, monkeypatch, tmp_path):
    from quotes import cli

    monkeypatch.setattr(cli, "_run", lambda args: seeds_analysis)
    out = tmp_path / "report.html"
    assert cli.main(["report", "seeds.db", "--html", str(out), "--format", "json"]) == 0
    page = lxml_html.fromstring(out.read_text(encoding="utf-8"))
    assert not page.xpath("//link | //script[@src] | //img | //iframe")  # nothing to fetch
    assert not [url for url in page.xpath("//@href") if not url.startswith("#")]
    assert len(page.find_class("article")) == len(seeds_analysis.articles)
    assert len(page.xpath("//mark[@tabindex='0']")) == len(seeds_analysis.quotes)
