"""`summarizer watch` against a real news site on 127.0.0.1 whose feed and pages each test changes between polls.

Briefs come from the ``none`` backend (the rules alone), so these tests check
what the watcher does (fetching, deduplication, the day's digest, its files),
not what a model says. The articles are written for these tests (fictional).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from summarizer.brief.engine import Summarizer
from summarizer.digest.store import STORE_VERSION, FeedState, Store
from summarizer.errors import TransientBackendError
from summarizer.watch import Polite, Watcher, watch_sources
from summarizer.watch.sources import Source
from summarizer.watch.watcher import backoff
from tests.conftest import cli_env, run_cli

ARTICLES = {
    "/news/bridge.html": (
        "Harbour bridge closes for repairs",
        "The Eastgate harbour bridge in Portmere will close to traffic for three weeks from Monday, the city "
        "council said on Thursday. Engineers found corroded cables during an inspection in January, according "
        "to a council statement. Buses will use the ring road while the work goes on. Mayor Ilse Varga said the "
        "closure was regrettable but necessary for the safety of forty thousand daily drivers.",
    ),
    "/news/orchard.html": (
        "Frost damages apple orchards in the Lindal valley",
        "A late frost on Tuesday night damaged apple blossom across the Lindal valley, growers said. The farmers' "
        "union estimated that a third of this year's harvest could be lost. Temperatures fell to minus four "
        "degrees in the lower orchards, the regional weather office reported. Grower Tomas Brekke said he had "
        "lit fires between the rows until dawn but could not save the youngest trees.",
    ),
    "/news/library.html": (
        "Old town library reopens after fire",
        "The old town library of Kestrel Bay reopened on Saturday, eighteen months after a fire destroyed its "
        "reading room. Chief librarian Maren Holt said volunteers had cleaned more than twelve thousand books by "
        "hand. The restoration cost two million crowns, paid by the regional government and private donors. "
        "Children's readings resume next week, the library said in a statement.",
    ),
    "/private/memo.html": (
        "Internal memo on the canal tender",
        "The canal authority of Portmere received four bids for the dredging tender, an internal memo says. The "
        "memo, dated March, lists the lowest bid at nine million crowns and asks the board to decide by May. "
        "Officials declined to comment on the document when asked on Wednesday. The board meets next Tuesday.",
    ),
}
"""Articles written for these tests: fictional places and people."""

DAY = dt.date(2026, 3, 14)


def page(path: str) -> bytes:
    title, text = ARTICLES[path]
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        "<meta property='og:site_name' content='Portmere Courier'></head><body><nav>Home | Region</nav>"
        f"<article><h1>{html.escape(title)}</h1><p>{html.escape(text)}</p></article><footer>Courier</footer>"
        "</body></html>"
    ).encode()


class Site:
    """A news site the test edits: the feed's items (a path may repeat), whether the feed is HTML, robots.txt."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self.aliases: dict[str, str] = {}
        """Another path serving the same article (the same story under two links)."""
        self.feed_is_html = False
        self.robots = ""
        self.log: list[tuple[str, int, str]] = []
        """(path, status, User-Agent) of every request."""
        self._lock = threading.Lock()

    def feed(self, base: str) -> bytes:
        items = "".join(
            f"<item><title>{html.escape(ARTICLES[self.aliases.get(p, p)][0])}</title><link>{base}{p}</link></item>"
            for p in self.items
        )
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Portmere Courier</title>{items}</channel></rss>'.encode()

    def answer(self, path: str, base: str, headers: dict[str, str]) -> tuple[int, str, bytes, dict[str, str]]:
        if path == "/robots.txt":
            return (200, "text/plain", self.robots.encode(), {}) if self.robots else (404, "text/plain", b"", {})
        if path == "/feed.rss":
            if self.feed_is_html:
                return 200, "text/html", b"<!DOCTYPE html><html><body><h1>We moved!</h1></body></html>", {}
            body = self.feed(base)
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if headers.get("if-none-match") == etag:
                return 304, "application/rss+xml", b"", {"ETag": etag}
            return 200, "application/rss+xml", body, {"ETag": etag, "Last-Modified": "Sat, 14 Mar 2026 09:00:00 GMT"}
        article = self.aliases.get(path, path)
        if article in ARTICLES:
            return 200, "text/html; charset=utf-8", page(article), {}
        return 404, "text/html", b"<html>not found</html>", {}

    def requests_for(self, path: str) -> list[int]:
        return [status for p, status, _agent in self.log if p == path]


@contextmanager
def serving(site: Site, port: int = 0) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 (``port`` 0: any free one; a port again to bring a stopped site back)."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            base = f"http://{self.headers['Host']}"
            lowered = {k.lower(): v for k, v in self.headers.items()}
            status, content_type, body, extra = site.answer(self.path, base, lowered)
            site.log.append((self.path, status, self.headers.get("User-Agent", "")))
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in extra.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture(scope="module")
def engine() -> Iterator[Summarizer]:
    with Summarizer("none") as summarizer:
        yield summarizer


def watcher(sources: list[Source], engine: Summarizer, store: Store, out: Path, clock: Clock | None = None) -> Watcher:
    return Watcher(
        sources, engine, store, out=out, polite=Polite(0), clock=clock or Clock(dt.datetime(2026, 3, 14, 10, 0))
    )


def digest_json(out: Path, day: dt.date = DAY) -> dict:
    return json.loads((out / f"digest-{day}.json").read_text())


def test_a_second_poll_is_a_304_and_a_new_item_is_briefed_into_todays_digest(
    engine: Summarizer, tmp_path: Path
) -> None:
    site = Site()
    site.items = ["/news/bridge.html", "/news/orchard.html"]
    with serving(site) as base, Store(tmp_path / "s.sqlite") as store:
        watch = watcher([Source(f"{base}/feed.rss", "feed")], engine, store, tmp_path / "out")
        first = watch.poll()
        assert (first.polled, first.new, first.made, first.failures) == (1, 2, 2, [])
        assert {a["title"] for a in digest_json(tmp_path / "out")["articles"]} == {
            ARTICLES["/news/bridge.html"][0],
            ARTICLES["/news/orchard.html"][0],
        }
        assert {p.suffix for p in first.written} == {".md", ".html", ".json"}
        assert all("groundbrief/" in agent for _p, _s, agent in site.log)  # the project names itself

        second = watch.poll()  # nothing changed: the server answers 304, no page is fetched again
        assert (second.unchanged, second.new, second.made, second.digest) == (1, 0, 0, None)
        assert site.requests_for("/feed.rss") == [200, 304]
        assert site.requests_for("/news/bridge.html") == [200]

        site.items.append("/news/library.html")
        third = watch.poll()
        assert (third.new, third.made) == (1, 1)
        assert site.requests_for("/news/bridge.html") == [200]  # items seen before are not fetched again
        assert len(digest_json(tmp_path / "out")["articles"]) == 3
        assert third.digest is not None and len(third.digest.stories) == 3

        again = watcher([Source(f"{base}/feed.rss", "feed")], engine, store, tmp_path / "out")
        site.items.append("/news/bridge.html?utm=again")  # a new link to a known article, after a restart
        site.aliases["/news/bridge.html?utm=again"] = "/news/bridge.html"
        restarted = again.poll()
        assert (restarted.made, restarted.new) == (0, 0)  # the day is read back from the store, no model call
        assert restarted.digest is None  # nothing new: the digest is left as it was


def test_duplicate_items_make_one_brief(engine: Summarizer, tmp_path: Path) -> None:
    site = Site()
    site.items = ["/news/orchard.html", "/news/orchard.html", "/copy/orchard.html"]
    site.aliases["/copy/orchard.html"] = "/news/orchard.html"
    with serving(site) as base, Store(tmp_path / "s.sqlite") as store:
        report = watcher([Source(f"{base}/feed.rss", "feed")], engine, store, tmp_path / "out").poll()
    assert (report.new, report.made, report.reused) == (1, 1, 1)
    articles = digest_json(tmp_path / "out")["articles"]
    assert len(articles) == 1 and len(articles[0]["sources"]) == 2
    assert site.requests_for("/news/orchard.html") == [200]  # the repeated link is fetched once


def test_a_dead_server_is_one_warning_per_poll_then_backs_off_and_the_digest_file_is_kept(
    engine: Summarizer, tmp_path: Path
) -> None:
    site = Site()
    site.items = ["/news/bridge.html"]
    out = tmp_path / "out"
    with Store(tmp_path / "s.sqlite") as store:
        with serving(site) as base:
            feed = Source(f"{base}/feed.rss", "feed")
            watch = watcher([feed], engine, store, out)
            assert watch.poll().made == 1
        written = {p.name: p.read_bytes() for p in out.iterdir()}

        down = watch.poll()  # the server is gone
        assert down.polled == 0 and down.failed_sources == 1 and len(down.failures) == 1
        assert "cannot reach the server" in down.failures[0] and "tried again next poll" in down.failures[0]
        assert {p.name: p.read_bytes() for p in out.iterdir()} == written  # the finished digest is untouched

        again = watch.poll()  # retried, fails again: now it sits out one poll
        assert again.failed_sources == 1 and "next try in 2 polls" in again.failures[0]
        resting = watch.poll()
        assert (resting.waiting, resting.failures) == (1, [])

        site.items.append("/news/library.html")
        with serving(site, port=int(base.rsplit(":", 1)[1])):
            back = watch.poll()
        assert (back.polled, back.new, back.made, back.failures) == (1, 1, 1, [])
        assert len(digest_json(out)["articles"]) == 2
    assert [backoff(n) for n in range(1, 7)] == [0, 1, 3, 7, 8, 8]


def test_a_feed_that_turned_into_html_is_one_line_and_skipped(engine: Summarizer, tmp_path: Path) -> None:
    site = Site()
    site.items = ["/news/bridge.html"]
    with serving(site) as base, Store(tmp_path / "s.sqlite") as store:
        watch = watcher([Source(f"{base}/feed.rss", "feed")], engine, store, tmp_path / "out")
        watch.poll()
        before = (tmp_path / "out" / f"digest-{DAY}.md").read_bytes()
        site.feed_is_html = True
        report = watch.poll()
    assert len(report.failures) == 1 and "is not an RSS or Atom feed now (text/html)" in report.failures[0]
    assert report.digest is None and (tmp_path / "out" / f"digest-{DAY}.md").read_bytes() == before


def test_robots_txt_is_obeyed(engine: Summarizer, tmp_path: Path) -> None:
    site = Site()
    site.items = ["/private/memo.html", "/news/library.html"]
    site.robots = "User-agent: *\nDisallow: /private/\n"
    with serving(site) as base, Store(tmp_path / "s.sqlite") as store:
        report = watcher([Source(f"{base}/feed.rss", "feed")], engine, store, tmp_path / "out").poll()
    assert (report.new, report.skipped) == (1, 1)
    assert site.requests_for("/private/memo.html") == []  # never fetched
    assert site.requests_for("/robots.txt") == [200]  # read once for the host, then cached
    skipped = digest_json(tmp_path / "out")["skipped"]
    assert [s["source"].endswith("/private/memo.html") for s in skipped] == [True]
    assert "robots.txt" in skipped[0]["reason"]


def test_the_day_rolls_over_at_midnight_and_yesterdays_digest_stays(engine: Summarizer, tmp_path: Path) -> None:
    site = Site()
    site.items = ["/news/bridge.html"]
    clock = Clock(dt.datetime(2026, 3, 14, 23, 58))
    out = tmp_path / "out"
    with serving(site) as base, Store(tmp_path / "s.sqlite") as store:
        watch = watcher([Source(f"{base}/feed.rss", "feed")], engine, store, out, clock)
        assert watch.poll().day == DAY
        yesterday_file = (out / f"digest-{DAY}.json").read_bytes()
        yesterday_stored = store.digest_json(DAY)

        clock.now = dt.datetime(2026, 3, 15, 0, 13)
        site.items.append("/news/orchard.html")
        report = watch.poll()
        assert report.day == DAY + dt.timedelta(days=1) and (report.new, report.made) == (1, 1)
        assert [a["title"] for a in digest_json(out, report.day)["articles"]] == [ARTICLES["/news/orchard.html"][0]]
        assert (out / f"digest-{DAY}.json").read_bytes() == yesterday_file
        assert store.digest_json(DAY) == yesterday_stored
        assert store.digest_days() == [DAY, report.day]


def test_opml_and_url_lists_are_sources(tmp_path: Path) -> None:
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>'
        '<outline text="World"><outline text="A" type="rss" xmlUrl="https://a.example/rss"/>'
        '<outline text="B" xmlUrl="https://b.example/atom.xml"/></outline>'
        '<outline text="No feed" htmlUrl="https://c.example/"/></body></opml>'
    )
    urls = tmp_path / "urls.txt"
    urls.write_text("# morning list\nhttps://a.example/one.html\n\nhttps://a.example/one.html\n")
    sources = watch_sources(["https://a.example/rss", str(urls)], [opml])
    assert sources == [
        Source("https://a.example/rss", "feed"),
        Source(str(urls), "list"),
        Source("https://b.example/atom.xml", "feed"),
    ]


def test_polite_waits_between_requests_to_one_host() -> None:
    now = [100.0]
    slept: list[float] = []

    def fetched(url: str, **_options: object) -> object:
        if url.endswith("/robots.txt"):
            from summarizer.ingest.fetch import FetchError

            raise FetchError("no robots.txt", 404)
        return object()

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    polite = Polite(1.0, fetch=fetched, sleep=sleep, monotonic=lambda: now[0])  # type: ignore[arg-type]
    polite.get("http://one.example/a")  # robots.txt, then the page: one second apart
    polite.get("http://one.example/b")  # robots.txt is cached: the page, a second after the last
    now[0] += 0.25
    polite.get("http://one.example/c")  # a quarter of the second has passed already
    polite.get("http://two.example/a")  # another host: its robots.txt at once, then its page
    assert slept == [1.0, 1.0, 0.75, 1.0]


def test_the_cli_polls_once_from_opml_and_a_url_list(tmp_path: Path) -> None:
    site = Site()
    site.items = ["/news/bridge.html"]
    with serving(site) as base:
        opml = tmp_path / "feeds.opml"
        opml.write_text(f'<opml version="2.0"><body><outline xmlUrl="{base}/feed.rss"/></body></opml>')
        urls = tmp_path / "urls.txt"
        urls.write_text(f"{base}/news/library.html\n{base}/missing.html\n")
        done = run_cli(
            "watch", str(urls), "--opml", str(opml), "--once", "--model", "none", "--delay", "0",
            "--store", str(tmp_path / "s.sqlite"), "--out", str(tmp_path / "out"),
        )  # fmt: skip
    assert done.returncode == 0, done.stderr
    status = done.stderr.strip().splitlines()[-1]
    assert "2/2 sources polled, 2 new articles, 2 briefs made, 0 failures" in status
    today = dt.date.today().isoformat()
    assert f"digest {today}: 2 stories" in status
    assert {p.name for p in (tmp_path / "out").iterdir()} == {f"digest-{today}.{s}" for s in ("md", "html", "json")}
    skipped = json.loads((tmp_path / "out" / f"digest-{today}.json").read_text())["skipped"]
    assert [s["reason"] for s in skipped] == ["the server answered 404; check the URL"]


def test_a_stop_during_a_poll_ends_it_after_the_article_in_flight(engine: Summarizer, tmp_path: Path) -> None:
    site = Site()
    site.items = ["/news/bridge.html", "/news/orchard.html", "/news/library.html"]
    with serving(site) as base, Store(tmp_path / "s.sqlite") as store:
        watch = watcher([Source(f"{base}/feed.rss", "feed")], engine, store, tmp_path / "out")
        fetch_page = watch.polite.get

        def get_then_stop(url: str, headers: dict[str, str] | None = None) -> object:
            got = fetch_page(url, headers)
            if url.endswith("/news/bridge.html"):
                watch.stop.set()  # Ctrl-C while the first article is being fetched and briefed
            return got

        watch.polite.get = get_then_stop  # type: ignore[method-assign]
        stopped = watch.poll()
        assert stopped.stopped and (stopped.new, stopped.made) == (1, 1)
        assert len(digest_json(tmp_path / "out")["articles"]) == 1  # what was briefed is in the digest
        assert site.requests_for("/news/orchard.html") == []

        watch.stop.clear()
        watch.polite.get = fetch_page  # type: ignore[method-assign]
        resumed = watch.poll()  # the feed is read again (no 304: two items were never settled)
        assert site.requests_for("/feed.rss") == [200, 200] and (resumed.new, resumed.made) == (2, 2)


def test_sigterm_stops_the_watch_loop_with_status_0(tmp_path: Path) -> None:
    site = Site()
    site.items = ["/news/library.html"]
    with serving(site) as base:
        watching = subprocess.Popen(
            [sys.executable, "-m", "summarizer", "watch", f"{base}/feed.rss", "--every", "1m", "--model", "none",
             "--delay", "0", "--store", str(tmp_path / "s.sqlite"), "--out", str(tmp_path / "out")],
            stderr=subprocess.PIPE, text=True, env=cli_env(),
        )  # fmt: skip
        assert watching.stderr is not None
        lines = []
        for line in watching.stderr:
            lines.append(line)
            if "next poll" in line:
                break
        watching.send_signal(signal.SIGTERM)
        rest = watching.communicate(timeout=30)[1]
    assert watching.returncode == 0, "".join(lines) + rest
    assert "1/1 sources polled, 1 new article, 1 brief made, 0 failures" in lines[-1]
    assert "stopping after the article in flight" in rest


def test_a_store_of_version_2_gains_the_watch_tables(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    Store(path).close()
    with sqlite3.connect(path) as db:
        db.execute("DROP TABLE watch_feeds")
        db.execute("DROP TABLE watch_items")
        db.execute("PRAGMA user_version = 2")
    with Store(path) as store:
        store.put_feed_state(FeedState("https://a.example/rss", '"v1"', None, 2, 1))
        assert store.feed_state("https://a.example/rss") == FeedState("https://a.example/rss", '"v1"', None, 2, 1)
        assert store.feed_state("https://b.example/rss") == FeedState("https://b.example/rss")
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == STORE_VERSION == 3


def test_a_failed_brief_is_tried_again_next_poll_and_after_a_restart(
    engine: Summarizer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = Site()
    site.items = ["/news/orchard.html"]
    out = tmp_path / "out"
    made = engine.summarize_recorded

    def model_down(*_args: object, **_kwargs: object) -> object:
        raise TransientBackendError("the model server did not answer (ConnectError); try again later")

    with serving(site) as base, Store(tmp_path / "s.sqlite") as store:
        feed = [Source(f"{base}/feed.rss", "feed")]
        monkeypatch.setattr(engine, "summarize_recorded", model_down)
        first = watcher(feed, engine, store, out)
        down = first.poll()
        assert (down.new, down.made, down.digest) == (1, 0, None) and not out.exists()  # nothing to show yet
        assert len(down.failures) == 1 and "no brief (the model server did not answer" in down.failures[0]
        still_down = first.poll()  # the feed is unchanged (304), the failed brief is tried again
        assert still_down.unchanged == 1 and len(still_down.failures) == 1 and "no brief" in still_down.failures[0]

        monkeypatch.setattr(engine, "summarize_recorded", made)
        restarted = watcher(feed, engine, store, out).poll()  # a new process: the article is read back, briefed
        assert (restarted.new, restarted.made, restarted.unchanged, restarted.failures) == (0, 1, 1, [])
        assert restarted.digest is not None and len(digest_json(out)["articles"]) == 1
        assert site.requests_for("/news/orchard.html") == [200]  # from the store, not fetched again
