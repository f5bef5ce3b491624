"""One entity per real person or organization across articles (quotes/entities.py), on names from PolNeAR train."""

import gender_guesser.detector
import pytest

from quotes.entities import CorpusEntities, _CachedDetector, normalize_org, person_clusters
from quotes.types import Entity, Quote, Span


def _said(doc: str, name: str, type_: str = "PERSON", role: str | None = None, org: str | None = None) -> Quote:
    return Quote(doc, "direct", Span(0, 2, "hi"), entity=Entity(name, type_, role, org))  # type: ignore[arg-type]


@pytest.mark.parametrize("names", [("Donald J. Trump", "Donald Trump"), ("Hillary Rodham Clinton", "Hillary Clinton"),
                                   ("Mitt Romney", "Romney, Mitt")])
def test_names_whose_parts_agree_are_one_person(names):
    corpus = CorpusEntities([_said("a", names[0]), _said("b", names[1])])
    assert corpus.key(Entity(names[0], "PERSON")) == corpus.key(Entity(names[1], "PERSON"))


@pytest.mark.parametrize("names", [("Eric Smith", "Erica Smith"), ("Patrick Lee", "Mary Jo Lee"),
                                   ("Bill Clinton", "Hillary Clinton"), ("Ted Cruz", "Heidi Cruz")])
def test_names_whose_first_names_conflict_stay_apart(names):
    corpus = CorpusEntities([_said("a", names[0]), _said("b", names[1])])
    assert corpus.key(Entity(names[0], "PERSON")) != corpus.key(Entity(names[1], "PERSON"))


def test_a_name_that_fits_several_people_joins_none():
    clusters = person_clusters(["John A. Smith", "John B. Smith", "John Smith"])
    assert clusters["John Smith"] == "John Smith"


def test_a_surname_joins_the_person_of_that_surname_the_corpus_names_most():
    quotes = [_said("a", "Barack Obama"), _said("b", "Barack Obama"), _said("c", "Michelle Obama"),
              _said("d", "Obama")]
    corpus = CorpusEntities(quotes)
    assert corpus[Entity("Obama", "PERSON")].name == "Barack Obama"
    even = CorpusEntities([_said("a", "Bill Clinton"), _said("b", "Hillary Clinton"), _said("c", "Clinton")])
    assert even[Entity("Clinton", "PERSON")].name == "Clinton"


@pytest.mark.parametrize("names", [("the F.B.I.", "FBI"), ("the Justice Department", "Department of Justice"),
                                   ("the Pentagon's", "Pentagon")])
def test_spellings_of_one_organization_normalize_alike(names):
    assert normalize_org(names[0]) == normalize_org(names[1])


def test_an_acronym_joins_the_one_organization_it_abbreviates():
    corpus = CorpusEntities([_said("a", "the Justice Department", "ORG"), _said("b", "DOJ", "ORG"),
                             _said("c", "the Department of Homeland Security", "ORG")])
    assert corpus.key(Entity("DOJ", "ORG")) == corpus.key(Entity("the Justice Department", "ORG"))
    assert corpus.key(Entity("DOJ", "ORG")) != corpus.key(Entity("Department of Homeland Security", "ORG"))


def test_an_acronym_the_tagger_read_as_a_person_is_the_organization_it_abbreviates():
    corpus = CorpusEntities([_said("a", "the International Monetary Fund", "ORG"), _said("b", "The IMF"),
                             _said("c", "Ann Ivy Smith"), _said("d", "AIS")])
    assert corpus.key(Entity("The IMF", "PERSON")) == corpus.key(Entity("International Monetary Fund", "ORG"))
    # initials of a person are no organization
    assert corpus.key(Entity("AIS", "PERSON")).startswith("person:")


def test_a_campaign_named_by_full_name_or_surname_is_one_body():
    corpus = CorpusEntities([_said("a", "Donald Trump"), _said("b", "the Donald Trump campaign", "ORG"),
                             _said("c", "Trump's campaign", "ORG")])
    assert corpus.key(Entity("the Donald Trump campaign", "ORG")) == corpus.key(Entity("Trump's campaign", "ORG"))


def test_an_organization_the_tagger_read_as_a_person_is_the_organization():
    corpus = CorpusEntities([_said("a", "PolitiFact", "ORG"), _said("b", "PolitiFact"), _said("c", "Donald Trump"),
                             _said("d", "Trump", "ORG"), _said("e", "Trump")])
    assert corpus.key(Entity("PolitiFact", "PERSON")) == "org:politifact"
    assert corpus.key(Entity("Trump", "PERSON")) == "person:donald trump"  # a surname stays a person


def test_an_entity_keeps_every_role_and_organization_with_its_articles():
    corpus = CorpusEntities([_said("a", "Mike Pence", role="governor", org="State of Indiana"),
                             _said("b", "Mike Pence", role="running mate", org="the Trump campaign")])
    pence = corpus[Entity("Mike Pence", "PERSON")]
    assert pence.roles == {"governor": {"a"}, "running mate": {"b"}}
    assert pence.organizations == {"State of Indiana": {"a"}, "Trump campaign": {"b"}}


def test_the_first_name_table_is_parsed_once_and_read_back_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fresh = _CachedDetector(case_sensitive=False)
    (cached,) = (tmp_path / "quotes").glob("gender-guesser-*.json")
    monkeypatch.setattr(gender_guesser.detector.Detector, "_eat_name_line",
                        lambda self, line: pytest.fail("the table was parsed again"))
    again = _CachedDetector(case_sensitive=False)
    assert again.names == fresh.names
    assert [again.get_gender(n, "usa") for n in ("Donald", "Hillary", "Bernie")] == ["male", "female", "mostly_male"]
    cached.write_text("{not json", encoding="utf-8")
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert _CachedDetector(case_sensitive=False).names == fresh.names


def test_a_cache_folder_that_cannot_be_written_only_costs_the_parse(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert _CachedDetector(case_sensitive=False).get_gender("Hillary", "usa") == "female"


def _spoken(doc: str, entity: Entity, speaker: str = "x") -> Quote:
    return Quote(doc, "indirect", Span(0, 2, "hi"), speaker=Span(0, len(speaker), speaker), entity=entity)


def test_a_description_is_the_person_of_its_article_the_corpus_calls_so():
    corpus_knows = [_spoken("a", Entity("Donald Trump", "PERSON", "presidential nominee", "Republican Party")),
                    _spoken("a", Entity("Hillary Clinton", "PERSON", "presidential nominee", "Democratic Party"))]
    article = [_spoken(doc, Entity(name, "PERSON")) for doc in "bc" for name in ("Donald Trump", "Hillary Clinton")]
    described = _spoken("b", Entity("GOP nominee", "NOMINAL", "nominee", "Republican Party"), "the GOP nominee")
    undefined = _spoken("c", Entity("GOP nominee", "NOMINAL", "nominee", "Republican Party"), "a GOP nominee")
    unsaid = _spoken("b", Entity("nominee", "NOMINAL", "nominee"), "the nominee")  # either of two
    corpus = CorpusEntities([*corpus_knows, *article, described, undefined, unsaid])
    assert corpus.speaker(described) == "person:donald trump"
    assert "nominee" in corpus[Entity("Donald Trump", "PERSON")].roles
    assert corpus.speaker(undefined) == "source:gop nominee"  # an indefinite one names no one
    assert corpus.speaker(unsaid) == "source:nominee"
