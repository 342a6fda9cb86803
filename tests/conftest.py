"""Test setup: cassettes replay model traffic; no test reaches a live model unless marked ``live``.

- ``make test`` (and CI) run with ``--record-mode=none``: a request that is not
  in the test's cassette fails the test, and so does a cassette the test did
  not play to the end (a changed prompt must show up as a test to re-record).
- ``make record`` re-records every cassette from the real embedded model.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer.llm.backends import Backend
from summarizer.llm.backends.embedded import EmbeddedBackend
from summarizer.llm.backends.model_store import DEFAULT_MODEL
from summarizer.llm.backends.remote import RemoteBackend

pytest_plugins = ["tests.snapshots"]
"""Off unless asked: ``SUMMARIZER_SNAPSHOT_DIR=DIR`` saves every brief's JSON (see tests/snapshots.py)."""

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "mali-coup-plot.txt"
"""The agency article the project started from: copyrighted, so never shipped; read from beside the checkout."""
requires_seed = pytest.mark.skipif(
    not SEED.is_file(), reason=f"the seed article is not shipped (agency copy); put it at {SEED} to run this test"
)
REPLAY_URL = "http://127.0.0.1:9/v1"
"""Replayed cassettes never touch the network; this address only has to be well formed."""


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    return {
        "filter_headers": ["authorization", "x-api-key"],
        # The embedded server picks a free port each run, so the host is not matched.
        "match_on": ["method", "path", "body"],
        "decode_compressed_response": True,
    }


@pytest.fixture(scope="module")
def vcr_cassette_dir() -> str:
    return str(ROOT / "cassettes")


DATA_HOME = Path(tempfile.mkdtemp(prefix="summarizer-tests-data-"))
"""The CLI's default store for this test session: never the user's own (~/.local/share/summarizer), which a run
of theirs may hold locked, and which the tests must not fill."""


def cli_env() -> dict[str, str]:
    """A bare environment for the ``summarizer`` command (no model or key settings), with the session's own data
    directory: what every CLI process a test starts runs under."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(Path.home()), "XDG_DATA_HOME": str(DATA_HOME)}


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """The ``summarizer`` command in a fresh process, with a bare environment (no model or key settings) and the
    session's own data directory."""
    return subprocess.run(
        [sys.executable, "-m", "summarizer", *args],
        input=stdin.decode() if stdin else None,
        capture_output=True,
        text=True,
        timeout=120,
        env=cli_env(),
    )


def interruptible() -> None:
    """``preexec_fn`` of a CLI process a test stops with SIGINT: Ctrl-C acts on it as on a command in a terminal.

    A shell starts a foreground command with SIGINT at its default, but a command started with ``&`` by a shell
    without job control (a script, ``nohup ... &``, ``sh -c '... &'``) ignores SIGINT (and SIGQUIT), and an ignored
    signal is inherited through fork and exec: a test run started that way starts every CLI process with SIGINT
    ignored, and Python then installs no KeyboardInterrupt handler in it. Such a child never sees the test's
    Ctrl-C (it polls a batch or reads a pipe until the test's timeout), though the same test passes when pytest is
    started from a terminal. So the child gets SIGINT at its default and unblocked before exec, whatever the test
    process inherited; respecting an ignored SIGINT is right for the CLI itself (``summarizer batch ... &`` in a
    script must not stop at the script's Ctrl-C).
    """
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def recording(config: pytest.Config) -> bool:
    return config.getoption("--record-mode") not in (None, "none")


@pytest.fixture(scope="session")
def model_backend(request: pytest.FixtureRequest) -> Iterator[Backend]:
    """The embedded model when recording; a replay stand-in with the same wire dialect otherwise."""
    if recording(request.config):
        backend = EmbeddedBackend(model=DEFAULT_MODEL.name)
        yield backend
        backend.close()
    else:
        yield RemoteBackend("embedded", DEFAULT_MODEL.name, REPLAY_URL, "replay", dialect="llama.cpp")


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[pytest.TestReport]:
    """Keep each phase's report on the test, so a fixture's teardown can tell a skipped test."""
    report: pytest.TestReport = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture(autouse=True)
def _cassette_fully_played(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test whose cassette was only partly played (pydantic-ai does the same)."""
    if request.node.get_closest_marker("vcr") is None:
        yield
        return
    cassette = request.getfixturevalue("vcr")
    yield
    outcome = getattr(request.node, "rep_call", None)
    if outcome is not None and outcome.skipped:  # skipped for a missing component: nothing was meant to play
        return
    if not recording(request.config) and not cassette.all_played:
        pytest.fail(f"cassette {cassette._path} was only partly played: re-record it with `make record`")


KEPT_SETTINGS = (
    "SUMMARIZER_CACHE_DIR",
    "SUMMARIZER_BROWSER",
    "SUMMARIZER_REQUIRE_BROWSER",
    "SUMMARIZER_REQUIRE_SPANISH",
)


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test sees the developer's model settings or keys (where the model lives and the test components stay)."""
    # An in-process CLI run sets the library logger's level; a later test's caplog must see INFO again.
    logging.getLogger("summarizer").setLevel(logging.NOTSET)
    for name in list(os.environ):
        if name.startswith(("SUMMARIZER_", "OPENAI_")) and name not in KEPT_SETTINGS:
            monkeypatch.delenv(name)


@pytest.fixture(autouse=True)
def _no_live_model(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Starting the embedded model is refused unless the test is marked live (or we record)."""
    if request.node.get_closest_marker("live") or recording(request.config):
        return

    def refuse(self: EmbeddedBackend, status: Any = None) -> Any:
        raise AssertionError("this test tried to start the embedded model; mark it @pytest.mark.live or use a cassette")

    monkeypatch.setattr(EmbeddedBackend, "endpoint", refuse)
