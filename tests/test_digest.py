"""The daily digest end to end: a day of inputs (tests/data/digest-day) in, a traceable digest out.

The model's answers are the embedded model's, recorded in
cassettes/test_digest_of_a_day.yaml (`make record`); the CLI tests replay the same
answers from a real HTTP server on 127.0.0.1 (tests/fault_server.py).
"""

from __future__ import annotations

import datetime as dt
import json
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from summarizer import Summarizer
from summarizer.digest import Digest, build_digest
from summarizer.digest.store import Store
from summarizer.ingest.inputs import collect
from summarizer.llm.backends import Backend
from summarizer.render.digest_html import render_digest_html
from summarizer.render.digest_markdown import render_digest_markdown
from tests import components
from tests.conftest import ROOT, interruptible, run_cli
from tests.fault_server import Reply, error, fault_server, ok, schema_minimal

DAY = ROOT / "tests" / "data" / "digest-day"
DATE = dt.date(2026, 11, 20)
FERRY_OUTLETS = {"Lakeside Daily", "Coastal Wire", "East Africa Monitor"}
SKIPPED = {"empty.txt": "empty", "feed.xml": "not an RSS or Atom feed", "notes.docx": ".docx", "scan.txt": "binary"}


def texts() -> dict[str, str]:
    """Article id → the text the evidence offsets point into (the first input holding it)."""
    from summarizer.digest.store import content_hash

    found: dict[str, str] = {}
    for item in collect([str(DAY)]):
        if item.article:
            found.setdefault(content_hash(item.article.text)[:12], item.article.text)
    return found


def assert_traceable(digest: Digest) -> None:
    """Every quoted sentence is exactly the article's text at its offsets (the text the digest carries)."""
    text = {a.id: a.text for a in digest.articles}
    assert text == texts()
    citations = [c for s in digest.stories for claim in s.corroborated for c in claim.citations]
    citations += [a.citation for s in digest.stories for conflict in s.conflicts for a in conflict.accounts]
    citations += [r.citation for s in digest.stories for r in s.uncertainty.reasons]
    citations += [r.citation for s in digest.stories for e in s.events for r in e.reports]
    citations += [x.citation for s in digest.stories for x in s.sources]
    citations += [a.citation for s in digest.stories for f in s.figures for a in f.accounts]
    assert citations
    for citation in citations:
        assert text[citation.article][citation.quote.start : citation.quote.end] == citation.quote.text


@pytest.mark.vcr
def test_digest_of_a_day(model_backend: Backend, tmp_path: Path) -> None:
    components.spanish_pipeline()
    with Summarizer(backend=model_backend) as summarizer, Store(tmp_path / "store.sqlite") as store:
        digest = build_digest(collect([str(DAY)]), summarizer=summarizer, store=store, day=DATE)
        again = build_digest(collect([str(DAY)]), summarizer=summarizer, store=store, day=DATE)

    # Bad inputs are skipped with their reason; the same article under two names is one article.
    reasons = {Path(s.source).name: s.reason for s in digest.skipped}
    assert set(reasons) == set(SKIPPED)
    assert all(SKIPPED[name] in reason for name, reason in reasons.items())
    assert len(digest.articles) == 5 and not digest.failed and digest.run.complete
    museum = next(a for a in digest.articles if any("tile-museum" in s for s in a.sources))
    assert [Path(s).name for s in museum.sources] == ["tile-museum-copy.md", "tile-museum.txt"]

    # Three outlets, one story, ranked first, with what they agree and disagree on.
    ferry = digest.stories[0]
    assert ferry.rank == 1 and set(ferry.outlets) == FERRY_OUTLETS and len(ferry.articles) == 3
    assert ferry.region == "Africa"
    assert ferry.corroborated and all(len(set(c.outlets)) >= 2 for c in ferry.corroborated)
    killed = [c for c in ferry.conflicts if c.kind == "figure" and c.about == "killed"]
    assert killed and {a.value for a in killed[0].accounts} == {"12", "14"}
    assert len(digest.stories) == 3  # the ferry, the museum, the festival in Spanish
    # The Spanish article's story says which fields no rule checked in Spanish; the English stories say nothing.
    festival = next(s for s in digest.stories if s.coverage)
    assert [(c.language, c.model_only) for c in festival.coverage] == [("es", ["what"])]  # who: the Spanish pipeline
    assert all(not s.coverage for s in digest.stories if s is not festival)
    assert digest.overview[0].story == ferry.id
    assert {s.kind for s in digest.sections} == {"region", "topic"}
    assert_traceable(digest)

    # The second run finds every brief stored: no model call (the cassette has no more answers).
    assert (digest.run.made, digest.run.reused) == (5, 0)
    assert (again.run.made, again.run.reused) == (0, 5)
    assert again.stories == digest.stories

    # The outputs: JSON round-trips, Markdown and HTML show the claims and their quotes.
    assert Digest.model_validate_json(digest.model_dump_json()) == digest
    markdown = render_digest_markdown(digest)
    page = render_digest_html(digest)
    for rendered in (markdown, page):
        assert ferry.headline.replace("'", "&#39;") in rendered or ferry.headline in rendered
        assert "Coastal Wire" in rendered and "tile-museum" not in rendered.split("Skipped")[0]
    assert "<link" not in page and "src=" not in page  # self-contained: no external assets
    festival_md = markdown.split(f'<a id="{festival.id}"></a>')[1].split("\n### ")[0]
    assert "_Spanish article: rules checked who, where, when, sources, uncertainty; what are the model's" in festival_md
    assert markdown.count("rules checked") == 1


def canned(hang: float = 0.0) -> Reply:
    """The smallest answer each request's schema allows, after ``hang`` seconds.

    For tests of the store, resuming and exit status, whose point is not the
    briefs' content: they keep working when prompts change and cassettes wait
    for a re-record (the recorded answers are tested by test_digest_of_a_day).
    """
    reply = schema_minimal()
    reply.hang = hang
    return reply


def run_digest(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli("digest", *args)


def briefs_per_article(store: Path) -> dict[str, int]:
    with closing(sqlite3.connect(store)) as db:
        return dict(db.execute("SELECT article_hash, COUNT(*) FROM briefs GROUP BY article_hash").fetchall())


def stored_so_far(store: Path) -> int:
    """Briefs another process has committed; 0 while it has not yet made the file or its tables."""
    if not store.exists():
        return 0
    try:
        with closing(sqlite3.connect(f"{store.as_uri()}?mode=ro", uri=True)) as db:
            return int(db.execute("SELECT COUNT(*) FROM briefs").fetchone()[0])
    except sqlite3.OperationalError:  # no such table yet, or the schema is being created
        return 0


def wait_until(condition: Callable[[], bool], timeout: float = 60.0) -> bool:
    """Poll ``condition`` until it holds or ``timeout`` seconds pass; whether it held."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_sigkill_half_way_then_rerun_makes_each_brief_once(tmp_path: Path) -> None:
    store, out = tmp_path / "store.sqlite", tmp_path / "out"
    args = [str(DAY), "--store", str(store), "--out", str(out), "--date", "2026-11-20", "-j", "1"]
    # Two briefs come, then the server stalls: the kill lands half way, however slow this machine is.
    with fault_server(canned(hang=1.0), canned(hang=1.0), canned(hang=60.0)) as slow:
        process = subprocess.Popen(
            [sys.executable, "-m", "summarizer", "digest", *args, "--base-url", slow.url],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        held = wait_until(lambda: stored_so_far(store) >= 2)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    assert held, "the digest stored fewer than 2 briefs within 60 s"
    before = briefs_per_article(store)
    assert 2 <= len(before) < 5, before
    assert not out.exists()  # killed before the digest: nothing half-written

    with fault_server(canned()) as server:
        result = run_digest(*args, "--base-url", server.url)
        assert result.returncode == 0, result.stderr
        digest = json.loads((out / "digest-2026-11-20.json").read_text())
        calls = len(server.requests)
        again = run_digest(*args, "--base-url", server.url)
        assert len(server.requests) == calls  # the day is done: zero model calls
    after = briefs_per_article(store)
    assert len(after) == 5 and set(after.values()) == {1}
    assert (digest["run"]["made"], digest["run"]["reused"]) == (5 - len(before), len(before))
    assert again.returncode == 0 and "0 made, 5 reused" in again.stderr


def test_ctrl_c_stops_at_once_and_keeps_the_briefs(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite"
    # One brief comes, then the server stalls: Ctrl-C lands mid-run however slow this machine is (it once raced
    # the last brief on a loaded machine and the digest finished first).
    with fault_server(canned(hang=1.0), canned(hang=60.0)) as slow:
        process = subprocess.Popen(
            [sys.executable, "-m", "summarizer", "digest", str(DAY), "--store", str(store), "--out", str(tmp_path),
             "-j", "1", "--base-url", slow.url],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=interruptible,
        )  # fmt: skip
        held = wait_until(lambda: stored_so_far(store) >= 1)
        process.send_signal(signal.SIGINT)
        interrupted = time.monotonic()
        _, stderr = process.communicate(timeout=30)
    assert held, "the digest stored no brief within 60 s"
    assert process.returncode == 130 and time.monotonic() - interrupted < 5
    assert "every brief made so far is stored" in stderr and "Traceback" not in stderr
    assert 1 <= len(briefs_per_article(store)) < 5


def test_digest_html_in_headless_chromium(tmp_path: Path) -> None:
    """The page opens in a headless Chromium with no console errors and no outside requests; a screenshot is kept."""
    components.browser()  # skip (fail in CI) before the digest is made when there is no browser
    with fault_server(ok()) as server:
        result = run_digest(
            str(DAY), "--store", str(tmp_path / "s.sqlite"), "--out", str(tmp_path), "--base-url", server.url
        )
    assert result.returncode == 0, result.stderr
    page_path = next(tmp_path.glob("digest-*.html"))
    digest = Digest.model_validate_json(next(tmp_path.glob("digest-*.json")).read_text())
    festival_id = next(s.id for s in digest.stories if s.coverage)
    with components.page_in_chromium(page_path) as opened:
        page = opened.page
        assert page.locator("article.story").count() == 3
        # One line, in the Spanish article's story only, says which fields are the model's answer alone.
        notes = page.locator("p.coverage")
        assert notes.count() == 1 and notes.first.is_visible()
        assert notes.first.inner_text().startswith("Spanish article: rules checked")
        assert "uncertainty; what are the model's grounded answer alone" in notes.first.inner_text()
        assert page.locator(f"article#{festival_id} p.coverage").count() == 1
        assert page.locator("details[open]").count() == 0  # evidence on demand
        page.click("#toggle-evidence")
        assert page.locator("details[open]").count() == page.locator("details").count() > 0
        page.screenshot(path=str(tmp_path / "digest.png"), full_page=True)
    assert opened.problems == []
    assert opened.requests == [page_path.as_uri()]
    assert (tmp_path / "digest.png").stat().st_size > 10_000


def test_digest_cli_exit_status(tmp_path: Path) -> None:
    empty = tmp_path / "empty-day"
    empty.mkdir()
    result = run_digest(str(empty), "--store", str(tmp_path / "s.sqlite"), "--out", str(tmp_path / "o"))
    # No article: exit 2 as the README promises, and nothing written (a finished digest of the day is kept).
    assert result.returncode == 2 and "no article found" in result.stderr and "empty directory" in result.stderr
    assert not (tmp_path / "o").exists()

    result = run_digest("/no/such/dir", "--out", str(tmp_path / "o"))
    assert result.returncode == 2 and "no input found" in result.stderr

    result = run_digest(str(DAY), "--out", "-")
    assert result.returncode == 2 and "--format" in result.stderr

    (tmp_path / "file").write_text("")
    result = run_digest(str(DAY), "--store", str(tmp_path / "file" / "s.sqlite"), "--out", str(tmp_path / "o"))
    assert (
        result.returncode == 2
        and "writable store (Store(path), CLI: --store)" in result.stderr
        and "Traceback" not in result.stderr
    )
    with fault_server(canned()) as server:
        result = run_digest(str(DAY), "--store", str(tmp_path / "s.sqlite"), "--out", str(tmp_path / "file" / "o"),
                            "--base-url", server.url)  # fmt: skip
    assert result.returncode == 1 and "re-run with another --out" in result.stderr and "Traceback" not in result.stderr

    store = tmp_path / "fail.sqlite"
    with fault_server(error(401)) as server:
        result = run_digest(str(DAY), "--store", str(store), "--out", str(tmp_path / "f"), "--base-url", server.url)
    assert result.returncode == 1 and "refused the API key" in result.stderr
    assert briefs_per_article(store) == {}

    with fault_server(error(400), canned()) as server:  # the first article's request is refused, the rest answered
        result = run_digest(str(DAY), "--store", str(tmp_path / "p.sqlite"), "--out", str(tmp_path / "p"), "-j", "1",
                            "--base-url", server.url)  # fmt: skip
    assert result.returncode == 3, result.stderr
    digest = json.loads(next((tmp_path / "p").glob("*.json")).read_text())
    assert digest["run"]["complete"] is False and len(digest["failed"]) == 1 and len(digest["articles"]) == 4


def test_digest_help_teaches() -> None:
    result = run_digest("--help")
    assert result.returncode == 0
    for word in ("--date", "--out", "--format", "--store", "--force", "--concurrency", "Exit status", ".jsonl", "RSS"):
        assert word in result.stdout
