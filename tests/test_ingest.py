from pathlib import Path

import pytest

from quotes.ingest import Problem, count_inputs, make_article, read_corpus, split_paragraphs

CORPUS = Path(__file__).parent.parent / "corpus"
ARAB_NEWS = CORPUS / "000_7ce02406a65dd357.txt"
AFP = CORPUS / "001_b8fb2cd4f4ce1228.txt"


def read_all(*paths):
    items = list(read_corpus(paths))
    return [i for i in items if not isinstance(i, Problem)], [i for i in items if isinstance(i, Problem)]


def test_paragraph_offsets_index_the_original_text():
    articles, problems = read_all(ARAB_NEWS, AFP)
    assert not problems
    for article in articles:
        assert article.text == Path(article.source).read_text(encoding="utf-8")
    arab_news, afp = articles
    # offsets of each line, counted in the files: characters, not the UTF-8 bytes of the curly marks
    assert [(p.span.start, p.span.end) for p in arab_news.paragraphs[3:6]] == [(469, 711), (712, 914), (915, 965)]
    assert arab_news.paragraphs[4].span.text.startswith("“There is war")
    assert [(p.span.start, p.span.end) for p in afp.paragraphs[:3]] == [(0, 182), (183, 361), (362, 627)]


def test_seed_duplicates_and_boilerplate_are_flagged_not_removed():
    (article,), _ = read_all(ARAB_NEWS)
    skipped = {p.span.text[:40]: p.skip for p in article.paragraphs if p.skip}
    assert skipped["Short Url"] == "boilerplate"
    assert skipped["https://arab.news/gw3ht"] == "boilerplate"
    assert any(k.startswith("© 2026 SAUDI RESEARCH") for k in skipped)
    # the Pakistan story is printed twice: the second copy is skipped, the first kept
    shopkeeper = [p for p in article.paragraphs if "39-year-old shopkeeper" in p.span.text]
    assert [p.skip for p in shopkeeper] == [None, "duplicate"]


def test_afp_copy_keeps_every_paragraph_including_headings():
    (article,), _ = read_all(AFP)
    assert all(p.skip is None for p in article.paragraphs)
    assert "US PULLOUT ON TRACK" in [p.span.text for p in article.paragraphs]


def test_wikinews_source_line_becomes_metadata():
    (article,), _ = read_all(CORPUS / "GUM_news_nasa.txt")
    assert article.paragraphs[0].skip == "metadata"
    assert article.date == "2011-04-13"
    assert article.url.startswith("https://en.wikinews.org/wiki/NASA")


def test_wrapped_lines_join_but_single_newlines_split():
    spans = split_paragraphs("He said the plan to retake the northern districts\nwould work.\nShe disagreed.")
    assert [s.text for s in spans] == ["He said the plan to retake the northern districts\nwould work.",
                                       "She disagreed."]


def test_bad_files_are_reported_one_line_each_and_the_rest_is_read(messy_corpus):
    articles, problems = read_all(messy_corpus)
    assert sorted(a.id for a in articles) == ["dump:2", "feed:5", "good", "latin1", "ok1"]
    assert next(a for a in articles if a.id == "latin1").text.startswith("« Café »")
    messages = {f"{Path(p.path).name}:{p.line or ''}": p.message for p in problems}
    assert messages["empty.txt:"] == "empty file"
    assert messages["binary.txt:"].startswith("binary file")
    assert messages["notes.docx:"].startswith("unsupported file type .docx")
    assert messages["huge.txt:"].startswith("too large")
    assert messages["dump.jsonl:1"].startswith("too large")
    assert messages["feed.jsonl:2"].startswith("malformed JSON")
    assert messages["feed.jsonl:3"] == "no 'text' string in this record"
    assert messages["nav.html:"] == "HTML page has no article text"
    assert messages["latin1.txt:"].startswith("not UTF-8; decoded as")
    assert all("\n" not in str(p) for p in problems)


def test_inputs_are_counted_before_reading(messy_corpus):
    # what a progress bar needs: one per article or unreadable input, JSONL record by record
    articles, problems = read_all(messy_corpus)
    assert count_inputs([messy_corpus]) == len(articles) + sum(p.fatal for p in problems) == 13


def test_html_main_text_is_extracted(tmp_path):
    body = "".join(f"<p>{s}</p>" for s in [
        "“We have plans to retake the districts,” National Security Adviser Hamdullah Mohib told reporters.",
        "Troops were deployed in the northern provinces of Takhar and Badakhshan on Tuesday morning.",
        "The Pentagon said on Tuesday it was well on track to complete the pullout by the end of August.",
    ])
    page = (f"<html><head><title>Afghan forces vow to retake districts</title></head><body>"
            f"<nav>Home | World | Share on Facebook</nav><article>{body}</article>"
            f"<footer>© 2021 All rights reserved</footer></body></html>")
    (tmp_path / "story.html").write_text(page, encoding="utf-8")
    (article,), problems = read_all(tmp_path / "story.html")
    assert not [p for p in problems if p.fatal]
    assert "Hamdullah Mohib told reporters" in article.text
    assert "Share on Facebook" not in article.text
    assert article.title == "Afghan forces vow to retake districts"


def test_missing_path_is_a_problem_not_a_crash(tmp_path):
    _, problems = read_all(tmp_path / "nope.txt")
    assert [p.message for p in problems] == ["no such file or directory"]


@pytest.mark.parametrize("line", ["Short Url", "https://arab.news/gw3ht", "Share this article",
                                  "© 2026 SAUDI RESEARCH & PUBLISHING COMPANY, All Rights Reserved"])
def test_boilerplate_lines(line):
    article = make_article("x", f"Real sentence here.\n{line}")
    assert article.paragraphs[1].skip == "boilerplate"


def test_a_header_gives_title_outlet_date_and_url():
    (article,), _ = read_all(CORPUS / "GUM_news_afghan.txt")
    assert article.title == ("After visa snags, all-girl Afghan team honored for 'courageous achievement' "
                             "at international robotics competition")
    assert article.outlet == "Wikinews"
    assert article.date == "2017-07-18"
    assert article.url == ("https://en.wikinews.org/wiki/After_visa_snags%2C_all-girl_Afghan_team_honored_for_"
                           "%27courageous_achievement%27_at_international_robotics_competition")
    # the header stays in the text, left out of analysis; the title is analyzed
    assert article.text == (CORPUS / "GUM_news_afghan.txt").read_text(encoding="utf-8")
    assert article.text.startswith(article.paragraphs[0].span.text)
    assert [p.skip for p in article.paragraphs[:2]] == ["metadata", None]


@pytest.mark.parametrize("path", sorted(CORPUS.glob("GUM_news_*.txt")), ids=lambda p: p.stem)
def test_every_wikinews_sample_has_its_headline_as_title(path):
    (article,), _ = read_all(path)
    header, headline = path.read_text(encoding="utf-8").split("\n\n")[:2]
    assert article.title == headline.strip() and article.outlet == "Wikinews"
    assert article.url in header and f"date: {article.date}" in header


def test_no_header_no_title():
    articles, _ = read_all(ARAB_NEWS, AFP)
    assert [a.title for a in articles] == [None, None]
