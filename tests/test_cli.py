"""The CLI end to end, in a subprocess: exit codes, one-line errors, nothing half-written."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import click
import pytest

from tests.conftest import SEED, requires_seed
from tests.conftest import run_cli as run
from tests.fault_server import error, fault_server, ok, recorded_completion, schema_minimal
from tests.test_stored_answers import LONG


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert lines[0].startswith("error: ")
    return lines[0]


def test_help_teaches() -> None:
    result = run("brief", "--help")
    assert result.returncode == 0
    for word in ("--model", "--base-url", "--format", "--output", "Exit status", "published"):
        assert word in result.stdout


@pytest.mark.parametrize(
    ("content", "expected"),
    [(b"", "empty"), (b" \n\n ", "empty"), (b"\x00\x01\x02binary", "binary")],
)
def test_bad_files(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    result = run("brief", str(path), "--output", str(tmp_path / "out.json"))
    assert result.returncode == 2
    assert expected in one_line_error(result)
    assert not (tmp_path / "out.json").exists()


def test_missing_file() -> None:
    result = run("brief", "/no/such/article.txt")
    assert result.returncode == 2 and "no such file" in one_line_error(result)


@requires_seed
def test_unknown_model_and_missing_key() -> None:
    result = run("brief", str(SEED), "--model", "nope/x")
    assert result.returncode == 2 and "unknown model spec" in one_line_error(result)
    result = run("brief", str(SEED), "--model", "openai/gpt-4o-mini")
    assert result.returncode == 2 and "OPENAI_API_KEY" in one_line_error(result)


@requires_seed
def test_wrong_api_key_is_one_line(tmp_path: Path) -> None:
    with fault_server(error(401)) as server:
        result = run("brief", str(SEED), "--base-url", server.url, "--output", str(tmp_path / "b.json"))
    assert result.returncode == 1 and "refused the API key" in one_line_error(result)
    assert not (tmp_path / "b.json").exists()


@requires_seed
def test_brief_json_from_stdin() -> None:
    with fault_server(ok()) as server:
        result = run("brief", "-", "--base-url", server.url, "--format", "json", stdin=SEED.read_bytes())
    assert result.returncode == 0, result.stderr
    brief = json.loads(result.stdout)
    text = SEED.read_text()
    for actor in brief["who"]:
        assert text[actor["mention"]["start"] : actor["mention"]["end"]] == actor["mention"]["text"]


@requires_seed
def test_markdown_to_file(tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    with fault_server(ok()) as server:
        result = run("brief", str(SEED), "--base-url", server.url, "--format", "markdown", "-o", str(out))
    assert result.returncode == 0, result.stderr
    markdown = out.read_text()
    assert markdown.startswith("# ") and "## Sources" in markdown and "> " in markdown


@requires_seed
def test_huge_article_is_trimmed_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    seed = SEED.read_text()
    path.write_text(seed + "\n\n" + ("Filler sentence about nothing in particular. " * 45_000))
    assert path.stat().st_size > 2_000_000
    # The trimmed article's request was never recorded: the answer is canned on purpose (trimming is tested).
    with fault_server(schema_minimal()) as server:
        result = run("brief", str(path), "--base-url", server.url, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert "warning: article is" in result.stderr
    assert json.loads(result.stdout)["run"]["truncated"] is True


@requires_seed
def test_brief_of_a_web_page() -> None:
    """A URL gives the page's main text and metadata; the model answer is the seed's recorded one."""
    from tests.page_server import page_server

    # The extracted text differs from the seed file's: the seed's answer is canned on purpose (extraction is tested).
    with page_server() as base, fault_server(ok(fallback=recorded_completion())) as server:
        url = f"{base}/article.html"
        result = run("brief", url, "--base-url", server.url, "--format", "json")
    assert result.returncode == 0, result.stderr
    brief = json.loads(result.stdout)
    assert brief["article"]["url"] == url and brief["article"]["outlet"] == "Sahel Wire"
    assert any("Dembele" in actor["name"] for actor in brief["who"])


def test_unreachable_url_is_a_one_line_error() -> None:
    result = run("brief", "http://127.0.0.1:9/article.html")
    assert result.returncode == 2 and "cannot reach the server" in one_line_error(result)


@pytest.mark.parametrize(("passages", "calls"), [("0", 1), ("2", 3)])
def test_passages_choose_how_much_the_model_reads(tmp_path: Path, passages: str, calls: int) -> None:
    path = tmp_path / "long.txt"
    path.write_text(LONG)
    with fault_server(schema_minimal()) as server:
        result = run("brief", str(path), "--base-url", server.url, "--format", "json", "--passages", passages)
        assert len(server.requests) == calls
    assert result.returncode == 0, result.stderr
    run_info = json.loads(result.stdout)["run"]
    assert run_info["attempts"] == calls
    assert (run_info["model_chars"] == len(LONG)) is (passages != "0")


def test_every_model_command_shares_the_model_options() -> None:
    """`eval` once redeclared --model ... --passages and its help drifted; now each command has the same ones."""
    from summarizer.cli import cli

    def options(name: str) -> dict[str, str | None]:
        command = cli.commands[name]
        shared = ("model", "base_url", "api_key", "timeout", "passages")
        return {p.name: p.help for p in command.params if isinstance(p, click.Option) and p.name in shared}

    expected = options("brief")
    assert len(expected) == 5 and "OPENAI_API_KEY" in (expected["api_key"] or "")
    for name in ("eval", "digest", "batch", "watch"):
        assert options(name) == expected, name
