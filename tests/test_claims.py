"""A split quote shows what was said, never its frame: in the report, the claims and their subjects."""

import quotes
from quotes import report

TEXT = ('"We will stay in Boston," Senator Ted Kennedy said in a statement on Monday. '
        '"The Red Sox will win the pennant this year."\n')


def test_a_split_quote_shows_its_fragments_joined_by_an_ellipsis_and_no_frame(tmp_path):
    path = tmp_path / "statement.txt"
    path.write_text(TEXT, encoding="utf-8")
    analysis = quotes.analyze(path, models="compact", min_confidence=0)
    (q,) = [q for q in analysis.quotes if q.kind == "direct"]
    assert len(q.fragments) == 2 and "Kennedy said" in q.content.text  # the span runs over the frame
    assert q.said == "We will stay in Boston … The Red Sox will win the pennant this year."
    assert "Kennedy" not in {e.name.split()[-1] for e in q.subjects}
    (claim,) = [c for c in analysis.claims if "Red Sox" in c.text]
    assert "said in a statement" not in claim.text
    rows = report.build(analysis).quotes._repr_html_()
    assert "We will stay in Boston … The Red Sox" in rows and "said in a statement on Monday. &quot;The" not in rows
