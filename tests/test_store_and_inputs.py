"""The digest's building blocks without a model: collecting inputs, and the durable store."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from summarizer.digest.store import BriefKey, Store, content_hash
from summarizer.ingest.article import Article
from summarizer.ingest.inputs import collect
from summarizer.schema import SCHEMA_VERSION, Brief
from tests.conftest import ROOT, SEED, requires_seed
from tests.page_server import article_page, page_server

GUM = ROOT / "tests" / "data" / "gum-news"


@requires_seed
def test_a_directory_of_mixed_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SEED.read_text())
    (tmp_path / "b.json").write_text((GUM / "GUM_news_ie9.json").read_text())
    (tmp_path / "c.html").write_bytes(article_page())
    (tmp_path / "d.md").write_text("   \n")
    (tmp_path / "e.bin").write_bytes(b"\x00\x01\x02")
    (tmp_path / "f.txt").write_bytes(b"\x00binary\x00")
    items = {Path(i.source).name: i for i in collect([str(tmp_path)])}
    assert items["a.txt"].article and items["c.html"].article
    assert items["b.json"].article and items["b.json"].article.title
    assert "empty" in (items["d.md"].skipped or "")
    assert "not an article file" in (items["e.bin"].skipped or "")
    assert "binary" in (items["f.txt"].skipped or "")


@requires_seed
def test_json_lines_with_a_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "day.jsonl"
    path.write_text(
        json.dumps({"text": SEED.read_text(), "title": "Mali", "outlet": "AFP", "published": "2025-08-20"})
        + "\n{broken\n\n"
        + json.dumps({"title": "no text"})
        + "\n"
    )
    items = list(collect([str(path)]))
    assert [i.source for i in items] == [f"{path}:1", f"{path}:2", f"{path}:4"]
    assert items[0].article and items[0].article.outlet == "AFP"
    assert "invalid JSON" in (items[1].skipped or "") and "text" in (items[2].skipped or "")


def rss(*links: str) -> bytes:
    entries = "".join(
        f"<item><title>Story {n}</title><link>{link}</link><pubDate>Wed, 20 Aug 2025 09:00:00 GMT</pubDate></item>"
        for n, link in enumerate(links)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Sahel Wire</title>{entries}</channel></rss>'.encode()
    )


@requires_seed
def test_a_feed_file_follows_each_entry(tmp_path: Path) -> None:
    with page_server() as base:
        feed = tmp_path / "feed.xml"
        feed.write_bytes(rss(f"{base}/article.html", f"{base}/missing", f"{base}/plain.txt"))
        items = list(collect([str(feed)]))
    assert [i.article is not None for i in items] == [True, False, True]
    assert "404" in (items[1].skipped or "")
    plain = items[2].article
    assert plain is not None and plain.title == "Story 2" and plain.outlet == "Sahel Wire"
    assert plain.published is not None and plain.published.isoformat() == "2025-08-20"


def test_a_feed_that_is_not_xml(tmp_path: Path) -> None:
    feed = tmp_path / "feed.rss"
    feed.write_text("this is not a feed")
    (item,) = collect([str(feed)])
    assert item.article is None and "not an RSS or Atom feed" in (item.skipped or "")


def test_missing_inputs_and_empty_directories(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    items = list(collect([str(tmp_path / "nope.txt"), str(tmp_path / "empty")]))
    assert [i.skipped for i in items] == ["no such file or directory", "empty directory"]


KEY = BriefKey("qwen", "brief/3", SCHEMA_VERSION)


def sample_brief() -> Brief:
    """A small Brief built through the public schema (the store does not care what the model said)."""
    from tests.test_evaluation import _brief

    return _brief(["Ann Lee"], ["Oslo"])


@requires_seed
def test_store_dedupes_articles_and_keeps_briefs(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    text = SEED.read_text()
    with Store(path) as store:
        first, new = store.add_article(Article(text=text, url="https://a.example/1"))
        again, new_again = store.add_article(Article(text="  " + text.upper() + "\n", url="https://b.example/2"))
        assert new and not new_again and first == again == content_hash(text)
        assert store.brief(first, KEY) is None
        store.put_brief(first, KEY, sample_brief())
        run = store.start_run(["in/"])
        store.finish_run(run, {"briefs": 1}, [{"source": "x", "error": "404"}])
    with Store(path) as store:  # a new process would see the same
        assert store.brief(first, KEY) == sample_brief()
        assert store.brief(first, BriefKey("qwen", "brief/4", SCHEMA_VERSION)) is None
        assert store.count_briefs(KEY) == 1
        assert store.runs()[0]["failures"] == [{"source": "x", "error": "404"}]
        article = store.article(first)
        assert article is not None and article.url == "https://a.example/1"
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@requires_seed
def test_a_batch_resumes_and_a_second_run_makes_no_model_call(tmp_path: Path) -> None:
    """The seed article twice (a duplicate under another URL), a missing file and a 404; then again."""
    from summarizer import Summarizer
    from summarizer.digest.briefing import brief_all
    from tests.fault_server import fault_server, ok

    jsonl = tmp_path / "wire.jsonl"
    jsonl.write_text(json.dumps({"text": SEED.read_text(), "url": "https://mirror.example/mali"}) + "\n")
    with page_server() as base, fault_server(ok()) as server, Store(tmp_path / "s.sqlite") as store:
        inputs = [str(SEED), str(jsonl), str(tmp_path / "gone.txt"), f"{base}/missing"]
        with Summarizer(base_url=server.url) as engine:
            first = brief_all(collect(inputs), engine, store)
            calls_after_first = len(server.requests)
            second = brief_all(collect(inputs), engine, store)
        assert (first.made, first.reused, len(first.skipped), first.failures) == (1, 0, 2, [])
        assert list(first.sources.values()) == [[str(SEED), f"{jsonl}:1"]]
        assert calls_after_first >= 1 and len(server.requests) == calls_after_first
        assert (second.made, second.reused) == (0, 1)
        assert second.briefs == first.briefs


@requires_seed
def test_failures_are_recorded_and_the_batch_goes_on(tmp_path: Path) -> None:
    from summarizer import Summarizer
    from summarizer.digest.briefing import brief_all
    from tests.fault_server import error, fault_server

    inputs = [str(SEED), str(GUM / "GUM_news_ie9.json")]
    with fault_server(error(401)) as server, Store(tmp_path / "s.sqlite") as store:
        with Summarizer(base_url=server.url) as engine:
            result = brief_all(collect(inputs), engine, store, concurrency=2)
        assert result.made == 0 and not result.complete
        assert sorted(source for source, _ in result.failures) == sorted(inputs)
        assert all("refused the API key" in message for _, message in result.failures)
        assert store.count_briefs() == 0


@requires_seed
def test_stories_group_the_same_event_and_keep_others_apart() -> None:
    from summarizer.digest.stories import group
    from summarizer.evaluation.gold import load_gold
    from summarizer.ingest.article import article_from_html

    articles = [gold.article for gold in load_gold(GUM)]
    seed = Article(text=SEED.read_text(), published="2025-08-20")
    web_copy = article_from_html(article_page(), "page.html").model_copy(update={"outlet": "Sahel Wire"})
    stories = group([*articles, seed, web_copy])
    assert len(stories) == 13
    assert stories[-1] == [12, 13]  # the seed and its web page are one story
    assert all(len(story) == 1 for story in stories[:-1])


def test_concurrency_is_matched_to_the_backend() -> None:
    """The embedded server gets one slot per brief in flight (default 1); a remote server gets 4 requests."""
    from summarizer import Summarizer
    from summarizer.digest.briefing import match_concurrency
    from summarizer.llm.backends.base import REMOTE_CONCURRENCY
    from summarizer.llm.backends.embedded import EmbeddedBackend

    embedded = Summarizer(backend=EmbeddedBackend(model="qwen"))
    assert match_concurrency(embedded, None) == 1
    assert match_concurrency(embedded, 3) == 3
    assert embedded.backend.capabilities.slots == 3
    remote = Summarizer(base_url="http://127.0.0.1:9/v1")
    assert match_concurrency(remote, None) == REMOTE_CONCURRENCY
    assert match_concurrency(remote, 2) == 2
