"""Renderers turn a Brief into text for people (terminal, Markdown) or programs (JSON)."""

from summarizer.render.json import render_json
from summarizer.render.markdown import render_markdown
from summarizer.render.terminal import render_terminal

__all__ = ["render_json", "render_markdown", "render_terminal"]
