"""What a poll of `summarizer watch` costs beside the model: fetching, reading, storing, rebuilding the digest.

    python -m benchmarks.watch [ARTICLES]

A local site (127.0.0.1) serves one RSS feed of ARTICLES (default 20) pages,
their texts made from a template for this benchmark (fictional towns), with
an ETag. Briefs come from the ``none`` backend (rules alone), so the model's
time is left out: add the model's seconds per brief to the first and the
third poll. Timed: the first poll (every page fetched and briefed, digest
built and written), a poll of the unchanged feed (a 304), a poll with one new
item, and the first poll of a restarted watcher (the day's briefs read back
from the store and rebuilt with the rules, no model call). Prints one JSON line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

TOWNS = ["Ardmore", "Belcastel", "Corran", "Dunvale", "Eskmoor", "Farrow", "Glenhollow", "Harwick", "Isleby", "Jorvik"]
EVENTS = [
    ("opens a new ferry terminal", "The terminal cost {n} million crowns and will serve {m} passengers a day"),
    ("closes its oldest school", "Parents protested outside the town hall, where {m} people signed a petition"),
    ("floods after {n} days of rain", "Firefighters evacuated {m} homes near the river, the mayor said"),
]


def article(number: int) -> tuple[str, str]:
    town = TOWNS[number % len(TOWNS)]
    what, detail = EVENTS[number % len(EVENTS)]
    title = f"{town} {what.format(n=number + 3)}"
    text = (
        f"The town of {town} {what.format(n=number + 3)}, officials said on Monday. "
        f"{detail.format(n=number + 12, m=40 * number + 7)}. "
        f"Council spokesperson Anna Lindqvist said the decision followed a review that began in {2019 + number % 5}. "
        f"Residents will be consulted at a public meeting on {['Tuesday', 'Thursday'][number % 2]}, she added."
    )
    return title, text


def serve(items: list[int]) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            base = f"http://{self.headers['Host']}"
            extra: dict[str, str] = {}
            if self.path == "/feed.rss":
                body = (
                    '<?xml version="1.0"?><rss version="2.0"><channel><title>Bench Courier</title>'
                    + "".join(
                        f"<item><title>{article(n)[0]}</title><link>{base}/a/{n}.html</link></item>" for n in items
                    )
                    + "</channel></rss>"
                ).encode()
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    self._send(304, "application/rss+xml", b"", {"ETag": etag})
                    return
                extra = {"ETag": etag}
                self._send(200, "application/rss+xml", body, extra)
            elif self.path.startswith("/a/"):
                title, text = article(int(self.path[3:].split(".")[0]))
                page = f"<html lang='en'><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{text}</p></article></body></html>"
                self._send(200, "text/html", page.encode(), extra)
            else:
                self._send(404, "text/plain", b"", extra)

        def _send(self, status: int, content_type: str, body: bytes, extra: dict[str, str]) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in extra.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def main(count: int) -> dict[str, object]:
    from summarizer.brief.engine import Summarizer
    from summarizer.digest.store import Store
    from summarizer.ingest.article import Article
    from summarizer.watch import Polite, Watcher
    from summarizer.watch.sources import Source

    items = list(range(count))
    server, base = serve(items)
    clock = lambda: dt.datetime(2026, 5, 4, 9, 0)  # noqa: E731 - one fixed day for every poll
    timings: dict[str, object] = {"articles": count}
    with tempfile.TemporaryDirectory() as folder, Summarizer("none") as engine:
        store = Store(Path(folder) / "store.sqlite")
        feed = [Source(f"{base}/feed.rss", "feed")]

        def timed(name: str, watcher: Watcher) -> None:
            started = time.perf_counter()
            report = watcher.poll()
            timings[name] = {"seconds": round(time.perf_counter() - started, 2), "new": report.new,
                             "made": report.made, "unchanged": report.unchanged}  # fmt: skip

        engine.summarize(Article(text=article(10_000)[1]))  # load the rules' pipelines before anything is timed
        watcher = Watcher(feed, engine, store, out=Path(folder) / "out", polite=Polite(0), clock=clock)
        timed("first_poll", watcher)
        timed("unchanged_poll", watcher)
        items.append(count)
        timed("one_new_item", watcher)
        restarted = Watcher(feed, engine, store, out=Path(folder) / "out", polite=Polite(0), clock=clock)
        timed("restart_poll", restarted)
        store.close()
    server.shutdown()
    return timings


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)))
