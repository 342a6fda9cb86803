"""Article data in Markdown: only http(s) URLs become links, and no text can become markup.

An article URL comes from the user's inputs (a JSONL line, a feed): a
``javascript:`` or ``data:`` URL must never become a live link in a page.
Titles, outlets, quotes and the model's words pass through ``markdown_text``
before they reach a Markdown brief or digest, so ``<script>``, ``[x](javascript:...)``
or a leading ``#`` is shown as written.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from summarizer.render.control import printable

_SAFE_SCHEMES = ("http://", "https://")


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s) and has no control characters, with characters that end a link escaped; else None."""
    if not url:
        return None
    url = url.strip()
    if not url.lower().startswith(_SAFE_SCHEMES) or re.search(r"[\x00-\x20\x7f]", url):
        return None
    return quote(url, safe=":/?#[]@!$&'*+,;=%~-._")


_INLINE = re.compile(r"([\\\[\]`*_<>])|&(?=#?\w+;)")
"""Characters that start inline markup (links, code, emphasis, HTML, autolinks) and an ``&`` that starts an entity."""
_BLOCK = re.compile(r"^(?:(?=#{1,6}(?:\s|$)|[-+](?:\s|$)|-{3}|[=~|])|(\d{1,9})(?=[.)](?:\s|$)))")
"""Where a line that starts with it would become a heading, list item, rule, fence or table: a backslash goes there
(before ``#``, ``-``, ``+``, ``=``, ``~``, ``|``; after the number of ``1.``)."""


def markdown_text(text: str) -> str:
    """Text shown as written in Markdown, on one line: markup characters escaped, control characters dropped."""
    line = _INLINE.sub(lambda m: "\\" + m[0], " ".join(printable(text).split()))
    return _BLOCK.sub(lambda m: f"{m[1] or ''}\\", line, count=1)


def markdown_paragraphs(text: str) -> str:
    """Longer text (a summary) as escaped paragraphs, its blank-line breaks kept."""
    return "\n\n".join(markdown_text(p) for p in re.split(r"\n\s*\n", text) if p.strip())


def markdown_link(text: str, url: str | None) -> str:
    """``[text](url)`` for a safe URL, else the escaped text alone."""
    safe = safe_url(url)
    label = markdown_text(text)
    return f"[{label}]({safe})" if safe else label
