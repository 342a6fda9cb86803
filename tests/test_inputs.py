"""Articles from URLs and HTML: extraction, and a clear error for every way a page can fail."""

from __future__ import annotations

import io
import sys
from datetime import date
from pathlib import Path

import pytest

from summarizer.errors import ArticleError
from summarizer.ingest.article import article_from_html, read_article
from summarizer.ingest.fetch import fetch
from tests.conftest import SEED, requires_seed
from tests.page_server import NO_ARTICLE, article_page, page_server


def check_seed_article(text: str) -> None:
    assert "General Abass Dembele" in text and "Oumar Maiga" in text
    assert "Log in" not in text and "All rights reserved" not in text and "Share on" not in text


@requires_seed
def test_article_from_url() -> None:
    with page_server() as base:
        article = read_article(f"{base}/article.html")
    check_seed_article(article.text)
    assert article.title == "Mali Arrests Dozens of Soldiers Over Alleged Coup Plot"
    assert article.outlet == "Sahel Wire"
    assert article.published == date(2025, 8, 20)
    assert article.url == f"{base}/article.html"


@requires_seed
def test_plain_text_url_is_kept_as_is() -> None:
    with page_server() as base:
        article = read_article(f"{base}/plain.txt")
    assert article.text == SEED.read_text()


@requires_seed
def test_html_file_and_html_on_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(article_page())
    check_seed_article(read_article(page).text)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(article_page())))
    check_seed_article(read_article("-").text)


def test_a_page_without_an_article_is_refused() -> None:
    with pytest.raises(ArticleError, match="no article text found"):
        article_from_html(NO_ARTICLE, "login.html")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "answered 404"),
        ("/photo.png", "is image/png, not a web page"),
        ("/huge.html", "MB is too large"),
        ("/loop", "more than 5 redirects"),
        ("/login.html", "no article text found"),
    ],
)
def test_bad_pages_say_what_went_wrong(path: str, message: str) -> None:
    with page_server() as base, pytest.raises(ArticleError, match=message):
        read_article(f"{base}{path}")


def test_a_slow_server_times_out() -> None:
    with page_server() as base, pytest.raises(ArticleError, match=r"no answer within 0\.5 s"):
        fetch(f"{base}/slow", timeout=0.5)


def test_an_unreachable_server_is_named() -> None:
    with pytest.raises(ArticleError, match="cannot reach the server"):
        fetch("http://127.0.0.1:9/article.html", timeout=2)
