"""Opt-in pytest plugin: save the JSON of every Brief and Digest the tests make, to compare two runs.

Activated by ``--brief-snapshots=DIR`` or ``SUMMARIZER_SNAPSHOT_DIR=DIR``;
otherwise it does nothing. At the end of the run it writes
``DIR/snapshots.json``: key → the object's ``model_dump_json()``, with only the
fields that differ run to run on the same code replaced by ``"<varies>"``
(:data:`VARIES`). ``python scripts/brief_snapshots.py compare OLD NEW`` diffs
two such directories.

What is recorded is what leaves the public producers (:data:`PRODUCERS`):
every distinct Brief object (by identity, so a brief that passes through
``map`` → ``summarize`` is one snapshot whatever the call path) and every
Digest. Its key is the test's node id, the kind, the article's content hash
(a digest: its date) and a sequence number within those, so briefs finishing
in another order under concurrency keep their keys. Briefs made in a CLI
subprocess are not seen (in-process only).
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import inspect
import json
import os
import threading
from collections import defaultdict
from collections.abc import AsyncIterator, Callable, Generator, Iterator
from pathlib import Path
from typing import Any

import pytest

ENV = "SUMMARIZER_SNAPSHOT_DIR"
VARIES: dict[str, tuple[str, ...]] = {
    "brief": ("run.latency_s",),
    "digest": ("generated", "articles[].brief.run.latency_s"),
}
"""Fields that differ between two runs of the same code (found by running twice and diffing): wall time, the clock."""
PRODUCERS = (
    ("summarizer.brief.engine:Summarizer", ("summarize", "asummarize", "summarize_recorded", "rebuild", "map", "amap")),
    ("summarizer.digest.build", ("assemble", "build_digest")),
)
"""Where briefs and digests leave the library; imported only when the plugin is on."""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--brief-snapshots",
        metavar="DIR",
        default=os.environ.get(ENV),
        help=f"save the JSON of every Brief and Digest made in-process to DIR/snapshots.json (or ${ENV})",
    )


def pytest_configure(config: pytest.Config) -> None:
    where = config.getoption("--brief-snapshots")
    if where:
        config.pluginmanager.register(Snapshots(Path(where)), "brief-snapshots")


class Snapshots:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.saved: dict[str, str] = {}
        self.test = "<no test>"
        self.seen: dict[int, object] = {}  # kept alive, so an id is not reused within a test
        self.counts: defaultdict[str, int] = defaultdict(int)
        self.undo: list[tuple[object, str, Any]] = []
        self.lock = threading.Lock()  # map's threads record too

    def pytest_sessionstart(self) -> None:
        for where, names in PRODUCERS:
            module, _, attribute = where.partition(":")
            owner = importlib.import_module(module)
            owner = getattr(owner, attribute) if attribute else owner
            for name in names:
                original = getattr(owner, name)
                self.undo.append((owner, name, original))
                setattr(owner, name, self._wrap(original))

    def pytest_sessionfinish(self) -> None:
        for owner, name, original in reversed(self.undo):
            setattr(owner, name, original)
        self.directory.mkdir(parents=True, exist_ok=True)
        text = json.dumps(dict(sorted(self.saved.items())), indent=1, ensure_ascii=False)
        (self.directory / "snapshots.json").write_text(text + "\n", encoding="utf-8")

    def pytest_report_header(self) -> str:
        return f"brief snapshots: {self.directory / 'snapshots.json'}"

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_protocol(self, item: pytest.Item) -> Generator[None, object, object]:
        """Setup, call and teardown are the test's (a module fixture's briefs go to its first test)."""
        self.test, self.seen = item.nodeid, {}
        try:
            return (yield)
        finally:
            self.test, self.seen = "<no test>", {}

    def _wrap(self, original: Callable[..., Any]) -> Callable[..., Any]:
        if inspect.isasyncgenfunction(original):

            @functools.wraps(original)
            async def agen(*args: Any, **kwargs: Any) -> AsyncIterator[Any]:
                async for value in original(*args, **kwargs):
                    self._record(value, args, kwargs)
                    yield value

            return agen
        if inspect.iscoroutinefunction(original):

            @functools.wraps(original)
            async def coro(*args: Any, **kwargs: Any) -> Any:
                value = await original(*args, **kwargs)
                self._record(value, args, kwargs)
                return value

            return coro
        if inspect.isgeneratorfunction(original):

            @functools.wraps(original)
            def gen(*args: Any, **kwargs: Any) -> Iterator[Any]:
                for value in original(*args, **kwargs):
                    self._record(value, args, kwargs)
                    yield value

            return gen

        @functools.wraps(original)
        def call(*args: Any, **kwargs: Any) -> Any:
            value = original(*args, **kwargs)
            self._record(value, args, kwargs)
            return value

        return call

    def _record(self, value: object, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        """The Brief or Digest in a producer's result (a Recorded's or BriefResult's brief too)."""
        from summarizer.digest.schema import Digest
        from summarizer.schema import Brief

        article = kwargs.get("article", args[1] if len(args) > 1 else None)
        made = value
        if not isinstance(value, Brief | Digest):
            made = getattr(value, "brief", None)
            article = getattr(value, "article", article)  # a BriefResult says which input it is
        if isinstance(made, Brief):
            text = article if isinstance(article, str) else getattr(article, "text", "")
            self._save("brief", hashlib.sha256(text.encode()).hexdigest()[:12], made)
        elif isinstance(made, Digest):
            self._save("digest", str(made.date), made)

    def _save(self, kind: str, about: str, made: Any) -> None:
        text = masked(made.model_dump_json(), VARIES[kind])
        with self.lock:
            if id(made) in self.seen:
                return
            self.seen[id(made)] = made
            where = f"{self.test} {kind} {about}"
            self.counts[where] += 1
            self.saved[f"{where} #{self.counts[where]}"] = text


def masked(text: str, paths: tuple[str, ...]) -> str:
    """The JSON with the value at each path (``a.b``; ``a[].b`` for every item of a list) set to ``"<varies>"``."""
    data = json.loads(text)
    for path in paths:
        _mask(data, path.split("."))
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _mask(node: Any, steps: list[str]) -> None:
    if not isinstance(node, dict) or not steps:
        return
    step, rest = steps[0], steps[1:]
    if step.endswith("[]"):
        for item in node.get(step[:-2]) or []:
            _mask(item, rest)
    elif not rest:
        if step in node:
            node[step] = "<varies>"
    else:
        _mask(node.get(step), rest)
