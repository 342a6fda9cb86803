"""The Article: what the user gives us, read from text, Markdown, JSON or stdin.

The text is kept as given (only a byte-order mark is removed), so that
evidence offsets point into the user's own text. One exception, the same
through every door (a file, stdin, JSON, JSON Lines, Parquet, a feed, a page,
``Article(text=...)``): control characters. Text that is mostly control
characters is refused as binary data; a few stray ones (NUL, ESC, BEL, DEL,
C1; tab, line feed and carriage return are text) are removed, with a
``ControlCharactersRemoved`` warning, and offsets then point into the text
without them. Title and outlet lose theirs too.
"""

from __future__ import annotations

import codecs
import json
import re
import sys
import warnings
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from summarizer.errors import ArticleError

if TYPE_CHECKING:  # fetch.py (and httpx) load only when a URL is read
    from summarizer.ingest.fetch import CheckHost

MAX_FILE_BYTES = 50_000_000
"""Refuse files larger than this outright; long-but-sane articles are trimmed later."""
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters that are not text: C0 except tab, line feed and carriage return; DEL; C1."""
BINARY_SHARE = 0.25
"""Text whose non-space characters are more than this share control characters is binary data, not an article."""


class ControlCharactersRemoved(UserWarning):
    """The article's text held a few control characters (NUL, ESC...); they were removed before briefing."""


class ArticleFieldError(ArticleError, ValueError):
    """``Article(...)`` was given a field it cannot use (no text, binary data, a date that is not a date).

    A ``ValueError`` too, as pydantic's own error was, so existing handlers keep working.
    ``field`` names it, ``problem`` says what is wrong, ``kind`` is pydantic's error type ("binary_text").
    """

    def __init__(self, message: str, field: str = "article", problem: str = "", kind: str = "") -> None:
        super().__init__(message)
        self.field, self.problem, self.kind = field, problem or message, kind


class Article(BaseModel):
    """One news article: its text plus whatever metadata is known.

    ``Article(text=..., ...)`` with a bad field raises ``ArticleFieldError`` (an
    ``ArticleError``), whose message names the field and what to give.
    """

    model_config = ConfigDict(frozen=True, extra="ignore")

    def __init__(self, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as error:
            raise _field_error(error) from None

    text: str = Field(description="The article body as given, less stray control characters (NUL, ESC...).")
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = Field(default=None, description="Publication date, used to resolve 'Sunday', 'last week'.")
    language: str | None = Field(
        default=None,
        description="ISO 639-1 code ('fr'); from the input's metadata when given, else detected when briefed. "
        "A tag such as 'fr-FR' keeps its language part.",
    )

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("article text is empty")
        return _without_controls(value)

    @field_validator("title", "outlet")
    @classmethod
    def _no_controls(cls, value: str | None) -> str | None:
        return CONTROL.sub("", value) if value else value

    @field_validator("language", mode="before")
    @classmethod
    def _primary_subtag(cls, value: Any) -> Any:
        """ "fr-FR", "FR" and "es_ES" are the language "fr" or "es"; a tag that names no language is unknown."""
        if not isinstance(value, str):
            return value
        code = value.strip().replace("_", "-").split("-")[0].lower()
        return code if len(code) in (2, 3) and code.isalpha() else None

    @field_validator("published", mode="before")
    @classmethod
    def _date_prefix(cls, value: Any) -> Any:
        """Accept full timestamps ("2024-05-01T10:00:00Z") by keeping their date."""
        if isinstance(value, str) and len(value) > 10 and value[4:5] == "-":
            return value[:10]
        return value


def _without_controls(text: str) -> str:
    """The text without its stray control characters (said in a warning); PydanticCustomError when it is mostly them."""
    found = CONTROL.findall(text)
    if not found:
        return text
    visible = len(text) - sum(c.isspace() for c in text)
    if len(found) > BINARY_SHARE * visible or not CONTROL.sub("", text).strip():
        share = f"{len(found):,} of {visible:,} characters are control characters"
        raise PydanticCustomError("binary_text", f"looks like binary data, not text ({share})")
    kinds = ", ".join(f"U+{ord(c):04X}" for c in sorted(set(found))[:5]) + (", …" if len(set(found)) > 5 else "")
    warnings.warn(
        ControlCharactersRemoved(
            f"removed {len(found):,} control character{'s' * (len(found) > 1)} ({kinds}) from the article's text;"
            " evidence offsets point into the text without them"
        ),
        stacklevel=2,
    )
    return CONTROL.sub("", text)


def _field_error(error: ValidationError) -> ArticleFieldError:
    """One line naming the first bad field and what it should be."""
    first = error.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "article"
    hint = {
        "text": "the article's text as a non-empty string",
        "published": "a date as YYYY-MM-DD",
    }.get(where, "a string or nothing")
    if first["type"] == "binary_text":
        hint = "the article's text, not binary data"
    return ArticleFieldError(
        f"invalid article: {where}: {first['msg']}; give {hint}", where, first["msg"], first["type"]
    )


def as_article(value: Article | str) -> Article:
    """Accept an Article or plain text (the text of the article, not a path)."""
    if isinstance(value, Article):
        return value
    return parse_article(value, source="text")


def parse_article(text: str, source: str = "input") -> Article:
    try:
        return Article(text=text)
    except ArticleFieldError as error:
        if error.kind == "binary_text":
            raise ArticleError(f"{source}: {error.problem}; give a .txt, .md or .json article") from None
        raise ArticleError(f"{source}: the article is empty; give a file with the article's text") from None


def read_article(path: str | Path, *, check_host: CheckHost | None = None) -> Article:
    """Read an article from a path, an http(s) URL, or standard input when path is ``-``.

    Web pages (``.html`` files, URLs, HTML on stdin) give their main text and
    metadata (see html.py). ``check_host`` may refuse a URL's host (see ``ingest.fetch.fetch``).
    """
    if str(path) == "-":
        data = sys.stdin.buffer.read()
        return article_from_bytes(data, "stdin")
    if str(path).startswith(("http://", "https://")):
        return _article_from_url(str(path), check_host)
    file = Path(path)
    if not file.exists():
        raise ArticleError(f"{file}: no such file")
    if file.is_dir():
        raise ArticleError(f"{file}: is a directory; give one article file")
    size = file.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ArticleError(
            f"{file}: {size / 1e6:.0f} MB is too large for one article (limit {MAX_FILE_BYTES // 1_000_000} MB)"
        )
    data = file.read_bytes()
    if file.suffix.lower() in (".html", ".htm"):
        return _html(data, str(file))
    return article_from_bytes(data, str(file), json_hint=file.suffix.lower() == ".json")


def article_from_bytes(data: bytes, source: str, json_hint: bool = False) -> Article:
    """Decode bytes as UTF-8 text or an article JSON object, refusing binary data."""
    if encoding := _wide_encoding(data):
        raise ArticleError(
            f"{source}: is {encoding} text, not UTF-8; convert it to UTF-8 first (iconv -f {encoding} -t UTF-8)"
        )
    if b"\x00" in data[:8192]:
        raise ArticleError(f"{source}: looks like a binary file, not text; give a .txt, .md or .json article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleError(
            f"{source}: is not UTF-8 text (bad byte at offset {error.start}); convert it to UTF-8 first"
        ) from None
    if not text.strip():
        raise ArticleError(f"{source}: the article is empty; give a file with the article's text")
    if not json_hint and _looks_like_html(data):
        return _html(data, source)
    if json_hint or text.lstrip().startswith("{"):
        return article_from_json(text, source, strict=json_hint)
    return parse_article(text, source)


def article_from_json(text: str, source: str, strict: bool = True) -> Article:
    """An article object, or a record holding one under ``article``."""
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        if not strict:
            return parse_article(text, source)
        raise ArticleError(f"{source}: invalid JSON at line {error.lineno}: {error.msg}") from None
    if isinstance(record, dict) and isinstance(record.get("article"), dict):
        record = record["article"]
    if not isinstance(record, dict) or "text" not in record:
        if not strict:
            return parse_article(text, source)
        raise ArticleError(
            f'{source}: JSON must be an object with a "text" field (and optional title, outlet, url, published)'
        )
    try:
        return Article.model_validate(record)
    except ValidationError as error:
        first = error.errors()[0]
        cause = first.get("ctx", {}).get("error")
        if isinstance(cause, ArticleFieldError):  # raised by Article.__init__, which pydantic calls when validating
            raise ArticleError(f"{source}: {cause.field}: {cause.problem}") from None
        where = ".".join(str(p) for p in first["loc"]) or "article"
        raise ArticleError(f"{source}: {where}: {first['msg']}") from None


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 text (by its byte-order mark, or by a zero byte beside every ASCII letter), else None."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "UTF-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "UTF-16"
    head = data[:4096]
    if len(head) >= 8 and len(head) % 2 == 0:
        odd, even = head[1::2], head[0::2]
        for zeros in (odd, even):
            if zeros.count(0) > 0.9 * len(zeros) and (odd if zeros is even else even).count(0) < 0.1 * len(zeros):
                return "UTF-16"
    return None


def _looks_like_html(data: bytes) -> bool:
    head = data[:4096].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or (head.startswith(b"<?xml") and b"<html" in head)


def article_from_html(data: bytes | str, source: str, url: str | None = None) -> Article:
    """The page's main text with its title, date, site name and language; ArticleError when it has none."""
    from summarizer.ingest.html import page_fields  # trafilatura loads lxml: only when a page is read

    return Article(**page_fields(data, source, url))


def _html(data: bytes, source: str, url: str | None = None) -> Article:
    return article_from_html(data, source, url)


def _article_from_url(url: str, check_host: CheckHost | None = None) -> Article:
    from summarizer.ingest.fetch import fetch

    page = fetch(url, check_host=check_host)
    return article_from_page(page.body, url, page.url, page.content_type)


def article_from_page(body: bytes, source: str, url: str, content_type: str) -> Article:
    """A fetched page: plain text as is, anything else as HTML."""
    if content_type == "text/plain":
        return article_from_bytes(body, source).model_copy(update={"url": url})
    return _html(body, source, url)
