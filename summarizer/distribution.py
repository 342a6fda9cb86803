"""The name this project is installed under, apart from the name it is imported as.

The import package and the command are ``summarizer``; the distribution on the
package index is ``groundbrief`` (``summarizer`` there is an unrelated project),
so every install line the program prints is written here, once.
"""

from __future__ import annotations

from summarizer import __version__

DISTRIBUTION = "groundbrief"
HOMEPAGE = "https://pypi.org/project/groundbrief/"
USER_AGENT = f"{DISTRIBUTION}/{__version__} (+{HOMEPAGE})"
"""How the project names itself to the servers it fetches from (article pages, the model's wheels)."""


def install_line(extra: str | None = None) -> str:
    """The pip command that installs this project with ``extra`` (from a clone: ``pip install '.[extra]'``)."""
    return f"pip install '{DISTRIBUTION}[{extra}]'" if extra else f"pip install {DISTRIBUTION}"
