"""The digest shows the substance of its briefs (issue 26, item 0): per story its events with status and who
reports each, its sources with what they said, its figures and where outlets differ, and what changed, each
with its evidence one click (HTML) or one footnote (Markdown) away; the lead stays short.

The digests are built from the shipped test data (tests/data/digest-day and digest-two-days) with the model's
answers replayed from the recorded cassettes by a real HTTP server on 127.0.0.1 (tests/fault_server.py): no
model runs. The rendered pages are compared with tests/rendered/ (snapshots); after a change a reader has
checked, `SUMMARIZER_UPDATE_SNAPSHOTS=1 pytest tests/test_digest_substance.py` rewrites them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest

from summarizer import Summarizer
from summarizer.digest import Digest, build_digest
from summarizer.digest.schema import Citation, Story
from summarizer.digest.store import Store
from summarizer.ingest.inputs import collect
from summarizer.llm.backends import RemoteBackend
from summarizer.llm.backends.model_store import DEFAULT_MODEL
from summarizer.render.digest_html import render_digest_html
from summarizer.render.digest_markdown import render_digest_markdown
from summarizer.render.labels import SHOWN_EVENTS, SHOWN_FIGURES, SHOWN_SOURCES
from summarizer.render.links import markdown_text
from tests import components, hostile
from tests.conftest import ROOT
from tests.fault_server import fault_server, ok

DATA = ROOT / "tests" / "data"
RENDERED = ROOT / "tests" / "rendered"
UPDATE = os.environ.get("SUMMARIZER_UPDATE_SNAPSHOTS") == "1"


@pytest.fixture(scope="module")
def digests(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Digest]:
    """The digest of tests/data/digest-day, and day 2 of tests/data/digest-two-days (day 1 stored before it)."""
    store_path = tmp_path_factory.mktemp("substance") / "store.sqlite"
    with fault_server(ok()) as server:
        backend = RemoteBackend("embedded", DEFAULT_MODEL.name, server.url, "replay", dialect="llama.cpp")
        with Summarizer(backend=backend) as engine, Store(store_path) as store:
            day = build_digest(collect([str(DATA / "digest-day")]), summarizer=engine, store=store,
                               day=dt.date(2026, 11, 20))  # fmt: skip
            build_digest(collect([str(DATA / "digest-two-days" / "day-1")]), summarizer=engine, store=store,
                         day=dt.date(2026, 11, 23))  # fmt: skip
            second = build_digest(collect([str(DATA / "digest-two-days" / "day-2")]), summarizer=engine, store=store,
                                  day=dt.date(2026, 11, 24))  # fmt: skip
    assert day.run.complete and second.run.complete, "a replayed answer is missing: re-record with `make record`"
    return {"digest-day": day, "digest-two-days": second}


def story_markdown(markdown: str, story: Story) -> str:
    return markdown.split(f'<a id="{story.id}"></a>')[1].split("\n### ")[0].split("\n## ")[0]


def footnotes(markdown: str) -> dict[str, str]:
    return dict(re.findall(r"^(\[\^[\w-]+\]): (.*)$", markdown, re.M))


def shown(text: str) -> str:
    """Text as the Markdown shows it."""
    return markdown_text(text)


def assert_cited(markdown: str, line: str, citations: list[Citation], digest: Digest) -> None:
    """Each of the line's footnotes quotes one of these sentences, which is the article's text at its offsets."""
    notes = footnotes(markdown)
    marks = re.findall(r"\[\^[\w-]+\]", line)
    assert marks, line
    texts = {a.id: a.text for a in digest.articles}
    quotes = {shown(c.quote.text) for c in citations}
    for mark in marks:
        assert any(f"“{q}”" in notes[mark] for q in quotes), (line, notes.get(mark))
    for citation in citations:
        if citation.article in texts:
            assert texts[citation.article][citation.quote.start : citation.quote.end] == citation.quote.text


def line_of(block: str, start: str) -> str:
    return next(line for line in block.splitlines() if line.startswith(start))


def part(block: str, title: str) -> str:
    """The list under a bold title of a story's Markdown."""
    return block.split(f"**{title}**\n\n", 1)[1].split("\n\n", 1)[0]


@pytest.mark.parametrize("name", ["digest-day", "digest-two-days"])
def test_every_story_shows_its_events_sources_and_figures(digests: dict[str, Digest], name: str) -> None:
    digest = digests[name]
    markdown = render_digest_markdown(digest)
    assert digest.stories
    for story in digest.stories:
        assert story.events and story.sources, (story.headline, "a story without events or sources")
        block = story_markdown(markdown, story)
        # The lead comes first: headline, facts, summary, names; everything else below it.
        lead_end = block.index(shown(story.summary.split("\n")[0])[:30])
        assert lead_end < block.index("**Main events**") < block.index("**Sources**")
        for event in story.events[:SHOWN_EVENTS]:
            line = line_of(part(block, "Main events"), f"- {shown(event.description)} *({event.status})* — ")
            assert all(shown(r.citation.outlet) in line for r in event.reports[:4]), line
            assert all(shown(who) in line for r in event.reports[:4] for who in r.citation.said_by or []), line
            assert_cited(markdown, line, [r.citation for r in event.reports], digest)
        if len(story.events) > SHOWN_EVENTS:
            assert f"- _and {len(story.events) - SHOWN_EVENTS} more events_" in block
        for source in story.sources[:SHOWN_SOURCES]:
            line = line_of(part(block, "Sources"), f"- **{shown(source.name)}**{' (unnamed)' * source.anonymous}: ")
            assert shown(source.said) in line and shown(source.citation.outlet) in line
            assert_cited(markdown, line, [source.citation], digest)
        for figure in story.figures[:SHOWN_FIGURES]:
            line = line_of(part(block, "Figures"), f"- {shown(figure.about)}: ")
            assert all(shown(a.value) in line for a in figure.accounts[:4]), line
            assert ("outlets differ" in line) == any(c.about == figure.about for c in story.conflicts), line
            assert_cited(markdown, line, [a.citation for a in figure.accounts], digest)
    # Every footnote mark has its note, and every note is used.
    notes = footnotes(markdown)
    used = set(re.findall(r"(?<!^)(\[\^[\w-]+\])", markdown, re.M))
    assert notes and set(notes) == used


def test_the_ferry_shows_where_outlets_differ_and_the_fire_what_changed(digests: dict[str, Digest]) -> None:
    ferry = digests["digest-day"].stories[0]
    killed = next(f for f in ferry.figures if f.about == "killed")
    assert {a.value for a in killed.accounts} >= {"12", "14"}
    line = line_of(part(story_markdown(render_digest_markdown(digests["digest-day"]), ferry), "Figures"), "- killed: ")
    assert " vs " in line and line.index("— **outlets differ**") > line.index("14")
    # Several outlets' briefs state one event: one line says who reports it in each.
    assert any(len({r.citation.outlet for r in e.reports}) > 1 for e in ferry.events)

    second = digests["digest-two-days"]
    fire = next(s for s in second.stories if s.changes)
    assert fire.changes is not None
    markdown = render_digest_markdown(second)
    block = story_markdown(markdown, fire)
    line = line_of(block[block.index("**New since 2026-11-23**") :], "- killed: 7 → **11**")
    killed = fire.changes.figures[0]
    assert_cited(markdown, line, [a.citation for a in [*killed.before, killed.after]], second)
    assert "2026-11-23" in footnotes(markdown)[re.findall(r"\[\^[\w-]+\]", line)[0]]  # the earlier side's day


def test_long_lists_are_bounded() -> None:
    """A busy story shows the first few of each list and says how many more; the HTML folds the rest."""
    digest = hostile.digest("The mayor said the bridge would close on Friday.", "Bridge", None)
    story = digest.stories[0]
    busy = story.model_copy(
        update={
            "events": [e.model_copy(update={"description": f"event {n}"}) for n in range(9) for e in story.events],
            "sources": [s.model_copy(update={"name": f"source {n}"}) for n in range(7) for s in story.sources],
            "figures": [f.model_copy(update={"about": f"thing {n}"}) for n in range(6) for f in story.figures],
        }
    )
    digest = digest.model_copy(update={"stories": [busy]})
    markdown = render_digest_markdown(digest)
    assert "- event 4 *(alleged)*" in markdown and "event 5" not in markdown
    assert "- _and 4 more events_" in markdown and "- _and 2 more sources_" in markdown
    assert "- _and 1 more figures_" in markdown and "thing 5" not in markdown
    page = render_digest_html(digest)
    assert re.search(r'<details class="more"><summary>and 4 more events</summary>.*event 8', page, re.S)


def snapshot(name: str, rendered: str) -> None:
    """Compare with the committed page, the checkout's own path written as ROOT: CI runs in a fresh clone elsewhere."""
    rendered = rendered.replace(str(ROOT), "ROOT")
    path = RENDERED / name
    if UPDATE or not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(rendered, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{path} did not exist: written; check it and commit it")
    assert rendered == path.read_text(encoding="utf-8"), (
        f"{path} differs: read the change, then SUMMARIZER_UPDATE_SNAPSHOTS=1 pytest {Path(__file__).name}"
    )


def stable_html(digest: Digest) -> str:
    """The page without what differs run to run: when it was generated, the package version."""
    page = render_digest_html(digest)
    page = page.replace(digest.generated.isoformat(), "GENERATED")
    return re.sub(r"by summarizer \S+ ·", "by summarizer VERSION ·", page)


@pytest.mark.parametrize("name", ["digest-day", "digest-two-days"])
def test_rendered_digest_matches_its_snapshot(digests: dict[str, Digest], name: str) -> None:
    snapshot(f"{name}.md", render_digest_markdown(digests[name]))
    snapshot(f"{name}.html", stable_html(digests[name]))


def test_an_event_opens_on_its_evidence_in_chromium(digests: dict[str, Digest], tmp_path: Path) -> None:
    """In a real browser: the story's events are listed, their evidence folded; one click on an event's evidence
    shows the sentence it rests on, the article's own text at its offsets."""
    digest = digests["digest-day"]
    ferry = digest.stories[0]
    page_path = tmp_path / "digest.html"
    page_path.write_text(render_digest_html(digest), encoding="utf-8")
    texts = {a.id: a.text for a in digest.articles}
    with components.page_in_chromium(page_path) as opened:
        page = opened.page
        story = page.locator(f"article#{ferry.id}")
        events = story.locator("li.event")
        assert events.count() == len(ferry.events)
        assert story.locator("li.source").count() == len(ferry.sources)
        assert story.locator("li.figure.differ").count() >= 1
        first = events.first
        event = ferry.events[0]
        assert event.description in first.inner_text() and event.status in first.inner_text()
        quote = first.locator("blockquote").first
        assert not quote.is_visible()  # folded until asked
        first.locator("summary").first.click()
        assert quote.is_visible()
        citation = event.reports[0].citation
        sentence = texts[citation.article][citation.quote.start : citation.quote.end]
        assert quote.inner_text().startswith(sentence)
        assert citation.outlet in quote.locator("cite").inner_text()
        # The rest of a long list is folded behind "and N more".
        more = story.locator("details.more")
        if len(ferry.events) > SHOWN_EVENTS:
            assert (
                more.first.locator(":scope > summary").inner_text()
                == f"and {len(ferry.events) - SHOWN_EVENTS} more events"
            )
            assert not story.locator("li.event").nth(SHOWN_EVENTS).is_visible()
        page.screenshot(path=str(tmp_path / "substance.png"), full_page=True)
    assert opened.problems == []


def test_the_docs_example_is_the_rendered_page() -> None:
    """docs/digest.md shows the fire story's *New since* as tests/rendered/digest-two-days.md has it (its footnote
    marks and emphasis left out), so the example stays true when the page changes."""
    docs = (ROOT / "docs" / "digest.md").read_text(encoding="utf-8")
    example = docs.split("is the whole page):\n\n```text\n", 1)[1].split("```", 1)[0].splitlines()
    page = (RENDERED / "digest-two-days.md").read_text(encoding="utf-8")
    plain = {re.sub(r"\[\^[\w-]+\]|\*\*|^_|_$", "", line) for line in page.splitlines()}
    assert example and [line for line in example if line not in plain] == []
