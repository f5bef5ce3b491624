"""Every rule of the catalogue fires on its example and not on its counter-example,
through the real annotation and detection, and switches off by its id."""

import re
from pathlib import Path

import pytest

import quotes.detect
from quotes.annotate import StanzaAnnotator
from quotes.detect import RULES, detect
from quotes.ingest import make_article

TEXTS = sorted({t for rule in RULES.values() for t in (rule.example, rule.counter)})


@pytest.fixture(scope="session")
def annotated():
    """Each example and counter-example as an article and its compact Stanza annotation, in one run."""
    articles = [make_article(f"rule{i}", text) for i, text in enumerate(TEXTS)]
    docs = StanzaAnnotator("compact").annotate(articles)
    return {text: (article, doc) for text, article, doc in zip(TEXTS, articles, docs, strict=True)}


def rules_of(annotated, text, **kw):
    return [q.rule for q in detect(*annotated[text], **kw)]


@pytest.mark.parametrize("rule", RULES.values(), ids=list(RULES))
def test_rule_fires_on_its_example_only(annotated, rule):
    assert any(rule.id in r for r in rules_of(annotated, rule.example)), rule.example
    assert not any(rule.id in r for r in rules_of(annotated, rule.counter)), rule.counter


@pytest.mark.parametrize("rule", RULES.values(), ids=list(RULES))
def test_a_disabled_rule_does_not_fire(annotated, rule):
    assert not any(rule.id in r for r in rules_of(annotated, rule.example, disable={rule.id}))


def test_disabling_nothing_changes_nothing(annotated):
    for text in TEXTS:
        assert detect(*annotated[text], disable=frozenset()) == detect(*annotated[text])


def test_an_unknown_rule_id_is_refused(annotated):
    with pytest.raises(ValueError, match=r"direct\.nonsense"):
        detect(*annotated[TEXTS[0]], disable={"direct.nonsense"})


def test_the_catalogue_names_every_rule_the_code_applies():
    package = Path(quotes.detect.__file__).parent
    used = {m for path in package.glob("*.py")
            for m in re.findall(r"\"((?:direct|report)\.[a-z-]+)\"", path.read_text(encoding="utf-8"))}
    assert used <= RULES.keys()
    assert "tagger" in RULES


# PolNeAR train sentences whose verb is a participle spelled without "-ed":
# its tag, not its spelling, makes it an adjective or a passive, not a report
PARTICIPLES = {
    "Two nuns who worked as nurses and helped the poor in rural Mississippi are found slain in their home "
    "in a possible break-in and vehicle theft.": "found",
    "The vast majority of those delegates will be sought-after free agents, free to support the candidate "
    "of their choice — unless Rubio tries to resurrect his campaign at a contested convention.": "sought",
}


@pytest.fixture(scope="module")
def participles():
    articles = [make_article(f"participle{i}", text) for i, text in enumerate(PARTICIPLES)]
    return list(zip(articles, StanzaAnnotator("compact").annotate(articles), strict=True))


def test_a_participle_spelled_without_ed_reports_nothing(participles):
    for article, doc in participles:
        word = PARTICIPLES[article.text]
        assert any(t.text == word and t.is_participle for s in doc.sentences for t in s.tokens), word
        assert not any(q.cue is not None and q.cue.text == word for q in detect(article, doc)), article.text
