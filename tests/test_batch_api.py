"""``summarizer batch --batch-api`` against a 127.0.0.1 server implementing /v1/files and /v1/batches
(tests/batch_server.py), answering with the embedded model's recorded answers for the digest day, or failing
at each step (create, upload, poll, download, partial output): each request is one batch on the server."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from summarizer.digest.store import Store
from tests.batch_server import BatchServer, batch_server
from tests.conftest import interruptible, run_cli
from tests.fault_server import fault_server, ok, schema_minimal
from tests.test_batch import ARTICLES, DAY, comparable, raw_rows
from tests.test_digest import wait_until


def store(tmp_path: Path) -> list[str]:
    """Every test keeps its own store: the Batch API's briefs go into it, as the local engine's do."""
    return ["--store", str(tmp_path / "store.sqlite")]


def recorded_batch(out: Path) -> bool:
    """The batch id is on disk (what a crash must not lose)."""
    try:
        return any(b.get("id") for b in json.loads((out / "batch-api.json").read_text())["batches"])
    except (OSError, ValueError, KeyError):
        return False


def test_crash_after_submit_then_rerun_resumes_the_same_batch(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with batch_server() as server:
        args = [str(DAY), "--out", str(out), "--batch-api", "--poll", "0.1", "--base-url", server.url, *store(tmp_path)]
        process = subprocess.Popen([sys.executable, "-m", "summarizer", "batch", *args], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)  # fmt: skip
        held = wait_until(lambda: recorded_batch(out), timeout=60)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        assert held, "no batch id recorded within 60 s"
        assert server.created == 1 and not raw_rows(out)

        server.finish()
        result = run_cli("batch", *args)
        assert result.returncode == 0, result.stderr
        assert server.created == 1  # the same batch, resumed by its recorded id: nothing submitted twice
        again = run_cli("batch", *args)
        assert again.returncode == 0 and server.created == 1 and "0 briefs made, 5 already" in again.stderr
        live = server.live
    assert "5 briefs made" in result.stderr and "Traceback" not in result.stderr
    rows = raw_rows(out)
    assert len(rows) == ARTICLES and len({r["article_hash"] for r in rows}) == ARTICLES
    assert all(r["brief"] for r in rows)

    # The batch's answers are grounded exactly as live ones: the rows equal the local engine's.
    local = tmp_path / "local"
    with fault_server(ok()) as replay:
        mine = run_cli(
            "batch", str(DAY), "--out", str(local), "--store", str(tmp_path / "s.sqlite"), "--base-url", replay.url
        )
        assert mine.returncode == 0, mine.stderr
        assert len(replay.requests) == ARTICLES + live  # the local engine asked what the batch answered, plus re-asks
    by_hash = {r["article_hash"]: comparable(r) for r in raw_rows(local)}
    for row in rows:
        mine_row = comparable(row)
        theirs = by_hash[row["article_hash"]]
        mine_row["brief"]["run"].pop("attempts"), theirs["brief"]["run"].pop("attempts")
        assert mine_row["brief"] == theirs["brief"] and mine_row["answers"] == theirs["answers"]


def test_killed_before_the_batch_id_arrives_then_rerun_adopts_that_batch(tmp_path: Path) -> None:
    out = tmp_path / "out"
    minimal = schema_minimal().respond
    assert minimal is not None
    with batch_server(minimal) as server:
        server.answer_create_after = 60.0  # the batch exists on the server; its id never reaches the client
        args = [str(DAY), "--out", str(out), "--batch-api", "--poll", "0.1", "--base-url", server.url, *store(tmp_path)]
        process = subprocess.Popen([sys.executable, "-m", "summarizer", "batch", *args], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)  # fmt: skip
        held = wait_until(lambda: server.created == 1, timeout=60)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        assert held and not recorded_batch(out)  # only the input file's id is on disk
        server.answer_create_after = 0.0
        server.finish()
        result = run_cli("batch", *args)
        assert result.returncode == 0, result.stderr
        assert server.created == 1  # found by its input file: not submitted twice
    rows = raw_rows(out)
    assert len(rows) == ARTICLES and all(r["brief"] for r in rows)


def test_an_expired_batch_is_failure_rows_then_submitted_again(tmp_path: Path) -> None:
    out = tmp_path / "out"
    minimal = schema_minimal().respond  # the point is the batch's fate, not the briefs' content
    assert minimal is not None
    with batch_server(minimal) as server:
        args = [str(DAY), "--out", str(out), "--batch-api", "--poll", "0.1", "--base-url", server.url, *store(tmp_path)]
        process = subprocess.Popen([sys.executable, "-m", "summarizer", "batch", *args], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True)  # fmt: skip
        assert wait_until(lambda: server.created == 1, timeout=60)
        server.expire()
        _, stderr = process.communicate(timeout=60)
        assert process.returncode == 1, stderr
        assert "expired" in stderr and "re-run" in stderr and "Traceback" not in stderr
        assert [r["error"] for r in raw_rows(out)].count(None) == 0 and len(raw_rows(out)) == ARTICLES

        process = subprocess.Popen([sys.executable, "-m", "summarizer", "batch", *args], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True)  # fmt: skip
        assert wait_until(lambda: server.created == 2, timeout=60)
        server.finish()
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 0, stderr
    rows = raw_rows(out)  # the failure rows are replaced: one row per article
    assert len(rows) == ARTICLES and all(r["brief"] for r in rows)


def test_batch_api_needs_a_server(tmp_path: Path) -> None:
    result = run_cli("batch", str(DAY), "--out", str(tmp_path / "o"), "--batch-api", "--model", "none")
    assert result.returncode == 2 and "/v1/batches" in result.stderr and "Traceback" not in result.stderr
    result = run_cli("batch", str(DAY), "--out", str(tmp_path / "o"), "--batch-api", "--engine", "ray")
    assert result.returncode == 2 and "drop --engine ray" in result.stderr


# --- A provider that misbehaves at each step: every request is paid for once (issue 25, item 2).


def api_args(server: BatchServer, out: Path, tmp_path: Path, *inputs: Path) -> list[str]:
    sources = [str(i) for i in inputs] or [str(DAY)]
    return [*sources, "--out", str(out), "--batch-api", "--poll", "0.1", "--base-url", server.url, *store(tmp_path)]


@contextmanager
def finishing(server: BatchServer, **finish: Any) -> Iterator[None]:
    """Complete every batch as soon as it is created (``finish``: how the first one's output is damaged)."""
    stop = threading.Event()

    def finisher() -> None:
        first = True
        while not stop.wait(0.05):
            with server.lock:
                open_ = any(b["status"] == "in_progress" for b in server.batches.values())
            if open_:
                server.finish(**(finish if first else {}))
                first = False

    thread = threading.Thread(target=finisher, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


@pytest.mark.parametrize(("step", "keeps_metadata"), [("create", True), ("upload", True), ("create", False)])
def test_a_post_answered_500_after_it_was_made_is_found_not_repeated(
    tmp_path: Path, step: str, keeps_metadata: bool
) -> None:
    """Before: the client retried a create answered 500 three times, so four batches were made and paid for.

    A server that drops the batch's metadata is found by the batch's input file, uploaded for this request alone.
    """
    minimal = schema_minimal().respond
    assert minimal is not None
    with batch_server(minimal) as server, finishing(server):
        server.keeps_metadata = keeps_metadata
        server.failures[step] = 10  # every attempt fails, after the server made the batch (or stored the file)
        result = run_cli("batch", *api_args(server, tmp_path / "out", tmp_path))
        assert result.returncode == 0, result.stderr
        assert (server.created, server.uploads) == (1, 1)
    rows = raw_rows(tmp_path / "out")
    assert len(rows) == ARTICLES and all(r["brief"] for r in rows)


@pytest.mark.parametrize("step", ["poll", "download"])
def test_a_server_failing_while_waiting_or_downloading_is_one_line_then_the_rerun_resumes(
    tmp_path: Path, step: str
) -> None:
    minimal = schema_minimal().respond
    assert minimal is not None
    out = tmp_path / "out"
    with batch_server(minimal) as server, finishing(server):
        server.failures[step] = 4  # the client's own three retries of a look all fail too
        failed = run_cli("batch", *api_args(server, out, tmp_path))
        assert failed.returncode == 1 and "Traceback" not in failed.stderr
        assert "the Batch API failed" in failed.stderr and "re-run" in failed.stderr
        resumed = run_cli("batch", *api_args(server, out, tmp_path))
        assert resumed.returncode == 0, resumed.stderr
        assert server.created == 1 and "5 briefs made" in resumed.stderr
    assert len(raw_rows(out)) == ARTICLES


def test_partial_or_damaged_output_keeps_the_good_answers_and_resubmits_only_the_rest(tmp_path: Path) -> None:
    """Before: one non-JSON line in a batch's output was a traceback on every re-run."""
    minimal = schema_minimal().respond
    assert minimal is not None
    out = tmp_path / "out"
    with batch_server(minimal) as server, finishing(server, drop=1, garbage="<html>502 Bad Gateway</html>"):
        partial = run_cli("batch", *api_args(server, out, tmp_path))
        assert partial.returncode == 3, partial.stderr
        assert "Traceback" not in partial.stderr and "1 line(s)" in partial.stderr and "not answers" in partial.stderr
        assert "4 briefs made" in partial.stderr and "without an answer" in partial.stderr
        again = run_cli("batch", *api_args(server, out, tmp_path))
        assert again.returncode == 0, again.stderr
        assert server.created == 2  # one batch per request: the second holds only the missing article
        second = [b for b in server.batches.values() if b["id"] != "batch-2"]
        assert [len(server.files[b["input_file_id"]].splitlines()) for b in second] == [1]
    rows = raw_rows(out)
    assert len(rows) == ARTICLES and all(r["brief"] for r in rows)


def test_a_run_over_other_articles_keeps_the_answers_of_the_batch_it_collects(tmp_path: Path) -> None:
    """Before: the middle run marked the first batch collected and dropped its answers: paid for twice."""
    minimal = schema_minimal().respond
    assert minimal is not None
    out = tmp_path / "out"
    museum = [DAY / "tile-museum.txt", DAY / "festival-valencia.txt"]
    ferries = [DAY / "coastal-wire-ferry.json", DAY / "lakeside-ferry.json", DAY / "monitor-ferry.html"]
    with batch_server(minimal) as server:
        first = subprocess.Popen([sys.executable, "-m", "summarizer", "batch", *api_args(server, out, tmp_path, *museum)],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=interruptible)  # fmt: skip
        held = wait_until(lambda: recorded_batch(out), timeout=60)
        twice = run_cli("batch", *api_args(server, out, tmp_path, *museum))  # the same command, while it waits
        assert twice.returncode == 2 and "in use by another summarizer batch" in twice.stderr
        first.send_signal(signal.SIGINT)  # Ctrl-C while it waits
        first.wait(timeout=30)
        assert held
        with finishing(server):
            other = run_cli("batch", *api_args(server, out, tmp_path, *ferries))
            assert other.returncode == 0, other.stderr
            assert len(raw_rows(out)) == ARTICLES  # the first batch's answers are kept too, not thrown away
            again = run_cli("batch", *api_args(server, out, tmp_path, *museum))
        assert again.returncode == 0 and "0 briefs made, 2 already" in again.stderr, again.stderr
        assert server.created == 2 and server.live == 0
    state = json.loads((out / "batch-api.json").read_text())
    assert [b["collected"] for b in state["batches"]] == [True, True]
    assert not list((out / "batch-api").iterdir())  # each batch's copy of its articles went once it was kept


def test_damaged_state_is_one_warning_and_the_batch_is_found_again_by_its_request(tmp_path: Path) -> None:
    """Before: bad JSON in batch-api.json blocked every run until deleted by hand; a record without custom_ids
    was a KeyError."""
    minimal = schema_minimal().respond
    assert minimal is not None
    out = tmp_path / "out"
    with batch_server(minimal) as server:
        args = api_args(server, out, tmp_path)
        process = subprocess.Popen([sys.executable, "-m", "summarizer", "batch", *args], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)  # fmt: skip
        held = wait_until(lambda: recorded_batch(out), timeout=60)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        assert held
        (out / "batch-api.json").write_text('{"batches": [{"id": "batch-2", "custom_ids": [')  # torn by hand
        server.finish()
        result = run_cli("batch", *args)
        assert result.returncode == 0, result.stderr
        assert server.created == 1  # the lost record's batch, found on the server by its request's hash
        warning = [line for line in result.stderr.splitlines() if "batch-api.json" in line]
        assert len(warning) == 1 and "moved to batch-api.json.damaged-" in warning[0], result.stderr
        assert len(list(out.glob("batch-api.json.damaged-*"))) == 1

        (out / "batch-api.json").write_text(json.dumps({"batches": [{"id": "batch-9"}, {"custom_ids": [1]}]}))
        more = run_cli("batch", *args)
        assert more.returncode == 0 and "0 briefs made, 5 already" in more.stderr, more.stderr
        assert "2 record(s) without custom_ids" in more.stderr and "Traceback" not in more.stderr
        assert json.loads((out / "batch-api.json").read_text()) == {"batches": []}


def test_a_recorded_batch_the_server_does_not_know_is_one_line_and_blocks_nothing_else(tmp_path: Path) -> None:
    minimal = schema_minimal().respond
    assert minimal is not None
    out = tmp_path / "out"
    out.mkdir()
    foreign = {"id": "batch-elsewhere", "input_file_id": "file-elsewhere", "custom_ids": ["not-an-article-here"]}
    (out / "batch-api.json").write_text(json.dumps({"batches": [foreign]}))
    with batch_server(minimal) as server, finishing(server):
        result = run_cli("batch", *api_args(server, out, tmp_path))
        assert result.returncode == 0 and "5 briefs made" in result.stderr, result.stderr
        assert "batch-elsewhere" in result.stderr and "--base-url" in result.stderr and server.created == 1
    assert json.loads((out / "batch-api.json").read_text())["batches"][0] == foreign  # kept: it may be paid for


# --- One store, one kind of row: the Batch API's briefs are the local engine's (issue 25, item 5).


def test_batch_api_briefs_are_in_the_store_so_the_digest_needs_no_model(tmp_path: Path) -> None:
    minimal = schema_minimal().respond
    assert minimal is not None
    out = tmp_path / "out"
    with batch_server(minimal) as server, finishing(server):
        made = run_cli("batch", *api_args(server, out, tmp_path))
        assert made.returncode == 0, made.stderr
        with Store(tmp_path / "store.sqlite") as kept:
            assert kept.count_briefs() == ARTICLES
        asked = server.live
        digest = run_cli("digest", str(DAY), *store(tmp_path), "--date", "2026-11-20", "--out", str(tmp_path / "d"),
                         "--base-url", server.url)  # fmt: skip
        assert digest.returncode == 0, digest.stderr
        assert server.live == asked and server.created == 1  # every brief came from the store
    built = json.loads((tmp_path / "d" / "digest-2026-11-20.json").read_text())
    assert (built["run"]["made"], built["run"]["reused"]) == (0, ARTICLES)
    by_hash = {r["article_hash"]: r["brief"]["headline"] for r in raw_rows(out)}
    assert sorted(by_hash.values()) == sorted(a["brief"]["headline"] for a in built["articles"])


def test_the_engine_answers_a_first_request_made_elsewhere_as_it_answers_live(tmp_path: Path) -> None:
    """The public pair first_request / summarize_from gives the brief summarize_recorded gives."""
    from summarizer import Summarizer

    article = (DAY / "tile-museum.txt").read_text()
    minimal = schema_minimal().respond
    assert minimal is not None
    with fault_server(schema_minimal()) as server, Summarizer(base_url=server.url, api_key="k", model="m") as engine:
        live = engine.summarize_recorded(article)
        body = engine.first_request(article)
        assert body["model"] == "m" and body["messages"][-1]["role"] == "user" and body["temperature"] == 0
        asked = len(server.requests)
        elsewhere = engine.summarize_from(article, json.loads(minimal(json.dumps(body).encode())))
        assert len(server.requests) - asked == len(live.answers) - 1  # only the later requests went live
    assert elsewhere.answers == live.answers
    assert elsewhere.brief.model_dump(exclude={"run"}) == live.brief.model_dump(exclude={"run"})


def test_a_batch_is_marked_collected_only_after_its_rows_were_taken(tmp_path: Path) -> None:
    """The caller writes a batch's rows before it asks for more: a kill in between leaves the batch to collect."""
    from summarizer import Summarizer
    from summarizer.bulk.batch_api import run_batch_api
    from summarizer.bulk.rows import Task
    from summarizer.digest.briefing import brief_key
    from summarizer.digest.store import content_hash
    from summarizer.ingest.article import Article

    minimal = schema_minimal().respond
    assert minimal is not None
    article = Article(text=(DAY / "tile-museum.txt").read_text())
    task = Task(content_hash(article.text), "museum", article)
    out = tmp_path / "out"
    out.mkdir()
    with batch_server(minimal) as server, finishing(server), Summarizer(base_url=server.url, api_key="k") as engine:
        batches = run_batch_api(engine, [task], brief_key(engine), out, store_path=tmp_path / "s.sqlite",
                                poll_s=0.05, status=lambda _m: None)  # fmt: skip
        rows = next(batches)
        assert [r["article_hash"] for r in rows] == [task.article_hash] and rows[0]["brief"]
        assert [b.get("collected") for b in json.loads((out / "batch-api.json").read_text())["batches"]] == [None]
        assert list(batches) == []
        assert [b.get("collected") for b in json.loads((out / "batch-api.json").read_text())["batches"]] == [True]
