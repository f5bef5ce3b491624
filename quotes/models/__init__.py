"""Stanza model sets: the bundled compact set, the official models, or a folder.

``resolve("auto")`` picks the official English models when they are installed
(``quotes models install``) and the bundled compact set otherwise; no code
path here touches the network except :func:`install`.

Examples
--------
>>> resolve("compact").name
'compact'
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

COMPACT_DIR = Path(__file__).parent / "en-compact"

# One file per processor, named as the training driver saves them.
MODEL_FILES = {
    "tokenize": "tokenize.pt",
    "mwt": "mwt.pt",
    "lemma": "lemma.pt",
    "pos": "pos.pt",
    "depparse": "depparse.pt",
    "ner": "ner.pt",
}
OFFICIAL_PROCESSORS = "tokenize,mwt,pos,lemma,depparse,ner,coref"


_PACKAGE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def bundled(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a model file shipped inside this package: such a file is
    as trusted as the code, so it may be read with PyTorch's own (fast) unpickler
    rather than the weights-only one that any other file needs.

    Examples
    --------
    >>> bundled(COMPACT_DIR / "pos.pt"), bundled("/tmp/pos.pt")
    (True, False)
    """
    return os.path.abspath(path).startswith(_PACKAGE)


class ModelError(RuntimeError):
    """A model set is missing or cannot be loaded."""


def official_dir() -> Path:
    from stanza.resources.common import DEFAULT_MODEL_DIR

    return Path(os.environ.get("STANZA_RESOURCES_DIR", DEFAULT_MODEL_DIR))


@dataclass(frozen=True)
class ModelSet:
    """A set of Stanza English models and how to build a pipeline from it."""

    name: str
    path: Path
    official: bool = False

    @property
    def installed(self) -> bool:
        if self.official:
            return (self.path / "resources.json").exists() and (self.path / "en").is_dir()
        return all((self.path / f).exists() for f in MODEL_FILES.values())

    @property
    def processors(self) -> str:
        return OFFICIAL_PROCESSORS if self.official else ",".join(MODEL_FILES)

    def pipeline_kwargs(self, processors: str | None = None) -> dict[str, Any]:
        """Arguments for ``stanza.Pipeline`` that load ``processors`` (default: all
        of this set's) without the network."""
        processors = processors or self.processors
        # lemma_store_results: the lemmatizer remembers what its seq2seq model
        # answered for a (word, tag), so names met again skip the model (same lemmas)
        common: dict[str, Any] = {"lang": "en", "processors": processors, "lemma_store_results": True,
                                  "download_method": None, "logging_level": "WARN", "dir": str(self.path)}
        if self.official:
            return common
        # Stanza loads every processor given a *_model_path, asked for or not, so
        # only the requested ones get a path. Compact models have no pretrained
        # word vectors; the set's resources.json names English but no
        # downloadable processors, so Stanza looks nothing up.
        wanted = processors.split(",")
        paths = {f"{proc}_model_path": str(self.path / f) for proc, f in MODEL_FILES.items() if proc in wanted}
        no_vectors = {f"{proc}_pretrain_path": None for proc in ("pos", "depparse", "ner") if proc in wanted}
        return {**common, **paths, **no_vectors}

    def parser(self) -> Any:
        """A depparse-only pipeline for pretagged sentences (parse what is needed, later)."""
        return self.pipeline("depparse", depparse_pretagged=True)

    def pipeline(self, processors: str | None = None, **overrides: Any) -> Any:
        """Build the ``stanza.Pipeline``; raise :class:`ModelError` if it cannot load."""
        if not self.installed:
            hint = "run 'quotes models install'" if self.official else "see docs/models.md"
            raise ModelError(f"model set {self.name!r} is not installed at {self.path} ({hint})")
        return self._build({**self.pipeline_kwargs(processors), **overrides})

    def _build(self, kwargs: dict[str, Any]) -> Any:
        from quotes.models._inference import Pipeline  # Stanza's, with the faster inference for this pipeline only

        try:
            return Pipeline(**kwargs)
        except Exception as exc:  # stanza raises bare Exceptions and many subtypes
            raise ModelError(f"cannot load model set {self.name!r} from {self.path}: {exc}") from exc


def compact() -> ModelSet:
    return ModelSet("compact", COMPACT_DIR)


def official() -> ModelSet:
    return ModelSet("official", official_dir(), official=True)


def available() -> list[ModelSet]:
    return [official(), compact()]


def resolve(spec: str | Path | ModelSet = "auto") -> ModelSet:
    """Turn ``auto``, ``compact``, ``official`` or a folder into a :class:`ModelSet`."""
    if isinstance(spec, ModelSet):
        return spec
    if spec == "auto":
        return official() if official().installed else compact()
    if spec == "compact":
        return compact()
    if spec == "official":
        return official()
    path = Path(spec)
    if not path.is_dir():
        raise ModelError(f"unknown model set {spec!r}: expected compact, official or a folder")
    return ModelSet(str(path), path)


def install(model_dir: Path | None = None, resources_url: str | None = None) -> Path:
    """Download the official Stanza English models (needs the internet).

    ``resources_url`` replaces Stanza's default model hub (a mirror, say).

    Raises
    ------
    ModelError
        With a one-line reason when the model hub cannot be reached.
    """
    import stanza
    from stanza.resources.common import DEFAULT_RESOURCES_URL

    target = model_dir or official_dir()
    try:
        stanza.download("en", model_dir=str(target), processors=OFFICIAL_PROCESSORS, logging_level="INFO",
                        resources_url=resources_url or DEFAULT_RESOURCES_URL)
    except Exception as exc:  # requests' connection errors, HTTP errors, bad JSON
        url = resources_url or DEFAULT_RESOURCES_URL
        kinds = re.findall(r"\b(\w+Error)\b", str(exc)) or [type(exc).__name__]
        raise ModelError(f"cannot download the official Stanza models from {url} ({kinds[-1]}); "
                         f"without internet, copy a stanza_resources folder to {target}") from exc
    return target
