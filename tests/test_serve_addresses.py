"""``summarizer serve`` fetches public addresses only (server-side request forgery), unless it is started with
``--allow-private-urls``; the command line still reads pages on 127.0.0.1. No network: the pages are on loopback.
"""

from __future__ import annotations

from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any, ClassVar

import pytest
from fastapi.testclient import TestClient

from summarizer.brief.engine import Summarizer
from summarizer.digest.store import Store
from summarizer.ingest.addresses import public_only, refused_address
from summarizer.ingest.article import read_article
from summarizer.ingest.fetch import FetchError, fetch
from summarizer.serve import create_app
from tests.fault_server import serving
from tests.test_serve import is_problem, until

STORY = [
    "The ferry to Lunholm sailed again on Friday after a week of storms had kept it in port, its operator said.",
    "Crews checked the hull in dry dock at Sedge Point on Wednesday and found no damage, according to the "
    "operator's harbour master, who said the first crossing carried forty passengers and two supply lorries.",
    "Islanders had relied on a fishing boat for medicine and mail during the closure. The council said it would "
    "review how the island is supplied when the ferry cannot sail, and report to residents next month.",
]
PAGE = (
    "<html><head><title>Ferry returns</title></head><body><article><h1>Lunholm ferry sails again</h1>"
    + "".join(f"<p>{paragraph}</p>" for paragraph in STORY)
    + "</article></body></html>"
).encode()
REFUSED = "loopback, private or link-local address"


class Pages(BaseHTTPRequestHandler):
    """An article at /ferry.html; /hop redirects to ``target``. Every path asked is kept in ``asked``."""

    asked: ClassVar[list[str]] = []
    target: ClassVar[str] = ""

    def do_GET(self) -> None:
        type(self).asked.append(self.path)
        if self.path == "/hop":
            self.send_response(302)
            self.send_header("Location", type(self).target)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def pages() -> Iterator[str]:
    Pages.asked = []
    with serving(Pages) as base:
        yield base


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "store.sqlite") as opened:
        yield opened


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1", "localhost", "::1", "[::1]", "::ffff:127.0.0.1", "0.0.0.0", "169.254.169.254", "10.2.3.4",
     "172.16.9.1", "192.168.0.10", "100.64.1.1", "fd00::5", "fe80::1", "224.0.0.251"],
)  # fmt: skip
def test_addresses_outside_the_public_internet_are_refused(host: str) -> None:
    assert refused_address(host) is not None
    with pytest.raises(FetchError, match=REFUSED):
        public_only(host)


def test_public_addresses_pass() -> None:
    for host in ("93.184.215.14", "2606:4700:4700::1111", "8.8.4.4"):  # literals: no name to resolve
        assert refused_address(host) is None
        public_only(host)


def test_a_redirect_is_checked_too(pages: str) -> None:
    Pages.target = pages.replace("127.0.0.1", "localhost") + "/ferry.html"
    seen: list[str] = []

    def only_the_first_host(host: str) -> None:
        seen.append(host)
        if host == "localhost":
            raise FetchError(f"{host}: refused by the test")

    with pytest.raises(FetchError, match="refused by the test"):
        fetch(f"{pages}/hop", check_host=only_the_first_host)
    assert seen == ["127.0.0.1", "localhost"] and Pages.asked == ["/hop"]  # the page behind it was never asked


def test_the_command_line_still_reads_a_page_on_loopback(pages: str) -> None:
    assert "Lunholm" in read_article(f"{pages}/ferry.html").text


def test_the_server_refuses_pages_on_its_own_network_for_briefs_and_digests(pages: str, store: Store) -> None:
    with TestClient(create_app(Summarizer("none"), store)) as client:
        refused = is_problem(client.post("/v1/briefs?wait=20", json={"url": f"{pages}/ferry.html"}), 422)
        assert REFUSED in refused["detail"]
        job = client.post("/v1/digests", json={"urls": [f"{pages}/ferry.html"], "date": "2026-04-03"}).json()["id"]
        failed = until(lambda: (j := client.get(f"/v1/jobs/{job}").json())["state"] == "failed" and j)
        assert REFUSED in failed["error"]
    assert Pages.asked == [] and store.count_briefs() == 0


def test_allow_private_urls_lets_the_server_read_them(pages: str, store: Store) -> None:
    with TestClient(create_app(Summarizer("none"), store, allow_private_urls=True)) as client:
        made = client.post("/v1/briefs?wait=20", json={"url": f"{pages}/ferry.html"})
        assert made.status_code == 200, made.text
    assert Pages.asked == ["/ferry.html"] and store.count_briefs() == 1
