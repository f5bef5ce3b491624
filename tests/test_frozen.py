"""The frozen annotations the fast tier reads are what the bundled models produce today."""

import json
import zlib

import pytest

from quotes.annotate import StanzaAnnotator
from quotes.store import encode_doc
from quotes.types import Article


@pytest.mark.slow
def test_frozen_annotations_match_the_bundled_models(frozen, freeze_mode):
    assert frozen.docs, f"no frozen annotations at {frozen.path}"
    by_setting: dict[str, list[Article]] = {}
    for setting, article in frozen.articles.values():
        by_setting.setdefault(setting, []).append(article)
    drifted = []
    for setting, articles in by_setting.items():
        annotator = StanzaAnnotator("compact", parse=setting.rpartition("/parse=")[2])
        for article, doc in zip(articles, annotator.annotate(articles), strict=True):
            fresh = json.loads(zlib.decompress(encode_doc(doc)))
            if freeze_mode == "all":
                frozen.put(setting, article, doc)
            elif frozen.stale or fresh != frozen.docs[frozen.key(setting, article)]:
                drifted.append(article.text[:60])
    assert not drifted, (f"{len(drifted)} of {len(frozen.docs)} frozen annotations differ from the bundled models' "
                         f"(first: {drifted[0]!r}); refresh them with `python -m pytest tests/test_frozen.py "
                         "--freeze=all` and review the tests that change")
