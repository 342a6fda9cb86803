"""Links built from article data: only http(s) URLs become links, and link text cannot break the syntax.

An article URL comes from the user's inputs (a JSONL line, a feed): a
``javascript:`` or ``data:`` URL must never become a live link in a page.
"""

from __future__ import annotations

import re
from urllib.parse import quote

_SAFE_SCHEMES = ("http://", "https://")


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s) and has no control characters, with characters that end a link escaped; else None."""
    if not url:
        return None
    url = url.strip()
    if not url.lower().startswith(_SAFE_SCHEMES) or re.search(r"[\x00-\x20\x7f]", url):
        return None
    return quote(url, safe=":/?#[]@!$&'*+,;=%~-._")


def markdown_text(text: str) -> str:
    """Link text with Markdown's brackets, backslashes and backticks escaped, on one line."""
    return re.sub(r"([\\\[\]`*_<>])", r"\\\1", " ".join(text.split()))


def markdown_link(text: str, url: str | None) -> str:
    """``[text](url)`` for a safe URL, else the escaped text alone."""
    safe = safe_url(url)
    label = markdown_text(text)
    return f"[{label}]({safe})" if safe else label
