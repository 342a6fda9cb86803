"""Collect the day's articles from what a user points at: directories, files, JSON Lines, feeds, URLs.

Each input yields ``Item``s; an input that gives no article yields an Item
with the reason instead, so a batch says what it skipped and why and goes on.
What reading an article had to change (control characters removed) is the
Item's ``notes``, not a Python warning mid-batch.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from summarizer.errors import ArticleError
from summarizer.ingest.article import (
    Article,
    ControlCharactersRemoved,
    article_from_json,
    article_from_page,
    read_article,
)

if TYPE_CHECKING:  # fetch.py (and httpx) load only when a URL is read
    from summarizer.ingest.fetch import CheckHost

ARTICLE_SUFFIXES = {".txt", ".md", ".json", ".html", ".htm"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
NO_SUCH_INPUT = "no such file or directory"
"""The reason given for an input path that does not exist."""
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")


@dataclass(frozen=True)
class Item:
    """One article found in the inputs, or why an input gave none."""

    source: str
    article: Article | None = None
    skipped: str | None = None
    notes: tuple[str, ...] = ()
    """What reading the article changed in it, e.g. "removed 2 control characters (U+0000) ..."."""


def read_item(source: str, read: Callable[[], Article]) -> Item:
    """The Item of one article ``read()`` gives, its ``ControlCharactersRemoved`` warnings as notes; raises as read."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ControlCharactersRemoved)
        article = read()
    notes = tuple(str(w.message) for w in caught if issubclass(w.category, ControlCharactersRemoved))
    for other in (w for w in caught if not issubclass(w.category, ControlCharactersRemoved)):
        warnings.warn_explicit(other.message, other.category, other.filename, other.lineno)
    return Item(source, article, notes=notes)


def collect(inputs: list[str], *, check_host: CheckHost | None = None) -> Iterator[Item]:
    """Every article the inputs hold, in order; skipped inputs come with their reason.

    ``check_host`` may refuse the host of a URL, or of a feed entry's link (see ``ingest.fetch.fetch``).
    """
    for spec in inputs:
        if spec.startswith(("http://", "https://")):
            yield from _url(spec, check_host)
            continue
        path = Path(spec)
        if path.is_dir():
            yield from _directory(path)
        elif not path.exists():
            yield Item(spec, skipped=NO_SUCH_INPUT)
        else:
            yield from _path(path)


def _path(path: Path) -> Iterator[Item]:
    """A file by its suffix: JSON Lines, a feed, or one article."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _json_lines(path)
    elif suffix in FEED_SUFFIXES:
        yield from _feed(path.read_bytes(), str(path))
    else:
        yield _file(path)


def _file(path: Path) -> Item:
    try:
        return read_item(str(path), partial(read_article, path))
    except ArticleError as error:
        return Item(str(path), skipped=_reason(error, str(path)))


def _directory(directory: Path) -> Iterator[Item]:
    files = directory_files(directory)
    if not files:
        yield Item(str(directory), skipped="empty directory")
    for path in files:
        yield from directory_entry(path)


def directory_files(directory: Path) -> list[Path]:
    """The files an input directory offers, in the order they are read (hidden files are not offered)."""
    return sorted(p for p in directory.iterdir() if p.is_file() and not p.name.startswith("."))


def directory_entry(path: Path) -> Iterator[Item]:
    """One file of an input directory: read by its suffix, or skipped when it is no article file.

    Public so a distributed reader can hand each file of a directory to another worker and read it as here.
    """
    suffix = path.suffix.lower()
    if suffix in ARTICLE_SUFFIXES or suffix == ".jsonl" or suffix in FEED_SUFFIXES:
        yield from _path(path)
    else:
        yield Item(str(path), skipped=f"not an article file ({suffix or 'no suffix'}; use .txt, .md, .json, .html)")


def _json_lines(path: Path) -> Iterator[Item]:
    """One Item per line; a UTF-8 byte order mark (Windows editors write one) is not part of the first line."""
    for number, line in enumerate(path.read_text(encoding="utf-8-sig", errors="replace").splitlines(), start=1):
        if not line.strip():
            continue
        source = f"{path}:{number}"
        try:
            yield read_item(source, partial(article_from_json, line, source))
        except ArticleError as error:
            yield Item(source, skipped=_reason(error, source))


def _url(url: str, check_host: CheckHost | None = None) -> Iterator[Item]:
    from summarizer.ingest.fetch import fetch

    try:
        page = fetch(url, check_host=check_host)
    except ArticleError as error:
        yield Item(url, skipped=_reason(error, url))
        return
    if page.content_type.startswith(FEED_TYPES) or page.body.lstrip()[:200].lower().startswith((b"<rss", b"<feed")):
        yield from _feed(page.body, url, check_host)
        return
    try:
        yield read_item(url, partial(article_from_page, page.body, url, page.url, page.content_type))
    except ArticleError as error:
        yield Item(url, skipped=_reason(error, url))


def _feed(data: bytes, source: str, check_host: CheckHost | None = None) -> Iterator[Item]:
    """Each feed entry's article: its link is fetched and read; a feed that is not XML is skipped."""
    import feedparser

    parsed: Any = feedparser.parse(data)
    if parsed.get("bozo") and not parsed.get("entries"):
        yield Item(source, skipped="not an RSS or Atom feed (no entries could be read)")
        return
    if not parsed.entries:
        yield Item(source, skipped="feed has no entries")
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            yield Item(f"{source}#{entry.get('id', '?')}", skipped="feed entry has no link")
            continue
        for item in _url(link, check_host):
            if item.article is not None:
                article = with_feed_metadata(item.article, entry, parsed.feed)
                yield Item(item.source, article, notes=item.notes)
            else:
                yield item


def with_feed_metadata(article: Article, entry: Any, feed: Any) -> Article:
    """Fill what the page did not say from the feed (title, outlet, date, language)."""
    update: dict[str, Any] = {}
    if not article.title and entry.get("title"):
        update["title"] = entry["title"]
    if not article.outlet and feed.get("title"):
        update["outlet"] = feed["title"]
    published = entry.get("published_parsed") or entry.get("updated_parsed")
    language = entry.get("language") or feed.get("language")
    if not article.language and language:
        update["language"] = language
    if not article.published and published:
        update["published"] = f"{published.tm_year:04d}-{published.tm_mon:02d}-{published.tm_mday:02d}"
    if not update:
        return article
    try:
        return Article.model_validate({**article.model_dump(), **update})
    except ValidationError:
        return article


def _reason(error: ArticleError, source: str) -> str:
    """The error's message without the repeated source prefix."""
    message = str(error)
    return message.removeprefix(f"{source}: ")
