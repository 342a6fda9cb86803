"""Stories that continue (issue 14): two digests on consecutive days, and what changed between them, cited.

tests/data/digest-two-days (CC0, see its NOTICE): on day 1 one outlet reports
a market fire in Kumasi (7 dead, the fire allegedly set) and another story
runs in Lisbon; on day 2 the same outlet and a new one report 11 dead, the
arson confirmed, a fire commander and the mayor named, and an unrelated
Kumasi story (bus routes) that must not be linked. The model's answers are
the embedded model's, recorded in cassettes/test_a_story_told_on_two_days.yaml
(`make record`); the CLI tests replay the same answers from a real HTTP
server on 127.0.0.1 (tests/fault_server.py).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from summarizer import Summarizer
from summarizer.digest import Digest, build_digest
from summarizer.digest.schema import Citation, Story
from summarizer.digest.store import Store
from summarizer.ingest.inputs import collect
from summarizer.llm.backends import Backend
from summarizer.render.digest_html import render_digest_html
from summarizer.render.digest_markdown import render_digest_markdown
from summarizer.rules.names import same_name
from summarizer.rules.text import normalize
from tests import components
from tests.conftest import ROOT, run_cli
from tests.fault_server import fault_server, ok

DAYS = ROOT / "tests" / "data" / "digest-two-days"
DAY_1, DAY_2, DAY_3 = dt.date(2026, 11, 23), dt.date(2026, 11, 24), dt.date(2026, 11, 25)
FIRE_OUTLETS = {"Ashanti Courier", "Volta Wire"}


def fire_of(digest: Digest) -> Story:
    return next(s for s in digest.stories if "Ashanti Courier" in s.outlets)


def assert_quoted(citation: Citation, *digests: Digest) -> None:
    """The quote is exactly the text of its article (found in whichever digest carries that article)."""
    texts = {a.id: a.text for d in digests for a in d.articles}
    quote = citation.quote
    assert texts[citation.article][quote.start : quote.end] == quote.text


@pytest.mark.vcr
def test_a_story_told_on_two_days(model_backend: Backend, tmp_path: Path) -> None:
    with Summarizer(backend=model_backend) as summarizer, Store(tmp_path / "store.sqlite") as store:
        first = build_digest(collect([str(DAYS / "day-1")]), summarizer=summarizer, store=store, day=DAY_1)
        second = build_digest(collect([str(DAYS / "day-2")]), summarizer=summarizer, store=store, day=DAY_2)
        again = build_digest(collect([str(DAYS / "day-2")]), summarizer=summarizer, store=store, day=DAY_2)
        assert store.digest_days() == [DAY_1, DAY_2]
    assert (first.run.made, second.run.made, again.run.made) == (2, 3, 0) and again.run.reused == 3
    assert first.since is None and all(not s.continues and s.changes is None for s in first.stories)

    # The fire continues day 1's fire story; the bus routes in the same city continue nothing.
    fire, fire_before = fire_of(second), fire_of(first)
    assert second.since == DAY_1 and set(fire.outlets) == FIRE_OUTLETS
    assert [(c.date, c.story) for c in fire.continues] == [(DAY_1, fire_before.id)]
    others = [s for s in second.stories if s is not fire]
    assert others and all(not s.continues and s.changes is None for s in others)
    changes = fire.changes
    assert changes is not None and changes.since == DAY_1

    # The death toll rose from 7 to 11: both sides quoted from their own day's article.
    killed = [f for f in changes.figures if f.about == "killed"]
    assert len(killed) == 1 and [a.value for a in killed[0].before] == ["7"] and killed[0].after.value == "11"
    assert all(a.citation.article in {x.id for x in first.articles} for a in killed[0].before)
    assert killed[0].after.citation.article in {x.id for x in second.articles}
    # The injured (12 on both days) did not change, so it is not news.
    assert not [f for f in changes.figures if f.about == "injured"]

    # The arson, alleged on day 1, is confirmed (or stated by the police) on day 2.
    arson = [c for c in changes.statuses if "allegedly" in c.before.citation.quote.text]
    assert arson and arson[0].before.value == "alleged" and arson[0].after.value in {"confirmed", "claimed"}
    assert "confirmed" in arson[0].after.citation.quote.text or "Police" in arson[0].after.citation.quote.text

    # Named for the first time: day 2's people; nothing day 1's brief or article already had.
    names = [n.name for n in changes.names]
    assert any(same_name(n, "Kwabena Asante") for n in names), names
    day_1_text = normalize(" ".join(a.text for a in first.articles))
    day_1_names = [x.name for a in first.articles for x in a.brief.who]
    day_1_names += [x.name for a in first.articles for x in a.brief.where]
    day_1_names += [x.name for a in first.articles for x in a.brief.sources]
    for name in names:
        assert normalize(name) not in day_1_text and not any(same_name(name, k) for k in day_1_names), name
    assert [o.outlet for o in changes.outlets] == ["Volta Wire"]
    named_sources = [s.name for s in changes.sources if not s.anonymous]
    assert any(same_name(s, "Kwabena Asante") or same_name(s, "Abena Owusu") for s in named_sources), named_sources
    day_1_sources = [x.name for a in first.articles for x in a.brief.sources if not x.anonymous]
    assert not any(same_name(s, x) for s in named_sources for x in day_1_sources)

    # Every quote is the article's own text at its offsets; every earlier article cited is listed.
    cited = [a.citation for f in changes.figures for a in [*f.before, f.after]]
    cited += [a.citation for c in changes.statuses for a in (c.before, c.after)]
    cited += [n.citation for n in changes.names] + [o.citation for o in changes.outlets]
    cited += [s.citation for s in changes.sources]
    for citation in cited:
        assert_quoted(citation, first, second)
    earlier_ids = {a.id for a in changes.earlier_articles}
    assert {c.article for c in cited} - {a.id for a in second.articles} <= earlier_ids
    assert all(a.date == DAY_1 for a in changes.earlier_articles)

    # A re-run of day 2 makes no model call (the cassette has no more answers) and finds the same changes.
    assert again.since == second.since and again.stories == second.stories

    # JSON carries it; Markdown and HTML put "New since" right after the lead (headline, summary, names), with its
    # timeline, before the story's events.
    assert Digest.model_validate_json(second.model_dump_json()) == second
    markdown = render_digest_markdown(second)
    story_md = markdown.split(f'<a id="{fire.id}"></a>')[1].split("\n### ")[0]
    new_since = story_md.index("**New since 2026-11-23**")
    assert story_md.index(fire.summary.split("\n")[0][:40]) < new_since < story_md.index("**Main events**")
    assert "killed: 7 → **11**" in story_md and "alleged → **" in story_md and "_Timeline: 2026-11-23" in story_md
    assert "New since" not in markdown.split(f'<a id="{others[0].id}"></a>')[1].split("\n### ")[0]
    assert "New since" not in render_digest_markdown(first)
    open_in_chromium(render_digest_html(second), fire, others, tmp_path)


def open_in_chromium(page_html: str, fire: Story, others: list[Story], tmp_path: Path) -> None:
    """The page in a headless Chromium: "New since" is the first thing after the lead, evidence on demand."""
    page_path = tmp_path / "digest-2026-11-24.html"
    page_path.write_text(page_html, encoding="utf-8")
    with components.page_in_chromium(page_path) as opened:
        page = opened.page
        story = page.locator(f"article#{fire.id}")
        # Right under the lead (headline, facts, summary, names), before the story's events.
        first_block = story.locator(":scope > h3 ~ :not(p)").first
        assert first_block.get_attribute("class") == "new-since"
        assert story.locator(".new-since h4").inner_text().casefold() == "new since 2026-11-23"
        timeline = story.locator(".new-since ol.timeline li")
        assert timeline.count() == 2 and timeline.first.locator("time").get_attribute("datetime") == "2026-11-23"
        figure = story.locator("li.change-figure").first
        assert "7" in figure.inner_text() and figure.locator("strong").inner_text() == "11"
        assert story.locator("li.change-status").count() >= 1 and story.locator("li.change-names").count() == 1
        for other in others:
            assert page.locator(f"article#{other.id} .new-since").count() == 0
        assert figure.locator("details[open]").count() == 0  # evidence on demand
        page.click("#toggle-evidence")
        quotes = figure.locator("blockquote")
        assert quotes.count() == 2 and quotes.first.is_visible()
        assert "2026-11-23" in quotes.first.locator("cite").inner_text()  # the earlier side says its day
        page.screenshot(path=str(tmp_path / "continuity.png"), full_page=True)
    assert opened.problems == []
    assert opened.requests == [page_path.as_uri()]
    assert (tmp_path / "continuity.png").stat().st_size > 10_000


def digest_cli(store: Path, out: Path, day: dt.date, inputs: str, url: str, *more: str) -> dict[str, object]:
    result = run_cli("digest", str(DAYS / inputs), "--store", str(store), "--out", str(out), "--date", day.isoformat(),
                     "--format", "json", "--base-url", url, *more)  # fmt: skip
    assert result.returncode == 0, result.stderr
    loaded: dict[str, object] = json.loads((out / f"digest-{day.isoformat()}.json").read_text())
    return loaded


def test_since_chooses_the_baseline(tmp_path: Path) -> None:
    store, out = tmp_path / "store.sqlite", tmp_path / "out"
    with fault_server(ok()) as server:
        digest_cli(store, out, DAY_1, "day-1", server.url)
        digest_cli(store, out, DAY_2, "day-2", server.url)
        # Day 3 retells day 2: since day 2 nothing is new; since day 1 the same changes as on day 2.
        latest = Digest.model_validate(digest_cli(store, out, DAY_3, "day-2", server.url))
        chosen = Digest.model_validate(digest_cli(store, out, DAY_3, "day-2", server.url, "--since", "2026-11-23"))
        # Day 3 holds only Volta Wire's account, which gives no reason for doubt: the uncertainty fell since day 1.
        firmer = Digest.model_validate(
            digest_cli(store, out, DAY_3, "day-2/volta-wire-market-fire.json", server.url, "--since", "2026-11-23")
        )
    day_2 = Digest.model_validate_json((out / "digest-2026-11-24.json").read_text())
    assert day_2.since == DAY_1 and latest.since == DAY_2 and chosen.since == DAY_1
    fire_2, fire_latest, fire_chosen = fire_of(day_2), fire_of(latest), fire_of(chosen)
    assert [c.date for c in fire_latest.continues] == [DAY_1, DAY_2]  # the timeline reaches back to day 1
    assert fire_latest.changes is not None and fire_latest.changes.empty  # nothing called new that day 2 had
    assert fire_chosen.changes is not None and fire_2.changes is not None
    assert fire_chosen.changes.model_copy(update={"earlier_articles": []}) == fire_2.changes.model_copy(
        update={"earlier_articles": []}
    )
    assert [(f.before[0].value, f.after.value) for f in fire_2.changes.figures if f.about == "killed"] == [("7", "11")]
    assert "Nothing the earlier briefs did not already have" in render_digest_markdown(latest)

    fell = next(s for s in firmer.stories if "Volta Wire" in s.outlets).changes
    assert fell is not None and fell.uncertainty is not None
    # Day 1 doubts an allegation only: "at least 7 killed" and "about 12 injured" count two things, no conflict.
    assert (fell.uncertainty.before, fell.uncertainty.after) == ("medium", "low") and not fell.uncertainty.added
    assert "conflicting_claims" not in {r.kind for r in fell.uncertainty.dropped}
    assert "allegation" in {r.kind for r in fell.uncertainty.dropped}  # the reason that went away, cited on day 1
    day_1 = Digest.model_validate_json((out / "digest-2026-11-23.json").read_text())
    for reason in fell.uncertainty.dropped:
        assert reason.citation.article in {a.id for a in fell.earlier_articles}
        assert_quoted(reason.citation, day_1)
    assert "Uncertainty medium → **low**: no longer allegation" in render_digest_markdown(firmer)


def test_a_since_without_its_digest_is_one_line_before_any_brief(tmp_path: Path) -> None:
    store, out = tmp_path / "store.sqlite", tmp_path / "out"
    with fault_server(ok()) as server:
        digest_cli(store, out, DAY_1, "day-1", server.url)
        calls = len(server.requests)
        for since, expected in (
            ("2026-11-22", "no digest for 2026-11-22 in the store"),
            ("2026-11-24", "since=2026-11-24 (CLI: --since) must be before"),
        ):
            result = run_cli("digest", str(DAYS / "day-2"), "--store", str(store), "--out", str(out),
                             "--date", "2026-11-24", "--since", since, "--base-url", server.url)  # fmt: skip
            lines = [line for line in result.stderr.splitlines() if line.strip()]
            assert result.returncode == 2 and expected in result.stderr and "Traceback" not in result.stderr
            assert len([line for line in lines if "error" in line.casefold()]) == 1, result.stderr
            if since == "2026-11-22":
                assert "earlier digests stored: 2026-11-23" in result.stderr  # what the store has
        assert len(server.requests) == calls  # refused before any model call
    result = run_cli("digest", str(DAYS / "day-2"), "--since", "yesterday")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    help_text = run_cli("digest", "--help").stdout
    assert "--since" in help_text and "New since" in help_text


def test_a_store_from_before_keeps_working(tmp_path: Path) -> None:
    """A store made before digests were kept opens (the table is added); an unreadable stored digest is passed over."""
    path = tmp_path / "old.sqlite"
    with closing(sqlite3.connect(path)) as db:
        db.executescript(
            "CREATE TABLE articles (hash TEXT PRIMARY KEY, title TEXT, url TEXT, outlet TEXT, published TEXT,"
            " article_json TEXT NOT NULL, first_seen TEXT NOT NULL);"
            "CREATE TABLE briefs (article_hash TEXT NOT NULL, model TEXT NOT NULL, prompt_version TEXT NOT NULL,"
            " schema_version TEXT NOT NULL, brief_json TEXT NOT NULL, created TEXT NOT NULL, answers_json TEXT,"
            " PRIMARY KEY (article_hash, model, prompt_version, schema_version));"
            "CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, started TEXT NOT NULL, finished TEXT,"
            " inputs_json TEXT NOT NULL, counts_json TEXT, failures_json TEXT);"
        )
    with Store(path) as store:
        assert store.digest_days() == []
        store.put_digest(DAY_1, '{"schema_version": "9.0", "from": "a newer summarizer"}')
    with closing(sqlite3.connect(path)) as db, db:  # rows as plain text (the first stores) and a damaged one
        db.execute("INSERT INTO digests VALUES ('2026-11-22', 'x', '{\"not\": \"a digest\"}')")
        db.execute("INSERT INTO digests VALUES ('2026-11-21', 'x', X'00ff00')")
    with Store(path) as store:  # a store holding digests is ours
        from summarizer.digest.continuity import earlier_digests

        assert store.digest_days() == [dt.date(2026, 11, 21), dt.date(2026, 11, 22), DAY_1]
        assert store.digest_json(DAY_1) == '{"schema_version": "9.0", "from": "a newer summarizer"}'
        assert store.digest_json(dt.date(2026, 11, 22)) == '{"not": "a digest"}'
        assert earlier_digests(store, DAY_2) == []
    with closing(sqlite3.connect(path)) as db:
        assert isinstance(db.execute("SELECT digest_json FROM digests WHERE day = '2026-11-23'").fetchone()[0], bytes)


def test_a_digest_of_batch_briefs_continues_stories_too(tmp_path: Path) -> None:
    """`summarizer digest --briefs` (the shards `summarizer batch` wrote) follows stories from the store as well."""
    store, out = tmp_path / "store.sqlite", tmp_path / "out"
    with fault_server(ok()) as server:
        for day, inputs in ((DAY_1, "day-1"), (DAY_2, "day-2")):
            shards = tmp_path / inputs
            made = run_cli("batch", str(DAYS / inputs), "--out", str(shards), "--store", str(tmp_path / "batch.sqlite"),
                           "--base-url", server.url)  # fmt: skip
            assert made.returncode == 0, made.stderr
            result = run_cli("digest", "--briefs", str(shards), "--store", str(store), "--date", day.isoformat(),
                             "--out", str(out), "--format", "json")  # fmt: skip
            assert result.returncode == 0, result.stderr
        refused = run_cli("digest", "--briefs", str(tmp_path / "day-2"), "--store", str(store), "--date", "2026-11-24",
                          "--since", "2026-11-20", "--out", str(out))  # fmt: skip
    assert refused.returncode == 2 and "no digest for 2026-11-20" in refused.stderr
    assert "Traceback" not in refused.stderr
    digest = Digest.model_validate_json((out / "digest-2026-11-24.json").read_text())
    fire = fire_of(digest)
    assert digest.since == DAY_1 and [c.date for c in fire.continues] == [DAY_1]
    assert fire.changes is not None
    assert [(f.before[0].value, f.after.value) for f in fire.changes.figures if f.about == "killed"] == [("7", "11")]
