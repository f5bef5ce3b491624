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
