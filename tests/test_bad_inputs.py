"""The bad-input corpus (tests/bad_inputs/): every case a row in cases.toml, run by one test.

Each case feeds `summarizer brief`, `summarizer digest`, `summarizer eval` or
the Python API something a careless or hostile user would, and says the exit
code (or exception) and a fragment of the one-line message it must give. Bad
input never ends in a traceback. Model answers come from the 127.0.0.1 fault
server, never the embedded model. See tests/bad_inputs/README.md for the format.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
import subprocess
import sys
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, requires_seed
from tests.fault_server import Reply, completion_with_content, error, fault_server, ok, schema_minimal
from tests.page_server import page_server

CORPUS = ROOT / "tests" / "bad_inputs"
CASES: list[dict[str, Any]] = [
    case for path in sorted(CORPUS.glob("*.toml")) for case in tomllib.loads(path.read_text())["case"]
]
DEFAULT_ARGS = {
    "brief": ["{input}"],
    "digest": ["{input}", "--store", "{tmp}/store.sqlite", "--out", "{tmp}/out", "--date", "2026-11-20"],
    "eval": ["{input}"],
}


def _foreign_sqlite(path: Path) -> None:
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
        db.execute("INSERT INTO contacts VALUES ('Ann', '555')")
        db.commit()


def _foreign_sqlite_with_articles(path: Path) -> None:
    """Another program's database whose table happens to share a name with ours."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, headline TEXT)")
        db.commit()


def _newer_store(path: Path) -> None:
    """A store a newer summarizer made: our marker, a store version this code does not know."""
    from summarizer.digest.store import APPLICATION_ID, STORE_VERSION

    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {STORE_VERSION + 1}")


def _directory(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)


def _text_file(path: Path) -> None:
    path.write_text("not a database\n")


MAKERS: dict[str, Callable[[Path], None]] = {
    "foreign_sqlite": _foreign_sqlite,
    "foreign_sqlite_with_articles": _foreign_sqlite_with_articles,
    "newer_store": _newer_store,
    "directory": _directory,
    "text_file": _text_file,
}
"""Files a case needs that a row cannot hold: ``make = {"store.sqlite" = "foreign_sqlite"}``."""


def _server(spec: str) -> Reply | None:
    """The fault server's behaviour for a case: ok, canned, error:STATUS, content:TEXT, garbage, or none."""
    if spec == "none":
        return None
    if spec == "ok":
        return ok()
    if spec == "canned":
        return schema_minimal()
    if spec.startswith("error:"):
        return error(int(spec.removeprefix("error:")))
    if spec.startswith("content:"):
        return completion_with_content(spec.removeprefix("content:"))
    if spec == "garbage":
        return Reply(200, b"<html>502 Bad Gateway</html>", {"Content-Type": "text/html"})
    raise ValueError(f"unknown server behaviour {spec!r}")


def _input(case: dict[str, Any], tmp: Path) -> Path:
    """Write the case's input under ``tmp``: a corpus file, inline text/bytes, or a directory of files."""
    target = tmp / str(case.get("name", Path(case.get("file", "article.txt")).name))
    target.parent.mkdir(parents=True, exist_ok=True)
    if "file" in case:
        target.write_bytes((CORPUS / "files" / case["file"]).read_bytes())
    elif "text" in case:
        text = case["text"] * case.get("repeat", 1)
        target.write_bytes(text.encode(case.get("encoding", "utf-8")))
    elif "hex" in case:
        target.write_bytes(bytes.fromhex(case["hex"]))
    elif "files" in case:
        target = tmp / case.get("name", "inputs")
        target.mkdir()
        for file_name, content in case["files"].items():
            (target / file_name).write_text(content, encoding="utf-8")
    for made, maker in case.get("make", {}).items():
        MAKERS[maker](tmp / made)
    return target


@contextlib.contextmanager
def _servers(case: dict[str, Any]) -> Iterator[dict[str, str]]:
    reply = _server(case.get("server", "none"))
    with contextlib.ExitStack() as stack:
        values: dict[str, str] = {}
        if reply is not None:
            values["server"] = stack.enter_context(fault_server(reply)).url
        if case.get("pages"):
            values["pages"] = stack.enter_context(page_server())
        yield values


def _fill(arg: str, values: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m[1], m[0]), arg)


def _params() -> list[Any]:
    marks = []
    for case in CASES:
        extra = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
        if case.get("root_only") and not _is_root():
            extra.append(pytest.mark.skip(reason="needs root (writes to a device or mounts)"))
        if case.get("seed"):
            extra.append(requires_seed)
        marks.append(pytest.param(case, id=case["id"], marks=extra))
    return marks


def _is_root() -> bool:
    import os

    return os.geteuid() == 0


def test_cases_are_well_formed() -> None:
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    assert len(CASES) >= 60
    for case in CASES:
        assert case["command"] in (*DEFAULT_ARGS, "api"), case["id"]
        assert ("raises" in case) if case["command"] == "api" else ("exit" in case), case["id"]


@pytest.mark.parametrize("case", _params())
def test_bad_input(case: dict[str, Any], tmp_path: Path) -> None:
    if case["command"] == "api":
        _api_case(case, tmp_path)
        return
    source = _input(case, tmp_path)
    with _servers(case) as values:
        values |= {"input": str(source), "tmp": str(tmp_path), "root": str(ROOT)}
        if case.get("stdin"):
            values["input"] = "-"
        args = [
            _fill(a, values) for a in [*case.get("base_args", DEFAULT_ARGS[case["command"]]), *case.get("args", [])]
        ]
        if "server" in values:
            args += ["--base-url", values["server"]]
        result = _run(case["command"], args, source.read_bytes() if case.get("stdin") else None)
    _check(case, result, values)


def _run(command: str, args: list[str], stdin: bytes | None) -> subprocess.CompletedProcess[str]:
    """The command in a fresh process with a bare environment (as run_cli), standard input given as bytes."""
    done = subprocess.run(
        [sys.executable, "-m", "summarizer", command, *args], input=stdin, capture_output=True, timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(Path.home())},
    )  # fmt: skip
    decode = lambda data: data.decode("utf-8", errors="replace")  # noqa: E731
    return subprocess.CompletedProcess(done.args, done.returncode, decode(done.stdout), decode(done.stderr))


def _check(case: dict[str, Any], result: subprocess.CompletedProcess[str], values: dict[str, str]) -> None:
    where = f"{case['id']}: exit {result.returncode}\nstderr: {result.stderr[-2000:]}"
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout, where
    assert result.returncode == case["exit"], where
    errors = [line for line in result.stderr.splitlines() if line.lower().startswith("error:")]
    if case["exit"] != 0:
        assert len(errors) == 1, f"expected one error line; {where}"
        assert case["message"].casefold() in errors[0].casefold(), where
    elif "message" in case:
        assert case["message"] in result.stdout + result.stderr, where
    for name, fragments in case.get("absent", {}).items():
        path = Path(_fill(name, values))
        written = path.read_text(errors="replace") if path.exists() else ""
        for fragment in [fragments] if isinstance(fragments, str) else fragments:
            assert fragment not in written, f"{fragment!r} in {path}"
    for fragment in case.get("absent_output", []):
        assert fragment not in result.stdout + result.stderr, f"{fragment!r} in the output; {where}"
    for name in case.get("safe_markdown", []):
        path = Path(_fill(name, values))
        assert not (problems := markdown_problems(path.read_text())), f"{path}: {problems}"
    for name in case.get("not_written", []):
        assert not Path(_fill(name, values)).exists(), f"{name} was written"


_OUR_TAGS = {"p", "h1", "h2", "h3", "ul", "li", "blockquote", "code", "strong", "em", "sub", "a"}
"""What our Markdown becomes: its syntax, ``<sub>`` (a brief's run line) and ``<a id>`` (a digest's story anchors)."""


def markdown_problems(markdown: str) -> list[str]:
    """What an article could have planted in Markdown, once rendered (CommonMark, raw HTML allowed as a viewer does):
    a tag we never write, an attribute other than href/id, a link that is not http(s) or an anchor."""
    from html.parser import HTMLParser

    from markdown_it import MarkdownIt

    problems: list[str] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag not in _OUR_TAGS:
                problems.append(f"<{tag}>")
            for attr, value in attrs:
                if attr not in ("href", "id") or (attr == "href" and not (value or "").startswith(("#", "http"))):
                    problems.append(f"<{tag} {attr}={value!r}>")

    viewer = MarkdownIt("commonmark")
    viewer.validateLink = lambda url: True  # markdown-it drops javascript: links itself; not every viewer does
    Tags().feed(viewer.render(markdown))
    return problems


def _api_case(case: dict[str, Any], tmp_path: Path) -> None:
    """Call the public API as the row says; it must raise the named SummarizerError subclass with the message."""
    import summarizer
    from summarizer.digest.store import Store
    from summarizer.ingest.article import read_article

    calls: dict[str, Callable[..., Any]] = {
        "Article": summarizer.Article,
        "read_article": read_article,
        "Store": lambda path: Store(tmp_path / path),
        "summarize": lambda value: summarizer.Summarizer(base_url="http://127.0.0.1:9/v1").summarize(value),
    }
    _input(case, tmp_path) if any(k in case for k in ("file", "text", "hex", "files", "make")) else None
    kwargs = {
        k: _fill(v, {"tmp": str(tmp_path)}) if isinstance(v, str) else v for k, v in case.get("kwargs", {}).items()
    }
    args = [None] if case.get("none_arg") else case.get("call_args", [])
    with pytest.raises(summarizer.SummarizerError) as raised:
        calls[case["call"]](*args, **kwargs)
    assert type(raised.value).__name__ == case["raises"] or case["raises"] in [
        c.__name__ for c in type(raised.value).__mro__
    ], type(raised.value)
    message = str(raised.value)
    assert "\n" not in message and case["message"].casefold() in message.casefold(), message
