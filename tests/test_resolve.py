"""Which phrases can be a speaker at all."""

import pytest

from quotes.resolve import real_source
from quotes.types import Token


def _phrase(*words: tuple[str, str, str]) -> list[Token]:
    toks, pos = [], 0
    for i, (text, upos, ner) in enumerate(words):
        toks.append(Token(i, text, pos, pos + len(text), text.lower().rstrip("s"), upos, -1, "dep", ner))
        pos += len(text) + 1
    return toks


@pytest.mark.parametrize("phrase", [
    _phrase(("a", "DET", "O"), ("brave", "ADJ", "O"), ("face", "NOUN", "O")),
    _phrase(("turn", "NOUN", "O")),
    _phrase(("The", "DET", "O"), ("militants’", "NOUN", "O"), ("rapid", "ADJ", "O"), ("gains", "NOUN", "O")),
])
def test_a_common_noun_news_never_uses_for_a_source_is_no_speaker(phrase):
    assert not real_source(phrase)


@pytest.mark.parametrize("phrase", [
    _phrase(("Afghan", "ADJ", "S-MISC"), ("officials", "NOUN", "O")),
    _phrase(("a", "DET", "O"), ("statement", "NOUN", "O"), ("from", "ADP", "O"), ("the", "DET", "O"),
            ("presidency", "NOUN", "O")),
    _phrase(("he", "PRON", "O")),
    _phrase(("Zamir", "PROPN", "B-PER"), ("Kabulov", "PROPN", "E-PER")),
    _phrase(("the", "DET", "O"), ("Pentagon", "PROPN", "S-ORG")),
    _phrase(("a", "DET", "O"), ("new", "ADJ", "O"), ("poll", "NOUN", "O")),
])
def test_people_organizations_groups_and_documents_are_speakers(phrase):
    assert real_source(phrase)


# Within an article, on sentences of PolNeAR train articles (the first names and titles tell the gender;
# "the president" is the person the article calls President).
CLINTON = (
    "Hillary Clinton says a president must be ready to “start making decisions” immediately upon assuming office "
    "since it’s a job that will affect every person on the planet.\n\n"
    "By winning the Republican primary in Ohio, John Kasich picked up all 66 of the state’s delegates to the "
    "Republican National Convention.\n\n"
    "But she said Tuesday that any president would have to keep the country safe, make “positive changes” in "
    "people’s lives and unite the country.\n"
)
OBAMA = (
    "On an unseasonably mild December day in Washington, President Obama had reason to bask in the sun.\n\n"
    "Obama \"felt a moral obligation to do something about\" climate change, Axelrod said. \"This is not just a "
    "cosmetic item on his list. This is core stuff for him.\"\n\n"
    "\"We may end up having to do it in chunks, as opposed to some sort of comprehensive omnibus legislation,\" "
    "the president said in a Rolling Stone interview in October 2010.\n"
)


def _analyze(tmp_path, text):
    import quotes
    from quotes.span_model import NoTagger

    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    return quotes.analyze([path], models="compact", tagger=NoTagger(), min_confidence=0)


def _speaker_of(analysis, words):
    quote = next(q for q in analysis.quotes if words in q.content.text)
    return quote.entity.name if quote.entity else None


def test_she_is_the_latest_woman_named_not_the_latest_person(tmp_path):
    assert _speaker_of(_analyze(tmp_path, CLINTON), "any president would have") == "Hillary Clinton"


def test_the_president_is_the_person_the_article_titles_president(tmp_path):
    assert _speaker_of(_analyze(tmp_path, OBAMA), "in chunks") == "Obama"


COURT = (
    "State Supreme Court Justice Frank Nervo heard the newspaper's request on Thursday.\n\n"
    "Lawyers for the couple argued that the records should stay sealed.\n\n"
    "The judge said the records would remain closed to the public.\n"
)


def test_the_judge_is_the_person_the_article_titles_justice(tmp_path):
    assert _speaker_of(_analyze(tmp_path, COURT), "remain closed") == "Frank Nervo"


OPINION = (
    "I grew up in a mill town in Ohio.\n\n"
    "I have argued for years that the plant should close, and I still believe it.\n\n"
    "The council disagrees.\n\n"
    "Jane Doe is a professor of history at Ohio State University.\n"
)


def test_the_writers_i_is_the_author_of_the_contributor_line(tmp_path):
    assert _speaker_of(_analyze(tmp_path, OPINION), "the plant should close") == "Jane Doe"
    # without a contributor line nobody is named
    assert _speaker_of(_analyze(tmp_path, OPINION.rsplit("\n\n", 1)[0] + "\n"), "the plant should close") == "I"


COUPLE = (
    "Michelle Obama and Barack Obama arrived in Ohio on Monday.\n\n"
    "Mr. Obama said the economy had recovered.\n"
)


def test_mr_before_a_surname_picks_the_man_of_that_surname(tmp_path):
    assert _speaker_of(_analyze(tmp_path, COUPLE), "the economy had recovered") == "Barack Obama"


HEADLINE = (
    "Gold Star Mom Corners Obama At Town Hall Over Benghazi Failures\n\n"
    "A mother whose son died in the attack confronted the president on Wednesday.\n\n"
    "Obama said the attack had been a tragedy for the whole country.\n"
)


def test_a_name_run_on_over_headline_words_is_no_person_the_story_names(tmp_path):
    assert _speaker_of(_analyze(tmp_path, HEADLINE), "had been a tragedy") == "Obama"
