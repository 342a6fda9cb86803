"""Reading articles: text, JSON, stdin-like bytes, and the bad inputs users give."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer import Article, ArticleError, read_article
from summarizer.ingest.article import article_from_bytes


def test_text_file_kept_exactly(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("  Title\n\nBody \u201cquoted\u201d.\n")
    assert read_article(path).text == "  Title\n\nBody \u201cquoted\u201d.\n"


def test_json_article_and_record(tmp_path: Path) -> None:
    article = {"text": "Body.", "title": "T", "published": "2024-05-01T10:00:00Z", "outlet": "O"}
    (tmp_path / "a.json").write_text(json.dumps(article))
    (tmp_path / "b.json").write_text(json.dumps({"article": article, "gold": {}}))
    for name in ("a.json", "b.json"):
        parsed = read_article(tmp_path / name)
        assert parsed.title == "T" and parsed.published is not None and parsed.published.isoformat() == "2024-05-01"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\t\n", "empty"),
        (b"\x7fELF\x00\x00\x01binary", "binary"),
        (b"caf\xe9 au lait", "not UTF-8"),
    ],
)
def test_bad_bytes(content: bytes, message: str) -> None:
    with pytest.raises(ArticleError, match=message):
        article_from_bytes(content, "input")


def test_bad_json(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text('{"title": "no text"}')
    with pytest.raises(ArticleError, match='"text" field'):
        read_article(tmp_path / "a.json")
    (tmp_path / "b.json").write_text("{broken")
    with pytest.raises(ArticleError, match="invalid JSON"):
        read_article(tmp_path / "b.json")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="no such file"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(ArticleError, match="directory"):
        read_article(tmp_path)


def test_article_requires_text() -> None:
    with pytest.raises(ValueError):
        Article(text="  ")
