"""The report a reader sees in a terminal, in Jupyter, as Markdown and as JSON."""

import io
import json

import pytest
from rich.console import Console

from quotes import cli, report
from quotes.report import ReportTable

MOHIB = "There is war, there is pressure. Sometimes things are working our way."


@pytest.fixture
def reported(seeds_analysis, monkeypatch):
    """``quotes report`` on the seed articles, without running the pipeline again."""
    monkeypatch.setattr(cli, "_run", lambda args: seeds_analysis)
    return seeds_analysis


def flat(text: str) -> str:
    return " ".join(text.split())


def test_terminal_report_fits_100_columns_with_every_quote_whole(seeds_analysis):
    buf = io.StringIO()
    Console(file=buf, width=100).print(report.render(seeds_analysis))
    lines = buf.getvalue().splitlines()
    assert max(len(line) for line in lines) <= 100
    shown = flat(buf.getvalue())
    longest = max(seeds_analysis.quotes, key=lambda q: len(q.content.text))
    assert len(longest.content.text) > 200 and flat(longest.content.text) in shown
    # summaries first: the numbers, speakers, organizations, claims, then the quotes
    heads = [next(i for i, line in enumerate(lines) if line.startswith(title))
             for title in ("Overview", "Speakers", "Organizations", "Claims across outlets", "Quotes (")]
    assert heads == sorted(heads)
    assert any(line.startswith(f"{len(seeds_analysis.articles)} articles, {len(seeds_analysis.quotes)} quotes")
               for line in lines)


def test_report_follows_columns(reported, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    assert cli.main(["report", "seeds.db"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert 90 < max(len(line) for line in lines) <= 100


def test_limit_and_sort_by_speaker(reported, capsys):
    assert cli.main(["report", "seeds.db", "--format", "json", "--limit", "5", "--sort", "speaker"]) == 0
    data = json.loads(capsys.readouterr().out)
    rows = data["quotes"]["rows"]
    assert len(rows) == 5 and data["quotes"]["total"] == len(reported.quotes)
    names = [r["speaker_name"].casefold() for r in rows]
    assert names == sorted(names)
    assert len(data["speakers"]["rows"]) == 5 and data["speakers"]["total"] > 5
    assert data["overview"]["quotes"] == len(reported.quotes)  # the numbers count everything


def test_sort_by_confidence_puts_the_likeliest_first(seeds_analysis):
    quotes = [q for _, q in report.sorted_quotes(seeds_analysis, "confidence")]
    scores = [q.confidence for q in quotes]
    assert None not in scores and scores == sorted(scores, reverse=True)


def test_json_has_every_text_whole(reported, capsys):
    assert cli.main(["report", "seeds.db", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    texts = {a.id: a.text for a in reported.articles}
    rows = data["quotes"]["rows"]
    assert len(rows) == len(reported.quotes)
    for row in rows:
        content = row["content"]
        assert texts[row["doc"]][content["start"]:content["end"]] == content["text"]
    claim = next(r for r in data["claims"]["rows"] if r["claim"].startswith(MOHIB))
    assert claim["claim"].endswith("we will continue to defend the Afghan people")
    assert set(claim["outlets"]) == {"arab.news", "AFP"}
    mohib = next(r for r in data["speakers"]["rows"] if r["speaker"] == "Hamdullah Mohib")
    assert mohib["quotes"] > 5 and "national security adviser" in mohib["roles"]
    assert sum(data["overview"]["sources"].values()) == len(reported.quotes)


def test_markdown_keeps_quotes_whole(reported, capsys):
    assert cli.main(["report", "seeds.db", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    longest = max(reported.quotes, key=lambda q: len(q.content.text))
    assert flat(longest.content.text) in out and "…" not in out


def test_jupyter_shows_html_tables(seeds_analysis):
    built = report.build(seeds_analysis, limit=3)
    page = built._repr_html_()
    for title in ("Overview", "Speakers", "Organizations", "Claims across outlets", "Quotes"):
        assert f"<strong>{title}</strong>" in page
    assert page.count("<table") == 4 and "3 of" in page
    cell = ReportTable("T", ["Who"], [["<b>Ann & Bob</b>"]])._repr_html_()
    assert "&lt;b&gt;Ann &amp; Bob&lt;/b&gt;" in cell


def test_an_analysis_shows_itself_as_html_tables_in_jupyter(seeds_analysis):
    page = seeds_analysis._repr_html_()
    assert "<strong>Speakers</strong>" in page and "<table" in page
    assert "Hamdullah Mohib" in page


def test_the_speakers_table_lists_a_person_once_with_all_roles(two_names):
    rows = report.speakers_table(two_names).rows
    assert [(r[0], r[2], r[3], r[4]) for r in rows] == [("Donald J. Trump", 2, 2, ["front-runner"])]
