"""``summarizer batch`` on the local engine: rows in shards, resume by key, failures as rows, bad input in one line.

Model answers are the embedded model's, recorded for the digest day
(cassettes/test_digest_of_a_day.yaml) and replayed by a real HTTP server on
127.0.0.1 (tests/fault_server.py); tests whose point is not the briefs'
content use the smallest answer the schema allows.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.bulk import shards
from summarizer.schema import Brief
from tests.conftest import ROOT, run_cli
from tests.fault_server import error, fault_server, ok, schema_minimal

DAY = ROOT / "tests" / "data" / "digest-day"
ARTICLES = 5
"""The digest day's articles (the museum story under two names is one)."""


def batch(*args: str) -> tuple[int, str]:
    result = run_cli("batch", *args)
    return result.returncode, result.stderr


def rows_of(out: Path) -> list[dict]:
    return list(shards.rows(out))


def raw_rows(out: Path) -> list[dict]:
    """Every row of every shard file, superseded or not (to show the directory holds each article once)."""
    return [row for path in shards.shards(out) for row in shards.read_shard(path) if row is not None]


def comparable(row: dict) -> dict:
    """A row without what differs between two runs of the same answers (how long they took)."""
    brief = dict(row["brief"])
    brief["run"] = {k: v for k, v in brief["run"].items() if k not in ("latency_s", "server_timings", "created")}
    return {**row, "brief": brief, "source": Path(row["source"]).name}


def test_local_batch_writes_one_row_per_article_and_resumes(tmp_path: Path) -> None:
    out, store = tmp_path / "out", tmp_path / "store.sqlite"
    with fault_server(ok()) as server:
        code, stderr = batch(str(DAY), "--out", str(out), "--store", str(store), "--base-url", server.url)
        assert code == 0, stderr
        calls = len(server.requests)
        assert server.unrecorded == 0 and calls >= ARTICLES
        code, again = batch(str(DAY), "--out", str(out), "--store", str(store), "--base-url", server.url)
        assert code == 0 and len(server.requests) == calls  # finished articles never reach the model
    assert "5 briefs made" in stderr and "4 inputs skipped" in stderr and "notes.docx" in stderr
    assert "0 briefs made, 5 already" in again

    rows = raw_rows(out)
    assert len(rows) == ARTICLES and len({r["article_hash"] for r in rows}) == ARTICLES
    for row in rows:
        assert row["error"] is None and row["answers"]
        assert row["brief_key"]["prompt_version"].startswith("brief/") and row["brief_key"]["model"]
        brief = Brief.model_validate(row["brief"])
        text = row["article"]["text"]
        assert all(text[e.start : e.end] == e.text for who in brief.who for e in who.evidence)
    manifest = json.loads((out / "manifest.json").read_text())
    assert [r["made"] for r in manifest["runs"]] == [5, 0] and [r["already"] for r in manifest["runs"]] == [0, 5]
    assert sum(s["rows"] for s in manifest["shards"]) == ARTICLES
    assert {s["source"].rsplit("/", 1)[1] for s in manifest["runs"][0]["skipped"]} == {
        "empty.txt", "feed.xml", "notes.docx", "scan.txt"
    }  # fmt: skip

    # The digest from the shards (no model, no store) tells the same stories as the digest of the inputs.
    from_briefs = run_cli("digest", "--briefs", str(out), "--date", "2026-11-20", "--out", str(tmp_path / "d1"))
    assert from_briefs.returncode == 0, from_briefs.stderr
    with fault_server(ok()) as server:
        direct = run_cli("digest", str(DAY), "--store", str(store), "--date", "2026-11-20", "--out", str(tmp_path / "d2"),
                         "--base-url", server.url)  # fmt: skip
        assert direct.returncode == 0 and not server.requests  # the store already holds every brief
    one, two = (json.loads((tmp_path / d / "digest-2026-11-20.json").read_text()) for d in ("d1", "d2"))
    assert len(one["articles"]) == ARTICLES and len(one["stories"]) == 3
    assert one["stories"] == two["stories"] and one["run"]["model"] == two["run"]["model"]
    assert (one["run"]["made"], one["run"]["reused"]) == (0, ARTICLES)
    assert {s["source"] for s in one["skipped"]} == {s["source"] for s in two["skipped"]}


def test_failures_are_rows_and_a_rerun_retries_only_them(tmp_path: Path) -> None:
    out, store = tmp_path / "out", tmp_path / "store.sqlite"
    args = [str(DAY), "--out", str(out), "--store", str(store), "-j", "1"]
    with fault_server(error(400), schema_minimal()) as server:  # the first article's request is refused
        code, stderr = batch(*args, "--base-url", server.url)
    assert code == 3, stderr
    assert "1 failed" in stderr and "re-run" in stderr and "Traceback" not in stderr
    failed = [r for r in rows_of(out) if r["error"]]
    assert len(failed) == 1 and "400" in failed[0]["error"] and failed[0]["brief"] is None
    with shards.shards(out)[-1].open("a") as shard:  # what a kill in mid-write leaves: a torn last line
        shard.write('{"article_hash": "a3671')

    with fault_server(schema_minimal()) as server:
        code, stderr = batch(*args, "--base-url", server.url)
        assert code == 0, stderr
        assert len(server.requests) == 1  # only the failed article is asked again
    rows = raw_rows(out)  # the error row and the torn line are gone from the shards: one row per article
    assert all(json.loads(line) for path in shards.shards(out) for line in path.read_text().splitlines())
    assert len(rows) == ARTICLES and all(r["brief"] is not None for r in rows)
    assert {r["article_hash"] for r in rows} >= {failed[0]["article_hash"]}


def test_parquet_in_and_out(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    articles = [
        {"text": (DAY / "festival-valencia.txt").read_text(), "title": "Festival", "published": "2026-11-20"},
        {"text": (DAY / "tile-museum.txt").read_text(), "title": "Museum", "published": None},
    ]
    source = tmp_path / "day.parquet"
    pq.write_table(pa.Table.from_pylist(articles), source)
    no_text = tmp_path / "notext.parquet"
    pq.write_table(pa.Table.from_pylist([{"body": "words"}]), no_text)
    out = tmp_path / "out"
    args = [str(source), str(no_text), "--out", str(out), "--store", str(tmp_path / "s.sqlite"), "--format", "parquet"]
    with fault_server(schema_minimal()) as server:
        code, stderr = batch(*args, "--base-url", server.url)
        assert code == 0, stderr
        code, again = batch(*args, "--base-url", server.url)
        assert code == 0 and len(server.requests) == 2
    assert "no 'text' column (columns: body)" in stderr and "Traceback" not in stderr
    assert "2 already" in again
    files = shards.shards(out)
    assert [f.suffix for f in files] == [".parquet"]
    rows = rows_of(out)
    assert sorted(r["source"].rsplit("#", 1)[1] for r in rows) == ["1", "2"]
    assert {r["article"]["title"] for r in rows} == {"Festival", "Museum"}
    assert all(Brief.model_validate(r["brief"]) for r in rows)


def test_bad_output_and_inputs_are_one_line_errors(tmp_path: Path) -> None:
    # Every run names a server that answers nothing useful: a test never starts the embedded model.
    model = ["--base-url", "http://127.0.0.1:9/v1", "--store", str(tmp_path / "s.sqlite")]
    (tmp_path / "file").write_text("")
    code, stderr = batch(str(DAY), "--out", str(tmp_path / "file" / "out"), *model)
    assert code == 2 and "cannot create the output directory" in stderr and "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1

    # A directory nobody may write, even root (sysfs).
    code, stderr = batch(str(DAY), "--out", "/sys/kernel", *model)
    assert code == 2 and "cannot write to /sys/kernel" in stderr and "writable directory" in stderr
    assert "Traceback" not in stderr

    code, stderr = batch("/no/such/dir", "--out", str(tmp_path / "o"), *model)
    assert code == 2 and "no article found" in stderr and "no such file" in stderr

    code, stderr = batch(
        str(DAY), "--out", str(tmp_path / "o"), "--engine", "ray", "--ray-address", "127.0.0.1:9", *model
    )
    assert code == 2 and "no Ray cluster answers at 127.0.0.1:9" in stderr and "Traceback" not in stderr
    assert not list((tmp_path / "o").glob("briefs-*"))


def test_digest_of_briefs_needs_briefs(tmp_path: Path) -> None:
    result = run_cli("digest", "--briefs", str(tmp_path / "none"), "--out", str(tmp_path / "o"))
    assert result.returncode == 2 and "no briefs in" in result.stderr and "summarizer batch" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    result = run_cli("digest", "--out", str(tmp_path / "o"))
    assert result.returncode == 2 and "--briefs DIR" in result.stderr
    result = run_cli("digest", str(DAY), "--briefs", str(tmp_path), "--out", str(tmp_path / "o"))
    assert result.returncode == 2 and "not both" in result.stderr
    assert not (tmp_path / "o").exists()


def test_batch_help_teaches() -> None:
    result = run_cli("batch", "--help")
    assert result.returncode == 0
    for word in (
        "--out",
        "--engine",
        "--ray-address",
        "--format",
        "parquet",
        "article_hash",
        "brief_key",
        "Exit status",
    ):
        assert word in result.stdout
