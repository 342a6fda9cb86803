"""Malformed gold files and reports given to `summarizer eval` (issue 11): one line, exit 2, no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarizer.cli import cli
from tests.conftest import ROOT

ARTICLE = {"text": "Ann Lee spoke in Oslo on Monday."}
GUM_ENTITY = {"type": "person", "salience": 5, "named": True, "mentions": ["Ann Lee"]}

CASES: dict[str, tuple[str, bytes, str]] = {
    "who item without a name": (
        "gold.jsonl",
        json.dumps({**ARTICLE, "who": [{"aliases": ["Lee"]}]}).encode(),
        "'who' item 1 must be a name or an object with a 'name'",
    ),
    "where is a number": ("gold.jsonl", json.dumps({**ARTICLE, "where": 5}).encode(), "'where' must be a list"),
    "salience is a word": (
        "gum.json",
        json.dumps({"article": ARTICLE, "gold": {"salient_entities": [{**GUM_ENTITY, "salience": "high"}]}}).encode(),
        "'salience' must be a number",
    ),
    "gold is a string": (
        "gum.json",
        json.dumps({"article": ARTICLE, "gold": "oops"}).encode(),
        "'gold' must be an object",
    ),
    "UTF-16 JSONL": ("gold.jsonl", json.dumps(ARTICLE).encode("utf-16"), "not UTF-8 text (convert it to UTF-8)"),
    "attribution without a cue": (
        "polnear.json",
        json.dumps(
            {"article": ARTICLE, "gold": {"attributions": [{"source": {"start": 0, "end": 7, "text": "Ann Lee"}}]}}
        ).encode(),
        "missing 'cue'",
    ),
    "span off the text": (
        "polnear.json",
        json.dumps(
            {
                "article": ARTICLE,
                "gold": {
                    "attributions": [
                        {
                            "source": {"start": 1, "end": 8, "text": "Ann Lee"},
                            "cue": {"start": 8, "end": 13, "text": "spoke"},
                            "content": [],
                        }
                    ]
                },
            }
        ).encode(),
        "is not the article's text there",
    ),
    "meantime without a scope": (
        "meantime.json",
        json.dumps({"article": ARTICLE, "gold": {"events": [], "times": [], "entities": []}}).encode(),
        "missing 'scope'",
    ),
}


def _one_line_error(output: str, expected: str) -> None:
    assert "Traceback" not in output
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), output
    assert expected in lines[0], output


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_malformed_gold_file_is_one_line(case: str, tmp_path: Path) -> None:
    name, content, expected = CASES[case]
    path = tmp_path / name
    path.write_bytes(content)
    result = CliRunner().invoke(cli, ["eval", str(path), "--report", str(tmp_path / "r.json")], terminal_width=400)
    assert result.exit_code == 2, result.output
    _one_line_error(result.output, expected)
    assert not (tmp_path / "r.json").exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (bytes(range(256)) * 4, "not a summarizer eval report (not UTF-8 JSON)"),
        ("{}".encode("utf-16"), "not a summarizer eval report"),
        (b'{"report_version": 1}', "not a summarizer eval report (ValidationError)"),
    ],
    ids=["binary", "utf-16", "not a report"],
)
def test_compare_refuses_what_is_not_a_report(content: bytes, expected: str, tmp_path: Path) -> None:
    path = tmp_path / "x.bin"
    path.write_bytes(content)
    result = CliRunner().invoke(cli, ["eval", "--compare", str(path), str(path)], terminal_width=400)
    assert result.exit_code == 2, result.output
    _one_line_error(result.output, expected)


def test_ablation_refuses_a_model(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(ARTICLE) + "\n")
    result = CliRunner().invoke(cli, ["eval", str(path), "--ablation", "--model", "local"])
    assert result.exit_code == 2 and "--ablation replaces the model" in result.output


def test_an_unwritable_report_is_one_line(tmp_path: Path) -> None:
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    (briefs / "100911.err").write_text("BackendError('down')")
    blocked = tmp_path / "file"
    blocked.write_text("")
    result = CliRunner().invoke(
        cli,
        [
            "eval",
            str(ROOT / "tests" / "data" / "meantime"),
            "--from-briefs",
            str(briefs),
            "--report",
            str(blocked / "r.json"),
        ],
    )
    assert result.exit_code == 2, result.output
    assert "cannot write the report" in result.output and "Traceback" not in result.output
