"""Limits that must hold against a misbehaving web server on 127.0.0.1 (issue 11)."""

from __future__ import annotations

import time

import pytest

from summarizer.ingest.fetch import FetchError, fetch
from summarizer.ingest.inputs import collect
from tests.conftest import requires_seed
from tests.page_server import page_server


@pytest.mark.parametrize("route", ["drip", "drip-headers"])
def test_a_dripping_page_is_cut_off_at_the_total_deadline(route: str) -> None:
    """Each byte comes within the per-read timeout, in the body or in the headers; the fetch still ends at ``timeout``."""
    with page_server() as base:
        started = time.monotonic()
        with pytest.raises(FetchError, match="did not arrive within 1 s"):
            fetch(f"{base}/{route}", timeout=1.0)
        assert time.monotonic() - started < 2.5


@requires_seed
@pytest.mark.parametrize("feed", ["feed.rss", "feed.atom", "feed.xml"])
def test_feed_urls_served_as_feeds_are_read_as_feeds(feed: str) -> None:
    with page_server() as base:
        items = list(collect([f"{base}/{feed}"]))
    assert [item.skipped for item in items] == [None]
    article = items[0].article
    assert article is not None and article.url == f"{base}/article.html" and "Sahel" in (article.outlet or "")
