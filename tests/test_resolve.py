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
