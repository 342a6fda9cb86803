"""A polled feed's body read into its items, or the one-line reason it is not a feed (any more)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from summarizer.errors import ArticleError


class NotAFeed(ArticleError):
    """The feed URL answered something that is not RSS or Atom (an HTML page, an error page, garbage)."""


@dataclass(frozen=True)
class FeedItem:
    """One entry with a link; ``entry`` and ``feed`` are feedparser's, to fill what the page leaves out."""

    link: str
    entry: Any
    feed: Any


def feed_items(url: str, body: bytes, content_type: str) -> list[FeedItem]:
    """The entries of the feed, each link once, in the feed's order; NotAFeed when the body is no feed."""
    import feedparser

    parsed: Any = feedparser.parse(body)
    # feedparser reads a well-formed HTML page without complaint: a feed is what it recognises a version of
    recognised = bool(parsed.get("version")) or (bool(parsed.get("entries")) and not parsed.get("bozo"))
    if not recognised:  # the content type is not asked: servers send feeds as text/html, too
        what = content_type or "no content type"
        raise NotAFeed(f"{url}: is not an RSS or Atom feed now ({what}); skipped, tried again next poll")
    items: dict[str, FeedItem] = {}
    for entry in parsed.entries:
        link = str(entry.get("link") or "").strip()
        if link.startswith(("http://", "https://")) and link not in items:
            items[link] = FeedItem(link, entry, parsed.feed)
    return list(items.values())
