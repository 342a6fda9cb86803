"""The pages at ``/`` (issue 26, item 2): the day's digest, a story with its briefs and evidence marked in the
article's own text, the story across days, search; over HTTP and in a real Chromium.

The digests are built by the digest code on the ``none`` backend from this file's own articles: a footbridge
closed in the town of Wrenmouth (two outlets, then a second day), a ferry strike, and an article whose title,
outlet and URL are hostile.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi.testclient import TestClient

from summarizer.brief.engine import Summarizer
from summarizer.digest.build import build_digest
from summarizer.digest.schema import Digest
from summarizer.digest.store import STORE_VERSION, Store
from summarizer.ingest.article import Article
from summarizer.serve import create_app
from summarizer.serve.evidence import mark
from summarizer.serve.keys import ApiKeys
from summarizer.serve.search import SearchIndex, terms
from tests import components
from tests.test_serve import KEY, free_port, until

DAY1, DAY2 = dt.date(2026, 4, 7), dt.date(2026, 4, 8)
HOSTILE_TITLE = '<script>window.hostile = "title"</script>Quarry fire near Selby Moor'
HOSTILE_OUTLET = "<img src=x onerror=\"window.hostile = 'outlet'\">Moor Post"
HOSTILE_URL = "javascript:window.hostile='url'"
FIRST = [
    {
        "title": "Wrenmouth footbridge closed after flood damage",
        "outlet": "Estuary Chronicle",
        "url": "https://estuary-chronicle.example/footbridge",
        "published": DAY1.isoformat(),
        "text": "The Wrenmouth footbridge over the river Alder was closed on Monday after floodwater damaged its "
        "eastern ramp, the town council said. Council engineer Mira Castell said the ramp had shifted by ten "
        "centimetres. Pedestrians will be sent across the Kingsgate road bridge until repairs are done.",
    },
    {
        "title": "Flood shuts Wrenmouth footbridge",
        "outlet": "Alder Valley News",
        "url": "https://alder-valley.example/bridge",
        "published": DAY1.isoformat(),
        "text": "Wrenmouth's footbridge across the Alder was shut on Monday because floodwater damaged a ramp, "
        "according to the town council. Mira Castell, the council's engineer, said walkers should use the "
        "Kingsgate road bridge for now.",
    },
    {
        "title": HOSTILE_TITLE,
        "outlet": HOSTILE_OUTLET,
        "url": HOSTILE_URL,
        "published": DAY1.isoformat(),
        "text": "A fire broke out at a disused quarry near Selby Moor on Monday evening, the county fire service "
        "said. Crews from Harlow Cross and Denby Vale kept it from spreading to nearby heath.",
    },
]
SECOND = [
    {
        "title": "Wrenmouth footbridge repairs to take six weeks",
        "outlet": "Estuary Chronicle",
        "url": "https://estuary-chronicle.example/footbridge-repairs",
        "published": DAY2.isoformat(),
        "text": "Repairs to the Wrenmouth footbridge over the river Alder will take six weeks, the town council "
        "said on Tuesday. Council engineer Mira Castell said floodwater had shifted the eastern ramp. Pedestrians "
        "are using the Kingsgate road bridge meanwhile.",
    },
    {
        "title": "Ferry crews at Portlow walk out",
        "outlet": "Harbour Lines",
        "url": "https://harbour-lines.example/strike",
        "published": DAY2.isoformat(),
        "text": "Ferry crews at Portlow went on strike on Tuesday over pay, their union said. The ferry operator "
        "Tidewell said services to Gannet Isle would stop until Thursday.",
    },
]


def fill(store: Store) -> list[Digest]:
    """Two days' digests, built and kept as `summarizer digest` keeps them."""
    engine = Summarizer("none")
    return [
        build_digest([Article(**a) for a in articles], summarizer=engine, store=store, day=day)
        for day, articles in ((DAY1, FIRST), (DAY2, SECOND))
    ]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, list[Digest]]]:
    with Store(tmp_path_factory.mktemp("pages") / "store.sqlite") as store:
        yield store, fill(store)


@pytest.fixture(scope="module")
def client(built: tuple[Store, list[Digest]]) -> Iterator[TestClient]:
    with TestClient(create_app(Summarizer("none"), built[0])) as opened:
        yield opened


class Marks(HTMLParser):
    """A page's ``<mark id>`` texts and its links, read as a browser would (nested marks each get their text)."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.texts: dict[str, str] = {}
        self.hrefs: list[str] = []
        self._open: list[str | None] = []
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "mark":
            self._open.append(found.get("id"))
            if found.get("id"):
                self.texts[str(found["id"])] = ""
        elif tag == "a" and found.get("href") is not None:
            self.hrefs.append(str(found["href"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for name in self._open:
            if name:
                self.texts[name] += data


def story_of(digest: Digest, words: str) -> Any:
    return next(s for s in digest.stories if words in s.headline)


def test_the_front_page_is_the_latest_stored_day_with_its_stories_and_a_date_picker(
    client: TestClient, built: tuple[Store, list[Digest]]
) -> None:
    day2 = built[1][1]
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert f"<h1>Digest for {DAY2}</h1>" in page.text and f"none yet for {dt.date.today()}" in page.text
    for landmark in ("<header", "<nav", "<main", "<footer", 'role="search"'):
        assert landmark in page.text
    links = Marks(page.text).hrefs
    for story in day2.stories:
        assert f"/days/{DAY2}/stories/{story.id}" in links
        assert story.headline in page.text and story.summary in page.text
    assert {f"/days/{DAY1}", f"/days/{DAY2}"} <= set(links)
    assert '<label for="pick-date">' in page.text and 'name="date"' in page.text
    picked = client.get("/", params={"date": DAY1.isoformat()}, follow_redirects=False)
    assert picked.status_code == 303 and picked.headers["location"] == f"/days/{DAY1}"
    assert client.get(f"/days/{DAY1}").text.count('class="story"') == len(built[1][0].stories)
    for bad in ("/?date=soon", "/days/soon", "/days/2026-02-30/stories/story-1"):
        answer = client.get(bad)
        assert answer.status_code == 422 and answer.headers["content-type"].startswith("text/html"), bad
    missing = client.get("/days/2020-01-01")
    assert missing.status_code == 404 and f'href="/days/{DAY1}"' in missing.text  # names the stored days
    assert headings_in_order(page.text) and headings_in_order(client.get("/search?q=Castell").text)
    assert "script-src" not in page.headers["content-security-policy"]  # no script may run on a page
    assert all(
        not path.startswith(("/days", "/search", "/login")) for path in client.get("/openapi.json").json()["paths"]
    )


def test_every_item_of_a_story_links_to_its_evidence_marked_in_the_articles_own_text(
    client: TestClient, built: tuple[Store, list[Digest]]
) -> None:
    day1 = built[1][0]
    story = story_of(day1, "footbridge")
    page = client.get(f"/days/{DAY1}/stories/{story.id}")
    assert page.status_code == 200
    read = Marks(page.text)
    articles = {a.id: a for a in day1.articles}
    assert len(story.articles) == 2
    checked = 0
    for article_id in story.articles:
        article = articles[article_id]
        brief = article.brief
        spans = [e.evidence[0] for e in brief.what] + [x.mention for x in (*brief.who, *brief.where, *brief.when)]
        spans += [s.evidence[0] for s in brief.sources]
        for span in spans:
            anchor = f"ev-{article_id}-{span.start}-{span.end}"
            assert f"#{anchor}" in read.hrefs
            assert read.texts[anchor] == article.text[span.start : span.end] == span.text
            checked += 1
    for event in story.events:  # the story's own items link to the same marks
        for report in event.reports:
            quote = report.citation.quote
            assert read.texts[f"ev-{report.citation.article}-{quote.start}-{quote.end}"] == quote.text
    assert checked >= 8
    assert headings_in_order(page.text)
    assert story.headline in page.text and all(a["url"] in page.text for a in FIRST[:2])


def test_a_story_shows_its_telling_on_every_stored_day_with_what_changed(
    client: TestClient, built: tuple[Store, list[Digest]]
) -> None:
    first = story_of(built[1][0], "footbridge")
    later = story_of(built[1][1], "footbridge")
    assert later.changes is not None and not later.changes.empty
    page = client.get(f"/days/{DAY2}/stories/{later.id}").text
    assert f'href="/days/{DAY1}/stories/{first.id}"' in page and first.headline in page
    assert "Across the days" in page and f"Uncertainty {later.changes.uncertainty.before}" in page  # type: ignore[union-attr]
    read = Marks(page)
    for source in later.changes.sources:  # what is new links to where today's article says it
        quote = source.citation.quote
        assert f"#ev-{source.citation.article}-{quote.start}-{quote.end}" in read.hrefs
        assert read.texts[f"ev-{source.citation.article}-{quote.start}-{quote.end}"] == quote.text
    assert later.changes.sources
    latest = client.get(f"/stories/{first.id}", follow_redirects=False)
    assert latest.status_code == 303 and latest.headers["location"] == f"/days/{DAY2}/stories/{later.id}"
    assert client.get("/stories/story-00000000").status_code == 404


def test_search_finds_names_places_and_words_and_links_to_their_stories(
    client: TestClient, built: tuple[Store, list[Digest]]
) -> None:
    def hits(query: str) -> list[str]:
        page = client.get("/search", params={"q": query})
        assert page.status_code == 200
        return [h for h in Marks(page.text).hrefs if h.startswith("/days/") and "#article-" in h]

    castell = hits("Castell")  # a name, in both days' footbridge stories
    assert {h.split("/stories/")[0] for h in castell} == {f"/days/{DAY1}", f"/days/{DAY2}"}
    for link in castell:
        path, article = link.split("#")
        assert f'id="{article}"' in client.get(path).text
    portlow = hits("Portlow")  # a place
    assert len(portlow) == 1 and story_of(built[1][1], "Ferry").id in portlow[0]
    assert hits("Castéll") == castell  # accents do not matter
    weeks = hits("flood weeks")  # every word must match; 'flood' also finds the second day's 'floodwater'
    assert len(weeks) == 1 and weeks[0].startswith(f"/days/{DAY2}/")
    assert hits("Castell Portlow") == []
    assert hits('" OR NEAR( * ^') == []  # FTS5 syntax is only words here
    assert "<mark>Castell</mark>" in client.get("/search", params={"q": "castell"}).text
    assert terms('a "b" c*') == ['"a"*', '"b"*', '"c"*']


def test_hostile_titles_outlets_and_urls_stay_text(client: TestClient, built: tuple[Store, list[Digest]]) -> None:
    quarry = story_of(built[1][0], "Quarry")
    pages = [
        client.get(f"/days/{DAY1}").text,
        client.get(f"/days/{DAY1}/stories/{quarry.id}").text,
        client.get("/search", params={"q": "quarry"}).text,
    ]
    for page in pages:
        assert "<script" not in page and "<img" not in page
        assert "&lt;script&gt;window.hostile" in page
        assert all(not href.lower().startswith(("javascript:", "data:")) for href in Marks(page).hrefs)
    assert "Moor Post" in pages[1] and "&lt;img src=x onerror=" in pages[1]


def test_a_server_with_keys_asks_a_browser_for_one_and_keeps_it_in_a_strict_cookie(
    built: tuple[Store, list[Digest]],
) -> None:
    with TestClient(create_app(Summarizer("none"), built[0], keys=ApiKeys([KEY]))) as keyed:
        asked = keyed.get(f"/days/{DAY1}?x=1", follow_redirects=False)
        assert asked.status_code == 303 and asked.headers["location"] == f"/login?next=%2Fdays%2F{DAY1}%3Fx%3D1"
        assert keyed.get("/search", params={"q": "Castell"}, follow_redirects=False).status_code == 303
        form = keyed.get("/login", params={"next": "/"})
        assert form.status_code == 200 and '<label for="key">' in form.text
        wrong = keyed.post("/login", content=b"key=nope&next=%2F", headers={"content-type": FORM})
        assert wrong.status_code == 401 and "summarizer_key" not in wrong.headers.get("set-cookie", "")
        away = keyed.post(
            "/login",
            content=f"key={KEY}&next=//evil.example/".encode(),
            headers={"content-type": FORM},
            follow_redirects=False,
        )
        assert away.status_code == 303 and away.headers["location"] == "/"
        for elsewhere in ("/\t/evil.example/", "/\\evil.example/", "https://evil.example/"):
            assert keyed.get("/login", params={"next": elsewhere}).text.count('name="next" value="/"') == 1
        cookie = away.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=strict" in cookie
        assert keyed.get(f"/days/{DAY1}").status_code == 200  # the client kept the cookie
        assert keyed.get(f"/v1/digests/{DAY1}").status_code == 401  # the API still wants the header


FORM = "application/x-www-form-urlencoded"


def test_marks_nest_and_a_crossing_span_links_to_the_mark_holding_its_start() -> None:
    text = "Ana Ruiz spoke. The mayor left early."
    marked = mark("a1", text, [(0, 15), (0, 8), (10, 20), (16, 37), (30, 99), (5, 5)])
    shown = "".join(value for kind, value in marked.tokens if kind == "text")
    assert shown == text
    assert marked.target(0, 8) == "ev-a1-0-8" and marked.target(16, 37) == "ev-a1-16-37"
    assert marked.target(10, 20) == "ev-a1-0-15"  # crosses the first sentence: its start is there
    assert marked.target(30, 99) is None and marked.target(5, 5) is None
    opened = [kind for kind, _ in marked.tokens]
    assert opened.count("open") == opened.count("close") == 3


def test_the_search_index_follows_the_store_when_a_day_is_stored_or_built_again(
    tmp_path: Path, built: tuple[Store, list[Digest]]
) -> None:
    day1, day2 = built[1]
    with Store(tmp_path / "other.sqlite") as store, TestClient(create_app(Summarizer("none"), store)) as fresh:
        assert "No digest is stored yet" in fresh.get("/").text
        store.put_digest(DAY1, day1.model_dump_json())
        assert "Portlow" not in fresh.get("/search", params={"q": "Portlow"}).text.split("</h2>")[1]
        store.put_digest(DAY2, day2.model_dump_json())
        assert f"/days/{DAY2}/stories/" in fresh.get("/search", params={"q": "Portlow"}).text
        store.put_digest(DAY2, day1.model_copy(update={"date": DAY2}).model_dump_json())  # the day built again
        again = fresh.get("/search", params={"q": "Portlow"}).text
        assert "0 stories" in again and f"/days/{DAY2}/stories/" in fresh.get("/search", params={"q": "quarry"}).text
    assert len(SearchIndex([day1, day2]).search("Castell")) == 2
    assert STORE_VERSION == 3  # the index lives in memory: the store gains no table


COLOURS = """e => {
    let b = e;
    while (b && getComputedStyle(b).backgroundColor === "rgba(0, 0, 0, 0)") b = b.parentElement;
    return [getComputedStyle(e).color, b ? getComputedStyle(b).backgroundColor : "rgb(255, 255, 255)"];
}"""
"""An element's text colour and the background it is drawn on (the nearest ancestor's that is not transparent)."""


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two ``rgb(r, g, b)`` colours."""

    def luminance(colour: str) -> float:
        channels = [int(c) / 255 for c in re.findall(r"\d+", colour)[:3]]
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def headings_in_order(page: str) -> bool:
    """No heading level skipped on the way down (h1 then h3 without an h2 is a hole for a screen reader)."""
    levels = [int(level) for level in re.findall(r"<h([1-6])[ >]", page)]
    return levels[:1] == [1] and all(b <= a + 1 for a, b in pairwise(levels))


@pytest.fixture(scope="module")
def live(built: tuple[Store, list[Digest]]) -> Iterator[str]:
    """The pages served by a real uvicorn on a free loopback port, in a thread of this process."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(Summarizer("none"), built[0]), port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, name="pages-server", daemon=True)
    thread.start()
    until(lambda: server.started, 30)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(30)


def test_in_a_browser_follow_a_story_click_an_item_see_its_evidence_and_search(
    live: str, built: tuple[Store, list[Digest]]
) -> None:
    day1 = built[1][0]
    story = story_of(day1, "footbridge")
    with components.page_in_chromium(f"{live}/days/{DAY1}") as opened:
        page = opened.page
        assert page.evaluate("window.hostile") is None  # the hostile title and outlet ran nothing
        assert page.locator("a[href^='javascript']").count() == 0
        page.get_by_role("link", name=story.headline).first.click()
        page.wait_for_url(f"**/days/{DAY1}/stories/{story.id}")
        assert page.locator("h1").inner_text() == story.headline
        event = day1.articles[[a.id for a in day1.articles].index(story.lead_article)].brief.what[0]
        item = page.locator("li.brief-event a").first
        assert item.inner_text() == event.description
        assert page.locator("mark:target").count() == 0
        item.click()
        target = page.locator("mark:target")
        assert target.count() == 1 and target.is_visible() and target.inner_text() == event.evidence[0].text
        assert target.evaluate("m => getComputedStyle(m).outlineStyle") == "solid"  # shown, not only in the DOM
        page.keyboard.press("Tab")  # keyboard focus is visible
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
        for selector in (".facts", "a", ".tag", "mark", "mark:target", ".status-planned", ".level-low"):
            if page.locator(selector).count():
                foreground, background = page.locator(selector).first.evaluate(COLOURS)
                assert contrast(foreground, background) >= 4.5, selector  # WCAG AA for body text
        page.get_by_label("Search briefs").fill("Portlow")
        page.get_by_label("Search briefs").press("Enter")
        page.wait_for_url("**/search?q=Portlow")
        page.locator("li.hit a").first.click()
        page.wait_for_url(f"**/days/{DAY2}/stories/*")
        assert "Portlow" in page.locator("h1").inner_text()
        page.goto(f"{live}/days/{DAY1}/stories/{story_of(day1, 'Quarry').id}")
        assert page.evaluate("window.hostile") is None
        assert HOSTILE_TITLE in page.locator("h1").inner_text()
        assert page.locator("a[href^='javascript']").count() == 0
    assert opened.problems == []
    assert all(url.startswith(live) for url in opened.requests)  # nothing fetched from anywhere else
