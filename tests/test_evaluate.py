"""Scoring attributions against brat annotations laid out as PolNeAR, as
`quotes evaluate` does."""

import dataclasses
import json

import pytest

from quotes.cli import main
from quotes.entities import CorpusEntities
from quotes.evaluate import (
    GoldAttribution,
    GoldMention,
    agreement,
    evaluate,
    match,
    mention_pairs,
    people_nodes,
    read_gold,
    role_scores,
)
from quotes.types import Entity, Quote, Span

DOC = "local_2016-05-02_bridge-repairs"
TEXT = (
    "“We will rebuild the bridge before winter,” Mayor Ana Ruiz said on Monday.\n\n"
    "The council said the repairs would cost $2 million.\n\n"
    "The mayor called the plan “a promise to every driver.”\n\n"
    "Critics doubt it. “We will rebuild the bridge before winter,” she said again in May.\n"
)


def _at(text: str, words: str, last: bool = False) -> tuple[int, int]:
    start = text.rindex(words) if last else text.index(words)
    return start, start + len(words)


def _near(text: str, words: str, pos: int) -> tuple[int, int]:
    """The copy of ``words`` nearest ``pos``: a cue or source beside its content."""
    starts = [i for i in range(len(text)) if text.startswith(words, i)]
    start = min(starts, key=lambda i: abs(i - pos))
    return start, start + len(words)


def _brat(text: str, rows: list[dict]) -> str:
    """brat standoff lines for attributions given by their words: each row maps
    a role to its words (a content may be a list of pieces), ``last`` for a
    repeated content's second copy; cue and source are the copies nearest the
    content. Every row has a cue; a source may be missing."""
    lines, t = [], 0
    for e, row in enumerate(rows, 1):
        args = []
        pieces = row["Content"] if isinstance(row["Content"], list) else [row["Content"]]
        content = [_at(text, p, row.get("last", False)) for p in pieces]
        # the event's trigger is an "Attribution" span on the cue, as PolNeAR writes it
        for role in [r for r in ("Content", "Cue", "Source") if r in row] + ["Attribution"]:
            words = row["Cue" if role == "Attribution" else role]
            spans = content if role == "Content" else [_near(text, words, content[0][0])]
            t += 1
            bounds = ";".join(f"{s} {e_}" for s, e_ in spans)
            lines.append(f"T{t}\t{role} {bounds}\t{' '.join(text[s:e_] for s, e_ in spans)}")
            args.append(f"{role}:T{t}")
        trigger = args.pop()
        lines.append(f"E{e}\t{trigger} {' '.join(args)}")
    return "\n".join(lines) + "\n"


GOLD = [
    {"Content": "“We will rebuild the bridge before winter,”", "Cue": "said", "Source": "Mayor Ana Ruiz"},
    {"Content": "the repairs would cost $2 million", "Cue": "said", "Source": "The council"},
    {"Content": "the plan “a promise to every driver.”", "Cue": "called", "Source": "The mayor"},
    {"Content": "“We will rebuild the bridge before winter,”", "Cue": "said again", "Source": "she", "last": True},
]


@pytest.fixture
def gold_dir(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / f"{DOC}.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / f"{DOC}_a.ann").write_text(_brat(TEXT, GOLD), encoding="utf-8")
    # a second annotator's file: only the first in sorted order counts
    (tmp_path / "attributions" / f"{DOC}_b.ann").write_text(_brat(TEXT, GOLD[:1]), encoding="utf-8")
    return tmp_path


def _quote(kind: str, words: str, speaker: str | None, last: bool = False) -> Quote:
    content = Span.of(TEXT, *_at(TEXT, words, last))
    who = Span.of(TEXT, *_near(TEXT, speaker, content.start)) if speaker else None
    return Quote(DOC, kind, content, speaker=who, fragments=[content] if kind == "direct" else [])


def test_gold_kinds_follow_the_quote_marks(gold_dir):
    (article,) = read_gold(gold_dir)
    assert (article.doc, article.publisher) == (DOC, "local")
    assert [a.kind for a in article.attributions] == ["direct", "indirect", "mixed", "direct"]
    assert [TEXT[s:e] for a in article.attributions for s, e in a.source] == [
        "Mayor Ana Ruiz", "The council", "The mayor", "she"]


def test_content_in_pieces_and_across_lines_is_read_whole(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / f"{DOC}.txt").write_text(TEXT, encoding="utf-8")
    rows = [{"Content": ["“We will rebuild the bridge", "before winter,”"], "Cue": "said"},
            {"Content": "Monday.\n\nThe council said", "Cue": "said"}]
    (tmp_path / "attributions" / f"{DOC}_a.ann").write_text(_brat(TEXT, rows), encoding="utf-8")
    pieces, lines = read_gold(tmp_path)[0].attributions
    assert pieces.text == "“We will rebuild the bridge before winter,”"
    assert len(pieces.content) == 2
    assert lines.text == "Monday.\n\nThe council said"


def test_matching_is_one_to_one_above_half_the_words(gold_dir):
    gold = read_gold(gold_dir)[0].attributions[1:2]  # "the repairs would cost $2 million"
    twice = [_quote("indirect", "the repairs would cost $2 million", "The council"),
             _quote("indirect", "the repairs would cost", "The council")]
    pairs = match(gold, twice)
    assert sorted((p.gold is not None, p.pred is not None) for p in pairs) == [(False, True), (True, True)]
    matched = next(p for p in pairs if p.gold is not None)
    assert matched.pred is twice[0] and matched.score == 1.0
    # Dice 2·2/(6+2) = 0.5 is enough, 2·1/(6+1) is not
    assert any(p.pred and p.gold for p in match(gold, [_quote("indirect", "the repairs", None)]))
    assert not any(p.pred and p.gold for p in match(gold, [_quote("indirect", "repairs", None)]))


def test_a_repeated_quote_matches_the_copy_that_was_annotated(gold_dir):
    gold = read_gold(gold_dir)[0].attributions[3:]  # the second "We will rebuild ...", by "she"
    first = _quote("direct", "We will rebuild the bridge before winter,", "Mayor Ana Ruiz")
    second = _quote("direct", "We will rebuild the bridge before winter,", "she", last=True)
    (pair,) = [p for p in match(gold, [first, second]) if p.gold is not None]
    assert pair.pred is second
    assert pair.speaker_right


def test_a_speaker_is_right_when_it_overlaps_the_source():
    gold = GoldAttribution(DOC, [_at(TEXT, "the repairs would cost $2 million")],
                           "the repairs would cost $2 million", source=[_at(TEXT, "The council")])
    unsourced = GoldAttribution(DOC, gold.content, gold.text)
    for speaker, right, right_unsourced in [("The council", True, False), ("council", True, False),
                                            ("Mayor Ana Ruiz", False, False), (None, False, True)]:
        quote = _quote("indirect", "the repairs would cost $2 million", speaker)
        assert [p.speaker_right for p in match([gold], [quote])] == [right]
        assert [p.speaker_right for p in match([unsourced], [quote])] == [right_unsourced]


def test_scores_count_end_to_end_only_with_the_right_speaker(gold_dir):
    (article,) = read_gold(gold_dir)
    preds = [_quote("direct", "We will rebuild the bridge before winter,", "Mayor Ana Ruiz"),
             _quote("indirect", "the repairs would cost $2 million", "The mayor"),  # wrong speaker
             _quote("indirect", "Critics doubt it", "Critics")]  # nobody's report
    scores = evaluate([article], {DOC: preds}).scores()
    assert (scores["all"]["gold"], scores["all"]["pred"]) == (4, 3)
    assert scores["all"]["p"] == pytest.approx(2 / 3) and scores["all"]["r"] == pytest.approx(2 / 4)
    assert scores["all"]["e2e_p"] == pytest.approx(1 / 3) and scores["all"]["speaker_acc"] == 0.5
    direct = scores["direct"]
    assert (direct["gold"], direct["pred"], direct["e2e_f1"]) == (2, 1, pytest.approx(2 / 3))
    assert scores["kind:indirect"]["gold"] == 1 and scores["publisher:local"]["gold"] == 4
    # per reader: the precision of what it found, recall out of all the gold
    tagged = dataclasses.replace(preds[1], reader="tagger:x", confidence=0.7)
    by_reader = evaluate([article], {DOC: [preds[0], tagged, preds[2]]}).scores()
    assert by_reader["reader:rules"]["pred"] == 2 and by_reader["reader:rules"]["e2e_p"] == 0.5
    assert by_reader["reader:tagger:x"]["pred"] == 1 and by_reader["reader:tagger:x"]["p"] == 1.0
    assert by_reader["reader:tagger:x"]["e2e_p"] == 0.0 and by_reader["reader:tagger:x"]["r"] == 1 / 4


def test_evaluate_command_scores_the_pipeline(gold_dir, capsys):
    assert main(["evaluate", str(gold_dir), "--models", "compact", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["articles"] == 1
    assert result["scores"]["all"]["gold"] == 4
    # "“...,” Mayor Ana Ruiz said" is as plain as a direct quote gets
    assert result["scores"]["direct"]["e2e_r"] >= 0.5
    # and every report here is found with the right speaker; the report tagger
    # also reads "Critics doubt it", which this gold leaves out
    assert result["scores"]["all"]["e2e_r"] == 1.0
    assert result["scores"]["all"]["e2e_p"] >= 0.8
    assert main(["evaluate", str(gold_dir), "--models", "compact", "--errors"]) == 0
    out = capsys.readouterr().out
    assert "Attribution scores" in out and "Errors" in out


def test_gold_read_as_predictions_scores_full_marks(gold_dir):
    (article,) = read_gold(gold_dir)
    itself = [a.as_quote(article.text) for a in article.attributions]
    assert [q.kind for q in itself] == [a.kind for a in article.attributions]
    scores = evaluate([article], {DOC: itself}).scores()
    assert scores["all"]["e2e_f1"] == scores["direct"]["e2e_f1"] == scores["all"]["exact_f1"] == 1.0


def test_agreement_scores_the_second_annotator_against_the_first(gold_dir):
    articles, between = agreement(gold_dir)
    assert [a.doc for a in articles] == [DOC]
    assert len(articles[0].attributions) == 4  # the first annotator's
    assert list(between.pairs) == [f"{DOC}_b"]
    scores = between.scores()["all"]
    # the second marked only the mayor's quote, with her name
    assert (scores["gold"], scores["pred"], scores["e2e_p"], scores["e2e_r"]) == (4, 1, 1.0, 0.25)


def test_agreement_needs_articles_with_several_annotators(gold_dir, capsys):
    (gold_dir / "attributions" / f"{DOC}_b.ann").unlink()
    assert agreement(gold_dir)[0] == []
    assert main(["evaluate", str(gold_dir), "--agreement"]) == 2
    assert "no articles with several annotators" in capsys.readouterr().err


def test_evaluate_command_reports_agreement_beside_the_pipeline(gold_dir, capsys):
    assert main(["evaluate", str(gold_dir), "--models", "compact", "--agreement", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["agreement"]["all"]["e2e_r"] == 0.25
    assert result["scores"]["all"]["gold"] == 4
    assert main(["evaluate", str(gold_dir), "--models", "compact", "--agreement"]) == 0
    assert "Annotator agreement" in capsys.readouterr().out


def test_evaluate_command_without_gold_is_one_error(tmp_path, capsys):
    assert main(["evaluate", str(tmp_path)]) == 2
    assert "no gold articles" in capsys.readouterr().err


def test_evaluate_command_scores_entities_against_a_mentions_table(gold_dir, tmp_path, capsys):
    rows = [("Mayor Ana Ruiz", "Ana Ruiz"), ("The council", "Council"), ("The mayor", "Ana Ruiz"), ("she", "Ana Ruiz")]
    lines = ["doc\tstart\tend\tmention\trole\torganization\tentity"]
    for words, entity in rows:
        start, end = _at(TEXT, words)
        lines.append(f"{DOC}\t{start}\t{end}\t{words}\t\t\t{entity}")
    mentions = tmp_path / "mentions.tsv"
    mentions.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["evaluate", str(gold_dir), "--models", "compact", "--entities", str(mentions), "--json"]) == 0
    entities = json.loads(capsys.readouterr().out)["entities"]
    assert entities["bcubed"]["named"]["mentions"] == 4
    # the mayor named, "the mayor" and "she" are one person, and one node
    assert entities["people"] == [["Ana Ruiz", 3, ["person:ana ruiz"], []]]


def test_role_scores_count_each_speaker_mention_once():
    gold = [GoldMention(DOC, *_at(TEXT, "Mayor Ana Ruiz"), "Mayor Ana Ruiz", "mayor", "", "Ana Ruiz"),
            GoldMention(DOC, *_at(TEXT, "The council"), "The council", "", "", "council")]
    ruiz = _quote("direct", "“We will rebuild the bridge before winter,”", "Ana Ruiz")
    ruiz.entity = Entity("Ana Ruiz", "PERSON", "Mayor", "City Hall")
    again = dataclasses.replace(ruiz)  # a second quote of the same speaker mention
    council = _quote("indirect", "the repairs would cost $2 million", "The council")
    council.entity = Entity("council", "ORG")
    pairs = mention_pairs(gold, [ruiz, again, council])
    assert len(pairs) == 2
    scores = role_scores(pairs)
    assert scores["role"] == {"gold": 1, "pred": 1, "right": 1, "p": 1.0, "r": 1.0, "f1": 1.0}
    assert (scores["organization"]["pred"], scores["organization"]["right"]) == (1, 0)


def test_evaluate_command_scores_roles_against_a_mentions_file(gold_dir, tmp_path, capsys):
    tsv = tmp_path / "mentions.tsv"
    start, end = _at(TEXT, "Mayor Ana Ruiz")
    tsv.write_text("doc\tstart\tend\tmention\trole\torganization\tentity\n"
                   f"{DOC}\t{start}\t{end}\tMayor Ana Ruiz\tmayor\t\tAna Ruiz\n", encoding="utf-8")
    assert main(["evaluate", str(gold_dir), "--models", "compact", "--entities", str(tsv), "--json"]) == 0
    roles = json.loads(capsys.readouterr().out)["roles"]
    assert roles["mentions"]["scored"] == 1 and roles["role"]["right"] == 1


def test_a_writer_quoted_only_as_i_is_found_on_their_node():
    # an opinion piece: its writer is never named where quoted, only "I"
    text = "I believe the bridge should close. I think the council is wrong.\n"
    firsts = [Span.of(text, *_at(text, "I believe")), Span.of(text, *_at(text, "I think"))]
    mentions = [GoldMention("op", s.start, s.start + 1, "I", "", "", "Jane Doe") for s in firsts]
    quotes = [Quote("op", "indirect", Span.of(text, s.start + 2, s.end), speaker=Span.of(text, s.start, s.start + 1),
                    entity=Entity("Jane Doe", "PERSON")) for s in firsts]
    people = people_nodes(mentions, quotes, CorpusEntities(quotes).speaker)
    assert people == [("Jane Doe", 2, ["person:jane doe"], [])]
