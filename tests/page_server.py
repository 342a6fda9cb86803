"""Web pages served from 127.0.0.1 for the URL and HTML input tests; never the internet.

The article page wraps the seed article's real text in the markup a news
site adds around it (navigation, share buttons, footer).
"""

from __future__ import annotations

import html
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler

from tests.conftest import SEED
from tests.fault_server import serving


def article_page() -> bytes:
    """The seed article in a news site's page; tests that fetch it are marked ``requires_seed``."""
    lines = SEED.read_text().split("\n\n")
    title, paragraphs = lines[0].strip(), [p.strip() for p in lines[1:] if p.strip()]
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} | Sahel Wire</title>
<meta property="og:site_name" content="Sahel Wire">
<meta property="og:title" content="{html.escape(title)}">
<meta name="author" content="Staff reporter">
<meta property="article:published_time" content="2025-08-20T09:30:00Z">
</head><body>
<nav><a href="/">Home</a> | <a href="/africa">Africa</a> | <a href="/login">Log in</a></nav>
<article><h1>{html.escape(title)}</h1>
<div class="share">Share on X · Share on Facebook</div>
{body}
</article>
<footer>© Sahel Wire. All rights reserved. <a href="/privacy">Privacy</a></footer>
</body></html>""".encode()


NO_ARTICLE = (
    b"<!DOCTYPE html><html><head><title>Log in</title></head><body><nav>Home</nav><form>Log in</form></body></html>"
)
ROUTES: dict[str, tuple[int, str, bytes]] = {
    "/login.html": (200, "text/html", NO_ARTICLE),
    "/photo.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
    "/huge.html": (200, "text/html", b"<html><body>" + b"<p>word </p>" * 600_000 + b"</body></html>"),
}


if SEED.is_file():  # the agency seed is never shipped: without it these two pages answer 404
    ROUTES["/article.html"] = (200, "text/html; charset=utf-8", article_page())
    ROUTES["/plain.txt"] = (200, "text/plain; charset=utf-8", SEED.read_bytes())


@contextmanager
def page_server() -> Iterator[str]:
    """Serve ROUTES, plus /missing (404), /slow (hangs 3 s), /loop (redirects forever), /drip (a byte every 0.3 s), /drip-headers (the same, before the headers end)."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/drip":
                self._drip()
                return
            if self.path == "/drip-headers":
                self._drip_headers()
                return
            if self.path.startswith("/feed."):
                self._feed(self.path.removeprefix("/feed."))
                return
            if self.path == "/slow":
                time.sleep(3)
            if self.path == "/loop":
                self.send_response(302)
                self.send_header("Location", "/loop")
                self.end_headers()
                return
            status, content_type, body = ROUTES.get(self.path, (404, "text/html", b"<html>not found</html>"))
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def _feed(self, kind: str) -> None:
            """An RSS feed served as ``application/rss+xml`` (/feed.rss), Atom (/feed.atom) or ``text/xml`` (/feed.xml)."""
            link = f"http://{self.headers['Host']}/article.html"
            if kind == "atom":
                content_type, body = (
                    "application/atom+xml",
                    (
                        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Sahel Wire</title>'
                        f'<entry><title>Plot</title><id>1</id><link href="{link}"/></entry></feed>'
                    ),
                )
            else:
                content_type = "application/rss+xml" if kind == "rss" else "text/xml"
                body = (
                    '<?xml version="1.0"?><rss version="2.0"><channel><title>Sahel Wire</title>'
                    f"<item><title>Plot</title><link>{link}</link></item></channel></rss>"
                )
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _drip_headers(self) -> None:
            """Headers that never finish: a byte every 0.3 s, each well within any per-read timeout."""
            try:
                for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: " + b"x" * 60:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.3)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def _drip(self) -> None:
            """A page that never stops arriving: each byte comes well within any per-read timeout."""
            try:
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                for byte in b"<!DOCTYPE html><html><head><title>Dripping</title></head><body><p>" + b"x" * 60:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.3)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *_args: object) -> None:
            return None

    with serving(Handler) as base:
        yield base
