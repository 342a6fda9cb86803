"""Prompt templates as versioned data: Jinja2 files under ``prompts/``.

A missing variable is an error (StrictUndefined), never a silently empty prompt.
The version of a prompt set goes into every brief and, later, into cache keys.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from summarizer.errors import ConfigError


def prompts_dir() -> Path:
    """Templates ship inside the wheel (summarizer/prompts); a checkout uses ./prompts."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "prompts", package.parent / "prompts"):
        if candidate.is_dir():
            return candidate
    raise ConfigError("prompt templates not found; reinstall summarizer")


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(prompts_dir()),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
        autoescape=False,
    )


@dataclass(frozen=True)
class PromptSet:
    """A named group of templates sharing one version (e.g. ``brief/1``)."""

    name: str

    @property
    def version(self) -> str:
        number = (prompts_dir() / self.name / "VERSION").read_text().strip()
        return f"{self.name}/{number}"

    @property
    def digest(self) -> str:
        """A hash of every file in the set, so a template edit without a version bump still shows."""
        digest = hashlib.sha256()
        for path in sorted((prompts_dir() / self.name).iterdir()):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
        return digest.hexdigest()[:16]

    def render(self, template: str, **variables: Any) -> str:
        return _environment().get_template(f"{self.name}/{template}.j2").render(**variables).strip()


BRIEF_PROMPTS = PromptSet("brief")
