"""A bug while briefing one article never takes a digest down, and is one line in `summarizer brief` (issue 11)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from summarizer import Article, Summarizer
from summarizer.cli import cli
from summarizer.digest.batch import brief_all
from summarizer.digest.store import Store
from summarizer.ingest.inputs import Item
from tests.fault_server import fault_server, schema_minimal

GOOD = "The harbour board delayed the vote on Tuesday, board chair Mira Okafor said. The vote is next month."
BAD = "The council said the budget passed. This article trips a bug in the engine."


def _buggy_on(marker: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make summarize() raise a plain exception (not a SummarizerError) for articles holding ``marker``."""
    original = Summarizer.summarize

    def summarize(self: Summarizer, article: Any) -> Any:
        text = article.text if isinstance(article, Article) else str(article)
        if marker in text:
            raise ValueError("substring not found")
        return original(self, article)

    monkeypatch.setattr(Summarizer, "summarize", summarize)


def test_one_articles_crash_is_a_failed_article_not_a_crashed_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _buggy_on("trips a bug", monkeypatch)
    items = [Item("good.txt", Article(text=GOOD)), Item("bad.txt", Article(text=BAD))]
    with fault_server(schema_minimal()) as server, Store(tmp_path / "s.sqlite") as store:
        with Summarizer(base_url=server.url) as engine:
            result = brief_all(items, engine, store)
        assert store.count_briefs() == 1
    assert result.made == 1 and [source for source, _ in result.failures] == ["bad.txt"]
    reason = result.failures[0][1]
    assert "internal error" in reason and "ValueError: substring not found" in reason and "\n" not in reason


def test_a_crash_in_brief_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _buggy_on("trips a bug", monkeypatch)
    article = tmp_path / "bad.txt"
    article.write_text(BAD)
    with fault_server(schema_minimal()) as server:
        result = CliRunner().invoke(cli, ["brief", str(article), "--base-url", server.url, "-o", str(tmp_path / "o")])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: internal error (ValueError: substring not found)")
    assert not (tmp_path / "o").exists()
