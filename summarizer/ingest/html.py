"""Articles from web pages: main text and metadata extracted with trafilatura.

Evidence offsets of a brief made from HTML point into the extracted text (the
``text`` field this returns, which ingest/article.py makes an Article of), not
into the page's markup. This module returns plain fields, not an Article, so
the two modules do not import each other.
"""

from __future__ import annotations

import warnings
from typing import Any

from summarizer.errors import ArticleError

MIN_ARTICLE_CHARS = 200
"""Less extracted text than this is a page without an article (a menu, a login wall, an error page)."""


def page_fields(data: bytes | str, source: str, url: str | None = None) -> dict[str, str | None]:
    """The page's main text with its title, date, site name and language; ArticleError when it has none."""
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # lxml's truth-testing FutureWarning inside trafilatura
        document: Any = trafilatura.bare_extraction(
            data, url=url, with_metadata=True, include_comments=False, include_tables=False, as_dict=False
        )
    text = str(getattr(document, "text", "") or "").strip() if document is not None else ""
    if len(text) < MIN_ARTICLE_CHARS:
        raise ArticleError(
            f"{source}: no article text found in the page ({len(text)} characters extracted); "
            "save the article's text to a .txt file and brief that"
        )
    return {
        "text": text,
        "title": getattr(document, "title", None) or None,
        "outlet": getattr(document, "sitename", None) or None,
        "url": url or getattr(document, "url", None) or None,
        "published": getattr(document, "date", None) or None,
        "language": page_language(data) or getattr(document, "language", None) or None,
    }


def page_language(data: bytes | str) -> str | None:
    """The language the page declares: ``<html lang>``, else a content-language or ``og:locale`` meta tag."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(data)
    except (ValueError, lxml.etree.ParserError):
        return None
    declared = [
        root.get("lang"),
        root.get("{http://www.w3.org/XML/1998/namespace}lang"),
        *root.xpath("//meta[translate(@http-equiv,'CONTENTLANGUAGE','contentlanguage')='content-language']/@content"),
        *root.xpath("//meta[@property='og:locale']/@content"),
    ]
    return next((str(tag) for tag in declared if tag and str(tag).strip()), None)
