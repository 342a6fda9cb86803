"""The digest's file formats, by the suffix they are written under: one table for every command that writes them."""

from __future__ import annotations

from collections.abc import Callable

from summarizer.digest.schema import Digest
from summarizer.render.digest_html import render_digest_html
from summarizer.render.digest_markdown import render_digest_markdown

DIGEST_FORMATS: dict[str, Callable[[Digest], str]] = {
    "md": render_digest_markdown,
    "html": render_digest_html,
    "json": lambda d: d.model_dump_json(indent=2),
}
